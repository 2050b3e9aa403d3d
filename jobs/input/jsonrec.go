package input

import (
	"bytes"
	"unicode/utf8"
	"unsafe"
)

// This file decodes JSONL records without goccy/go-json in the common case.
// decodeArticle reads a record exactly as json.Unmarshal into jsonArticle
// reads it, or declines (ok false) and leaves the record to json.Unmarshal,
// which then also gives the error of a broken record. It declines whatever
// it does not read exactly like goccy/go-json: a record whose decoding
// goccy/go-json would fail, and some odd ones it would accept (a key with
// an escape, a top-level null, a NUL byte, deep nesting).
//
// What it reproduces of goccy/go-json:
//   - keys match field names ignoring ASCII case; the last of duplicate keys
//     wins; unknown keys are skipped, their values checked no more than
//     goccy/go-json checks them;
//   - null leaves a string field as it is, sets a *string field to nil and
//     a json.RawMessage field to "null";
//   - string bytes are copied as they are, invalid UTF-8 and control
//     characters included; a NUL byte, an unknown escape or a \u escape
//     without four hex digits is an error;
//   - \u escapes of a lone surrogate become U+FFFD, as does a high
//     surrogate followed by an escape that is not a low surrogate.
//
// Strings without escapes point into raw, which is never changed after it
// is read; strings with escapes are decoded into their own buffer.

// articleField numbers the fields of jsonArticle.
type articleField int

const (
	fieldUnknown articleField = iota
	fieldID
	fieldTitle
	fieldText
	fieldBody
	fieldContent
	fieldOutlet
	fieldURL
	fieldPublished
	fieldLang
	fieldCluster
)

// fieldOf returns the field a key names, ignoring ASCII case as
// goccy/go-json does.
func fieldOf(key []byte) articleField {
	var lower [9]byte // the longest field name, "published"
	if len(key) == 0 || len(key) > len(lower) {
		return fieldUnknown
	}
	for i, c := range key {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	switch string(lower[:len(key)]) {
	case "id":
		return fieldID
	case "title":
		return fieldTitle
	case "text":
		return fieldText
	case "body":
		return fieldBody
	case "content":
		return fieldContent
	case "outlet":
		return fieldOutlet
	case "url":
		return fieldURL
	case "published":
		return fieldPublished
	case "lang":
		return fieldLang
	case "cluster":
		return fieldCluster
	}
	return fieldUnknown
}

// maxSkipDepth is the deepest nesting decodeArticle skips; deeper values
// are left to goccy/go-json.
const maxSkipDepth = 64

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// decodeArticle decodes the JSON object raw into j, which must be zero. ok
// is false when raw must be decoded by json.Unmarshal instead; j is then
// in an unspecified state.
func decodeArticle(raw []byte, j *jsonArticle) (ok bool) {
	i := skipSpace(raw, 0)
	if i == len(raw) || raw[i] != '{' {
		return false
	}
	i = skipSpace(raw, i+1)
	if i < len(raw) && raw[i] == '}' {
		return skipSpace(raw, i+1) == len(raw)
	}
	for {
		// A key: one without an escape.
		if i == len(raw) || raw[i] != '"' {
			return false
		}
		k := i + 1
		e := k
		for e < len(raw) && raw[e] != '"' && raw[e] != '\\' && raw[e] != 0 {
			e++
		}
		if e == len(raw) || raw[e] != '"' {
			return false
		}
		field := fieldOf(raw[k:e])
		i = skipSpace(raw, e+1)
		if i == len(raw) || raw[i] != ':' {
			return false
		}
		i = skipSpace(raw, i+1)
		if i == len(raw) {
			return false
		}
		switch field {
		case fieldTitle, fieldOutlet, fieldURL, fieldLang, fieldCluster, fieldText, fieldBody, fieldContent:
			var s string
			null := false
			switch raw[i] {
			case '"':
				var ok bool
				if s, i, ok = decodeString(raw, i); !ok {
					return false
				}
			case 'n':
				if !hasLiteral(raw, i, "null") {
					return false
				}
				i += 4
				null = true
			default:
				return false
			}
			switch field {
			case fieldText:
				j.Text = stringPtr(s, null)
			case fieldBody:
				j.Body = stringPtr(s, null)
			case fieldContent:
				j.Content = stringPtr(s, null)
			default:
				if !null { // null leaves a string as it is
					*stringField(j, field) = s
				}
			}
		default:
			end, ok := skipValue(raw, i, 0)
			if !ok {
				return false
			}
			switch field {
			case fieldID:
				j.ID = raw[i:end:end]
			case fieldPublished:
				j.Published = raw[i:end:end]
			}
			i = end
		}
		i = skipSpace(raw, i)
		if i == len(raw) {
			return false
		}
		switch raw[i] {
		case '}':
			return skipSpace(raw, i+1) == len(raw)
		case ',':
			i = skipSpace(raw, i+1)
		default:
			return false
		}
	}
}

func stringPtr(s string, null bool) *string {
	if null {
		return nil
	}
	return &s
}

func stringField(j *jsonArticle, f articleField) *string {
	switch f {
	case fieldTitle:
		return &j.Title
	case fieldOutlet:
		return &j.Outlet
	case fieldURL:
		return &j.URL
	case fieldLang:
		return &j.Lang
	default:
		return &j.Cluster
	}
}

func hasLiteral(b []byte, i int, lit string) bool {
	return len(b)-i >= len(lit) && string(b[i:i+len(lit)]) == lit
}

// skipValue returns the end of the JSON value at b[i], as far as
// goccy/go-json checks a value it only skips: strings to their closing
// quote, numbers as a run of number characters, objects and arrays to
// their closing bracket. ok is false when goccy/go-json might read it
// otherwise.
func skipValue(b []byte, i, depth int) (end int, ok bool) {
	switch c := b[i]; {
	case c == '"':
		return skipString(b, i)
	case c == '-' || '0' <= c && c <= '9':
		i++
		for i < len(b) && isNumberChar(b[i]) {
			i++
		}
		return i, true
	case c == 't':
		return i + 4, hasLiteral(b, i, "true")
	case c == 'f':
		return i + 5, hasLiteral(b, i, "false")
	case c == 'n':
		return i + 4, hasLiteral(b, i, "null")
	case c == '{' || c == '[':
		if depth >= maxSkipDepth {
			return 0, false
		}
		close := byte('}')
		if c == '[' {
			close = ']'
		}
		i = skipSpace(b, i+1)
		if i < len(b) && b[i] == close {
			return i + 1, true
		}
		for {
			if c == '{' {
				if i == len(b) || b[i] != '"' {
					return 0, false
				}
				if i, ok = skipString(b, i); !ok {
					return 0, false
				}
				i = skipSpace(b, i)
				if i == len(b) || b[i] != ':' {
					return 0, false
				}
				i = skipSpace(b, i+1)
			}
			if i == len(b) {
				return 0, false
			}
			if i, ok = skipValue(b, i, depth+1); !ok {
				return 0, false
			}
			i = skipSpace(b, i)
			if i == len(b) {
				return 0, false
			}
			switch b[i] {
			case close:
				return i + 1, true
			case ',':
				i = skipSpace(b, i+1)
			default:
				return 0, false
			}
		}
	}
	return 0, false
}

// isNumberChar reports whether c continues a number skipped by
// goccy/go-json.
func isNumberChar(c byte) bool {
	return '0' <= c && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'
}

// skipString returns the end of the string at b[i]: a backslash escapes
// the byte after it, whatever it is; a NUL byte is an error.
func skipString(b []byte, i int) (end int, ok bool) {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '"':
			return i + 1, true
		case '\\':
			i++
			if i == len(b) || b[i] == 0 {
				return 0, false
			}
		case 0:
			return 0, false
		}
	}
	return 0, false
}

// decodeString decodes the string at b[i] (its opening quote) and returns
// it and the index after its closing quote; ok is false for a string
// goccy/go-json would not decode.
func decodeString(b []byte, i int) (s string, end int, ok bool) {
	start := i + 1
	// The closing quote is the first one after an even number of
	// backslashes: those are escaped backslashes, as no escape ends in a
	// backslash but the escaped backslash.
	for i = start; ; i++ {
		n := bytes.IndexByte(b[i:], '"')
		if n < 0 {
			return "", 0, false
		}
		i += n
		k := i
		for k > start && b[k-1] == '\\' {
			k--
		}
		if (i-k)%2 == 0 {
			break
		}
	}
	lit := b[start:i]
	if bytes.IndexByte(lit, 0) >= 0 {
		return "", 0, false
	}
	if bytes.IndexByte(lit, '\\') < 0 {
		return unsafe.String(unsafe.SliceData(lit), len(lit)), i + 1, true
	}
	out, ok := unescape(make([]byte, 0, len(lit)), lit)
	if !ok {
		return "", 0, false
	}
	return unsafe.String(unsafe.SliceData(out), len(out)), i + 1, true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func hexVal(c byte) rune {
	switch {
	case c <= '9':
		return rune(c - '0')
	case c <= 'F':
		return rune(c - 'A' + 10)
	default:
		return rune(c - 'a' + 10)
	}
}

// hex4 reads the four hex digits at s[0:4], checked by isHex4.
func hex4(s []byte) rune {
	return hexVal(s[0])<<12 | hexVal(s[1])<<8 | hexVal(s[2])<<4 | hexVal(s[3])
}

// unescape appends the string literal lit (between its quotes) to dst with
// its escapes decoded, as goccy/go-json decodes them; ok is false for an
// escape goccy/go-json rejects.
func unescape(dst, lit []byte) (_ []byte, ok bool) {
	for len(lit) > 0 {
		n := bytes.IndexByte(lit, '\\')
		if n < 0 {
			return append(dst, lit...), true
		}
		dst = append(dst, lit[:n]...)
		lit = lit[n:]
		if len(lit) < 2 {
			return nil, false
		}
		if c := lit[1]; c != 'u' {
			switch c {
			case '"', '\\', '/':
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			default:
				return nil, false
			}
			dst = append(dst, c)
			lit = lit[2:]
			continue
		}
		if !isHex4(lit) {
			return nil, false
		}
		r := hex4(lit[2:6])
		if 0xd800 <= r && r < 0xdc00 && len(lit) >= 12 && lit[6] == '\\' && lit[7] == 'u' && isHex4(lit[6:]) {
			if lo := hex4(lit[8:12]); 0xdc00 <= lo && lo < 0xe000 {
				r = (r-0xd800)<<10 | (lo - 0xdc00) + 0x10000
				lit = lit[6:]
			}
		}
		dst = utf8.AppendRune(dst, r) // a lone surrogate is U+FFFD
		lit = lit[6:]
	}
	return dst, true
}

// isHex4 reports whether esc starts with a \u escape with four hex digits.
func isHex4(esc []byte) bool {
	return len(esc) >= 6 && isHex(esc[2]) && isHex(esc[3]) && isHex(esc[4]) && isHex(esc[5])
}

package extract

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is one sentence of an article: byte offsets into the text, with
// a leading dateline ("BEIRUT (Reuters) -") already cut off.
type sentence struct {
	s, e       int   // byte span, trimmed
	boiler     bool  // byline, credit line, "Related Story", ...: yields no claims
	datelineAt int   // byte offset of a dateline cut from the start, or -1
	datelineE  int   // end of the dateline's place name
	tokS, tokE int32 // its tokens in the article's buffer, when kept
	kept       bool
}

// Sentences splits text into sentences and returns their byte spans
// [start, end), trimmed of surrounding white space, boilerplate included.
// It is exported for tests and tools; Extract uses the same splitter.
func Sentences(text string) [][2]int {
	ss := splitSentences(text, nil)
	out := make([][2]int, len(ss))
	for i, s := range ss {
		out[i] = [2]int{s.s, s.e}
	}
	return out
}

// splitSentences appends the sentences of text to out.
//
// Boundaries: a blank line; a line break followed by anything but a
// lower-case letter (headlines, datelines and paragraphs are one per line
// in most corpora, while a hard-wrapped sentence goes on in lower case);
// and ., ! or ? (with closing quotes or brackets) followed by white space
// and then a capital, digit, quote or bracket, unless the period ends a
// title or month abbreviation (Mr., Gen., No., Jan.), an initial (J.), or an
// ambiguous abbreviation (U.S., a.m., Okla., Inc.) that is not followed by a
// typical sentence opener.
func splitSentences(text string, out []sentence) []sentence {
	n := len(text)
	start := skipSpace(text, 0)
	emit := func(end int) {
		e := end
		for e > start && isSpaceByte(text[e-1]) {
			e--
		}
		// Run-on "sentences" (tables, lists, garbage) are cut at white space
		// into pieces of at most maxSentence bytes, which keeps the
		// per-sentence analysis linear.
		for e-start > maxSentence {
			cut := start + maxSentence
			for cut > start+maxSentence/2 && !isSpaceByte(text[cut]) {
				cut--
			}
			if !isSpaceByte(text[cut]) {
				cut = start + maxSentence
				for cut > start && !utf8.RuneStart(text[cut]) {
					cut--
				}
				if cut == start {
					cut = start + maxSentence // invalid UTF-8 without a rune start
				}
			}
			ce := cut
			for ce > start && isSpaceByte(text[ce-1]) {
				ce--
			}
			if ce > start {
				out = append(out, finishSentence(text, start, ce))
			}
			start = skipSpace(text, cut)
		}
		if e > start {
			out = append(out, finishSentence(text, start, e))
		}
	}
	// The next occurrence of each stop byte, found with IndexByte (which
	// scans many bytes at a time) and looked for again once passed.
	var next [4]int
	stops := [4]byte{'.', '\n', '!', '?'}
	for k := range next {
		next[k] = -1
	}
	for i := start; i < n; i++ {
		if !stopByte[text[i]] {
			m := n
			for k, c := range stops {
				if next[k] < i {
					if j := strings.IndexByte(text[i:], c); j >= 0 {
						next[k] = i + j
					} else {
						next[k] = n
					}
				}
				m = min(m, next[k])
			}
			i = m
		}
		if i >= n {
			break
		}
		c := text[i]
		switch c {
		case '\n':
			j := i + 1
			blank := false
			for j < n && isSpaceByte(text[j]) {
				if text[j] == '\n' {
					blank = true
				}
				j++
			}
			if j >= n {
				emit(i)
				start = n
				i = n
				continue
			}
			if blank || !isLowerAt(text, j) {
				emit(i)
				start = j
				i = j - 1
			}
		case '.', '!', '?':
			j := i + 1
			for j < n && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
				j++
			}
			j = skipClosers(text, j)
			if j < n && !isSpaceByte(text[j]) {
				continue
			}
			k := skipSpace(text, j)
			if k >= n {
				continue
			}
			if !opensSentence(text, k) {
				continue
			}
			if c == '.' && j == i+1 && !periodEnds(text, i, k) {
				continue
			}
			emit(j)
			start = k
			i = k - 1
		}
	}
	if start < n {
		emit(n)
	}
	return out
}

// maxSentence is the longest span analysed as one sentence.
const maxSentence = 2000

var stopByte = [256]bool{'.': true, '!': true, '?': true, '\n': true}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// skipSpace skips ASCII white space and the no-break and similar spaces.
func skipSpace(text string, i int) int {
	for i < len(text) {
		if isSpaceByte(text[i]) {
			i++
			continue
		}
		if text[i] >= utf8.RuneSelf {
			r, sz := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += sz
				continue
			}
		}
		break
	}
	return i
}

func isLowerAt(text string, i int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLower(r)
}

// skipClosers skips closing quotes and brackets after a terminator.
func skipClosers(text string, j int) int {
	for j < len(text) {
		switch {
		case text[j] == '"' || text[j] == '\'' || text[j] == ')' || text[j] == ']':
			j++
		case strings.HasPrefix(text[j:], "”") || strings.HasPrefix(text[j:], "’"):
			j += 3
		default:
			return j
		}
	}
	return j
}

// opensSentence reports whether the character at k can start a sentence.
func opensSentence(text string, k int) bool {
	c := text[k]
	switch {
	case c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '"', c == '\'', c == '(', c == '[', c == '$', c == '-':
		return true
	case c < utf8.RuneSelf:
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	return unicode.IsUpper(r) || r == '“' || r == '‘' || r == '—' || r == '£' || r == '€'
}

// periodEnds decides whether the single period at i, followed by the
// sentence-opening character at k, ends a sentence.
func periodEnds(text string, i, k int) bool {
	// The word before the period, and whether it has dots.
	w, dot := i, false
	for w > 0 {
		c := text[w-1]
		if byteClass[c]&(bcLower|bcUpper) != 0 {
			w--
			continue
		}
		if c == '.' {
			dot = true
			w--
			continue
		}
		break
	}
	word := text[w:i]
	if word == "" {
		return true // "... 40." or "...)."
	}
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		return false // an initial: "J. Smith"
	}
	if len(word) > 6 && !dot {
		return true
	}
	// No abbreviation of the lists is longer than six bytes.
	if len(word) <= 6 {
		// The word lowered, packed as pack8 packs.
		var k8 uint64
		for j := len(word) - 1; j >= 0; j-- {
			c := word[j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			k8 = k8<<8 | uint64(c)
		}
		kind := abbrevLookup(k8)
		if kind == abbrevTitle {
			return false
		}
		if !dot && kind != abbrevAmbiguous {
			return true
		}
	}
	// U.S., a.m., N.Y., Okla., Inc.: a boundary only before a word that
	// typically opens a sentence.
	e := k
	for e < len(text) && (text[e] >= 'a' && text[e] <= 'z' || text[e] >= 'A' && text[e] <= 'Z') {
		e++
	}
	return isSentenceOpener(text[k:e]) || text[k] == '"' || text[k] == '('
}

const (
	abbrevNone uint8 = iota
	abbrevTitle
	abbrevAmbiguous
)

// abbrevSlots is an open-addressing table of the abbreviations, keyed by
// their bytes packed in a word (none is longer than eight bytes); a title
// abbreviation wins over the same ambiguous one.
var abbrevSlots = func() (t [256]struct {
	k    uint64
	kind uint8
}) {
	add := func(w string, kind uint8) {
		k := pack8(w)
		for h := abbrevHash(k); ; h++ {
			sl := &t[h]
			if sl.kind == abbrevNone {
				sl.k, sl.kind = k, kind
				return
			}
			if sl.k == k {
				return
			}
		}
	}
	for _, w := range titleAbbrevs {
		add(w, abbrevTitle)
	}
	for _, w := range ambiguousAbbrevs {
		add(w, abbrevAmbiguous)
	}
	return t
}()

func abbrevHash(k uint64) uint8 { return uint8((k * 0x9E3779B97F4A7C15) >> 56) }

// abbrevKind tells whether the lower-case word w (at most eight bytes) is
// a title or an ambiguous abbreviation.
func abbrevKind(w []byte) uint8 {
	var b [8]byte
	copy(b[:], w)
	return abbrevLookup(binary.LittleEndian.Uint64(b[:]))
}

// abbrevLookup is abbrevKind of the word packed in k.
func abbrevLookup(k uint64) uint8 {
	for h := abbrevHash(k); ; h++ {
		sl := &abbrevSlots[h]
		if sl.kind == abbrevNone || sl.k == k {
			return sl.kind
		}
	}
}

// isSentenceOpener reports a word that typically opens a sentence.
func isSentenceOpener(w string) bool {
	switch w {
	case "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And", "This", "That",
		"There", "These", "Those", "His", "Her", "Their", "Its", "Our", "According", "After", "As", "When",
		"While", "If", "Police", "Officials", "Authorities", "No", "One", "Two", "Three", "Some", "Many", "More",
		"Meanwhile", "However", "Earlier", "Later", "Last", "Since", "For", "Of", "By", "Witnesses", "Also", "So",
		"Yet", "What", "Who", "Why", "How", "Where", "Both", "Most", "All", "Several", "Officers", "Investigators":
		return true
	}
	return false
}

// finishSentence classifies the span [s, e) and cuts a leading dateline.
func finishSentence(text string, s, e int) sentence {
	st := sentence{s: s, e: e, datelineAt: -1}
	if isBoilerplate(text[s:e]) {
		st.boiler = true
		return st
	}
	if d, placeEnd, ok := dateline(text[s:e]); ok {
		st.datelineAt = s
		st.datelineE = s + placeEnd
		st.s = s + d
		if st.s >= st.e {
			st.boiler = true
			st.s = s
		}
	}
	return st
}

var boilerByFirst = func() (m [256][]string) {
	for _, bp := range boilerPrefixes {
		m[bp[0]] = append(m[bp[0]], bp)
	}
	return m
}()

// boilerSecond is the set of second bytes of the prefixes by first byte.
var boilerSecond = func() (m [256][4]uint64) {
	for _, bp := range boilerPrefixes {
		m[bp[0]][bp[1]>>6] |= 1 << (bp[1] & 63)
	}
	return m
}()

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix,
// ignoring the case of s.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// isBoilerplate reports whether a sentence is a credit, byline or site
// furniture rather than article prose.
func isBoilerplate(s string) bool {
	if s == "" {
		return false
	}
	c0 := s[0]
	if c0 >= 'A' && c0 <= 'Z' {
		c0 += 'a' - 'A'
	}
	if len(s) >= 2 {
		c1 := s[1]
		if c1 >= 'A' && c1 <= 'Z' {
			c1 += 'a' - 'A'
		}
		if boilerSecond[c0][c1>>6]&(1<<(c1&63)) != 0 {
			for _, bp := range boilerByFirst[c0] {
				if hasPrefixFold(s, bp) {
					return true
				}
			}
		}
	}
	// "11 November 2011 Last updated at 12:41 GMT", "March 3, 2015 Posted:
	// ...": page furniture after a date
	if rest := afterDate(s); len(rest) < len(s) && rest != "" && isBoilerplate(rest) {
		return true
	}
	low := s
	if len(low) > 3 {
		low = s[:3]
	}
	// "By John Smith, Reuters" bylines: short, no verb-like lower-case word.
	if (low == "by " || low == "By " || low == "BY ") && len(s) < 80 {
		lowerWords := 0
		for f := range strings.FieldsSeq(s[3:]) {
			if f[0] >= 'a' && f[0] <= 'z' && f != "and" && f != "of" {
				lowerWords++
			}
		}
		return lowerWords == 0
	}
	return false
}

// afterDate returns s after a leading date of digits, month names,
// commas, periods and slashes ("11 November 2011 ", "Nov. 10, 2011 | ");
// s itself when it does not open with a date (a month name and digits
// before the first other word).
func afterDate(s string) string {
	i, month, digits := 0, false, false
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == ',' || c == '.' || c == '/' || c == '|' || c == '-' || c == '\t':
			i++
		case c >= '0' && c <= '9':
			digits = true
			i++
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			j := i
			for j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z') {
				j++
			}
			if j-i > 9 || !isMonthFold(s[i:j]) {
				if month && digits {
					return s[i:]
				}
				return s
			}
			month = true
			i = j
		default:
			return s
		}
	}
	return s
}

// isMonthFold reports whether w, a word of at most nine ASCII letters in
// any case, is a month name or abbreviation of the lexicon. It lowers w on
// the stack: afterDate asks it of the first word of every sentence.
func isMonthFold(w string) bool {
	var b [9]byte
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[k] = c
	}
	return lexFlags(string(b[:len(w)]))&fMonth != 0
}

// dateline recognizes "BEIRUT (Reuters) -", "JOHNSTON & CARTER COUNTY, OK --"
// or "ARDMORE, Okla. (AP) —" at the start of s. It returns where the
// sentence proper starts and where the place name ends.
func dateline(s string) (start, placeEnd int, ok bool) {
	// Quick reject: a dateline opens with two capitals or has an agency in brackets.
	if len(s) < 4 || !(s[0] >= 'A' && s[0] <= 'Z') || !(s[1] >= 'A' && s[1] <= 'Z' || strings.IndexByte(s[:min(len(s), 60)], '(') > 0) {
		return 0, 0, false
	}
	limit := len(s)
	if limit > 90 {
		limit = 90
	}
	for i := 1; i < limit; i++ {
		if s[i] != ' ' {
			continue
		}
		rest := s[i+1:]
		var dl int
		switch {
		case strings.HasPrefix(rest, "-- "), strings.HasPrefix(rest, "— "), strings.HasPrefix(rest, "– "):
			dl = len("-- ")
			if rest[0] != '-' {
				dl = len("— ")
			}
		case strings.HasPrefix(rest, "- "):
			dl = 2
		case strings.HasPrefix(rest, "—"), strings.HasPrefix(rest, "–"):
			dl = 3
		default:
			continue
		}
		prefix := s[:i]
		if !datelinePrefix(prefix) {
			return 0, 0, false
		}
		pe := len(prefix)
		if k := strings.IndexAny(prefix, ",("); k > 0 {
			pe = k
		}
		for pe > 0 && prefix[pe-1] == ' ' {
			pe--
		}
		return skipSpace(s, i+1+dl), pe, true
	}
	return 0, 0, false
}

func datelinePrefix(p string) bool {
	paren := strings.IndexByte(p, '(')
	hasAgency := paren > 0 && strings.HasSuffix(p, ")")
	// The words of p, as strings.Fields cuts them, without the slice.
	n, first := 0, ""
	for w := range strings.FieldsSeq(p) {
		if n == 0 {
			first = w
		}
		if n++; n > 8 {
			break
		}
	}
	if n == 0 || n > 8 {
		return false
	}
	first = strings.Trim(first, ",.")
	caps := len(first) >= 2
	for i := 0; i < len(first); i++ {
		if !(first[i] >= 'A' && first[i] <= 'Z' || first[i] == '.' || first[i] == '\'' || first[i] == '-') {
			caps = false
		}
	}
	if !caps && !hasAgency {
		return false
	}
	for w := range strings.FieldsSeq(p) {
		c := w[0]
		if c == '(' || c == '&' {
			continue
		}
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= '0' && c <= '9' {
			return false
		}
	}
	return true
}

package jobs

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	json "github.com/goccy/go-json"

	"github.com/claimscan/claimscan/jobs/extract"
	"github.com/claimscan/claimscan/schema"
)

// jsonArticle is one JSONL record. text, body and content are accepted
// for the text, in that order of preference. Records are decoded by
// decodeArticle, which reads them exactly as goccy/go-json does, and by
// goccy/go-json itself when decodeArticle declines (odd or broken records,
// whose errors come from goccy/go-json).
type jsonArticle struct {
	ID        json.RawMessage `json:"id"`
	Title     string          `json:"title"`
	Text      *string         `json:"text"`
	Body      *string         `json:"body"`
	Content   *string         `json:"content"`
	Outlet    string          `json:"outlet"`
	URL       string          `json:"url"`
	Published json.RawMessage `json:"published"`
	Lang      string          `json:"lang"`
	Cluster   string          `json:"cluster"`
}

// processed is one record after parsing and extraction.
type processed struct {
	article schema.Article
	claims  []schema.Claim
	known   bool // skipped: an earlier dataset (--since) has this text
}

// Limits of one article's claims: a sentence keeps its first
// MaxSentenceClaims claims, an article its first MaxArticleClaims. No real
// news article comes near them (the corpora here: at most 10 claims in a
// sentence, 228 in an article); they stop a hostile or broken text ("5 died
// 5 died ...") from filling a run with millions of rows.
const (
	MaxSentenceClaims = 32
	MaxArticleClaims  = 10000
)

// maxIDBytes is the longest article id kept: every claim row repeats its
// article's id, so a longer one is replaced by the record's path and line.
const maxIDBytes = 1024

// funcs are the per-article stage functions a worker applies.
type funcs struct {
	extract func(extract.Article) extract.Result
	keys    func(text string, published time.Time, claims []schema.Claim, cluster string) // sets an article's claim_keys; nil leaves them empty
	known   func(textSHA256 [32]byte) bool                                                // an earlier dataset has this text; nil: none
	latest  time.Time                                                                     // the latest publication date accepted: the run's date and a day
	// withText keeps each article's text in its row (--with-text).
	withText bool
}

// parsed is an article's fields as parsed from its record.
type parsed struct {
	id, title, url, outlet, text string
	cluster                      string // the input's event cluster, used in claim keys
	published                    time.Time
	notes                        []string // problems worth the error column, the article still read
	status, err                  string   // set when the record cannot be used at all
	// keptStatus is the status of an article that is read all the same:
	// its text is kept and its claims extracted (a web page cut short,
	// bytes not valid in the page's charset).
	keptStatus string
}

// process parses one record, checks it, and extracts its claims. It never
// fails: every problem becomes the article's status and error.
func process(rec record, fx *funcs) (p processed) {
	a := &p.article
	a.ArticleID, a.Path, a.Line = rec.id, rec.path, rec.line
	if rec.status != "" {
		a.Status, a.Error = rec.status, rec.err
		return p
	}
	f := formats[rec.format].parse(&rec)
	if len(f.id) > maxIDBytes && rec.line > 0 {
		f.notes = append(f.notes, fmt.Sprintf("id is longer than %d bytes; id made from path and line", maxIDBytes))
		f.id = lineID(rec.path, rec.line)
	}
	if f.id != "" {
		a.ArticleID = f.id
	}
	if f.status != "" {
		a.Status, a.Error = f.status, f.err
		return p
	}
	if !f.published.IsZero() {
		if ok, note := publishedInRange(f.published, fx.latest); !ok {
			f.published = time.Time{}
			f.notes = append(f.notes, note)
		}
	}
	a.Title, a.URL, a.Outlet, a.Published = f.title, f.url, f.outlet, f.published
	if a.Outlet == "" {
		a.Outlet = hostOf(a.URL)
	}
	text, notes := f.text, f.notes
	a.Status = f.keptStatus
	if bad := invalidUTF8(rec.raw); bad >= 0 {
		if a.Status == "" {
			a.Status = schema.StatusInvalidUTF8
		}
		notes = append([]string{fmt.Sprintf("invalid UTF-8 at byte %d; invalid bytes were read as U+FFFD and claims extracted from the repaired text", bad)}, notes...)
	}
	if !utf8.ValidString(text) {
		if a.Status == "" {
			a.Status = schema.StatusInvalidUTF8
			notes = append([]string{"invalid UTF-8 in the text; invalid bytes were read as U+FFFD"}, notes...)
		}
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	if strings.TrimSpace(text) == "" {
		if a.Status != schema.StatusReadError {
			a.Status = schema.StatusEmpty
		}
		notes = append([]string{"no text"}, notes...)
	}
	if a.Status == "" {
		a.Status = schema.StatusOK
	}
	a.Error = strings.Join(notes, "; ")
	a.NChars = int64(runeCount(text))
	// The text is only read: hash it in place rather than copy it.
	sum := sha256.Sum256(unsafe.Slice(unsafe.StringData(text), len(text)))
	a.TextSHA256 = hex.EncodeToString(sum[:])
	if fx.withText {
		a.Text = text
	}
	if fx.known != nil && fx.known(sum) {
		p.known = true
		return p
	}
	if a.Status == schema.StatusEmpty {
		return p
	}
	res := fx.extract(extract.Article{ID: a.ArticleID, Title: a.Title, Text: text, Outlet: a.Outlet, Published: a.Published,
		MaxClaims: MaxArticleClaims, MaxSentenceClaims: MaxSentenceClaims})
	if note := limitsNote(res.Limits, res.NSentences); note != "" {
		if a.Status == schema.StatusOK {
			a.Status = schema.StatusTooManyClaims
		}
		a.Error = joinNotes(a.Error, note)
	}
	a.NSentences = int32(res.NSentences)
	a.NClaims = int32(len(res.Claims))
	if fx.keys != nil {
		fx.keys(text, a.Published, res.Claims, f.cluster)
	}
	p.claims = res.Claims
	return p
}

// limitsNote says which claims the limits left out, for the error column;
// "" when none.
func limitsNote(l extract.Limits, nSentences int) string {
	var parts []string
	if l.CutSentences > 0 {
		parts = append(parts, fmt.Sprintf("%d sentences held more than %d claims: their first %d kept, %d claims dropped",
			l.CutSentences, MaxSentenceClaims, MaxSentenceClaims, l.CutClaims))
	}
	if l.StoppedAt > 0 {
		parts = append(parts, fmt.Sprintf("the first %d claims kept, from sentences 1 to %d of %d; the rest of the text was not searched for claims",
			MaxArticleClaims, l.StoppedAt, nSentences))
	}
	return strings.Join(parts, "; ")
}

// joinNotes joins two notes of the error column.
func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// lineID is the id of a record that has none: its path and line.
func lineID(path string, line int64) string {
	return fmt.Sprintf("%s#L%d", path, line)
}

// parseText reads a one-article .txt or .md file: the text is the file
// without a leading byte-order mark; a .md file's leading "# " heading is
// its title.
func parseText(rec *record) parsed {
	text := string(bytes.TrimPrefix(rec.raw, []byte("\xef\xbb\xbf")))
	return parsed{text: text, title: markdownTitle(text, rec.path)}
}

// parseJSONL reads one JSONL record.
func parseJSONL(rec *record) parsed {
	var j jsonArticle
	if !decodeArticle(rec.raw, &j) {
		j = jsonArticle{}
		if err := unmarshalRecord(rec.raw, &j); err != nil {
			return invalidJSON(rec, err)
		}
	}
	return fromJSON(rec, &j, jsonID, parsePublished)
}

// unmarshal is the JSON decoder of the records decodeArticle declines.
var unmarshal = json.Unmarshal

// unmarshalRecord decodes raw into j with unmarshal. A panic inside the
// decoder (goccy/go-json has panicked on some truncated records) is an
// error of the record like any other decoding error.
func unmarshalRecord(raw []byte, j *jsonArticle) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the JSON decoder failed on this record: %v", r)
		}
	}()
	return unmarshal(raw, j)
}

// invalidJSON is the result of a record that is not a JSON object.
func invalidJSON(rec *record, err error) parsed {
	return parsed{id: fmt.Sprintf("%s#L%d", rec.path, rec.line), status: schema.StatusParseError, err: "invalid JSON: " + err.Error()}
}

// fromJSON maps a decoded record to the article's fields, reading its raw
// id and published fields with readID and readPublished.
func fromJSON(rec *record, j *jsonArticle, readID func(json.RawMessage) (string, error),
	readPublished func(json.RawMessage) (time.Time, bool, string)) (f parsed) {
	id, err := readID(j.ID)
	if err != nil {
		f.notes = append(f.notes, err.Error())
	} else if id == "" {
		f.notes = append(f.notes, "record has no id; id made from path and line")
	}
	if id == "" {
		id = fmt.Sprintf("%s#L%d", rec.path, rec.line)
	}
	f.id, f.title, f.url, f.outlet, f.cluster = id, j.Title, j.URL, j.Outlet, strings.TrimSpace(j.Cluster)
	switch {
	case j.Text != nil:
		f.text = *j.Text
	case j.Body != nil:
		f.text = *j.Body
	case j.Content != nil:
		f.text = *j.Content
	}
	if t, ok, note := readPublished(j.Published); ok {
		f.published = t
	} else if note != "" {
		f.notes = append(f.notes, note)
	}
	return f
}

// runeCount returns the number of runes in s, which is valid UTF-8: the
// number of its bytes that do not continue a rune. It is
// utf8.RuneCountInString for valid UTF-8, several times faster on long
// texts.
func runeCount(s string) int {
	n := len(s)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A continuation byte is 10xxxxxx: bit 7 set, bit 6 (shifted to
		// bit 7) clear.
		n -= bits.OnesCount64(w &^ (w << 1) & 0x8080808080808080)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// invalidUTF8 returns the byte offset of the first invalid UTF-8 sequence in
// b, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// markdownTitle returns the text of a leading "# " heading of a .md file.
func markdownTitle(text, path string) string {
	if !strings.HasSuffix(strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(path, ".gz"), ".zst")), ".md") {
		return ""
	}
	first, _, _ := strings.Cut(strings.TrimLeft(text, " \t\r\n"), "\n")
	if t, ok := strings.CutPrefix(strings.TrimSpace(first), "# "); ok {
		return strings.TrimSpace(t)
	}
	return ""
}

// jsonString decodes a JSON string value: by decodeString, or by goccy when
// decodeString cannot be sure of it.
func jsonString(raw json.RawMessage) (string, error) {
	if s, end, ok := decodeString(raw, 0); ok && end == len(raw) {
		return s, nil
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
}

// jsonID reads an id given as a JSON string or number.
func jsonID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	if raw[0] == '"' {
		s, err := jsonString(raw)
		if err != nil {
			return "", fmt.Errorf("id: %v", err)
		}
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", fmt.Errorf("id is neither a string nor a number: %s", truncate(string(raw), 40))
	}
	return n.String(), nil
}

// publishedLayouts are the date forms accepted in the published field.
// A form without a zone is taken as UTC.
var publishedLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
}

// unixNumber reads a published date given as a JSON number: Unix seconds
// or milliseconds, told apart by magnitude (see unixTime).
func unixNumber(num string) (time.Time, bool, string) {
	v, err := strconv.ParseFloat(num, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return time.Time{}, false, "published: not a date: " + truncate(num, 40)
	}
	return unixTime(v)
}

// Numbers of Unix time: under unixMillisFrom (in absolute value) they are
// seconds (up to the year 5138), from it to unixMillisTo milliseconds
// (1973 to 5138); larger ones are neither.
const (
	unixMillisFrom = 1e11
	unixMillisTo   = 1e14
)

// unixTime reads a number of Unix time as seconds or milliseconds by its
// magnitude: a millisecond timestamp of today (1566639000000) is 1e12,
// seconds are 1e9. Fractions are kept to the microsecond. A number too large
// for either (1e20, 2^63-1, infinity) is refused with a note.
func unixTime(v float64) (time.Time, bool, string) {
	switch a := math.Abs(v); {
	case math.IsNaN(v) || a >= unixMillisTo:
		return time.Time{}, false, fmt.Sprintf("published: %g is neither Unix seconds nor milliseconds", v)
	case a >= unixMillisFrom:
		return time.UnixMicro(int64(math.Round(v * 1e3))).UTC(), true, ""
	}
	return time.UnixMicro(int64(math.Round(v * 1e6))).UTC(), true, ""
}

// earliestPublished is the earliest publication date accepted; the latest
// is the run's date plus one day (funcs.latest).
var earliestPublished = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// publishedInRange checks a publication date against earliestPublished and
// latest; a date outside is a mistake of the input (a wrong unit, a
// placeholder such as 0001-01-01 or 2099-12-31), not a date to compare
// claims by.
func publishedInRange(t, latest time.Time) (ok bool, note string) {
	switch {
	case t.Before(earliestPublished):
		return false, fmt.Sprintf("published: %s is before 1900; left empty", t.Format(time.RFC3339))
	case !latest.IsZero() && t.After(latest):
		return false, fmt.Sprintf("published: %s is after the run's date and a day; left empty", t.Format(time.RFC3339))
	}
	return true, ""
}

// parsePublished reads the published field: a date string in one of
// publishedLayouts, or Unix seconds or milliseconds (unixNumber). ok is false when it is absent or
// unreadable; note then says why, for the article's error column.
func parsePublished(raw json.RawMessage) (t time.Time, ok bool, note string) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" || string(raw) == `""` {
		return time.Time{}, false, ""
	}
	if raw[0] != '"' {
		return unixNumber(string(raw))
	}
	s, err := jsonString(raw)
	if err != nil {
		return time.Time{}, false, "published: " + err.Error()
	}
	s = strings.TrimSpace(s)
	return publishedString(s)
}

// publishedString reads a date string in one of publishedLayouts.
func publishedString(s string) (t time.Time, ok bool, note string) {
	for _, layout := range publishedLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if t.IsZero() {
				// The zero time (0001-01-01), a placeholder: not "absent".
				return time.Time{}, false, "published: " + strconv.Quote(s) + " is before 1900; left empty"
			}
			return t.UTC(), true, ""
		}
	}
	return time.Time{}, false, "published: unrecognised date " + strconv.Quote(truncate(s, 40))
}

// hostOf returns the host of a URL without "www." and port.
func hostOf(u string) string {
	if u == "" {
		return ""
	}
	pu, err := url.Parse(strings.TrimSpace(u))
	if err != nil || pu.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(pu.Hostname()), "www.")
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

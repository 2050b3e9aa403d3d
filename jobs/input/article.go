package input

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

// maxIDBytes is the longest article id kept: every claim row repeats its
// article's id, so a longer one is replaced by the record's path and line.
const maxIDBytes = 1024

// Fields are an article's fields as its format's Reader parses them from a
// record, before the checks of Record.Article.
type Fields struct {
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

// Article is a record parsed and checked: its articles row, and the text
// claims are extracted from. It comes between a Record (as read) and the
// rows of package stage (the row with its claims).
type Article struct {
	// Row is the articles row without what extraction adds (the claim and
	// sentence counts, a status too_many_claims) and without the text
	// column.
	Row schema.Article
	// Parsed: the record was read and parsed; Text, Cluster and SHA256
	// are set (Text may be empty: Row's status is then empty). Otherwise
	// Row says why not.
	Parsed bool
	// Text is the text, valid UTF-8 (invalid bytes read as U+FFFD).
	Text string
	// Cluster is the input's event cluster, used in claim keys.
	Cluster string
	// SHA256 is the hash of Text; Row.TextSHA256 is its hex.
	SHA256 [32]byte
}

// Article parses the record with its format's Reader and checks it: the
// id (a long one is replaced by path and line), the publication date
// (before 1900 or after latest it is left empty; a zero latest sets no
// limit), the outlet (the URL's host when none is given), UTF-8 and an
// empty text. It never fails: every problem becomes the row's status and
// error.
func (rec Record) Article(latest time.Time) (out Article) {
	a := &out.Row
	a.ArticleID, a.Path, a.Line = rec.id, rec.path, rec.line
	if rec.status != "" {
		a.Status, a.Error = rec.status, rec.err
		return out
	}
	f := formats[rec.format].reader.Parse(&rec)
	if len(f.id) > maxIDBytes && rec.line > 0 {
		f.notes = append(f.notes, fmt.Sprintf("id is longer than %d bytes; id made from path and line", maxIDBytes))
		f.id = lineID(rec.path, rec.line)
	}
	if f.id != "" {
		a.ArticleID = f.id
	}
	if f.status != "" {
		a.Status, a.Error = f.status, f.err
		return out
	}
	if !f.published.IsZero() {
		if ok, note := publishedInRange(f.published, latest); !ok {
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
	out.SHA256 = sha256.Sum256(unsafe.Slice(unsafe.StringData(text), len(text)))
	a.TextSHA256 = hex.EncodeToString(out.SHA256[:])
	out.Parsed, out.Text, out.Cluster = true, text, f.cluster
	return out
}

// lineID is the id of a record that has none: its path and line.
func lineID(path string, line int64) string {
	return fmt.Sprintf("%s#L%d", path, line)
}

// parseText reads a one-article .txt or .md file: the text is the file
// without a leading byte-order mark; a .md file's leading "# " heading is
// its title.
func parseText(rec *Record) Fields {
	text := string(bytes.TrimPrefix(rec.raw, []byte("\xef\xbb\xbf")))
	return Fields{text: text, title: markdownTitle(text, rec.path)}
}

// parseJSONL reads one JSONL record.
func parseJSONL(rec *Record) Fields {
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
func invalidJSON(rec *Record, err error) Fields {
	return Fields{id: fmt.Sprintf("%s#L%d", rec.path, rec.line), status: schema.StatusParseError, err: "invalid JSON: " + err.Error()}
}

// fromJSON maps a decoded record to the article's fields, reading its raw
// id and published fields with readID and readPublished.
func fromJSON(rec *Record, j *jsonArticle, readID func(json.RawMessage) (string, error),
	readPublished func(json.RawMessage) (time.Time, bool, string)) (f Fields) {
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
// is the run's date plus one day (LatestPublished).
var earliestPublished = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// LatestPublished is the latest publication date a run started at now
// accepts: its date and a day (clocks and zones differ).
func LatestPublished(now time.Time) time.Time {
	y, m, d := now.UTC().Date()
	return time.Date(y, m, d+2, 0, 0, 0, 0, time.UTC)
}

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

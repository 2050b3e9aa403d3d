package input

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/bits"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/claimscan/claimscan/schema"
)

// Record is one article as read, before parsing and checks. raw is the
// file's bytes (text formats) or one JSON line; a record the reader could
// not use carries a status instead.
type Record struct {
	path   string
	line   int64
	id     string
	format format
	raw    []byte
	// page keeps a web page's bytes as read once its parser has replaced
	// raw by the decoded text; contentType is a WARC response's HTTP
	// Content-Type, whose charset parameter the page's parser reads.
	page        []byte
	contentType string
	meta        *Fields // fields known from the container (WARC headers, Parquet columns)
	status      string
	err         string
}

// Size is the record's size as read, in bytes.
func (r *Record) Size() int64 { return int64(len(r.raw)) }

// FailedRow is the articles row of a record whose processing failed with
// msg: status parse_error, the record's id, or its path and line.
func (r *Record) FailedRow(msg string) schema.Article {
	id := r.id
	if id == "" {
		id = lineID(r.path, r.line)
	}
	return schema.Article{ArticleID: id, Path: r.path, Line: r.line, Status: schema.StatusParseError, Error: msg}
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

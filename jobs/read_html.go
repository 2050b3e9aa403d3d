package jobs

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	nurl "net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/claimscan/claimscan/schema"
)

func init() {
	extensions[".html"] = formatHTML
	extensions[".htm"] = formatHTML
	formats[formatHTML] = &formatSpec{read: (*reader).readHTML, parse: parseHTML}
}

// readHTML reads a one-page .html or .htm file whole, refusing more than
// maxBytes; the page is parsed by a worker (parseHTML). Its article id is
// its path relative to the root given, as for .txt.
func (r *reader) readHTML(ctx context.Context, in input, _ fs.File, src io.Reader) error {
	buf, err := io.ReadAll(io.LimitReader(src, r.maxBytes+1))
	rec := record{id: in.id, path: in.display, format: formatHTML}
	switch {
	case err != nil:
		rec.status, rec.err = schema.StatusReadError, describeErr(err)
	case int64(len(buf)) > r.maxBytes:
		rec.status, rec.err = schema.StatusTooLarge, fmt.Sprintf("page is larger than --max-article-bytes (%d)", r.maxBytes)
	default:
		rec.raw = buf
	}
	return r.add(ctx, rec)
}

// htmlMaxDate is the latest publication date accepted from a page that has
// no crawl date: fixed, so that a run does not depend on the day it runs.
var htmlMaxDate = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)

// parseHTML extracts an article from a web page (rec.raw) with trafilatura:
// the main text without navigation, comments, footers and other
// boilerplate (paragraphs, headings and list items on lines of their own,
// see nodeText; a leading headline equal to the title left out, as the
// title has its own column), and the title, canonical URL, site name and publication
// date from the page's metadata and text.
//
// Fields already known from the container (rec.meta, set for WARC
// records: id, url, outlet, crawl date) win over the page's, except the
// date: the page's publication date is used when found, the crawl date
// otherwise. For a page from a file, outlet is the site name the page
// gives, else the host of its canonical URL.
//
// A page that declares a charset other than UTF-8 (byte-order mark, or
// <meta charset> for a page that is not valid UTF-8) is decoded, and
// rec.raw is replaced by the UTF-8 bytes so that the caller's UTF-8 check
// sees the decoded page. A page that is not valid UTF-8 and declares
// nothing is left as it is: its status is invalid_utf8.
func parseHTML(rec *record) parsed {
	var f parsed
	if rec.meta != nil {
		f = *rec.meta
		f.notes = append([]string(nil), rec.meta.notes...)
	}
	page, err := decodePage(rec.raw)
	if err != nil {
		f.notes = append(f.notes, err.Error())
	} else {
		rec.raw = page
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		f.status, f.err = schema.StatusParseError, "HTML: "+err.Error()
		return f
	}
	maxDate := htmlMaxDate
	if !f.published.IsZero() {
		// A page is not published after it was crawled.
		maxDate = f.published.Add(24 * time.Hour)
	}
	opts := trafilatura.Options{
		ExcludeComments: true,
		// SkipExtensiveSearch must stay on: the free-text date parser it
		// would call is not built in (third_party/dateparser-off).
		HtmlDateOptions: &htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: true, ExtractTime: true, MaxDate: maxDate},
	}
	if f.url != "" {
		if u, err := nurl.Parse(f.url); err == nil && u.Host != "" {
			opts.OriginalURL = u
		}
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		// trafilatura refuses a page whose main text is too short.
		f.notes = append(f.notes, "no main text found: "+err.Error())
		return f
	}
	m := &res.Metadata
	if res.ContentNode != nil {
		f.text = nodeText(res.ContentNode)
	} else {
		f.text = strings.TrimSpace(res.ContentText)
	}
	if f.title == "" {
		f.title = strings.TrimSpace(m.Title)
	}
	if f.url == "" {
		f.url = m.URL
	}
	if f.outlet == "" {
		f.outlet = strings.TrimSpace(m.Sitename)
	}
	if !m.Date.IsZero() {
		f.published = m.Date.UTC()
	}
	if f.text != "" && f.text == strings.TrimSpace(m.Title) {
		// trafilatura's last resort on a page without text is its title.
		f.text = ""
		f.notes = append(f.notes, "no main text found, only the title")
	}
	// The headline is the title column, as for JSONL; left in the text it
	// would give its numbers twice.
	if first, rest, ok := strings.Cut(f.text, "\n\n"); ok && f.title != "" && strings.EqualFold(strings.TrimSpace(first), f.title) {
		f.text = rest
	}
	return f
}

// decodePage returns the page as UTF-8. With a byte-order mark the mark
// decides; a valid UTF-8 page is taken as UTF-8 whatever it declares (a
// page saved as UTF-8 often keeps its old <meta charset>); otherwise the
// charset of its <meta> tag, if any, is used. The error says why a page
// that is not UTF-8 could not be decoded; the page is returned as it is.
func decodePage(raw []byte) ([]byte, error) {
	if bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
		return raw[3:], nil
	}
	_, name, certain := charset.DetermineEncoding(raw, "")
	if !certain && utf8.Valid(raw) {
		return raw, nil
	}
	if !certain && !declaresCharset(raw) {
		return raw, nil
	}
	if name == "utf-8" {
		return raw, nil
	}
	e, _ := charset.Lookup(name)
	if e == nil {
		return raw, fmt.Errorf("unknown charset %q", name)
	}
	out, err := e.NewDecoder().Bytes(raw)
	if err != nil {
		return raw, fmt.Errorf("decoding %s: %v", name, err)
	}
	return out, nil
}

// declaresCharset reports whether the start of the page declares its
// charset in a <meta> tag. DetermineEncoding answers windows-1252 both
// for a page that declares it and for one that declares nothing; on a copy
// of the prefix with its non-ASCII bytes blanked and a UTF-8 letter and a
// space added (a letter at the very end would be dropped as possibly cut),
// which is valid UTF-8 with a non-ASCII byte, it answers UTF-8 unless a
// <meta> tag says otherwise.
func declaresCharset(raw []byte) bool {
	head := raw[:min(len(raw), 1021)]
	probe := make([]byte, len(head), len(head)+3)
	for i, c := range head {
		if c >= 0x80 {
			c = ' '
		}
		probe[i] = c
	}
	probe = append(probe, "\u00e9 "...)
	_, name, _ := charset.DetermineEncoding(probe, "")
	return name != "utf-8"
}

// Text layout of the extracted content: how many line breaks an element
// puts before and after itself. Keyed by tag name, not atom: trafilatura
// renames the elements it keeps (and creates new ones) without setting
// their atoms.
var blockBreaks = map[string]int{
	"p": 2, "div": 2, "h1": 2, "h2": 2, "h3": 2, "h4": 2, "h5": 2, "h6": 2,
	"blockquote": 2, "pre": 2, "table": 2, "ul": 2, "ol": 2, "dl": 2,
	"section": 2, "article": 2, "figure": 2, "header": 2, "footer": 2, "main": 2,
	"aside": 2, "address": 2, "details": 2, "hr": 2, "body": 2,
	"li": 1, "tr": 1, "dt": 1, "dd": 1, "figcaption": 1, "summary": 1, "caption": 1,
}

// nodeText renders extracted content as plain text: blocks (paragraphs,
// headings, lists, tables) separated by a blank line, list items, table
// rows and <br> on lines of their own, cells separated by a space, other
// white space collapsed. A heading thus never runs into the sentence after
// it.
func nodeText(n *html.Node) string {
	var w textWriter
	w.walk(n)
	return w.b.String()
}

type textWriter struct {
	b     strings.Builder
	brk   int  // line breaks owed before the next word
	space bool // a space is owed before the next word
	// edge: an element starts or ends between the last word and the next.
	// trafilatura trims the text it keeps, so "for <a>Larry</a>" comes as
	// "for" and "Larry"; at such an edge words are parted by a space
	// unless punctuation clings to one side (see parted).
	edge bool
}

func (w *textWriter) walk(n *html.Node) {
	if n.Type == html.TextNode {
		w.write(n.Data)
		return
	}
	brk := 0
	if n.Type == html.ElementNode {
		switch n.Data {
		case "script", "style", "noscript", "template":
			return
		case "br":
			w.brk = max(w.brk, 1)
			return
		case "td", "th":
			w.space = true
		}
		brk = blockBreaks[n.Data]
	}
	w.brk = max(w.brk, brk)
	w.edge = true
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	w.brk = max(w.brk, brk)
	w.edge = true
}

// parted reports whether two words met at an element edge are separate
// words: not when the first ends in punctuation that opens ("(", "$",
// "-") or the second starts with punctuation that closes (",", ")", "’s").
func parted(before, after string) bool {
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(after)
	return !strings.ContainsRune("([{“‘«$£€#@/-–", last) && !strings.ContainsRune(",.;:!?)]}”’»%…'", first)
}

func (w *textWriter) write(s string) {
	words := strings.Fields(s)
	if len(words) == 0 {
		if s != "" {
			w.space = true
		}
		return
	}
	if s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' || s[0] == '\f' {
		w.space = true
	}
	for i, word := range words {
		if w.b.Len() > 0 {
			switch {
			case w.brk > 0:
				w.b.WriteString("\n\n"[:w.brk])
			case w.space || i > 0:
				w.b.WriteByte(' ')
			case w.edge && parted(w.b.String(), word):
				w.b.WriteByte(' ')
			}
		}
		w.brk, w.space, w.edge = 0, false, false
		w.b.WriteString(word)
	}
	last := s[len(s)-1]
	w.space = last == ' ' || last == '\t' || last == '\n' || last == '\r' || last == '\f'
}

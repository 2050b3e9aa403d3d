package input

import (
	"bytes"
	"fmt"
	"mime"
	nurl "net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"

	"github.com/claimscan/claimscan/schema"
)

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
// The page's charset comes from its byte-order mark, the HTTP
// Content-Type of a WARC response (rec.contentType), its <meta>
// declarations and its bytes, in the order of the WHATWG encoding sniffing
// algorithm (sniffCharset, metaCharset); the page is decoded to UTF-8.
func parseHTML(rec *Record) Fields {
	var f Fields
	if rec.meta != nil {
		f = *rec.meta
		f.notes = append([]string(nil), rec.meta.notes...)
	}
	cs, note := sniffCharset(rec.raw, rec.contentType)
	if note != "" {
		f.notes = append(f.notes, note)
	}
	n, kept := len(f.notes), f.keptStatus
	doc, err := f.readPage(rec, cs)
	if err != nil {
		f.status, f.err = schema.StatusParseError, "HTML: "+err.Error()
		return f
	}
	if !cs.certain {
		if m, ok := metaCharset(doc); ok && m.name != cs.name {
			// The parser's "change the encoding": read the page again.
			f.notes, f.keptStatus = f.notes[:n], kept
			if doc, err = f.readPage(rec, m); err != nil {
				f.status, f.err = schema.StatusParseError, "HTML: "+err.Error()
				return f
			}
		}
	}
	maxDate := htmlMaxDate
	if !f.published.IsZero() {
		// A page is not published after it was crawled.
		maxDate = f.published.Add(24 * time.Hour)
	}
	opts := trafilatura.Options{
		ExcludeComments: true,
		// SkipExtensiveSearch must stay on: the free-text date parser it
		// would call is not built in (jobs/input/dateparser-off).
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
	if first, rest, ok := strings.Cut(f.text, "\n\n"); ok && isHeadline(first, f.title) {
		f.text = rest
	}
	return f
}

// isHeadline reports whether a page's first block of text is its headline
// in other words than the title's: the title often carries the site's
// name ("... | The Courier") or a rubric, or the two differ in a word or
// in their quotes. It is when the block is short (at most 40 words), and
// at least 80% of its words are in the title and 60% of the title's words
// in it (words compared without case, each counted once per occurrence).
func isHeadline(block, title string) bool {
	a, b := headlineWords(block), headlineWords(title)
	if len(a) == 0 || len(a) > 40 || len(b) == 0 {
		return false
	}
	left := map[string]int{}
	for _, w := range b {
		left[w]++
	}
	common := 0
	for _, w := range a {
		if left[w] > 0 {
			left[w]--
			common++
		}
	}
	return common*5 >= len(a)*4 && common*5 >= len(b)*3
}

// headlineWords returns the words of s, lower-cased: runs of letters and
// digits.
func headlineWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
}

// pageCharset is the charset a page is read in, and how sure that is.
type pageCharset struct {
	enc  encoding.Encoding
	name string // WHATWG name: "utf-8", "windows-1252", "gbk", ...
	// certain: from a byte-order mark or the HTTP header, which a <meta>
	// tag does not override.
	certain bool
}

// sniffCharset finds a page's charset as the WHATWG encoding sniffing
// algorithm orders the sources, with charset.DetermineEncoding: a
// byte-order mark; the charset of the HTTP Content-Type (contentType, ""
// for a page from a file); a <meta> charset declaration in the first 1024
// bytes. A page that declares nothing there is UTF-8 when the whole page
// is valid UTF-8 (the standard's autodetection step, which works best on
// the whole page), else windows-1252, the standard's default (ISO-8859-1
// is read as windows-1252, as browsers do). A <meta> found later in the
// page can still change a charset that is not certain: see metaCharset.
// note says why a declared charset was ignored.
func sniffCharset(raw []byte, contentType string) (cs pageCharset, note string) {
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		if e, _ := charset.Lookup(params["charset"]); e == nil {
			note = fmt.Sprintf("unknown charset %q in the HTTP Content-Type, ignored", truncate(params["charset"], 40))
		}
	}
	cs.enc, cs.name, cs.certain = charset.DetermineEncoding(raw, contentType)
	if !cs.certain && cs.name == "windows-1252" && utf8.Valid(raw) {
		// DetermineEncoding looks at 1024 bytes only: a page whose
		// first non-ASCII byte comes later is still UTF-8. (A <meta>
		// declaring windows-1252 is found again by metaCharset.)
		cs.enc, cs.name = encoding.Nop, "utf-8"
	}
	return cs, note
}

// metaCharset returns the charset declared by the first <meta> element of
// the parsed page that declares one (<meta charset> or <meta http-equiv=
// "Content-Type" content="...; charset=...">), wherever it stands, as the
// HTML parser's "change the encoding" step reads it: UTF-16 labels mean
// UTF-8 and x-user-defined windows-1252. ok is false when no <meta>
// declares a known charset.
func metaCharset(doc *html.Node) (cs pageCharset, ok bool) {
	var label string
	var find func(n *html.Node) bool
	find = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.Data == "meta" {
			var httpEquiv, content string
			for _, a := range n.Attr {
				switch strings.ToLower(a.Key) {
				case "charset":
					label = a.Val
				case "http-equiv":
					httpEquiv = a.Val
				case "content":
					content = a.Val
				}
			}
			if label == "" && strings.EqualFold(strings.TrimSpace(httpEquiv), "content-type") {
				if _, params, err := mime.ParseMediaType(content); err == nil {
					label = params["charset"]
				}
			}
			if label != "" {
				return true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if find(c) {
				return true
			}
		}
		return false
	}
	if !find(doc) {
		return cs, false
	}
	cs.enc, cs.name = charset.Lookup(label)
	switch cs.name {
	case "":
		return cs, false
	case "utf-16be", "utf-16le":
		cs.enc, cs.name = encoding.Nop, "utf-8"
	case "x-user-defined":
		cs.enc, cs.name = charset.Lookup("windows-1252")
	}
	return cs, true
}

// decodePage returns the page in UTF-8. A UTF-8 page is returned as it is
// (without a byte-order mark), invalid bytes and all: the caller's UTF-8
// check reports them. Bytes that are not valid in another charset become
// U+FFFD; bad counts them.
func decodePage(raw []byte, cs pageCharset) (page []byte, bad int, err error) {
	if cs.name == "utf-8" {
		return bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")), 0, nil
	}
	out, err := cs.enc.NewDecoder().Bytes(raw)
	if err != nil {
		return raw, 0, fmt.Errorf("decoding %s: %v", cs.name, err)
	}
	return out, bytes.Count(out, []byte("\uFFFD")), nil
}

// readPage decodes the page (rec.raw, replaced by the UTF-8 bytes so that
// the caller's UTF-8 check sees the decoded page; rec.page keeps the bytes
// as read) and parses it. Bytes not valid in a charset other than UTF-8 make
// the article invalid_utf8, with a note.
func (f *Fields) readPage(rec *Record, cs pageCharset) (*html.Node, error) {
	if rec.page == nil {
		rec.page = rec.raw
	}
	page, bad, err := decodePage(rec.page, cs)
	switch {
	case err != nil:
		f.notes = append(f.notes, err.Error())
	case bad > 0:
		if f.keptStatus == "" {
			f.keptStatus = schema.StatusInvalidUTF8
		}
		f.notes = append(f.notes, fmt.Sprintf("%d bytes are not valid %s; they were read as U+FFFD", bad, cs.name))
	}
	rec.raw = page
	return html.Parse(bytes.NewReader(page))
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

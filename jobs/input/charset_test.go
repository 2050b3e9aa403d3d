package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/claimscan/claimscan/schema"
)

// charsetPage returns an invented news page whose <head> holds head, with
// the paragraphs given (already in the page's charset) and two English
// ones, so that the main text is long enough to be found.
func charsetPage(head string, paras ...string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head>" + head + "<title>Dam repairs in Vellmar</title></head><body>\n")
	b.WriteString("<nav><a href=\"/\">Home</a> <a href=\"/n\">Subscribe to the Newsletter</a></nav>\n<article><h1>Dam repairs in Vellmar</h1>\n")
	paras = append(paras,
		"Engineers began repairs on the Vellmar dam on Monday after inspectors found cracks in its spillway, the water authority said.",
		"About 3,000 residents downstream were told to prepare for an evacuation, although officials said the risk of a breach was low.")
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString("</article>\n<footer>Copyright 2024 Vellmar Courier</footer></body></html>\n")
	return b.String()
}

func encode(t *testing.T, e encoding.Encoding, s string) string {
	t.Helper()
	b, err := e.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestPageCharsets reads pages in several charsets from WARC responses and
// files, and checks the charset each is read in: byte-order mark, then the
// HTTP header, then <meta> (also late in the page), then UTF-8 validity,
// then windows-1252, as the WHATWG encoding sniffing algorithm orders
// them; and what becomes of bytes the charset cannot decode.
func TestPageCharsets(t *testing.T) {
	cyr := "Жители Вельмара обеспокоены состоянием плотины."
	zh := "维尔马大坝的维修工作于周一开始。"
	pad := `<meta name="description" content="` + strings.Repeat("Repairs to the Vellmar dam and what they mean for the town. ", 25) + `">`
	cases := []struct {
		name   string
		header string // HTTP Content-Type; "-" for a page read from a .html file
		page   string
		want   string // in the text
		status string
		errHas string
	}{
		{name: "header wins over meta", header: "text/html; charset=windows-1251",
			page: charsetPage(`<meta charset="utf-8">`, encode(t, charmap.Windows1251, cyr)), want: cyr, status: schema.StatusOK},
		{name: "header utf-8 wins over meta", header: "text/html; charset=UTF-8",
			page: charsetPage(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, cyr), want: cyr, status: schema.StatusOK},
		{name: "meta when the header has no charset", header: "text/html",
			page: charsetPage(`<meta http-equiv="content-type" content="text/html;charset=gbk">`, encode(t, simplifiedchinese.GBK, zh)), want: zh, status: schema.StatusOK},
		{name: "meta past the first 1024 bytes", header: "text/html",
			page: charsetPage(pad+`<meta charset="gb2312">`, encode(t, simplifiedchinese.GBK, zh)), want: zh, status: schema.StatusOK},
		{name: "no declaration, windows-1252 bytes", header: "text/html",
			page: charsetPage("", "The mayor, Ren\xe9 Aubert, called the repairs \x93overdue\x94 and said they would cost \x80 4 million."),
			want: "Ren\u00e9 Aubert, called the repairs \u201coverdue\u201d and said they would cost \u20ac 4 million", status: schema.StatusOK},
		{name: "no declaration, UTF-8 after the first 1024 bytes", header: "-",
			page: charsetPage(pad, "The mayor, René Aubert, called the repairs “overdue”."), want: "René Aubert, called the repairs “overdue”", status: schema.StatusOK},
		{name: "byte-order mark wins over the header", header: "text/html; charset=iso-8859-1",
			page: "\xef\xbb\xbf" + charsetPage(`<meta charset="iso-8859-1">`, "The mayor, René Aubert, visited the site."), want: "René Aubert", status: schema.StatusOK},
		{name: "byte-order mark in a file", header: "-",
			page: "\xef\xbb\xbf" + charsetPage(`<meta charset="windows-1252">`, "The mayor, René Aubert, visited the site."), want: "René Aubert", status: schema.StatusOK},
		{name: "unknown charset in the header", header: "text/html; charset=x-vellmar",
			page: charsetPage(`<meta charset="iso-8859-1">`, "The mayor, Ren\xe9 Aubert, visited the site."), want: "René Aubert",
			status: schema.StatusOK, errHas: `unknown charset "x-vellmar" in the HTTP Content-Type`},
		{name: "bytes the header's charset cannot decode", header: "text/html; charset=shift_jis",
			page: charsetPage("", encode(t, japanese.ShiftJIS, "ヴェルマーのダム。")+"\x85\x85\x85"), want: "ヴェルマーのダム。",
			status: schema.StatusInvalidUTF8, errHas: "bytes are not valid shift_jis; they were read as U+FFFD"},
		{name: "header says utf-8, bytes are Latin-1", header: "text/html; charset=utf-8",
			page: charsetPage("", "The mayor, Ren\xe9 Aubert, visited the site."), want: "Ren\uFFFD Aubert",
			status: schema.StatusInvalidUTF8, errHas: "invalid UTF-8 at byte"},
	}
	dir := t.TempDir()
	var warcRecs []string
	for _, c := range cases {
		if c.header == "-" {
			writeFile(t, filepath.Join(dir, "pages", c.name+".html"), []byte(c.page))
			continue
		}
		warcRecs = append(warcRecs, warcRecord("response", c.name, "https://vellmar-courier.example/"+strings.ReplaceAll(c.name, " ", "-"),
			"2024-06-03T10:00:00Z", "application/http; msgtype=response", httpResponse("200 OK", []string{"Content-Type: " + c.header}, c.page)))
	}
	if err := os.WriteFile(filepath.Join(dir, "pages.warc"), []byte(strings.Join(warcRecs, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	// The text each article's claims are extracted from.
	texts := map[string]string{}
	got := map[string]schema.Article{}
	for _, rec := range readRecords(t, 1<<20, dir) {
		in := rec.Article(time.Time{})
		a := in.Row
		if in.Parsed {
			texts[a.ArticleID] = in.Text
		}
		got[strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(a.ArticleID, "urn:uuid:"), "pages/"), ".html")] = a
	}
	for _, c := range cases {
		a, ok := got[c.name]
		if !ok {
			t.Errorf("%s: no article", c.name)
			continue
		}
		if a.Status != c.status || !strings.Contains(a.Error, c.errHas) {
			t.Errorf("%s: status %q (%s), want %q with %q", c.name, a.Status, a.Error, c.status, c.errHas)
		}
		if text := texts[a.ArticleID]; !strings.Contains(text, c.want) {
			t.Errorf("%s: text lacks %q:\n%s", c.name, c.want, text)
		}
	}
}

package input

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/unicode"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/schema"
)

// row is the articles row of a record, parsed and checked, with no limit
// on the publication date.
func row(rec Record) schema.Article { return rec.Article(time.Time{}).Row }

func readFixture(t testing.TB, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures.Root(), rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseHTMLPage(t *testing.T) {
	rec := Record{id: "riverton-post-bridge.html", path: "x/riverton-post-bridge.html", format: formatHTML,
		raw: readFixture(t, "html/riverton-post-bridge.html")}
	f := parseHTML(&rec)
	if f.status != "" || len(f.notes) != 0 {
		t.Fatalf("status %q notes %v", f.status, f.notes)
	}
	if f.title != "Bridge collapse in Riverton injures at least 14" {
		t.Errorf("title %q", f.title)
	}
	if f.url != "https://www.riverton-post.example/news/2023/03/14/bridge-collapse" || f.outlet != "The Riverton Post" {
		t.Errorf("url %q outlet %q", f.url, f.outlet)
	}
	if want := time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC); !f.published.Equal(want) {
		t.Errorf("published %v, want %v", f.published, want)
	}
	if !strings.HasPrefix(f.text, "A pedestrian bridge over the Silt River") || !strings.Contains(f.text, "first hour.\n\nThe fire service said") {
		t.Errorf("text does not start with the first paragraph without the headline, or runs paragraphs together:\n%s", f.text)
	}
	for _, s := range []string{"injuring at least 14 people", "more than 20 people", "about 300 residents", "eight o'clock"} {
		if !strings.Contains(f.text, s) {
			t.Errorf("text lacks %q", s)
		}
	}
	for _, s := range []string{"Subscribe", "Home", "Reader comment", "Most read", "Copyright", "Cookie", "Mara Lindqvist"} {
		if strings.Contains(f.text, s) {
			t.Errorf("text holds boilerplate %q:\n%s", s, f.text)
		}
	}
	if f.id != "" {
		t.Errorf("id %q: a page file keeps the id its reader gave", f.id)
	}
}

func TestParseHTMLCharsets(t *testing.T) {
	// A Latin-1 page that says so in <meta http-equiv>: decoded, status ok.
	raw := readFixture(t, "html/valley-courier-floods.htm")
	if utf8.Valid(raw) {
		t.Fatal("fixture should be Latin-1")
	}
	p := row(Record{id: "v.htm", path: "v.htm", format: formatHTML, raw: raw})
	if p.Status != schema.StatusOK || p.Error != "" {
		t.Errorf("Latin-1 page: status %q (%s)", p.Status, p.Error)
	}
	rec := Record{format: formatHTML, raw: raw}
	f := parseHTML(&rec)
	if !strings.Contains(f.text, "the café district") || !strings.Contains(f.text, "Hélène Marchal") {
		t.Errorf("Latin-1 text not decoded:\n%s", f.text)
	}
	if want := time.Date(2022, 11, 2, 0, 0, 0, 0, time.UTC); !f.published.Equal(want) || f.title != "Floods force 2,000 from homes in the Aldmoor valley" {
		t.Errorf("published %v title %q", f.published, f.title)
	}

	// The same bytes declaring nothing: not UTF-8, so read as
	// windows-1252, the WHATWG default.
	undeclared := bytes.Replace(raw, []byte(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`), nil, 1)
	if bytes.Equal(undeclared, raw) {
		t.Fatal("meta tag not found in fixture")
	}
	p = row(Record{id: "u.htm", path: "u.htm", format: formatHTML, raw: undeclared})
	if p.Status != schema.StatusOK {
		t.Errorf("undeclared Latin-1 page: status %q (%s), want ok", p.Status, p.Error)
	}
	rec = Record{format: formatHTML, raw: undeclared}
	if f := parseHTML(&rec); !strings.Contains(f.text, "Hélène Marchal") {
		t.Errorf("undeclared Latin-1 page not read as windows-1252:\n%s", f.text)
	}

	// A <meta charset> wins over UTF-8 validity, as in a browser: a UTF-8
	// page that declares iso-8859-1 reads as the browser shows it.
	stale := []byte(`<html><head><meta charset="iso-8859-1"><title>Café</title></head><body><p>` +
		strings.Repeat("Officials in Liège said 12 people were hurt in the café fire. ", 5) + `</p></body></html>`)
	rec = Record{format: formatHTML, raw: stale}
	if f := parseHTML(&rec); !strings.Contains(f.text, "LiÃ¨ge") {
		t.Errorf("UTF-8 page declaring iso-8859-1: %q", f.text)
	}
	valid := bytes.Replace(stale, []byte(`<meta charset="iso-8859-1">`), nil, 1)

	// UTF-16 with a byte-order mark.
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(valid)
	if err != nil {
		t.Fatal(err)
	}
	p = row(Record{id: "w.html", path: "w.html", format: formatHTML, raw: u16})
	if p.Status != schema.StatusOK || p.NChars < 100 {
		t.Errorf("UTF-16 page: status %q (%s), %d chars", p.Status, p.Error, p.NChars)
	}
}

func TestParseHTMLEmpty(t *testing.T) {
	for _, page := range []string{"", "<html><head><title>Photo</title></head><body><img src=a.jpg></body></html>", "just words, no tags"} {
		p := row(Record{id: "e.html", path: "e.html", format: formatHTML, raw: []byte(page)})
		a := p
		if page == "just words, no tags" {
			if a.Status != schema.StatusOK {
				t.Errorf("%q: status %q (%s)", page, a.Status, a.Error)
			}
			continue
		}
		if a.Status != schema.StatusEmpty || !strings.Contains(a.Error, "no text") {
			t.Errorf("%q: status %q (%s), want empty", page, a.Status, a.Error)
		}
	}
}

func TestNodeText(t *testing.T) {
	in := `<h1>Title</h1><p>a <b>bold</b>word and <i>x</i> y</p><ul><li>one</li><li>two</li></ul>` +
		`<p>line1<br>line2</p><table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table><script>var x;</script>`
	doc, err := html.Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	// "bold" and "word" meet at an element edge: trafilatura trims the
	// text it keeps, so an edge between two words is taken as a space.
	want := "Title\n\na bold word and x y\n\none\ntwo\n\nline1\nline2\n\n1 2\n3 4"
	if got := nodeText(doc); got != want {
		t.Errorf("nodeText:\n%q\nwant\n%q", got, want)
	}
}

func TestReadHTMLFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a/page.html"), readFixture(t, "html/riverton-post-bridge.html"))
	writeFile(t, filepath.Join(dir, "a/page2.HTM.gz"), gzipBytes(t, string(readFixture(t, "html/riverton-post-bridge.html"))))
	writeFile(t, filepath.Join(dir, "big.htm"), bytes.Repeat([]byte("<p>x</p>"), 1000))
	got := map[string]Record{}
	for _, r := range readRecords(t, 4096, dir) {
		got[r.id] = r
	}
	if r := got["a/page.html"]; r.format != formatHTML || r.status != "" || len(r.raw) < 1000 {
		t.Errorf("page.html: %+v", r)
	}
	if r := got["a/page2.HTM.gz"]; r.format != formatHTML || r.status != "" || !bytes.HasPrefix(r.raw, []byte("<!DOCTYPE")) {
		t.Errorf("page2.HTM.gz: status %q raw %q", r.status, r.raw[:min(len(r.raw), 20)])
	}
	if r := got["big.htm"]; r.status != schema.StatusTooLarge {
		t.Errorf("big.htm: %+v", r)
	}
}

// BenchmarkParseHTML measures page to article text and metadata: HTML
// parsing and trafilatura's extraction, in one goroutine (MB/s is per
// core). "fixtures": claimscan's own pages and generated ones; "aeb": the
// 181 real news pages of shared/corpora/aeb-html.
func BenchmarkParseHTML(b *testing.B) {
	b.Run("fixtures", func(b *testing.B) {
		pages := [][]byte{readFixture(b, "html/riverton-post-bridge.html"), []byte(ferryPage), []byte(waterPage)}
		// Long articles too: news pages are often 50-150 KB of HTML.
		rnd := rand.New(rand.NewSource(1))
		for _, n := range []int{10, 40, 120} {
			pages = append(pages, []byte(newsPage("Storm Desk", "Storm hits the coast", "2024-02-02", benchProse(rnd, n))))
		}
		benchParseHTML(b, pages)
	})
	b.Run("aeb", func(b *testing.B) {
		_, aeb := loadAEB(b)
		pages := make([][]byte, len(aeb))
		for i, pg := range aeb {
			pages[i] = pg.html
		}
		benchParseHTML(b, pages)
	})
}

func benchParseHTML(b *testing.B, pages [][]byte) {
	var size int64
	for _, p := range pages {
		size += int64(len(p))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			rec := Record{format: formatHTML, raw: p}
			parseHTML(&rec)
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}

// benchVocab is a made-up vocabulary for benchmark prose: varied enough
// that gzip and zstd compress it about as much as news text (3-4x), unlike
// a repeated sentence.
var benchVocab = func() []string {
	rnd := rand.New(rand.NewSource(7))
	v := make([]string, 5000)
	for i := range v {
		w := make([]byte, 2+rnd.Intn(9))
		for j := range w {
			w[j] = byte('a' + rnd.Intn(26))
		}
		v[i] = string(w)
	}
	return v
}()

// benchProse returns paras paragraphs of made-up sentences with numbers in
// them, separated by "</p><p>" so they can go into a page.
func benchProse(rnd *rand.Rand, paras int) string {
	zipf := rand.NewZipf(rnd, 1.1, 2, uint64(len(benchVocab)-1))
	var b strings.Builder
	for p := 0; p < paras; p++ {
		if p > 0 {
			b.WriteString("</p><p>")
		}
		for s := 0; s < 5; s++ {
			n := 8 + rnd.Intn(20)
			for w := 0; w < n; w++ {
				if w > 0 {
					b.WriteByte(' ')
				}
				if rnd.Intn(12) == 0 {
					fmt.Fprintf(&b, "%d", rnd.Intn(5000))
				} else {
					b.WriteString(benchVocab[zipf.Uint64()])
				}
			}
			b.WriteString(". ")
		}
	}
	return b.String()
}

func TestIsHeadline(t *testing.T) {
	for _, c := range []struct {
		block, title string
		want         bool
	}{
		{"Bridge collapse in Riverton injures at least 14", "Bridge collapse in Riverton injures at least 14", true},
		{"Floods force 2,000 from homes", "Floods force 2,000 from homes | The Valley Courier", true},
		{"Julian Assange: Sweden drops rape investigation", "Sweden drops Assange rape investigation", true},
		{"PolitiFact’s guide to understanding tariffs and international trade", "PolitiFact's guide to understanding tariffs and trade", true},
		// A lead sentence that shares some words with the title.
		{"Flooding forced about 2,000 people from their homes in the Aldmoor valley on Tuesday, officials said.", "Floods force 2,000 from homes", false},
		{"Floods", "Floods force 2,000 from homes in the Aldmoor valley", false},
		{"", "Floods", false},
		{"Floods force 2,000 from homes", "", false},
	} {
		if got := isHeadline(c.block, c.title); got != c.want {
			t.Errorf("isHeadline(%q, %q) = %v", c.block, c.title, got)
		}
	}
}

// TestParseHTMLDateStable: a page whose JSON-LD gives a publication, a
// creation and a modification time gets the publication time, the same on
// every parse (a date picked by map iteration order changes between runs,
// breaking the byte-identical output promise).
func TestParseHTMLDateStable(t *testing.T) {
	page := `<html><head><title>Flood in Riverton</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Flood in Riverton","dateCreated":"2021-05-04T06:40:00","datePublished":"2021-05-04T06:37:00",
"dateModified":"2021-05-04T11:42:00","author":{"@type":"Organization","name":"Riverton Post"}}</script>
</head><body><article><h1>Flood in Riverton</h1>
<p>The river broke its banks on Tuesday night and flooded the lower town, where about 300 people live.</p>
<p>The fire service said 40 homes were evacuated and two people were taken to hospital with minor injuries.</p>
</article></body></html>`
	want := time.Date(2021, 5, 4, 6, 37, 0, 0, time.UTC)
	for i := range 40 {
		rec := Record{id: "flood.html", path: "flood.html", format: formatHTML, raw: []byte(page)}
		f := parseHTML(&rec)
		if !f.published.Equal(want) {
			t.Fatalf("parse %d: published %v, want datePublished %v", i, f.published, want)
		}
	}
}

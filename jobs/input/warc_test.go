package input

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/klauspost/compress/gzip"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/schema"
)

var updateWARC = flag.Bool("update-warc-fixture", false, "rewrite fixtures/warc/sample.warc.gz")

// boilerplate is text of the page furniture that must not reach an
// article's text.
var boilerplate = []string{"Subscribe", "Newsletter", "Copyright", "Reader comment", "Most read", "Cookie"}

// newsPage returns an invented news page: navigation, the article, reader
// comments, a sidebar and a footer. date goes into the page's metadata
// when not empty.
func newsPage(site, title, date string, paras ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s | %s</title>\n", title, site)
	fmt.Fprintf(&b, "<meta property=\"og:site_name\" content=\"%s\">\n", site)
	if date != "" {
		fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=\"%s\">\n", date)
	}
	b.WriteString("</head><body>\n<header><nav class=\"menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>" +
		"<li><a href=\"/newsletter\">Subscribe to the Newsletter</a></li></ul></nav></header>\n<main><article>\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n", title)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</article>\n<section class=\"comments\" id=\"comments\"><h2>Comments</h2><div class=\"comment\"><p>Reader comment: " +
		"thoughts with everyone affected.</p></div></section></main>\n<aside class=\"sidebar\"><h3>Most read</h3><ul><li><a href=\"/x\">" +
		"Garden show opens</a></li></ul></aside>\n<footer><p>Copyright 2024. Cookie settings. Privacy.</p></footer>\n</body></html>\n")
	return b.String()
}

// The pages of the sample WARC, all invented.
var (
	ferryPage = newsPage("Harbor Gazette", "Fire on Bayline ferry injures nine", "2024-04-30T18:05:00Z",
		"A fire broke out in the engine room of the Bayline ferry Marisol on Tuesday evening, injuring at least 9 passengers, the coast guard said.",
		"About 240 people were on board when the ferry left Port Ellery. The coast guard said all of them had been brought ashore by midnight.",
		"The operator said the vessel would stay in dock while investigators examine the engine room, and that the 7 am crossing was cancelled.")
	waterPage = newsPage("Northfield Daily", "Water main burst floods Northfield streets", "",
		"A burst water main flooded three streets in central Northfield on Wednesday, and about 1,200 homes were left without running water, the utility said.",
		"Crews expected to finish repairs by Thursday morning. No injuries were reported, according to the fire brigade.")
	protestPage = "<html><head><title>Protest at Lakeside town hall</title></head><body><div id=\"menu\">Subscribe | Newsletter</div>" +
		"<div class=\"article-body\"><h1>Protest at Lakeside town hall</h1><p>More than 500 people gathered outside the town hall in Lakeside on Saturday " +
		"to protest against the closure of the caf\xe9 market, organisers said. Police put the number at around 350.</p>" +
		"<p>The council is due to vote on the closure on Monday. The mayor, Ren\xe9 Dubois, said the market had lost money for three years.</p></div>" +
		"<footer>Copyright Lakeside Herald</footer></body></html>"
)

// warcRecord returns one WARC record; block is its content.
func warcRecord(typ, id, uri, date, ctype, block string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: %s\r\n", typ, id, date)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", ctype, len(block), block)
	return b.String()
}

// httpResponse returns an HTTP response message.
func httpResponse(status string, headers []string, body string) string {
	return "HTTP/1.1 " + status + "\r\n" + strings.Join(headers, "\r\n") + "\r\n\r\n" + body
}

// chunked encodes s in chunks of n bytes.
func chunked(s string, n int) string {
	var b strings.Builder
	for len(s) > 0 {
		k := min(n, len(s))
		fmt.Fprintf(&b, "%x\r\n%s\r\n", k, s[:k])
		s = s[k:]
	}
	b.WriteString("0\r\n\r\n")
	return b.String()
}

// sampleWARCRecords returns the records of fixtures/warc/sample.warc.gz:
// three pages (one chunked and gzip-encoded, one in Latin-1 declared only
// in the HTTP header) and records that are not articles (warcinfo, a
// request, an image, a redirect, a metadata record).
func sampleWARCRecords(t testing.TB) []string {
	const day = "2024-05-01T06:00:0"
	return []string{
		warcRecord("warcinfo", "5b7e0000-0000-4000-8000-000000000000", "", day+"0Z", "application/warc-fields",
			"software: claimscan test generator\r\nformat: WARC File Format 1.0\r\n"),
		warcRecord("request", "5b7e0000-0000-4000-8000-000000000001", "https://www.harbor-gazette.example/2024/04/30/ferry-fire", day+"1Z",
			"application/http; msgtype=request", "GET /2024/04/30/ferry-fire HTTP/1.1\r\nHost: www.harbor-gazette.example\r\n\r\n"),
		warcRecord("response", "5b7e0000-0000-4000-8000-000000000002", "https://www.harbor-gazette.example/2024/04/30/ferry-fire", day+"1Z",
			"application/http; msgtype=response", httpResponse("200 OK", []string{"Content-Type: text/html; charset=utf-8"}, ferryPage)),
		warcRecord("response", "5b7e0000-0000-4000-8000-000000000003", "https://news.northfield-daily.example/city/water-main", day+"2Z",
			"application/http; msgtype=response", httpResponse("200 OK",
				[]string{"Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"}, chunked(string(gzipBytes(t, waterPage)), 700))),
		warcRecord("response", "5b7e0000-0000-4000-8000-000000000004", "https://www.harbor-gazette.example/logo.png", day+"3Z",
			"application/http; msgtype=response", httpResponse("200 OK", []string{"Content-Type: image/png"}, "\x89PNG\r\n\x1a\nnot really")),
		warcRecord("response", "5b7e0000-0000-4000-8000-000000000005", "http://lakeside-herald.example/", day+"4Z",
			"application/http; msgtype=response", httpResponse("301 Moved Permanently",
				[]string{"Location: http://www.lakeside-herald.example/", "Content-Type: text/html"}, "<html><body>Moved</body></html>")),
		warcRecord("response", "5b7e0000-0000-4000-8000-000000000006", "http://www.lakeside-herald.example/2024/protest", day+"5Z",
			"application/http; msgtype=response", httpResponse("200 OK", []string{"Content-Type: text/html; charset=ISO-8859-1"}, protestPage)),
		warcRecord("metadata", "5b7e0000-0000-4000-8000-000000000007", "http://www.lakeside-herald.example/2024/protest", day+"5Z",
			"application/warc-fields", "fetchTimeMs: 112\r\n"),
	}
}

// warcGz compresses each record as its own gzip member, as CC-NEWS does.
func warcGz(t testing.TB, recs []string) []byte {
	var out []byte
	for _, r := range recs {
		out = append(out, gzipBytes(t, r)...)
	}
	return out
}

// TestWARCFixture checks that fixtures/warc/sample.warc.gz holds the
// records sampleWARCRecords describes, one gzip member each (compared
// decompressed, so that a new gzip version does not matter);
// -update-warc-fixture rewrites it.
func TestWARCFixture(t *testing.T) {
	recs := sampleWARCRecords(t)
	path := filepath.Join(fixtures.Root(), "warc", "sample.warc.gz")
	if *updateWARC {
		writeFile(t, path, warcGz(t, recs))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./jobs -run TestWARCFixture -update-warc-fixture)", err)
	}
	src := bytes.NewReader(data)
	zr, err := gzip.NewReader(src)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		zr.Multistream(false)
		member, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("member %d: %v", i, err)
		}
		if i >= len(recs) || string(member) != recs[i] {
			t.Fatalf("member %d of %s is not what the generator writes; run with -update-warc-fixture", i, path)
		}
		if err := zr.Reset(src); err == io.EOF {
			if i != len(recs)-1 {
				t.Fatalf("%s has %d members, want %d", path, i+1, len(recs))
			}
			break
		} else if err != nil {
			t.Fatal(err)
		}
	}
}

// readRecords reads paths as a run plans them and returns their records.
func readRecords(t testing.TB, maxBytes int64, paths ...string) []Record {
	t.Helper()
	p, err := NewPlan(paths, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	var recs []Record
	if _, err := p.Read(context.Background(), Options{MaxBytes: maxBytes}, func(r Record) error {
		recs = append(recs, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestReadWARCSample(t *testing.T) {
	path := filepath.Join(fixtures.Root(), "warc", "sample.warc.gz")
	recs := readRecords(t, 1<<20, path)
	if len(recs) != 3 {
		for _, r := range recs {
			t.Logf("%s %s %s", r.id, r.status, r.err)
		}
		t.Fatalf("got %d records, want the 3 HTML pages", len(recs))
	}
	want := []struct {
		id, url, outlet string
		line            int64
		published       time.Time
	}{
		{"urn:uuid:5b7e0000-0000-4000-8000-000000000002", "https://www.harbor-gazette.example/2024/04/30/ferry-fire", "harbor-gazette.example", 3,
			time.Date(2024, 4, 30, 0, 0, 0, 0, time.UTC)},
		{"urn:uuid:5b7e0000-0000-4000-8000-000000000003", "https://news.northfield-daily.example/city/water-main", "news.northfield-daily.example", 4,
			time.Date(2024, 5, 1, 6, 0, 2, 0, time.UTC)},
		{"urn:uuid:5b7e0000-0000-4000-8000-000000000006", "http://www.lakeside-herald.example/2024/protest", "lakeside-herald.example", 7,
			time.Date(2024, 5, 1, 6, 0, 5, 0, time.UTC)},
	}
	for i, w := range want {
		rec := recs[i]
		if rec.status != "" || rec.id != w.id || rec.line != w.line || rec.meta == nil || rec.meta.url != w.url || rec.meta.outlet != w.outlet {
			t.Errorf("record %d: %+v, want %+v", i, rec, w)
			continue
		}
		if !bytes.HasPrefix(rec.raw, []byte("<")) {
			t.Errorf("record %d: body starts %q, want the HTML without HTTP header, chunks or gzip", i, rec.raw[:min(20, len(rec.raw))])
		}
		f := parseHTML(&rec)
		if !f.published.Equal(w.published) {
			t.Errorf("record %d: published %v, want %v", i, f.published, w.published)
		}
		if f.id != w.id || f.url != w.url || f.outlet != w.outlet {
			t.Errorf("record %d: parsed %q %q %q", i, f.id, f.url, f.outlet)
		}
		for _, s := range boilerplate {
			if strings.Contains(f.text, s) {
				t.Errorf("record %d: text holds boilerplate %q:\n%s", i, s, f.text)
			}
		}
		if len(f.text) < 100 {
			t.Errorf("record %d: text %q", i, f.text)
		}
		if i == 2 && (!strings.Contains(f.text, "café market") || !utf8.Valid(rec.raw)) {
			t.Errorf("Latin-1 page not decoded by its HTTP charset (%q): %q", recs[2].contentType, f.text)
		}
	}
}

func TestReadWARCDamage(t *testing.T) {
	dir := t.TempDir()
	recs := sampleWARCRecords(t)
	var file []byte
	var offs []int
	for _, r := range recs {
		offs = append(offs, len(file))
		file = append(file, gzipBytes(t, r)...)
	}
	// Damage the ferry page's member (record 3) in its middle.
	mid := (offs[2] + offs[3]) / 2
	for i := mid; i < mid+8; i++ {
		file[i] ^= 0x5a
	}
	corruptPath := filepath.Join(dir, "corrupt.warc.gz")
	writeFile(t, corruptPath, file)
	// Cut a plain WARC inside its last page.
	plain := strings.Join(recs[:7], "")
	lastOff := len(strings.Join(recs[:6], ""))
	cutPath := filepath.Join(dir, "cut.warc")
	writeFile(t, cutPath, []byte(plain[:len(plain)-150]))

	byID := func(path string) map[string]Record {
		m := map[string]Record{}
		for _, r := range readRecords(t, 1<<20, path) {
			m[r.id] = r
		}
		return m
	}
	const id = "urn:uuid:5b7e0000-0000-4000-8000-00000000000"
	// The record's header decoded before the damage: its row has its id.
	corrupt := byID(corruptPath)
	if r := corrupt[id+"2"]; r.status != schema.StatusReadError || !strings.Contains(r.err, fmt.Sprintf("offset %d", offs[2])) ||
		!strings.Contains(r.err, "corrupt gzip member") {
		t.Errorf("corrupt member: %+v, want a read_error naming offset %d", r, offs[2])
	}
	for _, n := range []string{"3", "6"} {
		if r := corrupt[id+n]; r.status != "" || len(r.raw) == 0 {
			t.Errorf("page %s after the corrupt member: %+v", n, r)
		}
	}
	if len(corrupt) != 3 {
		t.Errorf("corrupt file gave %v, want the two good pages and one read_error", slices.Sorted(maps.Keys(corrupt)))
	}
	// A member whose gzip header is damaged: nothing of the record is
	// known, the row is named by the file and offset.
	file[offs[2]+1] ^= 0xff
	writeFile(t, corruptPath, file)
	corrupt = byID(corruptPath)
	badID := fmt.Sprintf("%s@%d", corruptPath, offs[2])
	if r := corrupt[badID]; r.status != schema.StatusReadError || !strings.Contains(r.err, fmt.Sprintf("offset %d", offs[2])) {
		t.Errorf("member with a bad header: %+v, want a read_error %s", r, badID)
	}
	if len(corrupt) != 3 || corrupt[id+"3"].status != "" || corrupt[id+"6"].status != "" {
		t.Errorf("member with a bad header: got %v", slices.Sorted(maps.Keys(corrupt)))
	}

	// The page the cut falls in keeps what was read of it: its article is
	// a read_error naming the offset, with the text read before the cut.
	cut := byID(cutPath)
	if r := cut[id+"6"]; r.status != "" || len(r.raw) == 0 || r.meta == nil || r.meta.keptStatus != schema.StatusReadError {
		t.Errorf("truncated last page: %+v, want the part before the cut kept", r)
	} else {
		a := row(r)
		if a.Status != schema.StatusReadError || !strings.Contains(a.Error, fmt.Sprintf("offset %d", lastOff)) ||
			!strings.Contains(a.Error, "input ends inside a record") || a.NChars < 100 {
			t.Errorf("truncated last page: status %q (%s), %d chars; want a read_error naming offset %d, with text", a.Status, a.Error, a.NChars, lastOff)
		}
	}
	for _, n := range []string{"2", "3"} {
		if r := cut[id+n]; r.status != "" || len(r.raw) == 0 {
			t.Errorf("page %s before the cut: %+v", n, r)
		}
	}
	if len(cut) != 3 {
		t.Errorf("cut file gave %v", slices.Sorted(maps.Keys(cut)))
	}
}

func TestReadWARCTooLargeAndBadHTTP(t *testing.T) {
	dir := t.TempDir()
	recs := []string{
		warcRecord("response", "big", "https://a.example/big", "2024-05-01T00:00:00Z", "application/http; msgtype=response",
			httpResponse("200 OK", []string{"Content-Type: text/html"}, "<html><body><p>"+strings.Repeat("word ", 400)+"</p></body></html>")),
		warcRecord("response", "badenc", "https://a.example/enc", "2024-05-01T00:00:00Z", "application/http; msgtype=response",
			httpResponse("200 OK", []string{"Content-Type: text/html", "Content-Encoding: compress"}, "\x1f\x9d\x90\x00\x01\x02")),
		warcRecord("response", "badgzip", "https://a.example/gz", "2024-05-01T00:00:00Z", "application/http; msgtype=response",
			httpResponse("200 OK", []string{"Content-Type: text/html", "Content-Encoding: gzip"}, "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff\xff\xff\x00")),
		// Stored decoded, headers kept (ClueWeb): read as stored.
		warcRecord("response", "storedenc", "https://a.example/enc2", "2024-05-01T00:00:00Z", "application/http; msgtype=response",
			httpResponse("200 OK", []string{"Content-Type: text/html", "Content-Encoding: compress"}, "<p>stored as text</p>")),
		warcRecord("response", "storedgzip", "https://a.example/gz2", "2024-05-01T00:00:00Z", "application/http; msgtype=response",
			httpResponse("200 OK", []string{"Content-Type: text/html", "Content-Encoding: gzip", "Transfer-Encoding: chunked"}, "<p>not gzip at all</p>")),
		warcRecord("response", "nohttp", "https://a.example/x", "2024-05-01T00:00:00Z", "application/http; msgtype=response", "garbage\r\n\r\n"),
		warcRecord("resource", "res", "file:///site/page.html", "2024-05-01T00:00:00Z", "text/html", ferryPage),
		warcRecord("response", "sniff", "https://a.example/sniff", "2024-05-01T00:00:00Z", "application/http; msgtype=response",
			httpResponse("200 OK", []string{"Server: x"}, "<!DOCTYPE html><html><body><p>hello</p></body></html>")),
		warcRecord("response", "sniffno", "https://a.example/data", "2024-05-01T00:00:00Z", "application/http; msgtype=response",
			httpResponse("200 OK", []string{"Server: x"}, "%PDF-1.4 not a page")),
	}
	noCT := httpResponse("200 OK", []string{"Content-Type: text/html"}, "<html><body><p>short page</p></body></html>")
	recs = append(recs, fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:noct>\r\n"+
		"WARC-Target-URI: https://a.example/noct\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", len(noCT), noCT))
	writeFile(t, filepath.Join(dir, "x.warc"), []byte(strings.Join(recs, "")))
	got := map[string]Record{}
	for _, r := range readRecords(t, 1024, dir) {
		got[r.id] = r
	}
	want := map[string]string{
		"urn:uuid:big":        schema.StatusTooLarge,
		"urn:uuid:badenc":     schema.StatusReadError,
		"urn:uuid:badgzip":    schema.StatusReadError,
		"urn:uuid:nohttp":     schema.StatusReadError,
		"urn:uuid:sniff":      "",
		"urn:uuid:noct":       "",
		"urn:uuid:storedenc":  "",
		"urn:uuid:storedgzip": "",
	}
	for id, st := range want {
		r, ok := got[id]
		if !ok {
			t.Errorf("no record %s", id)
			continue
		}
		if r.status != st || (st != "" && r.err == "") {
			t.Errorf("%s: status %q (%s), want %q", id, r.status, r.err, st)
		}
	}
	for id, note := range map[string]string{
		"urn:uuid:storedenc":  `unsupported Content-Encoding "compress"; the body was read as stored`,
		"urn:uuid:storedgzip": "Content-Encoding gzip: gzip: invalid header; the body was read as stored",
	} {
		if r := got[id]; r.meta == nil || !strings.Contains(strings.Join(r.meta.notes, "; "), note) || !bytes.HasPrefix(r.raw, []byte("<p>")) {
			t.Errorf("%s: %+v, want the body as stored and the note %q", id, r, note)
		}
	}
	if r := got["urn:uuid:storedgzip"]; r.meta != nil && !strings.Contains(strings.Join(r.meta.notes, "; "), "Transfer-Encoding chunked, but the body is not chunked") {
		t.Errorf("storedgzip: notes %q", r.meta.notes)
	}
	if _, ok := got["urn:uuid:sniffno"]; ok {
		t.Errorf("a PDF body without Content-Type was taken for a page")
	}
	if r, ok := got["urn:uuid:res"]; !ok || r.status != schema.StatusTooLarge {
		// ferryPage is over 1 KiB: the resource record is read, and too large.
		t.Errorf("resource record: %+v", r)
	}
	if len(got) != 9 {
		t.Errorf("got %v", slices.Sorted(maps.Keys(got)))
	}
}

// BenchmarkReadWARC measures the WARC reader alone on a CC-NEWS-like
// .warc.gz (one gzip member per record; a request, a response and a
// metadata record per page): file to chunks of page records. Bytes are the
// compressed file's; the HTML reaching workers is reported as html-MB/s.
func BenchmarkReadWARC(b *testing.B) {
	rnd := rand.New(rand.NewSource(1))
	var recs []string
	var html int64
	for i := 0; i < 3000; i++ {
		uri := fmt.Sprintf("https://www.outlet%d.example/2024/05/%d/story", i%200, i)
		date := fmt.Sprintf("2024-05-01T%02d:%02d:%02dZ", i/3600%24, i/60%60, i%60)
		page := newsPage(fmt.Sprintf("Outlet %d", i%200), fmt.Sprintf("Storm story %d", i), "", benchProse(rnd, 3+i%25))
		html += int64(len(page))
		recs = append(recs,
			warcRecord("request", fmt.Sprintf("req-%d", i), uri, date, "application/http; msgtype=request", "GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
			warcRecord("response", fmt.Sprintf("resp-%d", i), uri, date, "application/http; msgtype=response",
				httpResponse("200 OK", []string{"Content-Type: text/html; charset=utf-8", "Server: bench"}, page)),
			warcRecord("metadata", fmt.Sprintf("meta-%d", i), uri, date, "application/warc-fields", "fetchTimeMs: 80\r\n"))
	}
	path := filepath.Join(b.TempDir(), "bench.warc.gz")
	var file []byte
	for _, r := range recs {
		var buf bytes.Buffer
		w := gzip.NewWriter(&buf)
		w.Write([]byte(r))
		w.Close()
		file = append(file, buf.Bytes()...)
	}
	if err := os.WriteFile(path, file, 0o644); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d MB of HTML in a %d MB .warc.gz", html>>20, len(file)>>20)
	b.SetBytes(int64(len(file)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if n := countRecords(b, 8<<20, path); n != 3000 {
			b.Fatalf("%d pages", n)
		}
	}
	b.ReportMetric(float64(html*int64(b.N))/b.Elapsed().Seconds()/1e6, "html-MB/s")
	b.ReportMetric(float64(3000*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// TestWARCSamples reads every file of shared/corpora/warc-samples (real
// crawl slices with the quirks of crawls) into articles and checks what
// each gives: every HTML response an article, pages decoded in their
// charsets, ClueWeb's already-decoded bodies read as stored, the page cut
// short by the end of clipped.warc.gz kept up to the cut.
func TestWARCSamples(t *testing.T) {
	dir, ok := fixtures.Shared("corpora/warc-samples")
	if !ok {
		t.Skip("shared corpus warc-samples not present")
	}
	texts := map[string]string{}
	read := func(file string) (arts []schema.Article, statuses map[string]int) {
		statuses = map[string]int{}
		for _, rec := range readRecords(t, 8<<20, filepath.Join(dir, file)) {
			in := rec.Article(time.Time{})
			a := in.Row
			if in.Parsed {
				texts[a.ArticleID] = in.Text
			}
			arts = append(arts, a)
			statuses[a.Status]++
		}
		return arts, statuses
	}
	noBad := func(file string, arts []schema.Article) {
		for _, a := range arts {
			if strings.ContainsRune(texts[a.ArticleID], utf8.RuneError) || strings.ContainsRune(a.Title, utf8.RuneError) {
				t.Errorf("%s line %d: U+FFFD in title %q or text", file, a.Line, a.Title)
			}
		}
	}

	// Common Crawl: 16 responses, all HTML pages, in UTF-8, windows-1251,
	// GB2312/GBK (declared in the header, in <meta>, or both) and
	// ISO-8859-1 declared in a <meta> past the first 1024 bytes.
	arts, st := read("warcfile.warc.gz")
	if len(arts) != 16 || st[schema.StatusOK] != 16 {
		t.Errorf("warcfile.warc.gz: %d articles %v, want 16 ok", len(arts), st)
	}
	noBad("warcfile.warc.gz", arts)
	byLine := map[int64]schema.Article{}
	for _, a := range arts {
		byLine[a.Line] = a
	}
	for line, want := range map[int64]string{
		6:  "Стратегия пожарной безопасности", // windows-1251, header and meta
		12: "亚洲精品",                            // gb2312, header and meta
		15: "上海特舟实业有限公司",                      // gbk in <meta> only
		27: "Fahrerstatistik",                 // iso-8859-1 in a late <meta>
		30: "Live-Radsport",
	} {
		if a := byLine[line]; !strings.Contains(a.Title, want) {
			t.Errorf("warcfile.warc.gz line %d: title %q, want %q in it", line, a.Title, want)
		}
	}
	if a := byLine[30]; !strings.ContainsAny(texts[a.ArticleID], "äöüÄÖÜ") {
		t.Errorf("warcfile.warc.gz line 30: no umlauts in the text: %q", texts[a.ArticleID])
	}
	// The page of line 3 is UTF-8 (header and <meta>) and its headline is
	// mojibake in the page itself (UTF-8 read as GBK by whoever wrote it):
	// kept as the page has it.
	if a := byLine[3]; !strings.HasPrefix(a.Title, "婢虫床28鏄") {
		t.Errorf("warcfile.warc.gz line 3: title %q", a.Title)
	}

	// ClueWeb: 29 responses in EUC-JP whose header says gzip while the body
	// is stored decoded.
	arts, st = read("clueweb-quirk.warc.gz")
	if len(arts) != 29 || st[schema.StatusOK] != 29 {
		t.Errorf("clueweb-quirk.warc.gz: %d articles %v, want 29 ok", len(arts), st)
	}
	noBad("clueweb-quirk.warc.gz", arts)
	for _, a := range arts {
		if !strings.Contains(a.Error, "Content-Encoding gzip: gzip: invalid header; the body was read as stored") || a.Title == "" || a.NChars < 100 {
			t.Errorf("clueweb-quirk.warc.gz line %d: title %q, %d chars, error %q", a.Line, a.Title, a.NChars, a.Error)
			break
		}
	}

	// Cut short in its only record: the page read up to the cut.
	arts, _ = read("clipped.warc.gz")
	if len(arts) != 1 {
		t.Fatalf("clipped.warc.gz: %d articles, want 1", len(arts))
	}
	if a := arts[0]; a.Status != schema.StatusReadError || !strings.Contains(a.Error, "input ends inside a record") ||
		a.Title != "A Humble Chance The Rapper Leads a Spiritual Awakening at Revention" || a.NChars < 3000 {
		t.Errorf("clipped.warc.gz: %q, %s (%s), %d chars", a.Title, a.Status, a.Error, a.NChars)
	}

	// Records of type "unknown" at block boundaries: no articles, no errors.
	for _, file := range []string{"block-sized-records.warc", "block-sized-records.warc.gz"} {
		if arts, _ := read(file); len(arts) != 0 {
			t.Errorf("%s: %d articles, want none", file, len(arts))
		}
	}
}

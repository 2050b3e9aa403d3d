package input

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"maps"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/schema"
)

// pqRow is one row of a test article table; nil pointers are nulls.
type pqRow struct {
	id, title, text, body *string
	outlet, url           string
	published             *time.Time
	lang, cluster         string
}

func sp(s string) *string { return &s }

func tp(t time.Time) *time.Time { return &t }

var pqSchema = arrow.NewSchema([]arrow.Field{
	{Name: "id", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "title", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "text", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "body", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "outlet", Type: arrow.BinaryTypes.String},
	{Name: "url", Type: arrow.BinaryTypes.String},
	{Name: "published", Type: &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}, Nullable: true},
	{Name: "lang", Type: arrow.BinaryTypes.String},
	{Name: "cluster", Type: arrow.BinaryTypes.String},
}, nil)

// writeArticlesParquet writes rows as a Parquet article table, groupRows
// rows per row group, as pandas or a Hugging Face export would.
func writeArticlesParquet(t testing.TB, path string, rows []pqRow, groupRows int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	props := parquet.NewWriterProperties(parquet.WithCompression(compress.Codecs.Zstd), parquet.WithDictionaryDefault(false))
	fw, err := pqarrow.NewFileWriter(pqSchema, f, props, pqarrow.DefaultWriterProps())
	if err != nil {
		t.Fatal(err)
	}
	mem := memory.DefaultAllocator
	for start := 0; start < len(rows); start += groupRows {
		b := array.NewRecordBuilder(mem, pqSchema)
		str := func(i int, s *string) {
			if s == nil {
				b.Field(i).AppendNull()
			} else {
				b.Field(i).(*array.StringBuilder).Append(*s)
			}
		}
		for _, r := range rows[start:min(start+groupRows, len(rows))] {
			str(0, r.id)
			str(1, r.title)
			str(2, r.text)
			str(3, r.body)
			str(4, &r.outlet)
			str(5, &r.url)
			if r.published == nil {
				b.Field(6).AppendNull()
			} else {
				ts, _ := arrow.TimestampFromTime(*r.published, arrow.Microsecond)
				b.Field(6).(*array.TimestampBuilder).Append(ts)
			}
			str(7, &r.lang)
			str(8, &r.cluster)
		}
		rec := b.NewRecordBatch()
		if err := fw.Write(rec); err != nil {
			t.Fatal(err)
		}
		rec.Release()
		b.Release()
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
}

var updateParquet = flag.Bool("update-parquet-fixture", false, "rewrite fixtures/parquet/articles.parquet")

// sampleParquetRows are the rows of fixtures/parquet/articles.parquet, an
// invented corpus laid out as a Hugging Face export would be.
func sampleParquetRows() []pqRow {
	d := func(day, hour int) *time.Time { return tp(time.Date(2019, 8, day, hour, 0, 0, 0, time.UTC)) }
	return []pqRow{
		{id: sp("tidewater-001"), title: sp("Storm surge floods Tidewater harbour"), outlet: "Tidewater Mail", url: "https://tidewater-mail.example/surge",
			text:      sp("About 600 people were moved to shelters after a storm surge flooded the harbour district of Tidewater on Friday, the port authority said. No one was killed."),
			published: d(23, 9), lang: "en", cluster: "tidewater-storm"},
		{id: sp("tidewater-002"), title: sp("Tidewater shelters fill as surge recedes"), outlet: "Coastline Wire", url: "https://coastline-wire.example/tidewater",
			text:      sp("More than 800 residents spent the night in shelters, the city's emergency office said on Saturday, as the water began to recede."),
			published: d(24, 7), lang: "en", cluster: "tidewater-storm"},
		{id: sp("granby-001"), title: sp("Granby mine strike enters second week"), outlet: "Granby Observer", url: "https://granby-observer.example/strike",
			body:      sp("Some 1,500 miners remain on strike at the Granby copper mine, according to the union, which says talks with the owners have stalled."),
			published: d(25, 12), lang: "en", cluster: "granby-strike"},
		{id: sp("granby-002"), title: sp("Photo gallery: Granby picket line"), outlet: "Granby Observer", url: "https://granby-observer.example/gallery",
			published: d(26, 8), lang: "en", cluster: "granby-strike"},
	}
}

// TestParquetFixture reads fixtures/parquet/articles.parquet (two row
// groups); -update-parquet-fixture rewrites it.
func TestParquetFixture(t *testing.T) {
	rows := sampleParquetRows()
	path := filepath.Join(fixtures.Root(), "parquet", "articles.parquet")
	if *updateParquet {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		writeArticlesParquet(t, path, rows, 2)
	}
	recs := readRecords(t, 1<<20, path)
	if len(recs) != len(rows) {
		t.Fatalf("%s: %d records, want %d (rewrite with -update-parquet-fixture)", path, len(recs), len(rows))
	}
	for i, rec := range recs {
		a := row(rec)
		w := rows[i]
		text := w.text
		if text == nil {
			text = w.body
		}
		status := schema.StatusOK
		if text == nil {
			status = schema.StatusEmpty
		}
		if a.ArticleID != *w.id || a.Title != *w.title || a.Outlet != w.outlet || a.URL != w.url || !a.Published.Equal(*w.published) ||
			a.Line != int64(i+1) || a.Status != status || (text != nil && a.NChars != int64(utf8.RuneCountInString(*text))) {
			t.Errorf("row %d: %+v, want %s", i+1, a, *w.id)
		}
	}
}

func TestReadParquet(t *testing.T) {
	dir := t.TempDir()
	good := "Police said 12 people were injured in the blast on Monday."
	day := time.Date(2021, 6, 3, 14, 30, 0, 0, time.UTC)
	rows := []pqRow{
		{id: sp("p1"), title: sp("One"), text: sp(good), outlet: "Daily One", url: "https://www.one.example/a", published: tp(day), lang: "en", cluster: "c1"},
		{id: sp("p2"), title: sp("Two"), body: sp(good), url: "https://two.example/b", lang: "en"},
		{id: nil, text: sp(good), url: "https://three.example/c"},
		{id: sp("p4"), text: nil},
		{id: sp("p5"), text: sp(strings.Repeat("word ", 300))},
		{id: sp("p6"), text: sp("Caf\xe9 owners said 30 people were hurt.")},
		{id: sp("p7"), text: sp(good), published: tp(day.Add(24 * time.Hour))},
	}
	path := filepath.Join(dir, "table.parquet")
	writeArticlesParquet(t, path, rows, 3)
	recs := readRecords(t, 1024, path)
	if len(recs) != len(rows) {
		t.Fatalf("got %d records, want %d", len(recs), len(rows))
	}
	byID := map[string]schema.Article{}
	for i, rec := range recs {
		if rec.line != int64(i+1) {
			t.Errorf("record %d: line %d", i, rec.line)
		}
		p := row(rec)
		byID[p.ArticleID] = p
	}
	a := byID["p1"]
	if a.Status != schema.StatusOK || a.Title != "One" || a.Outlet != "Daily One" || a.URL != "https://www.one.example/a" ||
		!a.Published.Equal(day) || a.NChars != int64(len(good)) || a.Line != 1 {
		t.Errorf("p1: %+v", a)
	}
	if a := byID["p2"]; a.Status != schema.StatusOK || a.NChars != int64(len(good)) || a.Outlet != "two.example" || !a.Published.IsZero() {
		t.Errorf("p2 (text in body, outlet from the URL): %+v", a)
	}
	noID := path + "#L3"
	if a := byID[noID]; a.Status != schema.StatusOK || !strings.Contains(a.Error, "no id") || a.Line != 3 {
		t.Errorf("row without id: %+v", a)
	}
	want := map[string]string{"p4": schema.StatusEmpty, "p5": schema.StatusTooLarge, "p6": schema.StatusInvalidUTF8, "p7": schema.StatusOK}
	for id, st := range want {
		if a := byID[id]; a.Status != st || (st != schema.StatusOK && a.Error == "") {
			t.Errorf("%s: status %q (%s), want %s", id, a.Status, a.Error, st)
		}
	}
	if a := byID["p7"]; !a.Published.Equal(day.Add(24*time.Hour)) || a.Line != 7 {
		t.Errorf("p7 (second row group): %+v", a)
	}
}

func TestReadParquetOtherTypes(t *testing.T) {
	// Integer ids, string dates, the text in "content", dictionary strings.
	dir := t.TempDir()
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.PrimitiveTypes.Int64},
		{Name: "content", Type: arrow.BinaryTypes.LargeString},
		{Name: "outlet", Type: &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}},
		{Name: "published", Type: arrow.BinaryTypes.String, Nullable: true},
	}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, sc)
	defer b.Release()
	b.Field(0).(*array.Int64Builder).AppendValues([]int64{41, 42}, nil)
	b.Field(1).(*array.LargeStringBuilder).AppendValues([]string{"Some 40 people died.", "About 7 were hurt."}, nil)
	b.Field(2).(*array.BinaryDictionaryBuilder).AppendString("Wire A")
	b.Field(2).(*array.BinaryDictionaryBuilder).AppendString("Wire B")
	b.Field(3).(*array.StringBuilder).AppendValues([]string{"2020-01-02T03:04:05Z", "last Tuesday"}, nil)
	rec := b.NewRecordBatch()
	defer rec.Release()
	path := filepath.Join(dir, "t.parquet")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	fw, err := pqarrow.NewFileWriter(sc, f, nil, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	if err != nil {
		t.Fatal(err)
	}
	if err := fw.Write(rec); err != nil {
		t.Fatal(err)
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	recs := readRecords(t, 1<<20, path)
	if len(recs) != 2 {
		t.Fatalf("got %d records", len(recs))
	}
	p := row(recs[0])
	if p.ArticleID != "41" || p.Outlet != "Wire A" || p.Status != schema.StatusOK || !p.Published.Equal(time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)) {
		t.Errorf("row 1: %+v", p)
	}
	p = row(recs[1])
	if p.ArticleID != "42" || p.Outlet != "Wire B" || !p.Published.IsZero() || !strings.Contains(p.Error, "unrecognised date") {
		t.Errorf("row 2: %+v", p)
	}
}

func TestReadParquetBadFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "not.parquet"), []byte("PAR1 this is not a parquet file at all"))
	writeFile(t, filepath.Join(dir, "packed.parquet.gz"), gzipBytes(t, "x"))
	got := map[string]Record{}
	for _, r := range readRecords(t, 1<<20, dir) {
		got[r.id] = r
	}
	for _, id := range []string{"not.parquet", "packed.parquet.gz"} {
		if r := got[id]; r.status != schema.StatusReadError || r.err == "" {
			t.Errorf("%s: %+v, want read_error", id, r)
		}
	}
}

// TestReadWebFormats reads a directory of an HTML page, a gzipped WARC
// with a corrupt member in its middle, and a Parquet table into articles
// rows and manifest entries.
func TestReadWebFormats(t *testing.T) {
	root := t.TempDir()
	corpus := filepath.Join(root, "corpus")
	page := readFixture(t, "html/riverton-post-bridge.html")
	writeFile(t, filepath.Join(corpus, "pages/bridge.html"), page)

	recs := sampleWARCRecords(t)
	var warcFile []byte
	var offs []int
	for _, r := range recs {
		offs = append(offs, len(warcFile))
		warcFile = append(warcFile, gzipBytes(t, r)...)
	}
	warcFile[offs[2]+1] ^= 0xff // the ferry page's member: bad gzip header
	writeFile(t, filepath.Join(corpus, "crawl/cc-news.warc.gz"), warcFile)

	day := time.Date(2021, 6, 3, 0, 0, 0, 0, time.UTC)
	rows := []pqRow{
		{id: sp("hf-1"), title: sp("Quake"), text: sp("At least 12 people were killed in the earthquake, officials said."),
			outlet: "Wire", url: "https://wire.example/q", published: tp(day)},
		{id: sp("hf-2"), text: nil, url: "https://wire.example/empty"},
	}
	if err := os.MkdirAll(filepath.Join(corpus, "tables"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeArticlesParquet(t, filepath.Join(corpus, "tables/export.parquet"), rows, 1)

	p, err := NewPlan([]string{corpus}, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	arts := map[string]schema.Article{}
	inputs, err := p.Read(context.Background(), Options{MaxBytes: 8 << 20}, func(r Record) error {
		a := row(r)
		arts[a.ArticleID] = a
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// The page's text is trafilatura's main text: check it has no
	// boilerplate, then that the run stored that very text.
	rec := Record{format: formatHTML, raw: page}
	f := parseHTML(&rec)
	for _, s := range []string{"Subscribe", "Reader comment", "Copyright", "Most read"} {
		if strings.Contains(f.text, s) {
			t.Errorf("page text holds boilerplate %q", s)
		}
	}
	sum := sha256.Sum256([]byte(f.text))
	if a := arts["pages/bridge.html"]; a.Status != schema.StatusOK || a.TextSHA256 != hex.EncodeToString(sum[:]) ||
		a.NChars != int64(utf8.RuneCountInString(f.text)) || a.Outlet != "The Riverton Post" ||
		a.URL != "https://www.riverton-post.example/news/2023/03/14/bridge-collapse" ||
		!a.Published.Equal(time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC)) || a.Title != "Bridge collapse in Riverton injures at least 14" {
		t.Errorf("HTML page row: %+v", a)
	}

	warcPath := filepath.Join(corpus, "crawl/cc-news.warc.gz")
	badID := fmt.Sprintf("%s@%d", warcPath, offs[2])
	if a := arts[badID]; a.Status != schema.StatusReadError || !strings.Contains(a.Error, fmt.Sprintf("offset %d", offs[2])) || a.Path != warcPath {
		t.Errorf("corrupt member row %s: %+v", badID, a)
	}
	water := arts["urn:uuid:5b7e0000-0000-4000-8000-000000000003"]
	if water.Status != schema.StatusOK || water.URL != "https://news.northfield-daily.example/city/water-main" ||
		water.Outlet != "news.northfield-daily.example" || !water.Published.Equal(time.Date(2024, 5, 1, 6, 0, 2, 0, time.UTC)) ||
		water.Title != "Water main burst floods Northfield streets" || water.Line != 4 || water.NChars < 150 {
		t.Errorf("WARC page row: %+v", water)
	}
	protest := arts["urn:uuid:5b7e0000-0000-4000-8000-000000000006"]
	if protest.Status != schema.StatusOK || protest.Outlet != "lakeside-herald.example" || protest.NChars < 150 {
		t.Errorf("WARC Latin-1 page row: %+v", protest)
	}

	if a := arts["hf-1"]; a.Status != schema.StatusOK || a.Line != 1 || a.Outlet != "Wire" || !a.Published.Equal(day) {
		t.Errorf("Parquet row 1: %+v", a)
	}
	if a := arts["hf-2"]; a.Status != schema.StatusEmpty || a.Line != 2 {
		t.Errorf("Parquet row 2: %+v", a)
	}

	// Nothing else: the WARC's other records are not articles.
	if len(arts) != 6 {
		t.Errorf("articles %v, want 6 rows", slices.Sorted(maps.Keys(arts)))
	}
	if len(inputs) != 3 {
		t.Errorf("manifest inputs %+v", inputs)
	}
	for _, in := range inputs {
		st, err := os.Stat(in.Path)
		if err != nil || st.Size() != in.Size {
			t.Errorf("manifest input %s: size %d, file %v %v", in.Path, in.Size, st, err)
		}
	}
}

// BenchmarkReadParquet measures the Parquet reader alone: file to chunks
// of records. Bytes are the file's.
func BenchmarkReadParquet(b *testing.B) {
	rnd := rand.New(rand.NewSource(1))
	var rows []pqRow
	day := time.Date(2021, 3, 1, 10, 0, 0, 0, time.UTC)
	for i := 0; i < 12000; i++ {
		rows = append(rows, pqRow{id: sp(fmt.Sprintf("b%d", i)), title: sp(fmt.Sprintf("Storm %d", i)), text: sp(benchProse(rnd, 3+i%12)),
			outlet: fmt.Sprintf("outlet%d.example", i%300), published: tp(day.Add(time.Duration(i) * time.Minute)), lang: "en"})
	}
	path := filepath.Join(b.TempDir(), "bench.parquet")
	writeArticlesParquet(b, path, rows, 2000)
	st, _ := os.Stat(path)
	var text int64
	for _, r := range rows {
		text += int64(len(*r.text))
	}
	b.Logf("%d MB of text in a %d MB Parquet file", text>>20, st.Size()>>20)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if n := countRecords(b, 8<<20, path); n != len(rows) {
			b.Fatalf("%d records", n)
		}
	}
	b.ReportMetric(float64(text*int64(b.N))/b.Elapsed().Seconds()/1e6, "text-MB/s")
	b.ReportMetric(float64(len(rows)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// countRecords reads paths as a run plans them and returns how many
// records came without a status, keeping none.
func countRecords(tb testing.TB, maxBytes int64, paths ...string) int {
	p, err := NewPlan(paths, nil, "")
	if err != nil {
		tb.Fatal(err)
	}
	n := 0
	if _, err := p.Read(context.Background(), Options{MaxBytes: maxBytes}, func(r Record) error {
		if r.status == "" {
			n++
		}
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return n
}

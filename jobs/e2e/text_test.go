package e2e

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/jobs"
)

// textInputs writes one input of every format into a new directory and
// returns it with the format of each file, by its name: text and Markdown
// files (plain, .gz, .zst), JSONL (plain, .gz, .zst; one with letters
// outside the Basic Multilingual Plane before its claims, where code
// points and UTF-16 units differ), HTML pages (UTF-8, Latin-1, gzipped),
// a WARC file and a Parquet table.
func textInputs(t *testing.T) (string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	read := func(rel string) []byte {
		b, err := os.ReadFile(filepath.Join(fixtures.Root(), rel))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	gzipped := func(b []byte) []byte {
		var buf bytes.Buffer
		w := gzip.NewWriter(&buf)
		w.Write(b)
		w.Close()
		return buf.Bytes()
	}
	zstded := func(b []byte) []byte {
		e, err := zstd.NewWriter(nil)
		if err != nil {
			t.Fatal(err)
		}
		defer e.Close()
		return e.EncodeAll(b, nil)
	}
	local := "sample/local/"
	files := []struct {
		name, format string
		data         []byte
	}{
		{"quake.txt", "txt", read(local + "arequipa-herald-quake.txt")},
		{"shipwreck.txt.gz", "txt.gz", gzipped(read(local + "crotone-courier-shipwreck.txt"))},
		{"floods.md", "md", read(local + "coast-observer-floods.md")},
		{"fire.md.zst", "md.zst", zstded(read(local + "gazipur-tribune-fire.md"))},
		{"papers.jsonl", "jsonl", read(local + "papers.jsonl")},
		{"late-wires.jsonl.gz", "jsonl.gz", read("sample/archive/late-wires.jsonl.gz")},
		{"wires.jsonl.zst", "jsonl.zst", zstded(read("sample/wires.jsonl"))},
		{"astral.jsonl", "jsonl", []byte(`{"id":"astral-1","published":"2024-03-02","text":"𝐁𝐫𝐞𝐚𝐤𝐢𝐧𝐠 🌊🌊 Überschwemmung in Nîmes: ` +
			`the préfecture said 14 people were killed and about 2,000 were evacuated. 🙏 Rescuers said 3 people were still missing."}` + "\n")},
		{"bridge.html", "html", read("html/riverton-post-bridge.html")},
		{"floods.htm", "htm", read("html/valley-courier-floods.htm")},
		{"bridge-again.html.gz", "html.gz", gzipped(read("html/riverton-post-bridge.html"))},
		{"sample.warc.gz", "warc.gz", read("warc/sample.warc.gz")},
		{"articles.parquet", "parquet", read("parquet/articles.parquet")},
	}
	formats := map[string]string{}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, 0o644); err != nil {
			t.Fatal(err)
		}
		formats[filepath.Join(dir, f.name)] = f.format
	}
	return dir, formats
}

// TestWithTextQuotes runs with --with-text over every input format and
// checks with DuckDB that each claim's quote is the substring of its
// article's text at its offsets, as the README's query cuts it (DuckDB
// counts code points, as the offsets do), and that the text is the one
// text_sha256 and n_chars describe.
func TestWithTextQuotes(t *testing.T) {
	in, formats := textInputs(t)
	out := filepath.Join(t.TempDir(), "out")
	if _, err := jobs.Run(context.Background(), jobs.Config{Paths: []string{in}, Out: out, WithText: true}); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	arts := filepath.Join(out, "articles", "*.parquet")
	claims := filepath.Join(out, "claims", "*.parquet")

	// The README's query, per input file.
	rows, err := db.Query(fmt.Sprintf(`
		SELECT a.path, count(*),
		       count(*) FILTER (WHERE substring(a.text, c.char_start + 1, c.char_end - c.char_start) = c.quote)
		FROM '%s' c JOIN '%s' a USING (article_id)
		GROUP BY a.path`, claims, arts))
	if err != nil {
		t.Fatal(err)
	}
	perFormat := map[string][2]int{}
	for rows.Next() {
		var path string
		var n, same int
		if err := rows.Scan(&path, &n, &same); err != nil {
			t.Fatal(err)
		}
		f, ok := formats[path]
		if !ok {
			t.Fatalf("claims from an unexpected path %q", path)
		}
		c := perFormat[f]
		perFormat[f] = [2]int{c[0] + n, c[1] + same}
	}
	rows.Close()
	for _, f := range formats {
		c := perFormat[f]
		if c[0] == 0 {
			t.Errorf("%s: no claims", f)
		}
		if c[1] != c[0] {
			t.Errorf("%s: %d of %d quotes are not substring(text, char_start + 1, char_end - char_start)", f, c[0]-c[1], c[0])
		}
	}
	var astral, astralSame int
	if err := db.QueryRow(fmt.Sprintf(`
		SELECT count(*), count(*) FILTER (WHERE substring(a.text, c.char_start + 1, c.char_end - c.char_start) = c.quote)
		FROM '%s' c JOIN '%s' a USING (article_id) WHERE article_id = 'astral-1'`, claims, arts)).Scan(&astral, &astralSame); err != nil {
		t.Fatal(err)
	}
	if astral < 2 || astralSame != astral {
		t.Errorf("the record with astral-plane letters: %d claims, %d cut right", astral, astralSame)
	}

	// The text is the one hashed and counted; rows with no text read have
	// none.
	var bad, withText, noText int
	q := fmt.Sprintf(`SELECT
		count(*) FILTER (WHERE text IS NOT NULL AND (sha256(text) <> text_sha256 OR length(text) <> n_chars)),
		count(*) FILTER (WHERE text IS NOT NULL),
		count(*) FILTER (WHERE text IS NULL AND text_sha256 = '')
		FROM '%s'`, arts)
	if err := db.QueryRow(q).Scan(&bad, &withText, &noText); err != nil {
		t.Fatal(err)
	}
	if bad != 0 || withText < len(formats) {
		t.Errorf("%d rows whose text does not match text_sha256 or n_chars; %d rows with text", bad, withText)
	}
	var rowsTotal int
	if err := db.QueryRow(fmt.Sprintf(`SELECT count(*) FROM '%s'`, arts)).Scan(&rowsTotal); err != nil {
		t.Fatal(err)
	}
	if withText+noText != rowsTotal {
		t.Errorf("%d rows: %d with text, %d without text and hash", rowsTotal, withText, noText)
	}
	t.Logf("%d articles, claims per format: %v", rowsTotal, perFormat)

	// Without the flag there is no text column.
	plain := filepath.Join(t.TempDir(), "plain")
	if _, err := jobs.Run(context.Background(), jobs.Config{Paths: []string{in}, Out: plain}); err != nil {
		t.Fatal(err)
	}
	var cols string
	if err := db.QueryRow(fmt.Sprintf(`SELECT string_agg(column_name, ',') FROM (DESCRIBE SELECT * FROM '%s')`,
		filepath.Join(plain, "articles", "*.parquet"))).Scan(&cols); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(","+cols+",", ",text,") {
		t.Errorf("a run without --with-text has a text column: %s", cols)
	}
}

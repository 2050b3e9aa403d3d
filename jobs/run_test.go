package jobs

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gz(t *testing.T, data string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(data))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func zst(t *testing.T, data string) []byte {
	var b bytes.Buffer
	w, err := zstd.NewWriter(&b)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(data))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func jsonLine(id, text string) string {
	return fmt.Sprintf(`{"id":%q,"title":"T %s","text":%q,"outlet":"","url":"https://www.example.com/%s","published":"2019-08-24"}`+"\n", id, id, text, id)
}

// readArticles returns the articles table of a dataset by id.
func readArticles(t *testing.T, dir string) map[string]schema.Article {
	t.Helper()
	rows, err := Load(context.Background(), dir, schema.Articles)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]schema.Article{}
	for _, r := range rows {
		if _, dup := out[r.ArticleID]; dup {
			r.ArticleID += "#dup"
		}
		out[r.ArticleID] = r
	}
	return out
}

func TestRunBadInput(t *testing.T) {
	root := t.TempDir()
	corpus := filepath.Join(root, "corpus")
	good := "Police said 12 people were injured in the blast on Monday."
	writeFile(t, filepath.Join(corpus, "a/good.txt"), []byte(good))
	writeFile(t, filepath.Join(corpus, "a/empty.txt"), nil)
	writeFile(t, filepath.Join(corpus, "a/latin1.txt"), []byte("Caf\xe9 owners said 30 people were hurt."))
	writeFile(t, filepath.Join(corpus, "a/huge.md"), bytes.Repeat([]byte("word "), 1000))
	writeFile(t, filepath.Join(corpus, "b/lines.jsonl"), []byte(jsonLine("j1", good)+"{not json\n\n"+jsonLine("j3", good)+
		`{"id":"j4","text":"`+strings.Repeat("x", 6000)+`"}`+"\n"+jsonLine("j5", good)))
	writeFile(t, filepath.Join(corpus, "b/more.ndjson.gz"), gz(t, jsonLine("g1", good)+jsonLine("g2", good)))
	writeFile(t, filepath.Join(corpus, "b/more.jsonl.zst"), []byte(zst(t, jsonLine("z1", good))))
	writeFile(t, filepath.Join(corpus, "b/broken.jsonl.gz"), gz(t, jsonLine("k1", good)+jsonLine("k2", good))[:40])
	writeFile(t, filepath.Join(corpus, "b/dup.jsonl"), []byte(jsonLine("j1", "A second record with the same id.")))
	writeFile(t, filepath.Join(corpus, "notes.csv"), []byte("a,b\n"))
	writeFile(t, filepath.Join(corpus, ".hidden/x.txt"), []byte(good))
	if err := os.Symlink(filepath.Join(root, "nowhere.txt"), filepath.Join(corpus, "a/dangling.txt")); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(root, "missing-dir")

	var log bytes.Buffer
	out := filepath.Join(root, "out")
	s, err := Run(context.Background(), Config{
		Paths: []string{corpus, missing}, Out: out, Workers: 3, MaxArticleBytes: 4096, Log: &log,
	})
	if err != nil {
		t.Fatalf("Run: %v\nlog:\n%s", err, log.String())
	}
	arts := readArticles(t, out)
	want := map[string]string{
		"a/good.txt":                 schema.StatusOK,
		"a/empty.txt":                schema.StatusEmpty,
		"a/latin1.txt":               schema.StatusInvalidUTF8,
		"a/huge.md":                  schema.StatusTooLarge,
		"a/dangling.txt":             schema.StatusReadError,
		"j1":                         schema.StatusOK,
		"j1#dup":                     schema.StatusDuplicateID,
		"j3":                         schema.StatusOK,
		"j5":                         schema.StatusOK,
		"g1":                         schema.StatusOK,
		"g2":                         schema.StatusOK,
		"z1":                         schema.StatusOK,
		corpus + "/b/lines.jsonl#L2": schema.StatusParseError,
		corpus + "/b/lines.jsonl#L5": schema.StatusTooLarge,
		missing:                      schema.StatusReadError,
	}
	for id, st := range want {
		a, ok := arts[id]
		if !ok {
			t.Errorf("no articles row for %s", id)
			continue
		}
		if a.Status != st {
			t.Errorf("%s: status %q (%s), want %q", id, a.Status, a.Error, st)
		}
		if st != schema.StatusOK && a.Error == "" {
			t.Errorf("%s: status %s without an error message", id, st)
		}
	}
	// The truncated gzip gives a read_error row after what it could read.
	var brokenRows int
	for id, a := range arts {
		if strings.HasPrefix(id, corpus+"/b/broken.jsonl.gz#L") && a.Status == schema.StatusReadError {
			brokenRows++
			if !strings.Contains(a.Error, "rest of the file is unread") {
				t.Errorf("broken gzip error %q does not say the rest is unread", a.Error)
			}
		}
	}
	if brokenRows != 1 {
		t.Errorf("broken gzip gave %d read_error rows, want 1", brokenRows)
	}
	if a := arts["j3"]; a.Line != 4 || a.Path != corpus+"/b/lines.jsonl" || a.Outlet != "example.com" || a.Published.IsZero() {
		t.Errorf("j3 row = %+v, want line 4, its path, outlet from the URL, a date", a)
	}
	if a := arts["a/good.txt"]; a.NChars != int64(len(good)) || len(a.TextSHA256) != 64 {
		t.Errorf("good.txt n_chars %d sha %q", a.NChars, a.TextSHA256)
	}
	if _, ok := arts["x.txt"]; ok {
		t.Errorf("hidden directory was read")
	}
	if s.Rejected == 0 || s.Statuses[schema.StatusOK] != 7 {
		t.Errorf("summary statuses %v rejected %d", s.Statuses, s.Rejected)
	}
	for _, msg := range []string{"notes.csv: unknown extension", "invalid_utf8", "too_large", "parse_error", "duplicate_id", "missing-dir"} {
		if !strings.Contains(log.String(), msg) {
			t.Errorf("log does not mention %q:\n%s", msg, log.String())
		}
	}
	m, err := output.ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	if m.Tables[schema.ArticlesTable].Rows != int64(len(arts)) {
		t.Errorf("manifest says %d articles, table has %d", m.Tables[schema.ArticlesTable].Rows, len(arts))
	}
	if len(m.Skipped) != 1 || len(m.Inputs) < 8 {
		t.Errorf("manifest skipped %v, %d inputs", m.Skipped, len(m.Inputs))
	}
	for _, in := range m.Inputs {
		if len(in.SHA256) != 64 || in.Size <= 0 && !strings.HasSuffix(in.Path, "empty.txt") {
			t.Errorf("manifest input %+v", in)
		}
	}
}

func TestRunRefusesExistingOutput(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	writeFile(t, filepath.Join(out, "keep.txt"), []byte("x"))
	writeFile(t, filepath.Join(root, "c/a.txt"), []byte("Some 40 people died."))
	_, err := Run(context.Background(), Config{Paths: []string{filepath.Join(root, "c")}, Out: out})
	if !errors.Is(err, output.ErrExists) {
		t.Fatalf("Run over a non-empty dir: %v, want ErrExists", err)
	}
	if _, err := os.Stat(filepath.Join(out, "keep.txt")); err != nil {
		t.Errorf("existing content touched: %v", err)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 2 {
		t.Errorf("a temporary directory was left behind: %v", entries)
	}
}

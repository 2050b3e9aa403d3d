package e2e

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimscan/claimscan/jobs"
	"github.com/claimscan/claimscan/jobs/gen"
	"github.com/claimscan/claimscan/output"
)

// TestSameBytesAnyWorkers runs a generated corpus with 1 and 8 workers and
// small parts (so there are several, conflicts parts too) and compares
// every Parquet file.
func TestSameBytesAnyWorkers(t *testing.T) {
	root := t.TempDir()
	corpus := filepath.Join(root, "corpus")
	if _, err := gen.Run(context.Background(), gen.Config{Size: 20 << 20, Seed: 3, Out: corpus}); err != nil {
		t.Fatal(err)
	}
	run := func(workers int) string {
		out := filepath.Join(root, "out", string(rune('a'+workers)))
		_, err := jobs.Run(context.Background(), jobs.Config{
			Paths: []string{filepath.Join(corpus, gen.ArticlesFile)}, Out: out, Workers: workers, PartBytes: 1 << 20,
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	a, b := run(1), run(8)
	ma, err := output.ReadManifest(a)
	if err != nil {
		t.Fatal(err)
	}
	mb, err := output.ReadManifest(b)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ma.Tables["claims"].Parts); n < 3 {
		t.Fatalf("only %d claims parts; the test needs several", n)
	}
	if n := len(ma.Tables["conflicts"].Parts); n < 2 {
		t.Fatalf("only %d conflicts parts; the test needs several", n)
	}
	for table, ta := range ma.Tables {
		tb := mb.Tables[table]
		if len(ta.Parts) != len(tb.Parts) {
			t.Fatalf("%s: %d parts vs %d", table, len(ta.Parts), len(tb.Parts))
		}
		for i, p := range ta.Parts {
			x, err := os.ReadFile(filepath.Join(a, p.Path))
			if err != nil {
				t.Fatal(err)
			}
			y, err := os.ReadFile(filepath.Join(b, tb.Parts[i].Path))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(x, y) || p.SHA256 != tb.Parts[i].SHA256 {
				t.Errorf("%s differs between --workers 1 and 8", p.Path)
			}
		}
	}
}

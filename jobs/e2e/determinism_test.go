package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimscan/claimscan/output"
)

// TestSameBytesAnyWorkers runs the sample corpus with 1 and 8 workers and
// small parts (so there are several) and compares every Parquet file.
func TestSameBytesAnyWorkers(t *testing.T) {
	const partBytes = 8 << 10
	a := runSample(t, 1, partBytes)
	b := runSample(t, 8, partBytes)
	ma, err := output.ReadManifest(a)
	if err != nil {
		t.Fatal(err)
	}
	mb, err := output.ReadManifest(b)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ma.Tables["claims"].Parts); n < 2 {
		t.Fatalf("only %d claims parts; the test needs several", n)
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

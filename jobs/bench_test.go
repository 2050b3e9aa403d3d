package jobs

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/jobs/extract"
)

// BenchmarkSpine measures the job without extraction: read, parse JSON,
// hash, Arrow, Parquet, manifest, over a JSONL file of about 128 MB.
func BenchmarkSpine(b *testing.B) {
	para := "Officials said on Monday that at least 25 people were killed and more than 40 injured when " +
		"the storm hit the coast, according to the regional disaster agency. "
	var buf strings.Builder
	for i := 0; buf.Len() < 128<<20; i++ {
		fmt.Fprintf(&buf, `{"id":"b%d","title":"Storm %d","text":%q,"outlet":"outlet%d.example","published":"2021-03-%02dT10:00:00Z"}`+"\n",
			i, i, strings.Repeat(para, 10+i%40), i%300, 1+i%28)
	}
	path := filepath.Join(b.TempDir(), "bench.jsonl")
	if err := os.WriteFile(path, []byte(buf.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := filepath.Join(b.TempDir(), "out")
		_, err := Run(context.Background(), Config{
			Paths: []string{path}, Out: out,
			extractFn: func(extract.Article) extract.Result { return extract.Result{} },
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

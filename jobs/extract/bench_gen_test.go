package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/claimscan/claimscan/jobs/gen"
)

// genBenchSize is the size of the generated corpus BenchmarkExtractGenerated
// reads, in bytes of article JSONL.
const genBenchSize = 20 << 20

// genArticles generates about size bytes of articles with package gen, in
// memory, and reads them as the job does (published as RFC 3339).
func genArticles(tb testing.TB, size int64) []Article {
	var buf bytes.Buffer
	if _, err := gen.Write(&buf, nil, gen.Config{Size: size, Seed: 1}); err != nil {
		tb.Fatal(err)
	}
	var out []Article
	sc := bufio.NewScanner(&buf)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var r struct {
			ID, Title, Text, Outlet, Published string
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatal(err)
		}
		a := Article{ID: r.ID, Title: r.Title, Text: r.Text, Outlet: r.Outlet}
		if t, err := time.Parse(time.RFC3339Nano, r.Published); err == nil {
			a.Published = t.UTC()
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// BenchmarkExtractGenerated is BenchmarkExtract on a generated corpus of
// about 20 MB.
func BenchmarkExtractGenerated(b *testing.B) {
	benchExtract(b, genArticles(b, genBenchSize))
}

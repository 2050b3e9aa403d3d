package source_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/claimscan/claimscan/jobs/gen"
	"github.com/claimscan/claimscan/jobs/source"
	"github.com/claimscan/claimscan/jobs/stage"
	"github.com/claimscan/claimscan/schema"
)

// generatedRecords extracts the claims of a generated corpus of size
// bytes, as Run feeds them to the aggregator.
func generatedRecords(b *testing.B, size int64) (recs []record, nClaims int) {
	dir := b.TempDir()
	if _, err := gen.Run(context.Background(), gen.Config{Size: size, Seed: 11, Out: dir}); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, gen.ArticlesFile)
	_, err := stage.ProcessFile(context.Background(), path, stage.FileOptions{}, func(p stage.Rows) error {
		recs = append(recs, record{p.Article, p.Claims})
		nClaims += len(p.Claims)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return recs, nClaims
}

// BenchmarkAggregator feeds the articles and claims of a generated 32 MB
// corpus to a new Aggregator and builds its rows; it reports the cost per
// claim, also in CPU time (which a shared machine inflates less than wall
// time; the garbage collector's work is included).
func BenchmarkAggregator(b *testing.B) {
	recs, nClaims := generatedRecords(b, 32<<20)
	var rows []schema.Source
	var cpu0 float64
	for b.Loop() {
		if cpu0 == 0 {
			cpu0 = cpuSeconds()
		}
		g := source.New()
		for i := range recs {
			g.AddArticle(&recs[i].article)
			for j := range recs[i].claims {
				g.AddClaim(&recs[i].claims[j])
			}
		}
		rows = g.Rows()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(nClaims), "ns/claim")
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(cpu*1e9/float64(b.N)/float64(nClaims), "cpu-ns/claim")
	}
	b.ReportMetric(float64(len(rows)), "rows")
}

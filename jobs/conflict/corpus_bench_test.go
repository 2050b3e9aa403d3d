package conflict_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/claimscan/claimscan/jobs/conflict"
	"github.com/claimscan/claimscan/jobs/gen"
	"github.com/claimscan/claimscan/jobs/stage"
	"github.com/claimscan/claimscan/schema"
)

// BenchmarkDetectorCorpus feeds the claims of a generated 32 MB corpus,
// keyed as a run keys them (clusters included), through Add and Run with
// the default configuration, and reports the cost per claim, also in CPU
// time (which a shared machine inflates less than wall time; the garbage
// collector's work is included).
func BenchmarkDetectorCorpus(b *testing.B) {
	dir := b.TempDir()
	if _, err := gen.Run(context.Background(), gen.Config{Size: 32 << 20, Seed: 11, Out: dir}); err != nil {
		b.Fatal(err)
	}
	var items []conflict.Item
	_, err := stage.ProcessFile(context.Background(), filepath.Join(dir, gen.ArticlesFile), stage.FileOptions{}, func(p stage.Rows) error {
		for i := range p.Claims {
			if c := &p.Claims[i]; c.ClaimKey != "" {
				items = append(items, conflict.ItemOf(c))
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	var rows int
	var cpu0 float64
	for b.Loop() {
		if cpu0 == 0 {
			cpu0 = cpuSeconds()
		}
		cfg := conflict.DefaultConfig()
		cfg.TempDir = b.TempDir()
		d, err := conflict.NewDetector(cfg)
		if err != nil {
			b.Fatal(err)
		}
		for i := range items {
			if err := d.Add(items[i]); err != nil {
				b.Fatal(err)
			}
		}
		rows = 0
		err = d.Run(context.Background(), func(batch []schema.Conflict) error {
			rows += len(batch)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		d.Close()
	}
	n := float64(b.N) * float64(len(items))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/claim")
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(cpu*1e9/n, "cpu-ns/claim")
	}
	b.ReportMetric(float64(rows), "rows")
	b.ReportMetric(float64(len(items)), "claims")
}

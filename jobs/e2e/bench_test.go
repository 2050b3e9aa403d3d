package e2e

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// BenchmarkJob runs the claimscan binary over a generated corpus of
// $CLAIMSCAN_BENCH_SIZE (default 1GB; generated once and kept in .bench/ at
// the module root) and reports MB/s, articles/s, claims/s, peak RSS, MB per
// CPU-second (user and system time: the throughput per core, steadier than
// wall time on a shared host) and seconds per stage, plus the time to merely
// read the same file, for the ratio to the I/O limit.
// $CLAIMSCAN_BENCH_WORKERS lists the worker counts to run (default "1,2"); a
// run with n workers gets n cores (GOMAXPROCS=n), so the speedup metric is
// the scaling with cores, the writers' and global stages' work included.
func BenchmarkJob(b *testing.B) {
	size := envOr("CLAIMSCAN_BENCH_SIZE", "1GB")
	root := filepath.Join(fixtures.Root(), "..")
	benchDir := filepath.Join(root, ".bench")
	bin := filepath.Join(benchDir, "claimscan")
	build := exec.Command("go", "build", "-o", bin, "./cmd/claimscan")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	corpus := filepath.Join(benchDir, "corpus-"+size)
	input := filepath.Join(corpus, "articles.jsonl")
	if _, err := os.Stat(input); err != nil {
		gen := exec.Command(bin, "gen", "--size", size, "--seed", "1", "--out", corpus)
		if out, err := gen.CombinedOutput(); err != nil {
			b.Fatalf("gen: %v\n%s", err, out)
		}
	}
	st, err := os.Stat(input)
	if err != nil {
		b.Fatal(err)
	}
	mb := float64(st.Size()) / 1e6

	readSecs := timeRead(b, input)
	b.Logf("corpus %s: %.0f MB; plain read %.2fs (%.0f MB/s)", input, mb, readSecs, mb/readSecs)

	workers := strings.Split(envOr("CLAIMSCAN_BENCH_WORKERS", "1,2"), ",")
	var first float64
	for _, w := range workers {
		b.Run("workers="+w, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				out := filepath.Join(benchDir, "out-"+size+"-"+w)
				cmd := exec.Command(bin, "run", "--quiet", "--overwrite", "--workers", w, "--out", out, input)
				cmd.Env = append(os.Environ(), "GOMAXPROCS="+w)
				start := time.Now()
				if msg, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("run: %v\n%s", err, msg)
				}
				secs := time.Since(start).Seconds()
				rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024
				m, err := output.ReadManifest(out)
				if err != nil {
					b.Fatal(err)
				}
				arts := m.Tables[schema.ArticlesTable].Rows
				claims := m.Tables[schema.ClaimsTable].Rows
				cpu := (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
				b.ReportMetric(mb/secs, "MB/s")
				b.ReportMetric(mb/cpu, "MB/cpu-s")
				b.ReportMetric(float64(arts)/secs, "articles/s")
				b.ReportMetric(float64(claims)/secs, "claims/s")
				b.ReportMetric(float64(rss)/(1<<20), "peakRSS_MB")
				b.ReportMetric(secs/readSecs, "x_plain_read")
				n, _ := strconv.Atoi(w)
				if n == 1 {
					first = secs
				} else if first > 0 {
					b.ReportMetric(first/secs, "speedup")
				}
				var stages []string
				for _, k := range []string{"read_busy", "extract_busy", "sequence_busy", "write_busy", "read_extract_write", "conflicts", "sources"} {
					stages = append(stages, fmt.Sprintf("%s=%.2fs", k, m.Timings[k]))
				}
				b.Logf("workers=%s: %.2fs (%.1f CPU-s), %d articles, %d claims, %d conflicts, peak RSS %d MB; %s",
					w, secs, cpu, arts, claims, m.Tables[schema.ConflictsTable].Rows, rss>>20, strings.Join(stages, " "))
			}
		})
	}
}

// timeRead reads path to the end, as the job's reader would, and returns
// the seconds it took.
func timeRead(b *testing.B, path string) float64 {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	start := time.Now()
	if _, err := io.Copy(io.Discard, bufio.NewReaderSize(f, 1<<20)); err != nil {
		b.Fatal(err)
	}
	return time.Since(start).Seconds()
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

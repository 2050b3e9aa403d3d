// Command claimscan-beam runs claimscan as an Apache Beam pipeline: the
// same dataset as `claimscan run`, computed by a distributed engine (Flink,
// Spark, Dataflow) or, by default, by Beam's local runner, prism. See the
// README's "Scaling out" section.
//
//	claimscan-beam [--out DIR|URL] [--overwrite] [--max-article-bytes N] [--tolerance F]
//	               [--shards N] [--quiet] [Beam flags: --runner, --endpoint, ...] PATH|PATTERN ...
//
// Flags come before the paths. The same binary is the engine's worker: on
// a worker, beam.Init takes over and never returns.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3" // s3:// paths (gs:// and local come with beamx)
	"github.com/apache/beam/sdks/v2/go/pkg/beam/options/jobopts"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	cbeam "github.com/claimscan/claimscan/jobs/beam"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// Exit codes, as for `claimscan run`.
const (
	exitOK          = 0
	exitFailed      = 1
	exitUsage       = 2
	exitRejected    = 3
	exitInterrupted = 130
)

// The command's own flags, beside the Beam flags on the same flag set.
var (
	out             = flag.String("out", "out", "dataset directory: a local path, or a URL of a Beam file system (gs://, s3://)")
	overwrite       = flag.Bool("overwrite", false, "replace a previous dataset at --out")
	maxArticleBytes = flag.Int64("max-article-bytes", 8<<20, "largest article read, in bytes; larger ones get status too_large")
	tolerance       = flag.Float64("tolerance", 0.1, "relative difference under which two values agree")
	shards          = flag.Int("shards", 512, "groups the claims are spread over for conflicts, sources and the duplicate check: their parallelism")
	quiet           = flag.Bool("quiet", false, "no summary line")
	ownFlags        = []string{"out", "overwrite", "max-article-bytes", "tolerance", "shards", "quiet"}
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first signal, a second one kills the process at once.
		<-ctx.Done()
		stop()
	}()
	code := realMain(ctx, os.Args[1:], os.Stderr)
	stop()
	os.Exit(code)
}

// realMain parses args (the command's flags and Beam's), builds the job,
// runs it with the runner --runner names (prism by default) and prints a
// summary read from the manifest.
func realMain(ctx context.Context, args []string, stderr io.Writer) int {
	for _, name := range ownFlags {
		f := flag.Lookup(name)
		f.Value.Set(f.DefValue)
	}
	flag.CommandLine.SetOutput(stderr)
	flag.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimscan-beam [--out DIR|URL] [--overwrite] [--max-article-bytes N] [--tolerance F] [--shards N] [--quiet] [Beam flags] PATH|PATTERN ...")
		flag.PrintDefaults()
	}
	if err := flag.CommandLine.Parse(args); err != nil {
		return exitUsage
	}
	beam.Init()

	if *maxArticleBytes <= 0 || *tolerance < 0 || *tolerance >= 1 || *shards <= 0 {
		fmt.Fprintln(stderr, "claimscan-beam: --max-article-bytes and --shards must be > 0, --tolerance in [0, 1)")
		return exitUsage
	}
	start := time.Now()
	job, err := cbeam.NewJob(ctx, cbeam.Config{
		Paths: flag.Args(), Out: *out, Overwrite: *overwrite,
		MaxArticleBytes: *maxArticleBytes, Tolerance: *tolerance, Shards: *shards,
	})
	switch {
	case errors.Is(err, cbeam.ErrUsage) || errors.Is(err, output.ErrExists):
		fmt.Fprintf(stderr, "claimscan-beam: %v\n", err)
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "claimscan-beam: %v\n", err)
		return exitFailed
	}
	for _, s := range job.Skipped {
		fmt.Fprintf(stderr, "claimscan-beam: skipped %s: %s\n", s.Path, s.Reason)
	}
	if err := beamx.Run(ctx, job.Pipeline); err != nil {
		if aerr := job.Abort(context.Background()); aerr != nil {
			fmt.Fprintf(stderr, "claimscan-beam: removing the temporary output: %v\n", aerr)
		}
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "claimscan-beam: interrupted; no dataset written")
			return exitInterrupted
		}
		fmt.Fprintf(stderr, "claimscan-beam: %v\n", err)
		return exitFailed
	}
	if *jobopts.Async {
		fmt.Fprintf(stderr, "claimscan-beam: job submitted; the dataset appears at %s when it finishes\n", job.Out())
		return exitOK
	}
	m, err := job.Manifest(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "claimscan-beam: the pipeline finished but its manifest cannot be read: %v\n", err)
		return exitFailed
	}
	if !*quiet {
		fmt.Fprintln(stderr, summaryLine(m, job, time.Since(start)))
	}
	for st, n := range m.Statuses {
		if st != schema.StatusOK && n > 0 {
			return exitRejected
		}
	}
	return exitOK
}

// summaryLine says what the dataset holds and how fast it was made.
func summaryLine(m *output.Manifest, job *cbeam.Job, elapsed time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "claimscan-beam: %d articles", m.Tables[schema.ArticlesTable].Rows)
	var bad []string
	for _, st := range slices.Sorted(maps.Keys(m.Statuses)) {
		if st != schema.StatusOK {
			bad = append(bad, fmt.Sprintf("%d %s", m.Statuses[st], st))
		}
	}
	if len(bad) > 0 {
		fmt.Fprintf(&b, " (not ok: %s)", strings.Join(bad, ", "))
	}
	var bytes int64
	for _, in := range m.Inputs {
		bytes += in.Size
	}
	secs := elapsed.Seconds()
	fmt.Fprintf(&b, ", %d claims, %d sources, %d conflicts; %.1f MB from %d files in %.2fs (%.1f MB/s) -> %s",
		m.Tables[schema.ClaimsTable].Rows, m.Tables[schema.SourcesTable].Rows, m.Tables[schema.ConflictsTable].Rows,
		float64(bytes)/1e6, job.Files, secs, float64(bytes)/1e6/max(secs, 1e-9), job.Out())
	if len(job.Skipped) > 0 {
		fmt.Fprintf(&b, "; %d files skipped", len(job.Skipped))
	}
	return b.String()
}

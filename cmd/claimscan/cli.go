package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/term"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/jobs"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// Exit codes, documented in README.md.
const (
	exitOK          = 0   // everything was read and written
	exitFailed      = 1   // the command failed; no dataset was written
	exitUsage       = 2   // bad command line
	exitRejected    = 3   // the dataset was written, but some records were not read cleanly
	exitInterrupted = 130 // SIGINT or SIGTERM; nothing was left at --out
)

const usage = `usage:
  claimscan run [--out DIR] [--workers N] [--overwrite] [--quiet] [--since DIR]
                [--max-article-bytes N] [--tolerance F] [--part-bytes N] [--with-text] [PATH ...]
  claimscan eval [--json] --gold GOLD.jsonl DATASET_DIR
  claimscan report [--top N] DATASET_DIR
  claimscan verify DATASET_DIR
  claimscan gen --size SIZE [--seed N] --out DIR [--zstd]
  claimscan version

With no PATH, run reads the sample corpus built into the binary.
`

// realMain runs one command and returns its exit code.
func realMain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "run":
		return cmdRun(ctx, args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintf(stdout, "claimscan %s\n", schema.ToolVersion)
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	if cmd, ok := extraCommands[args[0]]; ok {
		return cmd(ctx, args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "claimscan: unknown command %q\n%s", args[0], usage)
	return exitUsage
}

// extraCommands are the commands beside run, each in its own file.
var extraCommands = map[string]func(ctx context.Context, args []string, stdout, stderr io.Writer) int{
	"eval":   cmdEval,
	"gen":    cmdGen,
	"report": cmdReport,
	"verify": cmdVerify,
}

// parseArgs parses flags that may come before or after the positional
// arguments, which it returns.
func parseArgs(fl *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		args = fl.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func cmdRun(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("run", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var cfg jobs.Config
	var quiet bool
	fl.StringVar(&cfg.Out, "out", "out", "dataset directory to write")
	fl.IntVar(&cfg.Workers, "workers", 0, "extraction workers (default: number of CPUs)")
	fl.BoolVar(&cfg.Overwrite, "overwrite", false, "replace a previous dataset at --out")
	fl.BoolVar(&quiet, "quiet", false, "no progress bar and no summary line")
	fl.Int64Var(&cfg.MaxArticleBytes, "max-article-bytes", 8<<20, "largest article read, in bytes; larger ones get status too_large")
	fl.Float64Var(&cfg.Tolerance, "tolerance", 0.1, "relative difference under which two values agree")
	fl.StringVar(&cfg.Since, "since", "", "previous dataset: skip articles it already has, recompute sources and conflicts over both")
	memLimit := fl.Int64("memory-limit", 384<<20, "soft limit of the Go heap in bytes (0: none); the garbage collector works harder near it")
	fl.Int64Var(&cfg.PartBytes, "part-bytes", 64<<20, "input bytes per Parquet part of the articles and claims tables")
	fl.BoolVar(&cfg.WithText, "with-text", false, "add articles.text, the text the claims' offsets index (off: texts are often not yours to publish)")
	cpuProfile := fl.String("cpuprofile", "", "write a CPU profile (pprof) to this file")
	memProfile := fl.String("memprofile", "", "write a heap profile (pprof) at the end of the run to this file")
	paths, err := parseArgs(fl, args)
	if err != nil {
		return exitUsage
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "claimscan run: %v\n", err)
			return exitFailed
		}
		defer stop()
	}
	if *memProfile != "" {
		defer func() {
			if err := writeHeapProfile(*memProfile); err != nil {
				fmt.Fprintf(stderr, "claimscan run: %v\n", err)
			}
		}()
	}
	if *memLimit > 0 {
		debug.SetMemoryLimit(*memLimit)
	}
	if cfg.Workers < 0 || cfg.MaxArticleBytes <= 0 || cfg.Tolerance < 0 || cfg.Tolerance >= 1 || cfg.PartBytes <= 0 {
		fmt.Fprintln(stderr, "claimscan run: --workers must be >= 0, --max-article-bytes and --part-bytes > 0, --tolerance in [0, 1)")
		return exitUsage
	}
	cfg.Paths = paths
	if len(paths) == 0 {
		sample, err := fs.Sub(fixtures.Sample, fixtures.SampleRoot)
		if err != nil {
			fmt.Fprintf(stderr, "claimscan run: %v\n", err)
			return exitFailed
		}
		cfg.Embedded, cfg.EmbeddedName = sample, "embedded:"+fixtures.SampleRoot
	}
	cfg.Log = stderr
	if !quiet && isTerminal(stderr) {
		cfg.Progress = stderr
	}
	s, err := jobs.Run(ctx, cfg)
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "claimscan run: interrupted; no dataset written")
		return exitInterrupted
	case errors.Is(err, output.ErrExists), errors.Is(err, jobs.ErrSinceText), errors.Is(err, output.ErrDamaged):
		fmt.Fprintf(stderr, "claimscan run: %v\n", err)
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "claimscan run: %v\n", err)
		return exitFailed
	}
	if !quiet {
		fmt.Fprintln(stderr, summaryLine(s))
	}
	if s.Rejected > 0 {
		return exitRejected
	}
	return exitOK
}

func summaryLine(s *jobs.Summary) string {
	secs := s.Elapsed.Seconds()
	var b strings.Builder
	fmt.Fprintf(&b, "claimscan: %d articles", s.Articles)
	if s.Rejected > 0 {
		fmt.Fprintf(&b, " (%d not ok:", s.Rejected)
		for _, st := range slices.Sorted(maps.Keys(s.Statuses)) {
			if st != "ok" {
				fmt.Fprintf(&b, " %d %s", s.Statuses[st], st)
			}
		}
		b.WriteString(")")
	}
	fmt.Fprintf(&b, ", %d claims, %d sources, %d conflicts; %.1f MB in %.2fs (%.1f MB/s) -> %s",
		s.Claims, s.Sources, s.Conflicts, float64(s.Bytes)/1e6, secs, float64(s.Bytes)/1e6/max(secs, 1e-9), s.Dir)
	if s.Skipped > 0 {
		fmt.Fprintf(&b, "; %d files skipped", s.Skipped)
	}
	if s.Known > 0 {
		fmt.Fprintf(&b, "; %d articles already in --since", s.Known)
	}
	if s.PeakRSS > 0 {
		fmt.Fprintf(&b, "; peak RSS %d MB", s.PeakRSS>>20)
	}
	return b.String()
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

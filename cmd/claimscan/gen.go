package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/claimscan/claimscan/jobs/gen"
)

// cmdGen writes a synthetic corpus and its gold file.
func cmdGen(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("gen", flag.ContinueOnError)
	fl.SetOutput(stderr)
	size := fl.String("size", "", "corpus size, e.g. 500MB, 1GB, 4GiB")
	seed := fl.Uint64("seed", 1, "random seed: the same seed and size give the same bytes")
	out := fl.String("out", "", "directory to write articles.jsonl and claims.gold.jsonl into")
	zst := fl.Bool("zstd", false, "compress both files with zstd")
	if _, err := parseArgs(fl, args); err != nil {
		return exitUsage
	}
	n, err := gen.ParseSize(*size)
	if err != nil || *out == "" {
		fmt.Fprintln(stderr, "usage: claimscan gen --size SIZE [--seed N] --out DIR [--zstd]")
		if err != nil && *size != "" {
			fmt.Fprintf(stderr, "claimscan gen: %v\n", err)
		}
		return exitUsage
	}
	st, err := gen.Run(ctx, gen.Config{Size: n, Seed: *seed, Out: *out, Zstd: *zst})
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "claimscan gen: interrupted")
		return exitInterrupted
	case errors.Is(err, gen.ErrConfig):
		fmt.Fprintf(stderr, "claimscan gen: %v\n", err)
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "claimscan gen: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(stdout, "wrote %d articles (%d events, %d gold claims), %.1f MB in %.1fs to %s\n",
		st.Articles, st.Events, st.Claims, float64(st.Bytes)/1e6, st.Elapsed.Seconds(), filepath.Clean(*out))
	return exitOK
}

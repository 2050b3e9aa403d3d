package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/claimscan/claimscan/output"
)

// cmdVerify checks a dataset against its manifest: every part there, of the
// listed size and SHA-256, and no other part.
func cmdVerify(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("verify", flag.ContinueOnError)
	fl.SetOutput(stderr)
	pos, err := parseArgs(fl, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: claimscan verify DATASET_DIR")
		return exitUsage
	}
	dir := pos[0]
	problems, m, err := output.Verify(dir)
	if err != nil {
		fmt.Fprintf(stderr, "claimscan verify: %s is not a claimscan dataset: %v\n", dir, err)
		return exitUsage
	}
	for _, p := range problems {
		fmt.Fprintf(stderr, "claimscan verify: %s: %s\n", dir, p)
	}
	if len(problems) > 0 {
		noun := "problems"
		if len(problems) == 1 {
			noun = "problem"
		}
		fmt.Fprintf(stderr, "claimscan verify: %s is damaged: %d %s\n", dir, len(problems), noun)
		return exitFailed
	}
	var parts int
	for _, t := range m.Tables {
		parts += len(t.Parts)
	}
	fmt.Fprintf(stdout, "%s: %d parts of %d tables match the manifest (size and SHA-256)\n", dir, parts, len(m.Tables))
	return exitOK
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/claimscan/claimscan/jobs"
	"github.com/claimscan/claimscan/jobs/eval"
	"github.com/claimscan/claimscan/schema"
)

func init() { extraCommands["eval"] = cmdEval }

// cmdEval scores a dataset's claims table against a gold file.
func cmdEval(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("eval", flag.ContinueOnError)
	fl.SetOutput(stderr)
	gold := fl.String("gold", "", "gold file (JSONL, one expected claim a line)")
	asJSON := fl.Bool("json", false, "print the report as JSON")
	pos, err := parseArgs(fl, args)
	if err != nil {
		return exitUsage
	}
	if *gold == "" || len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: claimscan eval --gold GOLD.jsonl DATASET_DIR")
		return exitUsage
	}
	g, err := eval.LoadGoldFile(*gold)
	if err != nil {
		fmt.Fprintf(stderr, "claimscan eval: %v\n", err)
		return exitFailed
	}
	claims, err := jobs.Load(ctx, pos[0], schema.Claims)
	if err != nil {
		fmt.Fprintf(stderr, "claimscan eval: %v\n", err)
		return exitFailed
	}
	r := eval.Score(g, claims)
	if *asJSON {
		err = r.WriteJSON(stdout)
	} else {
		err = r.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "claimscan eval: %v\n", err)
		return exitFailed
	}
	return exitOK
}

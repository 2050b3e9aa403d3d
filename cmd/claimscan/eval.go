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

// cmdEval scores a dataset's claims table against a gold file: a quote
// gold file (fixtures/gold) or a development set (span offsets, with
// conflicts.jsonl and non_conflicts.jsonl beside it), told apart by the
// first record.
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
		fmt.Fprintln(stderr, "usage: claimscan eval [--json] --gold GOLD.jsonl DATASET_DIR")
		return exitUsage
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "claimscan eval: %v\n", err)
		return exitFailed
	}
	dev, err := eval.IsDevSet(*gold)
	if err != nil {
		return fail(err)
	}
	type report interface {
		WriteJSON(io.Writer) error
		WriteText(io.Writer) error
	}
	claims, err := jobs.Load(ctx, pos[0], schema.Claims)
	if err != nil {
		return fail(err)
	}
	var r report
	if dev {
		set, err := eval.LoadDevSet(*gold)
		if err != nil {
			return fail(err)
		}
		var conflicts []schema.Conflict
		if set.HasConflicts {
			if conflicts, err = jobs.Load(ctx, pos[0], schema.Conflicts); err != nil {
				return fail(err)
			}
		}
		r = eval.ScoreDev(set, claims, conflicts)
	} else {
		g, err := eval.LoadGoldFile(*gold)
		if err != nil {
			return fail(err)
		}
		r = eval.Score(g, claims)
	}
	if *asJSON {
		err = r.WriteJSON(stdout)
	} else {
		err = r.WriteText(stdout)
	}
	if err != nil {
		return fail(err)
	}
	return exitOK
}

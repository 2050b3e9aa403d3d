package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/claimscan/claimscan/jobs"
	"github.com/claimscan/claimscan/jobs/report"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// cmdReport prints the top conflicts and most-cited sources of a dataset
// and writes report.html beside its tables.
func cmdReport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("report", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var opt report.Options
	fl.IntVar(&opt.TopConflicts, "top", 20, "conflicts listed")
	fl.IntVar(&opt.TopSources, "sources", 15, "sources listed")
	pos, err := parseArgs(fl, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: claimscan report [--top N] DATASET_DIR")
		return exitUsage
	}
	dir := pos[0]
	fail := func(err error) int {
		fmt.Fprintf(stderr, "claimscan report: %v\n", err)
		return exitFailed
	}
	m, err := output.ReadManifest(dir)
	if err != nil {
		return fail(err)
	}
	d := report.Dataset{Name: filepath.Base(filepath.Clean(dir)), NClaims: m.Tables[schema.ClaimsTable].Rows}
	if d.Conflicts, err = jobs.Load(ctx, dir, schema.Conflicts); err != nil {
		return fail(err)
	}
	if d.Sources, err = jobs.Load(ctx, dir, schema.Sources); err != nil {
		return fail(err)
	}
	// Keep only the claims the report shows, so memory stays small on a
	// large dataset.
	need := report.ClaimsNeeded(d.Conflicts, opt)
	err = output.ReadTable(ctx, dir, schema.ClaimsTable, func(rec arrow.RecordBatch) error {
		rows, err := schema.Claims.Rows(rec)
		for _, c := range rows {
			if need[c.ClaimID] {
				d.Claims = append(d.Claims, c)
			}
		}
		return err
	})
	if err != nil {
		return fail(err)
	}
	s := report.Summarize(d, opt)
	if err := report.WriteText(stdout, s); err != nil {
		return fail(err)
	}
	htmlPath := filepath.Join(dir, "report.html")
	tmp := htmlPath + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fail(err)
	}
	err = report.WriteHTML(f, s)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, htmlPath)
	}
	if err != nil {
		os.Remove(tmp)
		return fail(err)
	}
	fmt.Fprintf(stdout, "\nwrote %s\n", htmlPath)
	return exitOK
}

// Command claimscan turns corpora of news articles into a Parquet dataset of
// the quantitative claims they make, their sources, and the conflicts
// between sources. See README.md for the commands and the tables.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/claimscan/claimscan/output"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		// The first signal cancels the command, which stops within a
		// second and removes its temporary output; a second one exits at
		// once, removing the temporary output first.
		<-sigs
		cancel()
		<-sigs
		output.RemoveTemporary()
		fmt.Fprintln(os.Stderr, "claimscan: interrupted again; stopped at once")
		os.Exit(exitInterrupted)
	}()
	code := realMain(ctx, os.Args[1:], os.Stdout, os.Stderr)
	cancel()
	os.Exit(code)
}

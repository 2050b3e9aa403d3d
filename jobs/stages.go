package jobs

import (
	"context"

	"github.com/claimscan/claimscan/schema"
)

// conflictStage finds conflicts among the claims it is given, in the order
// given.
type conflictStage interface {
	add(c *schema.Claim) error
	run(ctx context.Context, emit func([]schema.Conflict) error) error
	close()
}

// sourceStage aggregates the sources table.
type sourceStage interface {
	addArticle(a *schema.Article)
	addClaim(c *schema.Claim)
	rows() []schema.Source
}

type noConflicts struct{}

func (noConflicts) add(*schema.Claim) error                                  { return nil }
func (noConflicts) run(context.Context, func([]schema.Conflict) error) error { return nil }
func (noConflicts) close()                                                   {}

func newConflictStage(*Config) conflictStage { return noConflicts{} }

type noSources struct{}

func (noSources) addArticle(*schema.Article) {}
func (noSources) addClaim(*schema.Claim)     {}
func (noSources) rows() []schema.Source      { return nil }

func newSourceStage() sourceStage { return noSources{} }

func claimKey(*schema.Claim) string { return "" }

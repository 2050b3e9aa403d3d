package jobs

import (
	"context"
	"os"
	"path/filepath"
	"time"

	"github.com/claimscan/claimscan/jobs/conflict"
	"github.com/claimscan/claimscan/jobs/source"
	"github.com/claimscan/claimscan/schema"
)

// conflictStage finds conflicts among the claims it is given.
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

// claimKeys sets the claim_keys of an article's claims, computed in the
// workers: with the input's event cluster when it has one (claims of one
// event are compared whatever place each article names, claims of two
// events never are), else with the place; against the article's year and
// main place (conflict.SetKeys).
func claimKeys(text string, published time.Time, claims []schema.Claim, cluster string) {
	conflict.SetKeys(claims, text, published, cluster)
}

// conflictMemory is the conflict detector's buffer budget; past it the
// detector spills to disk.
const conflictMemory = 32 << 20

// detectorStage runs conflict.Detector, spilling into a hidden directory
// inside the run's temporary output, removed before the dataset is
// committed.
type detectorStage struct {
	d     *conflict.Detector
	spill string
}

func newConflictStage(cfg *Config, tmp string) (conflictStage, error) {
	dc := conflict.DefaultConfig()
	dc.Tolerance = cfg.Tolerance
	dc.TempDir = filepath.Join(tmp, ".spill")
	dc.MemoryBudget = conflictMemory
	if err := os.MkdirAll(dc.TempDir, 0o755); err != nil {
		return nil, err
	}
	d, err := conflict.NewDetector(dc)
	if err != nil {
		return nil, err
	}
	return &detectorStage{d: d, spill: dc.TempDir}, nil
}

func (s *detectorStage) add(c *schema.Claim) error {
	if c.ClaimKey == "" {
		return nil
	}
	return s.d.Add(conflict.ItemOf(c))
}

func (s *detectorStage) run(ctx context.Context, emit func([]schema.Conflict) error) error {
	return s.d.Run(ctx, emit)
}

func (s *detectorStage) close() {
	s.d.Close()
	os.RemoveAll(s.spill)
}

// aggregatorStage builds the sources table with source.Aggregator.
type aggregatorStage struct{ g *source.Aggregator }

func newSourceStage() sourceStage { return aggregatorStage{g: source.New()} }

func (s aggregatorStage) addArticle(a *schema.Article) { s.g.AddArticle(a) }
func (s aggregatorStage) addClaim(c *schema.Claim)     { s.g.AddClaim(c) }
func (s aggregatorStage) rows() []schema.Source        { return s.g.Rows() }

package stage

import (
	"context"
	"os"

	"github.com/claimscan/claimscan/jobs/conflict"
	"github.com/claimscan/claimscan/schema"
)

// conflictMemory is the conflict detector's buffer budget; past it the
// detector spills to disk.
const conflictMemory = 32 << 20

// Conflicts finds the conflicts among the claims it is given, with
// conflict.Detector: the conflicts stage of both runners, the runner
// feeding it every claim of a run, the Beam pipeline the claims of one
// shard of claim keys. Its rows depend only on the set of claims given.
type Conflicts struct {
	d     *conflict.Detector
	spill string
}

// NewConflicts returns a conflicts stage comparing values with tolerance
// (the relative difference under which two values agree). Past its memory
// budget it spills into the directory spill, which it creates and Close
// removes.
func NewConflicts(tolerance float64, spill string) (*Conflicts, error) {
	dc := conflict.DefaultConfig()
	dc.Tolerance = tolerance
	dc.TempDir = spill
	dc.MemoryBudget = conflictMemory
	if err := os.MkdirAll(spill, 0o755); err != nil {
		return nil, err
	}
	d, err := conflict.NewDetector(dc)
	if err != nil {
		os.RemoveAll(spill)
		return nil, err
	}
	return &Conflicts{d: d, spill: spill}, nil
}

// ConflictItem returns what the conflicts stage compares of a claim, or ok
// false for a claim without a claim key, which is never compared.
func ConflictItem(c *schema.Claim) (it conflict.Item, ok bool) {
	if c.ClaimKey == "" {
		return conflict.Item{}, false
	}
	return conflict.ItemOf(c), true
}

// Add takes one claim.
func (s *Conflicts) Add(c *schema.Claim) error {
	if it, ok := ConflictItem(c); ok {
		return s.d.Add(it)
	}
	return nil
}

// AddItem takes the item of one claim (ConflictItem).
func (s *Conflicts) AddItem(it conflict.Item) error { return s.d.Add(it) }

// Run finds the conflicts and gives them to emit in batches, in a fixed
// order (conflict.Detector.Run). It may be called once.
func (s *Conflicts) Run(ctx context.Context, emit func([]schema.Conflict) error) error {
	return s.d.Run(ctx, emit)
}

// Close frees the stage and removes its spill directory. It may be called
// more than once.
func (s *Conflicts) Close() {
	s.d.Close()
	os.RemoveAll(s.spill)
}

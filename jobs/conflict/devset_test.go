package conflict_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/jobs/eval"
)

// devCorpus writes the development set's articles (../shared/eval-dev,
// fixtures.DevCorpus) to dir, once with their clusters and once without,
// and returns the two paths; ok is false when a shared corpus is absent.
func devCorpus(t *testing.T, dir string) (withCluster, without string, ok bool) {
	t.Helper()
	gold, okGold := fixtures.Shared("eval-dev/gold.jsonl")
	if !okGold {
		return "", "", false
	}
	recs, complete, err := fixtures.DevCorpus(gold)
	if err != nil {
		t.Fatal(err)
	}
	if !complete {
		return "", "", false
	}
	withCluster, without = filepath.Join(dir, "dev.jsonl"), filepath.Join(dir, "dev-nocluster.jsonl")
	if err := fixtures.WriteJSONL(withCluster, recs); err != nil {
		t.Fatal(err)
	}
	if err := fixtures.WriteJSONL(without, recs, "cluster"); err != nil {
		t.Fatal(err)
	}
	return withCluster, without, true
}

// TestDevSetConflictFloors scores the conflicts of the development set
// (../shared/eval-dev, scored as its score.py scores them), with the
// JSONL clusters and without them, and holds the figures: each floor is
// #14's target where the figure reached it, else where it stood when it
// was last raised, so a change may move them up, never down.
//
// Before #14's second round (main, both ways): precision 0.441 / 0.471,
// recall 0.574 / 0.426, trap hits 4 / 2 of 12, top-30 precision 0.700 /
// 0.900.
func TestDevSetConflictFloors(t *testing.T) {
	set, err := func() (eval.DevSet, error) {
		p, ok := fixtures.Shared("eval-dev/gold.jsonl")
		if !ok {
			return eval.DevSet{}, os.ErrNotExist
		}
		return eval.LoadDevSet(p)
	}()
	if err != nil {
		t.Skip("shared eval-dev set not present")
	}
	withCluster, without, ok := devCorpus(t, t.TempDir())
	if !ok {
		t.Skip("shared corpora not present")
	}
	type floor struct {
		precision, recall, top30 float64
		traps                    int
	}
	for _, tc := range []struct {
		name, path string
		floor      floor
	}{
		// targets: precision 0.80, recall 0.70, traps 1, top30 0.90
		{"with clusters", withCluster, floor{
			precision: 0.80, // the target (0.843 measured)
			recall:    0.70, // the target (0.702 measured)
			traps:     1,    // the target (1 measured: the 18 injured against 19 treated)
			top30:     0.90, // the target (0.900 measured)
		}},
		// targets: precision 0.80, recall 0.55, traps 1, top30 0.90
		{"without clusters", without, floor{
			precision: 0.80, // the target (0.865 measured)
			recall:    0.55, // the target (0.681 measured)
			traps:     1,    // the target (1 measured: the 18 injured against 19 treated)
			top30:     0.90, // the target (0.900 measured)
		}},
	} {
		c := loadCorpus(t, tc.path)
		rows := detectAll(t, c.claims)
		r := eval.ScoreDev(set, c.claims, rows)
		if r.ConflictPrecision == nil || r.ConflictRecall == nil || r.TrapHits == nil || r.Top30Precision == nil {
			t.Fatalf("%s: no conflict figures", tc.name)
		}
		t.Logf("%s: precision %.3f recall %.3f (%d of %d) traps %d of %d top30 %.3f", tc.name, *r.ConflictPrecision,
			*r.ConflictRecall, *r.ConflictsFound, *r.GoldConflicts, *r.TrapHits, *r.Traps, *r.Top30Precision)
		if *r.ConflictPrecision < tc.floor.precision {
			t.Errorf("%s: conflict precision %.3f, below its floor %.2f", tc.name, *r.ConflictPrecision, tc.floor.precision)
		}
		if *r.ConflictRecall < tc.floor.recall {
			t.Errorf("%s: conflict recall %.3f, below its floor %.2f", tc.name, *r.ConflictRecall, tc.floor.recall)
		}
		if *r.TrapHits > tc.floor.traps {
			t.Errorf("%s: %d trap pairs reported, above the %d allowed", tc.name, *r.TrapHits, tc.floor.traps)
		}
		if *r.Top30Precision < tc.floor.top30 {
			t.Errorf("%s: top-30 precision %.3f, below its floor %.2f", tc.name, *r.Top30Precision, tc.floor.top30)
		}
	}
}

package conflict_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/jobs/eval"
)

// devCorpus writes the development set's articles (../shared/eval-dev: the
// articles of gold.jsonl from the GVA and ECB+ corpora, and the seed
// files, as score.py's "corpus" command does) to dir, once with their
// clusters and once without, and returns the two paths; ok is false when
// the shared set is absent.
func devCorpus(t *testing.T, dir string) (withCluster, without string, ok bool) {
	t.Helper()
	gold, okGold := fixtures.Shared("eval-dev/gold.jsonl")
	if !okGold {
		return "", "", false
	}
	want := map[string]bool{}
	readLines(t, gold, func(b []byte) {
		var g struct {
			ArticleID string `json:"article_id"`
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatal(err)
		}
		want[g.ArticleID] = true
	})
	var recs []map[string]any
	for _, name := range []string{"gva-semeval2018", "ecbplus"} {
		p, ok := fixtures.Shared(filepath.Join("corpora", name, "articles.jsonl"))
		if !ok {
			return "", "", false
		}
		readLines(t, p, func(b []byte) {
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			if id, _ := m["id"].(string); want[id] {
				recs = append(recs, m)
			}
		})
	}
	seeds, okSeeds := fixtures.Shared("corpora/seeds")
	if !okSeeds {
		return "", "", false
	}
	ents, err := os.ReadDir(seeds)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		id := strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))
		if !want[id] {
			continue
		}
		b, err := os.ReadFile(filepath.Join(seeds, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, map[string]any{"id": id, "text": string(b), "cluster": "seed-idlib-2019-08"})
	}
	write := func(path string, cluster bool) {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		enc := json.NewEncoder(f)
		for _, m := range recs {
			r := map[string]any{}
			for k, v := range m {
				if k != "cluster" || cluster {
					r[k] = v
				}
			}
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	withCluster, without = filepath.Join(dir, "dev.jsonl"), filepath.Join(dir, "dev-nocluster.jsonl")
	write(withCluster, true)
	write(without, false)
	return withCluster, without, true
}

func readLines(t *testing.T, path string, f func([]byte)) {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		if len(strings.TrimSpace(sc.Text())) > 0 {
			f(sc.Bytes())
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
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

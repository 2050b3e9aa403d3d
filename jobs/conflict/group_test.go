package conflict

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"

	"github.com/claimscan/claimscan/schema"
)

// TestDetectGroupMatchesDetector checks that detecting group by group, as a
// distributed runner does after grouping claims by key, gives the
// Detector's rows: the same rows in the same order when the groups are
// taken in the Detector's (hash, key) order, whatever the order of the
// items within a group.
func TestDetectGroupMatchesDetector(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	items := genItems(rng, 4000)
	cfg := DefaultConfig()
	want := detect(t, cfg, items)
	if len(want) < 500 {
		t.Fatalf("only %d rows: the generator does not exercise the detector", len(want))
	}

	groups := map[string][]Item{}
	for _, it := range items {
		groups[it.Key] = append(groups[it.Key], it)
	}
	keys := make([]string, 0, len(groups))
	big := 0
	for k, g := range groups {
		keys = append(keys, k)
		if len(g) > AllPairsMax {
			big++
		}
	}
	if big == 0 {
		t.Fatal("no group larger than AllPairsMax: the neighbour rule is not exercised")
	}
	slices.SortFunc(keys, func(a, b string) int {
		if c := cmp.Compare(keyHash(a), keyHash(b)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	var got []schema.Conflict
	for _, k := range keys {
		g := groups[k]
		rng.Shuffle(len(g), func(i, j int) { g[i], g[j] = g[j], g[i] })
		rows, err := detectGroup(g, cfg)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, rows...)
	}
	if dump(got) != dump(want) {
		t.Errorf("groups one by one: %d rows, differing from the Detector's %d", len(got), len(want))
	}

	all, err := detectGroup(items, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if dump(all) != dump(want) {
		t.Errorf("all items at once: %d rows, differing from the Detector's %d", len(all), len(want))
	}
}

func TestDetectGroupEdges(t *testing.T) {
	if rows, err := detectGroup(nil, DefaultConfig()); err != nil || len(rows) != 0 {
		t.Errorf("no items: %d rows, %v", len(rows), err)
	}
	one := []Item{{ClaimID: "c1", ArticleID: "a1", Key: "killed|people|x|2019", Bound: schema.BoundExact, Best: schema.F(3)}}
	if rows, err := detectGroup(one, DefaultConfig()); err != nil || len(rows) != 0 {
		t.Errorf("one item: %d rows, %v", len(rows), err)
	}
	two := append(one, Item{ClaimID: "c2", ArticleID: "a2", Key: "killed|people|x|2019", Bound: schema.BoundExact, Best: schema.F(30)})
	if rows, err := detectGroup(two, DefaultConfig()); err != nil || len(rows) != 1 || rows[0].Kind != schema.ConflictContradiction {
		t.Errorf("3 vs 30: %+v, %v", rows, err)
	}
	noKey := []Item{{ClaimID: "c1", Best: schema.F(3)}, {ClaimID: "c2", Best: schema.F(30)}}
	if rows, err := detectGroup(noKey, DefaultConfig()); err != nil || len(rows) != 0 {
		t.Errorf("empty keys: %d rows, %v", len(rows), err)
	}
	if _, err := detectGroup(two, Config{Tolerance: 1.5}); err == nil {
		t.Error("tolerance 1.5 accepted")
	}
}

// detectGroup returns the conflicts among items, in order, by the
// Detector's comparison code in memory (cfg.MemoryBudget, TempDir and
// Workers are not used): items with different keys are compared only
// within their own key, items whose key is not Comparable are ignored, as
// Add does, and an invalid cfg is an error, as for NewDetector. The tests
// hold with it that the Detector's rows for a set of keys do not depend on
// the other keys, so that runners may shard claims by key (the Beam
// pipeline runs one Detector per shard).
func detectGroup(items []Item, cfg Config) ([]schema.Conflict, error) {
	d, err := NewDetector(cfg)
	if err != nil {
		return nil, err
	}
	var data []byte
	for i := range items {
		if Comparable(items[i].Key) {
			data = appendRecord(data, keyHash(items[i].Key), &items[i])
		}
	}
	if len(data) == 0 {
		return nil, nil
	}
	var out []schema.Conflict
	var w partitionWorker
	// data is never written again: the rows' strings can share it.
	err = w.detect(d, unsafe.String(unsafe.SliceData(data), len(data)), func(rows []schema.Conflict) bool {
		out = append(out, rows...)
		return true
	})
	return out, err
}

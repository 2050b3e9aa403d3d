package conflict

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/claimscan/claimscan/schema"
)

var t0 = day("2019-08-01")

// genItems returns n items in rng order: many small groups, a few groups
// larger than AllPairsMax, every bound, negations, hedges, shared articles
// and sources.
func genItems(rng *rand.Rand, n int) []Item {
	bounds := []string{schema.BoundExact, schema.BoundApprox, schema.BoundMoreThan, schema.BoundAtLeast,
		schema.BoundAtMost, schema.BoundLessThan, schema.BoundRange, schema.BoundVague}
	sources := []string{"", "SOHR", "UN OCHA", "UOSSM", "police", "ministry"}
	items := make([]Item, n)
	for i := range items {
		var key string
		switch g := rng.IntN(100); {
		case g < 15:
			key = fmt.Sprintf("killed|civilians|big%d|2019", rng.IntN(3))
		case g < 20:
			key = fmt.Sprintf("killed|people|since%d|s2011", rng.IntN(2))
		default:
			key = fmt.Sprintf("injured|people|place%d|2019", rng.IntN(n/4+1))
		}
		v := float64(1 + rng.IntN(1000))
		it := Item{
			ClaimID:   fmt.Sprintf("c%06d", i),
			ArticleID: fmt.Sprintf("a%d", rng.IntN(n/3+1)),
			Key:       key,
			Source:    sources[rng.IntN(len(sources))],
			Outlet:    fmt.Sprintf("outlet%d", rng.IntN(4)),
			Bound:     bounds[rng.IntN(len(bounds))],
			Negated:   rng.IntN(40) == 0,
			Hedged:    rng.IntN(10) == 0,
		}
		switch it.Bound {
		case schema.BoundRange, schema.BoundVague:
			it.Low, it.High = schema.F(v), schema.F(v*float64(2+rng.IntN(5)))
		case schema.BoundAtMost, schema.BoundLessThan:
			it.High = schema.F(v)
		case schema.BoundMoreThan, schema.BoundAtLeast:
			it.Low = schema.F(v)
		default:
			it.Best = schema.F(v)
		}
		if rng.IntN(30) == 0 {
			it.Best, it.Low, it.High, it.Bound = schema.F(0), schema.Float{}, schema.Float{}, schema.BoundExact
		}
		if rng.IntN(20) != 0 {
			it.Published = t0.Add(time.Duration(rng.IntN(60*24)) * time.Hour)
		}
		items[i] = it
	}
	return items
}

func dump(rows []schema.Conflict) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%+v\n", r)
	}
	return b.String()
}

func TestDetectorDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	items := genItems(rng, 4000)

	want := detect(t, DefaultConfig(), items)
	if len(want) < 500 {
		t.Fatalf("only %d rows: the generator does not exercise the detector", len(want))
	}
	wantDump := dump(want)

	for _, tc := range []struct {
		name    string
		budget  int64
		workers int
		shuffle bool
	}{
		{"tiny budget, one worker", 2 << 10, 1, false},
		{"small budget, three workers", 64 << 10, 3, false},
		{"shuffled", 0, 2, true},
		{"shuffled, tiny budget", 4 << 10, 2, true},
	} {
		in := items
		if tc.shuffle {
			in = append([]Item(nil), items...)
			rng.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
		}
		cfg := DefaultConfig()
		cfg.MemoryBudget, cfg.Workers, cfg.TempDir = tc.budget, tc.workers, t.TempDir()
		d, err := NewDetector(cfg)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range in {
			if err := d.Add(it); err != nil {
				t.Fatal(err)
			}
		}
		st := d.Stats()
		if tc.budget > 0 && tc.budget < 8<<10 && st.Spills < 20 {
			t.Errorf("%s: %d spills, want many", tc.name, st.Spills)
		}
		var got []schema.Conflict
		if err := d.Run(context.Background(), func(b []schema.Conflict) error { got = append(got, b...); return nil }); err != nil {
			t.Fatal(err)
		}
		if err := d.Close(); err != nil {
			t.Fatal(err)
		}
		if g := dump(got); g != wantDump {
			t.Errorf("%s (%d spills): %d rows differ from the in-memory run's %d", tc.name, st.Spills, len(got), len(want))
		}
		if left, _ := os.ReadDir(cfg.TempDir); len(left) != 0 {
			t.Errorf("%s: Close left %d files in TempDir", tc.name, len(left))
		}
	}
}

func TestDetectorRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	rows := detect(t, DefaultConfig(), genItems(rng, 3000))
	kinds := map[string]int{}
	ids := map[string]bool{}
	for _, r := range rows {
		kinds[r.Kind]++
		if r.ConflictID != schema.ConflictID(r.ClaimIDA, r.ClaimIDB) {
			t.Fatalf("conflict id of %s–%s is %s", r.ClaimIDA, r.ClaimIDB, r.ConflictID)
		}
		if ids[r.ConflictID] {
			t.Fatalf("pair %s–%s emitted twice", r.ClaimIDA, r.ClaimIDB)
		}
		ids[r.ConflictID] = true
		if r.ClaimIDA == r.ClaimIDB {
			t.Fatalf("claim %s paired with itself", r.ClaimIDA)
		}
		if r.Severity < 0 || r.Severity > 1 || r.RelGap < 0 || r.RelGap > 1 || r.Gap < 0 {
			t.Fatalf("row out of range: %+v", r)
		}
		if r.Kind == schema.ConflictUpdate && !r.SameSource {
			t.Fatalf("update without the same source: %+v", r)
		}
	}
	for _, k := range []string{schema.ConflictContradiction, schema.ConflictDivergence, schema.ConflictUpdate, schema.ConflictDenial} {
		if kinds[k] == 0 {
			t.Errorf("no %s row among %d: %v", k, len(rows), kinds)
		}
	}
}

func TestDetectorBigGroupBounded(t *testing.T) {
	const n = 5000
	items := make([]Item, n)
	for i := range items {
		items[i] = Item{
			ClaimID:   fmt.Sprintf("c%05d", i),
			ArticleID: fmt.Sprintf("a%05d", i),
			Key:       "killed|people|big|s2011",
			Source:    fmt.Sprintf("s%d", i%50),
			Bound:     schema.BoundExact,
			Best:      schema.F(float64(1000 + (i*7919)%3000)),
			Published: t0.Add(time.Duration(i) * time.Hour),
		}
	}
	cfg := DefaultConfig()
	rows := detect(t, cfg, items)
	if max := (cfg.Neighbors + 1) * n; len(rows) > max || len(rows) < n {
		t.Fatalf("%d rows for a group of %d, want between %d and %d", len(rows), n, n, max)
	}
	// every claim far from the median meets the consensus claim
	perClaim := map[string]int{}
	for _, r := range rows {
		perClaim[r.ClaimIDA]++
		perClaim[r.ClaimIDB]++
	}
	top, topID := 0, ""
	for id, c := range perClaim {
		if c > top || c == top && id < topID {
			top, topID = c, id
		}
	}
	if top < n/2 {
		t.Errorf("no consensus claim: the most paired claim %s has %d rows", topID, top)
	}
}

func TestDetectorWindow(t *testing.T) {
	mk := func(id, key string, v float64, pub time.Time) Item {
		return Item{ClaimID: id, ArticleID: id, Key: key, Source: "S" + id, Bound: schema.BoundExact, Best: schema.F(v), Published: pub}
	}
	far := t0.AddDate(0, 3, 0)
	for _, tc := range []struct {
		name   string
		key    string
		window time.Duration
		want   int
	}{
		{"event counts months apart", "killed|people|x|2019", 0, 0},
		{"no window", "killed|people|x|2019", -1, 1},
		{"cumulative since a year", "killed|people|x|s2011", 0, 1},
		{"closed period", "killed|people|x|201801-201812", 0, 1},
	} {
		cfg := DefaultConfig()
		cfg.Window = tc.window
		rows := detect(t, cfg, []Item{mk("a", tc.key, 10, t0), mk("b", tc.key, 20, far)})
		if len(rows) != tc.want {
			t.Errorf("%s: %d rows, want %d", tc.name, len(rows), tc.want)
		}
	}
}

func TestDetectorArticles(t *testing.T) {
	key := "killed|people|x|2019"
	mk := func(id, art, src, outlet string, v float64) Item {
		return Item{ClaimID: id, ArticleID: art, Key: key, Source: src, Outlet: outlet, Bound: schema.BoundExact, Best: schema.F(v), Published: t0}
	}
	for _, tc := range []struct {
		name string
		a, b Item
		want int
		same bool
	}{
		{"same article, same source", mk("1", "A", "SOHR", "o", 10), mk("2", "A", "SOHR", "o", 20), 0, false},
		{"same article, two sources", mk("1", "A", "SOHR", "o", 10), mk("2", "A", "UN", "o", 20), 1, false},
		{"same article, own voice twice", mk("1", "A", "", "o", 10), mk("2", "A", "", "o", 20), 0, false},
		{"same article, own voice of an unknown outlet twice", mk("1", "A", "", "", 10), mk("2", "A", "", "", 20), 0, false},
		{"two articles, own voices of unknown outlets", mk("1", "A", "", "", 10), mk("2", "B", "", "", 20), 1, false},
		{"same article, own voice and a source", mk("1", "A", "", "o", 10), mk("2", "A", "UN", "o", 20), 1, false},
		{"two outlets quote one source", mk("1", "A", "SOHR", "o1", 10), mk("2", "B", "SOHR", "o2", 20), 1, true},
		{"two outlets in their own voice", mk("1", "A", "", "o1", 10), mk("2", "B", "", "o2", 20), 1, false},
		{"one outlet's own voice twice", mk("1", "A", "", "o1", 10), mk("2", "B", "", "o1", 20), 1, true},
		{"own voice is not a source of that name", mk("1", "A", "", "o1", 10), mk("2", "B", "o1", "o2", 20), 1, false},
		{"duplicate claim id", mk("1", "A", "SOHR", "o", 10), mk("1", "B", "UN", "o", 20), 0, false},
	} {
		rows := detect(t, DefaultConfig(), []Item{tc.a, tc.b})
		if len(rows) != tc.want {
			t.Errorf("%s: %d rows, want %d", tc.name, len(rows), tc.want)
			continue
		}
		if len(rows) == 1 && rows[0].SameSource != tc.same {
			t.Errorf("%s: same_source %v, want %v", tc.name, rows[0].SameSource, tc.same)
		}
	}
}

func TestDetectorOrientation(t *testing.T) {
	key := "killed|people|x|2019"
	early := Item{ClaimID: "z", ArticleID: "A", Key: key, Source: "S", Bound: schema.BoundExact, Best: schema.F(10), Published: t0}
	late := Item{ClaimID: "a", ArticleID: "B", Key: key, Source: "T", Bound: schema.BoundExact, Best: schema.F(20), Published: t0.Add(time.Hour)}
	rows := detect(t, DefaultConfig(), []Item{late, early})
	if len(rows) != 1 || rows[0].ClaimIDA != "z" || rows[0].ClaimIDB != "a" {
		t.Fatalf("rows %+v, want z (earlier) as a", rows)
	}
	if rows[0].LowA.V != 10 || rows[0].LowB.V != 20 || !rows[0].HighB.Valid {
		t.Errorf("intervals not carried: %+v", rows[0])
	}
}

func TestDetectorLifecycle(t *testing.T) {
	if _, err := NewDetector(Config{Tolerance: 1}); err == nil {
		t.Error("tolerance 1 accepted")
	}
	if _, err := NewDetector(Config{Tolerance: -0.1}); err == nil {
		t.Error("negative tolerance accepted")
	}
	if _, err := NewDetector(Config{MemoryBudget: -1}); err == nil {
		t.Error("negative budget accepted")
	}

	rng := rand.New(rand.NewPCG(5, 6))
	items := genItems(rng, 2000)
	cfg := DefaultConfig()
	cfg.TempDir, cfg.MemoryBudget = t.TempDir(), 4<<10

	// an emit error stops Run and comes back
	d, _ := NewDetector(cfg)
	for _, it := range items {
		if err := d.Add(it); err != nil {
			t.Fatal(err)
		}
	}
	boom := errors.New("boom")
	calls := 0
	err := d.Run(context.Background(), func([]schema.Conflict) error { calls++; return boom })
	if !errors.Is(err, boom) || calls != 1 {
		t.Errorf("Run = %v after %d calls, want boom after 1", err, calls)
	}
	if err := d.Add(items[0]); !errors.Is(err, ErrUsed) {
		t.Errorf("Add after Run = %v, want ErrUsed", err)
	}
	if err := d.Run(context.Background(), func([]schema.Conflict) error { return nil }); !errors.Is(err, ErrUsed) {
		t.Errorf("second Run = %v, want ErrUsed", err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if left, _ := os.ReadDir(cfg.TempDir); len(left) != 0 {
		t.Errorf("Close left %d entries", len(left))
	}

	// a cancelled context stops Run
	d, _ = NewDetector(cfg)
	defer d.Close()
	for _, it := range items {
		d.Add(it)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := d.Run(ctx, func([]schema.Conflict) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Run with a cancelled context = %v", err)
	}

	// empty keys are ignored
	d2, _ := NewDetector(DefaultConfig())
	defer d2.Close()
	d2.Add(Item{ClaimID: "x"})
	if d2.Stats().Items != 0 {
		t.Error("an item without a key was counted")
	}
}

func TestDetectorSeverityFactors(t *testing.T) {
	key := "injured|people|x|2019"
	mk := func(id, art, src string, v float64, pub time.Time) Item {
		return Item{ClaimID: id, ArticleID: art, Key: key, Source: src, Outlet: "o-" + art, Bound: schema.BoundExact, Best: schema.F(v), Published: pub}
	}
	sev := func(items ...Item) (float64, string) {
		rows := detect(t, DefaultConfig(), items)
		if len(rows) != 1 {
			t.Fatalf("%d rows, want 1", len(rows))
		}
		return rows[0].Severity, rows[0].Kind
	}
	base, kind := sev(mk("1", "A", "police", 5, t0), mk("2", "B", "hospital", 7, t0))
	if kind != schema.ConflictContradiction {
		t.Fatalf("kind %s", kind)
	}
	if s, _ := sev(mk("1", "A", "police", 5, t0), mk("2", "A", "hospital", 7, t0)); s >= base {
		t.Errorf("same article %v, not below %v", s, base)
	}
	if s, _ := sev(mk("1", "A", "police", 5, t0), mk("2", "B", "hospital", 7, t0.Add(24*time.Hour))); s >= base {
		t.Errorf("higher a day later %v, not below %v", s, base)
	}
	if s, _ := sev(mk("1", "A", "police", 7, t0), mk("2", "B", "hospital", 5, t0.Add(24*time.Hour))); s != base {
		t.Errorf("lower a day later %v, want %v", s, base)
	}
	zero, kind := sev(mk("1", "A", "police", 0, t0), mk("2", "B", "hospital", 5, t0))
	if kind != schema.ConflictContradiction || zero > 0.5 {
		t.Errorf("zero vs five: %s %v, want a contradiction of at most 0.5", kind, zero)
	}
	if s, _ := sev(mk("1", "A", "Harbour Police", 5, t0), mk("2", "B", "Harbour Police", 7, t0)); s <= base {
		t.Errorf("one named source quoted twice %v, not above %v", s, base)
	}
	if s, _ := sev(mk("1", "A", "police", 5, t0), mk("2", "B", "police", 7, t0)); s != base {
		t.Errorf("a generic source (\"police\") quoted twice %v, want %v", s, base)
	}
	// a figure below its article's headline for the key weighs less
	// a figure repeated in one article is paired once
	if rows := detect(t, DefaultConfig(), []Item{mk("1", "A", "police", 5, t0), mk("4", "A", "police", 5, t0), mk("2", "B", "hospital", 7, t0)}); len(rows) != 1 {
		t.Errorf("one article's 5, twice, against another's 7: %d rows, want 1", len(rows))
	}
	headline := mk("3", "A", "police", 7, t0)
	if s, _ := sev(mk("1", "A", "police", 5, t0), headline, mk("2", "B", "hospital", 7, t0)); math.Abs(s-base*minorFactor) > 1e-9 {
		t.Errorf("a figure below its article's headline (7) against another article's 7: %v, want %v", s, base*minorFactor)
	}
	own := func(id, art string, v float64) Item {
		it := mk(id, art, "", v, t0)
		it.Outlet = "same-outlet"
		return it
	}
	// base pairs two generic sources; an outlet's own voice is none
	if s, _ := sev(own("1", "A", 5), own("2", "B", 7)); math.Abs(s-base/(genericFactor*genericFactor)) > 1e-9 {
		t.Errorf("one outlet's own voice twice %v, want %v", s, base/(genericFactor*genericFactor))
	}
	named, _ := sev(mk("1", "A", "Harbour Police", 5, t0), mk("2", "B", "City Hospital", 7, t0))
	if named <= base/(genericFactor*genericFactor) {
		t.Errorf("two named sources %v, not above two voices of no name %v", named, base/(genericFactor*genericFactor))
	}
	if s, _ := sev(mk("1", "A", "Harbour Police", 7, t0), mk("2", "B", "City Hospital", 5, t0.Add(4*24*time.Hour))); s >= named {
		t.Errorf("two named sources four days apart %v, not below the same day's %v", s, named)
	}
}

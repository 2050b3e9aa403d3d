package conflict

import (
	"context"
	"testing"
	"time"

	"github.com/claimscan/claimscan/schema"
)

// detect runs a detector with cfg over items and returns every row.
func detect(t testing.TB, cfg Config, items []Item) []schema.Conflict {
	t.Helper()
	d, err := NewDetector(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, it := range items {
		if err := d.Add(it); err != nil {
			t.Fatal(err)
		}
	}
	var rows []schema.Conflict
	err = d.Run(context.Background(), func(b []schema.Conflict) error {
		rows = append(rows, b...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// seedClaims mirrors the quantities of the two seed articles (an AFP-style
// report and a Reuters-style report on the Idlib offensive, one day apart):
// the values, sources and scopes, not the text.
func seedClaims(scoped bool) []schema.Claim {
	pubA, pubB := day("2019-08-22"), day("2019-08-23")
	since := func(s string) time.Time {
		if !scoped {
			return time.Time{}
		}
		return day(s)
	}
	q := func(id, art, pred, subj, loc, src, bound string, low, best, high schema.Float) schema.Claim {
		c := schema.Claim{
			ClaimID: id, ArticleID: art, Kind: schema.KindQuantity, Predicate: pred,
			Subject: subj, Location: loc, Source: src, Bound: bound,
			ValueLow: low, ValueBest: best, ValueHigh: high,
		}
		if art == "000" {
			c.Published, c.Outlet = pubA, "outlet-a"
		} else {
			c.Published, c.Outlet = pubB, "outlet-b"
		}
		return c
	}
	claims := []schema.Claim{
		// article 000
		q("a-hundreds", "000", "killed", "people", "Idlib", "", schema.BoundVague, schema.F(200), none, schema.F(999)),
		q("a-3m", "000", "population", "people", "Idlib", "", schema.BoundApprox, none, schema.F(3e6), none),
		q("a-890", "000", "killed", "civilians", "Idlib", "Syrian Observatory for Human Rights", schema.BoundApprox, none, schema.F(890), none),
		q("a-400k", "000", "displaced", "", "Idlib", "United Nations", schema.BoundMoreThan, schema.F(400000), none, none),
		q("a-370k", "000", "killed", "people", "Syria", "", schema.BoundMoreThan, schema.F(370000), none, none),
		// article 004
		q("b-flee", "004", "displaced", "people", "Idlib", "", schema.BoundVague, schema.F(200000), none, schema.F(999999)),
		q("b-730", "004", "killed", "civilians", "Idlib", "UOSSM", schema.BoundMoreThan, schema.F(730), none, none),
		q("b-500", "004", "killed", "civilians", "Idlib", "UN OCHA", schema.BoundMoreThan, schema.F(500), none, none),
	}
	claims[0].ScopeStart = since("2019-04-01")
	claims[4].ScopeStart = day("2011-01-01") // the whole war is always scoped
	claims[6].ScopeStart = since("2019-04-26")
	return claims
}

func TestSeedScenario(t *testing.T) {
	for _, scoped := range []bool{true, false} {
		claims := seedClaims(scoped)
		var items []Item
		for i := range claims {
			items = append(items, ItemOf(&claims[i]))
		}
		rows := detect(t, DefaultConfig(), items)

		three := map[string]bool{"a-890": true, "b-730": true, "b-500": true}
		keys := map[string]bool{}
		pairs := map[[2]string]bool{}
		for _, r := range rows {
			if !three[r.ClaimIDA] || !three[r.ClaimIDB] {
				t.Errorf("scoped=%v: unexpected row %s %s–%s (%s)", scoped, r.Kind, r.ClaimIDA, r.ClaimIDB, r.ClaimKey)
				continue
			}
			if r.Kind != schema.ConflictDivergence {
				t.Errorf("scoped=%v: %s–%s is %s, want divergence", scoped, r.ClaimIDA, r.ClaimIDB, r.Kind)
			}
			if r.Severity <= 0 || r.Severity > 1 || r.RelGap <= 0.1 {
				t.Errorf("scoped=%v: %s–%s severity %v rel_gap %v", scoped, r.ClaimIDA, r.ClaimIDB, r.Severity, r.RelGap)
			}
			keys[r.ClaimKey] = true
			pairs[[2]string{r.ClaimIDA, r.ClaimIDB}] = true
		}
		if len(rows) != 3 || len(pairs) != 3 {
			t.Errorf("scoped=%v: %d rows, %d pairs, want 3 divergences among 890/730/500", scoped, len(rows), len(pairs))
		}
		if len(keys) != 1 {
			t.Errorf("scoped=%v: claim keys %v, want one", scoped, keys)
		}
		// the earlier article comes first
		for p := range pairs {
			if p[1] == "a-890" {
				t.Errorf("scoped=%v: pair %v not ordered by publication", scoped, p)
			}
		}
	}
}

// TestSeedWholeWarNeverPaired gives the 370,000 the Idlib counts' place and
// subject: its scope alone must keep it apart.
func TestSeedWholeWarNeverPaired(t *testing.T) {
	claims := seedClaims(true)
	claims[4].Location, claims[4].Subject = "Idlib", "civilians"
	war, idlib := Key(&claims[4]), Key(&claims[2])
	if war == idlib {
		t.Fatalf("370,000 since 2011 and ≈890 since April share key %q", war)
	}
	var items []Item
	for i := range claims {
		items = append(items, ItemOf(&claims[i]))
	}
	for _, r := range detect(t, DefaultConfig(), items) {
		if r.ClaimIDA == "a-370k" || r.ClaimIDB == "a-370k" {
			t.Errorf("row pairs the whole-war count: %+v", r)
		}
	}
}

func TestSeedKhanSheikhun(t *testing.T) {
	k := PlaceKey("Khan Sheikhun")
	for _, v := range []string{"Khan Sheikhoun", "Khan Sheihkoun"} {
		if PlaceKey(v) != k {
			t.Errorf("PlaceKey(%q) = %q, want %q", v, PlaceKey(v), k)
		}
	}
}

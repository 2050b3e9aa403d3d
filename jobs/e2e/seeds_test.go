package e2e

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/jobs"
	"github.com/claimscan/claimscan/schema"
)

// TestSeeds runs the whole job over the two seed articles (the product's
// first example, in ../shared) and checks the claims and conflicts a reader
// expects from them.
func TestSeeds(t *testing.T) {
	seeds, ok := fixtures.Shared("corpora/seeds")
	if !ok {
		t.Skip("shared seeds corpus not present")
	}
	out := filepath.Join(t.TempDir(), "out")
	if _, err := jobs.Run(context.Background(), jobs.Config{Paths: []string{seeds}, Out: out}); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	claims, err := jobs.Load(ctx, out, schema.Claims)
	if err != nil {
		t.Fatal(err)
	}
	conflicts, err := jobs.Load(ctx, out, schema.Conflicts)
	if err != nil {
		t.Fatal(err)
	}
	const a000, a004 = "000_4cc4ffe120d317e5.txt", "004_2dc96912f824fec1.txt"
	find := func(article string, anchor float64) *schema.Claim {
		for i := range claims {
			c := &claims[i]
			if c.ArticleID != article || c.Kind != schema.KindQuantity {
				continue
			}
			for _, v := range []schema.Float{c.ValueLow, c.ValueBest, c.ValueHigh} {
				if v.Valid && v.V == anchor {
					return c
				}
			}
		}
		t.Errorf("%s: no quantity claim with value %v", article, anchor)
		return nil
	}
	type want struct {
		article         string
		anchor          float64
		predicate, subj string
		source          string // substring of the canonical source; "" own voice
		low, high       schema.Float
	}
	none := schema.Float{}
	for _, w := range []want{
		{a000, 200, "killed", "people", "", schema.F(200), schema.F(999)},
		{a000, 3e6, "population", "people", "", none, none},
		{a000, 890, "killed", "civilians", "Syrian Observatory for Human Rights", none, none},
		{a000, 400000, "displaced", "people", "United Nations", schema.F(400000), none},
		{a000, 370000, "killed", "people", "", schema.F(370000), none},
		{a004, 730, "killed", "civilians", "Union of Medical Care and Relief Organizations", schema.F(730), none},
		{a004, 500, "killed", "civilians", "Coordination of Humanitarian Affairs", schema.F(500), none},
		{a004, 200000, "displaced", "people", "", schema.F(200000), schema.F(999999)},
	} {
		c := find(w.article, w.anchor)
		if c == nil {
			continue
		}
		if c.Predicate != w.predicate || c.Subject != w.subj {
			t.Errorf("%v: predicate/subject %s/%s, want %s/%s (%q)", w.anchor, c.Predicate, c.Subject, w.predicate, w.subj, c.Quote)
		}
		if (w.source == "") != (c.Source == "") || !strings.Contains(c.Source, w.source) {
			t.Errorf("%v: source %q, want %q (%q)", w.anchor, c.Source, w.source, c.Quote)
		}
		if w.low.Valid && c.ValueLow != w.low || w.high.Valid && c.ValueHigh != w.high {
			t.Errorf("%v: [%v, %v], want low %v high %v", w.anchor, c.ValueLow, c.ValueHigh, w.low, w.high)
		}
	}
	// No count from years, dates, durations or boilerplate.
	for _, c := range claims {
		if c.Kind != schema.KindQuantity {
			continue
		}
		for _, bad := range []string{"2017", "2014", "eight-year", "Related Story"} {
			if strings.Contains(c.Quote, bad) {
				t.Errorf("claim from %q: %q", bad, c.Quote)
			}
		}
	}

	// Conflicts: the three civilian tolls pair up under one key; the war
	// toll and the displacement figures pair with nothing.
	byID := map[string]*schema.Claim{}
	for i := range claims {
		byID[claims[i].ClaimID] = &claims[i]
	}
	anchor := func(c *schema.Claim) float64 {
		for _, v := range []schema.Float{c.ValueBest, c.ValueLow, c.ValueHigh} {
			if v.Valid {
				return v.V
			}
		}
		return -1
	}
	tolls := map[float64]bool{890: true, 730: true, 500: true}
	var pairs int
	keys := map[string]bool{}
	for _, f := range conflicts {
		a, b := byID[f.ClaimIDA], byID[f.ClaimIDB]
		if a == nil || b == nil {
			t.Errorf("conflict %s names unknown claims", f.ConflictID)
			continue
		}
		va, vb := anchor(a), anchor(b)
		for _, v := range []float64{va, vb} {
			if v == 370000 || v == 400000 || v == 200000 {
				t.Errorf("conflict pairs %v with %v (%s)", va, vb, f.Kind)
			}
		}
		if tolls[va] && tolls[vb] {
			pairs++
			keys[f.ClaimKey] = true
			if f.Kind != schema.ConflictDivergence {
				t.Errorf("%v vs %v: kind %s, want divergence", va, vb, f.Kind)
			}
		}
	}
	if pairs != 3 || len(keys) != 1 {
		t.Errorf("%d conflicts among the 890/730/500 tolls under %d keys, want 3 under 1", pairs, len(keys))
	}
}

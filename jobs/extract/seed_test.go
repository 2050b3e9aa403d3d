package extract

import (
	"os"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/schema"
)

func readSeed(t *testing.T, name string) Article {
	t.Helper()
	p, ok := fixtures.Shared("corpora/seeds/" + name)
	if !ok {
		t.Skip("shared seeds absent")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return Article{ID: name, Text: string(b), Outlet: "seed"}
}

// find returns the quantity claim whose quote contains s.
func find(t *testing.T, r Result, s string) schema.Claim {
	t.Helper()
	for _, c := range r.Claims {
		if c.Kind == schema.KindQuantity && strings.Contains(c.Quote, s) {
			return c
		}
	}
	for _, c := range r.Claims {
		t.Logf("claim %q", c.Quote)
	}
	t.Fatalf("no quantity claim quoting %q", s)
	return schema.Claim{}
}

type seedWant struct {
	quote, pred, subj string
	lo, best, hi      float64
	bound, source     string
	scope, location   string
}

func checkSeed(t *testing.T, r Result, ws []seedWant) {
	for _, w := range ws {
		t.Run(w.quote, func(t *testing.T) {
			c := find(t, r, w.quote)
			if c.Predicate != w.pred || c.Subject != w.subj || c.Bound != w.bound || c.Source != w.source {
				t.Errorf("got %s/%s/%s source %q, want %s/%s/%s source %q", c.Predicate, c.Subject, c.Bound, c.Source, w.pred, w.subj, w.bound, w.source)
			}
			checkFloat(t, "low", c.ValueLow, w.lo)
			checkFloat(t, "best", c.ValueBest, w.best)
			checkFloat(t, "high", c.ValueHigh, w.hi)
			if w.scope != "" && c.ScopeText != w.scope {
				t.Errorf("scope %q, want %q", c.ScopeText, w.scope)
			}
			if w.location != "" && c.Location != w.location {
				t.Errorf("location %q, want %q", c.Location, w.location)
			}
		})
	}
}

// noYearClaims fails when a quantity claim quotes one of the non-counts.
func noBadClaims(t *testing.T, r Result) {
	for _, c := range r.Claims {
		if c.Kind != schema.KindQuantity {
			continue
		}
		for _, bad := range []string{"2017", "2014", "2011", "eight", "Related Story", "April 4"} {
			if strings.Contains(c.Quote, bad) && !strings.Contains(c.Quote, "370,000") {
				t.Errorf("quantity claim from %q: %q", bad, c.Quote)
			}
		}
	}
}

func TestSeed000(t *testing.T) {
	a := readSeed(t, "000_4cc4ffe120d317e5.txt")
	r := Extract(a)
	checkInvariants(t, a, r)
	checkSeed(t, r, []seedWant{
		{"hundreds of people", "killed", "people", 200, nf, 999, "vague", "", "since April", ""},
		{"three million people", "population", "people", nf, 3e6, nf, "approx", "", "", ""},
		{"890 civilians", "killed", "civilians", nf, 890, nf, "approx", "Syrian Observatory for Human Rights (SOHR)", "", "Idlib"},
		{"400,000", "displaced", "people", 400000, nf, nf, "more_than", "United Nations (UN)", "", ""},
		{"370,000 people", "killed", "people", 370000, nf, nf, "more_than", "", "", "Syria"},
	})
	c := find(t, r, "370,000")
	if c.ScopeStart.Year() != 2011 || c.ScopeStart.YearDay() != 1 {
		t.Errorf("370,000: scope start %v, want 2011-01-01", c.ScopeStart)
	}
	noBadClaims(t, r)
	if r.NSentences != 14 {
		t.Errorf("NSentences = %d, want 14", r.NSentences)
	}
}

func TestSeed004(t *testing.T) {
	a := readSeed(t, "004_2dc96912f824fec1.txt")
	r := Extract(a)
	checkInvariants(t, a, r)
	checkSeed(t, r, []seedWant{
		{"730 civilians", "killed", "civilians", 730, nf, nf, "more_than", "Union of Medical Care and Relief Organizations (UOSSM)", "since late April", "Idlib"},
		{"500 civilians", "killed", "civilians", 500, nf, nf, "more_than", "UN Office for the Coordination of Humanitarian Affairs (OCHA)", "", "Idlib"},
		{"hundreds of thousands of people", "displaced", "people", 200000, nf, 999999, "vague", "", "", ""},
	})
	if c := find(t, r, "730 civilians"); !strings.Contains(c.SourceMention, "UOSSM") {
		t.Errorf("730: source mention %q lacks UOSSM", c.SourceMention)
	}
	noBadClaims(t, r)
	// Statements: "The rebels quit those towns, local activists said." and the denial.
	var quit, deny bool
	for _, c := range r.Claims {
		if c.Kind == schema.KindStatement && c.Quote == "The rebels quit those towns" && c.Source == "local activists" {
			quit = true
		}
		if c.Kind == schema.KindStatement && c.Cue == "denies" && c.Negated {
			deny = true
		}
		if c.Kind == schema.KindStatement && c.SourceMention == "The Observatory" && c.Source != "Syrian Observatory for Human Rights (SOHR)" {
			t.Errorf("the Observatory resolved to %q", c.Source)
		}
	}
	if !quit || !deny {
		t.Errorf("statements missing: quit %v deny %v", quit, deny)
	}
	for _, c := range r.Claims {
		if strings.Contains(c.Quote, "Writing by") || strings.Contains(c.Quote, "Related") {
			t.Errorf("claim from boilerplate: %q", c.Quote)
		}
	}
}

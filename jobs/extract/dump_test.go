package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/claimscan/claimscan/fixtures"
)

// TestDump prints the claims of a corpus when CLAIMSCAN_DUMP names one
// (seeds, gva, ecb); it is a tool for reading output, not a check.
func TestDump(t *testing.T) {
	which := os.Getenv("CLAIMSCAN_DUMP")
	if which == "" {
		t.Skip("set CLAIMSCAN_DUMP=seeds|gva|ecb to print claims")
	}
	var arts []Article
	switch which {
	case "seeds":
		for _, f := range []string{"000_4cc4ffe120d317e5.txt", "004_2dc96912f824fec1.txt"} {
			p, ok := fixtures.Shared("corpora/seeds/" + f)
			if !ok {
				t.Skip("no seeds")
			}
			b, _ := os.ReadFile(p)
			arts = append(arts, Article{ID: f, Text: string(b)})
		}
	default:
		name := map[string]string{"gva": "corpora/gva-semeval2018/articles.jsonl", "ecb": "corpora/ecbplus/articles.jsonl"}[which]
		p, ok := fixtures.Shared(name)
		if !ok {
			t.Skip("no corpus")
		}
		arts = readJSONL(t, p)
	}
	for _, a := range arts {
		r := Extract(a)
		fmt.Printf("=== %s (%d sentences, %d claims)\n", a.ID, r.NSentences, len(r.Claims))
		for _, c := range r.Claims {
			v := func(f interface{ String() string }) string { return f.String() }
			_ = v
			fmt.Printf("  [%d] %-9s %-10s %-12s lo=%s best=%s hi=%s %-9s unit=%q src=%q (%q,%q) scope=%q %s..%s loc=%q/%q neg=%v hedge=%v\n      %q\n",
				c.SentenceIndex, c.Kind, c.Predicate, c.Subject, fv(c.ValueLow), fv(c.ValueBest), fv(c.ValueHigh), c.Bound, c.Unit,
				c.Source, c.SourceMention, c.Cue, c.ScopeText, dv(c.ScopeStart), dv(c.ScopeEnd), c.Location, c.LocationMention, c.Negated, c.Hedged, c.Quote)
		}
	}
}

func fv(f interface{}) string {
	type fl = struct {
		V     float64
		Valid bool
	}
	b, _ := json.Marshal(f)
	var x fl
	_ = json.Unmarshal(b, &x)
	if !x.Valid {
		return "-"
	}
	return fmt.Sprintf("%g", x.V)
}

func dv(t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	return t.Format("2006-01-02")
}

// readJSONL reads a shared corpus of one article a line.
func readJSONL(t testing.TB, path string) []Article {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var r struct {
			ID, Title, Text, Outlet, Published string
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		a := Article{ID: r.ID, Title: r.Title, Text: r.Text, Outlet: r.Outlet}
		if r.Published != "" {
			a.Published, _ = time.Parse("2006-01-02", r.Published)
		}
		out = append(out, a)
	}
	return out
}

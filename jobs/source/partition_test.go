package source_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/jobs/gen"
	"github.com/claimscan/claimscan/jobs/input"
	"github.com/claimscan/claimscan/jobs/source"
	"github.com/claimscan/claimscan/jobs/stage"
	"github.com/claimscan/claimscan/schema"
)

// record is one input record as Run feeds the aggregator: its row, then
// its claims.
type record struct {
	article schema.Article
	claims  []schema.Claim
}

// readRecords reads paths as Run does, duplicates marked.
func readRecords(t *testing.T, paths ...string) []record {
	t.Helper()
	p, err := input.NewPlan(paths, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	var recs []record
	for _, a := range p.Missing {
		recs = append(recs, record{article: a})
	}
	ids := stage.NewIDs()
	for _, f := range p.Files {
		_, err := stage.ProcessFile(context.Background(), f.Path(), stage.FileOptions{Root: f.Root()}, func(p stage.Rows) error {
			if ids.Duplicate(p.Article.ArticleID) {
				stage.MarkDuplicate(&p.Article)
				p.Claims = nil
			}
			recs = append(recs, record{p.Article, p.Claims})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return recs
}

// edgeRecords are records whose rows depend on the order of the calls: an
// own-voice claim whose outlet comes only from the article's URL, a
// duplicate id right after its first record, outlets differing in case,
// and a source cited more often than its first claims are read for cues.
func edgeRecords() []record {
	day := func(d int) time.Time { return time.Date(2020, 3, d, 0, 0, 0, 0, time.UTC) }
	var recs []record
	add := func(a schema.Article, claims ...schema.Claim) {
		for i := range claims {
			claims[i].ArticleID, claims[i].Published = a.ArticleID, a.Published
			if claims[i].Outlet == "" {
				claims[i].Outlet = a.Outlet
			}
		}
		recs = append(recs, record{a, claims})
	}
	add(schema.Article{ArticleID: "u1", URL: "https://www.harbour-news.example/a", Published: day(1)},
		schema.Claim{Sentence: "Ten people were hurt."},
		schema.Claim{Source: "Harbour Police", SourceMention: "police", Sentence: "Police said 3 died."})
	add(schema.Article{ArticleID: "u1", Outlet: "harbour-news.example", Status: schema.StatusDuplicateID, Published: day(2)})
	add(schema.Article{ArticleID: "u2", Outlet: "Harbour-News.example", Published: day(3)},
		schema.Claim{Sentence: "Five fled."})
	for i := 0; i < 20; i++ {
		add(schema.Article{ArticleID: fmt.Sprintf("m%d", i), Outlet: fmt.Sprintf("Outlet %d", i%3), Published: day(4 + i%7)},
			schema.Claim{Source: "Rural Aid Group", SourceMention: "the group", Sentence: fmt.Sprintf("The group, a charity, said %d people died.", i)},
			schema.Claim{Source: "Rural Aid Group", SourceMention: "RAG", Sentence: "RAG said the army blocked roads."})
	}
	return recs
}

// TestRowsSplitByKey checks the contract of ArticleRow and ClaimRow: an
// Aggregator per row key, fed only that key's articles and claims (as
// ArticleInput and ClaimInput), in input order, gives exactly that key's
// row of the Aggregator fed everything.
func TestRowsSplitByKey(t *testing.T) {
	dir := t.TempDir()
	if _, err := gen.Run(context.Background(), gen.Config{Size: 1 << 20, Seed: 7, Out: dir}); err != nil {
		t.Fatal(err)
	}
	paths := []string{filepath.Join(fixtures.Root(), fixtures.SampleRoot), filepath.Join(dir, gen.ArticlesFile)}
	if seeds, ok := fixtures.Shared("corpora/seeds"); ok {
		paths = append(paths, seeds)
	}
	recs := append(readRecords(t, paths...), edgeRecords()...)

	whole := source.New()
	router := source.New()
	type call struct {
		article *schema.Article
		claim   *schema.Claim
	}
	byKey := map[string][]call{}
	var nClaims, noSentence int
	for i := range recs {
		r := &recs[i]
		whole.AddArticle(&r.article)
		if k := router.ArticleRow(&r.article); k != "" {
			a := source.ArticleInput(&r.article)
			byKey[k] = append(byKey[k], call{article: &a})
		}
		for j := range r.claims {
			c := &r.claims[j]
			whole.AddClaim(c)
			nClaims++
			if k := router.ClaimRow(&r.article, c); k != "" {
				in := router.ClaimInput(c)
				byKey[k] = append(byKey[k], call{claim: &in})
				if c.Source != "" && in.Sentence == "" {
					noSentence++
				}
			}
		}
	}
	if noSentence == 0 {
		t.Error("no cited claim shipped without its sentence")
	}
	want := whole.Rows()
	if len(want) < 50 || nClaims < 1000 {
		t.Fatalf("only %d sources from %d claims: the corpus does not exercise the aggregator", len(want), nClaims)
	}
	got := map[string]schema.Source{}
	for k, calls := range byKey {
		g := source.New()
		for _, c := range calls {
			if c.article != nil {
				g.AddArticle(c.article)
			} else {
				g.AddClaim(c.claim)
			}
		}
		rows := g.Rows()
		if len(rows) != 1 {
			t.Fatalf("key %q: %d rows from its own calls, want 1", k, len(rows))
		}
		got[rows[0].Name] = rows[0]
	}
	if len(got) != len(want) {
		t.Errorf("%d rows split by key, %d whole", len(got), len(want))
	}
	for _, w := range want {
		if g := got[w.Name]; !reflect.DeepEqual(g, w) {
			t.Errorf("%s:\n split %+v\n whole %+v", w.Name, g, w)
		}
	}
	// u1, its duplicate right after it (one run of the same id: counted
	// once), u2; the own-voice claims of u1 (outlet from the URL) and u2.
	host := got["harbour-news.example"]
	if host.NArticles != 2 || host.NClaims != 2 {
		t.Errorf("host-named outlet: %+v", host)
	}
}

package jobs

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/claimscan/claimscan/jobs/stage"
	"github.com/claimscan/claimscan/schema"
)

// TestProcessFileMatchesRun checks that the per-file stage gives the rows
// Run writes.
func TestProcessFileMatchesRun(t *testing.T) {
	root := t.TempDir()
	corpus := filepath.Join(root, "c")
	writeFile(t, filepath.Join(corpus, "sub/a.txt"), []byte("Police said 12 people were injured on Monday."))
	writeFile(t, filepath.Join(corpus, "b.jsonl"), []byte(jsonLine("j1", "The Red Cross said 40 people were killed.")+"{broken\n"))
	out := filepath.Join(root, "out")
	if _, err := Run(context.Background(), Config{Paths: []string{corpus}, Out: out}); err != nil {
		t.Fatal(err)
	}
	want := readArticles(t, out)

	got := map[string]schema.Article{}
	var claims int
	for _, f := range []string{"sub/a.txt", "b.jsonl"} {
		in, err := stage.ProcessFile(context.Background(), filepath.Join(corpus, f), stage.FileOptions{Root: corpus}, func(p stage.Rows) error {
			p.Article.Path = want[p.Article.ArticleID].Path // Run shows paths as given
			got[p.Article.ArticleID] = p.Article
			claims += len(p.Claims)
			for _, c := range p.Claims {
				if c.ClaimKey == "" && c.Kind == schema.KindQuantity && c.Predicate != "other" {
					t.Errorf("claim %q has no key", c.Quote)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if in.Size == 0 || len(in.SHA256) != 64 {
			t.Errorf("input %+v", in)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("ProcessFile gave %d articles, Run %d", len(got), len(want))
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s:\n got %+v\nwant %+v", id, got[id], w)
		}
	}
	if claims == 0 {
		t.Error("no claims")
	}
	if _, err := stage.ProcessFile(context.Background(), filepath.Join(corpus, "nope.csv"), stage.FileOptions{}, nil); err == nil {
		t.Error("unknown extension accepted")
	}
}

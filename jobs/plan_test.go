package jobs

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimscan/claimscan/jobs/input"
	"github.com/claimscan/claimscan/jobs/stage"
	"github.com/claimscan/claimscan/schema"
)

// TestPlanMatchesRun checks that input.NewPlan and stage.ProcessFile together
// give Run's rows, in Run's order, paths and ids included: a directory
// (with a hidden file and an unknown extension), a file given directly, and
// a path that does not exist.
func TestPlanMatchesRun(t *testing.T) {
	root := t.TempDir()
	corpus := filepath.Join(root, "c")
	writeFile(t, filepath.Join(corpus, "sub/a.txt"), []byte("Police said 12 people were injured on Monday."))
	writeFile(t, filepath.Join(corpus, "b.jsonl"), []byte(jsonLine("j1", "The Red Cross said 40 people were killed.")+"{broken\n"))
	writeFile(t, filepath.Join(corpus, ".hidden.txt"), []byte("Not read."))
	writeFile(t, filepath.Join(corpus, "notes.csv"), []byte("a,b"))
	single := filepath.Join(root, "one.md")
	writeFile(t, single, []byte("# Title\n\nThe ministry said 7 people died."))
	paths := []string{corpus + "/", single, filepath.Join(root, "missing")}

	out := filepath.Join(root, "out")
	if _, err := Run(context.Background(), Config{Paths: paths, Out: out}); err != nil {
		t.Fatal(err)
	}
	want, err := Load(context.Background(), out, schema.Articles)
	if err != nil {
		t.Fatal(err)
	}

	p, err := input.NewPlan(paths, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Skipped) != 1 || filepath.Base(p.Skipped[0].Path) != "notes.csv" {
		t.Errorf("skipped %+v", p.Skipped)
	}
	got := append([]schema.Article(nil), p.Missing...)
	for _, f := range p.Files {
		_, err := stage.ProcessFile(context.Background(), f.Path(), stage.FileOptions{Root: f.Root()}, func(p stage.Rows) error {
			got = append(got, p.Article)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("NewPlan and ProcessFile gave %d articles, Run %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

// TestProcessFileDisplay checks that Display names the file in paths and
// in the ids made from it, as for a remote file copied to a local one.
func TestProcessFileDisplay(t *testing.T) {
	dir := t.TempDir()
	local := filepath.Join(dir, "copy.jsonl")
	writeFile(t, local, []byte(`{"title":"no id","text":"Police said 3 people were hurt."}`+"\n"))
	const remote = "gs://bucket/news/part-1.jsonl"
	var rows []stage.Rows
	in, err := stage.ProcessFile(context.Background(), local, stage.FileOptions{Display: remote}, func(p stage.Rows) error {
		rows = append(rows, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if in.Path != remote || len(rows) != 1 {
		t.Fatalf("input %+v, %d rows", in, len(rows))
	}
	a := rows[0].Article
	if a.Path != remote || a.ArticleID != remote+"#L1" {
		t.Errorf("path %q, id %q", a.Path, a.ArticleID)
	}
	for _, c := range rows[0].Claims {
		if c.ArticleID != a.ArticleID {
			t.Errorf("claim of article %q", c.ArticleID)
		}
	}
	if _, err := os.Stat(local); err != nil {
		t.Error(err)
	}
}

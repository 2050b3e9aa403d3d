package jobs

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

func TestRunSince(t *testing.T) {
	root := t.TempDir()
	c1 := filepath.Join(root, "night1")
	writeFile(t, filepath.Join(c1, "a.jsonl"), []byte(
		jsonLine("a1", "The ministry said 40 people were killed in the floods.")+
			jsonLine("a2", "Rescuers said 12 people were missing.")))
	c2 := filepath.Join(root, "night2")
	writeFile(t, filepath.Join(c2, "b.jsonl"), []byte(
		jsonLine("a1-again", "The ministry said 40 people were killed in the floods.")+
			jsonLine("b1", "The Red Cross said 55 people were killed in the floods.")))
	ctx := context.Background()
	run1 := filepath.Join(root, "run1")
	if _, err := Run(ctx, Config{Paths: []string{c1}, Out: run1}); err != nil {
		t.Fatal(err)
	}
	run2 := filepath.Join(root, "run2")
	s, err := Run(ctx, Config{Paths: []string{c2}, Out: run2, Since: run1})
	if err != nil {
		t.Fatal(err)
	}
	if s.Known != 1 || s.Articles != 1 {
		t.Fatalf("second run: %d known, %d written; want 1 and 1", s.Known, s.Articles)
	}
	arts := readArticles(t, run2)
	if _, ok := arts["b1"]; !ok || len(arts) != 1 {
		t.Errorf("second run's articles = %v, want only b1", arts)
	}
	m, err := output.ReadManifest(run2)
	if err != nil {
		t.Fatal(err)
	}
	abs1, _ := filepath.Abs(run1)
	if m.KnownArticles != 1 || len(m.Since) != 1 || m.Since[0] != abs1 {
		t.Errorf("manifest since %v known %d", m.Since, m.KnownArticles)
	}

	// A third run follows the chain back to the first.
	c3 := filepath.Join(root, "night3")
	writeFile(t, filepath.Join(c3, "c.jsonl"), []byte(jsonLine("a2-again", "Rescuers said 12 people were missing.")))
	run3 := filepath.Join(root, "run3")
	s, err = Run(ctx, Config{Paths: []string{c3}, Out: run3, Since: run2})
	if err != nil {
		t.Fatal(err)
	}
	if s.Known != 1 || s.Articles != 0 {
		t.Errorf("third run: %d known, %d written; want 1 and 0", s.Known, s.Articles)
	}
	if m, _ := output.ReadManifest(run3); len(m.Since) != 2 || m.Tables[schema.ArticlesTable].Rows != 0 {
		t.Errorf("third manifest since %v, %d articles", m.Since, m.Tables[schema.ArticlesTable].Rows)
	}

	// --since a directory that is not a dataset fails clearly.
	if _, err := Run(ctx, Config{Paths: []string{c3}, Out: filepath.Join(root, "run4"), Since: c1}); err == nil {
		t.Error("--since a plain directory did not fail")
	}
}

// TestRunSinceWithText: an incremental run keeps the --with-text setting of
// its chain, so that the nights' articles tables have the same columns;
// the manifest records the setting.
func TestRunSinceWithText(t *testing.T) {
	root := t.TempDir()
	in := filepath.Join(root, "in")
	writeFile(t, filepath.Join(in, "a.jsonl"), []byte(jsonLine("a1", "The ministry said 40 people were killed in the floods.")))
	ctx := context.Background()
	run1 := filepath.Join(root, "run1")
	if _, err := Run(ctx, Config{Paths: []string{in}, Out: run1, WithText: true}); err != nil {
		t.Fatal(err)
	}
	if m, _ := output.ReadManifest(run1); !manifestWithText(m) {
		t.Errorf("manifest config %v does not record with_text", m.Config)
	}
	if _, err := Run(ctx, Config{Paths: []string{in}, Out: filepath.Join(root, "run2"), Since: run1}); !errors.Is(err, ErrSinceText) {
		t.Errorf("a run without --with-text over a dataset with it: %v, want ErrSinceText", err)
	}
	run3 := filepath.Join(root, "run3")
	if _, err := Run(ctx, Config{Paths: []string{in}, Out: run3, Since: run1, WithText: true}); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(root, "plain")
	if _, err := Run(ctx, Config{Paths: []string{in}, Out: plain}); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(ctx, Config{Paths: []string{in}, Out: filepath.Join(root, "run4"), Since: plain, WithText: true}); !errors.Is(err, ErrSinceText) {
		t.Errorf("a run with --with-text over a dataset without it: %v, want ErrSinceText", err)
	}
}

// TestSinceDamaged: a --since dataset with a part missing or cut short is
// refused, naming the part, before anything is read from it.
func TestSinceDamaged(t *testing.T) {
	root := t.TempDir()
	corpus := filepath.Join(root, "c")
	writeFile(t, filepath.Join(corpus, "a.jsonl"), []byte(jsonLine("a1", "The ministry said 40 people were killed.")))
	ctx := context.Background()
	prev := filepath.Join(root, "prev")
	if _, err := Run(ctx, Config{Paths: []string{corpus}, Out: prev}); err != nil {
		t.Fatal(err)
	}
	part := filepath.Join(prev, "claims", "part-00000.parquet")
	data, err := os.ReadFile(part)
	if err != nil {
		t.Fatal(err)
	}
	for name, damage := range map[string]func(){
		"missing": func() { os.Remove(part) },
		"cut":     func() { os.WriteFile(part, data[:len(data)/2], 0o644) },
	} {
		damage()
		out := filepath.Join(root, "out-"+name)
		_, err := Run(ctx, Config{Paths: []string{corpus}, Out: out, Since: prev})
		if !errors.Is(err, output.ErrDamaged) || !strings.Contains(err.Error(), "claims/part-00000.parquet") {
			t.Errorf("%s part: Run = %v, want ErrDamaged naming claims/part-00000.parquet", name, err)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s part: a dataset was written", name)
		}
		os.WriteFile(part, data, 0o644)
	}
	if _, err := Run(ctx, Config{Paths: []string{corpus}, Out: filepath.Join(root, "out"), Since: prev}); err != nil {
		t.Errorf("restored dataset: %v", err)
	}
}

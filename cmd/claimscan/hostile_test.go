package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/jobs"
	"github.com/claimscan/claimscan/jobs/stage"
	"github.com/claimscan/claimscan/schema"
)

// TestHostileArticles runs the binary over two articles made to sink a
// run — 8 MB of "1 died 2 died ...", and 24 MB of words and numbers with no
// punctuation — next to an ordinary one. The ordinary article is kept, the
// run exits 3 (the other two are too_many_claims), and the process's peak
// RSS stays under 512 MB: the target (before the limits, the first
// of them alone failed the run at 3.5 GB).
func TestHostileArticles(t *testing.T) {
	root := t.TempDir()
	corpus := filepath.Join(root, "corpus")
	os.MkdirAll(corpus, 0o755)
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(corpus, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", "Around 890 civilians have been killed since April, the Syrian Observatory for Human Rights said.")
	// Every figure differs, as one repeated in the same words is a single
	// claim.
	var died strings.Builder
	for i := 1; died.Len() < 8_000_000; i++ {
		fmt.Fprintf(&died, "%d died ", i)
	}
	write("died.txt", died.String())
	words := []string{"the", "army", "said", "people", "killed", "10", "civilians", "were", "in", "town", "and", "more", "than", "300", "wounded", "police", "reported"}
	rnd := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < 24_000_000 {
		b.WriteString(words[rnd.IntN(len(words))])
		b.WriteByte(' ')
	}
	write("nopunct.txt", b.String())

	out := filepath.Join(root, "out")
	code, stderr, rss := runBinary(t, "run", "--quiet", "--workers", "2", "--max-article-bytes", "33554432", "--out", out, corpus)
	if code != exitRejected {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitRejected, stderr)
	}
	t.Logf("peak RSS %d MB", rss>>20)
	if rss == 0 || rss >= 512<<20 {
		t.Errorf("peak RSS %d MB, want under 512 MB", rss>>20)
	}
	arts, err := jobs.Load(context.Background(), out, schema.Articles)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]schema.Article{}
	for _, a := range arts {
		byID[a.ArticleID] = a
	}
	if g := byID["good.txt"]; g.Status != schema.StatusOK || g.NClaims != 1 {
		t.Errorf("good.txt: %+v", g)
	}
	for _, id := range []string{"died.txt", "nopunct.txt"} {
		a := byID[id]
		if a.Status != schema.StatusTooManyClaims || a.NClaims == 0 || a.NClaims > stage.MaxArticleClaims || !strings.Contains(a.Error, "kept") {
			t.Errorf("%s: status %s, %d claims, error %q", id, a.Status, a.NClaims, a.Error)
		}
	}
	claims, err := jobs.Load(context.Background(), out, schema.Claims)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	for _, c := range claims {
		if c.ArticleID == "good.txt" {
			n++
		}
	}
	if n != 1 || int64(len(claims)) != int64(byID["died.txt"].NClaims+byID["nopunct.txt"].NClaims)+1 {
		t.Errorf("claims: %d of good.txt, %d in all", n, len(claims))
	}
}

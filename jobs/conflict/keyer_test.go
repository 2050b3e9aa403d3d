package conflict_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/jobs/conflict"
	"github.com/claimscan/claimscan/schema"
)

// TestKeyerMatchesKeyIn checks that a Keyer, which reads a sentence once
// for consecutive claims of it, gives the keys KeyIn gives, on the claims
// of the sample corpus, with and without clusters, claims in article order
// and in reverse.
func TestKeyerMatchesKeyIn(t *testing.T) {
	var claims []schema.Claim
	var clusters []string
	for _, name := range []string{"sample/wires.jsonl", "sample/local/papers.jsonl"} {
		c := loadCorpus(t, filepath.Join(fixtures.Root(), name))
		for _, cl := range c.claims {
			claims = append(claims, cl)
			clusters = append(clusters, strings.TrimSpace(c.cluster[cl.ArticleID]))
		}
	}
	shared := 0
	for i := 1; i < len(claims); i++ {
		if claims[i].Sentence == claims[i-1].Sentence {
			shared++
		}
	}
	if len(claims) < 100 || shared < 20 {
		t.Fatalf("%d claims, %d sharing the sentence before them: too few to test", len(claims), shared)
	}
	for _, withCluster := range []bool{false, true} {
		for _, reverse := range []bool{false, true} {
			var k conflict.Keyer
			for j := range claims {
				i := j
				if reverse {
					i = len(claims) - 1 - j
				}
				cluster := ""
				if withCluster {
					cluster = clusters[i]
				}
				c := claims[i]
				if got, want := k.KeyIn(&c, cluster), conflict.KeyIn(&c, cluster); got != want {
					t.Fatalf("claim %s in %q, cluster %q: Keyer gives %q, KeyIn %q", c.ClaimID, c.Sentence, cluster, got, want)
				}
			}
		}
	}
	// Equal sentences that are different strings, and a sentence after
	// the empty one.
	var k conflict.Keyer
	for i := range claims {
		c := claims[i]
		for _, s := range []string{strings.Clone(c.Sentence), "", c.Sentence} {
			c.Sentence = s
			if got, want := k.KeyIn(&c, ""), conflict.KeyIn(&c, ""); got != want {
				t.Fatalf("claim %s in %q: Keyer gives %q, KeyIn %q", c.ClaimID, s, got, want)
			}
		}
	}
}

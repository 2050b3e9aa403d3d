package main

import (
	"fmt"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/jobs/gazetteer"
	"github.com/claimscan/claimscan/jobs/tsv"
)

// TestNewsSpellings: every spelling of news.tsv answers, in the embedded
// table, as the place it stands for (the table was written from it).
func TestNewsSpellings(t *testing.T) {
	news := newsSpellings()
	if len(news) < 20 {
		t.Fatalf("%d spellings read", len(news))
	}
	for _, sp := range news {
		got, ok := gazetteer.Lookup(sp.Name)
		want, wok := gazetteer.Lookup(sp.Place)
		if !ok || !wok || got.Key() != want.Key() {
			t.Errorf("%q: %+v (%v), want %q: %+v", sp.Name, got, ok, sp.Place, want)
		}
	}
}

// TestNewsReadme: the README's account of news.tsv is true.
func TestNewsReadme(t *testing.T) {
	origins := map[string]int{}
	n := 0
	for _, r := range tsv.Rows("news.tsv", newsTSV, newsHeader) {
		origins[r[2]]++
		n++
	}
	missing, err := fixtures.ReadmeMissing(
		fmt.Sprintf("`jobs/gazetteer/gen/news.tsv` holds %d spellings", n),
		fmt.Sprintf("(%d transliterations the development corpora use", origins[tsv.OriginCorpus]),
		fmt.Sprintf("%d newsroom conventions", origins[tsv.OriginConvention]),
	)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range missing {
		t.Errorf("README does not say %q", m)
	}
}

package source

import (
	"testing"
	"time"

	"github.com/claimscan/claimscan/schema"
)

func TestGenericName(t *testing.T) {
	for in, want := range map[string]string{
		// one police
		"police": "police", "Police": "police", "the police": "police", "what police": "police",
		"led police to": "police", "man police": "police", "police department": "police",
		"Cops": "police", "city police": "police", "local police": "police", "police officials": "police",
		// singular and plural, determiners, numbers, glued words
		"A witness": "witnesses", "witness)": "witnesses", "one witness": "witnesses",
		"the same witness": "witnesses", "year-old witness": "witnesses", "officer": "officers",
		"neighbour": "neighbors", "The officials": "officials", "that officials": "officials",
		"authorities she": "authorities", "investigators and": "investigators",
		"week investigators": "investigators", "s mother": "mother", "distraught mother": "mother",
		// synonyms
		"sources": "unnamed source", "a source": "unnamed source", "two sources": "unnamed source",
		"other sources": "unnamed source", "unnamed source": "unnamed source",
		"police sources": "police sources", "police source": "police sources",
		"the sheriff's office": "sheriff's office", "sheriff’s office": "sheriff's office",
		"sheriff": "sheriff's office", "county sheriff": "sheriff's office",
		"sheriff’s department": "sheriff's office", "the coroner's office": "coroner",
		"medical examiner’s office": "medical examiner", "enforcement officials": "law enforcement officials",
		"statement": "statement", "news release": "statement", "the written statement": "statement",
		"family member": "family members", "Family members": "family members",
		// modifiers that name another body stay
		"fire officials": "fire officials", "state police": "state police",
		"federal prosecutors": "federal prosecutors", "police spokesman": "police spokesman",
		"school officials": "school officials", "law enforcement officials": "law enforcement officials",
	} {
		got, ok := genericName(in)
		if !ok || got != want {
			t.Errorf("genericName(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"Chicago Police", "Police Chief Shelley Zimmerman", "the Observatory",
		"Syrian Observatory for Human Rights", "some guy", "news", "people", "", "the", "that they"} {
		if got, ok := genericName(in); ok || got != in {
			t.Errorf("genericName(%q) = %q, %v; want it kept", in, got, ok)
		}
	}
}

func TestAggregatorGenericSources(t *testing.T) {
	g := New()
	pub := time.Date(2016, 6, 5, 0, 0, 0, 0, time.UTC)
	a := schema.Article{ArticleID: "1", Outlet: "chicagotribune.com", Published: pub}
	g.AddArticle(&a)
	for _, src := range []string{"police", "police", "Police", "the police", "police department", "Chicago Police", "a witness", "witnesses"} {
		c := schema.Claim{ArticleID: "1", Source: src, SourceMention: src, Sentence: src + " said 3 were hurt.", Outlet: a.Outlet, Published: pub}
		g.AddClaim(&c)
	}
	got := map[string]int64{}
	for _, r := range g.Rows() {
		got[r.Name] = r.NClaims
	}
	// rows are named by their most frequent spelling: "police" (twice);
	// "witnesses" and "a witness" once each, the first in byte order
	want := map[string]int64{"police": 5, "Chicago Police": 1, "a witness": 2, "chicagotribune.com": 0}
	if len(got) != len(want) {
		t.Errorf("rows %v, want %v", got, want)
	}
	for name, n := range want {
		if got[name] != n {
			t.Errorf("%s: %d claims, want %d (rows %v)", name, got[name], n, got)
		}
	}
	if k, kk := g.ClaimRow(&a, &schema.Claim{ArticleID: "1", Source: "the police"}), g.ClaimRow(&a, &schema.Claim{ArticleID: "1", Source: "Police"}); k != kk || k != "police" {
		t.Errorf("ClaimRow of generic police: %q and %q, want both %q", k, kk, "police")
	}
}

func TestCleanMention(t *testing.T) {
	for in, want := range map[string]string{
		"that they": "", "That we": "", "what he": "", "What we": "What we", "they": "", "the police.": "the police",
		"that investigators": "investigators", "What Works Trust": "What Works Trust", " Police Chief Ken Grace, ": "Police Chief Ken Grace",
	} {
		if got := cleanMention(in); got != want {
			t.Errorf("cleanMention(%q) = %q, want %q", in, got, want)
		}
	}
}

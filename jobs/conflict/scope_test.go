package conflict

import (
	"testing"

	"github.com/claimscan/claimscan/schema"
)

// TestScopeRule: which quantity a claim counts, read from its sentence
// (my own sentences, in the forms news uses).
func TestScopeRule(t *testing.T) {
	art := ArticleContext{Year: 2013, Place: "Aceh"}
	for _, tc := range []struct {
		sentence, quote, kind, name string
	}{
		{"In 2004, a tsunami killed 230,000 people around the ocean.", "killed 230,000 people", ScopeOther, ""},
		{"The region was hit by a flood that killed 40 people last year.", "killed 40 people", ScopeOther, ""},
		{"Three people also died in another attack on a school.", "Three people also died", ScopeOther, ""},
		{"The bombing came six weeks after a massacre in another town, where a gunman killed 49 people.", "killed 49 people", ScopeOther, ""},
		{"More than 640 people have been killed since the assault began 12 days ago.", "More than 640 people have been killed", ScopeSince, ""},
		{"Twelve people were killed in Bener Meriah district, officials said.", "Twelve people were killed", ScopeArea, "Bener Meriah"},
		{"In neighbouring Central Aceh district, 10 people were killed.", "10 people were killed", ScopeArea, "Central Aceh"},
		{"Nineteen were transported to Lee Memorial Hospital.", "Nineteen were transported", ScopeHospital, "Lee Memorial"},
		// the event's own counts
		{"The quake killed at least 24 people in Aceh province on Tuesday.", "killed at least 24 people", "", ""},
		{"Four others were taken to the hospital with minor injuries.", "Four others were taken", "", ""},
		{"The quake left hundreds injured in a region devastated by the tsunami of 2004.", "hundreds injured", "", ""},
		{"Four weeks after a massacre in which six people were killed, police have a suspect.", "six people were killed", "", ""},
	} {
		c := schema.Claim{Kind: schema.KindQuantity, Predicate: "killed", Sentence: tc.sentence, Quote: tc.quote, ValueBest: schema.F(1)}
		kind, name := ScopeRule(&c, art)
		if kind != tc.kind || name != tc.name {
			t.Errorf("%q: scope %q %q, want %q %q", tc.sentence, kind, name, tc.kind, tc.name)
		}
	}
	// a background paragraph: the sentence after one that opens on
	// another time, with no time of its own
	text := "The quake struck on Tuesday. In April last year a quake struck off the coast. Five people died and seven were injured."
	c := schema.Claim{Kind: schema.KindQuantity, Predicate: "killed", Sentence: "Five people died and seven were injured.", Quote: "Five people died", ValueBest: schema.F(5)}
	if kind, _ := ScopeRule(&c, ArticleContext{Year: 2013, Text: text}); kind != ScopeOther {
		t.Errorf("background sentence: scope %q, want other", kind)
	}
	if kind, _ := ScopeRule(&c, ArticleContext{Year: 2013}); kind != "" {
		t.Errorf("without the text: scope %q, want none", kind)
	}
}

// TestScopeKeys: other events and unnamed parts are never compared, named
// parts only with the same part, running totals carry their mark.
func TestScopeKeys(t *testing.T) {
	claim := func(s, q string) schema.Claim {
		return schema.Claim{Kind: schema.KindQuantity, Predicate: "killed", Subject: "people", Sentence: s, Quote: q,
			ValueBest: schema.F(12), Location: "Aceh"}
	}
	var k Keyer
	k.SetArticle(ArticleContext{Year: 2013, Place: "Aceh"})
	other := claim("In 2004, a tsunami killed 12 people.", "killed 12 people")
	part := claim("Twelve people were killed in Bener Meriah district.", "Twelve people were killed")
	since := claim("12 people were killed since the assault began.", "12 people were killed")
	total := claim("The quake killed 12 people.", "killed 12 people")
	ko, kp, ks, kt := k.KeyIn(&other, "c"), k.KeyIn(&part, "c"), k.KeyIn(&since, "c"), k.KeyIn(&total, "c")
	if Comparable(ko) || !Comparable(kp) || kp == kt || GroupKey(ks) != kt || ks == kt {
		t.Errorf("keys: other %q part %q since %q total %q", ko, kp, ks, kt)
	}
	it := ItemOf(&schema.Claim{ClaimKey: ks})
	if !it.Since || it.Key != kt {
		t.Errorf("item of %q: %+v", ks, it)
	}
}

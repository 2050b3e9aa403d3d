package conflict

import (
	"strings"
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
		{"The number of injured was revised Saturday from eight to six.", "injured was revised Saturday from eight", ScopeOther, ""},
		{"Originally, reports said that eight teens were injured, but the bureau said that number is 10.", "eight teens were injured", ScopeOther, ""},
		{"\"We have received around 50 people with injuries,\" the doctor said.", "around 50 people with injuries", ScopeHospital, ""},
		{"At least five people were injured in Takengon, the capital of Central Aceh district, officials said.", "At least five people were injured", ScopeArea, "Central Aceh"},
		{"Some 2 million people died in the north-south civil war, waged for all but a few years since 1955.", "Some 2 million people died", ScopeOther, ""},
		{"This latest shooting comes a little over a month after a gunman killed 20 children in a school.", "killed 20 children", ScopeOther, ""},
		// the event's own counts
		{"The number of injured rose to six on Saturday.", "injured rose to six", "", ""},
		{"Five people died in the quake, which struck at dawn.", "Five people died", "", ""},
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
	// a shooting happens at one place: a count at another named town is
	// another incident, unless the opening names the town
	shooting := ArticleContext{Year: 2016, Place: "Fort Myers", Kind: KindShooting,
		Text: "Two teens were killed in a shooting at a nightclub in Fort Myers. The gunman fled."}
	for _, tc := range []struct{ sentence, quote, kind string }{
		{"Six weeks earlier, 49 people were killed in the city of Orlando.", "49 people were killed", ScopeOther},
		{"Two people were killed in the city of Fort Myers.", "Two people were killed", ""},
		{"Twelve people were hurt in the town of Cape Coral.", "Twelve people were hurt", ScopeOther},
	} {
		c := schema.Claim{Kind: schema.KindQuantity, Predicate: "killed", Sentence: tc.sentence, Quote: tc.quote, ValueBest: schema.F(1)}
		if kind, _ := ScopeRule(&c, shooting); kind != tc.kind {
			t.Errorf("shooting: %q: scope %q, want %q", tc.sentence, kind, tc.kind)
		}
	}
	// an incident at a place that is not the article's own is another
	// incident; the article's place, a place inside it, or a place its
	// opening names is the event's
	for _, tc := range []struct {
		art            ArticleContext
		sentence, kind string
	}{
		{shooting, "Police linked the gunman to a shooting in Tampa, which left two dead.", ScopeOther},
		{shooting, "Investigators said the shooting in Fort Myers left two dead.", ""},
		{ArticleContext{Year: 2016, Place: "Florida", Kind: KindShooting, Text: "A gunman opened fire at a nightclub."},
			"Investigators said the shooting in Fort Myers left two dead.", ""},
		{ArticleContext{Year: 2016, Place: "Syria", Kind: KindBombing, Text: "Jets bombed a market in Idlib province."},
			"The governor condemned the bombing of Aleppo on Monday, which left two dead.", ScopeOther},
		{ArticleContext{Year: 2016, Place: "Syria", Kind: KindBombing, Text: "Jets bombed a market in Idlib province."},
			"The governor condemned the bombing in Idlib, which left two dead.", ""},
		// a flood covers a region: only point events are read so
		{ArticleContext{Year: 2016, Place: "Florida", Kind: "flood", Text: "Floods hit the state."},
			"Officials said the flooding in Tampa left two dead.", ""},
	} {
		c := schema.Claim{Kind: schema.KindQuantity, Predicate: "killed", Sentence: tc.sentence, Quote: "left two dead", ValueBest: schema.F(2)}
		if kind, _ := ScopeRule(&c, tc.art); kind != tc.kind {
			t.Errorf("%s in %s: %q: scope %q, want %q", tc.art.Kind, tc.art.Place, tc.sentence, kind, tc.kind)
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

// TestScopeKeys: other events and unnamed subsets are never compared, named
// subsets only with the same subset, running totals carry their mark.
func TestScopeKeys(t *testing.T) {
	claim := func(s, q string) schema.Claim {
		return schema.Claim{Kind: schema.KindQuantity, Predicate: "killed", Subject: "people", Sentence: s, Quote: q,
			ValueBest: schema.F(12), Location: "Aceh"}
	}
	var k Keyer
	k.SetArticle(ArticleContext{Year: 2013, Place: "Aceh"})
	other := claim("In 2004, a tsunami killed 12 people.", "killed 12 people")
	subset := claim("Twelve people were killed in Bener Meriah district.", "Twelve people were killed")
	since := claim("12 people were killed since the assault began.", "12 people were killed")
	total := claim("The quake killed 12 people.", "killed 12 people")
	ko, kp, ks, kt := k.KeyIn(&other, "c"), k.KeyIn(&subset, "c"), k.KeyIn(&since, "c"), k.KeyIn(&total, "c")
	if Comparable(ko) || !Comparable(kp) || kp == kt || GroupKey(ks) != kt || ks == kt {
		t.Errorf("keys: other %q subset %q since %q total %q", ko, kp, ks, kt)
	}
	it := ItemOf(&schema.Claim{ClaimKey: ks})
	if !it.Since || it.Key != kt {
		t.Errorf("item of %q: %+v", ks, it)
	}
}

// TestArticleRules: the rules that read a claim against the claims of its
// article before it, as SetKeys keys an article's claims in order.
func TestArticleRules(t *testing.T) {
	type cl struct {
		pred, subj, quote, sentence string
		v                           float64
		mention                     string
	}
	keys := func(text, place, cluster string, cs ...cl) []string {
		var claims []schema.Claim
		for i, c := range cs {
			k := strings.Index(text, c.sentence)
			if k < 0 {
				t.Fatalf("%q not in the text", c.sentence)
			}
			claims = append(claims, schema.Claim{ClaimID: string(rune('a' + i)), ArticleID: "x", Kind: schema.KindQuantity,
				Predicate: c.pred, Subject: c.subj, Quote: c.quote, Sentence: c.sentence, ValueBest: schema.F(c.v),
				Bound: schema.BoundExact, SentenceIndex: int32(strings.Count(text[:k], ". ")), CharStart: int32(k + strings.Index(c.sentence, c.quote)),
				Location: place, LocationMention: c.mention, Published: day("2013-07-03")})
		}
		SetKeys(claims, text, day("2013-07-03"), cluster)
		out := make([]string, len(claims))
		for i := range claims {
			out[i] = claims[i].ClaimKey
		}
		return out
	}
	subset := func(k string) bool { return strings.Contains(k, SubsetSuffix+"|") }

	// another N two sentences after a count of the same predicate adds to it
	text := "Ten people were killed in Bener Meriah. The quake damaged 300 houses. Another two people were also reported to have been killed."
	ks := keys(text, "Aceh", "c",
		cl{"killed", "people", "Ten people were killed", "Ten people were killed in Bener Meriah.", 10, ""},
		cl{"killed", "people", "Another two people", "Another two people were also reported to have been killed.", 2, ""})
	if subset(ks[0]) || !subset(ks[1]) {
		t.Errorf("another two: keys %q", ks)
	}
	// "another 53 were wounded" after the dead is the wounded's total
	text = "The gunman killed 49 people. Another 53 were wounded."
	ks = keys(text, "Orlando", "c",
		cl{"killed", "people", "killed 49 people", "The gunman killed 49 people.", 49, ""},
		cl{"injured", "people", "Another 53 were wounded", "Another 53 were wounded.", 53, ""})
	if subset(ks[1]) {
		t.Errorf("another 53 after the dead: key %q", ks[1])
	}
	// "also" adds to a count of the same subject class
	text = "Five police officers were killed. Four Dallas police officers also died."
	ks = keys(text, "Dallas", "c",
		cl{"killed", "officers", "Five police officers were killed", "Five police officers were killed.", 5, ""},
		cl{"killed", "officers", "Four Dallas police officers also died", "Four Dallas police officers also died.", 4, ""})
	if subset(ks[0]) || !subset(ks[1]) {
		t.Errorf("also: keys %q", ks)
	}
	// the others after a count of officers are officers
	s := "The sniper killed five officers and injured seven others."
	ks = keys(s, "Dallas", "c",
		cl{"killed", "officers", "killed five officers", s, 5, ""},
		cl{"injured", "people", "injured seven others", s, 7, ""})
	if ks[1] != "injured|police|#c|event" {
		t.Errorf("seven others: key %q", ks[1])
	}
	// "six more shot" after the dead are the wounded; "nearly 40 injured"
	// beside them counts more than the gunfire's
	s = "Five people are dead, six more shot, and nearly 40 injured after a shooting at the airport."
	ks = keys(s, "Fort Lauderdale", "c",
		cl{"killed", "people", "Five people are dead", s, 5, ""},
		cl{"injured", "people", "six more shot", s, 6, ""},
		cl{"injured", "people", "nearly 40 injured", s, 40, ""})
	if ks[1] != "injured|people|#c|event" || !subset(ks[2]) {
		t.Errorf("six more shot, nearly 40 injured: keys %q", ks)
	}
	// under a cluster, a count at a country other than the article's is
	// another event
	s = "The world should not watch as it did during Rwanda, where close to a million people were massacred."
	ks = keys(s, "South Sudan", "c", cl{"killed", "people", "close to a million people were massacred", s, 1e6, "Rwanda"})
	if !strings.Contains(ks[0], OtherSuffix) {
		t.Errorf("Rwanda in a report from South Sudan: key %q", ks[0])
	}
	// without a cluster, places are looked up in the article's country:
	// "Yida" in a report from South Sudan is not Jeddah (one of whose
	// names it is)
	claims := []schema.Claim{
		{ClaimID: "a", ArticleID: "x", Kind: schema.KindQuantity, Predicate: "killed", Subject: "people", Sentence: "Twelve people were killed.",
			Quote: "Twelve people were killed", ValueBest: schema.F(12), Location: "South Sudan", Published: day("2011-11-11")},
		{ClaimID: "b", ArticleID: "x", Kind: schema.KindQuantity, Predicate: "population", Subject: "refugees", Sentence: "The camp in Yida holds 20,000 refugees.",
			Quote: "20,000 refugees", ValueBest: schema.F(20000), Location: "Yida", LocationMention: "Yida", Published: day("2011-11-11"), SentenceIndex: 1},
	}
	SetKeys(claims, "Twelve people were killed. The camp in Yida holds 20,000 refugees.", day("2011-11-11"), "")
	if k := claims[1].ClaimKey; strings.Contains(k, "=SA") || !strings.Contains(claims[0].ClaimKey, "=SS") {
		t.Errorf("Yida in a report from South Sudan: keys %q, %q", claims[0].ClaimKey, k)
	}
}

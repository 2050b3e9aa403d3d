package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/jobs/tsv"
)

// valueLists are the lists of lexicon.tsv whose rows give their words a
// value; every other list's rows have none.
var valueLists = map[string]bool{"number": true, "scale": true, "vague": true, "month": true, "weekday": true,
	"predicate": true, "subject": true, "modifier-before": true, "modifier-after": true, "currency": true}

// TestLexiconTable checks lexicon.tsv: every list is read by the package
// (none is dead data), no word twice in a list, a value exactly in the
// lists that give one, and the README's account of its size and origins
// true.
func TestLexiconTable(t *testing.T) {
	for name, rows := range lexLists {
		if !listsRead[name] {
			t.Errorf("list %s is not read by the package", name)
		}
		seen := map[string]bool{}
		for _, r := range rows {
			if seen[r.word] {
				t.Errorf("list %s: %q twice", name, r.word)
			}
			seen[r.word] = true
			if (r.value != "") != valueLists[name] {
				t.Errorf("list %s: %q has value %q", name, r.word, r.value)
			}
			if name != "boilerplate" && (r.word != strings.TrimSpace(r.word) || strings.Contains(r.word, "  ")) {
				t.Errorf("list %s: %q has stray spaces", name, r.word)
			}
		}
	}
	for name := range valueLists {
		if _, ok := lexLists[name]; !ok {
			t.Errorf("no list %s", name)
		}
	}
	origins, words := map[string]int{}, 0
	for _, r := range tsv.Rows("lexicon.tsv", lexiconTSV, lexiconHeader) {
		origins[r[3]]++
		words++
	}
	places, placeOrigins := placeTable(t)
	missing, err := fixtures.ReadmeMissing(
		fmt.Sprintf("`jobs/extract/lexicon.tsv` holds %d words in %d lists", words, len(lexLists)),
		fmt.Sprintf("(%d from public lists", origins[tsv.OriginPublicList]),
		fmt.Sprintf("%d observed in the development corpora", origins[tsv.OriginCorpus]),
		fmt.Sprintf("%d conventions", origins[tsv.OriginConvention]),
		fmt.Sprintf("`jobs/extract/places.tsv` %d place names (%d from public lists, %d observed in the development corpora, %d newsroom conventions)",
			places, placeOrigins[tsv.OriginPublicList], placeOrigins[tsv.OriginCorpus], placeOrigins[tsv.OriginConvention]),
	)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range missing {
		t.Errorf("README does not say %q", m)
	}
}

// placeTable checks places.tsv: every name once, every place a name of
// its own row; it returns the number of rows and their origins.
func placeTable(t *testing.T) (int, map[string]int) {
	names := map[string]string{}
	origins := map[string]int{}
	n := 0
	for _, r := range tsv.Rows("places.tsv", placesTSV, placesHeader) {
		n++
		origins[r[3]]++
		if _, ok := names[strings.ToLower(r[0])]; ok {
			t.Errorf("places.tsv: %q twice", r[0])
		}
		names[strings.ToLower(r[0])] = r[1]
	}
	for _, place := range names {
		if names[strings.ToLower(place)] != place {
			t.Errorf("places.tsv: %q has no row of its own", place)
		}
	}
	if len(names) != len(gazetteer) {
		t.Errorf("places.tsv: %d names, the gazetteer %d", len(names), len(gazetteer))
	}
	return n, origins
}

// TestLexiconRefuses checks that a malformed list stops the program at
// start-up rather than load wrong.
func TestLexiconRefuses(t *testing.T) {
	for _, f := range []func(){
		func() { lexList("no such list") },
		func() { lexNumber("number", "one", "1x") },
		func() { predCode("wounded") },
		func() { boundCode("about") },
		func() {
			readLexicon("list\tword\tvalue\torigin\na\tx\t\tconvention\nb\ty\t\tconvention\na\tz\t\tconvention\n")
		},
		func() { readPlaces("name\tplace\tcountry\torigin\nSyria\tSyria\tmaybe\tpublic list\n") },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("a malformed list loaded")
				}
			}()
			f()
		}()
	}
}

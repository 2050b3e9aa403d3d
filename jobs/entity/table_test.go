package entity

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/jobs/tsv"
)

// TestTables checks the embedded tables: kinds and origins known, names
// unique, and the README's account of their size and origins true.
func TestTables(t *testing.T) {
	kinds := map[string]bool{KindOutlet: true, KindNGO: true, KindIGO: true, KindGovernment: true, KindMilitary: true,
		KindMedia: true, KindPerson: true, KindGroup: true}
	origins := map[string]int{}
	names := map[string]bool{}
	rows := 0
	for _, r := range tsv.Rows("entities.tsv", entitiesTSV, entitiesHeader) {
		rows++
		if !kinds[r[1]] {
			t.Errorf("%s: kind %q", r[0], r[1])
		}
		if names[r[0]] {
			t.Errorf("%s: twice", r[0])
		}
		names[r[0]] = true
		for _, a := range aliasList(r[2]) {
			if a == "" || strings.TrimSpace(a) != a {
				t.Errorf("%s: alias %q", r[0], a)
			}
		}
		origins[r[3]]++
	}
	cs := countries()
	for _, c := range cs {
		if c.name == "" || c.adj == "" {
			t.Errorf("country %+v", c)
		}
	}
	missing, err := fixtures.ReadmeMissing(
		fmt.Sprintf("`jobs/entity/entities.tsv` holds %d organisations", rows),
		fmt.Sprintf("(%d from public lists", origins[tsv.OriginPublicList]),
		fmt.Sprintf("%d added after a development corpus", origins[tsv.OriginCorpus]),
		fmt.Sprintf("%d newsroom conventions", origins[tsv.OriginConvention]),
		fmt.Sprintf("`jobs/entity/countries.tsv` %d countries", len(cs)),
	)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range missing {
		t.Errorf("README does not say %q", m)
	}
}

package entity

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
)

// TestTables checks the embedded tables: kinds and origins known, names
// unique, and the README's account of their size and origins true.
func TestTables(t *testing.T) {
	kinds := map[string]bool{KindOutlet: true, KindNGO: true, KindIGO: true, KindGovernment: true, KindMilitary: true,
		KindMedia: true, KindPerson: true, KindGroup: true}
	origins := map[string]int{}
	names := map[string]bool{}
	rows := tsvRows("entities.tsv", entitiesTSV, "name\tkind\taliases\torigin")
	for _, r := range rows {
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
	readme, err := os.ReadFile(filepath.Join(fixtures.Root(), "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(readme)), " ")
	for _, want := range []string{
		fmt.Sprintf("`jobs/entity/entities.tsv` holds %d organisations", len(rows)),
		fmt.Sprintf("(%d from public lists", origins[OriginPublicList]),
		fmt.Sprintf("%d added after a development corpus", origins[OriginCorpus]),
		fmt.Sprintf("%d newsroom conventions", origins[OriginConvention]),
		fmt.Sprintf("`jobs/entity/countries.tsv` %d countries", len(cs)),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("README does not say %q", want)
		}
	}
}

// TestTSVRowsRefuses checks that a malformed table stops the program at
// start-up rather than load wrong.
func TestTSVRowsRefuses(t *testing.T) {
	for _, data := range []string{
		"# c\nname\tkind\n",                               // wrong header
		"name\tkind\taliases\torigin\nUN\tigo\n",          // too few columns
		"name\tkind\taliases\torigin\nUN\tigo\t\tguess\n", // unknown origin
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%q loaded", data)
				}
			}()
			tsvRows("t.tsv", data, "name\tkind\taliases\torigin")
		}()
	}
}

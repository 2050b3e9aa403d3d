package entity

import (
	_ "embed"
	"strings"

	"github.com/claimscan/claimscan/jobs/tsv"
)

// The curated tables, as data: entities.tsv (organisations, outlets,
// groups) and countries.tsv (the countries whose government, military and
// ministries addCountry makes rows of). Each file's comment lines (#) say
// what its columns hold; every row has an origin (package tsv reads them).
var (
	//go:embed entities.tsv
	entitiesTSV string
	//go:embed countries.tsv
	countriesTSV string
)

// The tables' header lines.
const (
	entitiesHeader  = "name\tkind\taliases\torigin"
	countriesHeader = "name\tadjective\tcapital\taliases\torigin"
)

// aliasList splits an aliases column; an empty one is no alias.
func aliasList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, " | ")
}

// addCurated fills the table with the rows of entities.tsv, in order.
func addCurated() {
	for _, r := range tsv.Rows("entities.tsv", entitiesTSV, entitiesHeader) {
		add(r[0], r[1], aliasList(r[2])...)
	}
}

type country struct {
	name, adj, capital string
	aliases            []string
}

// countries reads countries.tsv.
func countries() []country {
	var out []country
	for _, r := range tsv.Rows("countries.tsv", countriesTSV, countriesHeader) {
		out = append(out, country{name: r[0], adj: r[1], capital: r[2], aliases: aliasList(r[3])})
	}
	return out
}

// addCountry adds a country's government, military and main ministries.
func addCountry(c country) {
	adjs := []string{c.adj}
	names := []string{c.name}
	for _, a := range c.aliases {
		if len(a) > 0 && (a[0] >= 'A' && a[0] <= 'Z') {
			names = append(names, a)
		}
	}
	if c.name == "United States" {
		// Not "federal": Nigeria, Somalia, Germany, Iraq and Russia have
		// federal authorities too.
		adjs = append(adjs, "U.S.", "American")
	}
	if c.name == "Philippines" {
		adjs = append(adjs, "Filipino")
	}
	if c.name == "United Kingdom" {
		adjs = append(adjs, "UK")
	}
	gov := []string{}
	gov = append(gov, names...)
	for _, a := range adjs {
		gov = append(gov, a+" government", a+" authorities", a+" officials", a+" regime", a+" administration")
	}
	for _, n := range names {
		gov = append(gov, "government of "+n, n+" government", n+"'s government", n+" authorities")
	}
	if c.capital != "" {
		gov = append(gov, c.capital)
	}
	add(c.adj+" government", KindGovernment, gov...)

	mil := []string{}
	for _, a := range adjs {
		mil = append(mil, a+" army", a+" military", a+" armed forces", a+" forces", a+" troops", a+" government forces",
			a+" army command", a+" military command", a+" air force", a+" navy")
	}
	for _, n := range names {
		mil = append(mil, n+"'s army", n+"'s military", n+" army", n+" military")
	}
	add(c.adj+" military", KindMilitary, mil...)

	type ministry struct {
		canon, kind string
		forms       []string
	}
	for _, m := range []ministry{
		{"Ministry of Health", KindGovernment, []string{"health ministry", "ministry of health", "ministry of public health", "health authorities", "health officials"}},
		{"Ministry of Defence", KindMilitary, []string{"defence ministry", "defense ministry", "ministry of defence", "ministry of defense"}},
		{"Ministry of Interior", KindGovernment, []string{"interior ministry", "ministry of interior", "ministry of the interior"}},
		{"Ministry of Foreign Affairs", KindGovernment, []string{"foreign ministry", "ministry of foreign affairs", "foreign office"}},
	} {
		var forms []string
		for _, f := range m.forms {
			for _, a := range adjs {
				forms = append(forms, a+" "+f)
			}
			for _, n := range names {
				forms = append(forms, n+" "+f, n+"'s "+f, f+" of "+n, f+" in "+n)
			}
		}
		add(c.name+" "+m.canon, m.kind, forms...)
	}
}

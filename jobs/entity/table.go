package entity

import (
	_ "embed"
	"fmt"
	"strings"
)

// The curated tables, as data: entities.tsv (organisations, outlets,
// groups) and countries.tsv (the countries whose government, military and
// ministries addCountry makes rows of). Each file's comment lines (#) say
// what its columns hold; every row has an origin.
var (
	//go:embed entities.tsv
	entitiesTSV string
	//go:embed countries.tsv
	countriesTSV string
)

// Origins of a row of the tables: where its names come from.
const (
	OriginPublicList = "public list"        // the organisation's or a reference list's own names
	OriginCorpus     = "corpus observation" // added after a development corpus cited it
	OriginConvention = "convention"         // a descriptor newsrooms use for a kind of source
)

// tsvRows returns the rows of an embedded table: its lines split at tabs,
// without the comment lines (#) and the header line, which must be header.
// The tables are part of the program: a malformed one is a bug, and panics
// at start-up (the package's tests load them).
func tsvRows(file, data, header string) [][]string {
	var rows [][]string
	width := strings.Count(header, "\t") + 1
	seenHeader := false
	for n, line := range strings.Split(strings.TrimSuffix(data, "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		if !seenHeader {
			if line != header {
				panic(fmt.Sprintf("entity: %s: header %q, want %q", file, line, header))
			}
			seenHeader = true
			continue
		}
		row := strings.Split(line, "\t")
		if len(row) != width || row[0] == "" {
			panic(fmt.Sprintf("entity: %s line %d: %d columns, want %d with a name", file, n+1, len(row), width))
		}
		switch row[width-1] {
		case OriginPublicList, OriginCorpus, OriginConvention:
		default:
			panic(fmt.Sprintf("entity: %s line %d: unknown origin %q", file, n+1, row[width-1]))
		}
		rows = append(rows, row)
	}
	return rows
}

// aliasList splits an aliases column; an empty one is no alias.
func aliasList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, " | ")
}

// addCurated fills the table with the rows of entities.tsv, in order.
func addCurated() {
	for _, r := range tsvRows("entities.tsv", entitiesTSV, "name\tkind\taliases\torigin") {
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
	for _, r := range tsvRows("countries.tsv", countriesTSV, "name\tadjective\tcapital\taliases\torigin") {
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

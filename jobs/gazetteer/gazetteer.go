// Package gazetteer is a world table of places built from GeoNames
// (CC BY 4.0): the countries, their first-level divisions (states,
// provinces, governorates) and the cities of 15,000 people or more or
// that are the seat of a country or of a first- or second-level division,
// each with the alternate names written in Latin letters, plus the
// spellings that news uses for a few places GeoNames spells otherwise.
// The table is embedded compressed (world.tsv.gz, about 1.3 MB; rebuilt
// by `go run ./jobs/gazetteer/gen`, see there) and loaded once, on first
// use.
package gazetteer

import (
	"bytes"
	_ "embed"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/klauspost/compress/gzip"
	"golang.org/x/text/unicode/norm"
)

//go:embed world.tsv.gz
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
		if i, ok := t.ids[string(Region)+":"+p.Country+"."+p.Admin1]; ok {
			return t.places[i], true
		}
	}
	return Place{}, false
}

type world struct {
	places  []Place
	byName  map[string]int32   // folded name → the place it answers to by default
	cands   map[string][]int32 // folded names several places bear → all of them
	primary map[string]bool    // folded names that are some place's own name (while loading)
	ids     map[string]int32   // Key() → place
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
	return len(t.places), len(t.byName)
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
	w = &world{byName: make(map[string]int32, 300_000), ids: make(map[string]int32, 50_000),
		primary: make(map[string]bool, 50_000), cands: make(map[string][]int32, 20_000)}
	zr, err := gzip.NewReader(bytes.NewReader(worldTSV))
	if err != nil {
		panic("gazetteer: embedded table: " + err.Error())
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		panic("gazetteer: embedded table: " + err.Error())
	}
	// the names and ids share the one string of the table
	data := unsafe.String(unsafe.SliceData(raw), len(raw))
	var key []byte
	var altNames []string
	// A place's own name comes before another's alternate name
	// (Florida the state, not an alternate name of Floridablanca), unless
	// that other is a big city and the place a small one (bigAlias).
	addFolded := func(key string, i int32, own bool) {
		if len(key) == 0 {
			return
		}
		if j, ok := w.byName[key]; ok {
			if j == i {
				return
			}
			w.cands[key] = append(w.cands[key], i)
			if len(w.cands[key]) == 1 {
				w.cands[key] = []int32{j, i}
			}
			a, b := &w.places[i], &w.places[j]
			switch {
			case w.primary[key] && !own:
				if !(a.Kind == City && b.Kind == City && a.Population >= bigAlias && a.Population >= 10*b.Population) {
					return
				}
			case own == w.primary[key] && !better(a, b):
				return
			}
		}
		w.byName[key] = i
		if own {
			w.primary[key] = true
		}
	}
	add := func(name string, i int32, own bool) {
		key = Fold(key[:0], name)
		addFolded(string(key), i, own)
	}
	for data != "" {
		line, rest, _ := strings.Cut(data, "\n")
		data = rest
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.SplitN(line, "\t", 7)
		if len(f) < 7 || len(f[0]) != 1 {
			continue
		}
		pop, _ := strconv.Atoi(f[5])
		p := Place{Kind: f[0][0], ID: f[1], Name: f[2], Country: f[3], Admin1: f[4], Population: pop}
		p.key = string(p.Kind) + ":" + p.ID
		switch p.Kind {
		case Country:
			p.path = p.Country
		case Region:
			p.path = p.Country + "/" + p.Admin1
		default:
			p.path = p.Country + "/" + p.Admin1 + "/" + p.ID
		}
		i := int32(len(w.places))
		w.places = append(w.places, p)
		altNames = append(altNames, f[6])
		w.ids[p.Key()] = i
	}
	// A region's or country's population is its cities' (of the table),
	// so that of two regions with one name the larger answers.
	for _, p := range w.places {
		if p.Kind != City {
			continue
		}
		if j, ok := w.ids[string(Region)+":"+p.Country+"."+p.Admin1]; ok {
			w.places[j].Population += p.Population
		}
		if j, ok := w.ids[string(Country)+":"+p.Country]; ok {
			w.places[j].Population += p.Population
		}
	}
	for i := range w.places {
		add(w.places[i].Name, int32(i), true)
	}
	// the alternate names are stored folded
	for i, alts := range altNames {
		for alts != "" {
			a, rest, _ := strings.Cut(alts, "|")
			addFolded(a, int32(i), false)
			alts = rest
		}
	}
	w.primary = nil
	for alias, canon := range newsNames {
		if i, ok := w.byName[string(Fold(nil, canon))]; ok {
			w.byName[string(Fold(nil, alias))] = i
			delete(w.cands, string(Fold(nil, alias)))
		}
	}
}

// newsNames are spellings news uses that GeoNames lacks, and the name of
// the place they stand for.
var newsNames = map[string]string{
	"Khan Sheikhun":    "Khan Shaykhun",
	"Khan Sheikhoun":   "Khan Shaykhun",
	"Khan Sheihkoun":   "Khan Shaykhun",
	"Khan Shaikhoun":   "Khan Shaykhun",
	"Khan Sheikhoon":   "Khan Shaykhun",
	"Maarat al-Numan":  "Ma‘arrat an Nu‘mān",
	"Maaret al-Numan":  "Ma‘arrat an Nu‘mān",
	"Maarat al-Nouman": "Ma‘arrat an Nu‘mān",
	"Idleb":            "Idlib",
	"Deir Ezzor":       "Deir ez-Zor",
	"Kiev":             "Kyiv",
	"Washington DC":    "Washington, D.C.",
	"D.C.":             "Washington, D.C.",
	"Burma":            "Myanmar",
	"Britain":          "United Kingdom",
	"Great Britain":    "United Kingdom",
	"U.K.":             "United Kingdom",
	"U.S.":             "United States",
	"USA":              "United States",
	"U.S.A.":           "United States",
	"America":          "United States",
	"DR Congo":         "Democratic Republic of the Congo",
	"DRC":              "Democratic Republic of the Congo",
	"Turkey":           "Türkiye",
	"Gaza Strip":       "Palestine",
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
	i, ok := t.byName[string(k)]
	if !ok {
		return Place{}, false
	}
	cands := t.cands[string(k)]
	var a, b [96]byte
	alias := func(j int32) bool { return string(Fold(b[:0], t.places[j].Name)) != string(k) }
	if len(cands) == 0 {
		if country != "" && len(k) <= shortAlias && t.places[i].Country != country && t.places[i].Kind != Country && alias(i) {
			return Place{}, false // a short name of a place elsewhere
		}
		return t.places[i], true
	}
	best := int32(-1)
	// a place of the context country, then one written as the name is
	if country != "" {
		for _, j := range cands {
			if t.places[j].Country == country && (best < 0 || better(&t.places[j], &t.places[best])) {
				best = j
			}
		}
		if best >= 0 {
			return t.places[best], true
		}
		if len(k) <= shortAlias && t.places[i].Kind != Country && alias(i) {
			return Place{}, false
		}
	}
	form := spaced(a[:0], name)
	if alias(i) || string(spaced(b[:0], t.places[i].Name)) == string(form) {
		// an alternate name, or the place's own name as written
		return t.places[i], true
	}
	for _, j := range cands {
		if string(spaced(b[:0], t.places[j].Name)) == string(form) && (best < 0 || better(&t.places[j], &t.places[best])) {
			best = j
		}
	}
	if best >= 0 {
		return t.places[best], true
	}
	return t.places[i], true
}

// spaced appends name folded as Fold does, but with one space where it
// has spaces or hyphens between letters.
func spaced(dst []byte, name string) []byte {
	sep := false
	for _, f := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' }) {
		if sep {
			dst = append(dst, ' ')
		}
		dst = Fold(dst, f)
		sep = true
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
	if i, ok := t.ids[key]; ok {
		return t.places[i], true
	}
	return Place{}, false
}

// foldRunes folds the Latin letters that Unicode does not decompose.
var foldRunes = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d", 'ł': "l", 'þ': "th", 'ı': "i", 'ħ': "h",
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

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
	byName  map[string]int32 // folded name → place
	primary map[string]bool  // folded names that are some place's own name
	ids     map[string]int32 // Key() → place
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
// a country first; a region before a city of its own (Idlib, Lviv: the
// region holds the city); a city of 100,000 people or more before a region
// of another country (Christchurch, not Christ Church parish of Barbados);
// else a region before a city, and the larger population.
func better(a, b *Place) bool {
	if a.Kind != b.Kind {
		if a.Kind == Country || b.Kind == Country {
			return a.Kind == Country
		}
		city, region := a, b
		if a.Kind == Region {
			city, region = b, a
		}
		cityFirst := city.Country != region.Country && city.Population >= 100_000
		return cityFirst == (a == city)
	}
	return a.Population > b.Population
}

func load() {
	w = &world{byName: make(map[string]int32, 300_000), ids: make(map[string]int32, 50_000), primary: make(map[string]bool, 50_000)}
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
	// (Florida the state, not an alternate name of Floridablanca).
	addFolded := func(key string, i int32, own bool) {
		if len(key) == 0 {
			return
		}
		if j, ok := w.byName[key]; ok {
			if w.primary[key] && !own || own == w.primary[key] && !better(&w.places[i], &w.places[j]) {
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
// of several places with that name, a country, else a region, else the
// most populous city.
func Lookup(name string) (Place, bool) {
	t := table()
	var buf [64]byte
	k := Fold(buf[:0], name)
	if len(k) == 0 {
		return Place{}, false
	}
	if i, ok := t.byName[string(k)]; ok {
		return t.places[i], true
	}
	return Place{}, false
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
		for _, d := range norm.NFD.String(string(unicode.ToLower(r))) {
			if d < utf8.RuneSelf && (unicode.IsLetter(d) || unicode.IsDigit(d)) {
				dst = append(dst, byte(d))
			}
		}
	}
	return dst
}

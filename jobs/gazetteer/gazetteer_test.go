package gazetteer

import (
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestPlacesOfEveryContinent looks up places of each continent, the small
// towns of news among them, and their usual variants.
func TestPlacesOfEveryContinent(t *testing.T) {
	for _, tc := range []struct {
		name, want, country string
		kind                byte
	}{
		{"Saraqib", "Sarāqib", "SY", City},   // Asia
		{"Takengon", "Takengon", "ID", City}, // Asia, a regency seat
		{"Kolkata", "Kolkata", "IN", City},   // Asia
		{"Calcutta", "Kolkata", "IN", City},  // its old name
		{"Lviv", "Lviv", "UA", Region},       // Europe: the oblast, which holds the city
		{"Lwów", "Lviv", "UA", City},         // another spelling
		{"Khan Sheikhoun", "Khān Shaykhūn", "SY", City},
		{"Khan Shaykhun", "Khān Shaykhūn", "SY", City},
		{"Maiduguri", "Maiduguri", "NG", City},       // Africa
		{"Bamako", "Bamako", "ML", Region},           // Africa: the district, which holds the city
		{"Orlando", "Orlando", "US", City},           // North America
		{"Fort Myers", "Fort Myers", "US", City},     // North America
		{"Medellín", "Medellín", "CO", City},         // South America
		{"Medellin", "Medellín", "CO", City},         // without the accent
		{"Christchurch", "Christchurch", "NZ", City}, // Oceania
		{"Idlib", "Idlib", "SY", Region},             // a governorate before its city
		{"Aceh", "Aceh", "ID", Region},
		{"Kansas", "Kansas", "US", Region},
		{"Kansas City", "Kansas City", "US", City},
		{"Mexico", "Mexico", "MX", Country},
		{"Mexico City", "Mexico City", "MX", Region},
		{"Syria", "Syria", "SY", Country},
		{"Burma", "Myanmar", "MM", Country},
	} {
		p, ok := Lookup(tc.name)
		if !ok || p.Name != tc.want || p.Country != tc.country || p.Kind != tc.kind {
			t.Errorf("Lookup(%q) = %+v %v, want %s (%c) in %s", tc.name, p, ok, tc.want, tc.kind, tc.country)
		}
	}
	for _, name := range []string{"Burn", "Narnia", ""} {
		if p, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) = %+v, want none", name, p)
		}
	}
	places, names := Size()
	if places < 40000 || names < places {
		t.Errorf("%d places, %d names: the table is not loaded whole", places, names)
	}
}

func TestWithin(t *testing.T) {
	look := func(n string) Place {
		p, ok := Lookup(n)
		if !ok {
			t.Fatalf("%s not found", n)
		}
		return p
	}
	takengon, aceh, indonesia, orlando, fortMyers := look("Takengon"), look("Aceh"), look("Indonesia"), look("Orlando"), look("Fort Myers")
	if !takengon.Within(aceh) || !takengon.Within(indonesia) || !aceh.Within(indonesia) || !aceh.Within(aceh) {
		t.Error("Takengon, Aceh and Indonesia do not nest")
	}
	if aceh.Within(takengon) || orlando.Within(fortMyers) || fortMyers.Within(orlando) {
		t.Error("places nest that do not")
	}
	if r, ok := takengon.Region(); !ok || r.Name != "Aceh" {
		t.Errorf("Takengon's region %+v %v, want Aceh", r, ok)
	}
}

func TestNested(t *testing.T) {
	kc, _ := Lookup("Kansas City")
	ks, _ := Lookup("Kansas")
	us, _ := Lookup("United States")
	if Nested(kc.Path(), ks.Path()) || !Nested(kc.Path(), us.Path()) || !Nested(ks.Path(), ks.Path()) {
		t.Errorf("paths %q %q %q", kc.Path(), ks.Path(), us.Path())
	}
	if Nested("SY/1", "SY/12") {
		t.Error("SY/1 holds SY/12")
	}
}

// TestLookupAmbiguous: of the places a name stands for, the one news
// means: a big city before a small town's own name, a state before a town
// abroad, the spelling written, the article's country; a short
// transliteration of a place abroad is not taken in a country's context.
func TestLookupAmbiguous(t *testing.T) {
	for _, tc := range []struct {
		name, country string
		want, wantIn  string
		kind          byte
		found         bool
	}{
		{"Sana", "", "Sanaa", "YE", City, true},          // not Saña, Peru
		{"Virginia", "", "Virginia", "US", Region, true}, // not the South African town
		{"Christchurch", "", "Christchurch", "NZ", City, true},
		{"Christ Church", "", "Christ Church", "BB", Region, true},
		{"Georgia", "", "Georgia", "GE", Country, true},
		{"Georgia", "US", "Georgia", "US", Region, true}, // in a report from the United States
		{"Sana", "PE", "Saña", "PE", City, true},
		{"Yida", "", "Jeddah", "SA", City, true}, // one of Jeddah's names ...
		{"Yida", "SS", "", "", 0, false},         // ... not in a report from South Sudan
		{"Calcutta", "GB", "Kolkata", "IN", City, true},
		{"Dar'a", "", "Dar‘ā", "SY", City, true},
	} {
		p, ok := LookupIn(tc.name, tc.country)
		if ok != tc.found || ok && (p.Name != tc.want || p.Country != tc.wantIn || p.Kind != tc.kind) {
			t.Errorf("LookupIn(%q, %q) = %s %s %c %v, want %s %s %c %v", tc.name, tc.country, p.Name, p.Country, p.Kind, ok, tc.want, tc.wantIn, tc.kind, tc.found)
		}
	}
}

// TestIsWord: place names that are common English words are marked.
func TestIsWord(t *testing.T) {
	for name, want := range map[string]bool{"Mobile": true, "Reading": true, "Man": true, "Orlando": false, "Saraqib": false, "Kolkata": false} {
		if got := IsWord(name); got != want {
			t.Errorf("IsWord(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestWriteTable: the generator's table, read back, ranks the places of a
// name as Lookup does (a region before a city of its own country, an own
// name before another place's alternate name, a big city's alternate name
// before a small town's own) and is the same bytes for the same sources.
func TestWriteTable(t *testing.T) {
	srcs := []Source{
		{Place: Place{Kind: Country, ID: "SY", Name: "Syria", Country: "SY"}},
		{Place: Place{Kind: Region, ID: "SY.12", Name: "Idlib", Country: "SY", Admin1: "12"}},
		{Place: Place{Kind: City, ID: "1", Name: "Idlib", Country: "SY", Admin1: "12", Population: 165000}, Alternates: []string{"Edleb"}},
		{Place: Place{Kind: City, ID: "2", Name: "Saña", Country: "PE", Admin1: "14", Population: 39000}},
		{Place: Place{Kind: City, ID: "3", Name: "Sanaa", Country: "YE", Admin1: "16", Population: 1900000}, Alternates: []string{"Sana", "Sana'a"}},
	}
	var a, b strings.Builder
	if err := WriteTable(&a, srcs, nil, func(k string) bool { return k == "sana" }); err != nil {
		t.Fatal(err)
	}
	if err := WriteTable(&b, srcs, nil, func(k string) bool { return k == "sana" }); err != nil || a.String() != b.String() {
		t.Fatal("two writes of one table differ")
	}
	tab, err := parseTable(a.String())
	if err != nil {
		t.Fatal(err)
	}
	first := func(name string) (Place, string) {
		list := tab.find(Fold(nil, name))
		ids, _, _ := strings.Cut(list, "\t")
		f, _, _ := strings.Cut(ids, ",")
		i, _ := strconv.Atoi(f)
		return tab.places[i], list
	}
	if p, _ := first("Idlib"); p.Kind != Region {
		t.Errorf("Idlib: %+v, want the governorate", p)
	}
	if p, _ := first("Edleb"); p.ID != "1" {
		t.Errorf("Edleb: %+v, want the city", p)
	}
	if p, list := first("Sana"); p.ID != "3" || !strings.HasSuffix(list, "\tw") {
		t.Errorf("Sana: %+v (%q), want Sanaa, marked a word", p, list)
	}
	if r, ok := tab.regions["SY.12"]; !ok || tab.places[r].Population != 165000 {
		t.Errorf("the region's population is not its cities'")
	}
	if tab.find(Fold(nil, "Narnia")) != "" {
		t.Error("a name the table lacks is found")
	}
}

// BenchmarkLoad: reading the embedded table, as a run does once.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		once = sync.Once{}
		table()
	}
}

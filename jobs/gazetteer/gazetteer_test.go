package gazetteer

import "testing"

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

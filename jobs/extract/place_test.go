package extract

import (
	"testing"
	"time"
)

// TestWorldPlaces: places the extractor's own list lacks get their
// location from the world gazetteer, on every continent, in the spelling
// of GeoNames; common words, names of people and things, languages and
// short names of places abroad do not.
func TestWorldPlaces(t *testing.T) {
	rows := []struct{ in, loc string }{
		{"Five civilians were killed in Saraqib on Monday.", "Saraqib"},                // Asia
		{"At least five people were injured in Takengon, officials said.", "Takengon"}, // Asia
		{"Twelve people were killed in a fire in Kolkata on Sunday.", "Kolkata"},       // Asia
		{"Eleven people were killed near Calcutta.", "Kolkata"},                        // its old name
		{"Seven people were killed in Lviv on Tuesday.", "Lviv"},                       // Europe
		{"Three people were killed in Maiduguri, police said.", "Maiduguri"},           // Africa
		{"Two people were shot in Ft. Myers early Monday.", "Fort Myers"},              // North America
		{"Two people were shot in St. Louis early Monday.", "St. Louis"},               // as GeoNames writes it
		{"Four people were killed in Medellín on Friday.", "Medellin"},                 // South America
		{"Six people were injured in Christchurch on Friday.", "Christchurch"},         // Oceania
		{"Two people were shot in Mobile on Friday.", "Mobile"},                        // a common word, after "in"
		{"Two people died in Clay County on Friday.", "Clay County"},                   // a county, as written
		{"He told him in Spanish that 4 people were hurt.", ""},                        // a language
		{"Four officers were shot as Jackson fired at them, police said.", ""},         // a person
		{"Esteban Santiago killed five people, police said.", ""},                      // a person
		{"The 10,000 refugees of the Yida camp fled, the UN said.", ""},                // not Jeddah
		{"Two people were shot near Beach 22nd Street, police said.", ""},              // a street
	}
	for _, r := range rows {
		qs := quantities(run(t, r.in, time.Time{}))
		if len(qs) == 0 {
			t.Errorf("%q: no claim", r.in)
			continue
		}
		if c := qs[0]; c.Location != r.loc {
			t.Errorf("%q: location %q (%q), want %q", r.in, c.Location, c.LocationMention, r.loc)
		}
	}
	// the title names the place in several words
	res := Extract(Article{ID: "t", Title: "Fort Lauderdale shooting victims had minds on family", Text: "Five people were killed on Friday."})
	if qs := quantities(res); len(qs) == 0 || qs[0].Location != "Fort Lauderdale" {
		t.Errorf("title place: %+v", qs)
	}
}

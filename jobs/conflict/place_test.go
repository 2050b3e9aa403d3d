package conflict

import "testing"

// TestPlaceKeyVariants: the spellings of one place meet, through the
// world gazetteer's alternate names, the news spellings it adds, and the
// consonant skeleton of names it lacks. Transliterations that GeoNames
// lacks and that change consonants (Edlib, Mawsil, Takrit) do not meet.
func TestPlaceKeyVariants(t *testing.T) {
	sets := [][]string{
		{"Khan Sheikhun", "Khan Sheikhoun", "Khan Sheihkoun", "Khan Shaykhun", "KHAN SHEIKHUN", "Khan-Sheikhoun", "the town of Khan Sheikhun"},
		{"Aleppo", "Halab", "Alep", "aleppo"},
		{"Kyiv", "Kiev", "Київ", "Киев"},
		{"Gaza", "Ghazza"},
		{"Muhammad", "Mohammed", "Mohamed", "Muhammed", "Mohammad"},
		{"Benghazi", "Banghazi"},
		{"Idlib", "Idleb", "Idlib province", "southern Idlib", "Idlib governorate"},
		{"Homs", "Hims"},
		{"Hama", "Hamah"},
		{"Raqqa", "Raqqah", "ar-Raqqa", "Ar Raqqah", "Rakka", "al-Raqqa"},
		{"Daraa", "Deraa", "Dar'a", "Dara’a", "Der'a"},
		{"Deir ez-Zor", "Deir al-Zour", "Dayr az-Zawr", "Deir el-Zor"},
		{"Ma'arrat al-Nu'man", "Maarat al-Numan", "Maarat an-Numan", "Ma`arrat an-Nu`man"},
		{"Ras al-Ain", "Ras el-Ayn"},
		{"Qamishli", "Al-Qamishli", "Kamishli", "Qamishlo"},
		{"Hasakah", "Al-Hasakah", "Hasakeh", "Hassakeh"},
		{"Beirut", "Bayrut", "Beyrouth"},
		{"Tehran", "Teheran"},
		{"Kharkiv", "Kharkov", "Харків"},
		{"Zaporizhzhia", "Zaporozhye"},
		{"Odesa", "Odessa"},
		{"Sanaa", "Sana'a"},
		{"Mogadishu", "Muqdisho"},
		{"Damascus", "Dimashq"},
		{"São Paulo", "Sao Paulo"},
		{"Zürich", "Zurich"},
		{"Łódź", "Lodz"},
		{"Fallujah", "Falluja", "Fallouja"},
		{"Kandahar", "Qandahar"},
	}
	for _, set := range sets {
		want := PlaceKey(set[0])
		if want == "" {
			t.Errorf("PlaceKey(%q) is empty", set[0])
		}
		for _, v := range set[1:] {
			if got := PlaceKey(v); got != want {
				t.Errorf("PlaceKey(%q) = %q, want %q as for %q", v, got, want, set[0])
			}
		}
	}
}

func TestPlaceKeyDistinct(t *testing.T) {
	pairs := [][2]string{
		{"Hama", "Homs"}, {"Idlib", "Aleppo"}, {"Raqqa", "Daraa"}, {"Gaza", "Giza"},
		{"Iran", "Iraq"}, {"Iran", "Oran"}, {"Oman", "Amman"}, {"Niger", "Nigeria"},
		{"Sudan", "South Sudan"}, {"Ireland", "Northern Ireland"}, {"Mali", "Male"},
		{"Austria", "Australia"}, {"Georgia", "Gorgan"}, {"Hama", "Hamas"},
		// consonant skeletons met here before the world gazetteer (#14)
		{"Kansas City", "Kansas"}, {"Mexico City", "Mexico"}, {"Cuba", "Kobe"}, {"Mecca", "Macau"},
		{"Dallas", "Dulles"}, {"Sanaa", "Siena"}, {"Bern", "Burn"},
	}
	for _, p := range pairs {
		if a, b := PlaceKey(p[0]), PlaceKey(p[1]); a == b {
			t.Errorf("PlaceKey(%q) == PlaceKey(%q) == %q", p[0], p[1], a)
		}
	}
	// Places that appear in the same stories must all get distinct keys.
	places := []string{
		"Damascus", "Aleppo", "Homs", "Hama", "Latakia", "Tartus", "Idlib", "Raqqa",
		"Deir ez-Zor", "Hasakah", "Daraa", "Suwayda", "Quneitra", "Qamishli", "Afrin",
		"Manbij", "Kobani", "Palmyra", "Douma", "Ghouta", "Khan Sheikhun", "Morek",
		"Latamneh", "Kafr Zeita", "Saraqib", "Jisr al-Shughur", "Baghdad", "Mosul",
		"Basra", "Kirkuk", "Erbil", "Fallujah", "Ramadi", "Tikrit", "Najaf", "Karbala",
		"Gaza", "Rafah", "Khan Younis", "Jabalia", "Jerusalem", "Hebron", "Nablus",
		"Jenin", "Ramallah", "Beirut", "Tripoli", "Sidon", "Tyre", "Kabul", "Kandahar",
		"Herat", "Kunduz", "Kyiv", "Kharkiv", "Odesa", "Lviv", "Donetsk", "Luhansk",
		"Mariupol", "Bakhmut", "Kherson", "Sanaa", "Aden", "Taiz", "Hodeidah", "Marib",
		"Benghazi", "Misrata", "Sirte", "Derna", "Cairo", "Alexandria", "Khartoum",
		"Omdurman", "El Fasher", "Mogadishu", "Nairobi", "Lagos", "Abuja", "Maiduguri",
		"Syria", "Iraq", "Iran", "Israel", "Lebanon", "Jordan", "Turkey", "Yemen",
		"Libya", "Egypt", "Sudan", "Ukraine", "Russia", "Afghanistan", "Pakistan",
		"Chicago", "Houston", "Dallas", "Detroit", "Memphis", "Baltimore", "Oakland",
		"Ardmore", "Tishomingo",
	}
	seen := map[string]string{}
	for _, p := range places {
		k := PlaceKey(p)
		if other, ok := seen[k]; ok {
			t.Errorf("PlaceKey(%q) == PlaceKey(%q) == %q", p, other, k)
		}
		seen[k] = p
	}
}

func TestPlaceKeyEdges(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"  -- ", ""},
		{"the", "ta"},          // a particle alone is kept
		{"al", "al"},           // likewise
		{"Route 66", "rata66"}, // digits are kept, not collapsed
		{"Route 6", "rata6"},
	} {
		if got := PlaceKey(tc.in); got != tc.want {
			t.Errorf("PlaceKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func BenchmarkPlaceKey(b *testing.B) {
	names := []string{"Khan Sheikhoun", "the Idlib province town of Khan Sheikhun", "Deir ez-Zor", "Київ"}
	for i := 0; b.Loop(); i++ {
		PlaceKey(names[i%len(names)])
	}
}

package extract

import (
	_ "embed"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	world "github.com/claimscan/claimscan/jobs/gazetteer"
	"github.com/claimscan/claimscan/jobs/tsv"
	"golang.org/x/text/unicode/norm"
)

// The extractor's own place list is data: places.tsv holds one name a
// row, with the canonical name it stands for, whether that is a country
// and the name's origin (see the file's comment lines). It is read once,
// when the package's variables are initialised, before the lexicon
// (built in an init function) flags the place words.
//
//go:embed places.tsv
var placesTSV string

// placesHeader is places.tsv's header line.
const placesHeader = "name\tplace\tcountry\torigin"

// gazetteer maps lower-case place names (as written, hyphens and spaces
// kept) to a canonical spelling; countryNames holds the canonical names
// of its countries, as a town is not rolled up to its country as it is to
// its province; placeFirst the first words of its names of several words,
// so a scan only tries longer keys when they can match. It covers
// countries, US states, regions and cities that recur in news about
// conflicts and disasters; other places are found by position ("in
// Ardmore", "the town of Morek").
var gazetteer, countryNames, placeFirst = readPlaces(placesTSV)

// readPlaces reads a table in places.tsv's form.
func readPlaces(data string) (gaz map[string]string, countries, first map[string]bool) {
	gaz, countries, first = make(map[string]string, 600), make(map[string]bool, 200), make(map[string]bool, 100)
	for _, r := range tsv.Rows("places.tsv", data, placesHeader) {
		k := strings.ToLower(r[0])
		gaz[k] = r[1]
		if f, _, ok := strings.Cut(k, " "); ok {
			first[f] = true
		}
		switch r[2] {
		case "yes":
			countries[r[1]] = true
		case "no":
		default:
			panic("extract: places.tsv: " + r[0] + ": country " + strconv.Quote(r[2]))
		}
	}
	return gaz, countries, first
}

// placeAt reads a place mention starting at token i: a gazetteer name of
// one to four words. It returns the end token and the canonical name.
func (p *numParser) placeAt(i int) (int, string, bool) {
	t := &p.toks[i]
	if t.kind != tkWord || !t.upper || t.e-t.s < 2 || t.flags()&fPlace == 0 || t.flags()&(fDet|fPrep|fVerbish|fMonth|fWeekday|fCue|fNumWord) != 0 && t.flags()&fPlaceNoun == 0 {
		return 0, "", false
	}
	w := p.w(i)
	// By lexicon index when the word is its key as written (not a curly
	// apostrophe's straight spelling).
	exact := len(lexKeys[t.li]) == int(t.e-t.s)
	if exact && placeFirstIn[t.li] || !exact && placeFirst[w] {
		for k := min(len(p.toks), i+5); k > i+1; k-- {
			last := p.toks[k-1]
			if last.kind != tkWord {
				continue
			}
			if c, ok := gazetteer[p.low[t.s:last.e]]; ok {
				return k, c, true
			}
		}
	}
	var c string
	var ok bool
	if exact {
		c = gazByIndex[t.li]
		ok = c != ""
	} else {
		c, ok = gazetteer[w]
	}
	if ok {
		// "US" and "America" as adjectives of organisations are still places here;
		// skip acronyms that are also words ("US" as "us" cannot reach: upper required).
		if (w == "us" || w == "uk") && !t.caps {
			return 0, "", false
		}
		return i + 1, c, true
	}
	return 0, "", false
}

// locativeBefore reports whether the place at token k follows a locative
// preposition, possibly through "the" and direction words.
func (p *numParser) locativeBefore(k int) bool { return p.locativeWithin(k, true) }

// locativeWithin is locativeBefore, with "from", "into" and "of" only when
// loose is set: a name of the world gazetteer counts only after a
// preposition that says where ("in Saraqib", "near Takengon"; not "the
// campaign of Bush").
func (p *numParser) locativeWithin(k int, loose bool) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if p.toks[j].kind != tkWord {
			if p.isDashTok(j) && !p.toks[j].space {
				continue // "rebel-held"
			}
			return false
		}
		switch p.w(j) {
		case "in", "at", "near", "across", "throughout", "inside", "outside", "around", "within":
			return true
		case "from", "into", "of":
			return loose
		case "the", "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
			"northwestern", "northeastern", "southwestern", "southeastern", "northwest", "northeast", "southwest",
			"southeast", "neighbouring", "neighboring", "rural", "greater", "downtown", "held", "rebel", "war-torn", "nearby":
			continue
		}
		return false
	}
	return false
}

// nameAfter reads a capitalized name (up to five words, with inner "al-",
// "de", "of" particles) at i, for "in Ardmore" and "the town of Morek".
func (p *numParser) nameAfter(i, lim int) (int, bool) {
	j := i
	for j < lim && j < i+6 {
		t := p.toks[j]
		if t.kind == tkWord && t.upper && t.flags()&(fMonth|fWeekday) == 0 {
			j++
			continue
		}
		if j > i && t.kind == tkPunct && isDash(p.text[t.s:t.e]) && !t.space && j+1 < lim && !p.toks[j+1].space {
			j++
			continue
		}
		if j > i && t.kind == tkWord && (p.w(j) == "al" || p.w(j) == "el" || p.w(j) == "de" || p.w(j) == "ez") && j+1 < lim {
			j++
			continue
		}
		break
	}
	// Not an organisation, a venue or a person: "Ardmore Police", "Gary Methodist Hospital".
	for k := i; k < j; k++ {
		if p.toks[k].flags()&(fSourceNoun|fTitle|fCue) != 0 && p.toks[k].flags()&fPlaceNoun == 0 || p.inSet(k, venueWords) {
			return 0, false
		}
	}
	for j > i && (p.toks[j-1].kind != tkWord || !p.toks[j-1].upper) {
		j--
	}
	return j, j > i
}

// personBefore reports whether the word at i follows a capitalized word
// that no lexicon knows, as a surname follows a given name ("Esteban
// Santiago", "Henry Jackson").
func (p *numParser) personBefore(i int) bool {
	return i > 0 && p.toks[i-1].kind == tkWord && p.toks[i-1].upper && p.toks[i-1].li < 0 && !p.toks[i-1].caps && p.toks[i].space
}

// worldMaxWords is the longest place name, in words, read in the world
// gazetteer.
const worldMaxWords = 4

// worldAt reads, at token i, a place of the world gazetteer
// (jobs/gazetteer, GeoNames) that the extractor's own list lacks: one to
// four capitalized words ("Saraqib", "Takengon", "Fort Myers", "Virginia
// Beach"), the longest name first. It returns the end token, the place's
// name in Latin letters without diacritics ("Khan Yunis") and whether one
// was found. Guards keep common words and names of people and things out:
// no word of the extractor's lexicon other than a place word (months,
// titles, cues, "Police"), no word of one or two letters, not a word
// after another capitalized name that is no place ("Esteban Santiago"),
// not before one ("Orlando Regional Medical Center"), and a name that is
// also a common English word ("Mobile", "Man") only when locative says
// that a preposition of place is before it ("in Mobile").
func (p *numParser) worldAt(i int, locative bool) (int, string, bool) {
	end, name, _, ok := p.worldPlace(i, locative)
	return end, name, ok
}

// worldPlace is worldAt, with the kind of place found (a country, a
// region, a city: gazetteer.Country, ...).
func (p *numParser) worldPlace(i int, locative bool) (int, string, byte, bool) {
	t := &p.toks[i]
	if t.kind != tkWord || !t.upper {
		return 0, "", 0, false
	}
	if p.personBefore(i) {
		return 0, "", 0, false // a person's name: "Esteban Santiago"
	}
	// "Ft. Myers", "St. Petersburg", "Mt. Pleasant"
	abbr, first := "", i
	if i+2 < len(p.toks) && p.isPunct(i+1, ".") && p.toks[i+2].kind == tkWord && p.toks[i+2].upper {
		abbr = placeAbbrevs[p.w(i)]
		if abbr != "" {
			first = i + 2
		}
	}
	if abbr == "" && (t.e-t.s < 3 || t.caps || t.li >= 0 && t.flags()&fPlace == 0) {
		return 0, "", 0, false // a short word, an acronym ("AMD"), a word of the lexicon
	}
	// the words of the name: capitalized words joined by spaces or hyphens
	end := first + 1
	for end < len(p.toks) && end < i+worldMaxWords*2 {
		k := end
		if p.isDashTok(k) && !p.toks[k].space && k+1 < len(p.toks) && !p.toks[k+1].space {
			k++
		}
		u := &p.toks[k]
		if u.kind != tkWord || !u.upper || u.li >= 0 && u.flags()&(fPlace|fPlaceNoun) == 0 {
			break
		}
		end = k + 1
	}
	for ; end > first; end-- {
		last := &p.toks[end-1]
		if last.kind != tkWord {
			continue
		}
		if end > first+1 && p.toks[end-1].flags()&fPlaceNoun != 0 {
			continue // "Idlib Province": the province noun is read by the callers
		}
		name := p.text[t.s:last.e] // "St. Louis" as GeoNames writes it
		pl, ok := world.LookupIn(name, p.country)
		if !ok && abbr != "" {
			name = abbr + " " + p.text[p.toks[first].s:last.e] // "Fort Myers"
			pl, ok = world.LookupIn(name, p.country)
		}
		if !ok {
			continue
		}
		if end < len(p.toks) && p.toks[end].kind == tkWord && p.toks[end].upper {
			// part of a longer name ("Orlando Regional Medical Center"),
			// or a county or province named after the town ("Clay
			// County"), which the callers read as written
			return 0, "", 0, false
		}
		if end == first+1 && abbr == "" && last.e-last.s < 4 {
			return 0, "", 0, false // one word of three letters: "Ore.", "Ati"
		}
		if end < len(p.toks) && p.isPunct(end, ".") && end+1 < len(p.toks) && !p.toks[end+1].space {
			return 0, "", 0, false // an abbreviation: "Ore."
		}
		if !locative && world.IsWord(name) {
			return 0, "", 0, false
		}
		if end < len(p.toks) && p.isPunct(end, "'") || end+1 < len(p.toks) && p.isPunct(end, "’") {
			return 0, "", 0, false // a person's: "Obama's"
		}
		if end == first+1 && abbr == "" {
			// one word: not another place's alternate name (see
			// aliasFits), nor a word before a number or a venue ("Beach
			// 22nd Street", "the Estelle prison")
			if !aliasFits(pl, name) {
				return 0, "", 0, false
			}
			if end < len(p.toks) && (p.toks[end].kind == tkNum || p.toks[end].kind == tkWord && p.inSet(end, venueWords)) {
				return 0, "", 0, false
			}
		}
		if p.country == "" {
			p.country = pl.Country // the article's country, for the next names
		}
		return end, latinName(pl.Name), pl.Kind, true
	}
	return 0, "", 0, false
}

// aliasFits reports whether one word may name the place pl: its own
// name, or an alternate name of a big city that begins as its own name
// does ("Calcutta" for Kolkata; not "Lewis" for the Isle of Lewis, "Turk"
// for Angren, "Yida" for Jeddah).
func aliasFits(pl world.Place, name string) bool {
	var a, b [64]byte
	own, as := world.Fold(a[:0], pl.Name), world.Fold(b[:0], name)
	if string(own) == string(as) {
		return true
	}
	return pl.Population >= 1_000_000 && len(own) > 0 && len(as) > 0 && initial(own[0]) == initial(as[0])
}

// initial is the sound class of a name's first letter: c, k and q alike.
func initial(c byte) byte {
	if c == 'c' || c == 'q' {
		return 'k'
	}
	return c
}

// placeAbbrevs are the abbreviations that begin place names, and what they
// stand for.
var placeAbbrevs = map[string]string{"ft": "Fort", "st": "Saint", "mt": "Mount"}

// worldName returns the world gazetteer's name in Latin letters for a
// place named as written (a dateline, a name read after "in"), or false.
func (p *numParser) worldName(name string) (string, bool) {
	// A name with a lower-case ASCII letter is no acronym: most names, told
	// without building their upper-case copy.
	if len(name) < 4 || noLowerASCII(name) && strings.ToUpper(name) == name {
		return "", false // "Co.", an acronym
	}
	if pl, ok := world.LookupIn(name, p.country); ok && (strings.ContainsAny(name, " -") || aliasFits(pl, name)) {
		return latinName(pl.Name), true
	}
	return "", false
}

// latinName writes a GeoNames name without diacritics and the letters of
// transliteration ("Khān Yūnis" → "Khan Yunis", "Ma‘arrat an Nu‘mān" →
// "Ma'arrat an Nu'man").
func latinName(name string) string {
	ascii := true
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return name
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '‘' || r == '’' || r == 'ʻ' || r == 'ʼ' || r == 'ʿ' || r == 'ʾ':
			b.WriteByte('\'')
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		default:
			if f, ok := world.LatinLetter(unicode.ToLower(r)); ok {
				if unicode.IsUpper(r) {
					f = strings.ToUpper(f[:1]) + f[1:]
				}
				b.WriteString(f)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// demonym reports a word that names a people or a language rather than a
// place ("in Spanish", "in English", "in Arabic"), for a name read after
// "in" that no gazetteer holds.
func demonym(w string) bool {
	for _, suf := range [...]string{"ish", "ese", "ian", "ic"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// worldHolds reports whether tokens [k, e) are a name the world gazetteer
// holds.
func (p *numParser) worldHolds(k, e int) bool {
	end, _, ok := p.worldAt(k, true)
	return ok && end == e
}

// actorAt reports whether the place that ends before token end is an
// actor's possessive: "Israel's assault", "Gaza's health ministry" (a
// lower-case word that is no place noun after "'s"), not a place's
// ("Chicago's South Side", "Indonesia's Aceh province").
func (p *numParser) actorAt(end int) bool {
	k := end
	switch {
	case p.possessiveAt(end) == end-1:
		k = end + 1
	case end+1 < len(p.toks) && p.possessiveAt(end+1) == end-1:
		k = end + 2
	default:
		return false
	}
	return k < len(p.toks) && p.toks[k].kind == tkWord && !p.toks[k].upper && p.fl(k)&fPlaceNoun == 0 && !p.inSet(k, directionWords)
}

// actorAfter is actorAt on text that starts with the possessive "'s ".
func actorAfter(rest string) bool {
	_, rest, _ = strings.Cut(rest, " ")
	rest = strings.TrimLeft(rest, " ")
	if rest == "" || rest[0] < 'a' || rest[0] > 'z' {
		return false
	}
	w := rest
	if i := strings.IndexAny(w, " ,.;:"); i >= 0 {
		w = w[:i]
	}
	return !regionNouns.m[w] && !directionWords.m[w] && w != "city" && w != "town" && w != "capital"
}

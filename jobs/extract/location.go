package extract

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/claimscan/claimscan/schema"
)

// Where a claim happened: a place in its clause, else the article's main
// place (the first place its lead names as a location, else its title's,
// else the most mentioned), read by token or, in sentences not tokenized,
// by a byte scan of the gazetteer's names.

// locate sets the claim's location from a place named in tokens [s, e),
// nearest to token at; else it is left for the article's main place.
func (x *analyzer) locate(c *schema.Claim, s, e, at int) {
	p := &x.p
	bestD := 1 << 30
	name, ms, me := "", -1, -1
	consider := func(k, end int, canon string) {
		d := k - at
		if d < 0 {
			d = -d
		}
		if d < bestD {
			bestD, name, ms, me = d, canon, k, end
		}
	}
	x.placesIn(s, e, true, consider)
	if name == "" && s >= 1 && p.isPunct(s, ",") && p.isWord(s+1, "where") {
		s++ // the clause starts at its comma
	}
	if name == "" && s >= 2 && p.isWord(s, "where") && p.isPunct(s-1, ",") {
		// "..., the region of Idlib, where ...": the place just before.
		cs, _ := x.clauseBounds(s - 2)
		x.placesIn(cs, s-1, false, func(k, end int, canon string) {
			if k > ms {
				name, ms, me = canon, k, end
			}
		})
	}
	if name == "" {
		return // fillMainPlace gives it the article's main place
	}
	c.Location = name
	c.LocationMention = x.text[p.toks[ms].s:p.toks[me-1].e]
}

// placesIn calls f for each place mention in tokens [s, e). With
// locative set, a gazetteer name counts only where it names where something
// happened: after in/at/near/across (and direction words: "in southern
// Idlib") or before a place noun ("Idlib province"); "agreed by Russia"
// does not.
func (x *analyzer) placesIn(s, e int, locative bool, f func(k, end int, canon string)) {
	p := &x.p
	for k := s; k < e; k++ {
		t := &p.toks[k]
		if t.kind != tkWord || !t.upper && t.flags()&(fPlace|fPrep|fPlaceNoun) == 0 {
			continue
		}
		if t.upper {
			end, canon, ok := p.placeAt(k)
			if !ok {
				// a place of the world gazetteer: where a preposition
				// of place says it is one, also a common word ("in
				// Mobile"); elsewhere a name of several words ("Fort
				// Lauderdale shooting victims"): one word alone is as
				// often a person's ("Jackson began shooting")
				if p.locativeWithin(k, false) && !p.isWord(k-1, "at") {
					end, canon, ok = p.worldAt(k, true)
				} else if k+1 < len(p.toks) && (p.toks[k+1].upper || p.isDashTok(k+1) && k+2 < len(p.toks) && p.toks[k+2].upper) {
					if end, canon, ok = p.worldAt(k, false); ok && end == k+1 {
						ok = false
					}
				}
			}
			if ok && end == k+1 && p.personBefore(k) {
				ok = false // "Esteban Santiago"
			}
			if ok && end <= e {
				if !locative || p.locativeBefore(k) || end < len(p.toks) && p.fl(end)&fPlaceNoun != 0 {
					f(k, end, canon)
				}
				k = end - 1
				continue
			}
			continue
		}
		w := p.w(k)
		switch {
		case w == "in" || w == "at" || w == "near" || w == "outside":
			if k+1 < e && p.toks[k+1].upper && p.fl(k+1)&(fDet|fMonth|fWeekday) == 0 {
				if _, _, ok := p.placeAt(k + 1); ok || w == "at" {
					continue
				}
				if _, _, ok := p.worldAt(k+1, true); ok {
					continue // read at the name itself
				}
				if end, ok := p.nameAfter(k+1, e); ok {
					if end < len(p.toks) && (p.toks[end].kind == tkNum || p.inSet(end, venueWords)) {
						continue // "near Beach 22nd Street": a street
					}
					name := x.text[p.toks[k+1].s:p.toks[end-1].e]
					if canon, ok := p.worldName(name); ok {
						name = canon
					} else if end == k+2 && demonym(p.w(k+1)) {
						continue // "in Spanish": a language, not a place
					}
					f(k+1, end, name)
					k = end - 1
				}
			}
		case t.flags()&fPlaceNoun != 0 && p.isWord(k+1, "of") && k+2 < e && p.toks[k+2].upper:
			if end, canon, ok := p.placeAt(k + 2); ok && end <= e {
				f(k+2, end, canon)
				k = end - 1
				continue
			}
			if end, ok := p.nameAfter(k+2, e); ok {
				f(k+2, end, x.text[p.toks[k+2].s:p.toks[end-1].e])
				k = end - 1
			}
		}
	}
}

// countPlaces counts the place mentions of the current sentence for the
// article's most mentioned place.
func (x *analyzer) countPlaces() {
	x.placesIn(0, len(x.p.toks), false, func(k, end int, canon string) {
		if p := &x.p; end < len(p.toks) && p.actorAt(end) {
			return // "Israel's assault on Gaza": an actor, not where it happened
		}
		x.addPlaceCount(canon, 1)
	})
}

func (x *analyzer) addPlaceCount(canon string, w int) {
	if x.placeCount == nil {
		x.placeCount = make(map[string]int, 8)
	}
	if _, ok := x.placeCount[canon]; !ok {
		x.placeOrder = append(x.placeOrder, canon)
	}
	x.placeCount[canon] += w
}

// countPlaceText counts a dateline's place.
func (x *analyzer) countPlaceText(s string, w int) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	if c, ok := gazetteer[strings.ToLower(s)]; ok {
		x.addPlaceCount(c, w)
		return
	}
	if c, ok := x.p.worldName(s); ok {
		x.addPlaceCount(c, w)
		return
	}
	// Title-case an all-capitals dateline: "JOHNSTON & CARTER COUNTY".
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if len(w) > 0 && w[0] >= 'a' && w[0] <= 'z' {
			words[i] = string(w[0]-'a'+'A') + w[1:]
		}
	}
	x.addPlaceCount(strings.Join(words, " "), w)
}

// fillMainPlace gives claims without a place in their clause the article's
// main place. News leads name where the story happens first, so it is, in
// order: the first place the lead sentence names as a location (a dateline
// only says where the reporter is, and is not part of it), the first place
// of the title (a location, else any gazetteer name), and else the most
// mentioned place of the article (datelines count double; ties: the first
// mentioned). A town gives way to the province or region named with it
// ("Khan Sheikhoun in southern Idlib province" -> Idlib).
//
// It is computed only when a claim needs it, and the count over the whole
// article only when the lead and the title name no place, so sentences
// without claims need not be read for places.
func (x *analyzer) fillMainPlace(sents []sentence) {
	need := false
	for i := range x.claims {
		if x.claims[i].Location == "" {
			need = true
			break
		}
	}
	if !need {
		return
	}
	best := x.leadPlace
	if best == "" {
		best = x.titlePlace()
	}
	if best == "" {
		best = x.mostMentioned(sents)
	}
	if best == "" {
		return
	}
	for i := range x.claims {
		if x.claims[i].Location == "" {
			x.claims[i].Location = best
		}
	}
}

// firstPlace returns the first place of the current sentence, rolled up to
// its region: with locative set, only a place named as a location.
// With gazOnly set, only gazetteer names count: in a title written in
// title case every word looks like a name ("Man Killed In Revenge Shooting").
func (x *analyzer) firstPlace(locative, gazOnly bool) string {
	name, end := "", -1
	x.placesIn(0, len(x.p.toks), locative, func(k, e int, canon string) {
		if end >= 0 {
			return
		}
		if _, _, ok := x.p.placeAt(k); !ok && !x.p.worldHolds(k, e) {
			// A name found by its position, not in the gazetteer: not when
			// it is only a modifier ("in Black Lives Matter protests").
			if gazOnly || e < len(x.p.toks) && x.p.toks[e].kind == tkWord && !x.p.toks[e].upper && x.p.fl(e) == 0 {
				return
			}
		}
		name, end = canon, e
	})
	if end < 0 {
		return ""
	}
	if up, ok := x.regionOf(end); ok {
		return up
	}
	return name
}

// regionOf reads the region a place belongs to right after it, at token j:
// "in southern Idlib province", ", in Hama province", "in northern Hama". A
// direction word or a region noun must mark it as a region, and countries
// are not regions: "Tal Hamra in northwest Syria" keeps the town.
func (x *analyzer) regionOf(j int) (string, bool) {
	p := &x.p
	if p.isPunct(j, ",") {
		j++
	}
	if !p.isWord(j, "in") && !p.isWord(j, "of") {
		return "", false
	}
	j++
	if p.isWord(j, "the") {
		j++
	}
	dir := false
	for j < len(p.toks) && p.toks[j].kind == tkWord && p.inSet(j, directionWords) {
		dir = true
		j++
		if p.isDashTok(j) && !p.toks[j].space && j+1 < len(p.toks) && p.inSet(j+1, directionWords) {
			j += 2
		}
	}
	if j >= len(p.toks) || !p.toks[j].upper {
		return "", false
	}
	end, name, ok := p.placeAt(j)
	if !ok {
		if end, ok = p.nameAfter(j, len(p.toks)); !ok {
			return "", false
		}
		name = x.text[p.toks[j].s:p.toks[end-1].e]
	}
	if countryNames[name] {
		return "", false
	}
	region := end < len(p.toks) && p.toks[end].kind == tkWord && p.inSet(end, regionNouns)
	if !dir && !region {
		return "", false
	}
	return name, true
}

// titlePlace returns the first place of the title: a location, else any
// gazetteer name ("Peru earthquake: ...").
func (x *analyzer) titlePlace() string {
	title := x.a.Title
	if title == "" {
		return ""
	}
	text, low, toks := x.text, x.p.low, x.p.toks
	defer func() { x.text, x.p.text, x.p.low, x.p.toks = text, text, low, toks }()
	tl := lowerASCII(title)
	x.text, x.p.text, x.p.low = title, title, tl
	// Into the spare room of the article's buffer: the kept tokens stay.
	x.p.toks = tokenize(title, tl, 0, len(title), x.all[len(x.all):])
	gazOnly := titleCase(title)
	if name := x.firstPlace(true, gazOnly); name != "" {
		return name
	}
	return x.firstPlace(false, true)
}

// titleCase reports whether most words of s of four letters or more start
// with a capital.
func titleCase(s string) bool {
	words, caps := 0, 0
	for f := range strings.FieldsSeq(s) {
		if len(f) < 4 {
			continue
		}
		words++
		if f[0] >= 'A' && f[0] <= 'Z' {
			caps++
		}
	}
	return words >= 2 && caps*10 >= words*7
}

// mostMentioned counts the places of every sentence and returns the most
// mentioned one (datelines count double; ties: the first mentioned). In the
// sentences that were not tokenized (no number, no attribution) it counts
// the gazetteer names only, found by a byte scan.
func (x *analyzer) mostMentioned(sents []sentence) string {
	for _, s := range sents {
		if s.boiler {
			continue
		}
		if s.datelineAt >= 0 {
			x.countPlaceText(x.text[s.datelineAt:s.datelineE], 2)
		}
		if !s.kept {
			// A sentence that was not tokenized: only its gazetteer names.
			x.countGazetteerNames(s.s, s.e)
			continue
		}
		x.p.toks = x.all[s.tokS:s.tokE]
		x.countPlaces()
	}
	best, bestN := "", 0
	for _, c := range x.placeOrder {
		if n := x.placeCount[c]; n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// countGazetteerNames counts the gazetteer names of text[s:e] without
// tokenizing it: a capitalized word that starts a gazetteer name, then the
// longest name of up to four words, as placeAt reads them.
func (x *analyzer) countGazetteerNames(s, e int) {
	text, low := x.text, x.low
	for i := s; i < e; {
		// Only a word with a capital first letter can count: to the next
		// capital, and on when it is inside a word.
		if i = nextUpper(text, i, e); i >= e {
			break
		}
		if i > s && byteClass[text[i-1]]&(bcLower|bcUpper) != 0 {
			i++
			for i < e && byteClass[text[i]]&(bcLower|bcUpper) != 0 {
				i++
			}
			continue
		}
		c := text[i]
		j := i + 1
		for j < e && byteClass[text[j]]&(bcLower|bcUpper) != 0 {
			j++
		}
		if c < 'A' || c > 'Z' || j-i < 2 || i > s && byteClass[text[i-1]]&bcDigit != 0 || j < e && (text[j] >= utf8.RuneSelf || text[j] == '\'') {
			i = j
			continue
		}
		li := lexFind(low[i:j])
		var f uint64
		if li >= 0 {
			f = lexInfos[li].f
		}
		if f&fPlace == 0 || f&(fDet|fPrep|fVerbish|fMonth|fWeekday|fCue|fNumWord) != 0 && f&fPlaceNoun == 0 {
			// Not a gazetteer name: a name after "in", "near", "outside"
			// or "the town of", as placesIn reads them.
			if f&(fDet|fMonth|fWeekday) == 0 && x.placePrepBefore(s, i) {
				if end := x.nameAfterBytes(i, e); end > i {
					x.addPlaceCount(text[i:end], 1)
					i = end
					continue
				}
			}
			i = j
			continue
		}
		w := low[i:j]
		end, canon := -1, ""
		if placeFirstIn[li] {
			// Word ends of the next three words, longest name first.
			var ends [3]int
			n, k := 0, j
			for n < 3 && k < e {
				for k < e && (text[k] == ' ' || text[k] == '-' || text[k] == '.' || text[k] == ',' || text[k] == '\'') {
					k++
				}
				if k >= e || byteClass[text[k]]&(bcLower|bcUpper) == 0 {
					break
				}
				for k < e && byteClass[text[k]]&(bcLower|bcUpper) != 0 {
					k++
				}
				if k < e && text[k] == '.' && k+1 < e && byteClass[text[k+1]]&(bcLower|bcUpper) == 0 {
					k++ // "d.c."
				}
				ends[n] = k
				n++
			}
			for q := n - 1; q >= 0 && end < 0; q-- {
				if cn, ok := gazetteer[low[i:ends[q]]]; ok {
					end, canon = ends[q], cn
				}
			}
		}
		if end < 0 {
			if cn := gazByIndex[li]; cn != "" && !((w == "us" || w == "uk") && !noLowerASCII(text[i:j])) {
				end, canon = j, cn
			}
		}
		if end < 0 {
			i = j
			continue
		}
		if rest := text[end:e]; (strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s ")) && actorAfter(rest) {
			i = end
			continue // a possessive: an actor ("Israel's assault")
		}
		x.addPlaceCount(canon, 1)
		i = end
	}
}

// nextUpper returns the offset of the first ASCII capital of text[i:e],
// or e.
func nextUpper(text string, i, e int) int {
	for ; i+8 <= e; i += 8 {
		if m := byteRange(binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(text[i:]), 8)), 'A', 'Z'); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < e; i++ {
		if c := text[i]; c >= 'A' && c <= 'Z' {
			return i
		}
	}
	return e
}

// placePrepBefore reports whether the word before byte i of a sentence
// starting at s is "in", "near" or "outside", or "of" after a place noun
// ("the town of").
func (x *analyzer) placePrepBefore(s, i int) bool {
	low := x.low
	k := i - 1
	if k < s || low[k] != ' ' {
		return false
	}
	w1s, w1e := prevWord(low, s, k)
	if w1s < 0 {
		return false
	}
	switch low[w1s:w1e] {
	case "in", "near", "outside":
		return true
	case "of":
		if w1s-1 < s || low[w1s-1] != ' ' {
			return false
		}
		if w0s, w0e := prevWord(low, s, w1s-1); w0s >= 0 {
			return lexFlags(low[w0s:w0e])&fPlaceNoun != 0
		}
	}
	return false
}

// prevWord returns the run of letters that ends at byte k (exclusive), or -1.
func prevWord(low string, s, k int) (int, int) {
	j := k
	for j > s && byteClass[low[j-1]]&bcLower != 0 {
		j--
	}
	if j == k || j > s && byteClass[low[j-1]]&(bcDigit) != 0 {
		return -1, -1
	}
	return j, k
}

// nameAfterBytes reads a capitalized name of up to six words at byte i
// (with "al-", "el", "de", "ez" particles), as nameAfter does on tokens, and
// returns its end, or i when it is an organisation, a venue or a person.
func (x *analyzer) nameAfterBytes(i, e int) int {
	text, low := x.text, x.low
	end, k := i, i
	for n := 0; n < 6 && k < e; n++ {
		ws := k
		for k < e && byteClass[text[k]]&(bcLower|bcUpper) != 0 {
			k++
		}
		if k == ws {
			break
		}
		w := low[ws:k]
		upper := byteClass[text[ws]] == bcUpper
		particle := w == "al" || w == "el" || w == "de" || w == "ez"
		if !upper && !(particle && n > 0) {
			break
		}
		f := lexFlags(w)
		if upper {
			if f&(fMonth|fWeekday) != 0 {
				break
			}
			if f&(fSourceNoun|fTitle|fCue) != 0 && f&fPlaceNoun == 0 || venueWords.m[w] {
				return i
			}
			end = k
		}
		if k < e && (text[k] == ' ' || text[k] == '-') && k+1 < e && byteClass[text[k+1]]&(bcLower|bcUpper) != 0 {
			k++
			continue
		}
		break
	}
	return end
}

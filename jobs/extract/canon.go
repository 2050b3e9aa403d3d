package extract

import (
	"strings"

	"github.com/claimscan/claimscan/jobs/entity"
)

// A source's canonical name: from the noun phrase a cue found, through
// the article's acronyms and long forms, the curated table (package
// entity), the organisation a speaker speaks for, and the source a pronoun
// stands for.

// canonSource fills a.source and a.mention from the noun phrase. A
// spokesperson, an official or a chief speaking for an organisation gives
// the organisation ("UNHCR spokesman Adrian Edwards" -> UNHCR; "Sutopo
// Purwo Nugroho of the National Disaster Mitigation Agency" -> the
// agency), and so do later mentions of the person ("Nugroho said").
func (x *analyzer) canonSource(a *attrib) {
	x.canonSource0(a)
	if a.source == "" {
		return
	}
	if len(x.affil) > 0 {
		org, ok := x.affil[a.source]
		if i := strings.LastIndexByte(a.source, ' '); !ok && i > 0 {
			org, ok = x.affil[a.source[i+1:]] // "Al-Sawarmi Khalid" after "Khalid, spokesman for ..."
		}
		if ok {
			a.source = org
			x.lastSource = org
		}
	}
	if c := cleanName(a.source); c != a.source {
		if c == "" {
			c = "unnamed source"
		}
		if x.lastSource == a.source {
			x.lastSource = c
		}
		if x.lastOrg == a.source {
			x.lastOrg = c
		}
		a.source = c
	}
}

// canonSource0 is canonSource before the affiliations are applied.
func (x *analyzer) canonSource0(a *attrib) {
	p := &x.p
	if a.ns >= a.ne {
		return
	}
	a.mention = p.text[p.toks[a.ns].s:p.toks[a.ne-1].e]
	s, e := a.ns, a.ne
	// First of several coordinated sources: "the Observatory and local activists".
	for k := s + 1; k < e-1; k++ {
		if p.isWord(k, "and") && (!p.toks[k+1].upper || p.fl(k+1)&fDet != 0) {
			e = k
			break
		}
	}
	// Acronym in brackets: "Union of ... (UOSSM)".
	acro := ""
	for k := s; k+2 < e; k++ {
		if p.isPunct(k, "(") && p.toks[k+1].caps && p.isPunct(k+2, ")") {
			acro = p.text[p.toks[k+1].s:p.toks[k+1].e]
			if k > s {
				e = k
			}
			break
		}
	}
	// "a spokesman for X", "officials at X", "X's spokesman"; but a group
	// of people named by where they are ("Prosecutors in Crotone",
	// "Survivors of a shipwreck") is that group.
	forOrg := false
	for k := s; k < e-1; k++ {
		w := p.w(k)
		if p.toks[k].kind != tkWord || p.fl(k)&(fSourceNoun|fTitle) == 0 {
			continue
		}
		if k == s+skipDet(p, s) && p.inSet(k, peopleGroups) && (p.isWord(k+1, "in") || p.isWord(k+1, "of") || p.isWord(k+1, "from") || p.isWord(k+1, "at")) &&
			!x.orgNameAt(k+2, e) {
			a.source = lexKeys[p.toks[k].li] // a static string: w is in the reused lowered text
			x.lastSource = a.source
			return
		}
		if (!p.toks[k].upper || k == 0) && (p.isWord(k+1, "for") || p.isWord(k+1, "of") || p.isWord(k+1, "at") || p.isWord(k+1, "from") || p.isWord(k+1, "with")) && w != "ministry" && w != "office" && w != "department" && w != "union" && w != "committee" {
			if k+2 < e {
				s = k + 2
				forOrg = p.inSet(k, spokesTitles)
			}
			break
		}
	}
	// A generic noun and then the name: "the civil defence agency INDECI",
	// "the UN's humanitarian agency OCHA".
	if e-s >= 2 && p.toks[e-1].caps && p.toks[e-1].kind == tkWord && e-1 > s && p.toks[e-2].kind == tkWord && !p.toks[e-2].upper && p.fl(e-2)&(fSourceNoun|fTitle) != 0 {
		s = e - 1
	}
	for k := s + 1; k < e; k++ {
		if p.isWord(k, "'s") && k+1 < e {
			// "X's spokesman" -> X, unless what follows is a name part;
			// but "Togo's opposition" is the opposition.
			if collectiveNouns[p.w(k+1)] && k+2 == e {
				if _, ok := entity.Lookup(p.text[p.toks[s].s:p.toks[e-1].e]); !ok {
					s = k + 1
					break
				}
			}
			if !p.toks[k+1].upper || p.fl(k+1)&fSourceNoun != 0 {
				e = k
				break
			}
		}
	}

	// Leading determiners and "US-based".
	for s < e {
		if p.toks[s].kind == tkWord && p.fl(s)&fDet != 0 {
			s++
			continue
		}
		if s+2 < e && p.isDashTok(s+1) && p.isWord(s+2, "based") {
			s += 3
			continue
		}
		if p.toks[s].kind == tkPunct {
			s++
			continue
		}
		break
	}
	// Documents of a source: "interior ministry data", "a council survey".
	for e-s >= 2 && p.toks[e-1].kind == tkWord && !p.toks[e-1].upper && p.inSet(e-1, docNouns) && (p.toks[e-2].upper || p.fl(e-2)&fSourceNoun != 0) {
		e--
	}
	if s >= e {
		a.source = strings.ToLower(strings.TrimSpace(a.mention))
		return
	}
	clean := p.text[p.toks[s].s:p.toks[e-1].e]
	// Pronouns.
	if e-s == 1 && p.inSet(s, pronouns) {
		a.pronoun = true
		if src := x.antecedent(s); src != "" {
			a.source, a.resolved = src, true
			return
		}
		if x.lastSource != "" {
			a.source = x.lastSource
			a.resolved = true
		} else {
			a.source = "unnamed source"
		}
		return
	}
	if acro != "" {
		x.defineAcronym(acro, clean)
	}
	if os, oe, ps, pe, ok := x.speaksFor(s, e); ok {
		org := x.orgName(os, oe)
		if ps < pe {
			x.affiliate(p.text[p.toks[ps].s:p.toks[pe-1].e], org)
		}
		a.source, a.resolved = org, true
		x.lastSource, x.lastOrg = org, org
		return
	}
	if a.orgS < a.orgE {
		// "Fauzi, an official from the local disaster agency, said".
		org := x.orgName(a.orgS, a.orgE)
		x.affiliate(clean, org)
		a.source, a.resolved = org, true
		x.lastSource, x.lastOrg = org, org
		return
	}
	if e-s == 1 && s > 0 && p.isWord(s-1, "the") && p.inSet(s, orgAnaphors) {
		// "the group confirmed": the organisation the article cited last.
		if org := x.lastOrg; org != "" {
			a.source, a.resolved = org, true
			x.lastSource = org
			return
		}
	}
	if name, ok := x.resolveName(clean, s, e); ok {
		a.source = name
		a.resolved = true
		x.lastSource = name
		if _, ok := entity.Lookup(name); ok || forOrg {
			x.lastOrg = name
		}
		return
	}
	// Person with a title and an affiliation: "Lt. Keith White of the Monroe
	// Police Department" -> the person.
	for k := s + 2; k < e-1; k++ {
		if (p.isWord(k, "of") || p.isWord(k, "with") || p.isWord(k, "for") || p.isWord(k, "at") || p.isWord(k, "from")) && p.toks[k-1].upper {
			titled := false
			for q := s; q < k; q++ {
				if p.fl(q)&fTitle != 0 {
					titled = true
				}
			}
			if titled && p.toks[k-1].flags()&(fTitle|fSourceNoun) == 0 {
				e = k
			}
			break
		}
	}
	// Person with a title: "Ardmore Police Chief Ken Grace" -> "Ken Grace".
	lastTitle := -1
	for k := s; k < e; k++ {
		if p.fl(k)&fTitle != 0 || p.toks[k].kind == tkWord && !p.toks[k].upper {
			lastTitle = k
		}
	}
	if lastTitle >= s && lastTitle+1 < e {
		allUpper := true
		for k := lastTitle + 1; k < e; k++ {
			if p.toks[k].kind == tkWord && !p.toks[k].upper && !p.inSet(k, nameConnectors) {
				allUpper = false
			}
			if p.fl(k)&(fSourceNoun|fPlaceNoun) != 0 {
				allUpper = false
			}
		}
		first := lastTitle + 1
		for first < e && p.toks[first].kind == tkPunct {
			first++ // "Gov. John Bel Edwards"
		}
		// One capitalized word after a title word is a name only after an
		// honorific ("Gov. Edwards"); else it ends an organisation's name
		// ("Nielsen Media Research").
		words := 0
		for k := first; k < e; k++ {
			if p.toks[k].kind == tkWord {
				words++
			}
		}
		if words == 1 && !honorifics[p.w(lastTitle)] {
			allUpper = false
		}
		if allUpper && p.fl(lastTitle)&fTitle != 0 && first < e {
			name := p.text[p.toks[first].s:p.toks[e-1].e]
			a.source = strings.TrimRight(name, ".,")
			x.lastSource = a.source
			return
		}
	}
	upper := false
	for k := s; k < e; k++ {
		// A generic noun capitalized only because it opens the sentence: "Officials said".
		if p.toks[k].upper && !(k == 0 && p.fl(k)&(fSourceNoun|fDet) != 0) {
			upper = true
			break
		}
	}
	if !upper {
		if li := x.pureWord(s, e); li >= 0 {
			a.source = lexKeys[li] // the word lowered, without a copy
		} else {
			a.source = strings.ToLower(clean)
		}
	} else {
		a.source = clean
	}
	x.lastSource = a.source
	if forOrg {
		x.lastOrg = a.source // "a spokesman for the Enough Project"
	}
}

// affiliate records that the person name speaks for org, by full name
// and by surname.
func (x *analyzer) affiliate(name, org string) {
	name = strings.TrimRight(strings.TrimSpace(name), ".,")
	if name == "" || org == "" || name == org {
		return
	}
	if x.affil == nil {
		x.affil = make(map[string]string, 4)
	}
	x.affil[name] = org
	if i := strings.LastIndexByte(name, ' '); i > 0 {
		x.affil[name[i+1:]] = org
	}
}

// resolveName maps a cleaned mention to a canonical name: acronyms defined
// in the article, short forms of names used earlier ("the Observatory"),
// then the curated table.
func (x *analyzer) resolveName(clean string, s, e int) (string, bool) {
	// An article names few sources: the first ones are searched in a
	// slice, the rest in a map.
	for i := range x.resolvedList {
		if r := &x.resolvedList[i]; r.mention == clean {
			return r.name, r.name != ""
		}
	}
	if len(x.resolvedList) == maxResolvedList {
		if r, ok := x.resolved[clean]; ok {
			return r, r != ""
		}
	}
	name, ok := x.resolveName1(clean, s, e)
	x.storeResolved(clean, name)
	return name, ok
}

// storeResolved records a resolution as a map assignment would: a
// recursive resolveName may have stored the same mention meanwhile.
func (x *analyzer) storeResolved(clean, name string) {
	for i := range x.resolvedList {
		if r := &x.resolvedList[i]; r.mention == clean {
			r.name = name
			return
		}
	}
	if len(x.resolvedList) < maxResolvedList {
		x.resolvedList = append(x.resolvedList, resolution{clean, name})
		return
	}
	if x.resolved == nil {
		x.resolved = make(map[string]string, 8)
	}
	x.resolved[clean] = name
}

// resolution is a mention resolveName resolved and its name ("" = none).
type resolution struct{ mention, name string }

// maxResolvedList is how many resolutions the slice holds before the map.
const maxResolvedList = 16

func (x *analyzer) resolveName1(clean string, s, e int) (string, bool) {
	p := &x.p
	x.buildAcronyms()
	if full, ok := x.acronyms[clean]; ok {
		if ent, ok := entity.Lookup(full); ok {
			return ent.Name, true
		}
		return full, true
	}
	// A short form the article itself spells out wins over the table: "the
	// Red Cross" in an article about the Peruvian Red Cross; "the institute"
	// after the National Civil Defence Institute.
	withThe := s > 0 && p.isWord(s-1, "the")
	if e-s <= 2 && withThe && p.toks[e-1].upper && p.fl(e-1)&fSourceNoun == 0 || e-s == 1 && !p.toks[s].upper && p.fl(s)&fSourceNoun != 0 && orgHeads[p.w(s)] {
		short := clean
		if !p.toks[s].upper {
			short = strings.ToUpper(clean[:1]) + clean[1:]
		}
		if full := x.longFormCached(short, true); full != "" && full != short {
			if ent, ok := entity.Lookup(full); ok {
				return ent.Name, true
			}
			return full, true
		}
	}
	if ent, ok := x.lookupTokens(clean, s, e); ok {
		return genericName(ent.Name), true
	}
	// "U.N. officials", "Pentagon spokesman": the organisation without the generic noun.
	if e2 := e; e2-s >= 2 {
		for e2 > s+1 && !p.toks[e2-1].upper && p.fl(e2-1)&(fSourceNoun|fTitle) != 0 {
			e2--
		}
		if e2 < e {
			if name, ok := x.resolveName(p.text[p.toks[s].s:p.toks[e2-1].e], s, e2); ok {
				return name, true
			}
		}
	}
	// A one- or two-word capitalized short form: look for a longer name
	// containing it elsewhere in the article: "the Observatory" (an
	// organisation, after "the") or a surname ("Grace" -> "Ken Grace").
	generic := e-s == 1 && p.fl(s)&fSourceNoun != 0 && !withThe
	if e-s <= 2 && p.toks[e-1].upper && !generic && (withThe || e-s == 1) {
		full := x.longFormCached(clean, withThe)
		if full != "" {
			if ent, ok := entity.Lookup(full); ok {
				return ent.Name, true
			}
			return full, true
		}
	}
	// Names with a generic descriptor in front: "British-based Syrian
	// Observatory ..."; but a place in front names another body ("Kenya
	// Red Cross" is not the International Committee of the Red Cross).
	if _, _, place := p.placeAt(s); place {
		return "", false
	}
	for k := s + 1; k < e; k++ {
		if p.toks[k].upper && p.toks[k].kind == tkWord {
			if ent, ok := x.lookupTokens(p.text[p.toks[k].s:p.toks[e-1].e], k, e); ok {
				return ent.Name, true
			}
		}
	}
	return "", false
}

// antecedent returns the source a "they" at token k stands for when the
// sentence opens with it: "Officials at Lee Memorial Health System held a
// briefing where they revealed ..." -> Lee Memorial Health System; or "".
func (x *analyzer) antecedent(k int) string {
	p := &x.p
	if !p.isWord(k, "they") || k < 2 {
		return ""
	}
	ns, ne := x.npAfter(0, k)
	if ne <= ns || p.fl(ne-1)&fSourceNoun == 0 || p.toks[ne-1].upper && ne-1 > 0 {
		return ""
	}
	// "officials at X": on over the organisation's name.
	if q := ne; (p.isWord(q, "at") || p.isWord(q, "of") || p.isWord(q, "from") || p.isWord(q, "with")) && q+1 < k && p.toks[q+1].upper {
		e := q + 1
		for e < k && p.toks[e].kind == tkWord && (p.toks[e].upper || p.inSet(e, nameConnectors) && e+1 < k && p.toks[e+1].upper) {
			e++
		}
		ne = e
	}
	b := attrib{ns: ns, ne: ne}
	last, lastOrg := x.lastSource, x.lastOrg
	x.canonSource(&b)
	x.lastSource, x.lastOrg = last, lastOrg
	return b.source
}

// wordEntities holds entity.Lookup of the lexicon's words of letters a-z
// as one-word mentions, by lexicon index: written with a lower-case letter
// (lower) and in capitals (caps), as an index into ents, or -1; lower is -2
// for the keys with other characters.
var wordEntities struct {
	lower, caps []int32
	ents        []entity.Entity
}

// buildWordEntities fills wordEntities; it runs after the lexicon table is
// built.
func buildWordEntities() {
	we := &wordEntities
	we.lower = make([]int32, len(lexKeys))
	we.caps = make([]int32, len(lexKeys))
	find := func(m string) int32 {
		ent, ok := entity.Lookup(m)
		if !ok {
			return -1
		}
		we.ents = append(we.ents, ent)
		return int32(len(we.ents) - 1)
	}
	for i, k := range lexKeys {
		we.lower[i], we.caps[i] = -2, -1
		if !lettersAZ(k) {
			continue
		}
		we.lower[i] = find(k)
		we.caps[i] = find(strings.ToUpper(k))
	}
}

// lettersAZ reports whether w is made of the letters a-z only.
func lettersAZ(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// pureWord returns the lexicon index of tokens [s, e) when they are one
// word of ASCII letters whose lowered form is a lexicon key of letters
// a-z, else -1.
func (x *analyzer) pureWord(s, e int) int32 {
	if e-s != 1 {
		return -1
	}
	t := &x.p.toks[s]
	if t.kind != tkWord || t.li < 0 || wordEntities.lower[t.li] == -2 || len(lexKeys[t.li]) != int(t.e-t.s) {
		return -1
	}
	return t.li
}

// lookupTokens is entity.Lookup(mention), where mention is the text of
// tokens [s, e): for one lexicon word, the answer is read from
// wordEntities. Such a word is ASCII letters only; written with a
// lower-case letter its key is the lexicon key, in capitals the key in
// capitals.
func (x *analyzer) lookupTokens(mention string, s, e int) (entity.Entity, bool) {
	li := x.pureWord(s, e)
	if li < 0 {
		return entity.Lookup(mention)
	}
	t := &x.p.toks[s]
	k := wordEntities.lower[li]
	if t.upper && t.caps {
		k = wordEntities.caps[li]
	}
	if k < 0 {
		return entity.Entity{}, false
	}
	return wordEntities.ents[k], true
}

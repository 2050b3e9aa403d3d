package extract

import (
	"strings"

	"github.com/claimscan/claimscan/jobs/entity"
)

// Speakers and their organisations: "UNHCR spokesman Adrian Edwards",
// "Sutopo Purwo Nugroho of the National Disaster Mitigation Agency", "X, a
// spokesman for Y,".

// speaksFor reads a speaker named with the organisation they speak for in
// tokens [s, e): "UNHCR spokesman Adrian Edwards", "national disaster
// agency spokesman Sutopo Purwo Nugroho", "OPD Chief John Mina", "ATF
// Special Agent", and "Sutopo Purwo Nugroho of the National Disaster
// Mitigation Agency". It returns the organisation's tokens and the
// person's (empty when not named).
func (x *analyzer) speaksFor(s, e int) (os, oe, ns, ne int, ok bool) {
	p := &x.p
	t := -1
	for k := e - 1; k > s; k-- {
		if p.toks[k].kind == tkWord && p.inSet(k, spokesTitles) {
			t = k
			break
		}
	}
	if t > s {
		for q := t + 1; q < e; q++ {
			if p.toks[q].kind == tkWord && !p.toks[q].upper && !p.inSet(q, nameConnectors) {
				return 0, 0, 0, 0, false // "officials at ...": not a name after the title
			}
		}
		oe = t
		for oe > s && p.toks[oe-1].kind == tkWord && p.fl(oe-1)&fTitle != 0 && p.fl(oe-1)&fSourceNoun == 0 {
			oe-- // "ATF Special Agent", "police press officer"
		}
		os = s
		if p.isWord(os, "the") || p.isWord(os, "a") || p.isWord(os, "an") {
			os++
		}
		if o := p.possessiveAt(oe - 1); o >= os {
			oe = o + 1 // "UNRWA's director"
		}
		for oe > os+1 && p.toks[oe-1].kind == tkWord && !p.toks[oe-1].upper && p.fl(oe-1)&fSourceNoun == 0 {
			oe-- // "MSF emergency coordinator": MSF
		}
		if oe > os && x.orgLike(os, oe) {
			return os, oe, t + 1, e, true
		}
		return 0, 0, 0, 0, false
	}
	// A named person of an organisation, without a title.
	for k := s + 1; k < e-1 && k <= s+3; k++ {
		if !(p.isWord(k, "of") || p.isWord(k, "from") || p.isWord(k, "at") || p.isWord(k, "with")) {
			if p.toks[k].kind != tkWord || !p.toks[k].upper || p.fl(k)&(fTitle|fSourceNoun) != 0 {
				return 0, 0, 0, 0, false
			}
			continue
		}
		if k-s < 2 || p.fl(s)&(fTitle|fSourceNoun|fDet) != 0 {
			return 0, 0, 0, 0, false // "Lt. Keith White of ...", one word: not a full name
		}
		os = k + 1
		if p.isWord(os, "the") {
			os++
		}
		if os < e && p.toks[os].upper && x.orgLike(os, e) {
			return os, e, s, k, true
		}
		return 0, 0, 0, 0, false
	}
	return 0, 0, 0, 0, false
}

// orgLike reports whether tokens [s, e) can name an organisation: a name
// in capitals or with a generic head ("disaster agency", "police"), not a
// place alone.
func (x *analyzer) orgLike(s, e int) bool {
	p := &x.p
	if p.toks[e-1].kind != tkWord {
		return false
	}
	if end, _, ok := p.placeAt(s); ok && end >= e {
		return false
	}
	if e-s == 1 && s == 0 && !p.toks[s].caps && p.fl(s)&(fSourceNoun|fPlace) == 0 {
		return false // "Local official Miabek Lang": a capital of the sentence start
	}
	for k := s; k < e; k++ {
		if p.toks[k].kind == tkWord && (p.toks[k].upper || p.fl(k)&fSourceNoun != 0) && p.fl(k)&fDet == 0 {
			return true
		}
	}
	return false
}

// orgName returns the canonical name of the organisation in tokens [s,
// e): a name the article or the curated table resolves, a longer name of
// the article that holds a generic descriptor's words ("disaster agency"
// -> "National Disaster Mitigation Agency"), else the words as written
// (lower case for a generic descriptor).
func (x *analyzer) orgName(s, e int) string {
	p := &x.p
	clean := p.text[p.toks[s].s:p.toks[e-1].e]
	if e-s == 1 && !p.toks[s].upper && p.inSet(s, orgAnaphors) {
		if org := x.lastOrg; org != "" {
			return org // "agency spokesman X" after the agency was named
		}
	}
	if name, ok := x.resolveName(clean, s, e); ok {
		return name
	}
	upper := false
	for k := s; k < e; k++ {
		upper = upper || p.toks[k].upper
	}
	generic := true
	for k := s; k < e; k++ {
		generic = generic && p.toks[k].kind == tkWord && p.fl(k)&fSourceNoun != 0 && !p.toks[k].caps
	}
	if upper && !generic {
		return clean
	}
	if e-s == 1 && p.toks[s].upper && orgHeads[p.w(s)] {
		// "Observatory head Karim Saleh": the article's Observatory.
		if full := x.longFormCached(clean, true); full != "" && full != clean {
			if ent, ok := entity.Lookup(full); ok {
				return ent.Name
			}
			return full
		}
		return clean
	}
	if li := x.pureWord(s, e); li >= 0 && generic {
		return lexKeys[li] // "Police Chief Ken Grace": the police
	}
	if full := x.descriptorLongForm(s, e); full != "" {
		if ent, ok := entity.Lookup(full); ok {
			return ent.Name
		}
		return full
	}
	return strings.ToLower(clean)
}

// orgNameAt reports whether tokens [k, e) hold an organisation's name of
// two capitalized words or more that is not a place ("officials at Lee
// Memorial Health System", but "prosecutors in Crotone").
func (x *analyzer) orgNameAt(k, e int) bool {
	p := &x.p
	if p.isWord(k, "the") {
		k++
	}
	if k+1 >= e || !p.toks[k].upper || !p.toks[k+1].upper {
		return false
	}
	_, _, place := p.placeAt(k)
	return !place
}

// appositiveOrg reads the organisation of a speaker from an apposition
// in tokens [s, e): "an official from the local disaster agency",
// "spokesman for the Sudan Armed Forces", "FBI special agent in charge of
// ...", "UNRWA's Director of Operations", "the head of the UN refugee
// agency". It returns the organisation's tokens, or an empty span.
func (x *analyzer) appositiveOrg(s, e int) (int, int) {
	p := &x.p
	t := -1
	for k := s; k < e; k++ {
		if p.toks[k].kind == tkWord && p.inSet(k, spokesTitles) {
			t = k
			break
		}
	}
	if t < 0 {
		return 0, 0
	}
	if q := t + 1; q < e && (p.isWord(q, "for") || p.isWord(q, "of") || p.isWord(q, "from") || p.isWord(q, "at") || p.isWord(q, "with")) {
		os := q + 1
		if p.isWord(os, "the") || p.isWord(os, "a") {
			os++
		}
		oe := os
		for oe < e && p.toks[oe].kind == tkWord && (p.toks[oe].upper || p.fl(oe)&fSourceNoun != 0 || !p.toks[oe].upper && p.fl(oe)&(fPrep|fVerbish|fCue|fClause) == 0 || p.inSet(oe, nameConnectors) && oe+1 < e && p.toks[oe+1].upper) {
			oe++
		}
		for oe > os && p.toks[oe-1].kind == tkWord && !p.toks[oe-1].upper && p.fl(oe-1)&fSourceNoun == 0 {
			oe--
		}
		if oe > os && x.orgLike(os, oe) {
			return os, oe
		}
		return 0, 0
	}
	// "FBI special agent", "UNRWA's Director", "a UN official": the
	// name's words right before the title.
	os, oe := t, t
	for os > s && (p.toks[os-1].kind == tkWord && (p.toks[os-1].upper || p.fl(os-1)&(fSourceNoun|fTitle) != 0 || p.isWord(os-1, "s") || p.isWord(os-1, "'s")) ||
		p.isPunct(os-1, "’") || p.isPunct(os-1, "'") || p.isDashTok(os-1) && !p.toks[os-1].space) {
		os--
	}
	for oe > os && p.toks[oe-1].kind == tkWord && p.fl(oe-1)&fTitle != 0 && p.fl(oe-1)&fSourceNoun == 0 {
		oe--
	}
	if o := p.possessiveAt(oe - 1); o >= os {
		oe = o + 1
	}
	if oe > os && x.orgLike(os, oe) {
		for k := os; k < oe; k++ {
			if p.toks[k].upper {
				return os, oe
			}
		}
	}
	return 0, 0
}

// allNameWords reports whether tokens [s, e) are capitalized words (a
// person's name), with connectors.
func (x *analyzer) allNameWords(s, e int) bool {
	p := &x.p
	for k := s; k < e; k++ {
		t := &p.toks[k]
		if !(t.kind == tkWord && (t.upper || p.inSet(k, nameConnectors)) || t.kind == tkPunct && p.isDashTok(k) && !t.space) ||
			t.kind == tkWord && p.fl(k)&(fMonth|fWeekday|fDet|fSourceNoun) != 0 {
			return false
		}
	}
	return p.toks[s].upper
}

package extract

import (
	"strings"

	"github.com/claimscan/claimscan/jobs/entity"
)

// attrib is one attribution of a sentence: a cue, its source noun phrase
// and the tokens it covers (what the source is reported to have said).
type attrib struct {
	cue        int    // token of the cue
	cueText    string // "said", "according to", ...
	ns, ne     int    // source noun phrase [ns, ne); ns == ne: none
	cs, ce     int    // covered tokens [cs, ce)
	source     string // canonical source
	mention    string // as written
	deny       bool
	pronoun    bool
	resolved   bool
	usedByQuan bool
	also       int // > 0: the attribution also covers tokens [also, n)
}

// connectors that may sit inside an organisation's name.
var nameConnectors = setOf("of", "for", "and", "&", "on", "de", "al", "el", "du", "des", "la", "le", "the", "in", "to", "against", "without", "'s")

var pronouns = setOf("he", "she", "they", "it", "we", "i")

// skipBeforeCue are words between a source and its verb: "has also said".
var skipBeforeCue = setOf("has", "have", "had", "also", "later", "previously", "earlier", "separately", "further",
	"already", "recently", "initially", "then", "first", "would", "will", "had", "has", "now", "again", "officially",
	"publicly", "repeatedly", "reportedly", "once", "said", "in", "a", "statement", "on", "its", "website")

// docNouns are documents a source issues: "according to a list compiled by
// X", "interior ministry data".
var docNouns = setOf("list", "figures", "figure", "data", "report", "tally", "count", "statistics", "records", "survey",
	"estimates", "estimate", "statement", "census", "toll", "numbers")

// peopleGroups are sources that stay themselves when a place or an event
// follows: "Prosecutors in Crotone", "Survivors of a shipwreck".
var peopleGroups = setOf("prosecutors", "lawyers", "police", "investigators", "witnesses", "survivors", "relatives",
	"doctors", "rescuers", "residents", "activists", "villagers", "medics", "officials", "families", "authorities",
	"nurses", "volunteers", "workers", "teachers", "students", "monitors", "observers", "diplomats", "troops")

// collectiveNouns after a possessive are the source themselves: "Togo's
// opposition", unless the whole phrase is in the table ("Syria's army").
var collectiveNouns = setOf("opposition", "government", "army", "military", "police", "authorities", "rebels", "parliament")

// honorifics are titles that a single surname can follow.
var honorifics = setOf("mr", "mrs", "ms", "dr", "gov", "sen", "rep", "lt", "sgt", "capt", "det", "gen", "col", "maj",
	"prof", "rev", "chief", "sheriff", "officer", "trooper", "deputy", "coach", "mayor", "governor", "president",
	"minister", "senator", "judge", "bishop", "pastor", "nurse", "prefect", "inspector", "detective", "sergeant",
	"lieutenant", "captain", "commissioner", "general", "colonel", "major", "superintendent", "spokesman", "spokeswoman")

// skipDet returns 1 when token s is a determiner.
func skipDet(p *numParser, s int) int {
	if p.toks[s].kind == tkWord && p.fl(s)&fDet != 0 {
		return 1
	}
	return 0
}

var passiveAux = setOf("is", "are", "was", "were", "been", "be", "being")

// findAttribs finds the attributions of the sentence.
func (x *analyzer) findAttribs(out []attrib) []attrib {
	p := &x.p
	n := len(p.toks)
	cues := x.cues
	for i := 0; i < n; i++ {
		// On to the next cue word: no other token starts an attribution.
		for len(cues) > 0 && int(cues[0]) < i {
			cues = cues[1:]
		}
		if len(cues) == 0 {
			break
		}
		i = int(cues[0])
		t := &p.toks[i]
		if t.kind != tkWord || t.flags()&fCue == 0 || t.upper && i > 0 && !p.isPunct(i-1, "\"") && !p.isPunct(i-1, "“") {
			continue // "United States", "Said Ahmed": not a cue
		}
		w := p.w(i)
		var a attrib
		a.cue = i
		a.cueText = lexKeys[t.li] // a static string: claims must not pin the lowered text
		switch w {
		case "according":
			if !p.isWord(i+1, "to") {
				continue
			}
			a.cueText = "according to"
			from := i + 2
			// "according to a list compiled by the union", "according to
			// figures from the ministry": the source is who made the document.
			if q := from; q < n {
				if p.fl(q)&fDet != 0 {
					q++
				}
				if q < n && p.inSet(q, docNounSet) {
					q++
					if q < n && (p.isWord(q, "compiled") || p.isWord(q, "released") || p.isWord(q, "published") || p.isWord(q, "issued") || p.isWord(q, "provided") || p.isWord(q, "kept")) {
						q++
					}
					if p.isWord(q, "by") || p.isWord(q, "from") || p.isWord(q, "of") {
						from = q + 1
					}
				}
			}
			ns, ne := x.npAfter(from, n)
			if ns == ne {
				continue
			}
			a.ns, a.ne = ns, ne
			if i == 0 || p.isPunct(i-1, "\"") && i == 1 {
				// "According to X, ..."
				k := ne
				for k < n && !p.isPunct(k, ",") {
					k++
				}
				a.cs, a.ce = min(k+1, n), n
			} else {
				a.cs, a.ce = 0, i
				if ne < n-1 && !p.isPunct(ne, ".") {
					// "..., according to X, who ..." or mid-sentence: the rest too.
					a.ce = i
				}
			}
		case "citing":
			ns, ne := x.npAfter(i+1, n)
			if ns == ne {
				continue
			}
			a.ns, a.ne, a.cs, a.ce = ns, ne, 0, i
		default:
			if !x.cueVerb(i) {
				continue
			}
			if p.isPunct(i-1, ",") || p.isPunct(i-1, "\"") || p.isPunct(i-1, "”") {
				if !x.sourceAfter(&a) && !x.sourceBefore(&a) {
					continue
				}
			} else if !x.sourceBefore(&a) {
				continue
			}
		}
		switch w {
		case "denied", "denies", "deny":
			a.deny = true
		}
		// Cut the covered part at a non-restrictive relative clause that
		// starts after the cue: ", where ...", ", which ..." are the writer's.
		if a.cs > a.cue {
			for k := a.cs; k+1 < a.ce; k++ {
				if p.isPunct(k, ",") && (p.isWord(k+1, "where") || p.isWord(k+1, "which")) {
					a.ce = k
					break
				}
			}
		}
		x.canonSource(&a)
		out = append(out, a)
		if a.also > 0 {
			// The clause after ", and": the same source, its own span.
			b := a
			b.cs, b.ce, b.also = a.also, n, 0
			out = append(out, b)
		}
		i = max(i, a.ne-1)
	}
	return out
}

// cueVerb filters cue words used as nouns or modifiers: "an estimated 890",
// "a report", "were reported" (passive without an agent).
func (x *analyzer) cueVerb(i int) bool {
	p := &x.p
	w := p.w(i)
	if i > 0 && p.toks[i-1].kind == tkWord && p.fl(i-1)&fDet != 0 {
		return false // "a report", "the claims", "an estimated"
	}
	switch w {
	case "estimated", "estimate", "estimates":
		if i+1 < len(p.toks) && (p.toks[i+1].kind == tkNum || p.fl(i+1)&(fNumWord|fVague) != 0) {
			return false
		}
	case "put":
		// "X put the death toll at 50"
		ok := false
		for k := i + 1; k < i+6 && k < len(p.toks); k++ {
			if p.isWord(k, "toll") || p.isWord(k, "number") || p.isWord(k, "figure") || p.isWord(k, "tally") || p.isWord(k, "cost") || p.isWord(k, "damage") || p.isWord(k, "losses") {
				ok = true
			}
		}
		return ok
	case "report", "reports", "claims", "claim", "states", "notes", "counted", "recorded", "believe", "believes", "say", "tell":
		if i == 0 {
			return false
		}
	}
	return true
}

// sourceBefore reads "X (has) said ..." and "S, X said." forms.
func (x *analyzer) sourceBefore(a *attrib) bool {
	p := &x.p
	n := len(p.toks)
	i := a.cue
	k := i - 1
	for k >= 0 && p.toks[k].kind == tkWord && (p.inSet(k, skipBeforeCueSet) || p.inSet(k, passiveAuxSet)) {
		if p.inSet(k, passiveAuxSet) {
			return false
		}
		if p.w(k) == "said" || p.w(k) == "statement" || p.w(k) == "in" || p.w(k) == "a" || p.w(k) == "on" || p.w(k) == "its" || p.w(k) == "website" {
			break
		}
		k--
	}
	// "The government, which says ...", "the national government, which on
	// Tuesday confirmed ...": the source is the noun phrase the relative
	// pronoun stands for.
	if r := k; r >= 1 {
		for r >= 0 && p.toks[r].kind == tkWord && (p.fl(r)&(fWeekday|fTimeRel) != 0 || p.isWord(r, "on") || p.isWord(r, "also")) {
			r--
		}
		if r >= 1 && (p.isWord(r, "which") || p.isWord(r, "who")) && p.isPunct(r-1, ",") {
			if ns := x.npBackward(r - 1); ns < r-1 {
				a.ns, a.ne = ns, r-1
				a.cs, a.ce = i+1, n
				if p.isWord(i+1, "that") {
					a.cs++
				}
				// The relative clause ends at the next comma.
				for q := a.cs; q < n; q++ {
					if p.isPunct(q, ",") {
						a.ce = q
						break
					}
				}
				return true
			}
		}
	}
	end := k + 1
	// Appositive or relative clause between source and verb: "X, a British-based group, said".
	if k >= 0 && p.isPunct(k, ",") {
		j := k - 1
		for j >= 0 && j > k-25 && !p.isPunct(j, ",") && !p.isPunct(j, ";") {
			j--
		}
		if j > 0 && p.isPunct(j, ",") && j+1 < k && (p.fl(j+1)&(fDet|fClause) != 0 || p.toks[j+1].kind == tkWord && !p.toks[j+1].upper) {
			k = j - 1
			end = j
		} else {
			return false
		}
	}
	ns := x.npBackward(end)
	if ns == end {
		return false
	}
	a.ns, a.ne = ns, end
	// What is covered: the complement after the cue, or the clause before
	// the source when the attribution closes the sentence.
	j := i + 1
	if p.w(i) == "told" {
		// told Reuters / told reporters
		rs, re := x.npAfter(j, n)
		if re > rs {
			j = re
		}
	}
	// time or manner phrases: "on Monday", "yesterday", "in a statement"
	for j < n {
		// The words first: timeAt is dearer.
		if w := p.w(j); w == "on" || w == "yesterday" || w == "today" || w == "last" || p.fl(j)&fWeekday != 0 {
			if te, ok := p.timeAt(j, n, x.pub); ok && !p.isWord(te.e, "'s") {
				j = te.e
				continue
			}
		}
		if p.isWord(j, "in") && p.isWord(j+1, "a") && (p.isWord(j+2, "statement") || p.isWord(j+2, "report")) {
			j += 3
			continue
		}
		break
	}
	rest := j
	for rest < n && p.toks[rest].kind == tkPunct && !p.isPunct(rest, "\"") && !p.isPunct(rest, "“") {
		rest++
	}
	if rest >= n {
		// "..., the United Nations said."
		a.cs, a.ce = 0, ns
		for a.ce > 0 && p.toks[a.ce-1].kind == tkPunct {
			a.ce--
		}
		return true
	}
	if ns > 1 && p.isPunct(ns-1, ",") && (p.isPunct(j, ",") || p.isPunct(j, ";")) && !p.isWord(j+1, "that") {
		// Mid-sentence "S, the institute said, and T": the report is S,
		// and T when "and" goes on with it.
		a.cs, a.ce = 0, ns-1
		if p.isWord(j+1, "and") && j+2 < n {
			a.also = j + 2
		}
		return true
	}
	if p.isWord(j, "that") {
		j++
	}
	if p.isPunct(j, ",") || p.isPunct(j, ":") {
		j++
	}
	a.cs, a.ce = j, n
	return true
}

// sourceAfter reads the inverted "S, said X." form.
func (x *analyzer) sourceAfter(a *attrib) bool {
	p := &x.p
	i := a.cue
	if i == 0 || !(p.isPunct(i-1, ",") || p.isPunct(i-1, "\"") || p.isPunct(i-1, "”")) {
		return false
	}
	ns, ne := x.npAfter(i+1, len(p.toks))
	if ns == ne {
		return false
	}
	if k := ne; k < len(p.toks) && !(p.toks[k].kind == tkPunct) && !p.isWord(k, "on") && !p.isWord(k, "in") && p.fl(k)&(fWeekday|fTimeRel) == 0 {
		return false // "..., said the man was ...": not an inverted attribution
	}
	a.ns, a.ne = ns, ne
	a.cs, a.ce = 0, i-1
	for a.ce > 0 && p.toks[a.ce-1].kind == tkPunct {
		a.ce--
	}
	return true
}

// isNPWord reports whether token k can be part of a source noun phrase.
func (x *analyzer) isNPWord(k int) bool {
	p := &x.p
	t := &p.toks[k]
	switch t.kind {
	case tkWord:
		f := t.flags()
		if f&(fCue|fClause) != 0 && !t.upper {
			return false
		}
		if t.upper || f&(fSourceNoun|fTitle|fDet) != 0 || p.inSet(k, nameConnectorSet) {
			return true
		}
		if p.inSet(k, pronounSet) {
			return true
		}
		return false
	case tkPunct:
		s := p.text[t.s:t.e]
		return (isDash(s) && !t.space) || s == "(" || s == ")" || s == "." && !t.space || s == "'" || s == "’" || s == "&"
	}
	return false
}

// npBackward returns the start of the noun phrase that ends at end.
func (x *analyzer) npBackward(end int) int {
	p := &x.p
	k := end - 1
	lowerRun := 0
	for k >= 0 {
		if x.isNPWord(k) {
			lowerRun = 0
			k--
			continue
		}
		// Allow up to two adjectives before a noun: "local activists", "US-based".
		if p.toks[k].kind == tkWord && !p.toks[k].upper && p.fl(k)&(fVerbish|fAux|fCue|fPred|fNeg|fPrep|fClause) == 0 && lowerRun < 2 && k+1 < end &&
			(p.toks[k+1].kind == tkWord && !p.toks[k+1].upper && p.fl(k+1)&(fSourceNoun|fTitle) != 0 || p.isDashTok(k+1) || p.isWord(k, "based")) {
			lowerRun++
			k--
			continue
		}
		break
	}
	s := k + 1
	// Trim leading connectors, punctuation and stray adjectives.
	for s < end && (p.toks[s].kind == tkPunct || p.toks[s].kind == tkWord && p.inSet(s, nameConnectorSet) && p.w(s) != "the") {
		s++
	}
	// The phrase must contain a head: a capitalized word, a source noun or a pronoun.
	for j := s; j < end; j++ {
		t := &p.toks[j]
		if t.kind == tkWord && (t.upper || t.flags()&fSourceNoun != 0 || p.inSet(j, pronounSet)) && p.fl(j)&fDet == 0 {
			return s
		}
	}
	return end
}

// npAfter returns the noun phrase starting at i: "the United Nations",
// "Police Chief Ken Grace", "local officials".
func (x *analyzer) npAfter(i, lim int) (int, int) {
	p := &x.p
	j := i
	for j < lim {
		if p.toks[j].kind == tkWord && p.fl(j)&fNeg != 0 {
			break
		}
		if x.isNPWord(j) && !(p.toks[j].kind == tkWord && (p.fl(j)&fWeekday != 0 || p.w(j) == "on" || p.w(j) == "in" || p.w(j) == "to")) {
			j++
			continue
		}
		if p.toks[j].kind == tkWord && !p.toks[j].upper && p.fl(j)&(fVerbish|fAux|fCue|fPred|fPrep|fNeg|fTimeRel) == 0 && j+1 < lim && x.isNPWord(j+1) && j < i+3 {
			j++ // adjective
			continue
		}
		break
	}
	for j > i && (p.toks[j-1].kind == tkPunct && !p.isPunct(j-1, ")") || p.toks[j-1].kind == tkWord && p.inSet(j-1, nameConnectorSet)) {
		j--
	}
	for k := i; k < j; k++ {
		t := &p.toks[k]
		if t.kind == tkWord && (t.upper || t.flags()&fSourceNoun != 0) && t.flags()&fDet == 0 {
			return i, j
		}
	}
	return i, i
}

// canonSource fills a.source and a.mention from the noun phrase.
func (x *analyzer) canonSource(a *attrib) {
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
	for k := s; k < e-1; k++ {
		w := p.w(k)
		if p.toks[k].kind != tkWord || p.fl(k)&(fSourceNoun|fTitle) == 0 {
			continue
		}
		if k == s+skipDet(p, s) && p.inSet(k, peopleGroupSet) && (p.isWord(k+1, "in") || p.isWord(k+1, "of") || p.isWord(k+1, "from") || p.isWord(k+1, "at")) {
			a.source = lexKeys[p.toks[k].li] // a static string: w is in the reused lowered text
			x.lastSource = a.source
			return
		}
		if !p.toks[k].upper && (p.isWord(k+1, "for") || p.isWord(k+1, "of") || p.isWord(k+1, "at") || p.isWord(k+1, "from") || p.isWord(k+1, "with")) && w != "ministry" && w != "office" && w != "department" && w != "union" && w != "committee" {
			if k+2 < e {
				s = k + 2
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
	for e-s >= 2 && p.toks[e-1].kind == tkWord && !p.toks[e-1].upper && p.inSet(e-1, docNounSet) && (p.toks[e-2].upper || p.fl(e-2)&fSourceNoun != 0) {
		e--
	}
	if s >= e {
		a.source = strings.ToLower(strings.TrimSpace(a.mention))
		return
	}
	clean := p.text[p.toks[s].s:p.toks[e-1].e]
	// Pronouns.
	if e-s == 1 && p.inSet(s, pronounSet) {
		a.pronoun = true
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
	if name, ok := x.resolveName(clean, s, e); ok {
		a.source = name
		a.resolved = true
		x.lastSource = name
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
			if p.toks[k].kind == tkWord && !p.toks[k].upper && !p.inSet(k, nameConnectorSet) {
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
	// Names with a generic descriptor in front: "British-based Syrian Observatory ..."
	for k := s + 1; k < e; k++ {
		if p.toks[k].upper && p.toks[k].kind == tkWord {
			if ent, ok := x.lookupTokens(p.text[p.toks[k].s:p.toks[e-1].e], k, e); ok {
				return ent.Name, true
			}
		}
	}
	return "", false
}

// longFormCached is longForm with the article's cache: a short slice
// searched by comparing strings, then a map ("\x00" + short for !org).
func (x *analyzer) longFormCached(short string, org bool) string {
	for i := range x.longFormList {
		if l := &x.longFormList[i]; l.short == short && l.org == org {
			return l.full
		}
	}
	if len(x.longFormList) < maxLongFormList {
		full := x.longForm(short, org)
		x.longFormList = append(x.longFormList, longFormEntry{short, full, org})
		return full
	}
	key := short
	if !org {
		key = "\x00" + short
	}
	full, seen := x.longForms[key]
	if !seen {
		full = x.longForm(short, org)
		if x.longForms == nil {
			x.longForms = map[string]string{}
		}
		x.longForms[key] = full
	}
	return full
}

// longFormEntry is a cached longForm result.
type longFormEntry struct {
	short, full string
	org         bool
}

// maxLongFormList is how many longForm results the slice holds before the map.
const maxLongFormList = 16

// orgHeads are generic nouns that end organisation names, so "the
// institute" or "the council" can stand for the article's "National Civil
// Defence Institute" or "Kasama Municipal Council".
var orgHeads = setOf("institute", "agency", "council", "ministry", "department", "office", "committee", "commission",
	"federation", "society", "association", "union", "foundation", "authority", "service", "bureau", "directorate",
	"observatory", "network", "centre", "center", "coalition", "city", "municipality", "prefecture", "court", "survey")

// genericName writes a ministry that the table knows without its country
// the way articles do, in lower case: "Ministry of Health" -> "health
// ministry", like other generic sources ("police").
func genericName(name string) string {
	switch name {
	case "Ministry of Health":
		return "health ministry"
	case "Ministry of Defence":
		return "defence ministry"
	case "Ministry of Interior":
		return "interior ministry"
	case "Ministry of Foreign Affairs":
		return "foreign ministry"
	}
	return name
}

// buildAcronyms collects "Full Name (ACRO)" definitions of the article.
func (x *analyzer) buildAcronyms() {
	if x.acroBuilt {
		return
	}
	x.acroBuilt = true
	if x.acronyms == nil {
		x.acronyms = map[string]string{}
	}
	text := x.text
	for i := 0; i < len(text); {
		k := strings.IndexByte(text[i:], '(')
		if k < 0 {
			break
		}
		k += i
		i = k + 1
		e := strings.IndexByte(text[k:min(len(text), k+12)], ')')
		if e < 3 {
			continue
		}
		acro := text[k+1 : k+e]
		ok := len(acro) >= 2
		for j := 0; j < len(acro); j++ {
			if !(acro[j] >= 'A' && acro[j] <= 'Z' || acro[j] == '-' || acro[j] == '&' || j > 0 && acro[j] >= 'a' && acro[j] <= 'z') {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if full := capitalizedBefore(text, k); full != "" {
			x.defineAcronym(acro, full)
		}
	}
}

func (x *analyzer) defineAcronym(acro, full string) {
	if !x.acroBuilt {
		x.buildAcronyms()
	}
	full = strings.TrimSpace(full)
	for _, pre := range []string{"The ", "the "} {
		full = strings.TrimPrefix(full, pre)
	}
	if _, dup := x.acronyms[acro]; !dup && strings.Count(full, " ") >= 1 {
		x.acronyms[acro] = full
	}
}

// capitalizedBefore returns the run of capitalized words (with connectors)
// that ends just before byte k.
func capitalizedBefore(text string, k int) string {
	end := k
	for end > 0 && text[end-1] == ' ' {
		end--
	}
	start := end
	words := 0
	for start > 0 {
		j := start
		for j > 0 && text[j-1] != ' ' && text[j-1] != '\n' && text[j-1] != ',' && text[j-1] != '(' && text[j-1] != '"' {
			j--
		}
		w := text[j:start]
		if w == "" {
			break
		}
		if w[0] >= 'A' && w[0] <= 'Z' || nameConnectors[w] && words > 0 {
			start = j
			words++
			for start > 0 && text[start-1] == ' ' {
				start--
			}
			continue
		}
		break
	}
	// Drop leading connectors and "-based" adjectives.
	name := strings.TrimSpace(text[start:end])
	for {
		f, rest, ok := strings.Cut(name, " ")
		if !ok || !(nameConnectors[strings.ToLower(f)] || strings.HasSuffix(f, "-based")) {
			break
		}
		name = rest
	}
	if strings.Count(name, " ") < 1 {
		return ""
	}
	return name
}

// longForm finds an earlier, longer capitalized name that contains short
// ("Observatory" -> "Syrian Observatory for Human Rights").
func (x *analyzer) longForm(short string, org bool) string {
	text := x.text
	for from := 0; from < len(text); {
		k := strings.Index(text[from:], short)
		if k < 0 {
			return ""
		}
		k += from
		from = k + len(short)
		if from < len(text) && isLetterByte(text[from]) {
			continue
		}
		s := k
		for {
			j := s
			for j > 0 && text[j-1] == ' ' {
				j--
			}
			if j == s {
				break
			}
			w0 := j
			for w0 > 0 && (isLetterByte(text[w0-1]) || text[w0-1] == '-') {
				w0--
			}
			if w0 == j || !(text[w0] >= 'A' && text[w0] <= 'Z') {
				break
			}
			lw := strings.ToLower(text[w0:j])
			if lw == "the" || lw == "a" || lw == "an" || !org && (lexFlags(lw)&(fTitle|fSourceNoun|fPlaceNoun|fDet|fPrep|fVerbish) != 0 || venueWords[lw]) {
				break
			}
			s = w0
		}
		if !org {
			// A person: two or three capitalized words ending in the surname.
			full := text[s:from]
			if n := strings.Count(full, " "); n >= 1 && n <= 2 && !strings.ContainsAny(full, "\n,") {
				return full
			}
			continue
		}
		e := from
		for {
			rest := text[e:]
			adv := 0
			for _, c := range []string{" for ", " of ", " on ", " and ", " "} {
				if c == " " && e == from {
					break // plain juxtaposition only after a connector: "for Human Rights"
				}
				if strings.HasPrefix(rest, c) && len(rest) > len(c) && rest[len(c)] >= 'A' && rest[len(c)] <= 'Z' {
					adv = len(c)
					break
				}
			}
			if adv == 0 {
				break
			}
			f := e + adv
			for f < len(text) && (isLetterByte(text[f]) || text[f] == '-') {
				f++
			}
			e = f
		}
		full := text[s:e]
		if full != short && strings.Count(full, " ") >= 1 {
			if ent, ok := entity.Lookup(full); ok {
				return ent.Name
			}
			if strings.Count(full, " ") >= 2 {
				return full
			}
		}
	}
	return ""
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

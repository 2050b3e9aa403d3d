package extract

import (
	"strings"

	"github.com/claimscan/claimscan/jobs/entity"
)

// Source noun phrases: how far the phrase of a source reaches before or
// after its cue.

// isNPWord reports whether token k can be part of a source noun phrase.
func (x *analyzer) isNPWord(k int) bool {
	p := &x.p
	t := &p.toks[k]
	switch t.kind {
	case tkWord:
		f := t.flags()
		if f&fCue != 0 && !t.upper && p.inSet(k, docNouns) && k > 0 && p.fl(k-1)&(fDet|fNumWord) != 0 {
			return true // "One report said", "a statement said"
		}
		if p.possessiveAt(k) >= 0 && p.w(k) == "s" {
			return true // the "s" of "Sheriff’s Office"
		}
		if f&(fCue|fClause) != 0 && !t.upper || f&(fNumWord|fOrdinal) != 0 && f&(fSourceNoun|fTitle) == 0 {
			return false // "One DART officer": a count, not a name
		}
		if t.upper && f&(fVerbish|fClause|fPrep|fAux|fCue|fTimeRel|fWeekday|fMonth|fHedge) != 0 && f&(fSourceNoun|fTitle|fPlace) == 0 || p.inSet(k, notNameWords) {
			return false // "But he", "Thursday and", "According to": not a name's words
		}
		if (p.isWord(k, "that") || p.isWord(k, "this")) && !(k+1 < len(p.toks) && p.fl(k+1)&fSourceNoun != 0) {
			return false // "Lazar that she said"
		}
		if t.upper || f&(fSourceNoun|fTitle|fDet) != 0 || p.inSet(k, nameConnectors) || p.inSet(k, speakingGroups) {
			return true
		}
		if f&fCue != 0 && p.inSet(k, docNouns) && k > 0 && p.fl(k-1)&(fDet|fNumWord) != 0 {
			return true // "One report said", "a statement said"
		}
		if p.inSet(k, pronouns) {
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
		if p.isPunct(k, ".") && k+1 < end && p.toks[k+1].space {
			break // "FORT MYERS, Fla. Florida police": the dateline ends here
		}
		if k+1 < end && p.toks[k+1].space && strings.IndexByte(p.text[p.toks[k].e:p.toks[k+1].s], '\n') >= 0 {
			break // a line break: a heading or a caption before
		}
		if k == end-1 && k >= 3 && p.toks[k].kind == tkWord && !p.toks[k].upper && p.fl(k)&^fPlace == 0 && p.isWord(k-1, "the") &&
			(p.isWord(k-2, "on") || p.isWord(k-2, "in") || p.isWord(k-2, "at") || p.isWord(k-2, "near")) && p.fl(k-3)&fSourceNoun != 0 {
			k -= 3 // "sources on the ground told", "officials in the area said"
			continue
		}
		if p.toks[k].kind == tkWord && p.inSet(k, pronouns) {
			if k == end-1 {
				k-- // a pronoun is the whole phrase: "he said"
			}
			break // "FBI they said": the phrase ends before the pronoun
		}
		if x.isNPWord(k) {
			lowerRun = 0
			k--
			continue
		}
		// Allow up to two adjectives before a noun: "local activists", "US-based";
		// but a noun of people is no adjective ("a man authorities say").
		if p.toks[k].kind == tkWord && !p.toks[k].upper && p.fl(k)&(fVerbish|fAux|fCue|fPred|fNeg|fPrep|fClause|fSubj|fNumWord) == 0 && !p.inSet(k, notNameWords) && lowerRun < 2 && k+1 < end &&
			(p.toks[k+1].kind == tkWord && !p.toks[k+1].upper && p.fl(k+1)&(fSourceNoun|fTitle) != 0 || p.isDashTok(k+1) || p.isWord(k, "based")) {
			lowerRun++
			k--
			continue
		}
		break
	}
	s := k + 1
	// Trim leading connectors, punctuation and stray adjectives; but "Al-"
	// of "Al-Sawarmi Khalid" is the name's.
	for s < end && (p.toks[s].kind == tkPunct || p.toks[s].kind == tkWord && p.inSet(s, nameConnectors) && p.w(s) != "the" &&
		!(p.toks[s].upper && p.isDashTok(s+1) && !p.toks[s+1].space)) {
		s++
	}
	// A curated name with commas: "Bureau of Alcohol, Tobacco, Firearms
	// and Explosives".
	for q := s - 1; q > 0 && p.isPunct(q, ",") && p.toks[s].upper; {
		r := q - 1
		for r >= 0 && p.toks[r].kind == tkWord && (p.toks[r].upper || p.inSet(r, nameConnectors)) {
			r--
		}
		if r+1 >= q {
			break
		}
		if _, ok := entity.Lookup(p.text[p.toks[r+1].s:p.toks[end-1].e]); ok {
			s = r + 1
			break
		}
		q = r
		if !p.isPunct(q, ",") {
			break
		}
	}
	// The phrase must contain a head: a capitalized word, a source noun, a
	// noun of people ("the refugees said") or a pronoun.
	for j := s; j < end; j++ {
		t := &p.toks[j]
		if t.kind == tkWord && (t.upper || t.flags()&(fSourceNoun|fTitle) != 0 || p.inSet(j, speakingGroups) || p.inSet(j, pronouns)) && p.fl(j)&fDet == 0 {
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
		if q := x.descriptorEnd(j, lim); q > j {
			j = q // "national disaster agency spokesman ...", "local officials"
			continue
		}
		break
	}
	// No dangling words at the end: punctuation, connectors, lower-case
	// words that are not generic sources ("AFP late").
	for j > i && (p.toks[j-1].kind == tkPunct && !p.isPunct(j-1, ")") || p.toks[j-1].kind == tkWord && (p.inSet(j-1, nameConnectors) ||
		!p.toks[j-1].upper && p.fl(j-1)&(fSourceNoun|fTitle) == 0)) {
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

// descriptorEnd returns the end of a run of up to three lower-case
// modifiers that starts at token j and leads to a generic source noun or a
// title ("national disaster agency spokesman", "local officials"), or j
// when there is none. Time words ("late", "early") and verbs end it.
func (x *analyzer) descriptorEnd(j, lim int) int {
	p := &x.p
	q := j
	for q < lim && q < j+3 && p.toks[q].kind == tkWord && !p.toks[q].upper && p.fl(q)&(fVerbish|fAux|fCue|fPred|fPrep|fNeg|fTimeRel|fDet|fNumWord|fOrdinal|fSourceNoun|fTitle) == 0 &&
		!p.inSet(q, timeAdjs) {
		q++
	}
	if q == j || q >= lim || p.toks[q].kind != tkWord || p.fl(q)&(fSourceNoun|fTitle) == 0 || p.fl(q)&(fMonth|fWeekday) != 0 {
		return j
	}
	return q
}

// placePhraseEnd returns the end of a short prepositional phrase at token
// j that ends the sentence ("in Geneva.", "from Jerusalem"), or j.
func (x *analyzer) placePhraseEnd(j int) int {
	p := &x.p
	n := len(p.toks)
	if !(p.isWord(j, "in") || p.isWord(j, "at") || p.isWord(j, "from")) {
		return j
	}
	k := j + 1
	for k < n && k <= j+4 && p.toks[k].kind == tkWord && p.fl(k)&(fCue|fVerbish|fPred) == 0 {
		k++
	}
	if k == j+1 {
		return j
	}
	e := k
	for e < n && p.toks[e].kind == tkPunct && !p.isPunct(e, "\"") && !p.isPunct(e, "“") {
		e++
	}
	if e < n {
		return j
	}
	return k
}

package extract

import "strings"

// What the words around a number say of the claim it makes: a subset of
// the count before it ("including 38 children"), a count it inherits
// ("11 of them", "up from 46"), a count the sentence does not name ("the
// count stood at 38"), a bare total, a zero count's second predicate.

// inheritsPrevious reports whether mention m, with neither subject nor
// predicate, counts what the previous claim of its sentence counts: "of
// them", "up from 46", or a number whose verb follows with no noun
// ("a further 600 were damaged", "more than 3,000 damaged").
func (x *analyzer) inheritsPrevious(m *mention, ofThem bool) bool {
	p := &x.p
	if ofThem {
		return true
	}
	if m.ts >= 2 && p.isWord(m.ts-1, "from") && (p.isWord(m.ts-2, "up") || p.isWord(m.ts-2, "down")) {
		return true
	}
	k := m.te
	for k < len(p.toks) && p.toks[k].kind == tkWord && p.fl(k)&fAux != 0 {
		k++
	}
	if k < len(p.toks) && p.toks[k].kind == tkWord && !p.toks[k].upper && strings.HasSuffix(p.w(k), "ed") && p.fl(k)&(fCue|fVerbish) == 0 {
		return m.ts > 0 && (p.isWord(m.ts-1, "and") || p.isWord(m.ts-1, "further") || p.isWord(m.ts-1, "another") || p.isWord(m.ts-1, "than"))
	}
	return false
}

// widen returns tokens [s, e) widened to the clause [cs, ce) it stands in
// (trailing punctuation left out), or by a "there were" before it.
func (x *analyzer) widen(s, e, cs, ce int) (int, int) {
	p := &x.p
	for ce > e && p.toks[ce-1].kind == tkPunct {
		ce--
	}
	if ce > e {
		return s, ce
	}
	if s >= 2 && (p.isWord(s-1, "were") || p.isWord(s-1, "was")) && p.isWord(s-2, "there") {
		return s - 2, e
	}
	return s, e
}

// zeroSecond returns the second predicate of a zero count and the token
// its words end at: "no one was killed or injured" (injured), "no dead or
// wounded" (injured), "no casualties" (injured, in the same words); 0 when
// there is none.
func (x *analyzer) zeroSecond(at *attachment, ce int) (uint8, int) {
	p := &x.p
	if at.predS < 0 {
		return 0, 0
	}
	k := at.predE
	if (p.isWord(k, "or") || p.isWord(k, "and") || p.isWord(k, "nor")) && k+1 < ce && p.toks[k+1].kind == tkWord && p.fl(k+1)&fPred != 0 {
		if pr := p.toks[k+1].info().pred; pr != at.pred {
			if pr == pShot {
				pr = pInjured
			}
			return pr, k + 2
		}
	}
	if at.pred == pKilled && p.isWord(at.predE-1, "casualties") {
		return pInjured, at.predE
	}
	return 0, 0
}

// pluralBefore returns the last counted thing of the sentence before token
// k, within twelve words ("those flights"), or -1.
func (x *analyzer) pluralBefore(k int) int {
	p := &x.p
	for q := k - 1; q >= 0 && q >= k-12; q-- {
		if p.toks[q].kind == tkWord && p.toks[q].li >= 0 && (p.inSet(q, eventThings) || p.inSet(q, thingNouns)) {
			return q
		}
	}
	return -1
}

// subsetOfPrevious reports whether mention m opens a subset of the count
// before it: "including 38 children", "among them 11 children", "11 of
// them".
func (x *analyzer) subsetOfPrevious(m *mention) bool {
	p := &x.p
	k := m.ts - 1
	if p.isWord(k, "and") {
		// "including at least 25 minors and more than a dozen journalists"
		for q := k - 1; q >= 0 && q >= k-8 && !p.isPunct(q, ";"); q-- {
			if p.isWord(q, "including") {
				return true
			}
		}
	}
	return p.isWord(k, "including") || p.isWord(k, "them") && p.isWord(k-1, "among") || p.isWord(k, "whom") && p.isWord(k-1, "among") ||
		p.isWord(m.te, "of") && (p.isWord(m.te+1, "them") || p.isWord(m.te+1, "whom"))
}

// firedAfter reports whether a verb of firing follows token k: "12
// discharged their weapons", "two opened fire".
func (x *analyzer) firedAfter(k int) bool {
	p := &x.p
	return p.isWord(k, "fired") || p.isWord(k, "discharged") || p.isWord(k, "opened") && p.isWord(k+1, "fire") ||
		p.isWord(k, "exchanged") && p.isWord(k+1, "fire")
}

// countOf reports a figure given as a count that the sentence does not
// name: "The government's count stood at 38 on Thursday."
func (x *analyzer) countOf(m *mention) bool {
	p := &x.p
	k := m.ts - 1
	if !(p.isWord(k, "at") || p.isWord(k, "to") || p.isWord(k, "was") || p.isWord(k, "is")) {
		return false
	}
	for q := k - 1; q >= 0 && q >= k-3; q-- {
		if p.isWord(q, "count") || p.isWord(q, "tally") || p.isWord(q, "figure") || p.isWord(q, "estimate") || p.isWord(q, "total") {
			return true
		}
		if p.toks[q].kind != tkWord || p.fl(q)&(fAux) == 0 && !p.inSet(q, tollVerbs) {
			return false
		}
	}
	return false
}

// totalOnly reports whether mention m is a bare total: the sentence is
// "Total 50." or "In total, 50."
func (x *analyzer) totalOnly(m *mention) bool {
	p := &x.p
	k := m.ts - 1
	if p.isPunct(k, ",") || p.isPunct(k, ":") {
		k--
	}
	if !p.isWord(k, "total") || k > 1 || k == 1 && !p.isWord(0, "in") {
		return false
	}
	return m.te == len(p.toks) || m.te == len(p.toks)-1 && p.toks[m.te].kind == tkPunct
}

// mentionBetween reports whether a claim-worthy number starts in tokens [s, e).
func (x *analyzer) mentionBetween(s, e int) bool {
	for i := range x.ments {
		if m := &x.ments[i]; m.cs >= s && m.cs < e && (m.class == classCount || m.class == classPercent || m.class == classMoney) {
			return true
		}
	}
	return false
}

package extract

// What is a claim. A researcher counts the quantities of the news:
// casualties, arrests, displaced, missing, hostages, crowds, shots fired,
// munitions, buildings damaged, money. The people and things of an
// anecdote are not such counts ("her two sons", "three tours of duty",
// "two friends", "one of the slain", "four different hospitals", "a few
// bad apples"), and notCounted tells them apart from the claims by the
// words around the number, not by the sentence.

// possessiveAt returns the owner token of a possessive "'s" ending at token
// k ("Shelton's", "the town’s"), or -1.
func (p *numParser) possessiveAt(k int) int {
	if k < 1 || p.toks[k].kind != tkWord {
		return -1
	}
	if p.w(k) == "'s" {
		return k - 1
	}
	if p.w(k) == "s" && k >= 2 && !p.toks[k].space && (p.isPunct(k-1, "’") || p.isPunct(k-1, "'")) && !p.toks[k-1].space {
		return k - 2
	}
	return -1
}

// notCounted reports whether mention m, attached as at with the predicate
// pred in the clause [cs, ce), counts the people or things of an anecdote
// rather than a quantity of the news.
func (x *analyzer) notCounted(m *mention, at *attachment, pred string, cs, ce int) bool {
	p := &x.p
	one := !m.vague && !m.isRange && m.v1 == 1 && m.cs+1 == m.ce
	// "one of the slain", "one of its former officers", "one of the most
	// seismically active regions": a member, not a count.
	if one && p.isWord(m.te, "of") {
		return true
	}
	// A person's people: "her two sons", "Shelton's children", "Martinez's
	// two gunshot wounds"; but a place's or a body's are counts ("the
	// town's 1,200 residents", "Syria's 20 million people").
	if b := m.ts - 1; b >= 0 && p.toks[b].kind == tkWord {
		if p.inSet(b, possessives) {
			return true
		}
		if o := p.possessiveAt(b); o >= 0 && p.toks[o].kind == tkWord {
			if p.toks[o].upper {
				if _, _, ok := p.placeAt(o); !ok && p.fl(o)&(fSourceNoun|fPlaceNoun) == 0 && !p.toks[o].caps {
					return true
				}
			} else if p.fl(o)&(fPlaceNoun|fSourceNoun) == 0 {
				return true
			}
		}
	}
	if m.class == classPercent {
		// "99.9 per cent sure", "100 percent of funds": not a quantity.
		return m.v1 == 100 && !m.isRange || m.te < len(p.toks) && p.toks[m.te].kind == tkWord && p.inSet(m.te, certaintyWords)
	}
	if m.class == classMoney {
		return false
	}
	if m.zero && pred != "killed" && pred != "injured" && pred != "missing" {
		return true // "no one has been charged", "no one had fled": no event yet, not a count
	}
	if at.subjS >= 0 && p.inSet(at.subjE-1, kinWords) {
		return true
	}
	if pred != "other" {
		// Places with a casualty verb: "evacuated to 10 temporary
		// shelters", "killed in 14 villages", "taken away in two trucks".
		return at.thing && (p.inSet(at.subjE-1, siteWords) || p.fl(at.subjE-1)&fPlaceNoun != 0)
	}
	// "several", "a few", "a handful" alone: an impression, not a count.
	if m.vague && m.vhi < 10 {
		return true
	}
	if one && (at.subj == "shots" || at.subj == "bullets" || at.subj == "rounds") {
		return true // "fired one shot": a detail of the story
	}
	if eventThings.m[at.subj] {
		return false // also a subject taken from the previous claim: "of which four exploded"
	}
	if at.thing {
		k := at.subjE - 1
		if p.inSet(k, eventThings) {
			return false
		}
		return !x.wordNear(cs, ce, m.ts, at.subjE, damageWords)
	}
	if one {
		return true // "one man", "one suspect": a person of the story
	}
	if at.subsetOf {
		// "four of the victims", "three of them were armed": a subset of the
		// story's people, unless it did something counted ("three of whom
		// remain at large").
		return !x.wordNear(cs, ce, m.ts, max(m.te, at.subjE), actWords)
	}
	if at.subjS >= 0 && p.inSet(at.subjE-1, actSubjects) || at.subjS < 0 && actSubjects.m[at.subj] {
		return false
	}
	// A crowd or an audience is large: "32 million people watched".
	if lo, best, hi, _, _, _ := m.values(); max(lo, best, hi) >= 1000 {
		return false
	}
	to := max(m.te, at.subjE)
	if at.subjS < 0 && x.wordNear(cs, ce, m.ts, to, damageWords) {
		return false // "a further 600 were damaged" after "230 homes had collapsed"
	}
	return !x.wordNear(cs, ce, m.ts, to, actWords)
}

// wordNear reports whether a word of set s stands in the clause [cs, ce)
// within five words before token from or ten after token to.
func (x *analyzer) wordNear(cs, ce, from, to int, s *lexSet) bool {
	p := &x.p
	for k := max(cs, from-5); k < from; k++ {
		if p.toks[k].kind == tkWord && p.inSet(k, s) {
			return true
		}
	}
	for k := to; k < min(ce, to+10); k++ {
		if p.toks[k].kind == tkWord && p.inSet(k, s) {
			return true
		}
	}
	return false
}

package extract

// What is a claim. A researcher counts the quantities of the news:
// casualties, arrests, displaced, missing, hostages, crowds, shots fired,
// munitions, buildings damaged, money. The people and things of an
// anecdote are not such counts ("her two sons", "three tours of duty",
// "two friends", "one of the slain", "four different hospitals", "a few
// bad apples"), and notCounted tells them apart from the claims by the
// words around the number, not by the sentence.

// eventThings are things counted as the news's own quantities whatever
// the verb: munitions and shots, weapons, flights, livestock.
var eventThings = wordSet("event-thing")

// damageWords make a count of buildings, vehicles and places a claim: "300
// houses were damaged", "destroyed 40 vehicles".
var damageWords = wordSet("damage-word")

// actWords make a count of people that have no casualty verb a claim: a
// crowd ("300 people packed the club", "hundreds gathered"), people who
// fired or were involved ("11 officers who exchanged fire"), suspects and
// witnesses dealt with ("interviewed 175 witnesses", "questioned and
// released"), people sheltering or present.
var actWords = wordSet("act-word")

// actSubjects count people whose number is a claim without a verb:
// suspects, attackers, hostages, protesters.
var actSubjects = wordSet("act-subject")

// kinWords are the people of a family or a circle of friends: counted in
// anecdotes, not as the news's quantities.
var kinWords = wordSet("kin-word")

// siteWords are places and vehicles: with a casualty verb they say where
// or how, not who ("evacuated to 10 shelters", "in two trucks").
var siteWords = wordSet("site-word")

// possessives before a number make it a person's: "her two sons".
var possessives = wordSet("possessive")

// certaintyWords after a percentage make it a degree of belief, not a
// quantity: "99.9 per cent sure".
var certaintyWords = wordSet("certainty-word")

var (
	eventThingSet  = newLexSet(eventThings)
	damageWordSet  = newLexSet(damageWords)
	actWordSet     = newLexSet(actWords)
	actSubjectSet  = newLexSet(actSubjects)
	kinWordSet     = newLexSet(kinWords)
	possessiveSet  = newLexSet(possessives)
	certaintyWdSet = newLexSet(certaintyWords)
	siteWordSet    = newLexSet(siteWords)
)

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
		if p.inSet(b, possessiveSet) {
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
		return m.v1 == 100 && !m.isRange || m.te < len(p.toks) && p.toks[m.te].kind == tkWord && p.inSet(m.te, certaintyWdSet)
	}
	if m.class == classMoney {
		return false
	}
	if m.zero && pred != "killed" && pred != "injured" && pred != "missing" {
		return true // "no one has been charged", "no one had fled": no event yet, not a count
	}
	if at.subjS >= 0 && p.inSet(at.subjE-1, kinWordSet) {
		return true
	}
	if pred != "other" {
		// Places with a casualty verb: "evacuated to 10 temporary
		// shelters", "killed in 14 villages", "taken away in two trucks".
		return at.thing && (p.inSet(at.subjE-1, siteWordSet) || p.fl(at.subjE-1)&fPlaceNoun != 0)
	}
	// "several", "a few", "a handful" alone: an impression, not a count.
	if m.vague && m.vhi < 10 {
		return true
	}
	if one && (at.subj == "shots" || at.subj == "bullets" || at.subj == "rounds") {
		return true // "fired one shot": a detail of the story
	}
	if eventThings[at.subj] {
		return false // also a subject taken from the previous claim: "of which four exploded"
	}
	if at.thing {
		k := at.subjE - 1
		if p.inSet(k, eventThingSet) {
			return false
		}
		return !x.wordNear(cs, ce, m.ts, at.subjE, damageWordSet)
	}
	if one {
		return true // "one man", "one suspect": a person of the story
	}
	if at.subsetOf {
		// "four of the victims", "three of them were armed": a subset of the
		// story's people, unless it did something counted ("three of whom
		// remain at large").
		return !x.wordNear(cs, ce, m.ts, max(m.te, at.subjE), actWordSet)
	}
	if at.subjS >= 0 && p.inSet(at.subjE-1, actSubjectSet) || at.subjS < 0 && actSubjects[at.subj] {
		return false
	}
	// A crowd or an audience is large: "32 million people watched".
	if lo, best, hi, _, _, _ := m.values(); max(lo, best, hi) >= 1000 {
		return false
	}
	to := max(m.te, at.subjE)
	if at.subjS < 0 && x.wordNear(cs, ce, m.ts, to, damageWordSet) {
		return false // "a further 600 were damaged" after "230 homes had collapsed"
	}
	return !x.wordNear(cs, ce, m.ts, to, actWordSet)
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

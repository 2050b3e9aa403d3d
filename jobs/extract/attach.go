package extract

import "strings"

// What a number attaches to: the predicate and the subject of its claim,
// read from the counted noun after it, the verb of its clause, a
// partitive ("four of the victims") or the claim before it.

// attachment is what a number is about: its predicate and subject.
type attachment struct {
	pred         uint8
	other        bool // a counted noun without a predicate
	thing        bool // the counted noun is a thing, not people ("12 schools")
	subsetOf     bool // a subset of people named before: "four of the victims", "three of them"
	subj         string
	subjS, subjE int
	predS, predE int
	negated      bool
	notCount     bool
	ofThem       bool // "four of them": counts what the previous claim counts
}

// attach finds the predicate and subject of mention m.
func (x *analyzer) attach(m *mention, cs, ce int) attachment {
	p := &x.p
	var at attachment
	at.subjS, at.subjE, at.predS, at.predE = -1, -1, -1, -1
	// Subject after the number.
	j := m.te
	if m.widened && p.isPunct(j, ",") {
		j++ // "hundreds, perhaps thousands, of people"
	}
	if m.zero && m.ce > m.cs+1 {
		// "no civilians", "none of them": the noun is inside the mention.
		k := m.ce - 1
		if f := p.fl(k); f&fSubj != 0 {
			at.subj, at.subjS, at.subjE = p.toks[k].info().subj, k, k+1
		}
		if f := p.fl(k); f&fPred != 0 {
			at.pred, at.predS, at.predE = p.toks[k].info().pred, k, k+1
		}
	}
	partitive := false
	if p.isWord(j, "of") && (m.vague || m.word || p.isWord(j+1, "the") || p.isWord(j+1, "them") || p.isWord(j+1, "whom") || p.isWord(j+1, "its") || p.isWord(j+1, "their")) {
		j++
		partitive = true
		if p.isWord(j, "them") || p.isWord(j, "whom") {
			// "four of them in critical condition": what them counts is
			// the previous claim's.
			at.ofThem = true
		}
		at.subsetOf = p.isWord(j, "the") || p.isWord(j, "them") || p.isWord(j, "whom") || p.isWord(j, "those") || p.isWord(j, "their") || p.isWord(j, "its")
		if p.isWord(j, "the") || p.isWord(j, "them") || p.isWord(j, "whom") || p.isWord(j, "those") || p.isWord(j, "its") || p.isWord(j, "their") {
			j++
		}
	}
	if partitive && j < ce && p.toks[j].kind == tkWord && p.fl(j)&fPred != 0 && p.fl(j)&fSubj == 0 {
		// "14 of the dead were children", "two of the wounded died": the
		// group is the predicate; a later verb or noun may say more.
		at.pred, at.predS, at.predE = p.toks[j].info().pred, j, j+1
		k := j + 1
		if p.isWord(k, "were") || p.isWord(k, "are") {
			if p.fl(k+1)&fSubj != 0 {
				at.subj, at.subjS, at.subjE = p.toks[k+1].info().subj, k+1, k+2
			}
		} else if p.fl(k)&fPred != 0 && p.toks[k].info().pred == pKilled {
			at.pred, at.predS, at.predE = pKilled, k, k+1 // "two of the wounded died"
		}
	}
	adjPred, adjS := uint8(0), -1
	for k := j; k < ce && k < j+7 && at.subjS < 0 && at.pred == 0; k++ {
		t := &p.toks[k]
		if t.kind == tkPunct {
			if isDash(p.text[t.s:t.e]) && !t.space || isQuote(p.text[t.s:t.e]) {
				continue
			}
			break
		}
		if t.kind == tkNum {
			break
		}
		f := t.flags()
		w := p.w(k)
		if f&(fTimeUnit|fMeasure) != 0 && !t.upper && f&fSubj == 0 && k <= j+1 {
			at.notCount = true
			return at
		}
		if f&fSubj != 0 && p.isDashTok(k+1) && !p.toks[k+1].space && k+2 < ce && p.toks[k+2].kind == tkWord && !p.toks[k+2].space {
			k += 2 // "two deadly officer-involved shootings": a modifier
			continue
		}
		if f&fPred != 0 && f&fSubj == 0 && !t.upper && k+1 < ce && p.toks[k+1].kind == tkWord && !p.toks[k+1].upper &&
			p.fl(k+1)&(fPred|fAux|fVerbish|fCue|fPrep|fNeg|fClause|fDet) == 0 && (p.fl(k+1)&fSubj != 0 || strings.HasSuffix(p.w(k+1), "s")) {
			// An adjective: "two injured men", "several affected villages".
			if adjPred == 0 {
				adjPred, adjS = t.info().pred, k
			}
			continue
		}
		if f&fSubj != 0 {
			// the last of consecutive subject nouns: "police officers",
			// also through the words of a name: "Dallas Police Department
			// officers".
			e := k + 1
			for q := k + 1; q < ce && q < k+5 && p.toks[q].kind == tkWord && (p.fl(q)&fSubj != 0 || p.toks[q].upper && p.fl(q)&(fCue|fPred|fAux|fVerbish|fDet|fMonth|fWeekday) == 0); q++ {
				if p.fl(q)&fSubj != 0 {
					e = q + 1
				}
			}
			head := e - 1
			at.subj, at.subjS, at.subjE = p.toks[head].info().subj, k, e
			if p.w(head) == "workers" && p.w(k) == "aid" {
				at.subj = "aid workers"
			}
			if p.toks[head].info().f&fPred != 0 {
				at.pred, at.predS, at.predE = p.toks[head].info().pred, head, e
			}
			break
		}
		if (w == "further" || w == "more" || w == "additional") && k+1 < ce && p.toks[k+1].kind == tkWord {
			continue // "three further explosions"
		}
		if f&(fPred|fAux|fVerbish|fCue|fPrep|fNeg|fClause|fDet) != 0 && f&fSubj == 0 {
			break
		}
		if t.upper && len(w) > 4 && (strings.HasSuffix(w, "ians") || strings.HasSuffix(w, "ans") || strings.HasSuffix(w, "is") || strings.HasSuffix(w, "ese")) {
			at.subj, at.subjS, at.subjE = "people", k, k+1
			break
		}
		if !t.upper && (p.inSet(k, thingNouns) || p.inSet(k, eventThings) || w == "head" && p.isWord(k+1, "of") && p.inSet(min(k+2, len(p.toks)-1), thingNouns)) {
			// Counted things that are not people: "2.5 million livestock",
			// "6,000 head of cattle".
			if w == "head" {
				k += 2
				w = p.w(k)
			}
			if k+1 < ce && p.toks[k+1].kind == tkWord && !p.toks[k+1].upper && (p.inSet(k+1, eventThings) || p.inSet(k+1, thingNouns) ||
				p.fl(k+1)&^fPlace == 0 && len(p.w(k+1)) > 3 && strings.HasSuffix(p.w(k+1), "s") && !strings.HasSuffix(p.w(k+1), "ss")) {
				k++ // "gun shots", "two firearms offenses": the last noun is the head
				if p.toks[k].li < 0 {
					// A word the lexicon does not hold: the text itself
					// when it is the lowered word, else a copy.
					sw := x.text[p.toks[k].s:p.toks[k].e]
					if sw != p.w(k) {
						sw = strings.Clone(p.w(k))
					}
					at.subj, at.subjS, at.subjE, at.other, at.thing = sw, k, k+1, true, true
					break
				}
			}
			at.subj, at.subjS, at.subjE, at.other, at.thing = lexKeys[p.toks[k].li], k, k+1, true, true
			break
		}
		if !t.upper && len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "ous") &&
			(k+1 >= ce || p.toks[k+1].kind != tkWord || p.fl(k+1)&(fAux|fVerbish|fPred|fCue|fPrep|fClause) != 0 || p.fl(k+1) == 0 && !strings.HasSuffix(p.w(k+1), "s")) {
			// a counted thing: "12 schools", "three homes"
			// The text itself when it is the lowered word (no capitals),
			// else a copy: claims must not pin the lowered text.
			if sw := x.text[t.s:t.e]; sw == w {
				at.subj = sw
			} else {
				at.subj = strings.Clone(w)
			}
			at.subjS, at.subjE, at.other, at.thing = k, k+1, true, true
			break
		}
	}
	// Predicate after the subject (or the number).
	f0 := m.te
	if at.subjE > 0 {
		f0 = at.subjE
	}
	fwd, fwdS, fwdE, fd := uint8(0), -1, -1, 0
	neg := false
	if at.pred == 0 {
		fwd, fwdS, fwdE, fd, neg = x.predAfter(&at, f0, ce)
		if fwd == 0 && p.isPunct(f0, ",") {
			// A relative clause or an apposition between the count and
			// its verb: "three Palestinians, who had sought refuge in a UN
			// school, died"; "At least 19 people, ranging from 12- to
			// 27-years-old, were treated at local hospitals".
			for k := f0 + 1; k < len(p.toks) && k < f0+25; k++ {
				if p.isPunct(k, ";") || p.isPunct(k, ":") {
					break
				}
				if p.isPunct(k, ",") {
					if k+1 < len(p.toks) && p.toks[k+1].kind == tkWord && p.fl(k+1)&(fAux|fPred) != 0 {
						_, e2 := x.clauseBounds(k + 1)
						fwd, fwdS, fwdE, fd, neg = x.predAfter(&at, k+1, e2)
						fd += k + 1 - f0
					}
					break
				}
			}
		}
	}
	// Predicate before the number: "killed 3", "wounding two agents", "death toll rose to 50".
	bwd, bwdS, bd := uint8(0), -1, 0
	tollVerb := false
	if at.pred == 0 {
		d := 0
		for k := m.ts - 1; k >= cs && d < 6; k-- {
			t := &p.toks[k]
			if t.kind != tkWord {
				if p.passable(k) {
					continue
				}
				break
			}
			w := p.w(k)
			f := t.flags()
			if f&fPred != 0 && f&fSubj == 0 {
				bwd, bwdS, bd = t.info().pred, k, d
				break
			}
			if (w == "forced" || w == "driven") && (p.isWord(m.te, "from") || p.isWord(m.te, "out") || p.isWord(m.te, "to") && (p.isWord(m.te+1, "flee") || p.isWord(m.te+1, "leave"))) {
				bwd, bwdS, bd = pDisplaced, k, d // "forced more than 18,000 from their homes"
				break
			}
			if p.inSet(k, tollVerbs) {
				// "the death toll from Sunday's earthquake rose to 27", "the
				// number of bodies recovered ... rose to 63": the toll is
				// further back in the clause.
				tollVerb = true
			}
			if w == "of" && k-1 >= cs {
				q := k - 1
				if p.fl(q)&fPlaceNoun != 0 || (p.fl(q)&fDet == 0 && p.fl(q) == 0 && q-1 >= cs && p.fl(q-1)&fPlaceNoun != 0) {
					bwd, bwdS, bd = pPopulation, q, d
					break
				}
			}
			if w == "home" && p.isWord(k+1, "to") {
				bwd, bwdS, bd = pPopulation, k, d
				break
			}
			if w == "by" {
				break // "killed by 3 gunmen": the number is the agent
			}
			if w == "shooting" && (k == m.ts-1 || k == m.ts-2 && p.fl(m.ts-1)&fDet != 0) {
				bwd, bwdS, bd = pShot, k, d // "fatally shooting the five travelers"
				break
			}
			if (w == "and" || w == "or") && d == 0 {
				// A second object of the verb: "wounded four other officers
				// and two civilians": on past the first.
				if q := x.countBefore(k, cs); q >= 0 {
					d += k - q
					k = q
					continue
				}
				break
			}
			if w == "to" && k-2 >= cs && p.isWord(k-2, "from") && (p.toks[k-1].kind == tkNum || p.fl(k-1)&fNumWord != 0) {
				// "revised from eight to six": the later figure, on before
				// the earlier.
				d += 2
				k -= 2
				continue
			}
			if w == "from" && d == 0 && p.isWord(m.te, "to") {
				d++
				continue
			}
			if f&(fAux|fDet) != 0 || w == "to" || w == "rose" || w == "risen" || w == "climbed" || w == "reached" ||
				w == "stood" || w == "stands" || w == "at" || w == "of" || w == "leaving" || w == "left" || w == "has" ||
				w == "jumped" || w == "increased" || w == "hit" || w == "is" || w == "now" || w == "the" || w == "put" ||
				w == "official" || w == "total" || w == "number" || w == "including" || w == "grown" || w == "included" || w == "includes" ||
				strings.HasSuffix(w, "ly") {
				d++
				continue
			}
			break
		}
		if bwd == 0 && (tollVerb || p.isWord(m.ts-1, "at") || p.isWord(m.ts-1, "to") || p.isWord(m.ts-1, "from") || p.isWord(m.ts-1, "included") || p.isWord(m.ts-1, "includes")) {
			// "the death toll from the disaster ... to 11", "put the death
			// toll of the shelling at 40", "the number of injured was
			// revised from eight to six".
			for k := m.ts - 1; k >= cs && k >= m.ts-16; k-- {
				if p.toks[k].kind == tkPunct && (p.isPunct(k, ";") || p.isPunct(k, ":")) {
					break
				}
				if p.isWord(k, "toll") || p.isWord(k, "deaths") || p.isWord(k, "bodies") || p.isWord(k, "killed") || p.isWord(k, "dead") {
					bwd, bwdS, bd = pKilled, k, d
					break
				}
				if p.isWord(k, "number") && p.isWord(k+1, "of") && p.fl(k+2)&fPred != 0 && (tollVerb || p.isWord(m.ts-1, "to") || p.isWord(m.ts-1, "from")) {
					bwd, bwdS, bd = p.toks[k+2].info().pred, k+2, d
					break
				}
			}
		}
	}
	switch {
	case at.pred != 0:
	case fwd == 0 && bwd == 0 && adjPred != 0:
		at.pred, at.predS, at.predE = adjPred, adjS, adjS+1
	case fwd != 0 && (bwd == 0 || fd < bd || bwdS > 0 && p.isWord(bwdS-1, "to")):
		// After the noun, or before it but as an aim ("struggling to
		// evacuate 14 children still trapped"): the verb after.
		at.pred, at.predS, at.predE = fwd, fwdS, fwdE
	case bwd != 0:
		at.pred, at.predS, at.predE = bwd, bwdS, bwdS+1
	}
	if fwd != 0 && at.pred == fwd && at.predS == fwdS {
		at.negated = neg
	}
	if at.pred == pShot && at.predS == m.te && m.ts > 0 && (p.isWord(m.ts-1, "fired") || p.isWord(m.ts-1, "heard") || p.isWord(m.ts-1, "fire")) {
		// "fired one shot": a shot fired, not people shot.
		at.pred, at.subj, at.subjS, at.subjE, at.thing, at.other = 0, "shots", at.predS, at.predE, true, true
		at.predS, at.predE = -1, -1
	}
	if at.pred == pShot {
		// "shot dead", "fatally shot": killed; "are dead, six more shot":
		// the fatal word of another clause does not count.
		at.pred = pInjured
		lo, hi := min(m.ts, at.predS), max(m.te, at.predE)
		for k := lo - 1; k >= max(cs, lo-4) && p.toks[k].kind != tkPunct; k-- {
			if p.fl(k)&fFatal != 0 {
				at.pred = pKilled
			}
		}
		for k := hi; k < min(ce, hi+4) && p.toks[k].kind != tkPunct; k++ {
			if p.fl(k)&fFatal != 0 {
				at.pred = pKilled
			}
		}
	}
	if at.pred == 0 && at.subjS >= 0 && (p.isWord(at.subjE-1, "hostages") || p.isWord(at.subjE-1, "hostage") || p.isWord(at.subjE-1, "captives")) {
		at.pred, at.predS, at.predE = pAffected, at.subjE-1, at.subjE // "rescue 30 hostages"
	}
	if at.pred == pArrested && at.predS >= 0 && (p.isWord(at.predE, "hostage") || p.isWord(at.predE, "captive")) {
		at.pred, at.predE = pAffected, at.predE+1 // "15 people were held hostage"
	}
	if (at.pred == 0 || at.pred == pDisplaced) && at.subjS >= 0 && at.subj == "residents" || at.pred == 0 && at.subj == "people" {
		// "the town's 1,200 residents": a place's people are its population.
		if o := p.possessiveAt(m.ts - 1); o >= 0 && (p.fl(o)&fPlaceNoun != 0 || p.toks[o].upper && p.fl(o)&fPlace != 0) {
			at.pred, at.predS, at.predE = pPopulation, o, m.ts
		}
	}
	if at.pred == pDisplaced && at.predS >= at.subjS && at.predS < at.subjE && x.residentsOf(m, cs) {
		// "Yida is home to more than 22,000 refugees", "a camp of about
		// 20,000 refugees": the people who live there.
		at.pred = pPopulation
	}
	if at.pred == pKilled && at.predS >= 0 && p.isWord(at.predE-1, "bodies") && (p.isWord(at.predE, "never") || p.isWord(at.predE, "not")) &&
		(p.isWord(at.predE+1, "recovered") || p.isWord(at.predE+1, "found")) {
		at.pred = pMissing // "35,000 bodies never recovered"
	}
	if at.pred == 0 && at.subj == "patients" {
		// Patients are the injured of an attack or a disaster, the
		// affected of an outbreak.
		at.pred = pInjured
		if x.diseaseArticle() {
			at.pred = pAffected
		}
	}
	if at.pred != 0 && at.subj == "" && at.predS >= 0 && at.predE == at.predS+1 && (p.isWord(at.predS, "cases") || p.isWord(at.predS, "infections")) {
		at.subj = "cases" // "2,100 cases", "23 suspected cholera cases": cases, not people
	}
	if at.pred != 0 && at.subj == "" {
		at.subj = "people"
	}
	if at.pred != 0 && at.other {
		at.other = false
	}
	// A negation right before a backward predicate: "did not kill 3".
	if at.pred != 0 && at.predS >= 0 && at.predS < m.ts {
		for k := at.predS - 1; k >= max(cs, at.predS-3); k-- {
			if p.fl(k)&fNeg != 0 {
				at.negated = true
			}
		}
	}
	return at
}

// predAfter reads the predicate after a count's noun, from token f0 to the
// clause end ce: its predicate, tokens, distance in words and whether a
// negation came before it.
func (x *analyzer) predAfter(at *attachment, f0, ce int) (fwd uint8, fwdS, fwdE, fd int, neg bool) {
	p := &x.p
	fwdS, fwdE = -1, -1
	d := 0
	for k := f0; k < ce && d < 8; k++ {
		t := &p.toks[k]
		if t.kind != tkWord {
			if p.passable(k) {
				continue
			}
			break
		}
		w := p.w(k)
		f := t.flags()
		if f&fPred != 0 && f&fSubj == 0 || f&fPred != 0 && k == f0 {
			fwd, fwdS, fwdE, fd = t.info().pred, k, k+1, d
			break
		}
		switch {
		case w == "lost" || w == "losing":
			for q := k + 1; q < k+4 && q < ce; q++ {
				if p.isWord(q, "lives") || p.isWord(q, "life") {
					fwd, fwdS, fwdE, fd = pKilled, k, q+1, d
				}
			}
		case w == "forced" || w == "driven":
			if p.isWord(k+1, "to") || p.isWord(k+1, "from") || p.isWord(k+1, "out") {
				fwd, fwdS, fwdE, fd = pDisplaced, k, k+2, d
			}
		case w == "taken" || w == "rushed" || w == "transported" || w == "airlifted" || w == "treated" || w == "transferred" || w == "flown" || w == "hospitalized" ||
			(w == "stable" || w == "critical" || w == "serious") && k > f0 && (p.isWord(k-1, "are") || p.isWord(k-1, "is") || p.isWord(k-1, "remain") || p.isWord(k-1, "remained") || p.isWord(k-1, "were")):
			// "the other four are stable", "two flown to Memphis"
			fwd, fwdS, fwdE, fd = pInjured, k, k+1, d
		case w == "live" || w == "living" || w == "reside" || w == "lived":
			fwd, fwdS, fwdE, fd = pPopulation, k, k+1, d
		case w == "need" || w == "needing" || w == "needed":
			fwd, fwdS, fwdE, fd = pAffected, k, k+1, d
		}
		if fwd != 0 {
			break
		}
		if f&fNeg != 0 {
			neg = true
			d++
			continue
		}
		if w == "in" && (p.isWord(k+1, "hospital") || p.isWord(k+1, "critical") || p.isWord(k+1, "serious") || p.isWord(k+1, "stable") ||
			p.isWord(k+1, "good") || p.isWord(k+1, "fair") || p.isWord(k+1, "grave") || p.isWord(k+1, "intensive")) ||
			w == "on" && p.isWord(k+1, "board") || w == "with" && (p.isWord(k+1, "injuries") || p.isWord(k+1, "wounds")) {
			// "nine remained in hospital", "two in critical condition",
			// "three of the victims are in good condition", "50 people with
			// injuries", "200 people were on board".
			pr := pInjured
			if w == "on" {
				pr = pAffected
			}
			fwd, fwdS, fwdE, fd = pr, k, k+2, d
			break
		}
		if (w == "at" || w == "to") && (p.isWord(k+1, "hospital") || p.isWord(k+1, "hospitals") || p.isWord(k+1, "the") && (p.isWord(k+2, "hospital") || p.isWord(k+2, "hospitals")) ||
			k+1 < ce && p.toks[k+1].kind == tkWord && !p.toks[k+1].upper && p.fl(k+1)&fDet == 0 && (p.isWord(k+2, "hospitals") || p.isWord(k+2, "hospital"))) && k > 0 && p.fl(k-1)&fPred == 0 {
			// "three victims remained at the hospital", "six victims
			// arrived to area hospitals".
			fwd, fwdS, fwdE, fd = pInjured, k, k+2, d
			break
		}
		if (w == "slept" || w == "sleeping" || w == "sleep") && (p.isWord(k+1, "outdoors") || p.isWord(k+1, "outside") || p.isWord(k+1, "in") && (p.isWord(k+2, "tents") || p.isWord(k+2, "the"))) {
			// "about 300 people slept outdoors" after a quake.
			fwd, fwdS, fwdE, fd = pDisplaced, k, k+2, d
			break
		}
		if w == "among" && (p.isWord(k+1, "the") || p.isWord(k+1, "those")) && p.fl(k+2)&fPred != 0 {
			// "two militants were among the dead"
			fwd, fwdS, fwdE, fd = p.toks[k+2].info().pred, k, k+3, d
			break
		}
		if (w == "in" || w == "into") && p.isWord(k+1, "custody") {
			fwd, fwdS, fwdE, fd = pArrested, k, k+2, d // "five suspects currently in custody"
			break
		}
		if w == "whose" && (p.isWord(k+1, "homes") || p.isWord(k+1, "houses")) {
			fwd, fwdS, fwdE, fd = pDisplaced, k, k+2, d // "15,000 Palestinians whose homes have been destroyed"
			break
		}
		if w == "arrived" || w == "arriving" {
			d++ // "six victims arrived to area hospitals"
			continue
		}
		if f&fCue != 0 && !t.upper && (p.isWord(k+1, "to") || p.fl(k+1)&fPred != 0 || p.fl(k+1)&fAux != 0) {
			// "are also reported to have been killed", "had so far been
			// confirmed dead", "at least 50 reported injured".
			d++
			continue
		}
		if f&(fAux|fHedge) != 0 || strings.HasSuffix(w, "ly") || w == "who" || w == "that" || w == "to" || w == "more" || w == "all" || w == "others" || w == "people" && at.subjS < 0 {
			d++
			continue
		}
		// Adjectives before a predicate noun: "1,238 suspected cases",
		// "96 new cases".
		if f&^fPlace == 0 && !t.upper && k+1 < ce && (p.fl(k+1)&fPred != 0 || p.fl(k+1)&^fPlace == 0 && k+2 < ce && p.fl(k+2)&fPred != 0 && p.fl(k+2)&fSubj == 0) {
			d++
			continue
		}
		// A coordinated noun phrase before the verb: "two civilians and a
		// police officer died".
		if (w == "and" || w == "or") && at.subjS >= 0 && k == f0 {
			q := k + 1
			for q < ce && q < k+10 && (p.toks[q].kind == tkWord && p.fl(q)&(fPred|fAux|fVerbish|fCue|fNeg) == 0 ||
				p.toks[q].kind == tkNum || p.isDashTok(q) && !p.toks[q].space) {
				q++ // "two students and a 67-year-old woman were shot"
			}
			if q > k+1 && q < ce && p.toks[q].kind == tkWord && p.fl(q)&(fAux|fPred) != 0 {
				d++
				k = q - 1
				continue
			}
		}
		break
	}
	return fwd, fwdS, fwdE, fd, neg
}

// passable reports whether punctuation token k may stand between a count
// and its verb or noun: a glued dash or a quotation mark.
func (p *numParser) passable(k int) bool {
	t := &p.toks[k]
	return t.kind == tkPunct && (isDash(p.text[t.s:t.e]) && !t.space || isQuote(p.text[t.s:t.e]))
}

// residentsOf reports words before mention m that make it the people
// living in a place: "home to", "a camp of", "consists of", "hosts".
func (x *analyzer) residentsOf(m *mention, cs int) bool {
	p := &x.p
	k := m.ts - 1
	switch {
	case p.isWord(k, "to") && p.isWord(k-1, "home"), p.isWord(k, "of") && (p.fl(k-1)&fPlaceNoun != 0 || p.isWord(k-1, "consists") || p.isWord(k-1, "population")),
		p.isWord(k, "hosts") || p.isWord(k, "houses") || p.isWord(k, "hosting") || p.isWord(k, "housing"):
		return k >= cs
	}
	return false
}

// countBefore returns the number token of the noun phrase that ends just
// before token k ("four other officers" before "and"), when the phrase
// is a number and up to three words, or -1.
func (x *analyzer) countBefore(k, cs int) int {
	p := &x.p
	for q := k - 1; q >= cs && q >= k-4; q-- {
		t := &p.toks[q]
		if t.kind == tkNum || t.kind == tkWord && p.fl(q)&fNumWord != 0 {
			if q < k-1 {
				return q
			}
			return -1
		}
		if t.kind != tkWord || p.fl(q)&(fPred|fCue|fAux|fVerbish|fPrep|fDet) != 0 && p.fl(q)&fSubj == 0 {
			return -1
		}
	}
	return -1
}

package extract

import (
	"strings"
	"unsafe"

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
	orgS, orgE int    // the organisation a named speaker speaks for, read from an apposition ("X, a spokesman for Y,")
	deny       bool
	pronoun    bool
	resolved   bool
	usedByQuan bool
	also       int // > 0: the attribution also covers tokens [also, n)
}

// skipDet returns 1 when token s is a determiner.
func skipDet(p *numParser, s int) int {
	if p.toks[s].kind == tkWord && p.fl(s)&fDet != 0 {
		return 1
	}
	return 0
}

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
				if q < n && p.inSet(q, docNouns) {
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
			switch {
			case p.isWord(i-1, "and") && len(out) > 0 && out[len(out)-1].ne <= i:
				// "The army denied targeting civilians and said it had
				// killed 200": the subject of the first verb.
				prev := &out[len(out)-1]
				a.ns, a.ne, a.cs, a.ce = prev.ns, prev.ne, i+1, n
				if p.isWord(a.cs, "that") {
					a.cs++
				}
				if prev.ce > i-1 && prev.cs < i {
					prev.ce = i - 1
				}
			case p.isPunct(i-1, ",") || p.isPunct(i-1, "\"") || p.isPunct(i-1, "”"):
				if !x.sourceAfter(&a) && !x.sourceBefore(&a) {
					continue
				}
			default:
				if !x.sourcePassive(&a) && !x.sourceBefore(&a) {
					continue
				}
			}
		}
		switch w {
		case "denied", "denies", "deny":
			a.deny = true
		case "learned":
			if a.ne-a.ns == 1 && p.inSet(a.ns, pronouns) {
				continue // "he learned his brother was one of the dead": no report
			}
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

// sourcePassive reads the passive "S was (first) reported by X": the
// source is the agent, what is covered the subject clause before.
func (x *analyzer) sourcePassive(a *attrib) bool {
	p := &x.p
	i := a.cue
	if !p.isWord(i+1, "by") {
		return false
	}
	k := i - 1
	for k > 0 && p.toks[k].kind == tkWord && p.fl(k)&fAux != 0 && !p.inSet(k, passiveAux) {
		k-- // "were first reported"
	}
	if k < 1 || !p.inSet(k, passiveAux) {
		return false
	}
	ns, ne := x.npAfter(i+2, len(p.toks))
	if ns == ne {
		return false
	}
	a.ns, a.ne, a.cs, a.ce = ns, ne, 0, k
	return true
}

// background reports whether mention m, attached as at, sits in a
// relative clause that describes a noun of a report whose cue is at token
// cue: "has said Johnson wore a vest during the attack that wounded four
// other officers", "say they plan to seek the death penalty in an ambush
// that killed five adults". The clause presents the count as known, not
// as what the source reports: it is the article's own voice.
func (x *analyzer) background(m *mention, at *attachment, cue int) bool {
	p := &x.p
	for r := m.ts - 1; r > cue+1 && r >= m.ts-8; r-- {
		if p.toks[r].kind == tkPunct || p.fl(r)&fCue != 0 {
			return false
		}
		if !(p.isWord(r, "that") || p.isWord(r, "who") || p.isWord(r, "which")) {
			continue
		}
		if p.toks[r-1].kind != tkWord || p.fl(r-1)&(fCue|fVerbish|fAux|fPrep|fWeekday|fMonth|fTimeRel) != 0 {
			return false // "said that", "said Tuesday that": a report, not a relative clause
		}
		event := false
		for q := max(cue+1, r-4); q < r; q++ {
			event = event || p.toks[q].kind == tkWord && p.inSet(q, eventNouns)
		}
		v := r + 1
		return event && (at.predS == v || p.isWord(v, "left") || p.isWord(v, "leaving"))
	}
	return false
}

// moneySource finds who states an amount of money without a cue: the
// subject of a verb that offers it, or the organisation whose reward it
// is ("The Crimestoppers reward has been increased to $5000").
func (x *analyzer) moneySource(m *mention, cs int) (attrib, bool) {
	p := &x.p
	var b attrib
	for k := m.ts - 1; k >= cs && k >= m.ts-12; k-- {
		if p.toks[k].kind != tkWord {
			continue
		}
		if p.inSet(k, moneyVerbs) {
			e := k
			for e > cs && p.toks[e-1].kind == tkWord && p.fl(e-1)&fAux != 0 {
				e--
			}
			if p.isPunct(e-1, ",") {
				// "The Bureau ..., which is assisting in the investigation,
				// is offering": the subject before the apposition.
				for q := e - 2; q > 0 && q > e-25; q-- {
					if p.isPunct(q, ",") && (p.isWord(q+1, "which") || p.isWord(q+1, "who") || p.fl(q+1)&fDet != 0) {
						e = q
						break
					}
				}
			}
			if ns := x.npBackward(e); ns < e {
				b.ns, b.ne, b.cue, b.cueText = ns, e, k, lexKeys[p.toks[k].li]
			}
			break
		}
		if p.isWord(k, "reward") && k > cs && p.toks[k-1].upper && p.toks[k-1].kind == tkWord {
			s := k - 1
			for s > cs && p.toks[s-1].kind == tkWord && p.toks[s-1].upper {
				s--
			}
			b.ns, b.ne, b.cue, b.cueText = s, k, k, "reward"
			break
		}
	}
	if b.ns >= b.ne {
		return b, false
	}
	x.canonSource(&b)
	return b, b.source != "" && !b.pronoun
}

// officially reads a sentence that opens with "Officially,": what
// officials say.
func (x *analyzer) officially(out []attrib) []attrib {
	p := &x.p
	if !p.isWord(0, "officially") || !p.isPunct(1, ",") || len(p.toks) < 4 {
		return out
	}
	return append(out, attrib{cue: 0, cueText: "officially", ns: 0, ne: 1, cs: 2, ce: len(p.toks),
		source: "officials", mention: p.text[p.toks[0].s:p.toks[0].e]})
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
	for k >= 0 && p.toks[k].kind == tkWord && (p.inSet(k, skipBeforeCue) || p.inSet(k, passiveAux)) {
		if p.inSet(k, passiveAux) {
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
	ns := 0
	// Appositive or relative clause between source and verb: "X, a British-based group, said".
	if k >= 0 && p.isPunct(k, ",") {
		j := k - 1
		for j >= 0 && j > k-25 && !p.isPunct(j, ",") && !p.isPunct(j, ";") {
			j--
		}
		if j > 0 && p.isPunct(j, ",") && j+1 < k && p.toks[j+1].upper {
			a.orgS, a.orgE = x.appositiveOrg(j+1, k)
		}
		switch {
		case j > 0 && p.isPunct(j, ",") && j+1 < k && (p.fl(j+1)&(fDet|fClause) != 0 || p.toks[j+1].kind == tkWord && !p.toks[j+1].upper ||
			a.orgS < a.orgE):
			// "Fauzi, an official from the local disaster agency, told
			// AFP", "George Piro, FBI special agent in charge, said"
			a.orgS, a.orgE = x.appositiveOrg(j+1, k)
			k = j - 1
			end = j
		case j > 0 && p.isPunct(j, ",") && j+1 < k && k-j <= 5 && x.allNameWords(j+1, k):
			// "The head of the UN refugee agency, John Ging, said": the
			// person, speaking for the organisation before.
			if hs := x.npBackward(j); hs < j {
				a.orgS, a.orgE = x.appositiveOrg(hs, j)
			}
			a.ns, a.ne = j+1, k
			ns, end = j+1, k
			goto covered
		default:
			return false
		}
	}
	ns = x.npBackward(end)
	if ns == end {
		return false
	}
	a.ns, a.ne = ns, end
covered:
	// A quotation closed just before the source: what is covered is the
	// quotation, whatever follows the cue ("...," he told journalists in
	// Geneva).
	if qs, ok := x.quoteBefore(ns); ok {
		a.cs, a.ce = qs, ns
		for a.ce > a.cs && p.toks[a.ce-1].kind == tkPunct {
			a.ce--
		}
		return true
	}
	// What is covered: the complement after the cue, or the clause before
	// the source when the attribution closes the sentence.
	j := i + 1
	if w := p.w(i); w == "told" || w == "tells" || w == "tell" {
		// told Reuters / told reporters / told our correspondent
		rs, re := x.npAfter(j, n)
		if re > rs {
			j = re
		} else {
			for q := j; q < n && q < j+4 && p.toks[q].kind == tkWord && !p.isWord(q, "that") && p.fl(q)&(fCue|fAux|fPred|fNeg|fPrep|fClause) == 0; q++ {
				j = q + 1
			}
		}
	}
	// time or manner phrases: "on Monday", "yesterday", "in a statement"
	for j < n {
		// The words first: timeAt is dearer.
		if w := p.w(j); w == "on" || w == "yesterday" || w == "today" || w == "last" || p.fl(j)&fWeekday != 0 ||
			(w == "late" || w == "early" || w == "earlier" || w == "later") && p.fl(j+1)&(fWeekday|fTimeRel|fMonth) != 0 {
			if w == "late" || w == "early" || w == "earlier" || w == "later" {
				j++ // "told AFP late Tuesday"
			}
			if te, ok := p.timeAt(j, n, x.pub); ok && !p.isWord(te.e, "'s") {
				j = te.e
				continue
			}
		}
		if p.isWord(j, "in") && p.isWord(j+1, "a") && (p.isWord(j+2, "statement") || p.isWord(j+2, "report")) {
			j += 3
			continue
		}
		if q := x.placePhraseEnd(j); q > j {
			j = q // "told journalists in Geneva."
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

// quoteBefore reports whether a quotation closes just before token ns
// (`...," he said`, `...," said X`) and returns the first token inside it:
// after its opening mark in the sentence, else the sentence start (a
// quotation opened in an earlier sentence).
func (x *analyzer) quoteBefore(ns int) (int, bool) {
	p := &x.p
	q := ns - 1
	if q < 1 || !x.closingQuote(q) || p.toks[q-1].kind != tkPunct || !(p.isPunct(q-1, ",") || p.isPunct(q-1, ".") || p.isPunct(q-1, "?") || p.isPunct(q-1, "!")) {
		return 0, false
	}
	for k := q - 2; k >= 0; k-- {
		if p.isPunct(k, "\"") || p.isPunct(k, "“") {
			return k + 1, true
		}
	}
	return 0, true
}

// closingQuote reports whether token k is a quotation mark that closes a
// quotation: a closing curly mark, or a straight one glued to what
// precedes it.
func (x *analyzer) closingQuote(k int) bool {
	p := &x.p
	return p.isPunct(k, "”") || (p.isPunct(k, "\"") || p.isPunct(k, "’")) && !p.toks[k].space
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

// sourceAfter reads the inverted "S, said X." form.
func (x *analyzer) sourceAfter(a *attrib) bool {
	p := &x.p
	i := a.cue
	if i == 0 || !(p.isPunct(i-1, ",") || p.isPunct(i-1, "\"") || p.isPunct(i-1, "”")) {
		return false
	}
	if w := p.w(i); w == "told" || w == "tells" || w == "tell" {
		return false // ", told AFP": whom it was told, not who told it
	}
	ns, ne := x.npAfter(i+1, len(p.toks))
	if ns == ne {
		return false
	}
	if k := ne; k < len(p.toks) && !(p.toks[k].kind == tkPunct) && !p.isWord(k, "on") && !p.isWord(k, "in") && !p.isWord(k, "to") && p.fl(k)&(fWeekday|fTimeRel) == 0 {
		return false // "..., said the man was ...": not an inverted attribution
	}
	a.ns, a.ne = ns, ne
	a.cs, a.ce = 0, i-1
	for a.ce > 0 && p.toks[a.ce-1].kind == tkPunct {
		a.ce--
	}
	if p.isPunct(ne, ",") {
		// "said Lisa Sgarlata, chief administrative officer for Lee
		// Memorial Hospital": the organisation she speaks for.
		e := ne + 1
		for e < len(p.toks) && !p.isPunct(e, ",") && !p.isPunct(e, ".") && !p.isPunct(e, ";") {
			e++
		}
		a.orgS, a.orgE = x.appositiveOrg(ne+1, e)
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

// descriptorLongForm finds in the article a capitalized name of three or
// more words that holds every word of the lower-case descriptor in tokens
// [s, e) ("national disaster agency" -> "National Disaster Mitigation
// Agency"), or "".
func (x *analyzer) descriptorLongForm(s, e int) string {
	p := &x.p
	if e-s < 2 {
		return ""
	}
	head := p.text[p.toks[e-1].s:p.toks[e-1].e]
	if head == "" {
		return ""
	}
	title := strings.ToUpper(head[:1]) + head[1:]
	text := x.text
	for from := 0; from < len(text); {
		k := strings.Index(text[from:], title)
		if k < 0 {
			return ""
		}
		k += from
		from = k + len(title)
		// The capitalized run that ends with the head.
		st := k
		for st > 0 {
			j := st - 1
			if text[j] != ' ' {
				break
			}
			w := j
			for w > 0 && isLetterByte(text[w-1]) {
				w--
			}
			if w == j || !(text[w] >= 'A' && text[w] <= 'Z') {
				break
			}
			st = w
		}
		name := text[st:from]
		if strings.Count(name, " ") < 2 {
			continue
		}
		lower := strings.ToLower(name)
		all := true
		for q := e - 2; q >= s; q-- {
			if !strings.Contains(lower, p.w(q)) {
				all = false // "local disaster agency" is not the National Disaster Mitigation Agency
			}
		}
		if all {
			return name
		}
	}
	return ""
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

// cleanName returns a source's name without the words a sentence glued
// onto it: a sentence run into it by a missing space ("Charles
// Jackson.His family"), leading and trailing function words, pronouns,
// numbers, weekdays and months ("But he", "One DART", "Thursday and",
// "AFP late"), a trailing hyphen. A name of a relative is "relatives".
// It returns "" when nothing of a name is left.
func cleanName(s string) string {
	// "Drive.Houston police": a sentence end without its space.
	runOn := false
	for i := len(s) - 2; i > 0; i-- {
		if s[i] == '.' && s[i-1] >= 'a' && s[i-1] <= 'z' && s[i+1] >= 'A' && s[i+1] <= 'Z' {
			s, runOn = s[i+1:], true
			break
		}
	}
	// The words as spans of s, without allocating for the usual short name.
	var spans [24][2]int
	ws := spans[:0]
	for i := 0; i < len(s); {
		for i < len(s) && isSpaceByte(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !isSpaceByte(s[j]) {
			j++
		}
		if j > i {
			if len(ws) == len(spans) {
				return s // a long phrase: left as it is
			}
			ws = append(ws, [2]int{i, j})
		}
		i = j
	}
	word := func(k int) string { return s[ws[k][0]:ws[k][1]] }
	// "More News Videos A father", "Pa.– The York County Coroner's office":
	// a capitalized article inside starts the name.
	for i := len(ws) - 1; i > 0; i-- {
		if w := word(i); w == "The" || w == "A" || w == "An" {
			ws = ws[i:]
			break
		}
	}
	if w := word(0); len(ws) > 1 && w[len(w)-1] == '.' && stateAbbrevs[w] {
		ws = ws[1:] // "Fla. Florida police": the dateline's state
	}
	// Each word is looked up once: its lexicon index (-1 for none) or -2
	// for a number, a bracket or an empty word.
	var buf [48]byte
	look := func(k int) int32 {
		w := word(k)
		if w[0] == '(' {
			return -3 // "(WHO)": never junk
		}
		b := bareWord(w, buf[:0])
		if b == "" || b[0] >= '0' && b[0] <= '9' {
			return -2
		}
		return lexFind(b)
	}
	junk := func(li int32, set *lexSet) bool {
		if li == -2 {
			return true
		}
		if li < 0 {
			return false
		}
		f := lexInfos[li].f
		return set.in[li] || f&(fWeekday|fMonth) != 0 && f&fSourceNoun == 0
	}
	first := look(0)
	for len(ws) > 1 && junk(first, junkLead) {
		ws = ws[1:]
		first = look(0)
	}
	last := look(len(ws) - 1)
	for len(ws) > 0 && (junk(last, junkTrail) || strings.HasSuffix(word(len(ws)-1), "-")) {
		ws = ws[:len(ws)-1]
		if len(ws) > 0 {
			last = look(len(ws) - 1)
		}
	}
	if len(ws) == 0 || len(ws) == 1 && junk(first, junkLead) {
		return "" // nothing of a name is left
	}
	in := func(li int32, set *lexSet) bool { return li >= 0 && set.in[li] }
	switch {
	case in(last, anonWords):
		return "" // "a Masury man said": nobody named
	case in(last, kinNames) && (lexKeys[last] != "members" || len(ws) == 1), first >= 0 && lexKeys[first] == "family":
		// A relative: "family", "his mother", "Melody Cuerros' family",
		// "a family friend".
		return "relatives"
	}
	if len(ws) == 1 && first >= 0 && (runOn && lexInfos[first].f&fSourceNoun != 0 || peopleGroups.in[first]) && lexInfos[first].f&fPlace == 0 && hasLower(word(0)) {
		// "Road.Police say": a generic source capitalized by the run-on;
		// "Police" is the police wherever it is capitalized.
		return lexKeys[first]
	}
	return s[ws[0][0]:ws[len(ws)-1][1]]
}

// bareWord lowers w's ASCII letters into buf, without the punctuation
// around it or a possessive "'s", and returns it as a string that lives
// in buf (valid until buf is written again).
func bareWord(w string, buf []byte) string {
	for w != "" {
		if trimByte[w[0]] {
			w = w[1:]
		} else if n := quoteDashLen(w, true); n > 0 {
			w = w[n:]
		} else {
			break
		}
	}
	for w != "" {
		if trimByte[w[len(w)-1]] {
			w = w[:len(w)-1]
		} else if n := quoteDashLen(w, false); n > 0 {
			w = w[:len(w)-n]
		} else {
			break
		}
	}
	if n := len(w); n > 2 && (w[n-1] == 's' || w[n-1] == 'S') && w[n-2] == '\'' {
		w = w[:n-2]
	} else if n > 4 && w[n-1] == 's' && strings.HasSuffix(w[:n-1], "’") {
		w = w[:n-4]
	}
	if len(w) > cap(buf) {
		return strings.ToLower(w)
	}
	if w == "" {
		return ""
	}
	buf = buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return unsafe.String(&buf[0], len(buf))
}

// trimByte marks the ASCII punctuation bareWord trims.
var trimByte = [256]bool{'.': true, ',': true, ';': true, ':': true, '!': true, '?': true, '"': true, '\'': true,
	'(': true, ')': true, '-': true}

// quoteDashLen returns the length of a curly quotation mark or a long dash
// (“ ” ’ – —, three bytes each) at the start (front) or the end of w, or 0.
func quoteDashLen(w string, front bool) int {
	if len(w) < 3 {
		return 0
	}
	q := w[len(w)-3:]
	if front {
		q = w[:3]
	}
	if q[0] == 0xE2 && q[1] == 0x80 && (q[2] == 0x9C || q[2] == 0x9D || q[2] == 0x99 || q[2] == 0x93 || q[2] == 0x94) {
		return 3
	}
	return 0
}

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
		if w[0] >= 'A' && w[0] <= 'Z' || nameConnectors.m[w] && words > 0 {
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
		if !ok || !(nameConnectors.m[strings.ToLower(f)] || strings.HasSuffix(f, "-based")) {
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
			if lw == "the" || lw == "a" || lw == "an" || !org && (lexFlags(lw)&(fTitle|fSourceNoun|fPlaceNoun|fDet|fPrep|fVerbish|fNumWord|fOrdinal|fMonth|fWeekday) != 0 || venueWords.m[lw]) {
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

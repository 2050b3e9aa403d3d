package extract

// Attribution by cue: the cues of a sentence ("said", "according to",
// "told", "citing", "denies"), the source noun phrase before or after each
// (phrase.go reads the phrases) and the tokens it covers. canon.go names
// the source, speaker.go reads who speaks for whom, quote.go carries a
// speaker over a quotation's sentences.

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

// insideAttribNP reports whether token i is part of a source's name
// ("the G20", "Route 66 Task Force said").
func (x *analyzer) insideAttribNP(i int) bool {
	for k := range x.attrs {
		if i >= x.attrs[k].ns && i < x.attrs[k].ne {
			return true
		}
	}
	return false
}

// attribFor returns the attribution covering token i, or -1.
func (x *analyzer) attribFor(i int) int {
	best, bestD := -1, 1<<30
	for k := range x.attrs {
		a := &x.attrs[k]
		if i < a.cs || i >= a.ce || a.source == "" {
			continue
		}
		d := a.cue - i
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

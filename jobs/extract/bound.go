package extract

import "strings"

// Modifiers and bounds: the words before or after a number that make it
// a lower or an upper bound, an estimate or a range ("more than 730", "at
// least", "up to 50", "or more", "between 10 and 20"), and a second,
// higher estimate after it ("at least 12, and possibly as many as 20").

// modInfo is what a modifier before a number gives it.
type modInfo struct {
	bound   uint8
	approxH bool
	between bool // "between X and Y": a range follows
	from    bool // "from X to Y"
}

// preMods are the modifiers before a number (list modifier-before of
// lexicon.tsv), postMods those after it (modifier-after: and after its
// noun for "or more"), with the bounds they give.
var (
	preMods  = readPreMods()
	postMods = readPostMods()
)

// readPreMods reads the list modifier-before: a bound, "approx high" for a
// number that is the high bound only ("nearly 40"), "between" or "from"
// for a range that follows.
func readPreMods() map[string]modInfo {
	rows := lexList("modifier-before")
	m := make(map[string]modInfo, len(rows))
	for _, r := range rows {
		switch r.value {
		case "between":
			m[r.word] = modInfo{between: true}
		case "from":
			m[r.word] = modInfo{from: true}
		default:
			b, high := strings.CutSuffix(r.value, " high")
			m[r.word] = modInfo{bound: boundCode(b), approxH: high}
		}
	}
	return m
}

// readPostMods reads the list modifier-after.
func readPostMods() map[string]uint8 {
	rows := lexList("modifier-after")
	m := make(map[string]uint8, len(rows))
	for _, r := range rows {
		m[r.word] = boundCode(r.value)
	}
	return m
}

// modifiers applies "more than", "around", "between", "or more", ... to m.
func (p *numParser) modifiers(m *mention) {
	var buf [64]byte
	// Before.
	for k := 4; k >= 1 && m.ts > 0 && p.fl(m.ts-1)&fModLast != 0; k-- {
		if j := m.ts - k; j >= 0 {
			// A word that starts no modifier of k words; the tokenizer
			// looked it up as written (the length check: a curly
			// apostrophe's straight spelling).
			if t := &p.toks[j]; t.li < 0 || !preModFirst[k][t.li] || len(lexKeys[t.li]) != int(t.e-t.s) {
				continue
			}
		}
		ph, ok := p.phraseBefore(m.ts, k, buf[:0])
		if !ok {
			continue
		}
		mi, ok := preMods[string(ph)]
		if !ok {
			continue
		}
		switch {
		case mi.between || mi.from:
			if m.isRange {
				m.ts -= k
			}
		case m.vague:
			m.ts -= k
			if mi.bound != bExact && mi.bound != bApprox {
				m.bound = mi.bound
			}
		case m.isRange:
			// "up to 10-15": keep the range
		default:
			// "some" and "about" before a word number that is not a count ("some one") are rare.
			m.ts -= k
			m.bound = mi.bound
			m.approxH = mi.approxH
		}
		break
	}
	// After: "or more", "-plus", "or so".
	j0 := m.te
	if j0 < len(p.toks) && p.isDashTok(j0) {
		j0++
	}
	for k := 2; k >= 1 && p.fl(j0)&fModFirst != 0; k-- {
		j := m.te
		dash := j < len(p.toks) && p.isDashTok(j) && !p.toks[j].space
		kk := k
		if dash {
			kk++
		}
		ph, ok := p.phraseAfter(j, kk, buf[:0])
		if !ok {
			continue
		}
		b, ok := postMods[string(ph)]
		if !ok {
			continue
		}
		if (string(ph) == "plus" || string(ph) == "odd") && !dash && p.toks[j].space && string(ph) == "odd" {
			continue
		}
		if m.isRange || m.vague {
			break
		}
		if m.bound == bExact {
			m.bound = b
		}
		m.te = j + kk
		break
	}
}

// widen reads a higher estimate given after a lower bound or a vague
// amount: "At least 12, and possibly as many as 20" is [12, 20];
// "Hundreds, perhaps thousands" is [200, 9999]. The mention then covers
// both.
func (p *numParser) widen(m *mention) {
	n := len(p.toks)
	k := m.te
	if p.isPunct(k, ",") {
		k++
	}
	if p.isWord(k, "and") || p.isWord(k, "but") || p.isWord(k, "or") {
		k++
	}
	switch {
	case k < n && p.toks[k].kind == tkWord && p.inSet(k, hedgeWords):
		k++
	case p.isWord(k, "if") && p.isWord(k+1, "not"):
		k += 2
	default:
		return
	}
	if m.vague && m.bound == bVague && k < n && p.fl(k)&fVague != 0 {
		mm, ok := p.vague(k)
		if ok && mm.vhi > m.vhi {
			m.vhi, m.ce, m.te, m.ue, m.widened = mm.vhi, mm.ce, mm.te, mm.ue, true
		}
		return
	}
	if m.vague || m.isRange || m.bound != bAtLeast && m.bound != bMoreThan {
		return
	}
	var buf [32]byte
	ph, ok := p.phraseAfter(k, 3, buf[:0])
	if !(ok && string(ph) == "as many as") && !(p.isWord(k, "up") && p.isWord(k+1, "to")) {
		return
	}
	if p.isWord(k, "up") {
		k += 2
	} else {
		k += 3
	}
	if k >= n || p.toks[k].kind != tkNum && p.fl(k)&fNumWord == 0 {
		return
	}
	v2, end, _, _, ok := p.value(k)
	if !ok || v2 <= m.v1 {
		return
	}
	m.v2, m.isRange, m.bound, m.widened = v2, true, bRange, true
	m.ce, m.te, m.ue = end, end, end
}

// phraseBefore returns the lower-case words of tokens [i-k, i) joined by
// spaces in buf, or false when one of them is not a word.
func (p *numParser) phraseBefore(i, k int, buf []byte) ([]byte, bool) {
	if i-k < 0 {
		return nil, false
	}
	buf = buf[:0]
	for j := i - k; j < i; j++ {
		if p.toks[j].kind != tkWord {
			return nil, false
		}
		if j > i-k {
			buf = append(buf, ' ')
		}
		buf = append(buf, p.w(j)...)
	}
	return buf, true
}

func (p *numParser) phraseAfter(i, k int, buf []byte) ([]byte, bool) {
	if i+k > len(p.toks) {
		return nil, false
	}
	buf = buf[:0]
	for j := i; j < i+k; j++ {
		t := p.toks[j]
		if t.kind == tkPunct {
			// "40-odd", "100-plus"
			if j == i && isDash(p.text[t.s:t.e]) && !t.space {
				continue
			}
			return nil, false
		}
		if len(buf) > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, p.w(j)...)
	}
	return buf, true
}

package extract

// Number phrases: a mention is one number of a sentence with what it
// covers, and parseMentions reads a sentence's mentions by form: one
// figure (value.go: digits, words, scales, currencies, units), a vague
// amount, a range or a zero count (vague.go), with the modifiers that make
// it a bound (bound.go); classify.go then tells counts from years, dates,
// ages and the other numbers that make no claim.

// Number classes: what a number in the text is. Only classCount, classPercent
// and classMoney can become quantity claims.
const (
	classCount uint8 = iota
	classPercent
	classMoney
	classYear
	classDate
	classTime
	classAge
	classOrdinal
	classDuration
	classMeasure
	classPhone
	classID
	classAddress
	classDecade
)

// Bound kinds (schema.Bound* strings are chosen from these).
const (
	bExact uint8 = iota
	bApprox
	bAtLeast
	bMoreThan
	bAtMost
	bLessThan
	bRange
	bVague
)

var boundNames = [...]string{"exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague"}

// mention is one number phrase of a sentence, with its modifiers.
type mention struct {
	ts, te  int // tokens of the whole phrase, modifiers and unit included
	cs, ce  int // tokens of the number itself (both ends of a range)
	ue      int // end of number + unit (no trailing modifier)
	v1, v2  float64
	vlo     float64 // vague low/high
	vhi     float64
	bound   uint8
	class   uint8
	unit    string
	word    bool // written in words
	vague   bool
	isRange bool
	scaled  bool // a scale word or suffix was used
	approxH bool // nearly/almost: high only
	zero    bool // "no one", "no casualties"
	widened bool // a second estimate after a comma: "hundreds, perhaps thousands,"
}

// values returns low, best, high following the DESIGN conventions; ok flags
// say which are set.
func (m *mention) values() (lo, best, hi float64, okLo, okBest, okHi bool) {
	switch {
	case m.vague:
		lo, hi = m.vlo, m.vhi
		switch m.bound {
		case bMoreThan, bAtLeast:
			return lo, 0, 0, true, false, false
		case bAtMost, bLessThan:
			return 0, 0, hi, false, false, true
		}
		return lo, 0, hi, true, false, true
	case m.isRange:
		return m.v1, 0, m.v2, true, false, true
	}
	v := m.v1
	switch m.bound {
	case bExact:
		return v, v, v, true, true, true
	case bApprox:
		if m.approxH {
			return 0, 0, v, false, false, true
		}
		return 0, v, 0, false, true, false
	case bAtLeast, bMoreThan:
		return v, 0, 0, true, false, false
	case bAtMost, bLessThan:
		return 0, 0, v, false, false, true
	}
	return v, v, v, true, true, true
}

// numParser holds one sentence's tokens while its numbers are read.
type numParser struct {
	text, low string
	toks      []token
	country   string // the country of the first place of the world gazetteer read in the article
}

func (p *numParser) w(i int) string {
	t := &p.toks[i]
	return p.low[t.s:t.e]
}

func (p *numParser) isWord(i int, w string) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == tkWord && p.w(i) == w
}

func (p *numParser) isPunct(i int, s string) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == tkPunct && p.text[p.toks[i].s:p.toks[i].e] == s
}

func (p *numParser) fl(i int) uint64 {
	if i < 0 || i >= len(p.toks) {
		return 0
	}
	return p.toks[i].flags()
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" || s == "‐" || s == "‑" }

func (p *numParser) isDashTok(i int) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == tkPunct && isDash(p.text[p.toks[i].s:p.toks[i].e])
}

// mayStart reports whether a number phrase may start at token i: a number,
// a number word, a scale or a vague quantity, or one or two words before a
// scale or a vague quantity ("a dozen", "half a million").
func (p *numParser) mayStart(i int) bool {
	t := &p.toks[i]
	return t.kind == tkNum || t.flags()&(fNumWord|fScale|fVague) != 0 || p.fl(i+1)&(fScale|fVague) != 0 || p.fl(i+2)&fScale != 0
}

// parseMentions finds every number phrase of the sentence's tokens. starts
// lists, in order, the tokens where mayStart holds: the others are not
// read.
func (p *numParser) parseMentions(out []mention, starts []int32) []mention {
	n := len(p.toks)
	for i := 0; i < n; {
		for len(starts) > 0 && int(starts[0]) < i {
			starts = starts[1:]
		}
		if len(starts) == 0 {
			break
		}
		i = int(starts[0])
		t := &p.toks[i]
		start := false
		switch t.kind {
		case tkNum:
			start = true
		case tkWord:
			f := t.flags()
			// The next tokens' flags first: they rule out most words.
			start = f&(fNumWord|fScale|fVague) != 0 || (i+1 < n && p.fl(i+1)&(fScale|fVague) != 0 && (p.w(i) == "a" || p.w(i) == "an" || p.w(i) == "half")) ||
				p.fl(i+2)&fScale != 0 && p.w(i) == "half" && (p.isWord(i+1, "a") || p.isDashTok(i+1))
		}
		if !start {
			i++
			continue
		}
		m, ok := p.parseAt(i)
		if !ok {
			i++
			continue
		}
		out = append(out, m)
		i = max(m.te, i+1)
	}
	return out
}

// parseAt reads the number phrase whose number starts at token i.
func (p *numParser) parseAt(i int) (mention, bool) {
	n := len(p.toks)
	m := mention{ts: i, cs: i}
	t0 := p.toks[i]
	// Vague quantities.
	if t0.kind == tkWord {
		w := p.w(i)
		f := t0.flags()
		if f&fVague != 0 || (w == "a" || w == "an") && i+1 < n && p.fl(i+1)&fVague != 0 {
			if mm, ok := p.vague(i); ok {
				p.modifiers(&mm)
				p.widen(&mm)
				return mm, true
			}
			return m, false
		}
		if w == "one" && !p.oneIsNumber(i) {
			return m, false
		}
	}
	if t0.kind == tkNum {
		k := i
		if t0.nlen == 3 && p.isPunct(i-1, "(") && p.isPunct(i+1, ")") && i+2 < n {
			k = i + 2
		}
		if end, ok := p.phoneAt(k); ok {
			m.class, m.ce, m.te, m.ue = classPhone, end, end, end
			return m, true
		}
	}
	v, end, word, scaled, ok := p.value(i)
	if !ok {
		return m, false
	}
	// "several hundred", "a few thousand" are handled by vague(); "dozens" as a scale too.
	if word && p.isWord(i, "half") && p.isWord(i-1, "a") {
		m.ts = i - 1 // "a half-dozen"
	}
	// A number restated in digits: "Forty-eight (48)".
	if word && p.isPunct(end, "(") && end+2 < n && p.toks[end+1].kind == tkNum && p.toks[end+1].nval == v && p.isPunct(end+2, ")") {
		end += 3
	}
	m.v1, m.ce, m.word, m.scaled = v, end, word, scaled
	m.te, m.ue = end, end
	m.bound = bExact
	// Units: currency before, percent/currency after.
	if t0.kind == tkNum || word {
		if u, k := p.currencyBefore(i); u != "" {
			m.unit, m.ts, m.class = u, k, classMoney
		}
	}
	p.unitAfter(&m)
	p.rangeAfter(&m)
	p.unitAfter(&m)
	p.modifiers(&m)
	p.widen(&m)
	p.classify(&m)
	return m, true
}

// oneIsNumber tells the count "one" from the pronoun ("the one who", "which one").
func (p *numParser) oneIsNumber(i int) bool {
	if p.isWord(i-1, "that") && i+1 < len(p.toks) && p.toks[i+1].kind == tkWord && (p.fl(i+1)&fSubj != 0 || p.inSet(i+1, eventThings) || p.inSet(i+1, thingNouns)) {
		return true // "told Enough that one bomb ... fell": a count after "that"
	}
	if i > 0 && p.toks[i-1].kind == tkWord {
		switch p.w(i - 1) {
		case "the", "that", "this", "which", "each", "every", "any", "no", "someone", "anyone", "everyone",
			"another", "only", "little", "big", "last", "right", "wrong", "new", "old", "loved", "other", "same", "such":
			return false
		}
	}
	if i+1 < len(p.toks) && p.toks[i+1].kind == tkWord {
		switch p.w(i + 1) {
		case "another", "day", "way", "thing", "point", "time", "side", "hand", "another's":
			return false
		}
	}
	return true
}

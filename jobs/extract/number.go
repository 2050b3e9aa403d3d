package extract

import (
	"math"
	"strings"
)

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

// adjacent reports whether token i follows token i-1 without white space.
func (p *numParser) adjacent(i int) bool {
	return i > 0 && i < len(p.toks) && !p.toks[i].space
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

// value reads one number (digits, words, scales) starting at token i.
// It returns the value, the end token, whether words were used and whether a
// scale multiplied it.
func (p *numParser) value(i int) (v float64, end int, word, scaled, ok bool) {
	n := len(p.toks)
	var total, cur float64
	haveCur := false  // cur holds a number
	curSmall := false // cur ends in a unit/tens value that another small cannot follow
	hundredInGroup := false
	lastScale := math.Inf(1)
	j := i
	snapV, snapEnd := 0.0, -1
	snapScaled := false
	take := func() {
		snapV, snapEnd, snapScaled = total+cur, j, scaled
	}
	// "a hundred", "a dozen", "half a dozen", "half a million"
	if p.toks[i].kind == tkWord {
		w := p.w(i)
		if (w == "a" || w == "an") && i+1 < n && p.fl(i+1)&fScale != 0 {
			cur, haveCur, j, word = 1, true, i+1, true
		} else if w == "half" && i+2 < n && p.w(i+1) == "a" && p.fl(i+2)&fScale != 0 {
			cur, haveCur, j, word = 0.5, true, i+2, true
		} else if w == "half" && (p.isWord(i+1, "dozen") || p.isDashTok(i+1) && !p.toks[i+1].space && p.isWord(i+2, "dozen")) {
			// "a half-dozen", "half dozen": six.
			j = i + 2
			if p.isDashTok(i + 1) {
				j = i + 3
			}
			return 6, j, true, true, true
		}
	}
	for j < n {
		t := &p.toks[j]
		if t.kind == tkNum {
			if haveCur && (curSmall || cur != 0 && !hundredInGroup && cur >= 1) {
				break
			}
			if haveCur && curSmall {
				break
			}
			v := t.nval
			k := j + 1
			// "1 234 567" grouped with spaces.
			if !t.ngrp && !t.ndec && t.nlen <= 3 {
				for k < n && p.toks[k].kind == tkNum && p.toks[k].space && p.toks[k].nlen == 3 && !p.toks[k].ngrp && !p.toks[k].ndec &&
					!(k+1 < n && p.toks[k+1].kind == tkPunct && !p.toks[k+1].space && (p.text[p.toks[k+1].s] == '/' || p.text[p.toks[k+1].s] == ':')) {
					v = v*1000 + p.toks[k].nval
					k++
				}
			}
			if haveCur && cur != 0 && v >= 100 {
				break
			}
			// "3 hundred and 2 hundred": a hundred that cannot attach ends the number before "and".
			if hundredInGroup && k < n && p.isWord(k, "hundred") {
				break
			}
			cur += v
			haveCur, curSmall = true, true
			j = k
			// Adjacent suffix scale: 2.3bn, 12m, 10k.
			if j < n && p.toks[j].kind == tkWord && !p.toks[j].space {
				if s, ok := p.suffixScale(j); ok {
					cur *= s
					scaled = true
					j++
					total += cur
					cur, haveCur, curSmall = 0, false, false
					take()
					break
				}
			}
			take()
			continue
		}
		if t.kind != tkWord {
			// "twenty-one", "fifty - two"
			if isDash(p.text[t.s:t.e]) && haveCur && curSmall && j+1 < n && p.fl(j+1)&fNumWord != 0 {
				prev := p.toks[j-1]
				if prev.kind == tkWord && p.fl(j-1)&fNumWord != 0 && int(cur)%100 >= 20 && int(cur)%10 == 0 {
					u := p.toks[j+1].info().val
					if u >= 1 && u <= 9 {
						cur += u
						j += 2
						word = true
						take()
						continue
					}
				}
			}
			break
		}
		w := p.w(j)
		f := t.flags()
		switch {
		case f&fNumWord != 0:
			u := t.info().val
			if haveCur && curSmall {
				// "twenty one"
				if p.toks[j-1].kind == tkWord && int(cur)%100 >= 20 && int(cur)%10 == 0 && u >= 1 && u <= 9 {
					cur += u
					j++
					word = true
					take()
					continue
				}
				goto done
			}
			if haveCur && cur != 0 && hundredInGroup && math.Mod(cur, 100) != 0 {
				goto done
			}
			// After "and" a following "hundred" that cannot attach ends the number before "and".
			if hundredInGroup && j+1 < n && p.isWord(j+1, "hundred") {
				goto done
			}
			cur += u
			haveCur, curSmall, word = true, true, true
			j++
			take()
		case f&fScale != 0:
			s := t.info().val
			if !haveCur {
				goto done
			}
			switch {
			case w == "hundred":
				if hundredInGroup || cur >= 100 && word || cur == 0 {
					goto done
				}
				cur *= 100
				hundredInGroup = true
				curSmall = false
			case w == "dozen" || w == "dozens":
				cur *= 12
				j++
				word, scaled = true, true
				take()
				goto done
			default:
				if s >= lastScale || cur == 0 {
					goto done
				}
				total += cur * s
				cur, haveCur, curSmall, hundredInGroup = 0, true, false, false
				lastScale = s
			}
			j++
			scaled = true
			word = true
			take()
		case w == "dozens" && haveCur && curSmall && cur < 100 && !hundredInGroup:
			cur *= 12
			j++
			word, scaled = true, true
			take()
			goto done
		case w == "and" || w == "&":
			// only inside a word number: "one hundred and five", "two thousand and two hundred"
			if !(scaled && j+1 < n && (p.fl(j+1)&fNumWord != 0 || p.toks[j+1].kind == tkNum)) {
				goto done
			}
			j++
		default:
			goto done
		}
	}
done:
	if snapEnd < 0 {
		return 0, 0, false, false, false
	}
	return roundClean(snapV), snapEnd, word, snapScaled, true
}

// roundClean removes float noise from scaled decimals (2.3 * 1e9).
func roundClean(v float64) float64 {
	r := math.Round(v)
	if math.Abs(v-r) < 1e-9*math.Max(1, math.Abs(v)) {
		return r
	}
	return v
}

// suffixScale reads a multiplier glued to a number: 10k, 2.3bn, 12m, 5M.
func (p *numParser) suffixScale(j int) (float64, bool) {
	w := p.text[p.toks[j].s:p.toks[j].e]
	money := p.moneyBefore(j - 1)
	nextSubj := j+1 < len(p.toks) && p.fl(j+1)&(fSubj|fPred) != 0
	switch w {
	case "k", "K":
		return 1e3, true
	case "m", "mn", "mln", "mil":
		if money || nextSubj || w != "m" {
			return 1e6, true
		}
	case "M", "MM":
		if w == "M" || money {
			return 1e6, true
		}
	case "bn", "bln", "Bn":
		return 1e9, true
	case "b", "B":
		if money || p.toks[j-1].ndec {
			return 1e9, true
		}
	case "tn", "tln", "T":
		if w != "T" || money {
			return 1e12, true
		}
	case "million", "billion", "trillion", "thousand", "hundred":
		return scaleWords[w], true
	}
	return 0, false
}

// moneyBefore reports whether the number token i is preceded by a currency sign.
func (p *numParser) moneyBefore(i int) bool {
	u, _ := p.currencyBefore(i)
	return u != ""
}

// currencyBefore returns the currency written just before the number token i
// and the index of the first token of the sign ("US$": two tokens).
func (p *numParser) currencyBefore(i int) (string, int) {
	k := i - 1
	if k < 0 {
		return "", i
	}
	t := p.toks[k]
	s := p.text[t.s:t.e]
	var u string
	switch s {
	case "$":
		u = "USD"
		if k > 0 && !t.space && p.toks[k-1].kind == tkWord {
			switch p.text[p.toks[k-1].s:p.toks[k-1].e] {
			case "C", "CA", "CAD":
				return "CAD", k - 1
			case "A", "AU", "AUD":
				return "AUD", k - 1
			case "HK":
				return "HKD", k - 1
			case "NZ":
				return "NZD", k - 1
			case "US", "U.S.":
				return "USD", k - 1
			}
		}
	case "€":
		u = "EUR"
	case "£":
		u = "GBP"
	case "¥":
		u = "JPY"
	case "₹":
		u = "INR"
	case "₽":
		u = "RUB"
	case "USD", "EUR", "GBP", "JPY", "CHF", "CNY", "INR", "CAD", "AUD", "RUB", "TRY", "SYP", "EGP", "ILS", "NIS":
		u = s
	case "Rs", "Rs.":
		u = "INR"
	}
	if u == "" {
		return "", i
	}
	return u, k
}

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

// vague reads "dozens", "hundreds of thousands", "several hundred", "a few".
func (p *numParser) vague(i int) (mention, bool) {
	n := len(p.toks)
	m := mention{ts: i, cs: i, vague: true, bound: bVague, word: true}
	j := i
	w := p.w(j)
	if w == "a" || w == "an" {
		j++
		w = p.w(j)
		if w == "couple" && p.isWord(j+1, "of") {
			// "a couple of dozen" is about 24, "a couple of people" about 2.
			v, end := 2.0, j+1
			if p.fl(j+2)&fScale != 0 {
				v, end = 2*p.toks[j+2].info().val, j+3
			}
			m = mention{ts: i, cs: i, ce: end, te: end, ue: end, v1: v, bound: bApprox, word: true, scaled: end > j+1}
			return m, true
		}
		if w != "few" && w != "handful" {
			return m, false
		}
	} else if w == "few" || w == "handful" || w == "numerous" || w == "couple" {
		return m, false // "few people", "the couple": not a count
	}
	li := p.toks[j].info()
	lo, hi := li.val, li.hi
	j++
	switch w {
	case "several", "few", "handful":
		// "several hundred", "a few thousand", "a handful of"
		if j < n && p.fl(j)&fScale != 0 && p.w(j) != "dozen" || j < n && p.w(j) == "dozen" {
			// "several hundred" and "a few thousand" are as vague as
			// "hundreds" and "thousands" (a handful is fewer).
			s := p.toks[j].info().val
			lo, hi = 2*s, 10*s-1
			if s == 12 {
				lo, hi = 24, 99
			}
			if w == "handful" {
				lo, hi = 2*s, 5*s
			}
			j++
		}
	case "scores":
		if !p.isWord(j, "of") {
			return m, false
		}
	case "hundreds", "thousands", "millions", "dozens", "billions":
		// "hundreds of thousands", "tens of" handled below
		if p.isWord(j, "of") && j+1 < n {
			nx := p.w(j + 1)
			switch {
			case w == "hundreds" && nx == "thousands":
				lo, hi = 200000, 999999
				j += 2
			case w == "hundreds" && nx == "millions":
				lo, hi = 2e8, 999999999
				j += 2
			case w == "thousands" && nx == "millions":
				lo, hi = 2e9, 9999999999
				j += 2
			}
		}
	}
	// "tens of thousands"
	if i > 1 && p.isWord(i-1, "of") && p.isWord(i-2, "tens") {
		switch w {
		case "thousands":
			lo, hi = 20000, 99999
		case "millions":
			lo, hi = 2e7, 99999999
		case "billions":
			lo, hi = 2e10, 99999999999
		}
		m.ts, m.cs = i-2, i-2
	}
	m.vlo, m.vhi, m.ce, m.te, m.ue = lo, hi, j, j, j
	return m, true
}

// unitAfter reads "%", "percent", "per cent", currencies after the number.
func (p *numParser) unitAfter(m *mention) {
	n := len(p.toks)
	j := m.te
	if j >= n {
		return
	}
	t := p.toks[j]
	s := p.text[t.s:t.e]
	switch {
	case t.kind == tkPunct && s == "%" && !t.space:
		m.unit, m.class = "percent", classPercent
		m.te, m.ue = j+1, j+1
		return
	case t.kind == tkPunct && (s == "€" || s == "£") && !t.space:
		m.unit, m.class = map[string]string{"€": "EUR", "£": "GBP"}[s], classMoney
		m.te, m.ue = j+1, j+1
		return
	}
	if t.kind != tkWord || m.unit != "" {
		return
	}
	w := p.w(j)
	switch w {
	case "percent", "pct", "percentage", "percents":
		m.unit, m.class = "percent", classPercent
		j++
		if w == "percentage" && p.isWord(j, "points") {
			j++
		}
		m.te, m.ue = j, j
		return
	case "per":
		if p.isWord(j+1, "cent") {
			m.unit, m.class = "percent", classPercent
			m.te, m.ue = j+2, j+2
		}
		return
	}
	if w == "cfa" && p.fl(j+1)&fCurrency != 0 {
		j++
		t = p.toks[j]
		w = p.w(j)
	}
	if t.flags()&fCurrency != 0 {
		u := ""
		switch w {
		case "dollars", "dollar", "usd", "bucks":
			u = "USD"
		case "euros", "euro", "eur":
			u = "EUR"
		case "sterling", "gbp":
			u = "GBP"
		case "yen", "jpy":
			u = "JPY"
		case "yuan", "renminbi", "rmb", "cny":
			u = "CNY"
		case "rupees", "rupee", "inr":
			u = "INR"
		case "rubles", "roubles", "rub":
			u = "RUB"
		case "francs", "chf":
			u = "CHF"
			if p.isWord(j-1, "cfa") {
				u = "XOF" // West African CFA franc
			}
		case "soles", "sol":
			u = "PEN"
		case "shillings", "shilling", "kes":
			u = "KES"
		case "taka", "bdt":
			u = "BDT"
		case "kwacha", "zmw":
			u = "ZMW"
		case "naira", "ngn":
			u = "NGN"
		case "cedis", "cedi":
			u = "GHS"
		case "rand", "zar":
			u = "ZAR"
		case "pesos", "peso":
			u = "MXN"
		case "dinars", "dinar":
			u = "DZD"
		case "riyals", "riyal":
			u = "SAR"
		case "shekels", "shekel":
			u = "ILS"
		case "lira", "liras", "lire":
			u = "TRY"
		case "cents":
			u = "USD"
			m.v1 /= 100
			m.v2 /= 100
		default:
			u = strings.ToUpper(w)
		}
		m.unit, m.class = u, classMoney
		m.te, m.ue = j+1, j+1
		return
	}
	if (w == "pounds" || w == "pound") && (m.scaled || p.isWord(j+1, "sterling")) {
		m.unit, m.class = "GBP", classMoney
		m.te, m.ue = j+1, j+1
		if p.isWord(j+1, "sterling") {
			m.te, m.ue = j+2, j+2
		}
	}
}

// rangeAfter reads "X to Y", "X-Y", "X or Y", "X and Y" (after between) ranges.
func (p *numParser) rangeAfter(m *mention) {
	n := len(p.toks)
	j := m.te
	if j+1 >= n {
		return
	}
	t := p.toks[j]
	s := p.text[t.s:t.e]
	// An estimate given as two figures: "15 gunshots, 20 gunshots" (the
	// same noun after both), "like 50, 60 gun shots" (after an estimate
	// word).
	if p.toks[m.cs].kind == tkNum && !m.scaled && m.unit == "" {
		if t.kind == tkWord && j+3 < n && p.isPunct(j+1, ",") && p.toks[j+2].kind == tkNum && p.toks[j+3].kind == tkWord &&
			p.w(j+3) == p.w(j) && p.toks[j+2].nval > m.v1 {
			m.v2, m.isRange, m.bound = p.toks[j+2].nval, true, bRange
			m.ce, m.te, m.ue = j+3, j+3, j+3
			return
		}
		if t.kind == tkPunct && s == "," && m.ts > 0 && p.toks[m.ts-1].kind == tkWord && p.inSet(m.ts-1, estimateWords) && p.toks[j+1].kind == tkNum &&
			!p.toks[j+1].ngrp && !p.toks[j+1].ndec && p.toks[j+1].nval > m.v1 && p.toks[j+1].nval <= 10*m.v1 && j+2 < n && p.toks[j+2].kind == tkWord {
			m.v2, m.isRange, m.bound = p.toks[j+1].nval, true, bRange
			m.ce, m.te, m.ue = j+2, j+2, j+2
			return
		}
	}
	conn := ""
	switch {
	case t.kind == tkWord && (p.w(j) == "to" || p.w(j) == "through" || p.w(j) == "or" || p.w(j) == "and" || p.w(j) == "thru"):
		conn = p.w(j)
	case t.kind == tkPunct && (isDash(s) || s == "~"):
		conn = "-"
		// "2-3" only when both sides are tight or both spaced.
		if t.space != p.toks[j+1].space {
			return
		}
	default:
		return
	}
	k := j + 1
	if m.unit != "" && m.class == classMoney {
		if u, kk := p.currencyBefore(k + 1); u == m.unit && kk == k {
			k++
		}
	}
	st := p.toks[k]
	if st.kind != tkNum && (st.kind != tkWord || st.flags()&fNumWord == 0 && !(p.w(k) == "a" || p.w(k) == "an")) {
		return
	}
	if conn == "-" && (st.kind == tkNum) != (p.toks[m.cs].kind == tkNum) {
		return
	}
	v2, end, _, scaled2, ok := p.value(k)
	if !ok {
		return
	}
	v1 := m.v1
	// "2 to 3 million": the scale of the second applies to the first.
	if scaled2 && !m.scaled {
		for _, s := range []float64{1e12, 1e9, 1e6, 1e3, 100} {
			if v2 >= s && math.Mod(v2, s) == 0 && v1*s <= v2 && v1 < 1000 {
				v1 *= s
				break
			}
		}
	}
	if conn == "and" {
		// only after "between"
		if !(m.ts > 0 && p.isWord(m.ts-1, "between")) {
			return
		}
	}
	if conn == "or" && !(v1 < 100 && v2 <= 100) {
		return
	}
	if !(v2 > v1) {
		return
	}
	m.v1, m.v2, m.isRange, m.bound = roundClean(v1), v2, true, bRange
	m.ce, m.te, m.ue = end, end, end
	m.scaled = m.scaled || scaled2
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

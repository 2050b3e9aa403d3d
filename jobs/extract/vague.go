package extract

import "math"

// Amounts that are no one figure: vague amounts ("dozens", "several
// hundred", "hundreds of thousands"), ranges ("10 to 20", "10-20", "two
// or three"), and zero counts ("no one was killed", "no casualties").

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

// zeroMentions adds "no one", "nobody", "none of them", "no casualties".
func (x *analyzer) zeroMentions() {
	p := &x.p
	n := len(p.toks)
	for i := 0; i < n; i++ {
		t := &p.toks[i]
		if t.kind != tkWord {
			continue
		}
		w := p.w(i)
		end := -1
		switch w {
		case "nobody", "noone":
			end = i + 1
		case "none":
			if p.isWord(i+1, "of") && i+2 < n {
				if nx := p.w(i + 2); nx == "them" || nx == "those" || nx == "us" || p.fl(i+2)&fSubj != 0 || p.isWord(i+2, "the") && p.fl(i+3)&fSubj != 0 {
					end = i + 3
					if p.isWord(i+2, "the") {
						end = i + 4
					}
				}
			} else if !p.isWord(i+1, "of") {
				end = i + 1
			}
		case "no":
			if p.isWord(i+1, "one") {
				end = i + 2
			} else if p.isDashTok(i+1) && p.isWord(i+2, "one") {
				end = i + 3
			} else {
				for k := i + 1; k < n && k <= i+3; k++ {
					f := p.fl(k)
					if f&(fSubj|fPred) != 0 {
						end = k + 1
						break
					}
					if p.toks[k].kind != tkWord || f&(fVerbish|fAux|fCue|fPrep) != 0 {
						break
					}
				}
			}
		}
		if end < 0 {
			continue
		}
		x.ments = append(x.ments, mention{ts: i, te: end, cs: i, ce: end, ue: end, bound: bExact, class: classCount, zero: true, word: true})
	}
}

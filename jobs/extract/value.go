package extract

import (
	"math"
	"strings"
)

// A number's value by its form: digits (thousands separators, decimals),
// number words ("twenty-one", "a dozen"), scales and their suffixes ("2.3
// million", "2.3bn"), currencies before it and units after it.

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
		u := t.info().unit // the ISO 4217 code (lexicon.tsv)
		switch w {
		case "francs", "chf":
			if p.isWord(j-1, "cfa") {
				u = "XOF" // West African CFA franc
			}
		case "cents":
			m.v1 /= 100
			m.v2 /= 100
		}
		if u == "" {
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

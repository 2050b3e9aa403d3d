package gen

import (
	"math"
	"math/rand/v2"
	"strconv"
)

// val is a value as the text states it, in the gold file's terms.
type val struct {
	lo, hi       float64
	hasLo, hasHi bool
	approx       bool
}

func exactVal(v float64) val { return val{lo: v, hi: v, hasLo: true, hasHi: true} }

// form is a set of ways a count may be rendered.
type form uint16

const (
	fExact   form = 1 << iota // 1,238
	fWords                    // seven, twenty
	fAtLeast                  // at least 1,200 / more than / over
	fUpTo                     // up to 1,300 / as many as
	fNearly                   // nearly 1,300 / almost
	fAbout                    // about 1,200 / around / some / an estimated
	fRange                    // between 1,100 and 1,400 / 1,100 to 1,400
	fVague                    // dozens of / hundreds of / several / a dozen

	fAll      = fExact | fWords | fAtLeast | fUpTo | fNearly | fAbout | fRange | fVague
	fNoSubj   = fExact | fWords | fAtLeast | fNearly | fAbout // values with no noun after them
	fInitial  = fWords | fAtLeast | fUpTo | fNearly | fAbout | fVague
	fPrecise  = fExact | fWords
	fModified = fAtLeast | fAbout | fNearly
)

// appendInt appends v with thousands separators.
func appendInt(b []byte, v int64) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	if v < 1000 {
		return strconv.AppendInt(b, v, 10)
	}
	var tmp [24]byte
	s := strconv.AppendInt(tmp[:0], v, 10)
	lead := len(s) % 3
	if lead == 0 {
		lead = 3
	}
	b = append(b, s[:lead]...)
	for i := lead; i < len(s); i += 3 {
		b = append(b, ',')
		b = append(b, s[i:i+3]...)
	}
	return b
}

// appendWords spells v (2..99) out: "seven", "twenty-two".
func appendWords(b []byte, v int64) []byte {
	if v < 20 {
		return append(b, smallWords[v]...)
	}
	b = append(b, tensWords[v/10]...)
	if v%10 != 0 {
		b = append(b, '-')
		b = append(b, smallWords[v%10]...)
	}
	return b
}

func pow10(n int) int64 {
	p := int64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// step returns the rounding unit for v: two significant digits, and at
// least 10.
func step(v int64) int64 {
	d := len(strconv.FormatInt(v, 10))
	if d <= 2 {
		return 10
	}
	return pow10(d - 2)
}

func roundDown(v int64) int64 { s := step(v); return v / s * s }
func roundUp(v int64) int64 {
	s := step(v)
	r := (v + s - 1) / s * s
	if r == v {
		r += s
	}
	return r
}
func roundNear(v int64) int64 { s := step(v); return (v + s/2) / s * s }

// appendCount renders count v (>= 2) in one of the forms allowed by mask and
// returns the value the text states. Vague forms include their "of"
// ("dozens of"), so a noun can follow any form.
func appendCount(b []byte, r *rand.Rand, v int64, mask form, words bool) ([]byte, val) {
	if v < 2 {
		v = 2
	}
	if v >= 1_000_000 {
		return appendMillions(b, r, v, mask)
	}
	var cand [8]form
	n := 0
	add := func(f form, weight int) {
		if mask&f == 0 {
			return
		}
		for ; weight > 0 && n < len(cand); weight-- {
			cand[n] = f
			n++
		}
	}
	if v < 100 && (words || v <= 12) {
		add(fWords, 2)
	} else {
		add(fExact, 2)
	}
	if v >= 10 {
		add(fAtLeast, 2)
		if r.IntN(3) == 0 {
			add(fUpTo, 1)
		}
		if r.IntN(3) == 0 {
			add(fRange, 1)
		}
	}
	if v >= 20 {
		add(fAbout, 1)
		if r.IntN(2) == 0 {
			add(fNearly, 1)
		}
	}
	if vagueOK(v) {
		add(fVague, 1)
	}
	if n == 0 {
		// Nothing allowed fits: fall back on the plainest form the mask has.
		switch {
		case mask&fExact != 0:
			cand[0], n = fExact, 1
		case mask&fWords != 0 && v < 100:
			cand[0], n = fWords, 1
		case mask&fAtLeast != 0:
			cand[0], n = fAtLeast, 1
		case mask&fAbout != 0:
			cand[0], n = fAbout, 1
		default:
			cand[0], n = fVague, 1
		}
	}
	switch cand[r.IntN(n)] {
	case fWords:
		if v >= 100 {
			break
		}
		return appendWords(b, v), exactVal(float64(v))
	case fAtLeast:
		if v >= 13 && v <= 23 && r.IntN(2) == 0 {
			return append(b, "more than a dozen"...), val{lo: 12, hasLo: true}
		}
		if r.IntN(4) == 0 {
			b = append(b, "at least "...)
			return appendInt(b, v), val{lo: float64(v), hasLo: true}
		}
		d := roundDown(v)
		b = append(b, pick(r, []string{"more than ", "more than ", "at least ", "over "})...)
		return appendInt(b, d), val{lo: float64(d), hasLo: true}
	case fUpTo:
		u := roundUp(v)
		b = append(b, pick(r, []string{"up to ", "as many as "})...)
		return appendInt(b, u), val{hi: float64(u), hasHi: true}
	case fNearly:
		u := roundUp(v)
		b = append(b, pick(r, []string{"nearly ", "almost ", "nearly "})...)
		return appendInt(b, u), val{hi: float64(u), hasHi: true, approx: true}
	case fAbout:
		a := roundNear(v)
		b = append(b, pick(r, []string{"about ", "around ", "some ", "an estimated ", "roughly ", "approximately "})...)
		return appendInt(b, a), val{lo: float64(a), hi: float64(a), hasLo: true, hasHi: true, approx: true}
	case fRange:
		lo, hi := roundDown(v*85/100), roundUp(v)
		if lo < 2 {
			lo = 2
		}
		if r.IntN(2) == 0 {
			b = append(b, "between "...)
			b = appendInt(b, lo)
			b = append(b, " and "...)
		} else {
			b = appendInt(b, lo)
			b = append(b, " to "...)
		}
		return appendInt(b, hi), val{lo: float64(lo), hi: float64(hi), hasLo: true, hasHi: true}
	case fVague:
		return appendVague(b, v)
	}
	if v >= 10_000 {
		// Large counts are printed to three significant digits: 72,500.
		s := step(v) / 10
		v = (v + s/2) / s * s
	}
	return appendInt(b, v), exactVal(float64(v))
}

func vagueOK(v int64) bool {
	return (v >= 3 && v <= 9) || v == 12 || (v >= 24 && v <= 99) || (v >= 200 && v <= 999) ||
		(v >= 2000 && v <= 9999) || (v >= 20000 && v <= 99999) || (v >= 200000 && v <= 999999)
}

// appendVague renders v with the DESIGN's vague quantities.
func appendVague(b []byte, v int64) ([]byte, val) {
	rng := func(lo, hi float64) val { return val{lo: lo, hi: hi, hasLo: true, hasHi: true} }
	switch {
	case v >= 3 && v <= 9:
		return append(b, "several"...), rng(3, 9)
	case v == 12:
		return append(b, "a dozen"...), val{lo: 12, hi: 12, hasLo: true, hasHi: true, approx: true}
	case v >= 24 && v <= 99:
		return append(b, "dozens of"...), rng(24, 99)
	case v >= 200 && v <= 999:
		return append(b, "hundreds of"...), rng(200, 999)
	case v >= 2000 && v <= 9999:
		return append(b, "thousands of"...), rng(2000, 9999)
	case v >= 20000 && v <= 99999:
		return append(b, "tens of thousands of"...), rng(20000, 99999)
	case v >= 200000 && v <= 999999:
		return append(b, "hundreds of thousands of"...), rng(200000, 999999)
	}
	return appendInt(b, v), exactVal(float64(v))
}

// appendMillions renders v >= 1e6 as "1.5 million" with an optional modifier.
func appendMillions(b []byte, r *rand.Rand, v int64, mask form) ([]byte, val) {
	var m float64
	if v < 10_000_000 {
		m = math.Round(float64(v)/100_000) / 10
	} else {
		m = math.Round(float64(v) / 1_000_000)
	}
	x := m * 1_000_000
	out := exactVal(x)
	switch k := r.IntN(4); {
	case k == 0 && mask&fAtLeast != 0:
		b = append(b, "more than "...)
		out = val{lo: x, hasLo: true}
	case k == 1 && mask&fAbout != 0:
		b = append(b, pick(r, []string{"about ", "some ", "an estimated ", "around "})...)
		out.approx = true
	case k == 2 && mask&fNearly != 0:
		b = append(b, "nearly "...)
		out = val{hi: x, hasHi: true, approx: true}
	}
	b = strconv.AppendFloat(b, m, 'f', -1, 64)
	return append(b, " million"...), out
}

// appendMoney renders an amount of money (in units of its currency) and
// returns the stated value. cur is "$", "€" or a currency word ("shillings").
func appendMoney(b []byte, r *rand.Rand, amount float64, cur string, short bool) ([]byte, val) {
	// Round to two significant digits, the way amounts are reported.
	e := math.Floor(math.Log10(amount))
	unit := math.Pow(10, e-1)
	amount = math.Round(amount/unit) * unit
	out := exactVal(amount)
	switch r.IntN(6) {
	case 0:
		b = append(b, "more than "...)
		out = val{lo: amount, hasLo: true}
	case 1:
		b = append(b, "up to "...)
		out = val{hi: amount, hasHi: true}
	case 2:
		b = append(b, "about "...)
		out.approx = true
	}
	symbol := cur == "$" || cur == "€"
	if symbol {
		b = append(b, cur...)
	}
	switch {
	case amount >= 1e9:
		b = strconv.AppendFloat(b, amount/1e9, 'f', -1, 64)
		if symbol && short {
			b = append(b, "bn"...)
		} else {
			b = append(b, " billion"...)
		}
	case amount >= 1e6:
		b = strconv.AppendFloat(b, amount/1e6, 'f', -1, 64)
		if symbol && short {
			b = append(b, 'm')
		} else {
			b = append(b, " million"...)
		}
	default:
		b = appendInt(b, int64(amount))
	}
	if !symbol {
		b = append(b, ' ')
		b = append(b, cur...)
	}
	return b, out
}

// appendPercent renders a percentage with one decimal at most.
func appendPercent(b []byte, r *rand.Rand, p float64) ([]byte, val) {
	out := exactVal(p)
	switch r.IntN(5) {
	case 0:
		b = append(b, "about "...)
		out.approx = true
	case 1:
		b = append(b, "more than "...)
		out = val{lo: p, hasLo: true}
	}
	b = strconv.AppendFloat(b, p, 'f', -1, 64)
	return append(b, pick(r, []string{" percent", "%", " per cent", " percent"})...), out
}

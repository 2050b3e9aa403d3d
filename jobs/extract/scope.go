package extract

import "time"

// timeExpr is a time expression found in a clause.
type timeExpr struct {
	s, e       int // tokens [s, e)
	start, end time.Time
	since      bool
}

// monthNum and weekdayNum are the lists month and weekday of lexicon.tsv:
// a month's number, a weekday's (Sunday 0).
var (
	monthNum   = wordMonths()
	weekdayNum = wordWeekdays()
)

// wordMonths reads the list month.
func wordMonths() map[string]time.Month {
	m := map[string]time.Month{}
	for w, v := range wordValues("month") {
		m[w] = time.Month(v)
	}
	return m
}

// wordWeekdays reads the list weekday.
func wordWeekdays() map[string]time.Weekday {
	m := map[string]time.Weekday{}
	for w, v := range wordValues("weekday") {
		m[w] = time.Weekday(v)
	}
	return m
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func dateOf(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	t = t.UTC()
	return day(t.Year(), t.Month(), t.Day())
}

func endOfMonth(y int, m time.Month) time.Time { return day(y, m+1, 1).AddDate(0, 0, -1) }

// monthYear returns the year of the most recent month m on or before pub.
func monthYear(m time.Month, pub time.Time) int {
	if m <= pub.Month() {
		return pub.Year()
	}
	return pub.Year() - 1
}

// phaseDay maps "early", "mid", "late" to the first day used for "since late
// April": early 1, mid 11, late 21.
func phaseDay(w string) int {
	switch w {
	case "mid", "mid-":
		return 11
	case "late":
		return 21
	}
	return 1
}

// isMonthTok reports whether token i names a month (a capital is required
// for the ambiguous "May" and "March").
func (p *numParser) isMonthTok(i int) (time.Month, bool) {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tkWord || p.fl(i)&fMonth == 0 {
		return 0, false
	}
	w := p.w(i)
	if (w == "may" || w == "march") && !p.toks[i].upper {
		return 0, false
	}
	m := monthByLex[p.toks[i].li]
	return m, m != 0
}

// weekdayTok reports whether token i names a day of the week: the words
// of weekdayNum are the lexicon's fWeekday words, so others need no look-up.
func (p *numParser) weekdayTok(i int) (time.Weekday, bool) {
	if p.fl(i)&fWeekday == 0 {
		return 0, false
	}
	wd := weekdayByLex[p.toks[i].li]
	return time.Weekday(wd), wd >= 0
}

// monthByLex and weekdayByLex are monthNum and weekdayNum by lexicon index
// (0 and -1: none), for the tokens flagged fMonth or fWeekday, whose index
// is that of their word as written.
var (
	monthByLex   []time.Month
	weekdayByLex []int8
)

// buildDateWords fills monthByLex and weekdayByLex; it runs after the
// lexicon table is built.
func buildDateWords() {
	monthByLex = make([]time.Month, len(lexKeys))
	weekdayByLex = make([]int8, len(lexKeys))
	for i := range weekdayByLex {
		weekdayByLex[i] = -1
	}
	for w, m := range monthNum {
		if li := lexFind(w); li >= 0 {
			monthByLex[li] = m
		}
	}
	for w, d := range weekdayNum {
		if li := lexFind(w); li >= 0 {
			weekdayByLex[li] = int8(d)
		}
	}
}

func (p *numParser) yearTok(i int) (int, bool) {
	if i < 0 || i >= len(p.toks) {
		return 0, false
	}
	t := p.toks[i]
	if t.kind == tkNum && t.nlen == 4 && !t.ngrp && !t.ndec && t.nval >= 1800 && t.nval <= 2100 {
		return int(t.nval), true
	}
	return 0, false
}

func (p *numParser) dayTok(i int) (int, bool) {
	if i < 0 || i >= len(p.toks) {
		return 0, false
	}
	t := p.toks[i]
	if t.kind == tkNum && !t.ngrp && !t.ndec && t.nlen <= 2 && t.nval >= 1 && t.nval <= 31 {
		return int(t.nval), true
	}
	return 0, false
}

// dateAt reads "April 4, 2017", "April 2017", "April", "4 April 2017" at i.
// It returns the end token, the month, day (0: none) and year (0: none).
func (p *numParser) dateAt(i, lim int) (end int, m time.Month, d, y int, ok bool) {
	if mm, ok := p.isMonthTok(i); ok {
		j := i + 1
		if j+1 < lim && p.isPunct(j, ".") && p.toks[j+1].kind == tkNum {
			j++
		}
		if dd, ok := p.dayTok(j); ok && j < lim {
			d = dd
			j++
			if j < lim && (p.isWord(j, "st") || p.isWord(j, "nd") || p.isWord(j, "rd") || p.isWord(j, "th")) {
				j++
			}
		}
		k := j
		if k < lim && p.isPunct(k, ",") {
			k++
		}
		if yy, ok := p.yearTok(k); ok && k < lim {
			y = yy
			j = k + 1
		}
		return j, mm, d, y, true
	}
	if dd, ok := p.dayTok(i); ok && i+1 < lim {
		j := i + 1
		if j < lim && (p.isWord(j, "st") || p.isWord(j, "nd") || p.isWord(j, "rd") || p.isWord(j, "th")) {
			j++
		}
		if mm, ok := p.isMonthTok(j); ok && j < lim {
			j++
			if yy, ok := p.yearTok(j); ok && j < lim {
				y = yy
				j++
			}
			return j, mm, dd, y, true
		}
	}
	return 0, 0, 0, 0, false
}

// resolveDate turns a month/day/year into a span; a missing year comes from
// pub (zero pub: unknown).
func resolveDate(m time.Month, d, y int, pub time.Time) (time.Time, time.Time) {
	if y == 0 {
		if pub.IsZero() {
			return time.Time{}, time.Time{}
		}
		y = monthYear(m, pub)
	}
	if d == 0 {
		return day(y, m, 1), endOfMonth(y, m)
	}
	t := day(y, m, d)
	return t, t
}

// timeAt recognizes a time expression starting at token i (before lim).
// pub is the published date as dateOf returns it (zero: unknown).
func (p *numParser) timeAt(i, lim int, pub time.Time) (timeExpr, bool) {
	te := timeExpr{s: i}
	if p.toks[i].kind != tkWord && p.toks[i].kind != tkNum {
		return te, false
	}
	w := p.w(i)
	switch w {
	case "since":
		j := i + 1
		startDay := 1
		if j < lim && (p.isWord(j, "early") || p.isWord(j, "mid") || p.isWord(j, "late") || p.isWord(j, "the") && (p.isWord(j+1, "end") || p.isWord(j+1, "start") || p.isWord(j+1, "beginning"))) {
			switch p.w(j) {
			case "the":
				if p.isWord(j+2, "of") {
					if p.w(j+1) == "end" {
						startDay = 21
					}
					j += 3
				}
			default:
				startDay = phaseDay(p.w(j))
				j++
				if j < lim && p.isDashTok(j) {
					j++
				}
			}
		}
		if end, m, d, y, ok := p.dateAt(j, lim); ok {
			te.e, te.since = end, true
			if d == 0 {
				d = startDay
			}
			if y == 0 && !pub.IsZero() {
				y = monthYear(m, pub)
			}
			if y != 0 {
				te.start = day(y, m, d)
				te.end = pub
			}
			return te, true
		}
		if y, ok := p.yearTok(j); ok && j < lim {
			te.e, te.since = j+1, true
			te.start, te.end = day(y, 1, 1), pub
			if startDay == 21 {
				te.start = day(y, 10, 1)
			} else if startDay == 11 {
				te.start = day(y, 5, 1)
			}
			return te, true
		}
		if wd, ok := p.weekdayTok(min(j, len(p.toks)-1)); ok && j < lim {
			te.e, te.since = j+1, true
			if !pub.IsZero() {
				te.start, te.end = lastWeekday(pub, wd), pub
			}
			return te, true
		}
		// "since it started ... in 2011": a year later in the clause.
		for k := j; k < lim && k < j+14; k++ {
			if p.isPunct(k, ",") || p.isPunct(k, ";") {
				break
			}
			if y, ok := p.yearTok(k); ok && (p.isWord(k-1, "in") || p.isWord(k-1, "of")) {
				te.e, te.since = k+1, true
				te.start, te.end = day(y, 1, 1), pub
				return te, true
			}
		}
		return te, false
	case "last", "this", "past":
		j := i + 1
		if j >= lim {
			return te, false
		}
		nx := p.w(j)
		if pub.IsZero() {
			switch nx {
			case "week", "month", "year", "weekend", "night", "summer", "winter", "spring", "autumn", "fall":
				te.e = j + 1
				return te, true
			}
			if _, ok := p.isMonthTok(j); ok {
				te.e = j + 1
				return te, true
			}
			return te, false
		}
		switch nx {
		case "week":
			wd := (int(pub.Weekday()) + 6) % 7 // days since Monday
			mon := pub.AddDate(0, 0, -wd)
			if w == "last" {
				te.start, te.end = mon.AddDate(0, 0, -7), mon.AddDate(0, 0, -1)
			} else {
				te.start, te.end = mon, pub
			}
		case "month":
			if w == "last" {
				first := day(pub.Year(), pub.Month(), 1).AddDate(0, -1, 0)
				te.start, te.end = first, endOfMonth(first.Year(), first.Month())
			} else {
				te.start, te.end = day(pub.Year(), pub.Month(), 1), pub
			}
		case "year":
			if w == "last" {
				te.start, te.end = day(pub.Year()-1, 1, 1), day(pub.Year()-1, 12, 31)
			} else {
				te.start, te.end = day(pub.Year(), 1, 1), pub
			}
		case "weekend":
			sat := pub.AddDate(0, 0, -((int(pub.Weekday())+1)%7 + 0))
			if pub.Weekday() == time.Saturday {
				sat = pub
			}
			te.start, te.end = sat, sat.AddDate(0, 0, 1)
		case "night":
			if w == "last" {
				te.start, te.end = pub.AddDate(0, 0, -1), pub
			} else {
				te.start, te.end = pub, pub
			}
		default:
			if m, ok := p.isMonthTok(j); ok {
				y := pub.Year()
				if w == "last" && m >= pub.Month() || m > pub.Month() {
					y--
				}
				te.start, te.end = day(y, m, 1), endOfMonth(y, m)
			} else if wd, ok := p.weekdayTok(j); ok {
				d := lastWeekday(pub, wd)
				if d.Equal(pub) && w == "last" {
					d = d.AddDate(0, 0, -7)
				}
				te.start, te.end = d, d
			} else {
				return te, false
			}
		}
		te.e = j + 1
		return te, true
	case "yesterday", "today", "tonight", "overnight":
		te.e = i + 1
		if !pub.IsZero() {
			switch w {
			case "yesterday":
				te.start = pub.AddDate(0, 0, -1)
				te.end = te.start
			case "overnight":
				te.start, te.end = pub.AddDate(0, 0, -1), pub
			default:
				te.start, te.end = pub, pub
			}
		}
		return te, true
	case "in", "on", "during", "by":
		j := i + 1
		if j < lim && (p.isWord(j, "early") || p.isWord(j, "mid") || p.isWord(j, "late")) {
			j++
		}
		if end, m, d, y, ok := p.dateAt(j, lim); ok {
			te.e = end
			te.start, te.end = resolveDate(m, d, y, pub)
			return te, true
		}
		if y, ok := p.yearTok(j); ok && j < lim {
			te.e = j + 1
			te.start, te.end = day(y, 1, 1), day(y, 12, 31)
			return te, true
		}
		if j < lim && p.toks[j].kind == tkWord {
			if wd, ok := p.weekdayTok(j); ok && p.toks[j].upper {
				te.e = j + 1
				if !pub.IsZero() {
					d := lastWeekday(pub, wd)
					te.start, te.end = d, d
				}
				return te, true
			}
		}
		// "in the past 24 hours", "over the last three weeks"
		if p.isWord(j, "the") && (p.isWord(j+1, "past") || p.isWord(j+1, "last")) {
			return p.pastSpan(i, j+2, lim, pub)
		}
		return te, false
	case "over", "within", "for":
		j := i + 1
		if p.isWord(j, "the") && (p.isWord(j+1, "past") || p.isWord(j+1, "last")) {
			return p.pastSpan(i, j+2, lim, pub)
		}
		return te, false
	}
	if wd, ok := p.weekdayTok(i); ok && p.toks[i].upper {
		te.e = i + 1
		if !pub.IsZero() {
			d := lastWeekday(pub, wd)
			te.start, te.end = d, d
		}
		return te, true
	}
	if end, m, d, y, ok := p.dateAt(i, lim); ok && (d != 0 || y != 0) {
		te.e = end
		te.start, te.end = resolveDate(m, d, y, pub)
		return te, true
	}
	return te, false
}

// pastSpan reads "N units" or "unit" after "the past".
func (p *numParser) pastSpan(i, j, lim int, pub time.Time) (timeExpr, bool) {
	te := timeExpr{s: i}
	nUnits := 1.0
	if j < lim && p.toks[j].kind == tkNum {
		nUnits = p.toks[j].nval
		j++
	} else if j < lim && p.fl(j)&fNumWord != 0 {
		nUnits = p.toks[j].info().val
		j++
	} else if p.isWord(j, "few") || p.isWord(j, "several") {
		nUnits = 0
		j++
	}
	if j >= lim || p.fl(j)&fTimeUnit == 0 {
		return te, false
	}
	te.e = j + 1
	if pub.IsZero() || nUnits == 0 {
		return te, true
	}
	k := int(nUnits)
	switch p.w(j) {
	case "hours", "hour":
		te.start = pub.AddDate(0, 0, -((k + 23) / 24))
	case "days", "day":
		te.start = pub.AddDate(0, 0, -k)
	case "weeks", "week":
		te.start = pub.AddDate(0, 0, -7*k)
	case "months", "month":
		te.start = pub.AddDate(0, -k, 0)
	case "years", "year":
		te.start = pub.AddDate(-k, 0, 0)
	case "decade", "decades":
		te.start = pub.AddDate(-10*k, 0, 0)
	default:
		return te, true
	}
	te.end = pub
	return te, true
}

// lastWeekday returns the latest day on or before pub that is a wd.
func lastWeekday(pub time.Time, wd time.Weekday) time.Time {
	back := (int(pub.Weekday()) - int(wd) + 7) % 7
	return pub.AddDate(0, 0, -back)
}

// scopeIn finds the time scope of a claim starting in tokens [s, e) and
// ending before lim: a "since" expression first, else the one nearest the
// number.
func (x *analyzer) scopeIn(s, e, lim int, m *mention) (timeExpr, bool) {
	p := &x.p
	var best timeExpr
	found := false
	bestD := 1 << 30
	for k := s; k < e; k++ {
		if m != nil && k >= m.ts && k < m.te {
			continue
		}
		t := &p.toks[k]
		if t.kind != tkWord && t.kind != tkNum {
			continue
		}
		if t.kind == tkWord && t.flags()&(fPrep|fMonth|fWeekday|fTimeRel) == 0 {
			continue
		}
		te, ok := p.timeAt(k, lim, x.pub)
		if !ok || te.e <= te.s {
			continue
		}
		d := 0
		if m != nil {
			d = k - m.te
			if d < 0 {
				d = m.ts - te.e + 2
			}
		}
		if te.since {
			d -= 1000
		}
		if d < bestD {
			best, bestD, found = te, d, true
		}
		k = te.e - 1
	}
	return best, found
}

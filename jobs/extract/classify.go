package extract

import "strings"

// classify decides what kind of number m is: a count, or a year, date,
// time, age, ordinal, duration, measure, phone number, identifier, address or
// decade, which are not counts. Money and percentages keep their class.
func (p *numParser) classify(m *mention) {
	if m.class == classMoney || m.class == classPercent || m.class == classPhone {
		return
	}
	n := len(p.toks)
	cs, ce := m.cs, m.ce
	t := &p.toks[cs]
	last := &p.toks[ce-1]
	set := func(c uint8) { m.class = c }

	if t.kind == tkNum {
		if t.nval == 911 && !t.ngrp && !t.ndec && m.ts == cs && !m.isRange {
			set(classID) // the emergency number
			return
		}
		// "children under 15", "aged over 60": an age bound.
		if m.ts < cs && m.ts > 0 && (p.isWord(m.ts, "under") || p.isWord(m.ts, "over") || p.isWord(m.ts, "above")) && m.v1 < 100 &&
			(p.fl(m.ts-1)&(fSubj|fAge) != 0 || p.isWord(m.ts-1, "those") || p.isWord(m.ts-1, "anyone")) {
			set(classAge)
			return
		}
		if t.nlen == 0 { // ".45"
			set(classMeasure)
			return
		}
		// Glued before: G20, COVID-19, F-16, #5, 5/17, 9:30, url/2017/
		if cs > 0 && !t.space && m.ts == cs {
			prev := p.toks[cs-1]
			ps := p.text[prev.s:prev.e]
			switch {
			case prev.kind == tkWord:
				set(classID)
				return
			case ps == "/" || ps == ":" || ps == "#" || ps == "." || ps == "№" || ps == "@" || ps == "=" || ps == "_":
				if ps == ":" {
					set(classTime)
				} else if ps == "/" {
					set(classDate)
				} else {
					set(classID)
				}
				return
			case isDash(ps) && cs >= 2 && !prev.space && (p.toks[cs-2].kind == tkWord || p.toks[cs-2].kind == tkNum):
				if y := p.toks[cs-2]; y.kind == tkNum && y.nlen == 4 && y.nval >= 1800 && y.nval <= 2100 && t.nlen == 2 {
					set(classYear) // "2013-14"
					return
				}
				if p.toks[cs-2].kind == tkWord && p.toks[cs-2].upper || p.toks[cs-2].kind == tkNum {
					set(classID)
					return
				}
			}
		}
	}
	if last.kind == tkNum && ce < n && !p.toks[ce].space {
		nx := p.toks[ce]
		ns := p.text[nx.s:nx.e]
		if nx.kind == tkWord && !m.scaled {
			w := p.w(ce)
			switch {
			case w == "s" || w == "'s":
				set(classDecade)
			case w == "st" || w == "nd" || w == "rd" || w == "th":
				set(classOrdinal)
			case w == "am" || w == "pm" || w == "a.m." || w == "p.m." || w == "h" || w == "hrs" || w == "gmt" || w == "utc":
				set(classTime)
			case nx.flags()&fTimeUnit != 0:
				set(classDuration)
			case nx.flags()&fMeasure != 0:
				set(classMeasure)
			default:
				set(classID)
			}
			return
		}
		if nx.kind == tkPunct {
			switch ns {
			case "/":
				set(classDate)
				return
			case ":":
				if ce+1 < n && p.toks[ce+1].kind == tkNum && !p.toks[ce+1].space {
					set(classTime)
					return
				}
			case "'":
				if ce+1 < n && p.isWord(ce+1, "s") {
					set(classDecade)
					return
				}
			}
		}
	}
	// Words after the number (through a glued dash): units, ages, durations.
	j := m.ue
	if j < n && p.isDashTok(j) && !p.toks[j].space {
		j++
		// A compound adjective or a fraction: "a 200-student schoolhouse",
		// "a 12-member team", "two-thirds of the residents".
		if j < n && p.toks[j].kind == tkWord && !p.toks[j].space && !m.isRange {
			w := p.w(j)
			if fractionWords[w] || !strings.HasSuffix(w, "s") && p.fl(j)&(fTimeUnit|fNumWord|fScale|fModFirst|fPred) == 0 && w != "year-old" && w != "years-old" {
				set(classMeasure)
				return
			}
		}
	}
	if j < n && p.toks[j].kind == tkWord {
		f := p.toks[j].flags()
		w := p.w(j)
		switch {
		case f&fTimeUnit != 0 && w != "times" && w != "time" || w == "year-old" || w == "years-old":
			// "17-year-old", "17 years old", "years of age": ages; else a duration.
			k := j + 1
			if k < n && p.isDashTok(k) {
				k++
			}
			if w == "year-old" || w == "years-old" || p.isWord(k, "old") || p.isWord(k, "of") && p.isWord(k+1, "age") {
				set(classAge)
			} else if w == "am" || w == "pm" || w == "a.m." || w == "p.m." || w == "o'clock" {
				set(classTime)
			} else {
				set(classDuration)
			}
			return
		case w == "times" || w == "time":
			set(classDuration)
			return
		case f&fMeasure != 0 && (len(w) > 1 || !p.toks[j].space):
			set(classMeasure)
			return
		case w == "block" || f&fStreet != 0 && w != "way" && w != "place" && w != "square" && w != "circle" && w != "court":
			set(classAddress)
			return
		case f&fMonth != 0 && (p.toks[j].upper || w != "may" && w != "march"):
			set(classDate)
			return
		case w == "gmt" || w == "utc" || w == "est" || w == "edt" || w == "cst" || w == "pst" || w == "local" && p.isWord(j+1, "time"):
			set(classTime)
			return
		}
		// "123 Main Street", "100 N. Broad St."
		if p.toks[j].upper && t.kind == tkNum {
			k := j
			for c := 0; c < 4 && k < n && p.toks[k].kind == tkWord && p.toks[k].upper; c++ {
				if k > j && p.toks[k].flags()&fStreet != 0 {
					set(classAddress)
					return
				}
				k++
				if k < n && p.isPunct(k, ".") {
					k++
				}
			}
			if k < n && p.toks[k].kind == tkWord && p.toks[k].flags()&fStreet != 0 && k > j {
				set(classAddress)
				return
			}
		}
	}
	// Words before the number.
	b := m.ts - 1
	if b >= 0 && p.isPunct(b, ".") && b > 0 {
		b-- // "Aug. 12", "No. 5"
	}
	if b >= 0 && p.toks[b].kind == tkWord {
		f := p.toks[b].flags()
		w := p.w(b)
		switch {
		case f&fMonth != 0 && (p.toks[b].upper || w != "may" && w != "march"):
			set(classDate)
			return
		case f&fAge != 0:
			set(classAge)
			return
		case t.kind == tkNum && m.ts == cs && (f&fLabel != 0 && (p.toks[b].upper || w == "no" && p.isPunct(b+1, ".") || w == "number" || w == "route" || w == "flight" || w == "highway" || w == "interstate" || w == "channel")):
			set(classID)
			return
		case t.kind == tkNum && m.ts == cs && p.toks[b].caps && b == 0 && len(w) >= 2 && f&(fDet|fPrep|fMonth|fWeekday|fCue|fVerbish|fAux|fNeg|fNumWord|fModLast) == 0 &&
			preMods[w].bound == 0 && !preMods[w].between && !preMods[w].from && cs+1 < n && p.toks[cs+1].kind == tkWord &&
			(p.fl(cs+1)&(fSubj|fPred|fScale) == 0 || f == 0 && p.fl(cs+1)&(fSubj|fScale) == 0):
			// "SKY 4 captured video": a station's name at the sentence start.
			set(classID)
			return
		case t.kind == tkNum && m.ts == cs && p.toks[b].upper && b > 0 && f&(fDet|fPrep|fMonth|fWeekday|fCue|fVerbish|fAux|fNeg) == 0 &&
			!p.isPunct(b-1, "\"") && !p.isPunct(b-1, "(") && preMods[w].bound == 0 && !preMods[w].between && !preMods[w].from:
			// "Route 66", "News 12", "Boeing 737"
			set(classID)
			return
		}
	}
	// "Henry Jackson, 18, was ..." and "(18)" after a name: an age.
	if t.kind == tkNum && m.ts == cs && !m.isRange && !m.scaled && !t.ngrp && !t.ndec && m.v1 <= 120 && cs >= 2 {
		if p.isPunct(cs-1, ",") && p.toks[cs-2].kind == tkWord && (ce >= n || p.isPunct(ce, ",") || p.isPunct(ce, ".") || p.isPunct(ce, ";") || p.isWord(ce, "and") ||
			p.isWord(ce, "of") && !p.isWord(ce+1, "them") && !p.isWord(ce+1, "whom") && !p.isWord(ce+1, "the") || p.isPunct(ce, ")")) &&
			p.toks[cs-2].flags()&(fPred|fCue|fTimeUnit) == 0 {
			set(classAge)
			return
		}
		if p.isPunct(cs-1, "(") && ce < n && p.isPunct(ce, ")") && p.toks[cs-2].kind == tkWord && p.toks[cs-2].upper {
			set(classAge)
			return
		}
	}
	// Years: four digits, 1800-2100, no separators, unless a modifier or a
	// count noun says it counts ("more than 2000 people").
	if t.kind == tkNum && !m.scaled && !t.ngrp && !t.ndec && t.nlen == 4 && m.v1 >= 1000 && m.v1 <= 2100 {
		nextCount := j < n && p.toks[j].kind == tkWord && p.toks[j].flags()&(fSubj|fPred) != 0 && p.toks[j].flags()&fMonth == 0
		if m.isRange && m.v2 <= 2100 && m.v2 >= 1000 {
			nextCount = false
		}
		prevYearish := b >= 0 && p.toks[b].kind == tkWord && (p.toks[b].flags()&(fPrep|fMonth) != 0 || p.w(b) == "since" || p.w(b) == "until" || p.w(b) == "before" || p.w(b) == "after" || p.w(b) == "year" || p.w(b) == "early" || p.w(b) == "late" || p.w(b) == "mid" || p.w(b) == "fiscal")
		if m.v1 >= 1800 && !(m.ts < cs && !prevYearish) && !(nextCount && !prevYearish) {
			set(classYear)
			return
		}
		if m.v1 < 1800 && prevYearish && !nextCount {
			set(classYear)
			return
		}
	}
	// Plain decimals without a scale or unit are measures ("a 6.1 quake").
	if t.kind == tkNum && t.ndec && !m.scaled && !(j < n && p.toks[j].kind == tkWord && p.toks[j].flags()&fSubj != 0) {
		set(classMeasure)
		return
	}
	// Capitalized number words inside a name: "Three Mile Island".
	if t.kind == tkWord && t.upper && cs > 0 && j < n && p.toks[j].kind == tkWord && p.toks[j].upper && p.toks[j].flags()&(fSubj|fPred|fScale) == 0 && m.ts == cs {
		set(classID)
	}
}

// phoneAt reports whether a phone number starts at token i and returns its end:
// 555-1234, 555-555-1234, 1-800-555-1234, (555) 555-1234.
func (p *numParser) phoneAt(i int) (int, bool) {
	n := len(p.toks)
	groups := 0
	lens := [4]int8{}
	j := i
	for j < n && p.toks[j].kind == tkNum && !p.toks[j].ngrp && !p.toks[j].ndec && groups < 4 {
		lens[groups] = p.toks[j].nlen
		groups++
		j++
		if j+1 < n && (p.isDashTok(j) || p.isPunct(j, ".")) && !p.toks[j].space && !p.toks[j+1].space && p.toks[j+1].kind == tkNum {
			j++
			continue
		}
		break
	}
	switch {
	case groups >= 3:
		return j, true
	case groups >= 2 && lens[groups-1] == 4 && lens[groups-2] == 3:
		// (555) 555-1234: the area code was read as its own group; fine either way.
		return j, true
	case groups == 1 && i >= 2 && p.isPunct(i-1, ")") && lens[0] == 3:
		return j, false
	}
	return i, false
}

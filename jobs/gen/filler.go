package gen

import "strconv"

// civil converts days since 1970-01-01 to a calendar date.
func civil(days int64) (y, m, d int) {
	z := days + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	yy := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd := doy - (153*mp+2)/5 + 1
	mm := mp + 3
	if mm > 12 {
		mm -= 12
	}
	if mm <= 2 {
		yy++
	}
	return int(yy), int(mm), int(dd)
}

// quote writes a direct quotation that a speaker tag follows: its final
// full stop becomes a comma inside the quotation marks.
func (c *composer) quote(q string) {
	c.s("\"")
	if q[len(q)-1] == '.' {
		c.s(q[:len(q)-1])
		c.s(",\"")
		return
	}
	c.s(q)
	c.s("\"")
}

func (c *composer) num(v int) { c.text = strconv.AppendInt(c.text, int64(v), 10) }

// article writes "a 45" or "an 80", an indefinite article and a number.
func (c *composer) article(v int) {
	if v == 8 || v == 11 || v == 18 || (v >= 80 && v <= 89) {
		c.s("an ")
	} else {
		c.s("a ")
	}
	c.num(v)
}

// filler writes a paragraph of two to four sentences with no claims: the
// setting, reactions, aid, witnesses, and the numbers that are not counts.
func (c *composer) filler() {
	n := 2 + c.r.IntN(3)
	for i := 0; i < n; i++ {
		if i > 0 {
			c.s(" ")
		}
		c.fillerSentence()
	}
}

func (c *composer) fillerSentence() {
	r := c.r
	k := r.IntN(16)
	if !c.e.typ.hazard {
		// Weather, relief supplies, utilities and disease talk belong to
		// natural disasters; other events get politics and reactions.
		switch k {
		case 0, 6:
			k = 2
		case 1, 7:
			k = 12
		case 11:
			k = 5
		case 13:
			k = 10
		}
	}
	switch k {
	case 0, 1: // weather
		c.s(pick(r, wxSubj))
		c.s(" ")
		c.s(pick(r, wxVerb))
		c.s(" ")
		c.s(pick(r, wxObj))
		c.s(" ")
		c.s(pick(r, wxWhere))
		c.s(" ")
		c.s(pick(r, wxWhen))
		if r.IntN(3) == 0 {
			c.s(", with up to ")
			c.num(20 + r.IntN(280))
			c.s(" mm of rain expected")
		} else if r.IntN(2) == 0 {
			c.s(", with temperatures of ")
			c.num(r.IntN(45) - 5)
			c.s(" degrees Celsius")
		}
		c.s(", ")
		c.s(pick(r, wxEffect))
		c.s(".")
	case 2, 3: // politics
		c.s(pick(r, polSubj))
		c.s(" ")
		c.s(pick(r, polVerb))
		c.s(" ")
		c.s(pick(r, polObj))
		c.s(pick(r, polTail))
		c.s(".")
	case 4: // economy
		c.s(pick(r, econSubj))
		c.s(" ")
		c.s(pick(r, econVerb))
		c.s(" ")
		c.s(pick(r, econWhy))
		c.s(".")
	case 5: // daily life
		c.s(pick(r, lifeSubj))
		c.s(" in ")
		c.s(c.place)
		c.s(" ")
		c.s(pick(r, lifeVerb))
		c.s(" ")
		c.s(pick(r, lifeWhen))
		c.s(".")
	case 6, 7: // aid
		c.s(pick(r, aidSubj))
		c.s(" ")
		c.s(pick(r, aidVerb))
		c.s(" ")
		c.s(pick(r, aidObj))
		c.s(pick(r, aidTail))
		c.s(".")
	case 8: // witness, with an age
		if c.e.typ.hazard && r.IntN(2) == 0 {
			c.quote(pick(r, hazardQuote))
		} else {
			c.quote(pick(r, witnessQuote))
		}
		c.s(" said ")
		c.personName()
		if r.IntN(2) == 0 {
			c.s(", ")
			c.num(18 + r.IntN(65))
			c.s(", ")
			c.s(pick(r, witnessWho))
		} else {
			c.s(", ")
			c.article(18 + r.IntN(65))
			c.s("-year-old ")
			c.s(pick(r, witnessWho)[2:])
		}
		switch r.IntN(3) {
		case 0:
			c.s(".")
		case 1:
			c.s(", who lives near the centre of ")
			c.s(c.place)
			c.s(".")
		default:
			if c.e.typ.hazard {
				c.s(", standing outside what was left of the family home.")
			} else {
				c.s(", speaking by telephone.")
			}
		}
	case 9: // an official's words, no figures
		c.quote(pick(r, officialQuote))
		c.s(" ")
		si := r.IntN(len(c.e.srcs))
		if c.e.srcs[si].s.kind == skGeneric {
			c.s("one official said.")
		} else {
			c.mention(si, false)
			c.s(" said.")
		}
	case 10:
		c.s(pick(r, investigation))
	case 11:
		c.s(pick(r, infraSubj))
		c.s(" ")
		c.s(pick(r, infraVerb))
		c.s(" ")
		c.s(pick(r, infraWhen))
		c.s(".")
	case 12:
		c.s(pick(r, diploSubj))
		c.s(" ")
		c.s(pick(r, diploVerb))
		c.s(".")
	case 13:
		c.s(pick(r, healthRisk))
	default:
		if !c.contextSentence() {
			c.s(pick(r, investigation))
		}
	}
}

// contextSentence writes one sentence whose numbers are not counts: times,
// dates, years, durations, distances, ages, ordinals, addresses, phone
// numbers, road names and thresholds. Each kind is used once an article at
// most, so the article does not contradict itself; it reports false when
// the kind drawn was used already.
func (c *composer) contextSentence() bool {
	r := c.r
	k := r.IntN(14)
	if (k == 4 && !c.e.typ.rubble) || (k == 2 && !c.e.typ.hazard) || (k == 0 && c.e.typ.ongoing) {
		k = 9
	}
	if k == 11 && r.IntN(3) != 0 {
		// The threshold trap ("gatherings of more than 50 people") is
		// hard; keep it rare.
		k = 12
	}
	if c.ctxUsed&(1<<k) != 0 {
		return false
	}
	c.ctxUsed |= 1 << k
	switch k {
	case 0:
		c.s("The ")
		c.s(c.noun)
		c.s(pick(r, []string{" began at about ", " struck at ", " was first reported at "}))
		c.num(1 + r.IntN(12))
		c.s(":")
		m := r.IntN(60)
		if m < 10 {
			c.s("0")
		}
		c.num(m)
		c.s(pick(r, []string{" a.m. local time.", " p.m. local time.", " a.m.", " p.m."}))
	case 1:
		c.s(c.place)
		c.s(" lies about ")
		km := 10 + r.IntN(400)
		c.num(km)
		c.s(" km (")
		c.num(km * 62 / 100)
		c.s(" miles) from ")
		c.s(c.w.towns[c.e.c.capital].variants[0])
		c.s(".")
	case 2:
		y, _, _ := civil(c.e.start)
		c.s("It was the worst ")
		c.s(c.noun)
		c.s(" to hit the area since ")
		c.num(y - 3 - r.IntN(40))
		c.s(".")
	case 3:
		c.s("The government declared a ")
		c.s(pick(r, []string{"three", "seven", "15", "30", "60", "90"}))
		c.s(pick(r, []string{"-day state of emergency", "-day period of national mourning", "-day curfew"}))
		c.s(" in the ")
		c.s(c.e.reg.name)
		c.s(" region.")
	case 4:
		c.s("Rescuers pulled ")
		if r.IntN(2) == 0 {
			c.article(2 + r.IntN(14))
			c.s("-year-old ")
			c.s(pick(r, []string{"girl", "boy"}))
		} else {
			c.article(18 + r.IntN(70))
			c.s("-year-old ")
			c.s(pick(r, []string{"woman", "man"}))
		}
		c.s(" alive from the rubble more than ")
		c.num(20 + r.IntN(100))
		c.s(" hours after the ")
		c.s(c.noun)
		c.s(".")
	case 5:
		c.s("A telephone line for relatives has been set up on ")
		if r.IntN(2) == 0 {
			c.s("0800 ")
			c.num(100 + r.IntN(900))
			c.s(" ")
			c.num(100 + r.IntN(900))
		} else {
			c.s("(")
			c.num(200 + r.IntN(800))
			c.s(") 555-0")
			c.num(100 + r.IntN(900))
		}
		c.s(".")
	case 6:
		c.s("Donations can be left at the community hall at ")
		c.num(1 + r.IntN(400))
		c.s(" ")
		c.s(pick(r, []string{"Main", "Market", "Church", "Station", "River", "Independence"}))
		c.s(" Street between ")
		c.num(7 + r.IntN(3))
		c.s(" a.m. and ")
		c.num(4 + r.IntN(5))
		c.s(" p.m.")
	case 7:
		c.s("Traffic on ")
		c.s(pick(r, []string{"Route ", "Highway ", "the M", "the A", "the N"}))
		c.num(1 + r.IntN(120))
		c.s(pick(r, []string{" was diverted for much of the day.", " remained closed in both directions.", " reopened late in the evening."}))
	case 8:
		c.s("Many of the victims lived on the ")
		c.s(pick(r, ordinalWords[1:8]))
		c.s(" and ")
		c.s(pick(r, ordinalWords[1:8]))
		c.s(" floors of older buildings, residents said.")
	case 9:
		c.s("The nearest hospital, a ")
		c.num(20 + r.IntN(300))
		c.s("-bed facility, is ")
		c.s(pick(r, []string{"two", "three", "four", "five"}))
		c.s(" hours away by road.")
	case 10:
		_, m, d := civil(c.e.start)
		y, _, _ := civil(c.e.start)
		c.s("A memorial service is planned for ")
		c.s(months[(m+r.IntN(2))%12])
		c.s(" ")
		c.num(1 + (d+r.IntN(20))%28)
		c.s(", ")
		c.num(y)
		c.s(".")
	case 11:
		c.s("Authorities banned gatherings of more than ")
		c.num(20 + 10*r.IntN(30))
		c.s(" people until further notice.")
	case 12:
		c.s("It is the ")
		c.s(pick(r, ordinalWords[1:6]))
		c.s(" such disaster in the country this year.")
	default:
		c.s("The ")
		c.num(1 + r.IntN(90))
		c.s(pick(r, []string{",000-seat stadium in ", "-year-old bridge in ", "-bed field hospital in "}))
		c.s(c.place)
		c.s(pick(r, []string{" is being used as a shelter.", " was closed for inspection.", " opened on Wednesday."}))
	}
	return true
}

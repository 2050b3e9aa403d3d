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

// small returns a number in [0, n), n <= 65536, from a pool of random
// bits: one PCG draw serves four picks of filler words.
func (c *composer) small(n int) int {
	if c.nbits < 16 {
		c.bits = c.r.Uint64()
		c.nbits = 64
	}
	x := c.bits & 0xFFFF
	c.bits >>= 16
	c.nbits -= 16
	return int(x * uint64(n) >> 16)
}

// pk picks an element of list with small.
func (c *composer) pk(list []string) string { return list[c.small(len(list))] }

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
	n := 2 + c.small(3)
	for i := 0; i < n; i++ {
		if i > 0 {
			c.s(" ")
		}
		c.fillerSentence()
	}
}

func (c *composer) fillerSentence() {
	k := c.small(16)
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
		c.s(c.pk(wxSubj))
		c.s(" ")
		c.s(c.pk(wxVerb))
		c.s(" ")
		c.s(c.pk(wxObj))
		c.s(" ")
		c.s(c.pk(wxWhere))
		c.s(" ")
		c.s(c.pk(wxWhen))
		if c.small(3) == 0 {
			c.s(", with up to ")
			c.num(20 + c.small(280))
			c.s(" mm of rain expected")
		} else if c.small(2) == 0 {
			c.s(", with temperatures of ")
			c.num(c.small(45) - 5)
			c.s(" degrees Celsius")
		}
		c.s(", ")
		c.s(c.pk(wxEffect))
		c.s(".")
	case 2, 3: // politics
		c.s(c.pk(polSubj))
		c.s(" ")
		c.s(c.pk(polVerb))
		c.s(" ")
		c.s(c.pk(polObj))
		c.s(c.pk(polTail))
		c.s(".")
	case 4: // economy
		c.s(c.pk(econSubj))
		c.s(" ")
		c.s(c.pk(econVerb))
		c.s(" ")
		c.s(c.pk(econWhy))
		c.s(".")
	case 5: // daily life
		c.s(c.pk(lifeSubj))
		c.s(" in ")
		c.s(c.place)
		c.s(" ")
		c.s(c.pk(lifeVerb))
		c.s(" ")
		c.s(c.pk(lifeWhen))
		c.s(".")
	case 6, 7: // aid
		c.s(c.pk(aidSubj))
		c.s(" ")
		c.s(c.pk(aidVerb))
		c.s(" ")
		c.s(c.pk(aidObj))
		c.s(c.pk(aidTail))
		c.s(".")
	case 8: // witness, with an age
		if c.e.typ.hazard && c.small(2) == 0 {
			c.quote(c.pk(hazardQuote))
		} else {
			c.quote(c.pk(witnessQuote))
		}
		c.s(" said ")
		c.personName()
		if c.small(2) == 0 {
			c.s(", ")
			c.num(18 + c.small(65))
			c.s(", ")
			c.s(c.pk(witnessWho))
		} else {
			c.s(", ")
			c.article(18 + c.small(65))
			c.s("-year-old ")
			c.s(c.pk(witnessWho)[2:])
		}
		switch c.small(3) {
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
		c.quote(c.pk(officialQuote))
		c.s(" ")
		si := c.small(len(c.e.srcs))
		if c.e.srcs[si].s.kind == skGeneric {
			c.s("one official said.")
		} else {
			c.mention(si, false)
			c.s(" said.")
		}
	case 10:
		c.s(c.pk(investigation))
	case 11:
		c.s(c.pk(infraSubj))
		c.s(" ")
		c.s(c.pk(infraVerb))
		c.s(" ")
		c.s(c.pk(infraWhen))
		c.s(".")
	case 12:
		c.s(c.pk(diploSubj))
		c.s(" ")
		c.s(c.pk(diploVerb))
		c.s(".")
	case 13:
		c.s(c.pk(healthRisk))
	default:
		if !c.contextSentence() {
			c.s(c.pk(investigation))
		}
	}
}

// contextSentence writes one sentence whose numbers are not counts: times,
// dates, years, durations, distances, ages, ordinals, addresses, phone
// numbers, road names and thresholds. Each kind is used once an article at
// most, so the article does not contradict itself; it reports false when
// the kind drawn was used already.
func (c *composer) contextSentence() bool {
	k := c.small(14)
	if (k == 4 && !c.e.typ.rubble) || (k == 2 && !c.e.typ.hazard) || (k == 0 && c.e.typ.ongoing) {
		k = 9
	}
	if k == 11 && c.small(3) != 0 {
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
		c.s(c.pk([]string{" began at about ", " struck at ", " was first reported at "}))
		c.num(1 + c.small(12))
		c.s(":")
		m := c.small(60)
		if m < 10 {
			c.s("0")
		}
		c.num(m)
		c.s(c.pk([]string{" a.m. local time.", " p.m. local time.", " a.m.", " p.m."}))
	case 1:
		c.s(c.place)
		c.s(" lies about ")
		km := 10 + c.small(400)
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
		c.num(y - 3 - c.small(40))
		c.s(".")
	case 3:
		c.s("The government declared a ")
		c.s(c.pk([]string{"three", "seven", "15", "30", "60", "90"}))
		c.s(c.pk([]string{"-day state of emergency", "-day period of national mourning", "-day curfew"}))
		c.s(" in the ")
		c.s(c.e.reg.name)
		c.s(" region.")
	case 4:
		c.s("Rescuers pulled ")
		if c.small(2) == 0 {
			c.article(2 + c.small(14))
			c.s("-year-old ")
			c.s(c.pk([]string{"girl", "boy"}))
		} else {
			c.article(18 + c.small(70))
			c.s("-year-old ")
			c.s(c.pk([]string{"woman", "man"}))
		}
		c.s(" alive from the rubble more than ")
		c.num(20 + c.small(100))
		c.s(" hours after the ")
		c.s(c.noun)
		c.s(".")
	case 5:
		c.s("A telephone line for relatives has been set up on ")
		if c.small(2) == 0 {
			c.s("0800 ")
			c.num(100 + c.small(900))
			c.s(" ")
			c.num(100 + c.small(900))
		} else {
			c.s("(")
			c.num(200 + c.small(800))
			c.s(") 555-0")
			c.num(100 + c.small(900))
		}
		c.s(".")
	case 6:
		c.s("Donations can be left at the community hall at ")
		c.num(1 + c.small(400))
		c.s(" ")
		c.s(c.pk([]string{"Main", "Market", "Church", "Station", "River", "Independence"}))
		c.s(" Street between ")
		c.num(7 + c.small(3))
		c.s(" a.m. and ")
		c.num(4 + c.small(5))
		c.s(" p.m.")
	case 7:
		c.s("Traffic on ")
		c.s(c.pk([]string{"Route ", "Highway ", "the M", "the A", "the N"}))
		c.num(1 + c.small(120))
		c.s(c.pk([]string{" was diverted for much of the day.", " remained closed in both directions.", " reopened late in the evening."}))
	case 8:
		c.s("Many of the victims lived on the ")
		c.s(c.pk(ordinalWords[1:8]))
		c.s(" and ")
		c.s(c.pk(ordinalWords[1:8]))
		c.s(" floors of older buildings, residents said.")
	case 9:
		c.s("The nearest hospital, a ")
		c.num(20 + c.small(300))
		c.s("-bed facility, is ")
		c.s(c.pk([]string{"two", "three", "four", "five"}))
		c.s(" hours away by road.")
	case 10:
		_, m, d := civil(c.e.start)
		y, _, _ := civil(c.e.start)
		c.s("A memorial service is planned for ")
		c.s(months[(m+c.small(2))%12])
		c.s(" ")
		c.num(1 + (d+c.small(20))%28)
		c.s(", ")
		c.num(y)
		c.s(".")
	case 11:
		c.s("Authorities banned gatherings of more than ")
		c.num(20 + 10*c.small(30))
		c.s(" people until further notice.")
	case 12:
		c.s("It is the ")
		c.s(c.pk(ordinalWords[1:6]))
		c.s(" such disaster in the country this year.")
	default:
		c.s("The ")
		c.num(1 + c.small(90))
		c.s(c.pk([]string{",000-seat stadium in ", "-year-old bridge in ", "-bed field hospital in "}))
		c.s(c.place)
		c.s(c.pk([]string{" is being used as a shelter.", " was closed for inspection.", " opened on Wednesday."}))
	}
	return true
}

package gen

import (
	"math"
	"strconv"
)

// The paragraphs of an article beside its event's reported numbers:
// denials, recaps, population, history, economy, money, zero counts and
// the trailer. They hold numbers that are not claims of the event.

func (c *composer) trimSpace() {
	for len(c.text) > 0 {
		switch c.text[len(c.text)-1] {
		case ' ', '\n':
			c.text = c.text[:len(c.text)-1]
			continue
		}
		break
	}
}

func (c *composer) denial() {
	e := c.e
	p := &e.typ.preds[0]
	c.mention(e.denier, true)
	rec := claimRec{pred: p.pred, subj: p.subj, src: e.srcs[e.denier].s, ss: -1, se: -1, v: exactVal(0)}
	if c.r.IntN(2) == 0 {
		c.s(" ")
		rec.qs = len(c.text)
		c.s("denied that any ")
		c.s(p.subj)
		c.s(" were killed")
		rec.qe = len(c.text)
		c.s(pick(c.r, []string{", saying it had struck only military targets.", ".", ", calling the reports fabricated."}))
	} else {
		c.s(pick(c.r, []string{" said ", " insisted that "}))
		rec.qs = len(c.text)
		c.s("no ")
		c.s(p.subj)
		c.s(" had been killed")
		rec.qe = len(c.text)
		c.s(pick(c.r, []string{" by its forces.", ".", " and that the figures were exaggerated."}))
	}
	c.claims = append(c.claims, rec)
}

// recap states a quantity from a source not quoted on it yet, or once in
// the article's voice; it writes a filler sentence when neither is left.
func (c *composer) recap() {
	pi := c.r.IntN(len(c.e.typ.preds))
	if si := c.pickSource(pi, -1); si >= 0 && c.r.IntN(4) != 0 {
		c.attributed(pi, si)
		return
	}
	if bit := uint64(1) << (56 + pi%8); c.said&bit == 0 {
		c.said |= bit
		c.ownVoice(pi)
		return
	}
	c.fillerSentence()
}

// population states the town's population in the article's voice.
func (c *composer) population() {
	t := c.e.town
	c.s(c.place)
	c.s(", a ")
	c.s(t.kind)
	c.s(" of ")
	rec := claimRec{pred: "population", subj: "people", ss: -1, se: -1}
	rec.qs = len(c.text)
	c.text, rec.v = appendCount(c.text, c.r, t.pop, fExact|fAbout|fAtLeast|fNearly, false)
	c.s(" people")
	rec.qe = len(c.text)
	c.claims = append(c.claims, rec)
	c.s(" ")
	c.s(t.feature)
	c.s(pick(c.r, []string{", was among the worst-hit places.", ", had only just recovered from an earlier disaster.", ", is the main market for the surrounding villages.", ", has a single road linking it to the regional capital."}))
}

// history states a toll of an earlier event, scoped by its year.
func (c *composer) history() {
	y, _, _ := civil(c.e.start)
	past := int64(y - 2 - c.r.IntN(25))
	ss := len(c.text)
	c.s("In ")
	c.text = strconv.AppendInt(c.text, past, 10)
	se := len(c.text)
	c.s(", ")
	c.s(c.e.typ.similar)
	c.s(" in ")
	c.s(c.e.reg.name)
	c.s(" killed ")
	rec := claimRec{pred: "killed", subj: "people", ss: ss, se: se}
	rec.qs = len(c.text)
	c.text, rec.v = appendCount(c.text, c.r, int64(3+c.r.ExpFloat64()*200), fExact|fAtLeast|fAbout|fWords, c.o.words)
	c.s(" people")
	rec.qe = len(c.text)
	c.claims = append(c.claims, rec)
	c.s(pick(c.r, []string{".", ", according to official records.", ", and survivors say lessons were not learned."}))
}

// economy states a percentage attributed to the central bank.
func (c *composer) economy() {
	bank := &c.w.sources[c.e.c.centralBk]
	rec := claimRec{ss: -1, se: -1, pred: "other", src: bank}
	p := math.Round(c.r.Float64()*400) / 10
	if c.r.IntN(2) == 0 {
		rec.subj = "inflation"
		c.s(pick(c.r, []string{"Inflation ", "Annual inflation ", "Consumer price inflation "}))
		c.s(pick(c.r, []string{"stood at ", "rose to ", "reached ", "eased to "}))
	} else {
		rec.subj = "exports"
		c.s(pick(c.r, []string{"Farm produce accounts for ", "Mining provides ", "Textiles make up "}))
	}
	rec.qs = len(c.text)
	c.text, rec.v = appendPercent(c.text, c.r, p)
	rec.qe = len(c.text)
	if rec.subj == "exports" {
		c.s(" of ")
		c.s(c.e.c.name)
		c.s("'s exports")
	} else {
		c.s(" in ")
		c.s(months[c.r.IntN(12)])
	}
	c.s(", according to ")
	start := len(c.text)
	c.s(pick(c.r, bank.full))
	_ = start
	c.s(pick(c.r, []string{".", ", and economists expect the disaster to weigh on growth."}))
	c.claims = append(c.claims, rec)
}

// money states an amount pledged, requested or lost, from the government,
// an international organisation or the primary source.
func (c *composer) money() {
	var src *source
	switch c.r.IntN(3) {
	case 0:
		src = &c.w.sources[c.e.c.sources[roleGovt]]
	case 1:
		src = &c.w.sources[c.w.igo[c.r.IntN(len(c.w.igo))]]
	default:
		src = c.e.srcs[c.e.primary].s
	}
	rec := claimRec{ss: -1, se: -1, pred: "money", subj: "aid", src: src}
	start := len(c.text)
	c.s(pick(c.r, src.full))
	c.capAt(start)
	if c.r.IntN(3) == 0 {
		rec.subj = c.e.typ.money
		c.s(pick(c.r, []string{" estimated the damage at ", " put the cost of the " + c.noun + " at ", " said losses could reach "}))
		if rec.subj == "aid" || rec.subj == "donations" || rec.subj == "compensation" || rec.subj == "appeal" {
			rec.subj = "damage"
		}
	} else {
		c.s(pick(c.r, []string{" announced ", " pledged ", " appealed for ", " released ", " said it needed "}))
	}
	cur := "$"
	switch c.r.IntN(10) {
	case 0:
		cur = "€"
	case 1, 2:
		cur = c.e.c.fam.currency
	}
	amount := math.Exp(math.Log(1e5) + c.r.Float64()*math.Log(3e4))
	rec.qs = len(c.text)
	c.text, rec.v = appendMoney(c.text, c.r, amount, cur, c.o.shortMoney)
	rec.qe = len(c.text)
	if rec.subj == "aid" {
		c.s(pick(c.r, []string{" in emergency aid.", " for relief efforts.", " to rebuild homes and roads.", " for the families of the victims.", " in assistance."}))
	} else {
		c.s(".")
	}
	c.claims = append(c.claims, rec)
}

// zero states that nobody died somewhere else, attributed to officials.
func (c *composer) zero() {
	reg := &c.w.regions[c.e.town.region]
	other := &c.w.towns[reg.towns[c.r.IntN(len(reg.towns))]]
	if other == c.e.town {
		return
	}
	rec := claimRec{ss: -1, se: -1, pred: "killed", subj: "people", v: exactVal(0), src: &genericOfficials}
	rec.qs = len(c.text)
	c.s(pick(c.r, []string{"No one was killed", "No deaths were reported", "Nobody was killed"}))
	rec.qe = len(c.text)
	c.s(" in ")
	c.s(other.variants[0])
	c.s(pick(c.r, []string{", officials said.", ", local officials said.", ", according to officials."}))
	c.claims = append(c.claims, rec)
}

var genericOfficials = source{name: "officials", nameJSON: []byte(`"officials"`), aliasJSON: []byte(`["local officials"]`)}

func (c *composer) trailer() {
	r := c.r
	switch c.o.trailer {
	case 1:
		c.para()
		c.s("(Reporting by ")
		c.personName()
		c.s("; ")
		c.s(pick(r, editingVerbs))
		c.s(" ")
		c.personName()
		c.s(")")
	case 2:
		c.para()
		c.s(pick(r, relatedLines))
	case 3:
		if x := pick(r, closers); x != "" {
			c.para()
			c.s(x)
		}
	}
}

package gen

import (
	"math"
	"math/rand/v2"
	"strconv"
)

// claimRec is a planted claim: spans into the article text and what the
// gold file says about it.
type claimRec struct {
	qs, qe int // quote span, bytes
	ss, se int // scope span, bytes; ss < 0 when none
	pred   string
	subj   string
	v      val
	src    *source // nil for the article's own voice
}

// evSrc is a source taking part in an event.
type evSrc struct {
	s    *source
	role string
	mask uint32 // bit i: may report the event's quantity i
	bias float64
}

// event is one thing that happened, covered by several articles.
type event struct {
	id      int64
	typ     *evType
	c       *country
	ci      int
	reg     *region
	town    *town
	start   int64 // days since 1970-01-01
	days    int
	truth   []float64
	g0, tau float64
	seed    uint64
	srcs    []evSrc
	primary int
	denier  int // index in srcs, -1 when nobody denies
	nouns   []string
}

// mix is a splitmix64 step: a hash for values that must be the same in
// every article that reports them.
func mix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

func unit(x uint64) float64 { return float64(mix(x)>>11) / (1 << 53) }

// reported is the count source si gives for quantity pi on day d of the
// event: the truth, the source's bias and a fixed per-source jitter, and
// for cumulative counts the share reached by that day. Every outlet quoting
// the source that day prints the same number.
func (e *event) reported(si, pi, d int) int64 {
	p := &e.typ.preds[pi]
	x := e.truth[pi] * e.srcs[si].bias * (0.85 + 0.33*unit(e.seed^uint64(si)<<20^uint64(pi)<<40))
	if p.cumul {
		x *= 1 - (1-e.g0)*math.Exp(-float64(d)/e.tau)
	}
	v := int64(math.Round(x))
	if v < 2 {
		v = 2
	}
	return v
}

type composer struct {
	r       *rand.Rand
	w       *world
	e       *event
	o       *outlet
	day     int   // day of the event coverage
	abs     int64 // days since 1970
	place   string
	noun    string
	text    []byte
	claims  []claimRec
	seen    []bool
	lastSI  int
	ctxUsed uint32 // context sentences already used in this article
	said    uint64 // bit pi*8+si: source si's figure for quantity pi is in the text
	bits    uint64 // random bits for small
	nbits   int
}

func (c *composer) reset(e *event, o *outlet, day int) {
	c.e, c.o, c.day = e, o, day
	c.abs = e.start + int64(day)
	c.place = e.town.variants[int(o.variant)%len(e.town.variants)]
	c.noun = pick(c.r, e.nouns)
	c.text = c.text[:0]
	c.claims = c.claims[:0]
	if cap(c.seen) < len(e.srcs) {
		c.seen = make([]bool, len(e.srcs))
	}
	c.seen = c.seen[:len(e.srcs)]
	clear(c.seen)
	c.lastSI = -1
	c.ctxUsed = 0
	c.said = 0
}

func (c *composer) s(x string) { c.text = append(c.text, x...) }

func (c *composer) capAt(i int) {
	if i < len(c.text) && c.text[i] >= 'a' && c.text[i] <= 'z' {
		c.text[i] -= 'a' - 'A'
	}
}

func (c *composer) weekday(abs int64) string { return weekdays[(abs+4)%7] }

// onDay appends " on Monday" for the publication day or the day before.
func (c *composer) onDay() {
	switch c.r.IntN(5) {
	case 0, 1:
		c.s(" on ")
		c.s(c.weekday(c.abs))
	case 2:
		if c.day > 0 {
			c.s(" on ")
			c.s(c.weekday(c.abs - 1))
		}
	}
}

// mention appends how the text names source si: the full form the first
// time, a short form later.
func (c *composer) mention(si int, initial bool) {
	src := c.e.srcs[si].s
	start := len(c.text)
	if !c.seen[si] || len(src.later) == 0 {
		c.s(pick(c.r, src.full))
		c.seen[si] = true
	} else {
		c.s(pick(c.r, src.later))
	}
	if initial {
		c.capAt(start)
	}
	c.lastSI = si
}

// scope appends a time scope for a cumulative count stated in the perfect
// tense and returns its span.
func (c *composer) scope(pi int, t *tmpl) (int, int) {
	if !t.scoped || !c.e.typ.preds[pi].cumul || c.r.IntN(3) != 0 {
		return -1, -1
	}
	k := c.r.IntN(4)
	if !c.e.typ.ongoing && !(c.day > 0 && c.day < 6) {
		return -1, -1
	}
	if !c.e.typ.ongoing {
		k = 2
	}
	c.s(" ")
	ss := len(c.text)
	switch {
	case c.e.typ.longRun && k < 2:
		c.s("since ")
		if k == 1 {
			c.s(pick(c.r, []string{"early ", "late ", "mid-"}))
		}
		_, m, _ := civil(c.e.start)
		c.s(months[m-1])
	case k == 2 && c.day > 0 && c.day < 6:
		c.s("since ")
		c.s(c.weekday(c.e.start))
	default:
		c.s("since the ")
		c.s(c.noun)
		c.s(pick(c.r, []string{" began", " started"}))
	}
	return ss, len(c.text)
}

// clause writes a clause stating quantity pi with count v and records the
// claim for source si (-1: own voice). initial says the clause opens a
// sentence.
func (c *composer) clause(pi, si int, v int64, initial, allowNoSubj bool) {
	p := &c.e.typ.preds[pi]
	var t *tmpl
	if allowNoSubj && len(p.noSubj) > 0 && c.r.IntN(4) == 0 {
		t = &p.noSubj[c.r.IntN(len(p.noSubj))]
	} else {
		t = &p.tmpls[c.r.IntN(len(p.tmpls))]
	}
	mask := t.mask
	if initial && t.initial {
		mask &= fInitial
	}
	start := len(c.text)
	rec := claimRec{pred: p.pred, subj: p.subj, ss: -1, se: -1}
	if si >= 0 {
		rec.src = c.e.srcs[si].s
	}
	for _, sg := range t.segs {
		switch sg.kind {
		case 'l':
			c.s(sg.text)
		case 'E':
			c.s(c.noun)
		case 'V':
			c.text, rec.v = appendCount(c.text, c.r, v, mask, c.o.words)
		case '[':
			rec.qs = len(c.text)
		case ']':
			rec.qe = len(c.text)
		}
	}
	if initial {
		c.capAt(start)
	}
	rec.ss, rec.se = c.scope(pi, t)
	c.claims = append(c.claims, rec)
}

// attributed writes one sentence stating quantity pi as source si reports
// it on the article's day.
func (c *composer) attributed(pi, si int) {
	c.said |= pairBit(pi, si)
	v := c.e.reported(si, pi, c.day)
	person := c.e.srcs[si].s.kind == skPerson
	switch k := c.r.IntN(12); {
	case k < 3: // Clause, M said on Monday.
		c.clause(pi, si, v, true, true)
		c.s(", ")
		c.mention(si, false)
		c.s(" ")
		c.s(pick(c.r, saidVerbs))
		c.onDay()
		c.s(".")
	case k < 6: // M said on Monday that clause.
		c.mention(si, true)
		c.s(" ")
		c.s(pick(c.r, thatVerbs))
		c.onDay()
		c.s(pick(c.r, []string{" that ", " that ", " "}))
		c.clause(pi, si, v, false, true)
		c.s(".")
	case k < 8: // Clause, according to M.
		c.clause(pi, si, v, true, true)
		c.s(", according to ")
		c.mention(si, false)
		c.s(".")
	case k < 9 && c.r.IntN(3) == 0: // Figures from M show that clause.
		c.s(pick(c.r, []string{"Figures from ", "Data from ", "A tally by "}))
		c.mention(si, false)
		c.s(pick(c.r, []string{" show that ", " showed that ", " indicate that "}))
		c.clause(pi, si, v, false, true)
		c.s(".")
	case k < 9: // According to M, clause.
		c.s("According to ")
		c.mention(si, false)
		c.s(", ")
		c.clause(pi, si, v, false, true)
		c.s(".")
	case k < 10 || !person: // Clause, said M.
		c.clause(pi, si, v, true, false)
		c.s(", said ")
		c.mention(si, false)
		c.s(".")
	default: // "Clause," M said.
		c.s("\"")
		c.clause(pi, si, v, true, false)
		c.s(",\" ")
		c.mention(si, true)
		c.s(" said.")
	}
}

func (c *composer) injuredIndex() int {
	for i, p := range c.e.typ.preds {
		if p.pred == "injured" {
			return i
		}
	}
	return -1
}

// compoundLead writes a lead with two claims from the primary source: "A
// cyclone hit Kovide on Monday, killing 16 people and injuring 40, the
// agency said."
func (c *composer) compoundLead(inj int) {
	e, r := c.e, c.r
	si := e.primary
	c.said |= pairBit(0, si) | pairBit(inj, si)
	start := len(c.text)
	c.s(pick(r, []string{"a ", "the "}))
	if e.typ.oneNoun || c.noun[len(c.noun)-1] == 's' {
		c.text = c.text[:start]
		c.s("the ")
	}
	c.s(c.noun)
	c.capAt(start)
	c.s(" ")
	c.s(pick(r, e.typ.hit))
	c.s(" ")
	c.s(c.place)
	c.s(" on ")
	c.s(c.weekday(e.start))
	c.s(", killing ")
	for k, pi := range []int{0, inj} {
		if k == 1 {
			c.s(" and injuring ")
		}
		p := &e.typ.preds[pi]
		rec := claimRec{pred: p.pred, subj: p.subj, src: e.srcs[si].s, ss: -1, se: -1}
		rec.qs = len(c.text)
		c.text, rec.v = appendCount(c.text, r, e.reported(si, pi, c.day), fAll, c.o.words)
		c.s(" ")
		c.s(p.subj)
		rec.qe = len(c.text)
		c.claims = append(c.claims, rec)
	}
	c.s(", ")
	c.mention(si, false)
	c.s(" ")
	c.s(pick(r, []string{"said", "said", "reported"}))
	c.s(".")
}

// ownVoice writes a sentence stating quantity pi in the article's voice,
// with a rough figure close to the truth.
func (c *composer) ownVoice(pi int) {
	v := int64(c.e.truth[pi] * (0.8 + 0.4*c.r.Float64()))
	p := &c.e.typ.preds[pi]
	if p.cumul {
		v = int64(float64(v) * (1 - (1-c.e.g0)*math.Exp(-float64(c.day)/c.e.tau)))
	}
	c.clause(pi, -1, max(v, 2), true, false)
	c.s(".")
}

func pairBit(pi, si int) uint64 {
	if pi >= 8 || si >= 8 {
		return 0
	}
	return 1 << (pi*8 + si)
}

// pickSource returns an event source that may report quantity pi, other
// than not (or -1), or -1 when there is none.
func (c *composer) pickSource(pi, not int) int {
	n := len(c.e.srcs)
	off := c.r.IntN(n)
	for i := 0; i < n; i++ {
		si := (off + i) % n
		if si != not && si != c.e.denier && c.e.srcs[si].mask&(1<<pi) != 0 && c.said&pairBit(pi, si) == 0 {
			return si
		}
	}
	return -1
}

func (c *composer) para() {
	if c.o.dateline == 2 && c.r.IntN(3) == 0 {
		c.s("\n")
	} else {
		c.s("\n\n")
	}
}

// dateline opens the lead the way the outlet does.
func (c *composer) dateline() {
	e := c.e
	city := c.place
	if c.r.IntN(3) == 0 {
		city = c.w.towns[e.c.capital].variants[0]
	}
	switch c.o.dateline {
	case 1:
		c.upper(city)
		c.s(", ")
		_, m, d := civil(c.abs)
		c.s(monthsShort[m-1])
		c.s(" ")
		c.text = strconv.AppendInt(c.text, int64(d), 10)
		c.s(" (")
		c.s(c.o.abbr)
		c.s(") - ")
	case 2:
		c.upper(city)
		c.s(", ")
		c.s(e.c.name)
		c.s(" (")
		c.s(c.o.abbr)
		c.s(") — ")
	case 3:
		c.s(city)
		c.s(" (")
		c.s(c.o.abbr)
		c.s(") - ")
	case 4:
		c.upper(city)
		c.s(" — ")
	}
}

func (c *composer) upper(s string) {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= 'a' && b <= 'z' {
			b -= 'a' - 'A'
		}
		c.text = append(c.text, b)
	}
}

func (c *composer) personName() {
	f := c.e.c.fam
	c.s(pick(c.r, f.first))
	c.s(" ")
	c.s(pick(c.r, f.last))
}

// compose writes an article of about target bytes of text.
func (c *composer) compose(target int) {
	e := c.e
	r := c.r
	if c.o.dateline == 0 && c.o.country >= 0 && r.IntN(4) == 0 {
		c.s("By ")
		c.personName()
		c.s(", ")
		c.s(c.o.name)
		c.para()
	}
	// Lead: the first quantity from the primary source.
	c.dateline()
	if inj := c.injuredIndex(); inj > 0 && len(e.typ.hit) > 0 && e.srcs[e.primary].mask&(1<<inj) != 0 && r.IntN(3) == 0 {
		c.compoundLead(inj)
	} else {
		c.attributed(0, e.primary)
	}
	if r.IntN(3) == 0 {
		c.s(" ")
		c.contextSentence()
	}
	c.para()

	// Secondary quantities.
	n := 1 + r.IntN(3)
	for i := 0; i < n; i++ {
		pi := r.IntN(len(e.typ.preds))
		si := e.primary
		if r.IntN(2) == 0 || c.said&pairBit(pi, si) != 0 {
			if si = c.pickSource(pi, -1); si < 0 {
				continue
			}
		}
		if e.srcs[si].mask&(1<<pi) == 0 {
			continue
		}
		c.attributed(pi, si)
		c.s(" ")
	}
	c.trimSpace()
	c.para()

	// A second source on the first quantity, and the primary source's
	// earlier figure.
	if si := c.pickSource(0, e.primary); si >= 0 {
		if r.IntN(3) == 0 {
			c.said |= pairBit(0, si)
			c.mention(si, true)
			v := e.reported(si, 0, c.day)
			pv := e.reported(e.primary, 0, c.day)
			c.s(pick(c.r, []string{" gave a ", " reported a "}))
			switch {
			case v > pv:
				c.s("higher toll of ")
			case v < pv:
				c.s("lower toll of ")
			default:
				c.s("toll of ")
			}
			rec := claimRec{pred: e.typ.preds[0].pred, subj: e.typ.preds[0].subj, src: e.srcs[si].s, ss: -1, se: -1}
			rec.qs = len(c.text)
			c.text, rec.v = appendCount(c.text, r, v, fExact|fAtLeast|fAbout, c.o.words)
			rec.qe = len(c.text)
			c.claims = append(c.claims, rec)
			c.s(".")
		} else {
			c.attributed(0, si)
		}
		c.para()
	}
	if c.day > 0 && r.IntN(3) == 0 {
		prev := e.reported(e.primary, 0, c.day-1)
		if prev != e.reported(e.primary, 0, c.day) {
			c.mention(e.primary, true)
			c.s(" had put the toll ")
			rec := claimRec{pred: e.typ.preds[0].pred, subj: e.typ.preds[0].subj, src: e.srcs[e.primary].s, ss: -1, se: -1}
			rec.qs = len(c.text)
			c.s("at ")
			c.text = appendInt(c.text, prev)
			rec.v = exactVal(float64(prev))
			rec.qe = len(c.text)
			c.claims = append(c.claims, rec)
			c.s(" on ")
			c.s(c.weekday(c.abs - 1))
			c.s(".")
			c.para()
		}
	}
	if e.denier >= 0 && r.IntN(2) == 0 {
		c.denial()
		c.para()
	}
	if r.IntN(3) == 0 {
		c.s(pick(r, hedges))
		c.para()
	}

	// Body: setting, reactions, background, with a few more claims and
	// the traps, until the target length.
	extras := [...]func(){c.population, c.history, c.economy, c.money, c.zero}
	used := 0
	for len(c.text) < target {
		switch k := r.IntN(10); {
		case k < 2:
			i := r.IntN(len(extras))
			if used&(1<<i) == 0 {
				used |= 1 << i
				extras[i]()
				c.para()
				continue
			}
		case k < 3:
			c.recap()
			c.para()
			continue
		}
		c.filler()
		c.para()
	}
	c.trimSpace()
	c.trailer()
}

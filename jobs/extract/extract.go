package extract

import (
	"crypto/sha256"
	"encoding/binary"
	"math/bits"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/claimscan/claimscan/schema"
)

// Article is the input of Extract: one article's text and metadata.
type Article struct {
	ID        string
	Title     string
	Text      string
	Outlet    string
	Published time.Time // zero when unknown
	// MaxClaims, when positive, is the most claims kept of the article:
	// the sentence that reaches it keeps its first claims up to it, and
	// later sentences are not searched for claims (they are still counted).
	MaxClaims int
	// MaxSentenceClaims, when positive, is the most claims kept of one
	// sentence: its first ones in text order.
	MaxSentenceClaims int
}

// Result is what Extract finds in one article.
type Result struct {
	NSentences int            // sentences of the text, boilerplate (credits, "Related Story") excluded
	Claims     []schema.Claim // in text order; ClaimKey is left empty
	// Limits says which claims Article.MaxClaims and MaxSentenceClaims left
	// out; its zero value: none.
	Limits Limits
}

// Limits are the claims Extract left out of an article under its limits.
type Limits struct {
	CutSentences int // sentences that held more than MaxSentenceClaims claims
	CutClaims    int // claims dropped from those sentences
	// StoppedAt is the number of sentences searched when the article
	// reached MaxClaims (the last of them possibly cut short); 0 when it
	// did not, and every sentence was searched.
	StoppedAt int
}

// Extract finds the claims of one article. It is a pure function of a: no
// I/O, no goroutines, no shared mutable state, safe for concurrent use.
//
// Offsets are code points into a.Text; a text with invalid UTF-8 is read as
// if every invalid byte were U+FFFD, as []rune(a.Text) does, so Quote is
// string([]rune(a.Text)[CharStart:CharEnd]) in every case.
func Extract(a Article) Result {
	sc := scratchPool.Get().(*scratch)
	text := a.Text
	low, ascii := lowerInto(&sc.low, text)
	if !ascii && !utf8.ValidString(text) {
		// An ASCII text is valid UTF-8; others may need the U+FFFD fix.
		text = sanitize(text)
		low, _ = lowerInto(&sc.low, text)
	}
	x := analyzer{
		a:     a,
		text:  text,
		low:   low,
		pub:   dateOf(a.Published),
		ascii: ascii,
	}
	x.p.text, x.p.low = x.text, x.low
	defer func() {
		// Drop references into this article before the buffers are reused.
		clear(sc.attrs[:cap(sc.attrs)])
		sc.toks, sc.sents, sc.ments, sc.attrs = x.all[:0], sc.sents[:0], x.ments[:0], x.attrs[:0]
		sc.starts, sc.cues = x.starts[:0], x.cues[:0]
		sc.pend = x.q.pend[:0]
		x.outer = attrib{}
		clear(x.claims) // the rest of the buffer was cleared after earlier calls
		sc.claims = x.claims[:0]
		clear(x.resolvedList)
		sc.resolved = x.resolvedList[:0]
		clear(x.longFormList)
		sc.longForms = x.longFormList[:0]
		sc.maps = [4]map[string]string{x.resolved, x.longForms, x.acronyms, x.affil}
		for _, m := range sc.maps {
			clear(m)
		}
		clear(x.placeCount)
		clear(x.placeOrder)
		sc.placeCount, sc.placeOrder = x.placeCount, x.placeOrder[:0]
		scratchPool.Put(sc)
	}()
	sents := splitSentences(text, sc.sents[:0])
	sc.sents = sents
	x.ments, x.attrs = sc.ments[:0], sc.attrs[:0]
	x.starts, x.cues = sc.starts[:0], sc.cues[:0]
	x.q.pend = sc.pend[:0]
	idx := 0
	x.all = sc.toks[:0]
	// Claims collect in a reused buffer; the result is an exact-size copy.
	x.claims = sc.claims[:0]
	x.resolved, x.longForms, x.acronyms, x.affil = sc.maps[0], sc.maps[1], sc.maps[2], sc.maps[3]
	x.resolvedList, x.longFormList = sc.resolved, sc.longForms
	x.placeCount, x.placeOrder = sc.placeCount, sc.placeOrder[:0]
	prevEnd := 0
	for si := range sents {
		s := &sents[si]
		if s.boiler {
			continue
		}
		if strings.IndexByte(text[min(prevEnd, s.s):s.s], '\n') >= 0 {
			x.paragraph()
		}
		prevEnd = s.e
		// Most sentences hold no number and no attribution: a byte scan
		// tells, and they are not tokenized. The lead always is, for the
		// main place.
		if idx > 0 && !mayClaim(x.low, s.s, s.e) {
			x.prevClaims0, x.prevClaims1 = len(x.claims), len(x.claims)
			x.quoteSentenceDone(s.s, s.e, nil)
			idx++
			continue
		}
		// The tokens of the article are kept, sentence after sentence, for
		// the main place; a very long article starts the buffer over.
		start := len(x.all)
		if start > maxKeptTokens {
			for k := range sents[:si] {
				sents[k].kept = false
			}
			x.all, start = x.all[:0], 0
		}
		x.all = tokenize(text, x.low, s.s, s.e, x.all)
		s.tokS, s.tokE, s.kept = int32(start), int32(len(x.all)), true
		x.p.toks = x.all[start:len(x.all):len(x.all)]
		if idx == 0 {
			x.leadPlace = x.firstPlace(true, false)
		}
		before := len(x.claims)
		x.outerOK = false
		x.sentence(*s, idx)
		idx++
		if k := a.MaxSentenceClaims; k > 0 && len(x.claims)-before > k {
			x.lim.CutSentences++
			x.lim.CutClaims += len(x.claims) - before - k
			x.dropClaimsFrom(before + k)
		}
		if a.MaxClaims > 0 && len(x.claims) >= a.MaxClaims {
			x.dropClaimsFrom(a.MaxClaims)
			x.lim.StoppedAt = idx
			idx += countSentences(sents[si+1:])
			break
		}
		if x.outerOK {
			x.quoteSentenceDone(s.s, s.e, &x.outer)
		} else {
			x.quoteSentenceDone(s.s, s.e, nil)
		}
		x.prevClaims0, x.prevClaims1 = before, len(x.claims)
	}
	x.fillMainPlace(sents)
	x.finishOffsets()
	var claims []schema.Claim
	if len(x.claims) > 0 {
		claims = make([]schema.Claim, len(x.claims))
		copy(claims, x.claims)
	}
	return Result{NSentences: idx, Claims: claims, Limits: x.lim}
}

// dropClaimsFrom drops the claims from index n on, zeroing them: addClaim
// reuses the buffer's elements as they are.
func (x *analyzer) dropClaimsFrom(n int) {
	if n < len(x.claims) {
		clear(x.claims[n:])
		x.claims = x.claims[:n]
		// Claims waiting for a quotation's tag are gone too.
		pend := x.q.pend[:0]
		for _, i := range x.q.pend {
			if i < n {
				pend = append(pend, i)
			}
		}
		x.q.pend = pend
	}
}

// countSentences counts the sentences that are not boilerplate.
func countSentences(sents []sentence) int {
	n := 0
	for i := range sents {
		if !sents[i].boiler {
			n++
		}
	}
	return n
}

// maxKeptTokens bounds the tokens kept for one article.
const maxKeptTokens = 1 << 16

// scratch holds the per-call buffers that Extract reuses through a pool;
// nothing in them outlives the call. In particular the lowered text lives
// in low and is reused by the next call: no string sliced from it (p.w)
// may be stored in a claim; claims take text slices, lexicon keys or
// copies.
type scratch struct {
	claims     []schema.Claim
	maps       [4]map[string]string // resolved, longForms, acronyms, affil
	resolved   []resolution
	longForms  []longFormEntry
	placeCount map[string]int
	placeOrder []string
	low        []byte
	toks       []token
	sents      []sentence
	ments      []mention
	attrs      []attrib
	starts     []int32
	cues       []int32
	pend       []int
}

var scratchPool = sync.Pool{New: func() any {
	return &scratch{toks: make([]token, 0, 128), sents: make([]sentence, 0, 64)}
}}

// sentence extracts the claims of one sentence.
func (x *analyzer) sentence(s sentence, idx int) {
	p := &x.p
	if !x.candidate() {
		return
	}
	if x.union&fNeg != 0 && x.disclaimer() {
		for i := x.prevClaims0; i < x.prevClaims1; i++ {
			x.claims[i].Hedged = true
		}
	}
	x.ments = x.ments[:0]
	if x.hasDigits || x.union&(fNumWord|fScale|fVague) != 0 {
		x.ments = p.parseMentions(x.ments, x.starts)
	}
	if x.union&fNeg != 0 {
		x.zeroMentions()
	}
	x.attrs = x.attrs[:0]
	quotes := x.q.open || x.hasQuoteTok()
	if x.union&fCue != 0 {
		x.attrs = x.findAttribs(x.attrs)
	}
	if x.union&fAux != 0 {
		x.attrs = x.officially(x.attrs)
	}
	if quotes && len(x.attrs) > 0 {
		if oi := x.quoteSpeakers(); oi >= 0 {
			x.outer, x.outerOK = x.attrs[oi], true
		}
	}
	if len(x.ments) == 0 && len(x.attrs) == 0 {
		return
	}
	// A sentence that opens inside a quotation, or with one, speaks with
	// the running quotation's speaker where it has no tag of its own.
	quotedStart := quotes && (x.q.open || x.openingQuote(0))
	hedged := x.union&fHedge != 0 && x.hedgedSentence()
	sentText := x.text[s.s:s.e]
	first := len(x.claims)
	for mi := range x.ments {
		m := &x.ments[mi]
		if m.class != classCount && m.class != classPercent && m.class != classMoney {
			continue
		}
		if x.insideAttribNP(m.cs) {
			continue
		}
		cs, ce := x.clauseBounds(m.cs)
		if m.te < len(p.toks) && m.te > ce {
			// A mention that runs over a clause mark ("Forty-eight (48)
			// people", "at least 12, and possibly as many as 20,
			// people"): its clause goes on after it.
			_, ce = x.clauseBounds(m.te)
		}
		ati := x.attribFor(m.cs)
		if ati >= 0 {
			a := &x.attrs[ati]
			cs, ce = max(cs, a.cs), min(ce, a.ce)
			if cs > m.ts {
				cs = m.ts
			}
			if ce < m.te {
				ce = m.te
			}
		}
		at := x.attach(m, cs, ce)
		if at.notCount {
			continue
		}
		if ati >= 0 && x.background(m, &at, x.attrs[ati].cue) {
			ati = -1 // "said ... during the attack that wounded four officers": the writer's
		}
		prevAt := -1
		switch {
		case at.pred == 0 && at.subj != "" && len(x.claims) > first && x.subsetOfPrevious(m):
			// "146 civilians have been killed, including 38 children",
			// "more than 50 people were being treated, 11 of them with
			// severe burns": a subset, with the predicate of the whole.
			if prev := &x.claims[len(x.claims)-1]; prev.Kind == schema.KindQuantity && prev.Predicate != "other" && prev.Unit == "" {
				for pi, pn := range predNames {
					if pn == prev.Predicate && pi != 0 {
						at.pred = uint8(pi)
						break
					}
				}
			}
		case at.pred != 0 || at.subj != "":
		case len(x.claims) > first && (x.inheritsPrevious(m, at.ofThem) || m.ts >= 2 && p.isWord(m.ts-2, "of") && (p.isWord(m.ts-1, "which") || p.isWord(m.ts-1, "whom"))):
			// "four of them in critical condition", "up from 46 on Friday",
			// "230 homes had collapsed and a further 600 were damaged",
			// "five bombs were dropped, of which four exploded": the count
			// is of what the sentence's previous claim counts.
			prevAt = len(x.claims) - 1
		case len(x.claims) == first && x.prevClaims1 > x.prevClaims0 && (x.totalOnly(m) || x.countOf(m)):
			// "Official victim count: 49 shooting victims plus suspect.
			// Total 50.": the previous sentence's (first) count, in total.
			prevAt = x.prevClaims0
		case m.ts > 0 && (p.isWord(m.ts-1, "another") || p.isWord(m.ts-1, "further")):
			// "a quarter of those flights had been canceled and another
			// 17 were delayed": the things named before.
			if k := x.pluralBefore(m.ts - 1); k >= 0 {
				at.subj, at.subjS, at.subjE, at.thing = lexKeys[p.toks[k].li], -1, -1, true
			}
		}
		if prevAt >= 0 {
			prev := &x.claims[prevAt]
			if prev.Kind == schema.KindQuantity && prev.Unit == "" {
				at.subj = prev.Subject
				for pi, pn := range predNames {
					if pn == prev.Predicate && pi != 0 {
						at.pred = uint8(pi)
						break
					}
				}
			}
		}
		pred := ""
		switch {
		case m.class == classMoney:
			pred = "money"
		case at.pred != 0:
			pred = predNames[at.pred]
		case m.class == classPercent:
			pred = "other"
		case at.subj != "" && !m.zero:
			pred = "other"
		case !m.zero && m.class == classCount && x.firedAfter(m.te):
			// "at least 12 discharged their weapons": people who fired.
			pred, at.subj = "other", "people"
		default:
			continue
		}
		if x.notCounted(m, &at, pred, cs, ce) {
			continue
		}
		qs, qe := m.ts, m.te
		if at.subjS >= 0 {
			qs, qe = min(qs, at.subjS), max(qe, at.subjE)
		}
		if at.predS >= 0 {
			qs, qe = min(qs, at.predS), max(qe, at.predE)
		}
		c := x.addClaim(idx, sentText, qs, qe, schema.KindQuantity)
		c.Predicate = pred
		c.Subject = at.subj
		if m.class == classMoney || m.class == classPercent {
			if at.subj == "" || m.class == classMoney {
				c.Subject = ""
			}
		}
		lo, best, hi, okLo, okBest, okHi := m.values()
		if m.zero {
			lo, best, hi, okLo, okBest, okHi = 0, 0, 0, true, true, true
		}
		if okLo {
			c.ValueLow = schema.F(lo)
		}
		if okBest {
			c.ValueBest = schema.F(best)
		}
		if okHi {
			c.ValueHigh = schema.F(hi)
		}
		c.Bound = boundNames[m.bound]
		if m.vague && m.bound != bMoreThan && m.bound != bAtLeast && m.bound != bAtMost && m.bound != bLessThan {
			c.Bound = schema.BoundVague
		}
		c.Unit = m.unit
		c.Negated = at.negated
		c.Hedged = hedged
		if ati >= 0 {
			a := &x.attrs[ati]
			a.usedByQuan = true
			c.Source, c.SourceMention, c.Cue = a.source, a.mention, a.cueText
			if a.deny {
				c.Negated = true
			}
		} else if m.class == classMoney {
			if b, ok := x.moneySource(m, cs); ok {
				c.Source, c.SourceMention, c.Cue = b.source, b.mention, b.cueText
			}
		} else if quotedStart && x.quotedAt(m.cs) {
			if x.q.src != "" {
				c.Source, c.SourceMention, c.Cue = x.q.src, x.q.mention, x.q.cue
			} else {
				x.q.pend = append(x.q.pend, len(x.claims)-1)
			}
		}
		// Scope: a time expression in the clause; a following one joins the quote.
		if te, ok := x.scopeIn(max(cs, qs-10), min(ce, qe+10), ce, m); ok {
			c.ScopeText = x.text[p.toks[te.s].s:p.toks[te.e-1].e]
			c.ScopeStart, c.ScopeEnd = te.start, te.end
			if te.s >= qe && te.s-qe <= 8 && !x.mentionBetween(qe, te.s) && !x.punctBetween(qe, te.s) {
				x.setQuote(c, qs, te.e)
			}
		}
		x.locate(c, cs, ce, m.cs)
		var second schema.Claim
		sqs, sqe := -1, -1
		if m.zero {
			// "no one was killed or injured", "no dead or wounded", "no
			// casualties": a zero for each predicate.
			if pr, end := x.zeroSecond(&at, ce); pr != 0 {
				second = *c
				second.Predicate = predNames[pr]
				sqs, sqe = qs, max(qe, end)
			}
		}
		if sqs >= 0 {
			// The first predicate's claim takes the wider words and the
			// second the narrower, so that each is told apart by the words
			// it holds: "no one was killed or injured in the attack" (killed)
			// and "no one was killed or injured" (injured).
			ws, we := x.widen(sqs, sqe, cs, ce)
			if ws == sqs && we == sqe {
				sqs, sqe = qs, qe
				if c.CharStart == int32(p.toks[qs].s) && c.CharEnd == int32(p.toks[qe-1].e) {
					sqs = -1
				}
			} else {
				x.setQuote(c, ws, we)
			}
		}
		x.dropRepeated()
		if sqs >= 0 {
			nc := x.addClaim(idx, sentText, sqs, sqe, schema.KindQuantity)
			quote, start, end := nc.Quote, nc.CharStart, nc.CharEnd
			*nc = second
			nc.Quote, nc.CharStart, nc.CharEnd = quote, start, end
			x.dropRepeated()
		}
	}
	// Attributed statements without a number.
	for ati := range x.attrs {
		a := &x.attrs[ati]
		if a.usedByQuan || a.source == "" {
			continue
		}
		qs, qe := a.cs, a.ce
		for qs < qe && (p.toks[qs].kind == tkPunct || p.isWord(qs, "that")) {
			qs++
		}
		for qe > qs && p.toks[qe-1].kind == tkPunct && !p.isPunct(qe-1, ")") {
			qe--
		}
		if qe-qs < 3 || x.coveredByClaims(first, qs, qe) {
			continue
		}
		c := x.addClaim(idx, sentText, qs, qe, schema.KindStatement)
		c.Predicate = "other"
		c.Source, c.SourceMention, c.Cue = a.source, a.mention, a.cueText
		c.Negated = a.deny
		c.Hedged = hedged
		if te, ok := x.scopeIn(qs, qe, qe, nil); ok {
			c.ScopeText = x.text[p.toks[te.s].s:p.toks[te.e-1].e]
			c.ScopeStart, c.ScopeEnd = te.start, te.end
		}
		x.locate(c, qs, qe, qs)
	}
	// Keep text order inside the sentence.
	sortClaims(x.claims[first:])
}

// inheritsPrevious reports whether mention m, with neither subject nor
// predicate, counts what the previous claim of its sentence counts: "of
// them", "up from 46", or a number whose verb follows with no noun
// ("a further 600 were damaged", "more than 3,000 damaged").
func (x *analyzer) inheritsPrevious(m *mention, ofThem bool) bool {
	p := &x.p
	if ofThem {
		return true
	}
	if m.ts >= 2 && p.isWord(m.ts-1, "from") && (p.isWord(m.ts-2, "up") || p.isWord(m.ts-2, "down")) {
		return true
	}
	k := m.te
	for k < len(p.toks) && p.toks[k].kind == tkWord && p.fl(k)&fAux != 0 {
		k++
	}
	if k < len(p.toks) && p.toks[k].kind == tkWord && !p.toks[k].upper && strings.HasSuffix(p.w(k), "ed") && p.fl(k)&(fCue|fVerbish) == 0 {
		return m.ts > 0 && (p.isWord(m.ts-1, "and") || p.isWord(m.ts-1, "further") || p.isWord(m.ts-1, "another") || p.isWord(m.ts-1, "than"))
	}
	return false
}

// widen returns tokens [s, e) widened to the clause [cs, ce) it stands in
// (trailing punctuation left out), or by a "there were" before it.
func (x *analyzer) widen(s, e, cs, ce int) (int, int) {
	p := &x.p
	for ce > e && p.toks[ce-1].kind == tkPunct {
		ce--
	}
	if ce > e {
		return s, ce
	}
	if s >= 2 && (p.isWord(s-1, "were") || p.isWord(s-1, "was")) && p.isWord(s-2, "there") {
		return s - 2, e
	}
	return s, e
}

// dropRepeated removes the article's last claim when it repeats an
// earlier one: a figure the article has given before, in the same voice
// and words, is the same claim (a headline repeated in the lead, a
// caption printed twice).
func (x *analyzer) dropRepeated() {
	if n := len(x.claims); n > 0 && x.repeated(n-1) {
		x.claims[n-1] = schema.Claim{}
		x.claims = x.claims[:n-1]
	}
}

// zeroSecond returns the second predicate of a zero count and the token
// its words end at: "no one was killed or injured" (injured), "no dead or
// wounded" (injured), "no casualties" (injured, in the same words); 0 when
// there is none.
func (x *analyzer) zeroSecond(at *attachment, ce int) (uint8, int) {
	p := &x.p
	if at.predS < 0 {
		return 0, 0
	}
	k := at.predE
	if (p.isWord(k, "or") || p.isWord(k, "and") || p.isWord(k, "nor")) && k+1 < ce && p.toks[k+1].kind == tkWord && p.fl(k+1)&fPred != 0 {
		if pr := p.toks[k+1].info().pred; pr != at.pred {
			if pr == pShot {
				pr = pInjured
			}
			return pr, k + 2
		}
	}
	if at.pred == pKilled && p.isWord(at.predE-1, "casualties") {
		return pInjured, at.predE
	}
	return 0, 0
}

// hasQuoteTok reports whether the current sentence has a quotation mark.
func (x *analyzer) hasQuoteTok() bool {
	p := &x.p
	for i := range p.toks {
		if t := &p.toks[i]; t.kind == tkPunct {
			if c := p.text[t.s]; c == '"' || c == 0xE2 && t.e-t.s == 3 && p.text[t.s+1] == 0x80 && (p.text[t.s+2] == 0x9C || p.text[t.s+2] == 0x9D) {
				return true // " or “ ”
			}
		}
	}
	return false
}

// openingQuote reports whether token k opens a quotation.
func (x *analyzer) openingQuote(k int) bool {
	p := &x.p
	return p.isPunct(k, "“") || p.isPunct(k, "\"") && (k == 0 || p.toks[k].space) && k+1 < len(p.toks) && !p.toks[k+1].space
}

// repeated reports whether quantity claim i repeats an earlier claim of
// the article: the same predicate, subject, values, bound, unit, source and
// negation, in the same words (a headline repeated in the lead, a caption
// or a paragraph printed twice) or in a heading in capitals ("FIVE
// OFFICERS KILLED"). The same figure in other words is another claim.
func (x *analyzer) repeated(i int) bool {
	c := &x.claims[i]
	heading := !hasLower(c.Sentence)
	for j := max(0, i-maxRepeatLookback); j < i; j++ {
		d := &x.claims[j]
		if d.Kind == schema.KindQuantity && d.Predicate == c.Predicate && d.Subject == c.Subject && d.ValueLow == c.ValueLow &&
			d.ValueBest == c.ValueBest && d.ValueHigh == c.ValueHigh && d.Bound == c.Bound && d.Unit == c.Unit &&
			d.Source == c.Source && d.Negated == c.Negated && (heading || strings.EqualFold(d.Quote, c.Quote)) {
			return true
		}
	}
	return false
}

// maxRepeatLookback bounds how many earlier claims repeated compares a
// claim with, so an article of many claims costs linear time.
const maxRepeatLookback = 512

// hasLower reports whether s has a lower-case ASCII letter.
func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// pluralBefore returns the last counted thing of the sentence before token
// k, within twelve words ("those flights"), or -1.
func (x *analyzer) pluralBefore(k int) int {
	p := &x.p
	for q := k - 1; q >= 0 && q >= k-12; q-- {
		if p.toks[q].kind == tkWord && p.toks[q].li >= 0 && (p.inSet(q, eventThings) || p.inSet(q, thingNouns)) {
			return q
		}
	}
	return -1
}

// subsetOfPrevious reports whether mention m opens a subset of the count
// before it: "including 38 children", "among them 11 children", "11 of
// them".
func (x *analyzer) subsetOfPrevious(m *mention) bool {
	p := &x.p
	k := m.ts - 1
	if p.isWord(k, "and") {
		// "including at least 25 minors and more than a dozen journalists"
		for q := k - 1; q >= 0 && q >= k-8 && !p.isPunct(q, ";"); q-- {
			if p.isWord(q, "including") {
				return true
			}
		}
	}
	return p.isWord(k, "including") || p.isWord(k, "them") && p.isWord(k-1, "among") || p.isWord(k, "whom") && p.isWord(k-1, "among") ||
		p.isWord(m.te, "of") && (p.isWord(m.te+1, "them") || p.isWord(m.te+1, "whom"))
}

// firedAfter reports whether a verb of firing follows token k: "12
// discharged their weapons", "two opened fire".
func (x *analyzer) firedAfter(k int) bool {
	p := &x.p
	return p.isWord(k, "fired") || p.isWord(k, "discharged") || p.isWord(k, "opened") && p.isWord(k+1, "fire") ||
		p.isWord(k, "exchanged") && p.isWord(k+1, "fire")
}

// countOf reports a figure given as a count that the sentence does not
// name: "The government's count stood at 38 on Thursday."
func (x *analyzer) countOf(m *mention) bool {
	p := &x.p
	k := m.ts - 1
	if !(p.isWord(k, "at") || p.isWord(k, "to") || p.isWord(k, "was") || p.isWord(k, "is")) {
		return false
	}
	for q := k - 1; q >= 0 && q >= k-3; q-- {
		if p.isWord(q, "count") || p.isWord(q, "tally") || p.isWord(q, "figure") || p.isWord(q, "estimate") || p.isWord(q, "total") {
			return true
		}
		if p.toks[q].kind != tkWord || p.fl(q)&(fAux) == 0 && !p.inSet(q, tollVerbs) {
			return false
		}
	}
	return false
}

// totalOnly reports whether mention m is a bare total: the sentence is
// "Total 50." or "In total, 50."
func (x *analyzer) totalOnly(m *mention) bool {
	p := &x.p
	k := m.ts - 1
	if p.isPunct(k, ",") || p.isPunct(k, ":") {
		k--
	}
	if !p.isWord(k, "total") || k > 1 || k == 1 && !p.isWord(0, "in") {
		return false
	}
	return m.te == len(p.toks) || m.te == len(p.toks)-1 && p.toks[m.te].kind == tkPunct
}

// coveredByClaims reports whether a quantity claim of this sentence lies
// inside the token span [s, e).
func (x *analyzer) coveredByClaims(first, s, e int) bool {
	bs, be := x.p.toks[s].s, x.p.toks[e-1].e // byte offsets, as claims hold them until finishOffsets
	for i := first; i < len(x.claims); i++ {
		c := &x.claims[i]
		if c.Kind == schema.KindQuantity && c.CharStart >= bs && c.CharEnd <= be && c.Source != "" {
			return true
		}
	}
	return false
}

func sortClaims(cs []schema.Claim) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && (cs[j].CharStart < cs[j-1].CharStart || cs[j].CharStart == cs[j-1].CharStart && cs[j].CharEnd < cs[j-1].CharEnd); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// mentionBetween reports whether a claim-worthy number starts in tokens [s, e).
func (x *analyzer) mentionBetween(s, e int) bool {
	for i := range x.ments {
		if m := &x.ments[i]; m.cs >= s && m.cs < e && (m.class == classCount || m.class == classPercent || m.class == classMoney) {
			return true
		}
	}
	return false
}

// punctBetween reports whether tokens [s, e) hold punctuation other than a glued dash.
func (x *analyzer) punctBetween(s, e int) bool {
	p := &x.p
	for k := s; k < e; k++ {
		if p.toks[k].kind == tkPunct && !(p.isDashTok(k) && !p.toks[k].space) {
			return true
		}
	}
	return false
}

// insideAttribNP reports whether token i is part of a source's name
// ("the G20", "Route 66 Task Force said").
func (x *analyzer) insideAttribNP(i int) bool {
	for k := range x.attrs {
		if i >= x.attrs[k].ns && i < x.attrs[k].ne {
			return true
		}
	}
	return false
}

// attribFor returns the attribution covering token i, or -1.
func (x *analyzer) attribFor(i int) int {
	best, bestD := -1, 1<<30
	for k := range x.attrs {
		a := &x.attrs[k]
		if i < a.cs || i >= a.ce || a.source == "" {
			continue
		}
		d := a.cue - i
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// addClaim appends a claim with the fields common to all claims and
// returns it, to be filled in place. The buffer's spare room is zero (it
// is cleared before reuse and never shortened during a call).
func (x *analyzer) addClaim(idx int, sentText string, qs, qe int, kind string) *schema.Claim {
	n := len(x.claims)
	if n < cap(x.claims) {
		x.claims = x.claims[:n+1]
	} else {
		x.claims = append(x.claims, schema.Claim{})
	}
	c := &x.claims[n]
	c.ArticleID = x.a.ID
	c.SentenceIndex = int32(idx)
	c.Sentence = sentText
	c.Kind = kind
	c.Published = x.a.Published
	c.Outlet = x.a.Outlet
	x.setQuote(c, qs, qe)
	return c
}

// setQuote sets the quote to tokens [qs, qe). CharStart and CharEnd hold
// byte offsets until finishOffsets turns them into code points and sets
// the claim id: byte and code-point offsets order claims alike.
func (x *analyzer) setQuote(c *schema.Claim, qs, qe int) {
	p := &x.p
	bs, be := p.toks[qs].s, p.toks[qe-1].e
	c.Quote = x.text[bs:be]
	c.CharStart, c.CharEnd = bs, be
}

// finishOffsets turns the byte offsets of the claims into code-point
// offsets, in one pass over the text, and sets their ids: one string of
// the article's ids end to end, which they are cut from.
func (x *analyzer) finishOffsets() {
	if len(x.claims) == 0 {
		return
	}
	rc := runeCounter{text: x.text, ascii: x.ascii}
	ids := make([]byte, 0, claimIDLen*len(x.claims))
	var buf [192]byte
	prefix := claimMsgPrefix(buf[:0], x.a.ID)
	for i := range x.claims {
		c := &x.claims[i]
		c.CharStart = int32(rc.at(int(c.CharStart)))
		c.CharEnd = int32(rc.at(int(c.CharEnd)))
		ids = appendClaimID(ids, prefix, c.CharStart, c.CharEnd, c.Kind)
	}
	all := unsafe.String(unsafe.SliceData(ids), len(ids))
	for i := range x.claims {
		x.claims[i].ClaimID = all[i*claimIDLen : (i+1)*claimIDLen]
	}
}

// claimIDLen is the length of a claim id.
const claimIDLen = 16

// claimID is schema.ClaimID without its allocations: the same SHA-256 of
// "claim", the article id, the offsets and the kind, each followed by a
// zero byte, as 16 hex digits (a test checks they agree).
func claimID(articleID string, start, end int32, kind string) string {
	var buf [192]byte
	var out [claimIDLen]byte
	return string(appendClaimID(out[:0], claimMsgPrefix(buf[:0], articleID), start, end, kind))
}

// claimMsgPrefix appends the start of a claim id's message, the same for
// all claims of an article: "claim" and the article id.
func claimMsgPrefix(b []byte, articleID string) []byte {
	b = append(b, "claim\x00"...)
	b = append(b, articleID...)
	return append(b, 0)
}

// appendClaimID appends the claim id to dst. The rest of the message is
// written after prefix, in its spare capacity when it has room.
func appendClaimID(dst, prefix []byte, start, end int32, kind string) []byte {
	b := appendDecimal(prefix, start)
	b = append(b, 0)
	b = appendDecimal(b, end)
	b = append(b, 0)
	b = append(b, kind...)
	b = append(b, 0)
	sum := sha256.Sum256(b)
	for _, v := range sum[:claimIDLen/2] {
		dst = append(dst, hexDigits[v>>4], hexDigits[v&15])
	}
	return dst
}

const hexDigits = "0123456789abcdef"

// appendDecimal appends v in decimal, as strconv.AppendInt does.
func appendDecimal(b []byte, v int32) []byte {
	u := uint32(v)
	if v < 0 {
		b = append(b, '-')
		u = uint32(-int64(v))
	}
	var d [10]byte
	i := len(d)
	for u >= 10 {
		q := u / 10
		i--
		d[i] = byte('0' + u - q*10)
		u = q
	}
	i--
	d[i] = byte('0' + u)
	return append(b, d[i:]...)
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

// locate sets the claim's location from a place named in tokens [s, e),
// nearest to token at; else it is left for the article's main place.
func (x *analyzer) locate(c *schema.Claim, s, e, at int) {
	p := &x.p
	bestD := 1 << 30
	name, ms, me := "", -1, -1
	consider := func(k, end int, canon string) {
		d := k - at
		if d < 0 {
			d = -d
		}
		if d < bestD {
			bestD, name, ms, me = d, canon, k, end
		}
	}
	x.placesIn(s, e, true, consider)
	if name == "" && s >= 1 && p.isPunct(s, ",") && p.isWord(s+1, "where") {
		s++ // the clause starts at its comma
	}
	if name == "" && s >= 2 && p.isWord(s, "where") && p.isPunct(s-1, ",") {
		// "..., the region of Idlib, where ...": the place just before.
		cs, _ := x.clauseBounds(s - 2)
		x.placesIn(cs, s-1, false, func(k, end int, canon string) {
			if k > ms {
				name, ms, me = canon, k, end
			}
		})
	}
	if name == "" {
		return // fillMainPlace gives it the article's main place
	}
	c.Location = name
	c.LocationMention = x.text[p.toks[ms].s:p.toks[me-1].e]
}

// placesIn calls f for each place mention in tokens [s, e). With
// locative set, a gazetteer name counts only where it names where something
// happened: after in/at/near/across (and direction words: "in southern
// Idlib") or before a place noun ("Idlib province"); "agreed by Russia"
// does not.
func (x *analyzer) placesIn(s, e int, locative bool, f func(k, end int, canon string)) {
	p := &x.p
	for k := s; k < e; k++ {
		t := &p.toks[k]
		if t.kind != tkWord || !t.upper && t.flags()&(fPlace|fPrep|fPlaceNoun) == 0 {
			continue
		}
		if t.upper {
			end, canon, ok := p.placeAt(k)
			if !ok {
				// a place of the world gazetteer: where a preposition
				// of place says it is one, also a common word ("in
				// Mobile"); elsewhere a name of several words ("Fort
				// Lauderdale shooting victims"): one word alone is as
				// often a person's ("Jackson began shooting")
				if p.locativeWithin(k, false) && !p.isWord(k-1, "at") {
					end, canon, ok = p.worldAt(k, true)
				} else if k+1 < len(p.toks) && (p.toks[k+1].upper || p.isDashTok(k+1) && k+2 < len(p.toks) && p.toks[k+2].upper) {
					if end, canon, ok = p.worldAt(k, false); ok && end == k+1 {
						ok = false
					}
				}
			}
			if ok && end == k+1 && p.personBefore(k) {
				ok = false // "Esteban Santiago"
			}
			if ok && end <= e {
				if !locative || p.locativeBefore(k) || end < len(p.toks) && p.fl(end)&fPlaceNoun != 0 {
					f(k, end, canon)
				}
				k = end - 1
				continue
			}
			continue
		}
		w := p.w(k)
		switch {
		case w == "in" || w == "at" || w == "near" || w == "outside":
			if k+1 < e && p.toks[k+1].upper && p.fl(k+1)&(fDet|fMonth|fWeekday) == 0 {
				if _, _, ok := p.placeAt(k + 1); ok || w == "at" {
					continue
				}
				if _, _, ok := p.worldAt(k+1, true); ok {
					continue // read at the name itself
				}
				if end, ok := p.nameAfter(k+1, e); ok {
					if end < len(p.toks) && (p.toks[end].kind == tkNum || p.inSet(end, venueWords)) {
						continue // "near Beach 22nd Street": a street
					}
					name := x.text[p.toks[k+1].s:p.toks[end-1].e]
					if canon, ok := p.worldName(name); ok {
						name = canon
					} else if end == k+2 && demonym(p.w(k+1)) {
						continue // "in Spanish": a language, not a place
					}
					f(k+1, end, name)
					k = end - 1
				}
			}
		case t.flags()&fPlaceNoun != 0 && p.isWord(k+1, "of") && k+2 < e && p.toks[k+2].upper:
			if end, canon, ok := p.placeAt(k + 2); ok && end <= e {
				f(k+2, end, canon)
				k = end - 1
				continue
			}
			if end, ok := p.nameAfter(k+2, e); ok {
				f(k+2, end, x.text[p.toks[k+2].s:p.toks[end-1].e])
				k = end - 1
			}
		}
	}
}

// countPlaces counts the place mentions of the current sentence for the
// article's most mentioned place.
func (x *analyzer) countPlaces() {
	x.placesIn(0, len(x.p.toks), false, func(k, end int, canon string) {
		if p := &x.p; end < len(p.toks) && p.actorAt(end) {
			return // "Israel's assault on Gaza": an actor, not where it happened
		}
		x.addPlaceCount(canon, 1)
	})
}

func (x *analyzer) addPlaceCount(canon string, w int) {
	if x.placeCount == nil {
		x.placeCount = make(map[string]int, 8)
	}
	if _, ok := x.placeCount[canon]; !ok {
		x.placeOrder = append(x.placeOrder, canon)
	}
	x.placeCount[canon] += w
}

// countPlaceText counts a dateline's place.
func (x *analyzer) countPlaceText(s string, w int) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	if c, ok := gazetteer[strings.ToLower(s)]; ok {
		x.addPlaceCount(c, w)
		return
	}
	if c, ok := x.p.worldName(s); ok {
		x.addPlaceCount(c, w)
		return
	}
	// Title-case an all-capitals dateline: "JOHNSTON & CARTER COUNTY".
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if len(w) > 0 && w[0] >= 'a' && w[0] <= 'z' {
			words[i] = string(w[0]-'a'+'A') + w[1:]
		}
	}
	x.addPlaceCount(strings.Join(words, " "), w)
}

// fillMainPlace gives claims without a place in their clause the article's
// main place. News leads name where the story happens first, so it is, in
// order: the first place the lead sentence names as a location (a dateline
// only says where the reporter is, and is not part of it), the first place
// of the title (a location, else any gazetteer name), and else the most
// mentioned place of the article (datelines count double; ties: the first
// mentioned). A town gives way to the province or region named with it
// ("Khan Sheikhoun in southern Idlib province" -> Idlib).
//
// It is computed only when a claim needs it, and the count over the whole
// article only when the lead and the title name no place, so sentences
// without claims need not be read for places.
func (x *analyzer) fillMainPlace(sents []sentence) {
	need := false
	for i := range x.claims {
		if x.claims[i].Location == "" {
			need = true
			break
		}
	}
	if !need {
		return
	}
	best := x.leadPlace
	if best == "" {
		best = x.titlePlace()
	}
	if best == "" {
		best = x.mostMentioned(sents)
	}
	if best == "" {
		return
	}
	for i := range x.claims {
		if x.claims[i].Location == "" {
			x.claims[i].Location = best
		}
	}
}

// firstPlace returns the first place of the current sentence, rolled up to
// its region: with locative set, only a place named as a location.
// With gazOnly set, only gazetteer names count: in a title written in
// title case every word looks like a name ("Man Killed In Revenge Shooting").
func (x *analyzer) firstPlace(locative, gazOnly bool) string {
	name, end := "", -1
	x.placesIn(0, len(x.p.toks), locative, func(k, e int, canon string) {
		if end >= 0 {
			return
		}
		if _, _, ok := x.p.placeAt(k); !ok && !x.p.worldHolds(k, e) {
			// A name found by its position, not in the gazetteer: not when
			// it is only a modifier ("in Black Lives Matter protests").
			if gazOnly || e < len(x.p.toks) && x.p.toks[e].kind == tkWord && !x.p.toks[e].upper && x.p.fl(e) == 0 {
				return
			}
		}
		name, end = canon, e
	})
	if end < 0 {
		return ""
	}
	if up, ok := x.regionOf(end); ok {
		return up
	}
	return name
}

// regionOf reads the region a place belongs to right after it, at token j:
// "in southern Idlib province", ", in Hama province", "in northern Hama". A
// direction word or a region noun must mark it as a region, and countries
// are not regions: "Tal Hamra in northwest Syria" keeps the town.
func (x *analyzer) regionOf(j int) (string, bool) {
	p := &x.p
	if p.isPunct(j, ",") {
		j++
	}
	if !p.isWord(j, "in") && !p.isWord(j, "of") {
		return "", false
	}
	j++
	if p.isWord(j, "the") {
		j++
	}
	dir := false
	for j < len(p.toks) && p.toks[j].kind == tkWord && p.inSet(j, directionWords) {
		dir = true
		j++
		if p.isDashTok(j) && !p.toks[j].space && j+1 < len(p.toks) && p.inSet(j+1, directionWords) {
			j += 2
		}
	}
	if j >= len(p.toks) || !p.toks[j].upper {
		return "", false
	}
	end, name, ok := p.placeAt(j)
	if !ok {
		if end, ok = p.nameAfter(j, len(p.toks)); !ok {
			return "", false
		}
		name = x.text[p.toks[j].s:p.toks[end-1].e]
	}
	if countryNames[name] {
		return "", false
	}
	region := end < len(p.toks) && p.toks[end].kind == tkWord && p.inSet(end, regionNouns)
	if !dir && !region {
		return "", false
	}
	return name, true
}

// titlePlace returns the first place of the title: a location, else any
// gazetteer name ("Peru earthquake: ...").
func (x *analyzer) titlePlace() string {
	title := x.a.Title
	if title == "" {
		return ""
	}
	text, low, toks := x.text, x.p.low, x.p.toks
	defer func() { x.text, x.p.text, x.p.low, x.p.toks = text, text, low, toks }()
	tl := lowerASCII(title)
	x.text, x.p.text, x.p.low = title, title, tl
	// Into the spare room of the article's buffer: the kept tokens stay.
	x.p.toks = tokenize(title, tl, 0, len(title), x.all[len(x.all):])
	gazOnly := titleCase(title)
	if name := x.firstPlace(true, gazOnly); name != "" {
		return name
	}
	return x.firstPlace(false, true)
}

// titleCase reports whether most words of s of four letters or more start
// with a capital.
func titleCase(s string) bool {
	words, caps := 0, 0
	for f := range strings.FieldsSeq(s) {
		if len(f) < 4 {
			continue
		}
		words++
		if f[0] >= 'A' && f[0] <= 'Z' {
			caps++
		}
	}
	return words >= 2 && caps*10 >= words*7
}

// mostMentioned counts the places of every sentence and returns the most
// mentioned one (datelines count double; ties: the first mentioned). In the
// sentences that were not tokenized (no number, no attribution) it counts
// the gazetteer names only, found by a byte scan.
func (x *analyzer) mostMentioned(sents []sentence) string {
	for _, s := range sents {
		if s.boiler {
			continue
		}
		if s.datelineAt >= 0 {
			x.countPlaceText(x.text[s.datelineAt:s.datelineE], 2)
		}
		if !s.kept {
			// A sentence that was not tokenized: only its gazetteer names.
			x.countGazetteerNames(s.s, s.e)
			continue
		}
		x.p.toks = x.all[s.tokS:s.tokE]
		x.countPlaces()
	}
	best, bestN := "", 0
	for _, c := range x.placeOrder {
		if n := x.placeCount[c]; n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// countGazetteerNames counts the gazetteer names of text[s:e] without
// tokenizing it: a capitalized word that starts a gazetteer name, then the
// longest name of up to four words, as placeAt reads them.
func (x *analyzer) countGazetteerNames(s, e int) {
	text, low := x.text, x.low
	for i := s; i < e; {
		// Only a word with a capital first letter can count: to the next
		// capital, and on when it is inside a word.
		if i = nextUpper(text, i, e); i >= e {
			break
		}
		if i > s && byteClass[text[i-1]]&(bcLower|bcUpper) != 0 {
			i++
			for i < e && byteClass[text[i]]&(bcLower|bcUpper) != 0 {
				i++
			}
			continue
		}
		c := text[i]
		j := i + 1
		for j < e && byteClass[text[j]]&(bcLower|bcUpper) != 0 {
			j++
		}
		if c < 'A' || c > 'Z' || j-i < 2 || i > s && byteClass[text[i-1]]&bcDigit != 0 || j < e && (text[j] >= utf8.RuneSelf || text[j] == '\'') {
			i = j
			continue
		}
		li := lexFind(low[i:j])
		var f uint64
		if li >= 0 {
			f = lexInfos[li].f
		}
		if f&fPlace == 0 || f&(fDet|fPrep|fVerbish|fMonth|fWeekday|fCue|fNumWord) != 0 && f&fPlaceNoun == 0 {
			// Not a gazetteer name: a name after "in", "near", "outside"
			// or "the town of", as placesIn reads them.
			if f&(fDet|fMonth|fWeekday) == 0 && x.placePrepBefore(s, i) {
				if end := x.nameAfterBytes(i, e); end > i {
					x.addPlaceCount(text[i:end], 1)
					i = end
					continue
				}
			}
			i = j
			continue
		}
		w := low[i:j]
		end, canon := -1, ""
		if placeFirstIn[li] {
			// Word ends of the next three words, longest name first.
			var ends [3]int
			n, k := 0, j
			for n < 3 && k < e {
				for k < e && (text[k] == ' ' || text[k] == '-' || text[k] == '.' || text[k] == ',' || text[k] == '\'') {
					k++
				}
				if k >= e || byteClass[text[k]]&(bcLower|bcUpper) == 0 {
					break
				}
				for k < e && byteClass[text[k]]&(bcLower|bcUpper) != 0 {
					k++
				}
				if k < e && text[k] == '.' && k+1 < e && byteClass[text[k+1]]&(bcLower|bcUpper) == 0 {
					k++ // "d.c."
				}
				ends[n] = k
				n++
			}
			for q := n - 1; q >= 0 && end < 0; q-- {
				if cn, ok := gazetteer[low[i:ends[q]]]; ok {
					end, canon = ends[q], cn
				}
			}
		}
		if end < 0 {
			if cn := gazByIndex[li]; cn != "" && !((w == "us" || w == "uk") && !noLowerASCII(text[i:j])) {
				end, canon = j, cn
			}
		}
		if end < 0 {
			i = j
			continue
		}
		if rest := text[end:e]; (strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s ")) && actorAfter(rest) {
			i = end
			continue // a possessive: an actor ("Israel's assault")
		}
		x.addPlaceCount(canon, 1)
		i = end
	}
}

// nextUpper returns the offset of the first ASCII capital of text[i:e],
// or e.
func nextUpper(text string, i, e int) int {
	for ; i+8 <= e; i += 8 {
		if m := byteRange(binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(text[i:]), 8)), 'A', 'Z'); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < e; i++ {
		if c := text[i]; c >= 'A' && c <= 'Z' {
			return i
		}
	}
	return e
}

// placePrepBefore reports whether the word before byte i of a sentence
// starting at s is "in", "near" or "outside", or "of" after a place noun
// ("the town of").
func (x *analyzer) placePrepBefore(s, i int) bool {
	low := x.low
	k := i - 1
	if k < s || low[k] != ' ' {
		return false
	}
	w1s, w1e := prevWord(low, s, k)
	if w1s < 0 {
		return false
	}
	switch low[w1s:w1e] {
	case "in", "near", "outside":
		return true
	case "of":
		if w1s-1 < s || low[w1s-1] != ' ' {
			return false
		}
		if w0s, w0e := prevWord(low, s, w1s-1); w0s >= 0 {
			return lexFlags(low[w0s:w0e])&fPlaceNoun != 0
		}
	}
	return false
}

// prevWord returns the run of letters that ends at byte k (exclusive), or -1.
func prevWord(low string, s, k int) (int, int) {
	j := k
	for j > s && byteClass[low[j-1]]&bcLower != 0 {
		j--
	}
	if j == k || j > s && byteClass[low[j-1]]&(bcDigit) != 0 {
		return -1, -1
	}
	return j, k
}

// nameAfterBytes reads a capitalized name of up to six words at byte i
// (with "al-", "el", "de", "ez" particles), as nameAfter does on tokens, and
// returns its end, or i when it is an organisation, a venue or a person.
func (x *analyzer) nameAfterBytes(i, e int) int {
	text, low := x.text, x.low
	end, k := i, i
	for n := 0; n < 6 && k < e; n++ {
		ws := k
		for k < e && byteClass[text[k]]&(bcLower|bcUpper) != 0 {
			k++
		}
		if k == ws {
			break
		}
		w := low[ws:k]
		upper := byteClass[text[ws]] == bcUpper
		particle := w == "al" || w == "el" || w == "de" || w == "ez"
		if !upper && !(particle && n > 0) {
			break
		}
		f := lexFlags(w)
		if upper {
			if f&(fMonth|fWeekday) != 0 {
				break
			}
			if f&(fSourceNoun|fTitle|fCue) != 0 && f&fPlaceNoun == 0 || venueWords.m[w] {
				return i
			}
			end = k
		}
		if k < e && (text[k] == ' ' || text[k] == '-') && k+1 < e && byteClass[text[k+1]]&(bcLower|bcUpper) != 0 {
			k++
			continue
		}
		break
	}
	return end
}

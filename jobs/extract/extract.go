package extract

import (
	"strings"
	"sync"
	"time"
	"unicode/utf8"

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

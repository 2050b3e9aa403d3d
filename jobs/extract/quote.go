package extract

import "strings"

// Quotations across sentences. A quotation often runs over several
// sentences with one speaker tag: `"We have received around 50 people
// with injuries," added the doctor. "There are around 30 people
// seriously injured, some with head injuries."` The second sentence has
// no cue of its own; its speaker is the running quotation's. And a
// quotation's tag may come only at its end, sentences later: its claims
// wait for it.

// quoteState follows the quotation marks of an article from sentence to
// sentence.
type quoteState struct {
	open              bool   // a quotation is open at the start of the current sentence
	src, mention, cue string // the speaker of the running quotation, "" when unknown
	pend              []int  // claims of a running quotation that wait for its speaker
	age               int    // sentences the running quotation has been open
}

// maxQuoteSentences is how many sentences a quotation may run without
// closing before it is taken for an unmatched mark and closed.
const maxQuoteSentences = 4

// paragraph ends a running quotation at a paragraph break: a quotation
// that goes on in the next paragraph opens again there.
func (x *analyzer) paragraph() {
	x.q.open, x.q.age = false, 0
	x.q.pend = x.q.pend[:0]
}

// quoteMarks scans text[s:e] for quotation marks, starting inside a
// quotation when open, and returns whether one is open at the end and
// whether the text holds any. A straight mark opens after white space or
// at the start and closes elsewhere; curly marks say which they are.
func quoteMarks(text string, s, e int, open bool) (bool, bool) {
	if strings.IndexByte(text[s:e], '"') < 0 && strings.IndexByte(text[s:e], 0xE2) < 0 {
		return open, false // most sentences: no mark at all
	}
	any := false
	for i := s; i < e; i++ {
		switch c := text[i]; {
		case c == '"':
			any = true
			open = i == s || text[i-1] == ' ' || text[i-1] == '\n' || text[i-1] == '(' || text[i-1] == '['
		case c == 0xE2 && i+2 < e && text[i+1] == 0x80 && (text[i+2] == 0x9C || text[i+2] == 0x9D):
			any = true
			open = text[i+2] == 0x9C // “ opens, ” closes
			i += 2
		}
	}
	return open, any
}

// quotedAt reports whether token k of the current sentence stands inside
// a quotation.
func (x *analyzer) quotedAt(k int) bool {
	p := &x.p
	open := x.q.open
	for i := 0; i < k && i < len(p.toks); i++ {
		t := &p.toks[i]
		if t.kind != tkPunct {
			continue
		}
		switch p.text[t.s:t.e] {
		case "\"":
			open = t.space || i == 0
		case "“":
			open = true
		case "”":
			open = false
		}
	}
	return open
}

// quoteSpeakers settles the attributions of a sentence with quotations:
// "we" or "I" speaking inside the quotation is its speaker ("We have
// recorded 24 dead," the spokesman told AFP), so such an attribution
// gives way to one outside the quotation, or takes the running
// quotation's speaker; and a tag outside the quotation becomes the
// running quotation's speaker. It returns the outer attribution, or -1.
func (x *analyzer) quoteSpeakers() int {
	outer := -1
	for k := range x.attrs {
		a := &x.attrs[k]
		if a.source != "" && !x.quotedAt(a.cue) && (!a.pronoun || a.resolved) {
			outer = k
			break
		}
	}
	out := x.attrs[:0]
	for k := range x.attrs {
		a := x.attrs[k]
		if a.pronoun && x.firstPerson(a.ns) && x.quotedAt(a.cue) {
			switch {
			case outer >= 0 && outer != k:
				continue // the speaker outside the quotation covers it
			case x.q.src != "":
				a.source, a.mention, a.cueText = x.q.src, x.q.mention, x.q.cue
			}
		}
		out = append(out, a)
	}
	x.attrs = out
	if outer >= 0 {
		outer = -1
		for k := range x.attrs {
			if a := &x.attrs[k]; a.source != "" && !x.quotedAt(a.cue) && (!a.pronoun || a.resolved) {
				outer = k
				break
			}
		}
	}
	return outer
}

// firstPerson reports whether token k is "we" or "I".
func (x *analyzer) firstPerson(k int) bool {
	return x.p.isWord(k, "we") || x.p.isWord(k, "i")
}

// quoteSentenceDone updates the quotation state after sentence [s, e) of
// the article, whose outer attribution (a speaker tag outside the
// quotation marks) is outer, or nil.
func (x *analyzer) quoteSentenceDone(s, e int, outer *attrib) {
	open, any := quoteMarks(x.text, s, e, x.q.open)
	switch {
	case outer != nil && any:
		if x.q.open && len(x.q.pend) > 0 {
			// The tag that closes a quotation opened sentences ago.
			for _, i := range x.q.pend {
				if i < len(x.claims) && x.claims[i].Source == "" {
					c := &x.claims[i]
					c.Source, c.SourceMention, c.Cue = outer.source, outer.mention, outer.cueText
				}
			}
		}
		x.q.src, x.q.mention, x.q.cue = outer.source, outer.mention, outer.cueText
		x.q.pend = x.q.pend[:0]
	case !any && !x.q.open:
		x.q.src, x.q.mention, x.q.cue = "", "", ""
		x.q.pend = x.q.pend[:0]
	}
	if open {
		x.q.age++
	} else {
		x.q.age = 0
	}
	if !open || x.q.age > maxQuoteSentences {
		open, x.q.age = false, 0
		x.q.pend = x.q.pend[:0]
	}
	x.q.open = open
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

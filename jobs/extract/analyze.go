package extract

import (
	"strings"
	"time"

	"github.com/claimscan/claimscan/schema"
)

// analyzer holds the state of one Extract call.
type analyzer struct {
	a         Article
	text, low string
	pub       time.Time
	ascii     bool // the text is all ASCII
	p         numParser
	all       []token // the article's tokens, sentence after sentence
	ments     []mention
	attrs     []attrib
	starts    []int32 // tokens a number phrase may start at (see candidate)
	cues      []int32 // cue tokens
	acronyms  map[string]string
	acroBuilt bool // acronyms holds the article's definitions

	lastSource string
	lastOrg    string     // the last organisation cited: "the group" stands for it
	q          quoteState // the quotation running over sentences
	outer      attrib     // the current sentence's speaker tag outside quotation marks (outerOK)
	outerOK    bool
	affil      map[string]string // a person's organisation, by full name and surname ("Nugroho" -> the agency)

	placeCount map[string]int
	placeOrder []string
	leadPlace  string // the lead sentence's first location, rolled up to its region

	claims       []schema.Claim
	union        uint64 // lexicon flags of the current sentence's words
	hasDigits    bool
	longForms    map[string]string
	resolved     map[string]string // source resolutions of this article ("" = none), after resolvedList
	resolvedList []resolution      // the first maxResolvedList of them
	longFormList []longFormEntry   // the first longForm results, before longForms
	prevClaims0  int               // first claim of the previous sentence
	prevClaims1  int               // end of the previous sentence's claims
	lim          Limits            // claims left out under the article's limits
	disease      uint8             // 0 unknown, 1 the article is about a disease outbreak, 2 not
}

func isQuote(s string) bool {
	return s == "\"" || s == "“" || s == "”" || s == "'" || s == "‘" || s == "’"
}

// candidate reports whether the sentence may hold a claim: a digit, a
// number word, a vague quantity, a negation or an attribution cue. In the
// same pass it lists the tokens a number phrase may start at (x.starts)
// and the cues (x.cues), which parseMentions and findAttribs read instead
// of every token.
func (x *analyzer) candidate() bool {
	toks := x.p.toks // a local: the appends below would make p.toks be reloaded
	var u uint64
	num := false
	starts, cues := x.starts[:0], x.cues[:0]
	for i := range toks {
		t := &toks[i]
		f := t.flags()
		u |= f
		if f&(fNumWord|fScale|fVague|fCue) == 0 && t.kind != tkNum {
			continue
		}
		if f&fCue != 0 {
			cues = append(cues, int32(i))
		}
		// The tokens mayStart holds at, in order: one or two before a
		// scale or a vague quantity, then the number itself.
		if f&(fScale|fVague) != 0 {
			if f&fScale != 0 && i >= 2 {
				starts = addStart(starts, int32(i-2))
			}
			if i >= 1 {
				starts = addStart(starts, int32(i-1))
			}
		}
		if t.kind == tkNum {
			num = true
			starts = addStart(starts, int32(i))
		} else if f&(fNumWord|fScale|fVague) != 0 {
			starts = addStart(starts, int32(i))
		}
	}
	x.starts, x.cues = starts, cues
	x.union, x.hasDigits = u, num
	return num || u&(fNumWord|fScale|fVague|fCue|fNeg) != 0
}

// addStart adds token k to the ordered list starts, which holds no token
// after k+1.
func addStart(starts []int32, k int32) []int32 {
	n := len(starts)
	switch {
	case n == 0 || starts[n-1] < k:
		return append(starts, k)
	case starts[n-1] == k || n >= 2 && starts[n-2] == k:
		return starts
	}
	// starts[n-1] is k+1: k goes before it.
	starts = append(starts, k+1)
	starts[n-1] = k
	return starts
}

// How a token bounds clauses: a new clause starts after ; : ( ) and
// dashes, which are clauses of their own, and at a comma followed by which,
// who, where, but, ...
const (
	clauseIn    uint8 = iota // inside a clause
	clauseBreak              // a clause of its own
	clauseOpens              // the first token of a clause
)

// clauseMark tells how token i bounds clauses.
func (x *analyzer) clauseMark(i int) uint8 {
	toks := x.p.toks
	t := &toks[i]
	if t.kind != tkPunct {
		return clauseIn
	}
	n := len(toks)
	s := x.p.text[t.s:t.e]
	if len(s) != 1 {
		if s == "—" || s == "–" {
			return clauseBreak
		}
		return clauseIn
	}
	switch s[0] {
	case ';', '(', ')':
		return clauseBreak
	case '-':
		if t.space && i+1 < n && toks[i+1].space {
			return clauseBreak
		}
	case ':':
		if !(i+1 < n && toks[i+1].kind == tkNum && !toks[i+1].space) {
			return clauseBreak
		}
	case ',':
		if i+1 < n && toks[i+1].kind == tkWord && toks[i+1].flags()&fClause != 0 {
			return clauseOpens
		}
	}
	return clauseIn
}

// clauseBounds returns the clause of token i as [s, e), read from the
// tokens around it.
func (x *analyzer) clauseBounds(i int) (int, int) {
	mk := x.clauseMark(i)
	if mk == clauseBreak {
		return i, i + 1
	}
	s := i
	if mk == clauseIn {
		for s > 0 {
			m := x.clauseMark(s - 1)
			if m == clauseBreak {
				break
			}
			s--
			if m == clauseOpens {
				break
			}
		}
	}
	e := i + 1
	for e < len(x.p.toks) && x.clauseMark(e) == clauseIn {
		e++
	}
	return s, e
}

// hedgedSentence reports hedging words: reportedly, allegedly, unconfirmed,
// "may have", "could not be independently verified".
func (x *analyzer) hedgedSentence() bool {
	p := &x.p
	neg := false
	for i := range p.toks {
		t := &p.toks[i]
		if t.kind != tkWord || t.flags()&(fHedge|fNeg) == 0 {
			continue
		}
		w := p.w(i)
		if t.flags()&fNeg != 0 {
			neg = true
		}
		switch w {
		case "reportedly", "allegedly", "apparently", "possibly", "probably", "likely", "unconfirmed", "unverified",
			"purportedly", "rumored", "rumoured", "supposedly", "presumably", "perhaps", "uncertain", "unclear", "feared", "believed":
			return true
		case "may", "might", "could":
			if !t.upper && (p.isWord(i+1, "have") || p.isWord(i+1, "be") || p.isWord(i+1, "not")) {
				return true
			}
		case "verified", "verify", "independently":
			if neg {
				return true
			}
		}
	}
	return false
}

// disclaimer reports a sentence that only casts doubt on the previous one:
// "The figures could not be independently verified."
func (x *analyzer) disclaimer() bool {
	p := &x.p
	hasVerify, hasNeg := false, false
	for i := range p.toks {
		w := p.w(i)
		switch w {
		case "verified", "verify", "confirmed", "confirm", "independently":
			hasVerify = true
		}
		if p.fl(i)&fNeg != 0 || w == "unable" || w == "cannot" {
			hasNeg = true
		}
	}
	return hasVerify && hasNeg && len(p.toks) < 25
}

// diseaseArticle reports whether the article is about a disease outbreak
// (computed once per article).
func (x *analyzer) diseaseArticle() bool {
	if x.disease == 0 {
		x.disease = 2
		for _, w := range diseaseWords {
			if strings.Contains(x.low, w) {
				x.disease = 1
				break
			}
		}
	}
	return x.disease == 1
}

package extract

import (
	"crypto/sha256"
	"strings"
	"unsafe"

	"github.com/claimscan/claimscan/schema"
)

// A claim's row: the fields all claims share, its quote and offsets, its
// id, and the claims an article repeats in the same words.

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

func sortClaims(cs []schema.Claim) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && (cs[j].CharStart < cs[j-1].CharStart || cs[j].CharStart == cs[j-1].CharStart && cs[j].CharEnd < cs[j-1].CharEnd); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
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

package conflict

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimscan/claimscan/schema"
)

// Subset rules, as returned by SubsetRule: why a count is read as a subset of a
// larger count of the same event rather than as its total.
const (
	SubsetOf        = "of"        // "one of the victims", "two of them", "one of nine people shot"
	SubsetIncluding = "including" // "including two children", "among them three officers"
	SubsetRelative  = "relative"  // "the other two", "the remaining three", "the next two", "the two others"
	SubsetPair      = "pair"      // "one was shot in the thigh; the other in the hand"
	SubsetCondition = "condition" // "two were critically wounded", "one in serious condition"
	SubsetBreakdown = "breakdown" // "ten were treated at X while three were treated at Y"
	SubsetMeans     = "means"     // "ten victims were taken to hospitals by ambulance"
	SubsetOrg       = "org"       // "four Dallas Police Department officers": one body's share
)

// SubsetRule reports whether the count c states is a subset of a larger count
// that the text implies, and by which rule; "" when it is not. It reads
// the words around the claim's number in its sentence (Sentence, with the
// Quote located in it):
//
//   - of: the number is followed by "of" and a determiner, a pronoun or
//     another number ("one of the victims", "two of them", "one of nine
//     people shot");
//   - including: the number follows "including" or "among them" ("13
//     people, including one critically");
//   - relative: the number is picked out of a set by "the" and "next",
//     "first", "last" or "final" ("the next two"), or, for a count of the
//     dead, by "the" and "other", "remaining" or "rest" ("the other two",
//     "the two others", "the remaining three");
//   - pair: the number is "one" and its sentence goes on with "the other"
//     ("one was shot in the thigh; the other in the hand");
//   - condition: the count is qualified by a condition in its own clause
//     ("critically", "seriously", "in critical condition", "in stable
//     condition", "with life-threatening injuries"): the ones in that
//     condition, a subset of the injured;
//   - breakdown: the sentence joins the number's clause and another one
//     by "while", "whereas", "and" or a semicolon, the second opening with
//     its number, the two numbers differ, and the two clauses share a
//     participle within six words after each number ("ten victims were
//     treated at Bridgeport Hospital while three were treated at St.
//     Vincent's").
//
// A claim whose number cannot be found in its sentence is not a subset.
func SubsetRule(c *schema.Claim) string {
	if c.Kind == schema.KindStatement || c.Sentence == "" {
		return ""
	}
	var toks [maxTokens]token
	ts := tokenize(c.Sentence, toks[:0])
	start, end := quoteSpan(c)
	return subsetRule(c, ts, numberToken(c, ts, start, end))
}

// maxTokens is how many tokens of a sentence are read.
const maxTokens = 96

// subsetRule is SubsetRule on the tokens ts of c's sentence, n being the
// token of its number (-1 for none).
func subsetRule(c *schema.Claim, ts []token, n int) string {
	if n < 0 {
		return ""
	}
	at := func(i int) lexFlags {
		if i < 0 || i >= len(ts) {
			return 0
		}
		return ts[i].f
	}
	killed := strings.EqualFold(strings.TrimSpace(c.Predicate), "killed")
	// A set of the dead picked out of the shot ("four of the five people
	// shot died", "five were shot, including two who were killed") is the
	// whole count of the dead; the other survivors of a death ("one died;
	// the other five were taken to hospitals") the whole count of the
	// injured.
	crossKilled := killed && injuryIn(ts)
	crossInjured := !killed && anyFlag(ts, lDeath)

	if !crossKilled {
		// of: "one of the victims", "two of them", "one of nine"
		if at(n+1)&lOf != 0 && (at(n+2)&lSetRef != 0 || n+2 < len(ts) && ts[n+2].num && at(n+2)&lScale == 0) {
			return SubsetOf
		}
		// of, before: "of the four wounded, three worked there", "of 30
		// people taken to hospitals, 29 went to Broward Health"
		if setBefore(ts, n) {
			return SubsetOf
		}
		// including: "including one critically", "among them two children"
		if at(n-1)&lIncluding != 0 || at(n-2)&lAmong != 0 && at(n-1)&lSetPronoun != 0 {
			return SubsetIncluding
		}
		// "two Hamas militants were among the dead"
		if amongAfter(ts, n) {
			return SubsetIncluding
		}
	}
	// one of two counts joined by "and" before their one verb ("One DART
	// officer and four Dallas police officers were killed"), of one class
	if coordinated(c.Sentence, ts, n) {
		return SubsetBreakdown
	}
	// counted by an organisation named before the noun ("four Dallas
	// Police Department officers", "one DART officer"): that body's share
	if orgQualifier(c.Sentence, ts, n) != "" {
		return SubsetOrg
	}
	// relative: "the next two", "the first three"; for the dead also "the
	// other two", "the remaining three", "the two others" (for the
	// injured those are as often all the survivors of a death named in
	// the previous sentence)
	if at(n-2)&lThe != 0 && at(n-1)&lOrder != 0 ||
		killed && (at(n-2)&lThe != 0 && at(n-1)&lComplement != 0 ||
			at(n-1)&lThe != 0 && at(n+1)&(lOthers|lComplement) != 0) {
		return SubsetRelative
	}
	if killed {
		return ""
	}
	// pair: "one ... the other", "one ... a second"
	if !crossInjured && ts[n].num && ts[n].val == 1 {
		for i := n + 1; i+1 < len(ts); i++ {
			if ts[i].f&lThe != 0 && ts[i+1].f&lOther != 0 || ts[i].f&lA != 0 && ts[i+1].f&lSecond != 0 ||
				ts[i].brk && strings.EqualFold(ts[i+1].word(c.Sentence), "another") {
				return SubsetPair // "one ... the other", "one, ..., another, ..."
			}
		}
	}
	// condition: in the number's own clause
	if conditionIn(ts, n) || stillHospitalized(ts, n) || minorInjuries(ts, n) {
		return SubsetCondition
	}
	if meansIn(ts, n) {
		return SubsetMeans
	}
	if breakdown(c.Sentence, ts, n) {
		return SubsetBreakdown
	}
	return ""
}

// breakdown reports whether the number at n is one of two different
// counts that split a whole between two clauses joined by "while",
// "whereas", "and" or a semicolon, the second clause opening with its
// number (within three words), both with the same participle within six
// words after the number and before any other number ("ten were treated
// at X while three were treated at Y"); s is the sentence of ts.
func breakdown(s string, ts []token, n int) bool {
	for i := range ts {
		if ts[i].f&lSplit == 0 && !(ts[i].brk && ts[i].sep == ';') {
			continue
		}
		a0, a1, b0, b1 := 0, i, i+1, len(ts) // the number's half, the other half
		if i < n {
			a0, a1, b0, b1 = i+1, len(ts), 0, i
		}
		if n < a0 || n >= a1 {
			continue
		}
		m := -1
		for k := b0; k < b1 && m < 0; k++ {
			if ts[k].num {
				m = k
			}
		}
		// the second clause opens with its number ("while three were",
		// "and the other two were"), and the two numbers differ (a
		// headline glued to its story restates one count)
		second := n
		if i > n {
			second = m
		}
		if m < 0 || second-i > 3 || ts[m].val == ts[n].val {
			continue
		}
		// the participle comes before any other number of either clause
		for k := n + 1; k < a1 && k <= n+6 && !ts[k].num; k++ {
			w := ts[k].word(s)
			if !isParticiple(w) {
				continue
			}
			for j := m + 1; j < b1 && j <= m+6 && !ts[j].num; j++ {
				if strings.EqualFold(ts[j].word(s), w) {
					return true
				}
			}
		}
	}
	return false
}

// isParticiple reports a word that reads as a past participle: "treated",
// "taken", "shot", "hurt".
func isParticiple(w string) bool {
	if len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ED")) {
		return true
	}
	switch strings.ToLower(w) {
	case "shot", "hurt", "taken", "held", "struck", "found":
		return true
	}
	return false
}

// injuryIn reports whether ts speak of the wounded: "wounded",
// "injured", "hurt", "shooting" before a number, or "shot" but not "shot
// and killed", "shot dead", "shot to death" or "fatally shot".
func injuryIn(ts []token) bool {
	for i := range ts {
		f := ts[i].f
		switch {
		case f&lInjury != 0:
			return true
		case f&lShooting != 0 && i+1 < len(ts) && ts[i+1].num:
			return true // "charged with shooting four people"
		case f&lShot != 0 && !fatalShot(ts, i):
			return true
		}
	}
	return false
}

// setBefore reports whether the number at n follows a set named earlier
// in its sentence by "of" and a number, the "of" at the start of a clause
// or after "said", with a clause break between them: "Of the four
// wounded, three ...", "said of 30 people transported, 29 were taken";
// not "tens of thousands of protesters, killing seven".
func setBefore(ts []token, n int) bool {
	brk := false
	for k := n - 1; k >= 0; k-- {
		if ts[k].brk {
			brk = true
			continue
		}
		if !brk || ts[k].f&lOf == 0 {
			continue
		}
		m := k + 1
		if m < n && ts[m].f&lThe != 0 {
			m++
		}
		// a definite number, the "of" opening its clause or after "said"
		if m < n && ts[m].num && !math.IsNaN(ts[m].val) && (k == 0 || ts[k-1].brk || ts[k-1].f&lSaid != 0) {
			return true
		}
	}
	return false
}

// addedCount reports whether the number at n is marked as added to a
// count stated before: "another N", "an additional N", "the other N", "N
// more", "N other people", "N others".
func addedCount(s string, ts []token, n int) bool {
	if n < 0 {
		return false
	}
	if n > 0 && (ts[n-1].f&(lAdditive|lOther) != 0 || strings.EqualFold(ts[n-1].word(s), "another")) {
		return true
	}
	return n+1 < len(ts) && ts[n+1].f&(lAdditive|lOther|lOthers) != 0
}

// alsoAfter reports whether "also" follows the number at n in its clause,
// before the clause's verb of the dead or the wounded, within six words:
// "Four Dallas police officers also died", "two others were also hurt".
func alsoAfter(s string, ts []token, n int) bool {
	for i := n + 1; i < len(ts) && i <= n+6 && !ts[i].brk; i++ {
		if strings.EqualFold(ts[i].word(s), "also") {
			return true
		}
		if ts[i].f&(lDeath|lInjury|lShot) != 0 {
			return false
		}
	}
	return false
}

// anyFlagBefore reports whether a token of ts before n has one of the
// flags f.
func anyFlagBefore(ts []token, n int, f lexFlags) bool {
	return n > 0 && anyFlag(ts[:n], f)
}

// anyFlag reports whether a token of ts has one of the flags f.
func anyFlag(ts []token, f lexFlags) bool {
	for i := range ts {
		if ts[i].f&f != 0 {
			return true
		}
	}
	return false
}

// conditionIn reports whether the clause of the number at n qualifies it
// with a condition: a condition word right before it ("two critically
// wounded") or within ten words after it, before a clause break,
// another number or a word that starts another clause ("and", "while").
func conditionIn(ts []token, n int) bool {
	if n > 0 && ts[n-1].f&lConditionAdv != 0 {
		return true
	}
	for i := n + 1; i < len(ts) && i <= n+10; i++ {
		t := &ts[i]
		if t.brk || t.num || t.f&lClause != 0 {
			return false
		}
		if t.f&lConditionAdv != 0 || t.f&lConditionAdj != 0 && i+1 < len(ts) && ts[i+1].f&lCondition != 0 {
			return true
		}
	}
	return false
}

// shotBelow reports whether the sentence of the number at n has another
// count of the shot, smaller ("six more shot, and nearly 40 injured"): a
// count of the injured above it counts more than the wounded by gunfire.
func shotBelow(ts []token, n int) bool {
	if n < 0 || math.IsNaN(ts[n].val) {
		return false
	}
	for m := range ts {
		if m == n || !ts[m].num || math.IsNaN(ts[m].val) || ts[m].val >= ts[n].val {
			continue
		}
		for j := m + 1; j < len(ts) && j <= m+2 && !ts[j].brk; j++ {
			if ts[j].f&lShot != 0 && !fatalShot(ts, j) {
				return true
			}
		}
	}
	return false
}

// amongAfter reports whether the count at n is said, within four words
// and in its clause, to be "among the" dead or wounded, "among those"
// killed: a subset.
func amongAfter(ts []token, n int) bool {
	for i := n + 1; i+1 < len(ts) && i <= n+4 && !ts[i].brk; i++ {
		if ts[i].f&lAmong != 0 && ts[i+1].f&(lThe|lSetPronoun) != 0 {
			return true
		}
	}
	return false
}

// coordinated reports whether the number at n is one of two counts of one
// subject class joined by "and" with no verb between them, before their
// shared verb: "one DART officer and four Dallas police officers were
// killed", "ten men and two women died". Both are subsets of the whole.
func coordinated(s string, ts []token, n int) bool {
	head := func(i int) string {
		// the subject class of the count at i: its noun within four words
		for j := i + 1; j < len(ts) && j <= i+4 && !ts[j].brk && ts[j].f&(lSplit|lDeath|lInjury|lShot) == 0; j++ {
			if c, ok := subjectClasses[singular(strings.ToLower(ts[j].word(s)))]; ok {
				return c
			}
		}
		return ""
	}
	for _, m := range [...]int{n - 1, n + 1} {
		// the other number, beyond "and", with only nouns between
		dir := m - n
		for k := n + dir; k >= 0 && k < len(ts) && max(k-n, n-k) <= 6; k += dir {
			t := &ts[k]
			if t.brk || t.f&(lDeath|lInjury|lShot) != 0 || isParticiple(t.word(s)) && !t.num {
				break
			}
			if !t.num {
				continue
			}
			lo, hi := min(n, k), max(n, k)
			and := false
			for j := lo + 1; j < hi; j++ {
				if strings.EqualFold(ts[j].word(s), "and") {
					and = true
				}
			}
			if and && ts[k].val != ts[n].val {
				if h := head(n); h != "" && h == head(k) {
					return true
				}
			}
			break
		}
	}
	return false
}

// orgWords name a body of people counted by its own name: "Police",
// "Department", "Army".
var orgWords = setOf("police", "department", "sheriff", "sheriff's", "army", "force", "forces", "guard",
	"authority", "agency", "corps", "brigade", "battalion", "regiment", "transit", "ministry", "service")

// orgQualifier returns the organisation named between the number at n and
// its noun, in capitals ("four Dallas Police Department officers", "one
// DART officer": "Dallas Police Department", "DART"); "" when there is
// none (a place or a nationality: "five Dallas-area officers", "two
// Israeli soldiers").
func orgQualifier(s string, ts []token, n int) string {
	i := n + 1
	org := false
	for i < len(ts) && i <= n+5 && !ts[i].brk && !ts[i].num && capitalized(ts[i].word(s)) {
		w := ts[i].word(s)
		if orgWords[strings.ToLower(w)] || len(w) >= 2 && len(w) <= 6 && strings.ToUpper(w) == w {
			org = true
		}
		i++
	}
	if !org || i == n+1 || i >= len(ts) || ts[i].brk || capitalized(ts[i].word(s)) {
		return ""
	}
	// the noun follows the name: a count of people
	if _, ok := subjectClasses[singular(strings.ToLower(ts[i].word(s)))]; !ok {
		return ""
	}
	return s[ts[n+1].off : int(ts[i-1].off)+int(ts[i-1].len)]
}

// clauseAfter returns the end of the stretch of the number at n's clause
// that follows it, within eight words: up to a clause break, another
// number or a word that starts another clause.
func clauseAfter(ts []token, n int) int {
	i := n + 1
	for ; i < len(ts) && i <= n+8; i++ {
		t := &ts[i]
		if t.brk || t.num || t.f&lClause != 0 {
			break
		}
	}
	return i
}

// stillHospitalized reports whether the count at n is of the ones still in
// the hospital ("three victims remained at the hospital", "two are still
// hospitalized"): a subset of the wounded.
func stillHospitalized(ts []token, n int) bool {
	end := clauseAfter(ts, n)
	for i := n + 1; i < end; i++ {
		if ts[i].f&lStill == 0 {
			continue
		}
		for j := i + 1; j < end && j <= i+4; j++ {
			if ts[j].f&lHospitalized != 0 {
				return true
			}
		}
	}
	return false
}

// minorInjuries reports whether the count at n is of minor injuries ("one
// minor injury", "two were treated for minor injuries"): a condition.
func minorInjuries(ts []token, n int) bool {
	end := clauseAfter(ts, n)
	for i := n + 1; i < end; i++ {
		if ts[i].f&lMinor != 0 && i+1 < len(ts) && ts[i+1].f&lInjury != 0 {
			return true
		}
	}
	return false
}

// meansIn reports whether the clause of the count at n says how the
// victims came to a hospital ("ten were taken to hospitals by ambulance",
// "six arrived in private vehicles"): one way of several, a subset.
func meansIn(ts []token, n int) bool {
	for i := n + 1; i < len(ts) && i <= n+10 && !ts[i].brk; i++ {
		if ts[i].f&lMeans != 0 {
			return true
		}
	}
	return false
}

// token is one word of a sentence or a clause break.
type token struct {
	f   lexFlags // the word's flags in the lexicon
	val float64  // the value of a number
	off int32    // byte offset in the sentence
	len int16    // byte length
	num bool     // a number: digits or a number word
	brk bool     // a clause break: , ; : ( ) -- and dashes
	sep byte     // a clause break's first byte
}

// word returns the token's text in s, its sentence.
func (t *token) word(s string) string { return s[t.off : int(t.off)+int(t.len)] }

// tokenize splits s into words (letters, digits, inner hyphens and
// apostrophes, dots and commas between digits) and clause breaks (, ; : (
// ) -- and dashes), at most cap(dst) of them, each word looked up once in
// the lexicon. Other characters separate words.
func tokenize(s string, dst []token) []token {
	i := 0
	for i < len(s) && len(dst) < cap(dst) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isWordRune(r):
			j := i + size
			for j < len(s) {
				if c := s[j]; c < utf8.RuneSelf {
					if wordBytes[c] {
						j++
						continue
					}
					// a comma or dot between digits, a hyphen or
					// apostrophe inside a word
					if j+1 < len(s) && ((c == ',' || c == '.') && isDigit(s[j-1]) && isDigit(s[j+1]) ||
						(c == '-' || c == '\'') && wordBytes[s[j+1]]) {
						j++
						continue
					}
					break
				}
				d, dsize := utf8.DecodeRuneInString(s[j:])
				if isWordRune(d) || d == '’' && j+dsize < len(s) && wordBytes[s[j+dsize]] {
					j += dsize
					continue
				}
				break
			}
			if j-i > math.MaxInt16 || j > math.MaxInt32 {
				return dst // a sentence no one writes
			}
			t := token{off: int32(i), len: int16(j - i)}
			t.f, t.val, t.num = lookup(s[i:j])
			dst = append(dst, t)
			i = j
		case r == ',' || r == ';' || r == ':' || r == '(' || r == ')' || r == '—' || r == '–' ||
			r == '-' && i+1 < len(s) && s[i+1] == '-':
			if i > math.MaxInt32 {
				return dst
			}
			dst = append(dst, token{off: int32(i), len: int16(size), brk: true, sep: s[i]})
			i += size
			if r == '-' {
				i++
			}
		default:
			i += size
		}
	}
	return dst
}

// lookup returns the lexicon flags of a word, in any case, and its value
// when it is a number: digits (with thousands commas), an English number
// word up to ninety-nine ("twenty-one"), hundred, thousand or dozen.
func lookup(w string) (f lexFlags, val float64, num bool) {
	if isDigit(w[0]) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
		if err != nil || math.IsInf(v, 0) {
			return 0, 0, false
		}
		return 0, v, true
	}
	if len(w) > maxLexLen {
		return 0, 0, false
	}
	if e, ok := lexFind(w); ok {
		return e.f, e.val, e.num
	}
	// "twenty-one"
	if k := strings.IndexByte(w, '-'); k > 0 {
		t, _ := lexFind(w[:k])
		u, _ := lexFind(w[k+1:])
		if t.num && u.num && t.val >= 20 && t.val <= 90 && u.val >= 1 && u.val <= 9 {
			return 0, t.val + u.val, true
		}
	}
	return 0, 0, false
}

// The lexicon is an open-addressing table hashed on the lower-cased
// bytes, so that a word is looked up without lowering a copy of it.
const lexSlots = 1024

type lexSlot struct {
	word string // lower case; "" for an empty slot
	e    lexEntry
}

var lexTable [lexSlots]lexSlot

// lexHash is FNV-1a of w with ASCII letters lower-cased.
func lexHash(w string) uint32 {
	h := uint32(2166136261)
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// lexFind returns the lexicon entry of w, in any case.
func lexFind(w string) (lexEntry, bool) {
	for i := lexHash(w) % lexSlots; ; i = (i + 1) % lexSlots {
		sl := &lexTable[i]
		if sl.word == "" {
			return lexEntry{}, false
		}
		if len(sl.word) == len(w) && equalLower(sl.word, w) {
			return sl.e, true
		}
	}
}

// equalLower reports whether w equals low, a lower-case word of the same
// length, up to the case of ASCII letters.
func equalLower(low, w string) bool {
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != low[k] {
			return false
		}
	}
	return true
}

// isWordRune reports whether r is part of a word: a letter or a digit.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isWordByte(c byte) bool { return wordBytes[c] }

// wordBytes are the ASCII letters and digits.
var wordBytes = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// numberToken returns the index of the token that states c's value: the
// first number inside the claim's quote, the bytes [start, end) of the
// sentence, whose value is one of the claim's values, else the first
// number inside the quote; -1 when there is none.
func numberToken(c *schema.Claim, ts []token, start, end int) int {
	first := -1
	for k := range ts {
		t := &ts[k]
		if int(t.off) < start || int(t.off) >= end || !t.num {
			continue
		}
		if first < 0 {
			first = k
		}
		if v := t.val; c.ValueBest.Valid && c.ValueBest.V == v || c.ValueLow.Valid && c.ValueLow.V == v || c.ValueHigh.Valid && c.ValueHigh.V == v {
			return k
		}
	}
	return first
}

// quoteSpan returns the byte span of c's quote in its sentence, or the
// whole sentence when the quote is not found in it.
func quoteSpan(c *schema.Claim) (start, end int) {
	if q := strings.TrimSpace(c.Quote); q != "" {
		if i := strings.Index(c.Sentence, q); i >= 0 {
			return i, i + len(q)
		}
	}
	return 0, len(c.Sentence)
}

// Context rules, as returned by ContextRule: why a count is read as one
// about more than the event an article reports (several incidents, an
// area, the year so far, an earlier event) rather than the event's own.
const (
	ContextEvents = "events" // "in 12 shootings", "in four separate shootings", "109 homicides"
	ContextArea   = "area"   // "across the city", "citywide"
	ContextYear   = "year"   // "this year", "so far this year"
	ContextPast   = "past"   // "in 2007", "July 19, 2012", "three years ago", "last year"
)

// ContextRule reports whether the count c states is a context figure
// rather than the count of the event the article reports, and by which
// rule; "" when it is not. It reads c's whole sentence:
//
//   - events: a plural incident noun ("shootings", "attacks", "incidents",
//     "ambushes", "bombings", "stabbings", "homicides", "murders") with a
//     number of three or more or a word of number ("separate", "multiple",
//     "several", "series", "spate", "string", "rash", "wave", "numerous")
//     in the three words before it, or right after "in" ("in shootings
//     across the city"); "two shootings" is often one incident in two
//     places, and stays;
//   - area: "across the city", "citywide", in the number's clause
//     (between commas, semicolons, colons): a city's tally
//     over many incidents. A region or a country is not read as wider
//     than the event: a flood's or a quake's toll "across the region" is
//     the event's;
//   - year: "this year" (a count of the year so far), in the number's
//     clause;
//   - past: before the number, a year before the article's ("in 2007",
//     "July 19, 2012"; in January, a year two or more back), "years ago",
//     "a year ago", "last year": another, earlier event (after the number
//     ScopeRule reads them in the number's clause).
//
// Under a cluster key (KeyIn), where the key stands for one event, such a
// count is not the event's.
func ContextRule(c *schema.Claim) string {
	if c.Kind == schema.KindStatement || c.Sentence == "" {
		return ""
	}
	var toks [maxTokens]token
	ts := tokenize(c.Sentence, toks[:0])
	start, end := quoteSpan(c)
	return contextRule(c, ts, numberToken(c, ts, start, end), c.Published)
}

// contextRule is ContextRule on the tokens ts of c's sentence, n being the
// token of its number (-1 for none: the whole sentence is its clause), in
// an article whose event is on day ev (zero: unknown).
func contextRule(c *schema.Claim, ts []token, n int, ev time.Time) string {
	// the number's clause, between commas, semicolons and colons (a
	// dash or a parenthesis only sets off an aside: "35 people have been
	// shot — eight of them fatally — across the city"), for the area and
	// year rules: "57 died since May 7, and 100,000 were displaced across
	// the city" does not count the dead across the city
	clauseEnd := func(t *token) bool { return t.brk && (t.sep == ',' || t.sep == ';' || t.sep == ':') }
	lo, hi := 0, len(ts)
	if n >= 0 {
		for lo = n; lo > 0 && !clauseEnd(&ts[lo-1]); lo-- {
		}
		for hi = n; hi < len(ts) && !clauseEnd(&ts[hi]); hi++ {
		}
	}
	inClause := func(i int) bool { return i >= lo && i < hi }
	pubYear := 0
	if !ev.IsZero() {
		pubYear = ev.Year()
		if ev.Month() == time.January {
			pubYear-- // "Dec. 31, 2016" in a report of January 2, 2017
		}
	}
	for i := range ts {
		t := &ts[i]
		var prev lexFlags
		if i > 0 {
			prev = ts[i-1].f
		}
		switch {
		case t.f&lEventNoun != 0 && sitesAfter(c.Sentence, ts, i):
			return ContextEvents // "the bombing of UN schools and of housing"
		case t.f&lIncident != 0:
			if prev&lIn != 0 || i > 0 && (strings.EqualFold(ts[i-1].word(c.Sentence), "from") || strings.EqualFold(ts[i-1].word(c.Sentence), "by")) {
				return ContextEvents // "died from shootings in 2016"
			}
			for j := i - 1; j >= 0 && j >= i-3 && !ts[j].brk; j-- {
				if ts[j].num && ts[j].val >= 3 || ts[j].f&lMany != 0 {
					return ContextEvents
				}
			}
		case inClause(i) && (t.f&lAcross != 0 && i+2 < len(ts) && ts[i+1].f&lThe != 0 && ts[i+2].f&lArea != 0 ||
			t.f&lWide != 0):
			return ContextArea
		case inClause(i) && t.f&lYear != 0 && prev&lThis != 0:
			return ContextYear
		case n >= 0 && i > n:
			// after the number, a year or "years ago" is as often a
			// modifier of another noun ("in a region devastated by the
			// tsunami of 2004"); ScopeRule reads the number's clause
		case t.f&lYear != 0 && prev&lLast != 0, t.f&lAgo != 0 && prev&lYear != 0:
			return ContextPast
		case pubYear > 0 && t.num && t.len == 4 && t.val >= 1900 && int(t.val) < pubYear:
			return ContextPast
		}
	}
	return ""
}

// sites are plural nouns of places hit that, after an event noun and
// "of", make the event several ("the bombing of UN schools").
var sites = setOf("schools", "hospitals", "clinics", "mosques", "churches", "markets", "camps", "villages",
	"towns", "cities", "neighbourhoods", "neighborhoods")

// sitesAfter reports whether the event noun at i is followed by "of" and,
// within three words, a plural noun of sites hit: several incidents.
func sitesAfter(s string, ts []token, i int) bool {
	if i+2 >= len(ts) || ts[i+1].f&lOf == 0 {
		return false
	}
	for j := i + 2; j < len(ts) && j <= i+4 && !ts[j].brk && !ts[j].num; j++ {
		if w := ts[j].word(s); len(w) > 4 && sites[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// inURL reports whether the bytes [start, end) of s, a claim's quote in
// its sentence, lie in a web address ("http://.../1-dead-5-wounded/"): a
// slug, not a report.
func inURL(s string, start int) bool {
	i := strings.LastIndexAny(s[:start], " \t\n") + 1
	j := strings.IndexAny(s[start:], " \t\n")
	if j < 0 {
		j = len(s)
	} else {
		j += start
	}
	field := s[i:j]
	return strings.Contains(field, "://") || strings.HasPrefix(field, "www.") || strings.Contains(field, ".com/")
}

// isShotCount reports whether c counts the shot, the wounded and the dead
// together ("four people were shot", "shot seven people", "9 people shot,
// 1 fatally"): a count of the injured or the killed whose quote, the bytes
// [start, end) of the sentence, has "shot" and no word of the wounded
// ("wounded", "injured", "hurt") or of the dead ("killed", "dead",
// "fatally", "to death").
func isShotCount(c *schema.Claim, ts []token, start, end int) bool {
	switch strings.ToLower(strings.TrimSpace(c.Predicate)) {
	case "injured", "killed":
	default:
		return false
	}
	shot := false
	for i := range ts {
		t := &ts[i]
		if int(t.off) < start || int(t.off) >= end {
			continue
		}
		switch {
		case t.f&(lInjury|lDeath) != 0:
			return false
		case t.f&lShot != 0:
			if fatalShot(ts, i) {
				return false
			}
			shot = true
		case t.f&lShooting != 0 && i+1 < len(ts) && ts[i+1].num:
			shot = true // "accused of shooting 11 people"
		}
	}
	return shot
}

// fatalShot reports whether the "shot" at ts[i] is fatal: "fatally shot",
// "shot dead", "shot and killed", "shot to death" (a word of the dead
// within three words, in the same clause), also across the edge of a
// quote.
func fatalShot(ts []token, i int) bool {
	if i > 0 && ts[i-1].f&lFatally != 0 {
		return true
	}
	for j := i + 1; j < len(ts) && j <= i+3 && !ts[j].brk; j++ {
		if ts[j].f&lDeath != 0 {
			return true
		}
	}
	return false
}

// lexFlags are what the rules know of a word.
type lexFlags uint64

const (
	lThe lexFlags = 1 << iota
	lA
	lOf
	lIn
	lAcross
	lThis
	lLast
	lYear // "year", "years"
	lAgo
	lOther
	lOthers
	lSecond
	lShot
	lShooting
	lFatally
	lIncluding
	lAmong
	lCondition    // "condition"
	lSetRef       // may follow "N of" when N is a subset: "of the", "of them", "of whom"
	lSetPronoun   // "among them", "among those", "among whom"
	lOrder        // "the next two", "the first three"
	lComplement   // "the other two", "the remaining three"
	lConditionAdv // "critically", "seriously"
	lConditionAdj // "critical", "serious", "stable" before "condition"
	lClause       // starts another clause: "and", "while"
	lDeath        // a word of the dead
	lInjury       // a word of the wounded
	lIncident     // a plural incident noun: "shootings"
	lMany         // a word of number before incidents: "separate", "series"
	lArea         // "across the city"
	lWide         // "citywide"
	lSaid         // "said", "says"
	lSplit        // joins two clauses that split a count: "while", "whereas", "and"
	lMonth        // a month's name or abbreviation
	lSince        // "since"
	lSuperlative  // "deadliest", "worst", "bloodiest": before "since", a comparison
	lPeriod       // "week", "weeks", "month", "months", "decade", "decades"
	lAnother      // "another", "separate", "earlier", "previous": another event
	lEventNoun    // a singular event or target noun: "attack", "strike", "school"
	lHospital     // "hospital", "hospitals", "clinic": a hospital's patients
	lSubArea      // "district", "village", "town": an area inside the event's region
	lFew          // "few", "several", "many": "a few years ago"
	lThen         // "then"
	lBegan        // "began", "started": "since the assault began"
	lDuring       // "during"
	lRose         // "rose", "risen", "climbed": "the toll rose to"
	lTo           // "to"
	lAs           // "as": "as of Tuesday"
	lSo           // "so": "so far"
	lFar          // "far"
	lTrapped      // "trapped": the trapped are found, a quantity apart from the missing
	lGoesOn       // opens a clause that goes on from the one before: "killing", "where", "which"
	lScale        // "thousands", "millions": "hundreds of thousands" is one number
	lModifier     // starts a modifier of a noun after a count: "that", "which", "devastated"
	lTownOf       // "town", "village" before "of" and a name: "the town of Bireuen"
	lCame         // "came", "follows": "the shooting came six weeks after a massacre"
	lAgoStrict    // "ago", "earlier": "three years ago"
	lWeekday      // a day of the week, "today", "yesterday"
	lAdditive     // "additional", "further", "more": a count added to one stated before
	lIntake       // "received", "admitted", "treating": a hospital's intake
	lStill        // "still", "remained": "three remained in the hospital"
	lHospitalized // "hospitalized", "hospitalised"
	lMinor        // "minor", "non-life-threatening": before "injuries"
	lMeans        // "ambulance", "vehicles": how the victims came to a hospital
)

// lexEntry is one word of the lexicon.
type lexEntry struct {
	f   lexFlags
	val float64
	num bool
}

// maxLexLen is the length of the longest word of the lexicon.
const maxLexLen = 20

// lexicon is the words the rules know, in lexTable.
var lexicon = func() map[string]lexEntry {
	m := map[string]lexEntry{}
	add := func(f lexFlags, words ...string) {
		for _, w := range words {
			if len(w) > maxLexLen {
				panic("conflict: lexicon word too long: " + w)
			}
			e := m[w]
			e.f |= f
			m[w] = e
		}
	}
	for w, v := range map[string]float64{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
		"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
		"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
		"eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
		"dozen": 12, "half-dozen": 6,
	} {
		m[w] = lexEntry{val: v, num: true}
	}
	// vague amounts count too ("a handful of the wounded", "several of
	// them"), with no value of their own
	for _, w := range []string{"handful", "several", "dozens", "hundreds", "thousands", "scores", "few", "couple", "millions"} {
		m[w] = lexEntry{val: math.NaN(), num: true}
	}
	add(lThe, "the")
	add(lA, "a", "an")
	add(lOf, "of")
	add(lIn, "in")
	add(lAcross, "across")
	add(lThis, "this")
	add(lLast, "last")
	add(lYear, "year", "years")
	add(lAgo, "ago", "after", "earlier", "before", "later")
	add(lOther, "other")
	add(lOthers, "others")
	add(lSecond, "second", "third", "fourth", "fifth")
	add(lShot, "shot")
	add(lShooting, "shooting")
	add(lFatally, "fatally")
	add(lIncluding, "including")
	add(lAmong, "among")
	add(lCondition, "condition")
	add(lSetRef, "the", "them", "whom", "which", "those", "these", "us", "you")
	add(lSetPronoun, "them", "those", "whom")
	add(lOrder, "next", "first", "last", "final")
	add(lComplement, "other", "remaining", "rest")
	add(lConditionAdv, "critically", "seriously", "severely", "gravely", "life-threatening")
	add(lConditionAdj, "critical", "serious", "stable", "grave")
	add(lClause, "and", "while", "but", "whereas", "or", "when", "after", "before")
	add(lDeath, "died", "dead", "die", "dies", "killed", "killing", "kills", "fatally",
		"fatal", "death", "deaths", "slain", "murdered")
	add(lInjury, "wounded", "wounding", "injured", "injuring", "injuries", "injury", "hurt", "struck")
	add(lIncident, "shootings", "attacks", "incidents", "ambushes", "bombings",
		"stabbings", "homicides", "murders")
	add(lMany, "separate", "multiple", "several", "series", "spate", "string", "rash",
		"wave", "numerous", "dozens", "hundreds", "scores")
	add(lArea, "city")
	add(lWide, "citywide")
	add(lSaid, "said", "says")
	add(lSplit, "while", "whereas", "and")
	add(lMonth, "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
		"oct", "nov", "dec")
	add(lSince, "since")
	add(lSuperlative, "deadliest", "worst", "bloodiest", "largest", "biggest", "strongest", "most")
	add(lPeriod, "week", "weeks", "month", "months", "decade", "decades")
	add(lAnother, "another", "separate", "earlier", "previous", "prior")
	add(lEventNoun, "attack", "attacks", "strike", "airstrike", "shooting", "incident", "bombing", "blast",
		"explosion", "raid", "quake", "earthquake", "tsunami", "massacre", "ambush", "shelling", "school",
		"stampede", "fire", "crash", "flood", "storm", "hurricane", "war", "conflict", "clash", "clashes",
		"genocide", "uprising", "disaster", "tragedy")
	add(lHospital, "hospital", "hospitals", "clinic", "clinics", "infirmary")
	add(lSubArea, "district", "districts", "village", "sub-district", "subdistrict", "regency", "hamlet")
	add(lTownOf, "town", "village", "city", "neighbourhood", "neighborhood", "suburb")
	add(lCame, "came", "comes", "follows", "followed", "happened", "occurred")
	add(lAgoStrict, "ago", "earlier")
	add(lWeekday, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
		"yesterday", "tonight", "overnight")
	add(lFew, "few", "several", "many", "some")
	add(lThen, "then")
	add(lBegan, "began", "begun", "started", "start", "beginning", "erupted", "broke")
	add(lDuring, "during", "on", "at")
	add(lRose, "rose", "risen", "climbed", "jumped", "increased", "reached", "revised", "raised", "lowered",
		"corrected", "updated", "fell", "dropped", "decreased")
	add(lAdditive, "additional", "further", "more")
	add(lIntake, "received", "receiving", "admitted", "admitting", "treating", "treated")
	add(lStill, "still", "remained", "remain", "remains")
	add(lHospitalized, "hospitalized", "hospitalised", "hospital", "hospitals")
	add(lMinor, "minor", "non-life-threatening", "superficial", "light")
	add(lMeans, "ambulance", "ambulances", "vehicle", "vehicles", "car", "cars", "helicopter", "helicopters")
	add(lTo, "to")
	add(lAs, "as")
	add(lSo, "so")
	add(lFar, "far")
	add(lTrapped, "trapped")
	add(lScale, "thousand", "thousands", "million", "millions", "billion", "billions")
	add(lModifier, "that", "which", "who", "whom", "where", "devastated", "hit", "struck", "ravaged",
		"affected", "known", "home")
	add(lGoesOn, "killing", "leaving", "injuring", "wounding", "where", "which", "who", "with", "bringing",
		"including", "in", "when")
	for w, e := range m {
		i := lexHash(w) % lexSlots
		for lexTable[i].word != "" {
			i = (i + 1) % lexSlots
		}
		lexTable[i] = lexSlot{word: w, e: e}
	}
	return m
}()

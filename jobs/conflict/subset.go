package conflict

import (
	"math"
	"strings"

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
	var toks [maxTokens]token
	ts, n, ok := claimTokens(c, toks[:0])
	if !ok {
		return ""
	}
	return subsetRule(c, ts, n)
}

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

package conflict

import (
	"strings"
	"time"

	"github.com/claimscan/claimscan/schema"
)

// Quantity scopes, as returned by ScopeRule: what a claim counts beside
// the event's own total. They end the subject class of a claim_key
// (OtherSuffix; SubsetSuffix, with a name when the subset has one), except
// ScopeSince, the fifth field of the key (TotalSince).
const (
	ScopeOther    = "other"    // another event or another time: "in 2004", "last year", "in another attack"
	ScopeSince    = "since"    // a running total over a period: "since the assault began", "since late April"
	ScopeHospital = "hospital" // one hospital's or clinic's patients
	ScopeArea     = "area"     // a district, village or town of the event's region
)

// OtherSuffix ends the subject class of a claim_key for a figure about
// another event or another time than the article's event (see ScopeRule):
// "killed|people/other|#37|2013". Such keys are never compared.
const OtherSuffix = "/other"

// ArticleContext is what the quantity scope of a claim needs to know of
// its article beyond the claim's sentence: the date, year and kind of the
// article's event and the place the article is about.
type ArticleContext struct {
	// Event is the date of the event the article reports (articleEvent):
	// the first full date of its opening when it is at most 400 days
	// before publication, else the publication's day; zero when unknown.
	Event time.Time
	// Year is the year of the article's event: Event's, else the year of
	// the first date of its text ("July 03, 2013"); 0 when unknown.
	Year int
	// Kind is the kind of event the article reports (EventKind); "" when
	// unknown.
	Kind string
	// Place is the article's main place (the location the extractor gives
	// the claims whose clause names none); "" when unknown.
	Place string
	// Text is the article's text, for the sentence before a claim's; ""
	// leaves the background rule out.
	Text string
}

// ContextOf returns the ArticleContext of an article with the given text,
// publication time and claims (the claims of the article as extracted).
func ContextOf(text string, published time.Time, claims []schema.Claim) ArticleContext {
	a := ArticleContext{Text: text, Event: articleEvent(text, published), Kind: EventKind(text)}
	if !a.Event.IsZero() {
		a.Year = a.Event.Year()
	} else {
		a.Year = firstDateYear(text)
	}
	counts := map[string]int{}
	best := 0
	for i := range claims {
		c := &claims[i]
		if c.Location == "" {
			continue
		}
		w := 1
		if c.LocationMention == "" {
			w = 100 // the main place, given to claims whose clause names none
		}
		counts[c.Location] += w
		if n := counts[c.Location]; n > best || n == best && c.Location < a.Place {
			a.Place, best = c.Location, n
		}
	}
	return a
}

// firstDateYear returns the year of the first date written with its month
// in the first 600 bytes of text ("July 03, 2013", "3 July 2013", "Nov
// 10, 2011"), or 0.
func firstDateYear(text string) int {
	if len(text) > 600 {
		text = text[:600]
	}
	var toks [maxTokens]token
	ts := tokenize(text, toks[:0])
	for i := range ts {
		t := &ts[i]
		if !isYear(t) {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if ts[j].f&lMonth != 0 {
				return int(t.val)
			}
		}
	}
	return 0
}

// isYear reports whether t is a four-digit year from 1900 to 2099.
func isYear(t *token) bool {
	return t.num && t.len == 4 && t.val >= 1900 && t.val < 2100 && t.val == float64(int(t.val))
}

// scope is what ScopeRule found: the scope and, for a subset, its name ("" for
// an unnamed subset, which is never compared).
type scope struct {
	kind string
	name string
}

// ScopeRule returns the quantity scope of c within an article of context a:
// "" for the event's own count, else ScopeOther, ScopeSince,
// ScopeHospital or ScopeArea, and for a subset the name of the subset when the
// text gives one (a district's, a hospital's). The package documentation
// gives the rules.
func ScopeRule(c *schema.Claim, a ArticleContext) (kind, name string) {
	var toks [maxTokens]token
	ts, n, ok := claimTokens(c, toks[:0])
	if !ok {
		return "", ""
	}
	s := scopeRule(c, ts, n, a)
	return s.kind, s.name
}

// background reports whether the sentence s, which states no time of its
// own, follows in text a sentence that opens on another time than the
// article's ("In April last year an 8.6-magnitude quake struck ... . Five
// people died and seven were injured"): a background paragraph goes on.
func background(text, s string, ts []token, year int) bool {
	for i := range ts {
		if ts[i].f&(lMonth|lWeekday) != 0 || isYear(&ts[i]) {
			return false
		}
	}
	i := strings.Index(text, s)
	if i <= 0 {
		return false
	}
	prev := strings.TrimRight(text[max(0, i-400):i], " \t\r\n")
	if !strings.HasSuffix(prev, ".") {
		return false
	}
	prev = prev[:len(prev)-1]
	for _, end := range [...]string{". ", "? ", "! ", "\n"} {
		if j := strings.LastIndex(prev, end); j >= 0 {
			prev = prev[j+len(end):]
		}
	}
	var toks [maxTokens]token
	pts := tokenize(prev, toks[:0])
	for k := 0; k < len(pts) && k < 6; k++ {
		t := &pts[k]
		switch {
		case isYear(t) && year > 0 && int(t.val) < year:
			return true
		case t.f&lLast != 0 && k+1 < len(pts) && pts[k+1].f&(lYear|lPeriod) != 0:
			return true
		case t.f&lAgoStrict != 0 && k > 0 && pts[k-1].f&(lYear|lPeriod) != 0:
			return true
		}
	}
	return false
}

// clauseOf returns the token range [lo, hi) of the clause of the number at
// n: between commas, semicolons and colons.
func clauseOf(ts []token, n int) (lo, hi int) {
	clauseEnd := func(t *token) bool { return t.brk && (t.sep == ',' || t.sep == ';' || t.sep == ':') }
	lo, hi = 0, len(ts)
	if n >= 0 {
		for lo = n; lo > 0 && !clauseEnd(&ts[lo-1]); lo-- {
		}
		for hi = n; hi < len(ts) && !clauseEnd(&ts[hi]); hi++ {
		}
	}
	return lo, hi
}

// leadClause returns the end of a sentence's leading locative or time
// clause ("In neighbouring Central Aceh district, 10 people were killed",
// "In 2004, a tsunami killed ..."): the first comma when the sentence opens
// with "in", "on", "at", "during" or "last"; 0 when there is none.
func leadClause(ts []token) int {
	if len(ts) == 0 || ts[0].f&(lIn|lLast|lDuring) == 0 {
		return 0
	}
	for i := 1; i < len(ts) && i < 12; i++ {
		if ts[i].brk && ts[i].sep == ',' {
			return i
		}
		if ts[i].num && !isYear(&ts[i]) {
			return 0
		}
	}
	return 0
}

// scopeRule is ScopeRule on the tokens ts of c's sentence, n being the
// token of its number (-1 for none).
func scopeRule(c *schema.Claim, ts []token, n int, a ArticleContext) scope {
	lo, hi := clauseOf(ts, n)
	if n >= 0 && lo > 0 {
		// a leading "In 2004," or "In Bener Meriah district," sets the
		// scene for the whole sentence
		if lead := leadClause(ts); lead > 0 && lead < n {
			if s := scopeIn(c, ts, 0, lead, n, a); s.kind != "" {
				return s
			}
		}
	}
	if s := scopeIn(c, ts, lo, hi, n, a); s.kind != "" {
		return s
	}
	if s := nextClause(c, ts, lo, hi, a); s.kind != "" {
		return s
	}
	// a clause that goes on from the one before ("..., killing 170,000",
	// "..., where close to a million were massacred") shares its scope
	for k := 0; k < 2 && lo > 1 && ts[lo].f&lGoesOn != 0; k++ {
		plo, phi := clauseOf(ts, lo-2)
		if s := scopeIn(c, ts, plo, phi, n, a); s.kind != "" {
			return s
		}
		lo = plo
	}
	// "came six weeks after a massacre in Orlando, ... where a gunman
	// killed 49": an earlier event named anywhere before the number
	if n > 0 && eventBefore(ts, n) {
		return scope{kind: ScopeOther}
	}
	if a.Text != "" && background(a.Text, c.Sentence, ts, a.Year) {
		return scope{kind: ScopeOther}
	}
	return scope{}
}

// eventBefore reports whether the tokens before n compare the event with
// an earlier one: an event noun, "came" or "follows", a period and
// "after", then an event noun within four words or the number itself in
// the clause "after" opens ("the shooting came six weeks after a
// massacre", "comes a little over a month after Adam Lanza killed 20
// children"; not "four weeks after a massacre in which six were killed,
// police have a suspect", the event itself).
func eventBefore(ts []token, n int) bool {
	came := -1
	for i := 1; i+1 < n; i++ {
		if ts[i].f&lCame != 0 && came < 0 {
			for j := i - 1; j >= 0 && j >= i-3; j-- {
				if ts[j].f&lEventNoun != 0 {
					came = i
				}
			}
		}
		if came < 0 || ts[i].f&(lYear|lPeriod) == 0 || ts[i+1].f&lAgo == 0 {
			continue
		}
		measured := false // "six weeks", "a little over a month"
		for j := i - 1; j >= 0 && j >= i-4 && !ts[j].brk; j-- {
			if ts[j].num || ts[j].f&(lA|lFew) != 0 {
				measured = true
				break
			}
		}
		if !measured {
			continue
		}
		for j := i + 2; j < n && j <= i+5; j++ {
			if ts[j].f&lEventNoun != 0 {
				return true
			}
		}
		// the number in the clause "after" opens: "comes a month after
		// Adam Lanza killed 20 children"
		inClause := true
		for j := i + 2; j < n; j++ {
			if ts[j].brk {
				inClause = false
			}
		}
		if inClause {
			return true
		}
	}
	return false
}

// asides marks the tokens of [lo, hi) inside a parenthesis or between two
// dashes that do not hold the number at n ("a man -- he spent time in
// prison a decade ago -- killed six"): an aside says nothing of the count.
func asides(ts []token, lo, hi, n int, out []bool) []bool {
	out = append(out[:0], make([]bool, hi-lo)...)
	open := -1
	for i := lo; i < hi; i++ {
		t := &ts[i]
		if !t.brk {
			continue
		}
		switch {
		case t.sep == '(':
			open = i
		case t.sep == ')' || (t.sep == '-' || t.sep == 0xE2) && open >= 0:
			if open >= 0 && !(n > open && n < i) {
				for k := open; k <= i; k++ {
					out[k-lo] = true
				}
			}
			open = -1
		case t.sep == '-' || t.sep == 0xE2:
			open = i
		}
	}
	return out
}

// scopeIn reads the tokens [lo, hi) of a sentence for the scope of the
// number at n.
func scopeIn(c *schema.Claim, ts []token, lo, hi, n int, a ArticleContext) scope {
	s := c.Sentence
	// after the number, a modifier of another noun ("in a region
	// devastated by the tsunami of 2004", "a city that ...") says nothing
	// of the count
	if n >= lo && n < hi {
		for j := n + 1; j < hi; j++ {
			if ts[j].f&lModifier != 0 && (!participleModifier(s, &ts[j]) || j+1 < hi && strings.EqualFold(ts[j+1].word(s), "by")) {
				hi = j
				break
			}
		}
	}
	if n >= lo && n < hi {
		if superseded(s, ts, n) {
			return scope{kind: ScopeOther} // "revised from eight to six": the earlier figure
		}
		if intake(s, ts, lo, n) {
			return scope{kind: ScopeHospital} // "we have received 50 people": one hospital's
		}
	}
	var buf [maxTokens]bool
	aside := asides(ts, lo, hi, n, buf[:0])
	for i := lo; i < hi; i++ {
		t := &ts[i]
		if aside[i-lo] {
			continue
		}
		var prev lexFlags
		if i > 0 {
			prev = ts[i-1].f
		}
		switch {
		case isYear(t):
			if i > 0 && ts[i-1].f&lSince != 0 {
				// "since 2011": a wider period than the event's, unless
				// the event's own year
				if a.Year > 0 && int(t.val) == a.Year {
					return scope{kind: ScopeSince}
				}
				return scope{kind: ScopeOther}
			}
			if a.Year > 0 && int(t.val) < a.Year {
				return scope{kind: ScopeOther}
			}
		case t.f&lSince != 0:
			// "the deadliest since ...": a comparison with an earlier event
			for j := i - 1; j >= lo && j >= i-4; j-- {
				if ts[j].f&lSuperlative != 0 {
					return scope{kind: ScopeOther}
				}
			}
			if sinceStart(ts, i, hi) {
				return scope{kind: ScopeSince}
			}
		case t.f&(lYear|lPeriod) != 0 && prev&lLast != 0:
			return scope{kind: ScopeOther} // "last year", "last month"
		case t.f&lAnother != 0 && i+1 < hi:
			// "in another attack", "a separate shooting", "an earlier
			// strike on another UN school"
			for j := i + 1; j < hi && j <= i+3; j++ {
				if ts[j].f&lEventNoun != 0 {
					return scope{kind: ScopeOther}
				}
			}
		case t.f&lHospital != 0:
			// one named hospital's patients ("taken to the hospital" is
			// often everyone hurt)
			if name := namedBefore(s, ts, i, lo); name != "" {
				return scope{kind: ScopeHospital, name: name}
			}
		case pointEvent(a.Kind) && t.f&lEventNoun != 0 && elsewhere(s, ts, i, hi, a):
			// "the reported bombing of Guffa in Upper Nile state, which
			// killed seven": an incident at a place that is not the
			// article's is another incident
			return scope{kind: ScopeOther}
		case t.f&(lSubArea|lTownOf) != 0:
			name := ""
			if t.f&lSubArea != 0 {
				name = namedBefore(s, ts, i, lo) // "Bener Meriah district"
			}
			if name == "" && t.f&lTownOf != 0 {
				if i+2 >= hi || ts[i+1].f&lOf == 0 {
					continue
				}
				if name = namedAfter(s, ts, i+2, hi); name == "" {
					continue // "the town of Bireuen"
				}
			}
			if name != "" && ownPlace(a, name) {
				continue // the article's own place
			}
			if name == "" && (i == 0 || ts[i-1].f&lThe == 0) {
				continue // "district officials": not a place named
			}
			if pointEvent(a.Kind) {
				if name == "" {
					continue
				}
				// a shooting or a bombing happens at one place: a count
				// at another town is another incident ("an airstrike in
				// the neighbourhood of Zeitun")
				return scope{kind: ScopeOther}
			}
			return scope{kind: ScopeArea, name: name}
		}
	}
	if agoBefore(ts, lo, hi, aside) {
		return scope{kind: ScopeOther}
	}
	return scope{}
}

// participleModifier reports whether t is a participle that modifies a
// noun only when "by" follows ("a region hit by the tsunami"; not "when a
// shell hit a school").
func participleModifier(s string, t *token) bool {
	switch strings.ToLower(t.word(s)) {
	case "devastated", "hit", "struck", "ravaged", "affected":
		return true
	}
	return false
}

// superseded reports whether the number at n is the earlier figure of a
// revision: "from N to M" after a verb of change ("the number of injured
// was revised from eight to six", "the toll rose from 5 to 12"), or a
// sentence opening on "originally" or "initially" ("Originally, reports
// said that eight teens were injured, but ...").
func superseded(s string, ts []token, n int) bool {
	// "Originally, reports said that eight teens were injured"
	for j := 0; j < n && j < 3; j++ {
		switch strings.ToLower(ts[j].word(s)) {
		case "originally", "initially":
			return true
		}
	}
	if n < 2 || !strings.EqualFold(ts[n-1].word(s), "from") {
		return false
	}
	to := false
	for j := n + 1; j < len(ts) && j <= n+2; j++ {
		if ts[j].f&lTo != 0 && j+1 < len(ts) && ts[j+1].num {
			to = true
		}
	}
	if !to {
		return false
	}
	for j := n - 2; j >= 0 && j >= n-6; j-- {
		if ts[j].f&lRose != 0 {
			return true
		}
	}
	return false
}

// intake reports whether the number at n counts a speaker's own intake of
// patients: "we" and a verb of intake before it, in its clause from lo
// ("We have received around 50 people with injuries", a doctor said): one
// hospital's or clinic's patients.
func intake(s string, ts []token, lo, n int) bool {
	for i := max(lo, n-6); i < n; i++ {
		if !strings.EqualFold(ts[i].word(s), "we") {
			continue
		}
		for j := i + 1; j < n; j++ {
			if ts[j].f&lIntake != 0 {
				return true
			}
		}
	}
	return false
}

// nextClause reads the clause after the number's clause [lo, hi) when it
// qualifies the number's clause: an apposition to the place that ends it
// ("in Takengon, the capital of Central Aceh district": a district's
// town, an area within the event's region), or a modifier of the event noun
// that ends it, with an earlier time ("died in the civil war, waged since
// 1955": another event).
func nextClause(c *schema.Claim, ts []token, lo, hi int, a ArticleContext) scope {
	if hi+2 >= len(ts) || hi == lo || ts[hi].sep != ',' {
		return scope{}
	}
	end := hi + 1
	for end < len(ts) && !ts[end].brk {
		end++
	}
	s := c.Sentence
	first := &ts[hi+1]
	switch {
	case first.f&(lThe|lA) != 0 && capitalized(ts[hi-1].word(s)) && !pointEvent(a.Kind):
		// an apposition to the place that ends the clause
		for i := hi + 2; i < end; i++ {
			if ts[i].f&lSubArea == 0 {
				continue
			}
			name := namedBefore(s, ts, i, hi+2)
			if name == "" {
				continue
			}
			if place := strings.TrimSpace(c.LocationMention); place != "" {
				name = place // where it happened: the town
			}
			if ownPlace(a, name) {
				return scope{}
			}
			return scope{kind: ScopeArea, name: name}
		}
	case first.f&lModifier != 0 || isParticiple(first.word(s)):
		// a modifier of the event noun that ends the clause
		event := false
		for i := max(lo, hi-3); i < hi; i++ {
			if ts[i].f&lEventNoun != 0 {
				event = true
			}
		}
		if !event || a.Year == 0 {
			return scope{}
		}
		for i := hi + 1; i < end; i++ {
			if isYear(&ts[i]) && int(ts[i].val) < a.Year {
				return scope{kind: ScopeOther}
			}
		}
	}
	return scope{}
}

// agoBefore reports whether tokens [lo, hi) hold a time before the event:
// "three years ago", "a year earlier" ("two weeks after" is as often a
// time after the event: "died two weeks after he was wounded").
func agoBefore(ts []token, lo, hi int, aside []bool) bool {
	for i := lo + 1; i+1 < hi; i++ {
		if aside[i-lo] || ts[i].f&(lYear|lPeriod) == 0 || ts[i+1].f&lAgoStrict == 0 {
			continue
		}
		if ts[i-1].num || ts[i-1].f&(lA|lFew) != 0 {
			return true
		}
	}
	return false
}

// sinceStart reports whether the "since" at i starts a period: a month, a
// year, "then", or "the ... began/started" within six words.
func sinceStart(ts []token, i, hi int) bool {
	for j := i + 1; j < hi && j <= i+6; j++ {
		switch {
		case ts[j].f&(lMonth|lThen) != 0, isYear(&ts[j]):
			return true
		case ts[j].f&lBegan != 0:
			return true
		}
	}
	return false
}

// runningTotal reports whether the claim's clause, in sentence s, gives a
// running total at a stated time: "the toll rose to 24", "as of Tuesday",
// "so far", "currently in custody".
func runningTotal(s string, ts []token, n int) bool {
	if n < 0 {
		return false
	}
	lo, hi := clauseOf(ts, n)
	for i := lo; i < hi; i++ {
		f := ts[i].f
		switch {
		case f&lRose != 0 && i+1 < hi && ts[i+1].f&lTo != 0:
			return true
		case f&lAs != 0 && i+1 < hi && ts[i+1].f&lOf != 0:
			return true
		case f&lSo != 0 && i+1 < hi && ts[i+1].f&lFar != 0:
			return true
		case f == 0 && strings.EqualFold(ts[i].word(s), "currently"):
			return true
		}
	}
	return false
}

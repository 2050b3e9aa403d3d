package conflict

import (
	"strings"
	"time"

	"github.com/claimscan/claimscan/schema"
)

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
	var toks [maxTokens]token
	ts, n, ok := claimTokens(c, toks[:0])
	if !ok {
		return ""
	}
	return contextRule(c, ts, n, c.Published)
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
	lo, hi := clauseOf(ts, n)
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

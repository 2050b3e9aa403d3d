package conflict

import (
	"strconv"
	"strings"
	"time"

	"github.com/claimscan/claimscan/schema"
)

// Scope buckets that are not years.
const (
	// ScopeOpen is the time bucket of a claim with neither a scope nor a
	// publication date.
	ScopeOpen = "open"
)

// closedMin is the shortest closed period that gets its own bucket; a
// shorter one (a day, a week) is the event itself and is bucketed like an
// open scope.
const closedMin = 60 * 24 * time.Hour

// Key returns the claim_key of c: "predicate|subject class|place key|time
// bucket", for example "killed|civilians|adlab|2019". Claims with the same
// key are candidates for a conflict; claims with different keys are never
// paired. Key returns "" for statements, claims without a value, claims
// whose predicate is "" or "other", and money claims without a subject:
// those are not compared. The subject class of a partial count ("one of
// the victims", "two were critically wounded"; see PartRule) ends in
// PartSuffix, and such keys are not compared either (Comparable).
//
// Key is pure, allocates little and is safe for concurrent use; the
// package documentation gives the rules for each part.
func Key(c *schema.Claim) string { return KeyIn(c, "") }

// KeyIn is Key for a claim whose article belongs to an input cluster (the
// JSONL "cluster" field: articles about one event). A non-empty cluster
// takes the place of the place key, as "#" and the cluster, so that the
// claims of one event meet whatever place each article names and the
// claims of two events never do. KeyIn(c, "") is Key(c).
func KeyIn(c *schema.Claim, cluster string) string {
	var k Keyer
	return k.KeyIn(c, cluster)
}

// Keyer computes claim_keys as KeyIn does, reading each sentence once for
// consecutive claims of one sentence, as the claims of an article come.
// Its zero value is ready to use; it is not safe for concurrent use.
type Keyer struct {
	art      ArticleContext // of the article whose claims come (SetArticle)
	sentence string         // the sentence of toks[:n]
	n        int            // its number of tokens
	read     bool           // sentence was read
	toks     [maxTokens]token
}

// tokens returns the words of s, tokenized at most once in a row.
func (k *Keyer) tokens(s string) []token {
	if !k.read || s != k.sentence {
		k.sentence, k.n, k.read = s, len(tokenize(s, k.toks[:0])), true
	}
	return k.toks[:k.n]
}

// SetKeys sets the claim_key of each of an article's claims: KeyIn with
// the article's cluster (or none), against the article's context
// (ContextOf its text, publication time and claims). It is what a run does
// for every article.
func SetKeys(claims []schema.Claim, text string, published time.Time, cluster string) {
	var k Keyer
	k.SetArticle(ContextOf(text, published, claims))
	for i := range claims {
		claims[i].ClaimKey = k.KeyIn(&claims[i], cluster)
	}
}

// SetArticle sets the context of the article whose claims come next: its
// year and main place, which the quantity scope rules read (ScopeRule).
// Without it (a zero context) the rules that need them do not apply.
func (k *Keyer) SetArticle(a ArticleContext) { k.art = a }

// KeyIn returns KeyIn(c, cluster), reading c's quantity scope against the
// context SetArticle gave.
func (k *Keyer) KeyIn(c *schema.Claim, cluster string) string {
	if c.Kind == schema.KindStatement || (!c.ValueLow.Valid && !c.ValueBest.Valid && !c.ValueHigh.Valid) {
		return ""
	}
	pred := strings.ToLower(strings.TrimSpace(c.Predicate))
	if pred == "" || pred == "other" {
		return ""
	}
	subj := SubjectClass(c.Subject)
	if subj == "" && humanPredicates[pred] {
		subj = SubjectPeople
	}
	if subj == "" && pred == "money" {
		return "" // an amount of money, but of what?
	}
	q := qualify(c, cluster != "", k)
	if q.url {
		return "" // a number in a web address
	}
	var pk string // the place key, or empty and its skeleton in skel
	var sk [64]byte
	var skel []byte
	if cluster == "" {
		place := c.Location
		if strings.TrimSpace(place) == "" {
			place = c.LocationMention
		}
		if p, ok := placeOf(place); ok {
			// the country blocks; the detector keeps apart the places
			// that do not nest (Item.Event)
			pk = "=" + p.Country
		} else {
			pk, skel = placeKey(place, sk[:0])
		}
	}
	unit := strings.ToLower(strings.TrimSpace(c.Unit))
	if countUnits[unit] || SubjectClass(unit) == subj {
		unit = ""
	}
	if unit == "" && q.shot {
		pred = ShotPredicate
	}
	if pred == "missing" && q.trapped {
		pred = TrappedPredicate
	}

	var b strings.Builder
	b.Grow(len(pred) + len(unit) + len(subj) + len(pk) + len(skel) + len(c.ArticleID) + len(cluster) + 25)
	b.WriteString(pred)
	if unit != "" {
		b.WriteByte(':')
		b.WriteString(unit)
	}
	b.WriteByte('|')
	b.WriteString(subj)
	switch {
	case q.scope.kind == ScopeOther:
		b.WriteString(OtherSuffix)
	case q.ctx:
		b.WriteString(ContextSuffix)
	case q.part:
		b.WriteString(PartSuffix)
	case q.scope.kind == ScopeHospital || q.scope.kind == ScopeArea:
		b.WriteString(PartSuffix)
		if pk := partName(q.scope); pk != "" {
			b.WriteByte(':')
			b.WriteString(pk)
		}
	}
	b.WriteByte('|')
	switch {
	case cluster != "":
		b.WriteByte('#')
		b.WriteString(cluster)
	case len(skel) > 0:
		b.Write(skel)
	case pk == "":
		// no place: the claim is comparable only inside its own article
		b.WriteByte('@')
		b.WriteString(c.ArticleID)
	default:
		b.WriteString(pk)
	}
	b.WriteByte('|')
	if c.Published.IsZero() && c.ScopeStart.IsZero() && k.art.Year > 0 {
		// no date but the text's: its year
		b.Write(strconv.AppendInt(nil, int64(k.art.Year), 10))
	} else {
		writeBucket(&b, c.ScopeStart, c.ScopeEnd, c.Published, cluster != "")
	}
	switch {
	case q.scope.kind == ScopeSince:
		b.WriteString("|" + TotalSince)
	case q.running:
		b.WriteString("|" + TotalAsOf)
	}
	return b.String()
}

// Running totals, the optional fifth part of a claim_key: claims are
// grouped on the first four parts, and the detector reads the fifth.
const (
	// TotalSince marks a running total over a period that began before the
	// event ("since the assault began", "since late April"). It is not
	// paired with a count of no period that is less than half of it or
	// more than twice it: the period's toll against one incident's.
	TotalSince = "since"
	// TotalAsOf marks a running total at a stated time ("the toll rose to
	// 24", "as of Tuesday", "so far"): the event's count, but one that may
	// still grow, so a pair of it against a higher figure weighs less.
	TotalAsOf = "asof"
)

// GroupKey returns the part of a claim_key that claims are grouped on
// (its first four parts: without the running-total mark), the key of the
// claim's Item.
func GroupKey(key string) string {
	g, _ := splitKey(key)
	return g
}

// splitKey returns the grouping part of a claim_key (its first four
// parts) and its running-total mark ("", TotalSince or TotalAsOf).
func splitKey(key string) (group, total string) {
	i := strings.LastIndexByte(key, '|')
	if i < 0 {
		return key, ""
	}
	switch key[i+1:] {
	case TotalSince, TotalAsOf:
		return key[:i], key[i+1:]
	}
	return key, ""
}

// qualifiers are what the words of a claim's sentence say about the
// quantity it counts.
type qualifiers struct {
	scope   scope // the quantity scope (ScopeRule)
	trapped bool  // a count of the missing that are trapped
	running bool  // a running total at a stated time ("the toll rose to")
	part    bool  // a part of a larger count (PartRule)
	ctx     bool  // with a cluster: a count about more than the event (ContextRule)
	shot    bool  // a count of the shot, the dead included
	url     bool  // the number is in a web address
}

func qualify(c *schema.Claim, cluster bool, k *Keyer) qualifiers {
	var q qualifiers
	if c.Sentence == "" {
		return q
	}
	start, end := quoteSpan(c)
	if inURL(c.Sentence, start) {
		q.url = true
		return q
	}
	ts := k.tokens(c.Sentence)
	n := numberToken(c, ts, start, end)
	q.part = partRule(c, ts, n) != ""
	q.ctx = cluster && contextRule(c, ts, n) != ""
	q.shot = isShotCount(c, ts, start, end)
	q.scope = scopeRule(c, ts, n, k.art)
	q.running = runningTotal(ts, n)
	for i := range ts {
		if int(ts[i].off) >= start && int(ts[i].off) < end && ts[i].f&lTrapped != 0 {
			q.trapped = true
		}
	}
	return q
}

// partName is the key of a named part ("bnrmrah" for "Bener Meriah
// district"), or "" for an unnamed one.
func partName(s scope) string {
	if s.name == "" {
		return ""
	}
	return PlaceKey(s.name)
}

// PartSuffix ends the subject class of a claim_key for a partial count
// (see PartRule): "injured|people/part|#gva-1|2016". Claims with such a
// key are never compared (Comparable).
const PartSuffix = "/part"

// ContextSuffix ends the subject class of a claim_key, under a cluster
// key, for a context figure: a count over several incidents, an area or
// the year so far, or of an earlier event (see ContextRule):
// "injured|people/ctx|#gva-1|2016". Claims with such a key are never
// compared (Comparable).
const ContextSuffix = "/ctx"

// TrappedPredicate is the predicate part of a claim_key for a count of the
// missing whose words say they are trapped ("14 children trapped under the
// rubble"): people whose place is known, a quantity apart from the missing.
const TrappedPredicate = "trapped"

// ShotPredicate is the predicate part of a claim_key for a count of the
// shot ("four people were shot", "9 people shot, 1 fatally"): everyone
// hit, the dead included, a quantity apart from the wounded and from the
// dead, whichever of injured or killed the claim's predicate is:
// "shot|people|#gva-1|2016".
const ShotPredicate = "shot"

// Comparable reports whether claims with the claim_key key are ever
// compared: false for "" and for the keys whose subject class ends in
// PartSuffix (an unnamed part), ContextSuffix or OtherSuffix. A part is a
// different quantity from its whole, and two unnamed parts of one event
// are rarely the same part (a named part, "/part:" and its name, meets the
// same part only); a context figure or another event's is not the count
// of the event.
func Comparable(key string) bool {
	if key == "" {
		return false
	}
	_, rest, _ := strings.Cut(key, "|")
	subj, _, _ := strings.Cut(rest, "|")
	return !strings.HasSuffix(subj, PartSuffix) && !strings.HasSuffix(subj, ContextSuffix) && !strings.HasSuffix(subj, OtherSuffix)
}

// ScopeBucket returns the time part of a claim_key for a claim with the
// given scope and publication date (each zero when unknown):
//
//   - a closed period of at least 60 days that ended a week or more before
//     publication ("in 2018", "last year"): "YYYYMM-YYYYMM";
//   - a scope that starts more than a year before publication ("since
//     2011"): "s" and the start year, "s2011";
//   - any other scope start ("since April", "on Monday"): its year, "2019";
//   - no scope: the publication year, "2019";
//   - neither: "open".
func ScopeBucket(start, end, published time.Time) string {
	var b strings.Builder
	writeBucket(&b, start, end, published, false)
	return b.String()
}

func writeBucket(b *strings.Builder, start, end, pub time.Time, cluster bool) {
	var tmp [16]byte
	switch {
	case start.IsZero() && pub.IsZero():
		b.WriteString(ScopeOpen)
	case start.IsZero():
		b.Write(strconv.AppendInt(tmp[:0], int64(pub.Year()), 10))
	case !end.IsZero() && end.Sub(start) >= closedMin && (pub.IsZero() || end.Before(pub.AddDate(0, 0, -7))):
		b.Write(appendYM(tmp[:0], start))
		b.WriteByte('-')
		b.Write(appendYM(tmp[:0], end))
	case !pub.IsZero() && start.Before(pub.AddDate(-1, 0, 0)):
		b.WriteByte('s')
		b.Write(strconv.AppendInt(tmp[:0], int64(start.Year()), 10))
	case cluster && !pub.IsZero() && pub.Sub(start) >= closedMin && (end.IsZero() || end.Sub(start) >= closedMin):
		// one event's cluster: a count over a period that began two
		// months or more before the article is not the event's
		b.WriteByte('s')
		b.Write(appendYM(tmp[:0], start))
	default:
		b.Write(strconv.AppendInt(tmp[:0], int64(start.Year()), 10))
	}
}

func appendYM(dst []byte, t time.Time) []byte {
	y, m := t.Year(), int(t.Month())
	dst = strconv.AppendInt(dst, int64(y), 10)
	if m < 10 {
		dst = append(dst, '0')
	}
	return strconv.AppendInt(dst, int64(m), 10)
}

// windowed reports whether the time bucket of key is a bare year, the
// bucket of event counts, where the detector also requires the two
// articles to be published within Config.Window of each other.
func windowed(key string) bool {
	i := strings.LastIndexByte(key, '|')
	b := key[i+1:]
	if len(b) != 4 {
		return false
	}
	for j := 0; j < 4; j++ {
		if b[j] < '0' || b[j] > '9' {
			return false
		}
	}
	return true
}

// humanPredicates count people: an unstated subject means people.
var humanPredicates = setOf("killed", "injured", "displaced", "arrested", "missing", "affected")

// countUnits are units that mean "a count of the subject".
var countUnits = setOf("", "people", "person", "persons", "count", "number", "individuals")

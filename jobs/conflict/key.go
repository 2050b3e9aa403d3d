package conflict

import (
	"strconv"
	"strings"
	"time"

	"github.com/claimscan/claimscan/jobs/gazetteer"
	"github.com/claimscan/claimscan/schema"
)

// Scope buckets that are not years.
const (
	// ScopeOpen is the time bucket of a claim with neither a scope nor a
	// publication date.
	ScopeOpen = "open"
	// ScopeEvent is the time bucket, under a cluster, of a count of the
	// cluster's event (no period of its own): the cluster is one event,
	// whatever day each article was published.
	ScopeEvent = "event"
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
// the victims", "two were critically wounded"; see SubsetRule) ends in
// SubsetSuffix, and such keys are not compared either (Comparable).
//
// Key is pure, allocates little and is safe for concurrent use; the
// package documentation gives the rules for each field.
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
// consecutive claims of one sentence, as the claims of an article come,
// and looking each place name up once for consecutive claims of one place.
// Its zero value is ready to use; it is not safe for concurrent use.
type Keyer struct {
	art      ArticleContext // of the article whose claims come (SetArticle)
	sentence string         // the sentence of toks[:n]
	n        int            // its number of tokens
	read     bool           // sentence was read
	toks     [maxTokens]token
	seen     []seenClaim     // the article's claims keyed so far (after SetArticle)
	article  bool            // SetArticle was called
	home     gazetteer.Place // the article's main place, once read
	homeOK   bool            // it is in the gazetteer
	homeRead bool
	// the last place name of a claim looked up in the article (the claims
	// of an article mostly name one place), and its country when the
	// gazetteer holds it
	place, country   string
	found, placeRead bool
}

// homePlace returns the article's main place in the world gazetteer
// (false when unknown), read once per article: its country is the context
// in which the article's places are looked up.
func (k *Keyer) homePlace() (gazetteer.Place, bool) {
	if !k.homeRead {
		k.home, k.homeOK = placeOf(k.art.Place)
		k.homeRead = true
	}
	return k.home, k.homeOK
}

// placeCountry returns the country of a claim's place name when the world
// gazetteer holds it, looked up in the context of the article's country;
// the name is looked up once for consecutive claims of one place.
func (k *Keyer) placeCountry(place string) (string, bool) {
	if !k.placeRead || place != k.place {
		ctx := ""
		if home, ok := k.homePlace(); ok {
			ctx = home.Country
		}
		p, ok := placeOfIn(place, ctx)
		k.place, k.country, k.found, k.placeRead = place, p.Country, ok, true
	}
	return k.country, k.found
}

// seenClaim is where a claim of the article stands and what it counts,
// for the additive rule.
type seenClaim struct {
	sentence, start int32
	pred, subj      string
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
func (k *Keyer) SetArticle(a ArticleContext) {
	k.art, k.seen, k.article, k.homeRead, k.placeRead = a, k.seen[:0], true, false, false
}

// classBefore returns the subject class of the nearest earlier claim of
// c's sentence when it counts members of a body of people (officers,
// soldiers, fighters, journalists, medics, aid workers: "killed five
// officers and injured seven others"); else subj ("killed a man and
// wounded two others" are people).
func (k *Keyer) classBefore(c *schema.Claim, subj string) string {
	for i := len(k.seen) - 1; i >= 0; i-- {
		e := &k.seen[i]
		if e.sentence != c.SentenceIndex || e.start >= c.CharStart {
			break
		}
		switch e.subj {
		case SubjectPolice, SubjectSoldiers, SubjectFighters, SubjectCombatants, SubjectJournalist, SubjectMedics, SubjectAidWorkers:
			return e.subj // a body of people ("officers"), not a kind ("a man")
		}
	}
	return subj
}

// additive is how many sentences back (besides its own) a count added to
// another ("another two people were killed") looks for the count it adds
// to.
const additive = 2

// addsTo reports whether an earlier claim of the article, in c's sentence
// or the additive sentences before it, counts c's predicate (and, when
// subj is not "", subject class): the count "another N", "N more" or "N
// also" adds to.
func (k *Keyer) addsTo(c *schema.Claim, pred, subj string) bool {
	for i := len(k.seen) - 1; i >= 0; i-- {
		e := &k.seen[i]
		if e.sentence < c.SentenceIndex-additive {
			break
		}
		if e.pred == pred && (subj == "" || e.subj == subj) && (e.sentence < c.SentenceIndex || e.start < c.CharStart) {
			return true
		}
	}
	return false
}

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
	if k.article {
		// "killed five officers and injured seven others": the others
		// are of the class counted before them in the sentence
		if q.others && subj == SubjectPeople {
			subj = k.classBefore(c, subj)
		}
		// "another two people were killed", two sentences after "ten
		// people were killed": an increment, a subset of the total
		if q.added && k.addsTo(c, pred, "") || q.also && k.addsTo(c, pred, subj) {
			q.subset = true
		}
		k.seen = append(k.seen, seenClaim{sentence: c.SentenceIndex, start: c.CharStart, pred: pred, subj: subj})
	}
	var pk string // the place key, or empty and its skeleton in skel
	var sk [64]byte
	var skel []byte
	if cluster == "" {
		place := placeName(c)
		if country, ok := k.placeCountry(place); ok {
			// the country blocks; the detector keeps apart the places
			// that do not nest (Item.Event)
			pk = "=" + country
		} else {
			pk, skel = spellingKey(place, sk[:0])
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
	case q.subset:
		b.WriteString(SubsetSuffix)
	case q.org != "":
		b.WriteString(SubsetSuffix)
		b.WriteByte(':')
		b.Write(gazetteer.Fold(nil, q.org))
	case q.scope.kind == ScopeHospital || q.scope.kind == ScopeArea:
		b.WriteString(SubsetSuffix)
		if pk := subsetName(q.scope); pk != "" {
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
	ref := k.art.Event // the article's event, else its publication
	if ref.IsZero() && !c.Published.IsZero() {
		ref = c.Published.UTC().Truncate(24 * time.Hour)
	}
	ev := k.claimEvent(c, q, ref)
	var windowedBucket bool
	switch {
	case ref.IsZero() && c.ScopeStart.IsZero() && cluster != "":
		b.WriteString(ScopeEvent)
	case ref.IsZero() && c.ScopeStart.IsZero() && k.art.Year > 0:
		// no date but the text's year
		b.Write(strconv.AppendInt(nil, int64(k.art.Year), 10))
	default:
		windowedBucket = writeBucket(&b, c.ScopeStart, c.ScopeEnd, ref, ev, cluster != "")
	}
	switch {
	case q.scope.kind == ScopeSince:
		b.WriteString("|" + TotalSince)
	case q.running:
		b.WriteString("|" + TotalAsOf)
	}
	if windowedBucket {
		// what the detector reads beyond the group: the event's day and
		// kind
		if !ev.IsZero() {
			var tmp [8]byte
			b.WriteByte('|')
			b.Write(appendDay(tmp[:0], ev))
		}
		if k.art.Kind != "" {
			b.WriteByte('|')
			b.WriteString(k.art.Kind)
		}
	}
	return b.String()
}

// dateShift is how much earlier than the article's event a date of a
// claim's clause must be to move the claim to that day: the dates around
// the event's (an arrest, a vigil, a hearing) leave it where it is.
const dateShift = 7 * 24 * time.Hour

// claimEvent returns the day of the event a claim counts: a date its
// clause writes a week or more before the article's event ("the Nov. 22
// shootout that wounded 17" in a report of October), else its short
// scope when the extractor read it from a weekday or a recent date ("on
// Saturday": the event of a report published on Monday, also across New
// Year's Day) and the article's event is its publication's, else ref, the
// article's event; zero when none is known.
func (k *Keyer) claimEvent(c *schema.Claim, q qualifiers, ref time.Time) time.Time {
	if !q.date.IsZero() && (ref.IsZero() || q.date.Before(ref.Add(-dateShift))) {
		return q.date // an earlier event's day, not one of the days around the article's
	}
	pub := c.Published.UTC().Truncate(24 * time.Hour)
	if s := c.ScopeStart; !s.IsZero() && !pub.IsZero() && ref.Equal(pub) &&
		(c.ScopeEnd.IsZero() || c.ScopeEnd.Sub(s) < 8*24*time.Hour) &&
		!s.After(pub.Add(24*time.Hour)) && pub.Sub(s) <= 8*24*time.Hour {
		return s.UTC().Truncate(24 * time.Hour)
	}
	return ref
}

// Marks after the four fields of a claim_key: a running total (TotalSince,
// TotalAsOf) and, without a cluster, the day (YYYYMMDD) and kind of the
// event the claim counts (see EventKind). Claims are grouped on the first
// four fields, and the detector reads the marks.
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

// GroupKey returns the first four fields of a claim_key, which claims are grouped
// on (without the marks), the key of the claim's Item.
func GroupKey(key string) string {
	return keyMarks(key).group
}

// marks are the fields of a claim_key: its group (the first four fields)
// and its marks.
type marks struct {
	group, total, kind string
	day                time.Time
}

// keyMarks splits a claim_key into its group and its marks.
func keyMarks(key string) marks {
	var m marks
	for strings.Count(key, "|") > 3 {
		i := strings.LastIndexByte(key, '|')
		last := key[i+1:]
		switch {
		case m.total == "" && (last == TotalSince || last == TotalAsOf):
			m.total = last
		case m.kind == "" && m.total == "" && m.day.IsZero() && isKind(last):
			m.kind = last
		case m.day.IsZero() && m.total == "":
			d, ok := parseDay(last)
			if !ok {
				m.group = key
				return m
			}
			m.day = d
		default:
			m.group = key
			return m
		}
		key = key[:i]
	}
	m.group = key
	return m
}

// qualifiers are what the words of a claim's sentence say about the
// quantity it counts.
type qualifiers struct {
	scope   scope     // the quantity scope (ScopeRule)
	trapped bool      // a count of the missing that are trapped
	running bool      // a running total at a stated time ("the toll rose to")
	subset  bool      // a subset of a larger count (SubsetRule)
	ctx     bool      // with a cluster: a count about more than the event (ContextRule)
	shot    bool      // a count of the shot, the dead included
	url     bool      // the number is in a web address
	date    time.Time // the date the number's clause writes, resolved against the article's event
	added   bool      // "another N", "N more", "N others": a count added to one stated before
	also    bool      // "N ... also died": added to a count of the same subject stated before
	others  bool      // "N others": people of the class counted before them
	org     string    // the organisation whose share the count is ("four Dallas Police Department officers")
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
	switch r := subsetRule(c, ts, n); r {
	case SubsetOrg:
		q.org = orgQualifier(c.Sentence, ts, n)
	case "":
	default:
		q.subset = true
	}
	ev := k.art.Event
	if ev.IsZero() {
		ev = c.Published
	}
	q.ctx = cluster && contextRule(c, ts, n, ev) != ""
	q.shot = isShotCount(c, ts, start, end)
	q.added = addedCount(c.Sentence, ts, n)
	if !q.shot && strings.EqualFold(strings.TrimSpace(c.Predicate), "injured") && shotBelow(ts, n) {
		q.subset = true // "six more shot, and nearly 40 injured": more than the gunfire's wounded
	}
	q.also = alsoAfter(c.Sentence, ts, n)
	q.others = n >= 0 && n+1 < len(ts) && ts[n+1].f&lOthers != 0
	if q.added && q.shot && anyFlagBefore(ts, n, lDeath) {
		q.shot = false // "five people are dead, six more shot": the wounded
	}
	q.scope = scopeRule(c, ts, n, k.art)
	if cluster && q.scope.kind == "" && k.abroad(c) {
		// "like they did during Rwanda, where close to a million people
		// were massacred", in a report from South Sudan
		q.scope = scope{kind: ScopeOther}
	}
	q.running = runningTotal(c.Sentence, ts, n) || strings.EqualFold(strings.TrimSpace(c.Predicate), "arrested")
	if n >= 0 {
		lo, hi := clauseOf(ts, n)
		if lead := leadClause(ts); lead > 0 && lead < n {
			lo = 0 // "On Nov. 22, a gunman wounded 17"
		}
		if d, ok := clauseDate(c.Sentence, ts, lo, hi, ev); ok {
			q.date = d
		}
	}
	for i := range ts {
		if int(ts[i].off) >= start && int(ts[i].off) < end && ts[i].f&lTrapped != 0 {
			q.trapped = true
		}
	}
	return q
}

// subsetName is the key of a named subset ("bnrmrah" for "Bener Meriah
// district"), or "" for an unnamed one.
func subsetName(s scope) string {
	if s.name == "" {
		return ""
	}
	return PlaceKey(s.name)
}

// SubsetSuffix ends the subject class of a claim_key for a count of a
// subset of a larger count (see SubsetRule):
// "injured|people/subset|#gva-1|event". Claims with such a key are never
// compared (Comparable).
const SubsetSuffix = "/subset"

// ContextSuffix ends the subject class of a claim_key, under a cluster
// key, for a context figure: a count over several incidents, an area or
// the year so far, or of an earlier event (see ContextRule):
// "injured|people/ctx|#gva-1|event". Claims with such a key are never
// compared (Comparable).
const ContextSuffix = "/ctx"

// TrappedPredicate is the predicate field of a claim_key for a count of the
// missing whose words say they are trapped ("14 children trapped under the
// rubble"): people whose place is known, a quantity apart from the missing.
const TrappedPredicate = "trapped"

// ShotPredicate is the predicate field of a claim_key for a count of the
// shot ("four people were shot", "9 people shot, 1 fatally"): everyone
// hit, the dead included, a quantity apart from the wounded and from the
// dead, whichever of injured or killed the claim's predicate is:
// "shot|people|#gva-1|event".
const ShotPredicate = "shot"

// Comparable reports whether claims with the claim_key key are ever
// compared: false for "" and for the keys whose subject class ends in
// SubsetSuffix (an unnamed subset), ContextSuffix or OtherSuffix. A subset
// is a different quantity from its whole, and two unnamed subsets of one
// event are rarely the same subset (a named subset, "/subset:" and its
// name, meets the same subset only); a context figure or another event's
// is not the count of the event.
func Comparable(key string) bool {
	if key == "" {
		return false
	}
	_, rest, _ := strings.Cut(key, "|")
	subj, _, _ := strings.Cut(rest, "|")
	return !strings.HasSuffix(subj, SubsetSuffix) && !strings.HasSuffix(subj, ContextSuffix) && !strings.HasSuffix(subj, OtherSuffix)
}

// ScopeBucket returns the time field of a claim_key for a claim with the
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
	ev := published
	if !start.IsZero() {
		ev = start
	}
	writeBucket(&b, start, end, published, ev, false)
	return b.String()
}

// writeBucket writes the time bucket of a claim with scope [start, end]
// in an article whose event is on ref (its publication when the text
// names no date), the claim counting the event of day ev; cluster is
// whether the key is a cluster's. It reports whether the bucket is the
// one of event counts (a year, or, under a cluster, "event"): the ones the
// detector windows.
func writeBucket(b *strings.Builder, start, end, ref, ev time.Time, cluster bool) (event bool) {
	var tmp [16]byte
	year := func(t time.Time) bool {
		if cluster {
			b.WriteString(ScopeEvent)
			return false // a cluster is one event: no window
		}
		b.Write(strconv.AppendInt(tmp[:0], int64(t.Year()), 10))
		return true
	}
	switch {
	case start.IsZero() && ref.IsZero():
		b.WriteString(ScopeOpen)
	case start.IsZero():
		return year(ev)
	case !end.IsZero() && end.Sub(start) >= closedMin && (ref.IsZero() || end.Before(ref.AddDate(0, 0, -7))):
		b.Write(appendYM(tmp[:0], start))
		b.WriteByte('-')
		b.Write(appendYM(tmp[:0], end))
	case !ref.IsZero() && start.Before(ref.AddDate(-1, 0, 0)):
		b.WriteByte('s')
		b.Write(strconv.AppendInt(tmp[:0], int64(start.Year()), 10))
	case cluster && !ref.IsZero() && ref.Sub(start) >= closedMin && (end.IsZero() || end.Sub(start) >= closedMin):
		// one event's cluster: a count over a period that began two
		// months or more before the article is not the event's
		b.WriteByte('s')
		b.Write(appendYM(tmp[:0], start))
	case ref.IsZero():
		return year(start)
	default:
		return year(ev)
	}
	return false
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

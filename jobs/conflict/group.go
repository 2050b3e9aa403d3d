package conflict

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"strings"
	"time"
	"unsafe"

	"github.com/claimscan/claimscan/jobs/gazetteer"
	"github.com/claimscan/claimscan/schema"
)

// The detector's grouping: a worker loads one partition's records, sorts
// them into key groups, and in each group drops the restatements, marks
// the figures below their article's headline and pairs the claims to
// compare (compare.go holds the comparison); rows go out in chunks.

// partitionWorker holds one worker's reusable buffers.
type partitionWorker struct {
	recs   []rec
	sorted []rec
	index  []int32
	sides  []side
	valid  []bool
	order  []int
	rows   []pendingRow // rows not sent yet
	hashIn []byte       // conflictID's buffer
	// Sets of a large group (see smallGroup), with the size of the
	// largest group they held: clearing a map costs its capacity.
	heads    map[string]float64    // article → headline figure of the group
	seen     map[restatement]int32 // the group's figures, per article and voice: the mention kept
	mapGroup int
}

// run detects the conflicts of partition p and passes them to send in
// chunks; send returns false when Run is stopping.
func (w *partitionWorker) run(d *Detector, p int, send func([]schema.Conflict) bool) error {
	data, err := d.load(p)
	if err != nil || data == "" {
		return err
	}
	return w.detect(d, data, send)
}

// detect decodes data, records as appendRecord writes them, and passes the
// conflicts of each of its key groups to send in chunks; send returns false
// when Run is stopping.
func (w *partitionWorker) detect(d *Detector, data string, send func([]schema.Conflict) bool) error {
	var err error
	w.recs, err = decodeRecords(data, w.recs[:0])
	if err != nil {
		return err
	}
	recs := w.sort()

	stopped := false
	flush := func() {
		if len(w.rows) > 0 && !stopped {
			if !send(w.chunk()) {
				stopped = true
			}
		}
		w.rows = w.rows[:0]
	}
	for i := 0; i < len(recs) && !stopped; {
		j := i + 1
		for j < len(recs) && recs[j].hash == recs[i].hash && recs[j].key == recs[i].key {
			j++
		}
		if j-i > 1 {
			w.group(d, recs[i:j], int32(i), flush)
		}
		i = j
	}
	flush()
	// drop every reference to the partition's memory, also past len
	clear(w.recs[:cap(w.recs)])
	clear(w.sorted[:cap(w.sorted)])
	clear(w.sides[:cap(w.sides)])
	return nil
}

// pendingRow is a row of the conflicts table found but not sent yet: what
// compare and severity computed, and the indexes of its two claims in
// w.sorted. Rows are made when they are sent, each written once into a
// slice of their number.
type pendingRow struct {
	a, b                     int32
	kind                     string
	lowA, highA, lowB, highB schema.Float
	gap, rel, severity       float64
	same                     bool
}

// chunk returns the rows of w.rows, in a slice of their own.
func (w *partitionWorker) chunk() []schema.Conflict {
	out := make([]schema.Conflict, len(w.rows))
	ids := make([]byte, len(w.rows)*idLen) // every conflict_id of the chunk
	for i := range w.rows {
		p := &w.rows[i]
		a, b := &w.sorted[p.a], &w.sorted[p.b]
		id := ids[i*idLen : (i+1)*idLen]
		w.conflictID(id, a.claim, b.claim)
		pred, subj := keyPredicate(a.key)
		loc := a.location
		if loc == "" {
			loc = b.location
		}
		out[i] = schema.Conflict{
			// ids is never written again: the rows' ids can share it.
			ConflictID: unsafe.String(&id[0], idLen),
			ClaimKey:   a.key,
			Predicate:  pred,
			Subject:    subj,
			Location:   loc,
			ClaimIDA:   a.claim,
			ClaimIDB:   b.claim,
			ArticleIDA: a.article,
			ArticleIDB: b.article,
			SourceA:    a.source,
			SourceB:    b.source,
			OutletA:    a.outlet,
			OutletB:    b.outlet,
			PublishedA: pubTime(a),
			PublishedB: pubTime(b),
			QuoteA:     a.quote,
			QuoteB:     b.quote,
			ValueLowA:  a.low,
			ValueBestA: a.best,
			ValueHighA: a.high,
			ValueLowB:  b.low,
			ValueBestB: b.best,
			ValueHighB: b.high,
			Kind:       p.kind,
			LowA:       p.lowA,
			HighA:      p.highA,
			LowB:       p.lowB,
			HighB:      p.highB,
			Gap:        p.gap,
			RelGap:     p.rel,
			Severity:   p.severity,
			SameSource: p.same,
		}
	}
	return out
}

// pubTime is a record's publication time, zero when unknown.
func pubTime(r *rec) time.Time {
	if r.flags&flagPub == 0 {
		return time.Time{}
	}
	return time.UnixMicro(r.pub).UTC()
}

// keyPredicate returns the predicate (without a unit) and the subject
// class of a claim_key: "killed" and "civilians" for
// "killed|civilians|adlab|2019".
func keyPredicate(key string) (pred, subj string) {
	pred, rest, _ := strings.Cut(key, "|")
	pred, _, _ = strings.Cut(pred, ":")
	subj, _, _ = strings.Cut(rest, "|")
	return pred, subj
}

// idLen is the length of a conflict_id.
const idLen = 16

// conflictID writes schema.ConflictID(a, b), idLen bytes, to id without
// allocating.
func (w *partitionWorker) conflictID(id []byte, a, b string) {
	in := append(w.hashIn[:0], "conflict\x00"...)
	in = append(append(in, a...), 0)
	in = append(append(in, b...), 0)
	w.hashIn = in
	sum := sha256.Sum256(in)
	hex.Encode(id[:idLen], sum[:idLen/2])
}

// sort returns w.recs in compareRecs order: it sorts an index, then copies
// each record once, instead of moving records on every swap.
func (w *partitionWorker) sort() []rec {
	n := len(w.recs)
	w.index = slices.Grow(w.index[:0], n)[:n]
	for i := range w.index {
		w.index[i] = int32(i)
	}
	recs := w.recs
	slices.SortFunc(w.index, func(a, b int32) int { return compareRecs(&recs[a], &recs[b]) })
	w.sorted = slices.Grow(w.sorted[:0], n)[:n]
	for i, k := range w.index {
		w.sorted[i] = recs[k]
	}
	return w.sorted
}

// compareRecs orders records by key hash, key, publication (unknown
// first), claim id, then the remaining fields, so that the order is total
// and does not depend on the input order.
func compareRecs(a, b *rec) int {
	if c := cmp.Compare(a.hash, b.hash); c != 0 {
		return c // different groups: the common case
	}
	return cmp.Or(
		cmp.Compare(a.key, b.key),
		cmp.Compare(pubOrder(a), pubOrder(b)),
		cmp.Compare(a.claim, b.claim),
		cmp.Compare(a.article, b.article),
		cmp.Compare(a.source, b.source),
		cmp.Compare(a.outlet, b.outlet),
		cmp.Compare(a.bd, b.bd),
		cmp.Compare(a.flags, b.flags),
		cmp.Compare(a.low.V, b.low.V),
		cmp.Compare(a.best.V, b.best.V),
		cmp.Compare(a.high.V, b.high.V),
	)
}

func pubOrder(r *rec) int64 {
	if r.flags&flagPub == 0 {
		return math.MinInt64
	}
	return r.pub
}

// sameEvent reports whether two claims of one key group can count one
// event: their places lie one inside the other (or either is unknown),
// their events' days are at most window days apart (window < 0: any), and
// their events are of one kind (or either is unknown).
func sameEvent(a, b *event, window int64) bool {
	if a.path != "" && b.path != "" && !gazetteer.Nested(a.path, b.path) {
		return false // two places of one country, neither inside the other
	}
	if window >= 0 && a.hasDay && b.hasDay && max(a.day-b.day, b.day-a.day) > window {
		return false
	}
	return a.kind == "" || b.kind == "" || a.kind == b.kind
}

// group compares the claims of one key group, g, sorted by compareRecs and
// starting at w.sorted[off], and appends its rows to w.rows, calling flush
// when chunkRows are there.
func (w *partitionWorker) group(d *Detector, g []rec, off int32, flush func()) {
	tol := d.cfg.Tolerance
	w.sides = slices.Grow(w.sides[:0], len(g))[:len(g)]
	w.valid = slices.Grow(w.valid[:0], len(g))[:len(g)]
	valid := w.valid
	for k := range g {
		r := &g[k]
		iv, ok := IntervalOf(r.bd, r.low, r.best, r.high, tol)
		valid[k] = ok
		s := side{
			iv:      iv,
			negated: r.flags&flagNegated != 0,
			hedged:  r.flags&flagHedged != 0,
			pub:     floorDiv(r.pub, 1e6),
			hasPub:  r.flags&flagPub != 0,
			voice:   r.source,
			article: r.article,
			since:   r.flags&flagSince != 0,
			asOf:    r.flags&flagAsOf != 0,
			event:   parseEvent(r.event),
		}
		if s.voice == "" {
			s.voice, s.own = r.outlet, true
		}
		if !s.event.hasDay && s.hasPub {
			// a key without the event's day: the publication's
			s.event.day, s.event.hasDay = floorDiv(s.pub, 86400), true
		}
		w.sides[k] = s
	}
	if !smallGroup(len(g)) {
		w.groupMaps(len(g))
	}
	w.dropRestatements(g, valid)
	w.markMinor(valid)
	window := int64(-1) // in days
	if d.cfg.Window > 0 && windowed(g[0].key) {
		window = int64(d.cfg.Window / (24 * time.Hour))
	}

	pair := func(i, j int) {
		a, b := &g[i], &g[j]
		sa, sb := &w.sides[i], &w.sides[j]
		if !valid[i] || !valid[j] || a.claim == b.claim {
			return
		}
		if a.article == b.article && sa.voice == sb.voice && sa.own == sb.own {
			return // one voice in one article: a restatement or a breakdown
		}
		if !sameEvent(&sa.event, &sb.event, window) {
			return
		}
		same := sameVoice(sa, sb)
		v := compare(sa, sb, tol)
		if v.kind == "" {
			return
		}
		if sa.since != sb.since && v.rel >= sinceRel {
			return // a period's running total against one incident's count
		}
		w.rows = append(w.rows, pendingRow{
			a:     off + int32(i),
			b:     off + int32(j),
			kind:  v.kind,
			lowA:  finite(sa.iv.Low),
			highA: finite(sa.iv.High),
			lowB:  finite(sb.iv.Low),
			highB: finite(sb.iv.High),
			gap:   v.gap,
			rel:   v.rel,
			severity: severity(v.kind, v.rel, voices{
				quotedTwice: same && !sa.own && named(sa.voice),
				named:       !same && !sa.own && !sb.own && named(sa.voice) && named(sb.voice),
			}, weakening{
				hedged: sa.hedged || sb.hedged, later: v.later, far: v.rel >= farRel, sameArticle: a.article == b.article,
				minor:   b2i(sa.minor) + b2i(sb.minor),
				generic: b2i(!sa.own && !named(sa.voice)) + b2i(!sb.own && !named(sb.voice)),
				apart:   sa.hasPub && sb.hasPub && max(sa.pub-sb.pub, sb.pub-sa.pub) > apartSeconds,
			}),
			same: same,
		})
		if len(w.rows) >= chunkRows {
			flush()
		}
	}

	n := len(g)
	if n <= AllPairsMax {
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				pair(i, j)
			}
		}
		return
	}
	m := w.consensus(valid)
	k := d.cfg.Neighbors
	for j := 0; j < n; j++ {
		lo := max(0, j-k)
		for i := lo; i < j; i++ {
			pair(i, j)
		}
		switch {
		case m >= 0 && m < lo:
			pair(m, j)
		case m > j+k:
			pair(j, m)
		}
	}
}

// restatement identifies a claim's figure within its article and voice.
type restatement struct {
	article, voice, bound string
	own                   bool
	low, best, high       schema.Float
	flags                 byte
}

// dropRestatements marks as not valid each claim of the group g that
// restates, in the same article and voice, the figure of another claim
// (same bound, values, negation and hedging): a figure repeated in a story
// (a headline, a lead, a summary) is paired once, not once per mention,
// by its mention with the longest quote.
func (w *partitionWorker) dropRestatements(g []rec, valid []bool) {
	key := func(k int) restatement {
		r, s := &g[k], &w.sides[k]
		return restatement{article: r.article, voice: s.voice, bound: r.bd, own: s.own,
			low: r.low, best: r.best, high: r.high, flags: r.flags & (flagNegated | flagHedged)}
	}
	// the mention kept is the one with the longest quote (a sentence of
	// the story rather than its headline), the first of equal ones
	beats := func(j, k int) bool {
		return len(g[j].quote) > len(g[k].quote) || len(g[j].quote) == len(g[k].quote) && j < k
	}
	if smallGroup(len(g)) {
		keep := valid[:len(g):len(g)]
		var drop [8]bool
		for k := range g {
			if !keep[k] {
				continue
			}
			rk := key(k)
			for j := range g {
				if j != k && keep[j] && key(j) == rk && beats(j, k) {
					drop[k] = true
					break
				}
			}
		}
		for k := range g {
			if drop[k] {
				valid[k] = false
			}
		}
		return
	}
	for k := range g {
		if !valid[k] {
			continue
		}
		rk := key(k)
		if j, ok := w.seen[rk]; ok && !beats(k, int(j)) {
			continue
		}
		w.seen[rk] = int32(k)
	}
	for k := range g {
		if valid[k] && w.seen[key(k)] != int32(k) {
			valid[k] = false
		}
	}
}

// smallGroup reports whether a group of n claims is small enough for
// dropRestatements and markMinor to compare each claim with the others
// rather than fill a map.
func smallGroup(n int) bool { return n <= 8 }

// groupMaps readies w.seen and w.heads, empty, for a group of n claims
// that is not a smallGroup. Maps that held a group much larger are made
// anew: clearing them would cost their capacity.
func (w *partitionWorker) groupMaps(n int) {
	if w.seen == nil || w.mapGroup > 4*n {
		w.seen = make(map[restatement]int32, n)
		w.heads = make(map[string]float64, n)
		w.mapGroup = n
		return
	}
	clear(w.seen)
	clear(w.heads)
	w.mapGroup = max(w.mapGroup, n)
}

// markMinor sets the minor flag of the group's claims: a claim is minor
// when its value (middle) is below its article's headline figure for the
// key, the largest value among the article's claims in the group, by more
// than the tolerance. Negated claims and claims without a middle neither
// set a headline nor are minor.
func (w *partitionWorker) markMinor(valid []bool) {
	sides := w.sides
	// counts reports whether claim k is counted, and its middle
	counts := func(k int) (float64, bool) {
		m := middle(&sides[k].iv)
		return m, valid[k] && !sides[k].negated && !math.IsNaN(m)
	}
	small := smallGroup(len(sides))
	if !small {
		for k := range sides {
			if m, ok := counts(k); ok {
				if h, ok := w.heads[sides[k].article]; !ok || m > h {
					w.heads[sides[k].article] = m
				}
			}
		}
	}
	for k := range sides {
		s := &sides[k]
		m, ok := counts(k)
		if !ok {
			s.minor = false
			continue
		}
		h := m // the headline figure of s's article
		if small {
			for j := range sides {
				if mj, ok := counts(j); ok && mj > h && sides[j].article == s.article {
					h = mj
				}
			}
		} else {
			h = w.heads[s.article]
		}
		s.minor = m < h-math.Abs(h)*minorTolerance
	}
}

// consensus returns the index of the group's median claim by value (the
// anchor, or the middle of a finite interval; the lower median for an even
// count, ties by position), or -1 when no claim has a value.
func (w *partitionWorker) consensus(valid []bool) int {
	w.order = w.order[:0]
	for k := range w.sides {
		if valid[k] && !math.IsNaN(middle(&w.sides[k].iv)) {
			w.order = append(w.order, k)
		}
	}
	if len(w.order) == 0 {
		return -1
	}
	slices.SortFunc(w.order, func(a, b int) int {
		if c := cmp.Compare(middle(&w.sides[a].iv), middle(&w.sides[b].iv)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return w.order[(len(w.order)-1)/2]
}

// middle is the value a claim stands for in the consensus: its anchor, the
// middle of a finite interval, or NaN.
func middle(iv *Interval) float64 {
	switch {
	case iv.HasAnchor:
		return iv.Anchor
	case !math.IsInf(iv.High, 0) && !math.IsInf(iv.Low, 0):
		return (iv.Low + iv.High) / 2
	}
	return math.NaN()
}

func finite(v float64) schema.Float {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return schema.Float{}
	}
	return schema.F(v)
}

// floorDiv is x/d rounded down: unix seconds of unix microseconds, also
// before 1970.
func floorDiv(x, d int64) int64 {
	q := x / d
	if x%d != 0 && x < 0 {
		q--
	}
	return q
}

package conflict

import (
	"math"
	"unicode"

	"github.com/claimscan/claimscan/schema"
)

// Interval is the set of values a claim allows, as the detector compares
// it. High is +Inf for an open end (more_than, at_least). Anchor is the one
// number the claim puts forward (best, or the bound value of more_than /
// at_least / at_most / less_than); HasAnchor is false for range and vague
// claims, which only state an interval.
type Interval struct {
	Low, High float64 // the bounds; High is +Inf for an open end
	Anchor    float64 // the value put forward, when HasAnchor
	HasAnchor bool    // false for range and vague claims
	// Above and Below mark a bound the claim excludes: "more than 40" is
	// above 40 (Low 40, Above), "less than 10" below 10. "More than 40"
	// and "40" cannot both hold; "at least 40" and "40" can.
	Above, Below bool
}

// Zero reports whether the interval is exactly {0}: "no one was killed".
func (iv Interval) Zero() bool { return iv.Low == 0 && iv.High == 0 }

// IntervalOf returns the interval of a claim with the given bound and
// values under tolerance tol (0.1 for 10%):
//
//	exact               [v, v]                  anchor v
//	approx              [v−|v|·tol, v+|v|·tol]  anchor v
//	approx, high only   [h·(1−tol), h]          anchor h  ("nearly 40")
//	approx, low only    [l, l·(1+tol)]          anchor l  ("just over 40")
//	at_least, more_than [v, +Inf)               anchor v  (more_than excludes v)
//	at_most, less_than  [0, v]                  anchor v  (less_than excludes v)
//	range, vague        [low, high]             no anchor
//
// v is best when valid, else the bound's own side (low for at_least, high
// for at_most), else whatever value is valid. An unknown bound is read as
// exact. ok is false when no value is valid.
func IntervalOf(bound string, low, best, high schema.Float, tol float64) (iv Interval, ok bool) {
	if !low.Valid && !best.Valid && !high.Valid {
		return Interval{}, false
	}
	pick := func(first, second, third schema.Float) float64 {
		switch {
		case first.Valid:
			return first.V
		case second.Valid:
			return second.V
		}
		return third.V
	}
	switch bound {
	case schema.BoundApprox:
		switch {
		case best.Valid:
			v, d := best.V, math.Abs(best.V)*tol
			return Interval{Low: snap(v - d), High: snap(v + d), Anchor: v, HasAnchor: true}, true
		case low.Valid && high.Valid:
			return Interval{Low: low.V, High: high.V}, true
		case high.Valid:
			return Interval{Low: snap(high.V - math.Abs(high.V)*tol), High: high.V, Anchor: high.V, HasAnchor: true}, true
		default:
			return Interval{Low: low.V, High: snap(low.V + math.Abs(low.V)*tol), Anchor: low.V, HasAnchor: true}, true
		}
	case schema.BoundAtLeast, schema.BoundMoreThan:
		v := pick(low, best, high)
		hi := math.Inf(1)
		if high.Valid && high.V >= v {
			hi = high.V
		}
		return Interval{Low: v, High: hi, Anchor: v, HasAnchor: true, Above: bound == schema.BoundMoreThan}, true
	case schema.BoundAtMost, schema.BoundLessThan:
		v := pick(high, best, low)
		lo := 0.0
		if low.Valid && low.V <= v {
			lo = low.V
		}
		if v < 0 {
			lo = math.Inf(-1)
		}
		return Interval{Low: lo, High: v, Anchor: v, HasAnchor: true, Below: bound == schema.BoundLessThan}, true
	case schema.BoundRange, schema.BoundVague:
		lo, hi := pick(low, best, high), pick(high, best, low)
		if lo > hi {
			lo, hi = hi, lo
		}
		return Interval{Low: lo, High: hi}, true
	default:
		v := pick(best, low, high)
		return Interval{Low: v, High: v, Anchor: v, HasAnchor: true}, true
	}
}

// snap rounds x to the nearest integer when it is within rounding error of
// it, so that 890·1.1 is 979 and not 979.0000000000001.
func snap(x float64) float64 {
	r := math.Round(x)
	if math.Abs(x-r) <= 1e-9*math.Max(1, math.Abs(x)) {
		return r
	}
	return x
}

// verdict is the outcome of comparing two claims.
type verdict struct {
	kind     string // "" when the claims agree
	gap, rel float64
	later    bool // b, the higher figure, was published 12 hours or more after a
}

// side is what the comparison needs of one claim.
type side struct {
	iv      Interval
	negated bool
	hedged  bool
	pub     int64 // unix seconds; valid when hasPub
	hasPub  bool
	voice   string // the source, or the outlet when own is set
	own     bool   // the article's own voice
	article string
	minor   bool // below its article's headline figure for the key
	since   bool // a running total over a period (TotalSince)
	asOf    bool // a running total at a stated time (TotalAsOf)
	event   event
}

// sameVoice reports whether the same speaker gave both claims: the same
// cited source, or the same outlet in its own voice.
func sameVoice(a, b *side) bool {
	return a.voice != "" && a.voice == b.voice && a.own == b.own
}

// compare classifies the pair (a, b), a being the earlier claim, under
// tolerance tol. It does not look at the time window or the article rule;
// the caller filters those. See the package documentation for the rules.
func compare(a, b *side, tol float64) verdict {
	if a.negated || b.negated {
		if a.negated && b.negated {
			return verdict{}
		}
		d, s := a, b
		if b.negated {
			d, s = b, a
		}
		if s.iv.Zero() {
			return verdict{}
		}
		if d.iv.Zero() {
			// "did not kill anyone" against a positive count
			if s.iv.Low > 0 {
				g, r := distance(a.iv, b.iv)
				return verdict{kind: schema.ConflictDenial, gap: g, rel: r}
			}
			return verdict{}
		}
		// denies a figure that the other claim allows
		if overlaps(d.iv, s.iv) {
			g, r := anchorGap(a.iv, b.iv)
			return verdict{kind: schema.ConflictDenial, gap: g, rel: r}
		}
		return verdict{}
	}

	var v verdict
	var bHigher bool
	if !overlaps(a.iv, b.iv) {
		v.gap, v.rel = distance(a.iv, b.iv)
		v.kind = schema.ConflictContradiction
		bHigher = b.iv.Low > a.iv.High
	} else if a.iv.HasAnchor && b.iv.HasAnchor {
		v.gap, v.rel = anchorGap(a.iv, b.iv)
		if v.rel <= tol {
			return verdict{}
		}
		v.kind = schema.ConflictDivergence
		bHigher = b.iv.Anchor > a.iv.Anchor
	} else {
		return verdict{}
	}
	if bHigher && a.hasPub && b.hasPub && b.pub > a.pub {
		switch {
		case sameVoice(a, b) && a.article != b.article:
			v.kind = schema.ConflictUpdate
		case b.pub-a.pub >= laterSeconds && (a.asOf || b.asOf) && a.article != b.article:
			// a running total at a stated time ("so far", "the toll rose
			// to", the arrests), higher half a day later: the count grew
			v.kind = schema.ConflictUpdate
		case b.pub-a.pub >= laterSeconds:
			v.later = true
		}
	}
	return v
}

// laterSeconds is how much later a higher figure must be published for the
// pair to count as possibly the count growing.
const laterSeconds = 12 * 3600

func overlaps(a, b Interval) bool {
	// touching at a bound one side excludes ("more than 40" and "40") is
	// no overlap
	if a.Low == b.High && (a.Above || b.Below) || b.Low == a.High && (b.Above || a.Below) {
		return false
	}
	return a.Low <= b.High && b.Low <= a.High
}

// distance is the gap between two disjoint intervals and that gap relative
// to the larger of the two facing ends; open ends never face each other.
func distance(a, b Interval) (gap, rel float64) {
	lo, hi := a, b // lo is the interval below
	if b.High < a.Low {
		lo, hi = b, a
	}
	if lo.High >= hi.Low {
		return 0, 0
	}
	return relative(hi.Low, lo.High)
}

// anchorGap is the difference of the anchors and that difference relative
// to the larger anchor; 0 when either has no anchor.
func anchorGap(a, b Interval) (gap, rel float64) {
	if !a.HasAnchor || !b.HasAnchor {
		return 0, 0
	}
	return relative(a.Anchor, b.Anchor)
}

func relative(x, y float64) (gap, rel float64) {
	gap = math.Abs(x - y)
	den := math.Max(math.Abs(x), math.Abs(y))
	if den == 0 || gap == 0 {
		return gap, 0
	}
	return gap, math.Min(gap/den, 1)
}

// severityWeights returns the severity weights of a kind: base +
// span·rel_gap, plus quotedTwiceBonus when one cited source is quoted with
// both figures (not for updates), capped at 1, then times each factor that
// applies (see weakening).
func severityWeights(kind string) [2]float64 {
	switch kind {
	case schema.ConflictContradiction:
		return [2]float64{0.5, 0.5}
	case schema.ConflictDenial:
		return [2]float64{0.6, 0.4}
	case schema.ConflictDivergence:
		return [2]float64{0.2, 0.6}
	case schema.ConflictUpdate:
		return [2]float64{0.05, 0.25}
	}
	return [2]float64{}
}

const quotedTwiceBonus = 0.15

// voices says who gave a pair's two figures, for the severity bonuses.
type voices struct {
	quotedTwice bool // one named source quoted with both figures             +0.15
	named       bool // two different named sources, neither an outlet's own  +0.10
}

// weakening says which of the severity factors apply to a pair.
type weakening struct {
	hedged      bool // either claim is hedged ("reportedly")               ×0.75
	later       bool // the higher figure came ≥ 12 h later, other voice    ×0.6
	far         bool // rel_gap ≥ 0.9: one figure ten times the other or 0  ×0.5
	sameArticle bool // both claims are in one article                      ×0.7
	minor       int  // claims below their article's headline figure        ×minorFactor each
	generic     int  // claims of a generic source ("police", "officials")  ×genericFactor each
	apart       bool // the articles came out more than three days apart   ×0.8
}

// apartSeconds is how far apart two reports must come out for their pair
// to weigh less: later reports may count a grown toll, or another day.
const apartSeconds = 3 * 24 * 3600

// genericFactor weakens a pair for each claim whose source is a generic
// noun ("police", "officials", "local disaster agency"): different
// speakers at different hours, a district's or a unit's figure as often
// as the event's.
const genericFactor = 0.85

// namedBonus raises a pair of two named sources ("UNHCR" against "Enough
// Project"): the disagreement a reader should see first.
const namedBonus = 0.10

// named reports whether a voice is a named source ("Chicago Police
// Department", "Bill Brown") rather than a generic noun ("police",
// "authorities", "officials"): it has an upper-case letter.
func named(voice string) bool {
	for _, r := range voice {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// farRel is the rel_gap from which two figures are more likely two
// different quantities (a year's toll and one incident, a whole and a subset,
// "no one else was hurt" and a count) than two reports of one.
const farRel = 0.9

// severity returns the severity of a conflict of the given kind.
func severity(kind string, rel float64, v voices, w weakening) float64 {
	k := severityWeights(kind)
	s := k[0] + k[1]*rel
	if kind != schema.ConflictUpdate {
		switch {
		case v.quotedTwice:
			s += quotedTwiceBonus
		case v.named:
			s += namedBonus
		}
	}
	s = math.Min(1, s)
	for _, f := range [...]struct {
		on     bool
		factor float64
	}{{w.hedged, 0.75}, {w.later, 0.6}, {w.far, 0.5}, {w.sameArticle, 0.7}, {w.apart, 0.8}} {
		if f.on {
			s *= f.factor
		}
	}
	for range w.minor {
		s *= minorFactor
	}
	for range w.generic {
		s *= genericFactor
	}
	return math.Max(0, s)
}

// minorFactor weakens a pair for each of its claims that is below its
// article's headline figure; minorTolerance is how far below.
var (
	minorFactor    = 0.5
	minorTolerance = 0.1
)

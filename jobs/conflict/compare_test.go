package conflict

import (
	"math"
	"testing"

	"github.com/claimscan/claimscan/schema"
)

var none schema.Float

func TestIntervalOf(t *testing.T) {
	inf := math.Inf(1)
	for _, tc := range []struct {
		bound           string
		low, best, high schema.Float
		want            Interval
	}{
		{schema.BoundExact, none, schema.F(12), none, Interval{12, 12, 12, true, false, false}},
		{schema.BoundApprox, none, schema.F(890), none, Interval{801, 979, 890, true, false, false}},
		{schema.BoundApprox, none, none, schema.F(40), Interval{36, 40, 40, true, false, false}}, // nearly 40
		{schema.BoundApprox, schema.F(40), none, none, Interval{40, 44, 40, true, false, false}}, // just over 40
		{schema.BoundMoreThan, schema.F(730), none, none, Interval{730, inf, 730, true, true, false}},
		{schema.BoundAtLeast, none, schema.F(5), none, Interval{5, inf, 5, true, false, false}},
		{schema.BoundAtMost, none, none, schema.F(50), Interval{0, 50, 50, true, false, false}},
		{schema.BoundLessThan, none, schema.F(50), none, Interval{0, 50, 50, true, false, true}},
		{schema.BoundRange, schema.F(10), none, schema.F(20), Interval{10, 20, 0, false, false, false}},
		{schema.BoundVague, schema.F(200000), none, schema.F(999999), Interval{200000, 999999, 0, false, false, false}},
		{"", none, schema.F(3), none, Interval{3, 3, 3, true, false, false}},
		{schema.BoundExact, none, schema.F(0), none, Interval{0, 0, 0, true, false, false}},
		{schema.BoundApprox, none, schema.F(-200), none, Interval{-220, -180, -200, true, false, false}}, // a loss
	} {
		got, ok := IntervalOf(tc.bound, tc.low, tc.best, tc.high, 0.1)
		if !ok {
			t.Errorf("%s: not ok", tc.bound)
			continue
		}
		if !near(got.Low, tc.want.Low) || !near(got.High, tc.want.High) || got.HasAnchor != tc.want.HasAnchor || (got.HasAnchor && got.Anchor != tc.want.Anchor) ||
			got.Above != tc.want.Above || got.Below != tc.want.Below {
			t.Errorf("IntervalOf(%s, %v, %v, %v) = %+v, want %+v", tc.bound, tc.low, tc.best, tc.high, got, tc.want)
		}
	}
	if _, ok := IntervalOf(schema.BoundExact, none, none, none, 0.1); ok {
		t.Error("IntervalOf with no value is ok")
	}
}

func near(a, b float64) bool {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) < 1e-9
}

func sideOf(bound string, low, best, high schema.Float) side {
	iv, ok := IntervalOf(bound, low, best, high, 0.1)
	if !ok {
		panic("no value")
	}
	return side{iv: iv}
}

func TestCompareKinds(t *testing.T) {
	approx := func(v float64) side { return sideOf(schema.BoundApprox, none, schema.F(v), none) }
	exact := func(v float64) side { return sideOf(schema.BoundExact, none, schema.F(v), none) }
	over := func(v float64) side { return sideOf(schema.BoundMoreThan, schema.F(v), none, none) }
	upTo := func(v float64) side { return sideOf(schema.BoundAtMost, none, none, schema.F(v)) }
	vague := func(lo, hi float64) side { return sideOf(schema.BoundVague, schema.F(lo), none, schema.F(hi)) }
	rng := func(lo, hi float64) side { return sideOf(schema.BoundRange, schema.F(lo), none, schema.F(hi)) }
	neg := func(s side) side { s.negated = true; return s }
	asOf := func(s side) side { s.asOf = true; return s }
	voice := func(s side, src, art string, pub int64) side {
		s.voice, s.article, s.pub, s.hasPub = src, art, pub, true
		return s
	}

	for _, tc := range []struct {
		name     string
		a, b     side
		kind     string
		gap, rel float64
	}{
		{"approx vs more than, anchors 18% apart", approx(890), over(730), schema.ConflictDivergence, 160, 160.0 / 890},
		{"two lower bounds", over(730), over(500), schema.ConflictDivergence, 230, 230.0 / 730},
		{"lower bound agrees with a vague interval", over(400000), vague(200000, 999999), "", 0, 0},
		{"within tolerance", approx(890), approx(900), "", 0, 0},
		{"exact values within tolerance but disjoint", exact(100), exact(105), schema.ConflictContradiction, 5, 5.0 / 105},
		{"exact values disjoint", exact(2), exact(3), schema.ConflictContradiction, 1, 1.0 / 3},
		{"open end vs upper bound", over(730), upTo(500), schema.ConflictContradiction, 230, 230.0 / 730},
		{"range vs point inside", rng(10, 20), exact(12), "", 0, 0},
		{"range vs point outside", rng(10, 20), exact(25), schema.ConflictContradiction, 5, 0.2},
		{"vague vs vague overlapping", vague(200, 999), vague(2000, 9999), schema.ConflictContradiction, 1001, 1001.0 / 2000},
		{"zero vs positive: a count, not a denial", exact(0), exact(5), schema.ConflictContradiction, 5, 1},
		{"zero vs up to", exact(0), upTo(5), schema.ConflictDivergence, 5, 1},
		{"negated figure vs assertion", neg(exact(50)), approx(50), schema.ConflictDenial, 0, 0},
		{"assertion vs negated figure", approx(48), neg(exact(50)), schema.ConflictDenial, 2, 2.0 / 50},
		{"negated figure vs other figure", neg(exact(50)), exact(3), "", 0, 0},
		{"negated zero vs positive", neg(exact(0)), exact(4), schema.ConflictDenial, 4, 1},
		{"both negated", neg(exact(5)), neg(exact(5)), "", 0, 0},
		{"same source later grew: update",
			voice(exact(100), "SOHR", "a1", 100), voice(exact(150), "SOHR", "a2", 200), schema.ConflictUpdate, 50, 50.0 / 150},
		{"same source later diverged upwards: update",
			voice(approx(100), "SOHR", "a1", 100), voice(over(105), "SOHR", "a2", 200), "", 0, 0},
		{"same source later fell: contradiction",
			voice(exact(150), "SOHR", "a1", 100), voice(exact(100), "SOHR", "a2", 200), schema.ConflictContradiction, 50, 50.0 / 150},
		{"same source same day: contradiction",
			voice(exact(100), "SOHR", "a1", 100), voice(exact(150), "SOHR", "a2", 100), schema.ConflictContradiction, 50, 50.0 / 150},
		{"other source later grew: contradiction",
			voice(exact(100), "SOHR", "a1", 100), voice(exact(150), "OCHA", "a2", 200), schema.ConflictContradiction, 50, 50.0 / 150},
		{"same source, none to some later: update",
			voice(exact(0), "police", "a1", 100), voice(exact(3), "police", "a2", 200), schema.ConflictUpdate, 3, 1},
		{"more than 40 vs 40: cannot both hold", over(40), exact(40), schema.ConflictContradiction, 0, 0},
		{"at least 40 vs 40: agree", sideOf(schema.BoundAtLeast, schema.F(40), none, none), exact(40), "", 0, 0},
		{"less than 10 vs 10", sideOf(schema.BoundLessThan, none, none, schema.F(10)), exact(10), schema.ConflictContradiction, 0, 0},
		{"a running total grew a day later, other voices: update",
			asOf(voice(exact(5), "local official", "a1", 0)), voice(exact(24), "BNPB", "a2", 86400), schema.ConflictUpdate, 19, 19.0 / 24},
		{"a running total fell a day later: contradiction",
			asOf(voice(exact(24), "BNPB", "a1", 0)), voice(exact(5), "local official", "a2", 86400), schema.ConflictContradiction, 19, 19.0 / 24},
	} {
		got := compare(&tc.a, &tc.b, 0.1)
		if got.kind != tc.kind || !near(got.gap, tc.gap) || !near(got.rel, tc.rel) {
			t.Errorf("%s: compare = %+v, want {%s %v %v}", tc.name, got, tc.kind, tc.gap, tc.rel)
		}
	}

	// a higher figure from another voice 12 hours or more later is marked
	for _, tc := range []struct {
		name  string
		a, b  side
		later bool
	}{
		{"higher a day later", voice(exact(2), "police", "a1", 0), voice(exact(3), "hospital", "a2", 86400), true},
		{"lower a day later", voice(exact(3), "police", "a1", 0), voice(exact(2), "hospital", "a2", 86400), false},
		{"higher an hour later", voice(exact(2), "police", "a1", 0), voice(exact(3), "hospital", "a2", 3600), false},
		{"same voice: an update", voice(exact(2), "police", "a1", 0), voice(exact(3), "police", "a2", 86400), false},
	} {
		if got := compare(&tc.a, &tc.b, 0.1); got.later != tc.later || got.kind == "" {
			t.Errorf("%s: compare = %+v, want later %v", tc.name, got, tc.later)
		}
	}
}

func TestSeverity(t *testing.T) {
	kinds := []string{schema.ConflictContradiction, schema.ConflictDivergence, schema.ConflictUpdate, schema.ConflictDenial}
	for _, k := range kinds {
		prev := -1.0
		for _, rel := range []float64{0, 0.1, 0.5, 1} {
			for _, v := range []voices{{}, {quotedTwice: true}, {named: true}} {
				for bits := range 512 {
					w := weakening{bits&1 != 0, bits&2 != 0, bits&4 != 0, bits&8 != 0, bits >> 4 & 3, bits >> 6 & 3, bits&256 != 0}
					s := severity(k, rel, v, w)
					if s < 0 || s > 1 || math.IsNaN(s) {
						t.Errorf("severity(%s, %v, %v, %+v) = %v not in [0, 1]", k, rel, v, w, s)
					}
					if bits != 0 && s >= severity(k, rel, v, weakening{}) {
						t.Errorf("severity(%s, %v, %v, %+v) = %v is not weakened", k, rel, v, w, s)
					}
				}
			}
			s := severity(k, rel, voices{}, weakening{})
			if s <= prev {
				t.Errorf("severity(%s) does not grow with rel_gap: %v after %v", k, s, prev)
			}
			prev = s
		}
	}
	div := func(v voices) float64 { return severity(schema.ConflictDivergence, 0.3, v, weakening{}) }
	if !(div(voices{quotedTwice: true}) > div(voices{named: true}) && div(voices{named: true}) > div(voices{})) {
		t.Error("one named source quoted twice, then two named sources, do not raise severity in that order")
	}
	if severity(schema.ConflictUpdate, 1, voices{}, weakening{}) >= severity(schema.ConflictDivergence, 0.2, voices{}, weakening{}) {
		t.Error("an update outranks a divergence")
	}
	// what a reader should see first: two named sources, both totals,
	// published the same day, before the same pair from generic voices,
	// below a headline figure, or days apart
	top := severity(schema.ConflictContradiction, 0.4, voices{named: true}, weakening{})
	for _, w := range []weakening{{generic: 2}, {minor: 1}, {apart: true}, {later: true}} {
		if s := severity(schema.ConflictContradiction, 0.4, voices{}, w); s >= top {
			t.Errorf("%+v: severity %v, not below two named sources' %v", w, s, top)
		}
	}
}

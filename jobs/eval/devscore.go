package eval

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/claimscan/claimscan/schema"
)

// Scoring a run against a development set (ScoreDev) and its report.

// DevReport holds the figures of the development set's reference scorer
// (eval-dev/score.py), under its names and rounded as it rounds them (three
// decimals), and the items behind them. The conflict figures are set only
// when the set has conflicts; ValueInSpan and EntityInSpan are the scorer's
// "numbers" figures over the claims table's rows.
type DevReport struct {
	GoldClaims   int     `json:"gold_claims"`
	PredClaims   int     `json:"pred_claims"`
	Matched      int     `json:"matched"`
	Precision    float64 `json:"precision"`
	Recall       float64 `json:"recall"`
	F1           float64 `json:"f1"`
	PredicateAcc float64 `json:"predicate_acc"`
	SourceAcc    float64 `json:"source_acc"`

	GoldConflicts     *int     `json:"gold_conflicts,omitempty"`
	ConflictsFound    *int     `json:"conflicts_found,omitempty"`
	ConflictRecall    *float64 `json:"conflict_recall,omitempty"`
	ConflictPrecision *float64 `json:"conflict_precision,omitempty"`
	ConflictF1        *float64 `json:"conflict_f1,omitempty"`
	ConflictKindAcc   *float64 `json:"conflict_kind_acc,omitempty"`
	TrapHits          *int     `json:"trap_hits,omitempty"`
	Traps             *int     `json:"traps,omitempty"`
	Top30Precision    *float64 `json:"top30_precision,omitempty"`

	EntityInSpan float64 `json:"entity_in_span"`
	ValueInSpan  float64 `json:"value_in_span"`

	Misses          []DevGold   `json:"misses"`           // gold claims not matched (optional ones left out)
	FalsePositives  []Predicted `json:"false_positives"`  // quantity claims matched to no gold claim
	WrongPredicate  []DevMiss   `json:"wrong_predicate"`  // matched with another predicate
	WrongSource     []DevMiss   `json:"wrong_source"`     // matched with a source that is not the gold one
	WrongConflicts  []string    `json:"wrong_conflicts"`  // conflict ids judged wrong
	MissedConflicts []DevPair   `json:"missed_conflicts"` // gold conflicts not found
}

// DevMiss is a matched pair that differs in one attribute.
type DevMiss struct {
	Gold DevGold   `json:"gold"`
	Pred Predicted `json:"pred"`
}

// round3 rounds as Python's round(x, 3): to the nearest multiple of 0.001
// of x's exact binary value, ties to even (strconv formats the same way).
func round3(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return v
}

// closeVal is score.py's close: within 0.5 or 0.5%.
func closeVal(a, b float64) bool {
	return math.Abs(a-b) <= max(0.5, 0.005*max(math.Abs(a), math.Abs(b)))
}

// vals lists the set values among xs.
func vals(xs ...*float64) []float64 {
	var out []float64
	for _, x := range xs {
		if x != nil {
			out = append(out, *x)
		}
	}
	return out
}

func fvals(xs ...schema.Float) []float64 {
	var out []float64
	for _, x := range xs {
		if x.Valid {
			out = append(out, x.V)
		}
	}
	return out
}

func anyClose(a, b []float64) bool {
	for _, x := range a {
		for _, y := range b {
			if closeVal(x, y) {
				return true
			}
		}
	}
	return false
}

// ScoreDev scores the claims and conflicts tables of a dataset against a
// development set with the rules of its reference scorer (eval-dev/score.py),
// whose figures it reproduces to the third decimal:
//
//   - only quantity claims on the set's articles take part; a gold claim and
//     a prediction are candidates when their spans overlap and one of the
//     gold values (low, high) is close to one of the predicted ones (low,
//     best, high): within 0.5 or 0.5%;
//   - candidates are taken greedily by overlap (largest first; ties: gold
//     order, then the claims' order), one-to-one; an optional gold claim's
//     prediction is neutral;
//   - predicate accuracy compares the predicate; source accuracy uses the
//     scorer's loose name match (parts in brackets, containment, acronyms,
//     half the words);
//   - a conflict row counts when both claims are matched to gold claims of
//     different articles: a listed pair is found (its first row judges the
//     kind), an update row only finds; another pair is right when its gold
//     claims count one quantity (same cluster, predicate, subject and scope,
//     or joined by listed pairs) with different values, wrong otherwise and
//     always for a trap pair. top30_precision judges the 30 rows of highest
//     severity.
//
// The numbers figures read every claims row: the share of gold claims with
// a claim overlapping their span (entity_in_span) and with one whose value
// is close to theirs (value_in_span).
func ScoreDev(set DevSet, claims []schema.Claim, conflicts []schema.Conflict) DevReport {
	var r DevReport
	gold := set.Gold
	inSet := map[string]bool{}
	for _, g := range gold {
		inSet[g.ArticleID] = true
	}
	var pred []*schema.Claim
	byArt := map[string][]int{}
	for i := range claims {
		c := &claims[i]
		if inSet[c.ArticleID] && c.Kind == schema.KindQuantity {
			byArt[c.ArticleID] = append(byArt[c.ArticleID], len(pred))
			pred = append(pred, c)
		}
	}
	type cand struct{ ov, g, p int }
	var cands []cand
	for gi, g := range gold {
		gv := vals(g.ValueLow, g.ValueHigh)
		for _, pi := range byArt[g.ArticleID] {
			p := pred[pi]
			ov := min(g.Span[1], int(p.CharEnd)) - max(g.Span[0], int(p.CharStart))
			if ov <= 0 {
				continue
			}
			if anyClose(gv, fvals(p.ValueLow, p.ValueBest, p.ValueHigh)) {
				cands = append(cands, cand{ov, gi, pi})
			}
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(b.ov, a.ov), cmp.Compare(a.g, b.g), cmp.Compare(a.p, b.p))
	})
	g2p, p2g := map[int]int{}, map[int]int{}
	for _, c := range cands {
		_, gu := g2p[c.g]
		_, pu := p2g[c.p]
		if !gu && !pu {
			g2p[c.g], p2g[c.p] = c.p, c.g
		}
	}
	neutral := map[int]bool{}
	for gi, pi := range g2p {
		if gold[gi].Optional {
			neutral[pi] = true
			delete(p2g, pi)
			delete(g2p, gi)
		}
	}
	m := len(g2p)
	nPred := len(pred) - len(neutral)
	nGold := 0
	for _, g := range gold {
		if !g.Optional {
			nGold++
		}
	}
	prec, rec := ratio(m, nPred), ratio(m, nGold)
	predOK, srcOK := 0, 0
	for gi := range gold {
		pi, ok := g2p[gi]
		if !ok {
			if !gold[gi].Optional {
				r.Misses = append(r.Misses, gold[gi])
			}
			continue
		}
		p := pred[pi]
		if gold[gi].Predicate == p.Predicate {
			predOK++
		} else {
			r.WrongPredicate = append(r.WrongPredicate, DevMiss{gold[gi], toPredicted(p)})
		}
		if SameSourceLoose(gold[gi].Source, p.Source) {
			srcOK++
		} else {
			r.WrongSource = append(r.WrongSource, DevMiss{gold[gi], toPredicted(p)})
		}
	}
	for pi, p := range pred {
		if _, ok := p2g[pi]; !ok && !neutral[pi] {
			r.FalsePositives = append(r.FalsePositives, toPredicted(p))
		}
	}
	r.GoldClaims, r.PredClaims, r.Matched = nGold, nPred, m
	r.Precision, r.Recall, r.F1 = round3(prec), round3(rec), round3(f1(prec, rec))
	if m > 0 {
		r.PredicateAcc, r.SourceAcc = round3(float64(predOK)/float64(m)), round3(float64(srcOK)/float64(m))
	}
	if set.HasConflicts {
		r.scoreConflicts(set, pred, p2g, conflicts)
	}
	r.EntityInSpan, r.ValueInSpan = numbersInSpan(gold, claims)
	return r
}

// devKey is a gold claim's place: its article and span.
type devKey struct {
	article    string
	start, end int
}

// pairKey is an unordered pair of places.
type pairKey struct{ a, b devKey }

func mkPair(a, b devKey) pairKey {
	if cmp.Or(strings.Compare(a.article, b.article), cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) > 0 {
		a, b = b, a
	}
	return pairKey{a, b}
}

func endKey(e DevEnd) devKey { return devKey{e.ArticleID, e.Span[0], e.Span[1]} }

// scoreConflicts sets the conflict figures, as score.py's score does.
func (r *DevReport) scoreConflicts(set DevSet, pred []*schema.Claim, p2g map[int]int, conflicts []schema.Conflict) {
	gold := set.Gold
	cid2g := map[string]devKey{}
	cid2gi := map[string]int{}
	for pi, gi := range p2g {
		g := gold[gi]
		cid2g[pred[pi].ClaimID] = devKey{g.ArticleID, g.Span[0], g.Span[1]}
		cid2gi[pred[pi].ClaimID] = gi
	}
	group := quantityGroups(set)
	gc := map[pairKey]string{}
	for _, c := range set.Conflicts {
		gc[mkPair(endKey(c.A), endKey(c.B))] = c.Kind
	}
	traps := map[pairKey]bool{}
	for _, c := range set.Traps {
		traps[mkPair(endKey(c.A), endKey(c.B))] = true
	}
	found := map[pairKey]bool{}
	kindOK, judged, wrong, trapHits := 0, 0, 0, 0
	type verdict struct {
		sev   float64
		right bool
	}
	var verdicts []verdict
	for i := range conflicts {
		c := &conflicts[i]
		a, okA := cid2g[c.ClaimIDA]
		b, okB := cid2g[c.ClaimIDB]
		if !okA || !okB || a.article == b.article {
			continue
		}
		k := mkPair(a, b)
		if traps[k] && (c.Kind == "contradiction" || c.Kind == "divergence") {
			trapHits++
		}
		_, listed := gc[k]
		if c.Kind == "update" {
			if listed {
				found[k] = true
			}
			continue
		}
		judged++
		if listed {
			if !found[k] {
				found[k] = true
				if gc[k] == c.Kind {
					kindOK++
				}
			}
			verdicts = append(verdicts, verdict{c.Severity, true})
			continue
		}
		ga, gb := cid2gi[c.ClaimIDA], cid2gi[c.ClaimIDB]
		bad := traps[k] || group[ga] != group[gb] || !differ(gold[ga], gold[gb])
		if bad {
			wrong++
			r.WrongConflicts = append(r.WrongConflicts, c.ConflictID)
		}
		verdicts = append(verdicts, verdict{c.Severity, !bad})
	}
	for _, c := range set.Conflicts {
		if !found[mkPair(endKey(c.A), endKey(c.B))] {
			r.MissedConflicts = append(r.MissedConflicts, c)
		}
	}
	cr := ratio(len(found), len(gc))
	cp := ratio(judged-wrong, judged)
	ka := ratio(kindOK, len(found))
	slices.SortStableFunc(verdicts, func(a, b verdict) int { return cmp.Compare(b.sev, a.sev) })
	top := verdicts[:min(30, len(verdicts))]
	right := 0
	for _, v := range top {
		if v.right {
			right++
		}
	}
	ints := func(v int) *int { return &v }
	fl := func(v float64) *float64 { v = round3(v); return &v }
	r.GoldConflicts, r.ConflictsFound = ints(len(gc)), ints(len(found))
	r.ConflictRecall, r.ConflictPrecision, r.ConflictF1, r.ConflictKindAcc = fl(cr), fl(cp), fl(f1(cp, cr)), fl(ka)
	r.TrapHits, r.Traps = ints(trapHits), ints(len(traps))
	r.Top30Precision = fl(ratio(right, len(top)))
}

// differ reports whether two gold claims give different figures (low and
// high, an open end differing from a closed one).
func differ(a, b DevGold) bool {
	for _, xy := range [][2]*float64{{a.ValueLow, b.ValueLow}, {a.ValueHigh, b.ValueHigh}} {
		x, y := xy[0], xy[1]
		if (x == nil) != (y == nil) || x != nil && !closeVal(*x, *y) {
			return true
		}
	}
	return false
}

var scopeMark = regexp.MustCompile(`\s*\((headline|photo caption)\)`)

// quantityGroups returns the quantity of each gold claim as a group number:
// claims of one cluster with the same predicate, subject and scope (the
// headline and caption marks aside; claims about other events stay alone),
// or with the same annotated quantity, count one quantity, and so do the
// two claims of every listed conflict that share a predicate.
func quantityGroups(set DevSet) []int {
	gold := set.Gold
	par := make([]int, len(gold))
	for i := range par {
		par[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for par[x] != x {
			par[x] = par[par[x]]
			x = par[x]
		}
		return x
	}
	type qkey struct{ cluster, a, b, c string }
	first := map[qkey]int{}
	at := map[devKey][]int{}
	for i, g := range gold {
		k := devKey{g.ArticleID, g.Span[0], g.Span[1]}
		at[k] = append(at[k], i)
		scope := strings.ToLower(strings.TrimSpace(scopeMark.ReplaceAllString(g.Scope, "")))
		var q qkey
		switch {
		case g.Quantity != "":
			if strings.HasPrefix(g.Quantity, "other-") {
				continue
			}
			q = qkey{g.Cluster, "\x00q", g.Quantity, ""}
		case strings.Contains(scope, "(other event)") || strings.Contains(scope, "separate incident"):
			continue
		default:
			q = qkey{g.Cluster, g.Predicate, strings.ToLower(strings.TrimSpace(g.Subject)), scope}
		}
		if f, ok := first[q]; ok {
			par[find(i)] = find(f)
		} else {
			first[q] = i
		}
	}
	for _, c := range set.Conflicts {
		for _, i := range at[endKey(c.A)] {
			for _, j := range at[endKey(c.B)] {
				if gold[i].Predicate == gold[j].Predicate {
					par[find(i)] = find(j)
				}
			}
		}
	}
	out := make([]int, len(gold))
	for i := range out {
		out[i] = find(i)
	}
	return out
}

// numbersInSpan returns the shares of non-optional gold claims that a
// claim overlaps, and that a claim with a close value overlaps, rounded.
func numbersInSpan(gold []DevGold, claims []schema.Claim) (entity, value float64) {
	byArt := map[string][]*schema.Claim{}
	for i := range claims {
		byArt[claims[i].ArticleID] = append(byArt[claims[i].ArticleID], &claims[i])
	}
	n, hitSpan, hit := 0, 0, 0
	for _, g := range gold {
		if g.Optional {
			continue
		}
		n++
		gv := vals(g.ValueLow, g.ValueHigh)
		near, ok := false, false
		for _, c := range byArt[g.ArticleID] {
			if min(g.Span[1], int(c.CharEnd))-max(g.Span[0], int(c.CharStart)) <= 0 {
				continue
			}
			near = true
			if anyClose(fvals(c.ValueLow, c.ValueBest, c.ValueHigh), gv) {
				ok = true
			}
		}
		if near {
			hitSpan++
		}
		if ok {
			hit++
		}
	}
	return round3(ratio(hitSpan, n)), round3(ratio(hit, n))
}

// WriteText writes the figures as a table, then the misses, false
// positives, wrong predicates and sources (up to MaxListed each).
func (r DevReport) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "claims: %d gold, %d predicted, %d matched\n", r.GoldClaims, r.PredClaims, r.Matched)
	fmt.Fprintf(bw, "  precision %.3f  recall %.3f  f1 %.3f  predicate_acc %.3f  source_acc %.3f\n",
		r.Precision, r.Recall, r.F1, r.PredicateAcc, r.SourceAcc)
	fmt.Fprintf(bw, "  entity_in_span %.3f  value_in_span %.3f\n", r.EntityInSpan, r.ValueInSpan)
	if r.GoldConflicts != nil {
		fmt.Fprintf(bw, "conflicts: %d gold, %d found\n", *r.GoldConflicts, *r.ConflictsFound)
		fmt.Fprintf(bw, "  conflict_recall %.3f  conflict_precision %.3f  conflict_f1 %.3f  conflict_kind_acc %.3f\n",
			*r.ConflictRecall, *r.ConflictPrecision, *r.ConflictF1, *r.ConflictKindAcc)
		fmt.Fprintf(bw, "  trap_hits %d of %d traps  top30_precision %.3f\n", *r.TrapHits, *r.Traps, *r.Top30Precision)
	}
	val := func(lo, hi *float64) string { return "[" + num(lo) + ", " + num(hi) + "]" }
	if len(r.Misses) > 0 {
		fmt.Fprintf(bw, "\nmisses: %d\n", len(r.Misses))
		for _, g := range r.Misses[:min(len(r.Misses), MaxListed)] {
			fmt.Fprintf(bw, "  %s %v %s %s %s %s\n", g.ArticleID, g.Span, val(g.ValueLow, g.ValueHigh), g.Predicate, g.Subject, voice(g.Source))
		}
	}
	if len(r.FalsePositives) > 0 {
		fmt.Fprintf(bw, "\nfalse positives: %d\n", len(r.FalsePositives))
		for _, p := range r.FalsePositives[:min(len(r.FalsePositives), MaxListed)] {
			fmt.Fprintf(bw, "  %s [%d %d] %q %s %s %s %s\n", p.ArticleID, p.CharStart, p.CharEnd, p.Quote, predBounds(p), p.Predicate, p.Subject, voice(p.Source))
		}
	}
	for _, l := range []struct {
		name string
		ms   []DevMiss
	}{{"wrong predicate", r.WrongPredicate}, {"wrong source", r.WrongSource}} {
		if len(l.ms) == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n%s: %d\n", l.name, len(l.ms))
		for _, m := range l.ms[:min(len(l.ms), MaxListed)] {
			fmt.Fprintf(bw, "  %s %q: %s %s, want %s %s\n", m.Gold.ArticleID, m.Pred.Quote, m.Pred.Predicate, voice(m.Pred.Source), m.Gold.Predicate, voice(m.Gold.Source))
		}
	}
	return bw.Flush()
}

// WriteJSON writes the report as one JSON object: the figures under
// score.py's names, then the lists.
func (r DevReport) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

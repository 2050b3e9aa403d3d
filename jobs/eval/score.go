package eval

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimscan/claimscan/schema"
)

// Tolerance says how far two finite interval ends may be apart and still
// agree: |a-b| <= max(Abs, Rel*max(|a|,|b|)), with Rel raised to Approx when
// the gold item is approx or the prediction's bound is "approx".
type Tolerance struct {
	Abs    float64
	Rel    float64
	Approx float64
}

// DefaultTolerance is the tolerance [Score] uses: 0.5 absolute, 1% relative,
// 10% for approximate values.
var DefaultTolerance = Tolerance{Abs: 0.5, Rel: 0.01, Approx: 0.10}

// Options tunes [ScoreWith]. The zero value gives [Score]'s behaviour.
type Options struct {
	// Tolerance for value agreement; the zero value means DefaultTolerance.
	Tolerance Tolerance
	// Texts maps article ids to article texts. When an article's text is
	// known, gold quotes are located in it (first occurrence) and span overlap
	// and offset distance rank the candidate pairs before quote similarity.
	Texts map[string]string
}

// Report is the result of scoring: counts, rates, breakdowns and the items to
// look at when debugging. Rates are 0 when their denominator is 0.
type Report struct {
	GoldArticles int `json:"gold_articles"` // articles in the gold file
	Gold         int `json:"gold"`          // gold claims
	Predicted    int `json:"predicted"`     // quantity claims on gold articles
	Ignored      int `json:"ignored"`       // quantity claims on articles absent from the gold file

	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`

	// Accuracy among the TP matched pairs, and the counts behind them.
	PredicateAcc     float64 `json:"predicate_acc"`
	SubjectAcc       float64 `json:"subject_acc"`
	SourceAcc        float64 `json:"source_acc"`
	ScopeAcc         float64 `json:"scope_acc"`
	PredicateCorrect int     `json:"predicate_correct"`
	SubjectCorrect   int     `json:"subject_correct"`
	SourceCorrect    int     `json:"source_correct"`
	ScopeCorrect     int     `json:"scope_correct"`

	Articles    []ArticleScore   `json:"articles"`     // by article id
	ByPredicate []PredicateScore `json:"by_predicate"` // by gold predicate

	Misses         []Gold      `json:"misses"`          // gold items with no match, in gold order
	FalsePositives []Predicted `json:"false_positives"` // predictions with no match, by article and offset
	Mismatches     []Mismatch  `json:"mismatches"`      // matched pairs that differ in predicate, subject, source or scope
}

// ArticleScore is one article's line of the report.
type ArticleScore struct {
	ArticleID string  `json:"article_id"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// PredicateScore is the recall of the gold items with one predicate, and how
// often the matched predictions got the predicate right.
type PredicateScore struct {
	Predicate    string  `json:"predicate"`
	Gold         int     `json:"gold"`
	Matched      int     `json:"matched"`
	Recall       float64 `json:"recall"`
	PredicateAcc float64 `json:"predicate_acc"`
}

// Predicted is the part of a predicted claim the report shows.
type Predicted struct {
	ArticleID string   `json:"article_id"`
	CharStart int32    `json:"char_start"`
	CharEnd   int32    `json:"char_end"`
	Quote     string   `json:"quote"`
	Predicate string   `json:"predicate"`
	Subject   string   `json:"subject"`
	ValueLow  *float64 `json:"value_low"`
	ValueBest *float64 `json:"value_best"`
	ValueHigh *float64 `json:"value_high"`
	Bound     string   `json:"bound"`
	Source    string   `json:"source"`
	Scope     string   `json:"scope"`
}

// Mismatch is a matched pair whose attributes differ; the Bad* flags say which.
type Mismatch struct {
	Gold         Gold      `json:"gold"`
	Pred         Predicted `json:"pred"`
	BadPredicate bool      `json:"bad_predicate"`
	BadSubject   bool      `json:"bad_subject"`
	BadSource    bool      `json:"bad_source"`
	BadScope     bool      `json:"bad_scope"`
}

// Score matches claims against gold with the default options and returns the
// report. See the package documentation for the matching rules.
func Score(gold []Gold, claims []schema.Claim) Report {
	return ScoreWith(gold, claims, Options{})
}

// interval is a value interval with nil for open ends.
type interval struct {
	lo, hi *float64
}

type predItem struct {
	c      *schema.Claim
	idx    int // position in the claims slice
	iv     interval
	approx bool
	ok     bool // has a value
}

type pair struct {
	g, p     int
	affinity float64
	dist     int64
}

// ScoreWith is [Score] with options.
func ScoreWith(gold []Gold, claims []schema.Claim, opt Options) Report {
	tol := opt.Tolerance
	if tol == (Tolerance{}) {
		tol = DefaultTolerance
	}
	var rep Report

	// Gold by article, keeping file order.
	goldBy := map[string][]int{}
	var order []string
	for i, g := range gold {
		if _, ok := goldBy[g.ArticleID]; !ok {
			order = append(order, g.ArticleID)
			goldBy[g.ArticleID] = nil
		}
		if !g.Empty() {
			goldBy[g.ArticleID] = append(goldBy[g.ArticleID], i)
		}
	}
	rep.GoldArticles = len(order)

	predBy := map[string][]predItem{}
	for i := range claims {
		c := &claims[i]
		if c.Kind != schema.KindQuantity {
			continue
		}
		if _, ok := goldBy[c.ArticleID]; !ok {
			rep.Ignored++
			continue
		}
		iv, ok := predInterval(c)
		predBy[c.ArticleID] = append(predBy[c.ArticleID], predItem{
			c: c, idx: i, iv: iv, ok: ok, approx: c.Bound == schema.BoundApprox,
		})
	}

	matched := make([]int, len(gold)) // gold index -> claims index + 1
	predStats := map[string]*PredicateScore{}
	predOK := map[string]int{}
	slices.Sort(order)
	for _, aid := range order {
		gs := goldBy[aid]
		ps := predBy[aid]
		slices.SortStableFunc(ps, func(a, b predItem) int {
			return cmp.Or(cmp.Compare(a.c.CharStart, b.c.CharStart), cmp.Compare(a.idx, b.idx))
		})
		text, hasText := opt.Texts[aid]
		var pairs []pair
		for _, gi := range gs {
			g := gold[gi]
			giv := interval{g.ValueLow, g.ValueHigh}
			gStart, gEnd := -1, -1
			if hasText && g.Quote != "" {
				if b := strings.Index(text, g.Quote); b >= 0 {
					gStart = utf8.RuneCountInString(text[:b])
					gEnd = gStart + utf8.RuneCountInString(g.Quote)
				}
			}
			gTok := tokens(g.Quote)
			for pi, p := range ps {
				if !p.ok || !agree(giv, p.iv, tol, g.Approx || p.approx) {
					continue
				}
				pr := pair{g: gi, p: pi}
				pr.affinity = quoteAffinity(g.Quote, gTok, p.c)
				// Among equally placed candidates prefer the one that
				// agrees on what is counted and who says so: a trap such
				// as "gatherings of more than 120 people" should not take
				// the gold "More than 120 people remain missing".
				if strings.EqualFold(strings.TrimSpace(g.Predicate), strings.TrimSpace(p.c.Predicate)) {
					pr.affinity += 1
				}
				if SourceMatch(g, p.c.Source) {
					pr.affinity += 0.5
				}
				if gStart >= 0 {
					ov := min(gEnd, int(p.c.CharEnd)) - max(gStart, int(p.c.CharStart))
					if ov > 0 && gEnd > gStart {
						pr.affinity += 4 * float64(ov) / float64(gEnd-gStart)
					}
					pr.dist = int64(abs(gStart - int(p.c.CharStart)))
				}
				pairs = append(pairs, pr)
			}
		}
		slices.SortFunc(pairs, func(a, b pair) int {
			return cmp.Or(
				-cmp.Compare(a.affinity, b.affinity),
				cmp.Compare(a.dist, b.dist),
				cmp.Compare(a.g, b.g),
				cmp.Compare(a.p, b.p),
			)
		})
		pUsed := make([]bool, len(ps))
		as := ArticleScore{ArticleID: aid, Gold: len(gs), Predicted: len(ps)}
		for _, pr := range pairs {
			if matched[pr.g] != 0 || pUsed[pr.p] {
				continue
			}
			matched[pr.g] = ps[pr.p].idx + 1
			pUsed[pr.p] = true
			as.TP++
		}
		for pi, p := range ps {
			if !pUsed[pi] {
				rep.FalsePositives = append(rep.FalsePositives, toPredicted(p.c))
			}
		}
		as.FP = as.Predicted - as.TP
		as.FN = as.Gold - as.TP
		as.Precision, as.Recall, as.F1 = prf(as.TP, as.FP, as.FN)
		rep.Articles = append(rep.Articles, as)
		rep.Gold += as.Gold
		rep.Predicted += as.Predicted
		rep.TP += as.TP
		rep.FP += as.FP
		rep.FN += as.FN
	}

	for gi, g := range gold {
		if g.Empty() {
			continue
		}
		st := predStats[g.Predicate]
		if st == nil {
			st = &PredicateScore{Predicate: g.Predicate}
			predStats[g.Predicate] = st
		}
		st.Gold++
		if matched[gi] == 0 {
			rep.Misses = append(rep.Misses, g)
			continue
		}
		st.Matched++
		c := &claims[matched[gi]-1]
		mm := Mismatch{
			BadPredicate: !strings.EqualFold(strings.TrimSpace(g.Predicate), strings.TrimSpace(c.Predicate)),
			BadSubject:   !SubjectMatch(g.Subject, c.Subject),
			BadSource:    !SourceMatch(g, c.Source),
			BadScope:     !ScopeMatch(g.Scope, c.ScopeText),
		}
		if !mm.BadPredicate {
			rep.PredicateCorrect++
			predOK[g.Predicate]++
		}
		if !mm.BadSubject {
			rep.SubjectCorrect++
		}
		if !mm.BadSource {
			rep.SourceCorrect++
		}
		if !mm.BadScope {
			rep.ScopeCorrect++
		}
		if mm.BadPredicate || mm.BadSubject || mm.BadSource || mm.BadScope {
			mm.Gold = g
			mm.Pred = toPredicted(c)
			rep.Mismatches = append(rep.Mismatches, mm)
		}
	}
	for _, st := range predStats {
		st.Recall = ratio(st.Matched, st.Gold)
		st.PredicateAcc = ratio(predOK[st.Predicate], st.Matched)
		rep.ByPredicate = append(rep.ByPredicate, *st)
	}
	slices.SortFunc(rep.ByPredicate, func(a, b PredicateScore) int { return cmp.Compare(a.Predicate, b.Predicate) })

	rep.Precision, rep.Recall, rep.F1 = prf(rep.TP, rep.FP, rep.FN)
	rep.PredicateAcc = ratio(rep.PredicateCorrect, rep.TP)
	rep.SubjectAcc = ratio(rep.SubjectCorrect, rep.TP)
	rep.SourceAcc = ratio(rep.SourceCorrect, rep.TP)
	rep.ScopeAcc = ratio(rep.ScopeCorrect, rep.TP)
	return rep
}

// predInterval returns the value interval of a predicted claim and whether
// it has a value at all.
func predInterval(c *schema.Claim) (interval, bool) {
	f := func(x schema.Float) *float64 {
		if !x.Valid || math.IsNaN(x.V) {
			return nil
		}
		v := x.V
		return &v
	}
	lo, hi := f(c.ValueLow), f(c.ValueHigh)
	if lo != nil || hi != nil {
		return interval{lo, hi}, true
	}
	if b := f(c.ValueBest); b != nil {
		return interval{b, b}, true
	}
	return interval{}, false
}

// agree reports whether two intervals agree end by end.
func agree(a, b interval, tol Tolerance, approx bool) bool {
	rel := tol.Rel
	if approx && tol.Approx > rel {
		rel = tol.Approx
	}
	return endAgree(a.lo, b.lo, tol.Abs, rel) && endAgree(a.hi, b.hi, tol.Abs, rel)
}

func endAgree(a, b *float64, absTol, rel float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	d := math.Abs(*a - *b)
	return d <= max(absTol, rel*max(math.Abs(*a), math.Abs(*b)))
}

// quoteAffinity scores how well a predicted claim's quote and sentence fit a
// gold quote: containment of one quote in the other (2), the gold quote lying
// in the predicted sentence (1), plus the word overlap (Jaccard, up to 0.9).
func quoteAffinity(gq string, gTok []string, c *schema.Claim) float64 {
	a := 0.0
	g := strings.ToLower(gq)
	p := strings.ToLower(c.Quote)
	if g != "" && p != "" && (strings.Contains(p, g) || strings.Contains(g, p)) {
		a += 2
	}
	if g != "" && strings.Contains(strings.ToLower(c.Sentence), g) {
		a++
	}
	return a + 0.9*jaccard(gTok, tokens(c.Quote))
}

// tokens splits s into lower-case words and digit runs, sorted and unique.
func tokens(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	slices.Sort(f)
	return slices.Compact(f)
}

func jaccard(a, b []string) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	inter := 0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch strings.Compare(a[i], b[j]) {
		case 0:
			inter++
			i++
			j++
		case -1:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

func toPredicted(c *schema.Claim) Predicted {
	f := func(x schema.Float) *float64 {
		if !x.Valid {
			return nil
		}
		v := x.V
		return &v
	}
	return Predicted{
		ArticleID: c.ArticleID, CharStart: c.CharStart, CharEnd: c.CharEnd, Quote: c.Quote,
		Predicate: c.Predicate, Subject: c.Subject,
		ValueLow: f(c.ValueLow), ValueBest: f(c.ValueBest), ValueHigh: f(c.ValueHigh),
		Bound: c.Bound, Source: c.Source, Scope: c.ScopeText,
	}
}

func prf(tp, fp, fn int) (p, r, f float64) {
	p = ratio(tp, tp+fp)
	r = ratio(tp, tp+fn)
	return p, r, f1(p, r)
}

// f1 is the harmonic mean of precision p and recall r, 0 when both are.
func f1(p, r float64) float64 {
	if p+r > 0 {
		return 2 * p * r / (p + r)
	}
	return 0
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

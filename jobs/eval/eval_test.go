package eval

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/schema"
)

func fp(v float64) *float64 { return &v }

// q builds a predicted quantity claim.
func q(article, quote string, lo, hi schema.Float, bound string, start int32) schema.Claim {
	return schema.Claim{
		ArticleID: article, Quote: quote, Kind: schema.KindQuantity,
		ValueLow: lo, ValueHigh: hi, Bound: bound,
		CharStart: start, CharEnd: start + int32(len([]rune(quote))),
		Predicate: "killed", Subject: "people",
	}
}

var none = schema.Float{}

func gold(article, quote string, lo, hi *float64, approx bool) Gold {
	return Gold{ArticleID: article, Quote: quote, Predicate: "killed", Subject: "people", ValueLow: lo, ValueHigh: hi, Approx: approx}
}

func checkCounts(t *testing.T, r Report, tp, fp, fn int) {
	t.Helper()
	if r.TP != tp || r.FP != fp || r.FN != fn {
		t.Fatalf("TP/FP/FN = %d/%d/%d, want %d/%d/%d\nmisses %+v\nfalse positives %+v", r.TP, r.FP, r.FN, tp, fp, fn, r.Misses, r.FalsePositives)
	}
}

func TestPerfectMatch(t *testing.T) {
	g := []Gold{
		gold("a", "killing at least 12 people", fp(12), nil, false),
		gold("a", "injuring 80 others", fp(80), fp(80), false),
		gold("b", "hundreds of people", fp(200), fp(999), false),
	}
	c := []schema.Claim{
		q("a", "at least 12 people", schema.F(12), none, schema.BoundAtLeast, 10),
		q("a", "80 others", schema.F(80), schema.F(80), schema.BoundExact, 40),
		q("b", "hundreds of people", schema.F(200), schema.F(999), schema.BoundVague, 3),
	}
	r := Score(g, c)
	checkCounts(t, r, 3, 0, 0)
	if r.Precision != 1 || r.Recall != 1 || r.F1 != 1 {
		t.Errorf("P/R/F1 = %v/%v/%v, want 1/1/1", r.Precision, r.Recall, r.F1)
	}
	if r.PredicateAcc != 1 || r.SubjectAcc != 1 || r.SourceAcc != 1 || r.ScopeAcc != 1 {
		t.Errorf("accuracies %v %v %v %v, want all 1", r.PredicateAcc, r.SubjectAcc, r.SourceAcc, r.ScopeAcc)
	}
	if len(r.Articles) != 2 || r.Articles[0].ArticleID != "a" || r.Articles[0].TP != 2 {
		t.Errorf("articles = %+v", r.Articles)
	}
}

func TestMissAndFalsePositive(t *testing.T) {
	g := []Gold{
		gold("a", "27 dead", fp(27), fp(27), false),
		gold("a", "151 injured", fp(151), fp(151), false),
	}
	c := []schema.Claim{
		q("a", "27 dead", schema.F(27), schema.F(27), schema.BoundExact, 0),
		q("a", "a 17-year-old", schema.F(17), schema.F(17), schema.BoundExact, 30),
	}
	r := Score(g, c)
	checkCounts(t, r, 1, 1, 1)
	if r.Precision != 0.5 || r.Recall != 0.5 || r.F1 != 0.5 {
		t.Errorf("P/R/F1 = %v/%v/%v, want 0.5 each", r.Precision, r.Recall, r.F1)
	}
	if len(r.Misses) != 1 || r.Misses[0].Quote != "151 injured" {
		t.Errorf("misses = %+v", r.Misses)
	}
	if len(r.FalsePositives) != 1 || r.FalsePositives[0].Quote != "a 17-year-old" {
		t.Errorf("false positives = %+v", r.FalsePositives)
	}
}

func TestTolerance(t *testing.T) {
	cases := []struct {
		name   string
		g      Gold
		lo, hi schema.Float
		bound  string
		match  bool
	}{
		{"exact", gold("a", "x", fp(1000), fp(1000), false), schema.F(1000), schema.F(1000), "exact", true},
		{"within 1%", gold("a", "x", fp(1000), fp(1000), false), schema.F(1009), schema.F(1009), "exact", true},
		{"beyond 1%", gold("a", "x", fp(1000), fp(1000), false), schema.F(1020), schema.F(1020), "exact", false},
		{"small counts exact", gold("a", "x", fp(12), fp(12), false), schema.F(13), schema.F(13), "exact", false},
		{"more than 730 as 731", gold("a", "x", fp(730), nil, false), schema.F(731), none, "more_than", true},
		{"gold approx widens", gold("a", "x", fp(890), fp(890), true), schema.F(850), schema.F(850), "exact", true},
		{"gold approx limit", gold("a", "x", fp(890), fp(890), true), schema.F(700), schema.F(700), "exact", false},
		{"pred approx widens", gold("a", "x", fp(890), fp(890), false), schema.F(850), schema.F(850), "approx", true},
		{"approx widened pred", gold("a", "x", fp(890), fp(890), true), schema.F(801), schema.F(979), "approx", true},
		{"money", gold("a", "x", fp(2.3e9), fp(2.3e9), false), schema.F(2300000000), schema.F(2300000000), "exact", true},
		{"zero", gold("a", "x", fp(0), fp(0), false), schema.F(0), schema.F(0), "exact", true},
		{"zero vs one", gold("a", "x", fp(0), fp(0), false), schema.F(1), schema.F(1), "exact", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Score([]Gold{tc.g}, []schema.Claim{q("a", "x", tc.lo, tc.hi, tc.bound, 0)})
			if got := r.TP == 1; got != tc.match {
				t.Errorf("match = %v, want %v", got, tc.match)
			}
		})
	}
}

func TestOpenBounds(t *testing.T) {
	cases := []struct {
		name     string
		g        Gold
		lo, best schema.Float
		hi       schema.Float
		match    bool
	}{
		{"open high matches open high", gold("a", "x", fp(730), nil, false), schema.F(730), none, none, true},
		{"open high does not match closed", gold("a", "x", fp(730), nil, false), schema.F(730), none, schema.F(730), false},
		{"open low matches open low", gold("a", "x", nil, fp(50), false), none, none, schema.F(50), true},
		{"open low does not match closed", gold("a", "x", nil, fp(50), false), schema.F(50), none, schema.F(50), false},
		{"exact does not match open", gold("a", "x", fp(12), fp(12), false), schema.F(12), none, none, false},
		{"best only is a point", gold("a", "x", fp(890), fp(890), true), none, schema.F(890), none, true},
		{"best is ignored when a bound is set", gold("a", "x", fp(730), nil, false), schema.F(730), schema.F(730), none, true},
		{"no value never matches", gold("a", "x", fp(1), fp(1), false), none, none, none, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := q("a", "x", tc.lo, tc.hi, "", 0)
			c.ValueBest = tc.best
			r := Score([]Gold{tc.g}, []schema.Claim{c})
			if got := r.TP == 1; got != tc.match {
				t.Errorf("match = %v, want %v", got, tc.match)
			}
		})
	}
}

func TestOneToOne(t *testing.T) {
	// Two gold claims with the same value, one prediction: one match only.
	g := []Gold{
		gold("a", "rose to 27", fp(27), fp(27), false),
		gold("a", "27 bodies had been recovered", fp(27), fp(27), false),
	}
	r := Score(g, []schema.Claim{q("a", "27 bodies", schema.F(27), schema.F(27), "exact", 50)})
	checkCounts(t, r, 1, 0, 1)
	// The prediction goes to the gold item whose quote it overlaps.
	if r.Misses[0].Quote != "rose to 27" {
		t.Errorf("missed %q, want the other gold item", r.Misses[0].Quote)
	}

	// One gold claim, two equal predictions: one match, one false positive.
	r = Score(g[:1], []schema.Claim{
		q("a", "27", schema.F(27), schema.F(27), "exact", 90),
		q("a", "rose to 27", schema.F(27), schema.F(27), "exact", 10),
	})
	checkCounts(t, r, 1, 1, 0)
	if r.FalsePositives[0].CharStart != 90 {
		t.Errorf("false positive at %d, want the one with the weaker quote (90)", r.FalsePositives[0].CharStart)
	}

	// Greedy assignment by quote: each gold item gets its own prediction even
	// when the claims come in the other order.
	g2 := []Gold{
		{ArticleID: "a", Quote: "rose to 27", Predicate: "killed", Subject: "people", ValueLow: fp(27), ValueHigh: fp(27), Source: "Gazipur police"},
		{ArticleID: "a", Quote: "27 bodies had been recovered", Predicate: "killed", Subject: "people", ValueLow: fp(27), ValueHigh: fp(27), Source: "Shafiqul Islam"},
	}
	c1 := q("a", "27 bodies had been recovered", schema.F(27), schema.F(27), "exact", 80)
	c1.Source = "Shafiqul Islam"
	c2 := q("a", "rose to 27", schema.F(27), schema.F(27), "exact", 20)
	c2.Source = "Gazipur police"
	r = Score(g2, []schema.Claim{c1, c2})
	checkCounts(t, r, 2, 0, 0)
	if r.SourceAcc != 1 {
		t.Errorf("source accuracy %v, want 1 (pairs crossed: %+v)", r.SourceAcc, r.Mismatches)
	}
}

func TestTextsOffsets(t *testing.T) {
	text := "Police said 5 were hurt. Later 5 were hurt again, medics said."
	g := []Gold{{ArticleID: "a", Quote: "Later 5 were hurt", Predicate: "injured", Subject: "people", ValueLow: fp(5), ValueHigh: fp(5), Source: "medics"}}
	first := q("a", "5", schema.F(5), schema.F(5), "exact", 12)
	first.Source = "police"
	second := q("a", "5", schema.F(5), schema.F(5), "exact", 31)
	second.Source = "medics"
	r := ScoreWith(g, []schema.Claim{first, second}, Options{Texts: map[string]string{"a": text}})
	checkCounts(t, r, 1, 1, 0)
	if r.FalsePositives[0].CharStart != 12 {
		t.Errorf("matched the prediction at %d, want the one inside the gold quote", 12)
	}
	// Without the text, agreement on the source decides.
	r = Score(g, []schema.Claim{second, first})
	if r.FalsePositives[0].CharStart != 12 {
		t.Errorf("without text, false positive at %d, want 12 (the police figure)", r.FalsePositives[0].CharStart)
	}
	// With nothing to tell them apart the earlier prediction is taken,
	// whatever the order of the claims slice.
	first.Source, second.Source = "medics", "medics"
	for _, c := range [][]schema.Claim{{first, second}, {second, first}} {
		r = Score(g, c)
		if r.FalsePositives[0].CharStart != 31 {
			t.Errorf("tie: false positive at %d, want 31", r.FalsePositives[0].CharStart)
		}
	}
}

func TestPredicateBreaksTies(t *testing.T) {
	// "gatherings of more than 120 people were banned ... More than 120
	// people remain missing": the trap must not take the gold item.
	g := []Gold{{ArticleID: "a", Quote: "More than 120 people", Predicate: "missing", Subject: "people", ValueLow: fp(120), Source: "Red Crescent"}}
	trap := q("a", "more than 120 people", schema.F(120), none, "more_than", 10)
	trap.Predicate = "other"
	claim := q("a", "More than 120 people remain missing", schema.F(120), none, "more_than", 80)
	claim.Predicate = "missing"
	r := Score(g, []schema.Claim{trap, claim})
	checkCounts(t, r, 1, 1, 0)
	if r.FalsePositives[0].CharStart != 10 || r.PredicateAcc != 1 {
		t.Errorf("matched the trap: false positive at %d, predicate accuracy %v", r.FalsePositives[0].CharStart, r.PredicateAcc)
	}
}

func TestOnlyGoldArticlesAndQuantities(t *testing.T) {
	g := []Gold{gold("a", "7 killed", fp(7), fp(7), false)}
	st := q("a", "the army denied it", none, none, "", 0)
	st.Kind = schema.KindStatement
	c := []schema.Claim{
		q("a", "7 killed", schema.F(7), schema.F(7), "exact", 0),
		q("other", "9 killed", schema.F(9), schema.F(9), "exact", 0),
		q("other", "10 killed", schema.F(10), schema.F(10), "exact", 0),
		st,
	}
	r := Score(g, c)
	checkCounts(t, r, 1, 0, 0)
	if r.Ignored != 2 || r.Predicted != 1 {
		t.Errorf("ignored %d predicted %d, want 2 and 1", r.Ignored, r.Predicted)
	}
}

func TestDeclaredEmptyArticle(t *testing.T) {
	g := []Gold{{ArticleID: "traps"}}
	r := Score(g, []schema.Claim{q("traps", "Route 66", schema.F(66), schema.F(66), "exact", 0)})
	checkCounts(t, r, 0, 1, 0)
	if r.GoldArticles != 1 || r.Gold != 0 {
		t.Errorf("gold articles %d gold %d, want 1 and 0", r.GoldArticles, r.Gold)
	}
}

func TestAttributes(t *testing.T) {
	g := Gold{
		ArticleID: "a", Quote: "more than 500 civilians", Predicate: "killed", Subject: "civilians",
		ValueLow: fp(500), Source: "UN Office for the Coordination of Humanitarian Affairs", Scope: "since late April",
	}
	cases := []struct {
		name                              string
		pred, subj, src, scope            string
		okPred, okSubj, okSource, okScope bool
	}{
		{"all right", "killed", "civilians", "UN Office for the Coordination of Humanitarian Affairs", "since late April", true, true, true, true},
		{"acronym and singular", "killed", "civilian", "UN OCHA", "late April", true, true, true, true},
		{"the and case", "Killed", "Civilians", "the UN office for the coordination of humanitarian affairs", "Since late April", true, true, true, true},
		{"wrong", "injured", "soldiers", "Syrian army", "since 2011", false, false, false, false},
		{"own voice is wrong here", "killed", "civilians", "", "", true, true, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := q("a", "more than 500 civilians", schema.F(500), none, "more_than", 0)
			c.Predicate, c.Subject, c.Source, c.ScopeText = tc.pred, tc.subj, tc.src, tc.scope
			r := Score([]Gold{g}, []schema.Claim{c})
			checkCounts(t, r, 1, 0, 0)
			got := []bool{r.PredicateAcc == 1, r.SubjectAcc == 1, r.SourceAcc == 1, r.ScopeAcc == 1}
			want := []bool{tc.okPred, tc.okSubj, tc.okSource, tc.okScope}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("predicate/subject/source/scope ok = %v, want %v", got, want)
					break
				}
			}
			if all := tc.okPred && tc.okSubj && tc.okSource && tc.okScope; all != (len(r.Mismatches) == 0) {
				t.Errorf("mismatches = %+v", r.Mismatches)
			}
		})
	}
}

func TestSourceMatch(t *testing.T) {
	cases := []struct {
		gold Gold
		pred string
		want bool
	}{
		{Gold{Source: ""}, "", true},
		{Gold{Source: ""}, "police", false},
		{Gold{Source: "Kenya Red Cross Society"}, "", false},
		{Gold{Source: "Kenya Red Cross Society"}, "KRCS", true},
		{Gold{Source: "Kenya Red Cross Society"}, "Kenya Red Cross", false},
		{Gold{Source: "Kenya Red Cross Society", SourceAliases: []string{"Kenya Red Cross"}}, "Kenya Red Cross", true},
		{Gold{Source: "U.S. Geological Survey"}, "USGS", true},
		{Gold{Source: "World Health Organization"}, "WHO", true},
		{Gold{Source: "Médecins Sans Frontières"}, "MSF", true},
		{Gold{Source: "Union of Medical Care and Relief Organizations", SourceAliases: []string{"UOSSM"}}, "UOSSM", true},
		{Gold{Source: "St. Anne's Medical Center"}, "St Anne's Medical Center", true},
		{Gold{Source: "United Nations"}, "UN", true},
		{Gold{Source: "United Nations"}, "Union of Rescue Volunteers", false},
		{Gold{Source: "United Nations"}, "United Nations (UN)", true},
		{Gold{Source: "UNHCR"}, "UN High Commissioner for Refugees (UNHCR)", true},
		{Gold{Source: "UN Office for the Coordination of Humanitarian Affairs"}, "UN Office for the Coordination of Humanitarian Affairs (OCHA)", true},
		{Gold{Source: "UN Office for the Coordination of Humanitarian Affairs"}, "World Health Organization (WHO)", false},
	}
	for _, tc := range cases {
		if got := SourceMatch(tc.gold, tc.pred); got != tc.want {
			t.Errorf("SourceMatch(%q %v, %q) = %v, want %v", tc.gold.Source, tc.gold.SourceAliases, tc.pred, got, tc.want)
		}
	}
}

func TestSubjectMatch(t *testing.T) {
	cases := []struct {
		gold, pred string
		want       bool
	}{
		{"people", "people", true},
		{"people", "persons", true},
		{"children", "child", true},
		{"rebel fighters", "fighters", true},
		{"bottles of chlorine", "bottles", true},
		{"casualties", "casualty", true},
		{"homes", "houses", false},
		{"civilians", "soldiers", false},
		{"", "", true},
		{"people", "", false},
	}
	for _, tc := range cases {
		if got := SubjectMatch(tc.gold, tc.pred); got != tc.want {
			t.Errorf("SubjectMatch(%q, %q) = %v, want %v", tc.gold, tc.pred, got, tc.want)
		}
	}
}

func TestLoadGold(t *testing.T) {
	good := `{"article_id":"a","quote":"more than 730 civilians","predicate":"killed","subject":"civilians","value_low":730,"value_high":null,"approx":false,"source":"UOSSM","scope":"since late April"}

{"article_id":"b"}
{"article_id":"c","quote":"up to 50","predicate":"money","subject":"aid","value_low":null,"value_high":50,"approx":false,"source":"","scope":"","source_aliases":["x"]}
`
	g, err := LoadGold(strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(g) != 3 || *g[0].ValueLow != 730 || g[0].ValueHigh != nil || !g[1].Empty() || g[2].ValueLow != nil || g[2].SourceAliases[0] != "x" {
		t.Fatalf("loaded %+v", g)
	}

	bad := []struct{ name, in, want string }{
		{"bad json", `{"article_id":"a","predicate":"killed","value_low":1,"value_high":1}` + "\n\n" + `{"article_id": "a",`, "gold line 3"},
		{"unknown field", `{"article_id":"a","predicate":"killed","value_low":1,"value_high":1,"valeu_low":3}`, `unknown field "valeu_low"`},
		{"unknown predicate", `{"article_id":"a","predicate":"dead","value_low":1,"value_high":1}`, `unknown predicate "dead"`},
		{"no predicate", `{"article_id":"a","quote":"5 dead","value_low":1,"value_high":1}`, "predicate is missing"},
		{"no values", `{"article_id":"a","quote":"dozens","predicate":"killed"}`, "both null"},
		{"low above high", `{"article_id":"a","predicate":"killed","value_low":10,"value_high":1}`, "above value_high"},
		{"no article", `{"predicate":"killed","value_low":1,"value_high":1}`, "article_id is missing"},
		{"wrong type", `{"article_id":"a","predicate":"killed","value_low":"12","value_high":1}`, "gold line 1"},
		{"two values", `{"article_id":"a"} {"article_id":"b"}`, "more than one JSON value"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadGold(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to mention %q", err, tc.want)
			}
		})
	}
}

func TestWriteTextAndJSON(t *testing.T) {
	g := []Gold{
		{ArticleID: "a", Quote: "27 dead", Predicate: "killed", Subject: "people", ValueLow: fp(27), ValueHigh: fp(27), Source: "INDECI"},
		{ArticleID: "a", Quote: "151 injured", Predicate: "injured", Subject: "people", ValueLow: fp(151), ValueHigh: fp(151)},
	}
	c := q("a", "27 dead", schema.F(27), schema.F(27), "exact", 0)
	c.Source = "Health Ministry"
	r := Score(g, []schema.Claim{c, q("a", "Route 66", schema.F(66), schema.F(66), "exact", 40)})
	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"precision", "0.500", `"151 injured"`, `"Route 66"`, `source "Health Ministry", want "INDECI"`, "misses", "false positives"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	buf.Reset()
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.TP != 1 || back.FP != 1 || back.FN != 1 || len(back.Mismatches) != 1 || !back.Mismatches[0].BadSource {
		t.Errorf("JSON round trip: %+v", back)
	}
}

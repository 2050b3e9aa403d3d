package eval

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

// MaxListed bounds how many misses, false positives, mismatches and
// articles WriteText prints; WriteJSON writes them all.
const MaxListed = 50

// WriteJSON writes the report as one indented JSON object, with every miss,
// false positive and mismatch.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes the report as readable tables: the totals, the attribute
// accuracies, recall by predicate, the articles (all of them up to
// MaxListed, else the MaxListed with the most errors), then up to MaxListed
// misses, false positives and mismatches each.
func (r Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(bw, "gold: %d claims in %d articles; predicted: %d quantity claims on those articles", r.Gold, r.GoldArticles, r.Predicted)
	if r.Ignored > 0 {
		fmt.Fprintf(bw, " (%d on other articles ignored)", r.Ignored)
	}
	fmt.Fprintln(bw)
	fmt.Fprintln(bw)
	fmt.Fprintln(tw, "\tTP\tFP\tFN\tprecision\trecall\tF1\t")
	fmt.Fprintf(tw, "all\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", r.TP, r.FP, r.FN, r.Precision, r.Recall, r.F1)
	tw.Flush()
	fmt.Fprintln(bw)
	fmt.Fprintf(bw, "among the %d matched: predicate %s  subject %s  source %s  scope %s\n",
		r.TP, frac(r.PredicateCorrect, r.TP), frac(r.SubjectCorrect, r.TP), frac(r.SourceCorrect, r.TP), frac(r.ScopeCorrect, r.TP))

	if len(r.ByPredicate) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(tw, "predicate\tgold\tmatched\trecall\tpredicate ok\t")
		for _, p := range r.ByPredicate {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t\n", p.Predicate, p.Gold, p.Matched, p.Recall, p.PredicateAcc)
		}
		tw.Flush()
	}

	arts := r.Articles
	title := "articles"
	if len(arts) > MaxListed {
		arts = slices.Clone(arts)
		slices.SortStableFunc(arts, func(a, b ArticleScore) int { return -cmp.Compare(a.FP+a.FN, b.FP+b.FN) })
		arts = arts[:MaxListed]
		title = fmt.Sprintf("the %d articles with the most errors (of %d)", MaxListed, len(r.Articles))
	}
	if len(arts) > 0 {
		fmt.Fprintf(bw, "\n%s\n", title)
		fmt.Fprintln(tw, "article\tgold\tpred\tTP\tFP\tFN\tprecision\trecall\tF1\t")
		for _, a := range arts {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", a.ArticleID, a.Gold, a.Predicted, a.TP, a.FP, a.FN, a.Precision, a.Recall, a.F1)
		}
		tw.Flush()
	}

	lw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', 0)
	if len(r.Misses) > 0 {
		fmt.Fprintf(bw, "\nmisses (gold claims not found): %d\n", len(r.Misses))
		for _, g := range r.Misses[:min(len(r.Misses), MaxListed)] {
			fmt.Fprintf(lw, "  %s\t%q\t%s\t%s\t%s\t%s\n", g.ArticleID, g.Quote, bounds(g.ValueLow, g.ValueHigh, g.Approx), g.Predicate, g.Subject, voice(g.Source))
		}
		more(lw, len(r.Misses))
		lw.Flush()
	}
	if len(r.FalsePositives) > 0 {
		fmt.Fprintf(bw, "\nfalse positives (predictions not in the gold file): %d\n", len(r.FalsePositives))
		for _, p := range r.FalsePositives[:min(len(r.FalsePositives), MaxListed)] {
			fmt.Fprintf(lw, "  %s\t[%d:%d]\t%q\t%s\t%s\t%s\t%s\n", p.ArticleID, p.CharStart, p.CharEnd, p.Quote, predBounds(p), p.Predicate, p.Subject, voice(p.Source))
		}
		more(lw, len(r.FalsePositives))
		lw.Flush()
	}
	if len(r.Mismatches) > 0 {
		fmt.Fprintf(bw, "\nmatched with wrong attributes: %d\n", len(r.Mismatches))
		for _, m := range r.Mismatches[:min(len(r.Mismatches), MaxListed)] {
			var what []string
			if m.BadPredicate {
				what = append(what, fmt.Sprintf("predicate %s, want %s", m.Pred.Predicate, m.Gold.Predicate))
			}
			if m.BadSubject {
				what = append(what, fmt.Sprintf("subject %q, want %q", m.Pred.Subject, m.Gold.Subject))
			}
			if m.BadSource {
				what = append(what, fmt.Sprintf("source %s, want %s", voice(m.Pred.Source), voice(m.Gold.Source)))
			}
			if m.BadScope {
				what = append(what, fmt.Sprintf("scope %q, want %q", m.Pred.Scope, m.Gold.Scope))
			}
			fmt.Fprintf(lw, "  %s\t%q\t%s\n", m.Gold.ArticleID, m.Gold.Quote, strings.Join(what, "; "))
		}
		more(lw, len(r.Mismatches))
		lw.Flush()
	}
	return bw.Flush()
}

func more(w io.Writer, n int) {
	if n > MaxListed {
		fmt.Fprintf(w, "  ... and %d more\n", n-MaxListed)
	}
}

func frac(a, b int) string {
	return fmt.Sprintf("%.3f (%d/%d)", ratio(a, b), a, b)
}

func voice(s string) string {
	if s == "" {
		return "(own voice)"
	}
	return strconv.Quote(s)
}

func num(v *float64) string {
	if v == nil {
		return "_"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func bounds(lo, hi *float64, approx bool) string {
	s := "[" + num(lo) + ", " + num(hi) + "]"
	if approx {
		s += "~"
	}
	return s
}

func predBounds(p Predicted) string {
	s := "[" + num(p.ValueLow) + ", " + num(p.ValueHigh) + "]"
	if p.ValueLow == nil && p.ValueHigh == nil {
		s = "best " + num(p.ValueBest)
	}
	if p.Bound != "" {
		s += " " + p.Bound
	}
	return s
}

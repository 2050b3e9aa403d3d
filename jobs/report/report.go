package report

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/claimscan/claimscan/schema"
)

// Dataset is what a report is made of: rows already loaded from a
// dataset. Claims may be limited to those ClaimsNeeded names.
type Dataset struct {
	Name      string            // shown in the title, e.g. the dataset directory
	Claims    []schema.Claim    // at least those ClaimsNeeded names, for quotes
	Sources   []schema.Source   // the sources table
	Conflicts []schema.Conflict // the conflicts table
	NClaims   int64             // claims in the dataset; 0 means len(Claims)
}

// Options sizes a report. Zero fields take the defaults.
type Options struct {
	TopConflicts int // rows in the top-conflicts table; default 20
	TopSources   int // rows in the most-cited table; default 15
	Charts       int // claim keys charted; default 12
	ChartRows    int // claims per chart; default 16
}

func (o Options) withDefaults() Options {
	if o.TopConflicts <= 0 {
		o.TopConflicts = 20
	}
	if o.TopSources <= 0 {
		o.TopSources = 15
	}
	if o.Charts <= 0 {
		o.Charts = 12
	}
	if o.ChartRows <= 0 {
		o.ChartRows = 16
	}
	return o
}

// Summary is the content of a report, computed by Summarize.
type Summary struct {
	Name       string         // Dataset.Name
	NClaims    int64          // claims in the dataset
	NSources   int            // rows of the sources table
	NConflicts int            // rows of the conflicts table
	ByKind     []KindCount    // conflicts per kind, in a fixed kind order
	Conflicts  []ConflictView // the top conflicts, by severity
	Sources    []SourceView   // the most-cited sources
	Charts     []Chart        // value spread per claim key
	claims     map[string]*schema.Claim
}

// KindCount is the number of conflicts of one kind.
type KindCount struct {
	Kind string // schema.ConflictContradiction, ...
	N    int    // how many conflicts have it
}

// ConflictView is one conflict with both claims.
type ConflictView struct {
	schema.Conflict
	A, B ClaimView // the claims of ClaimIDA and ClaimIDB
}

// ClaimView is what a report shows of one side of a conflict.
type ClaimView struct {
	ClaimID   string    // claims.claim_id
	ArticleID string    // claims.article_id
	Quote     string    // the claim's quote; "" when the claim was not loaded
	Sentence  string    // the sentence around it
	Source    string    // the cited source, or "" for the outlet's own voice
	Outlet    string    // the article's outlet
	Published time.Time // the article's date; zero when unknown
	Interval  string    // the value as the claim stated it: "890", "≥ 730", "200–999"
}

// Voice is the claim's source, or the outlet's own voice.
func (c ClaimView) Voice() string {
	switch {
	case c.Source != "":
		return c.Source
	case c.Outlet != "":
		return c.Outlet + " (own voice)"
	}
	return "article's own voice"
}

// SourceView is one row of the most-cited table.
type SourceView struct {
	schema.Source
	NConflicts int // conflicts in which the source is side a or b
}

// Chart is the value spread of the claims of one claim key.
type Chart struct {
	Key         string     // the claim_key
	MaxSeverity float64    // of the key's conflicts
	Rows        []ChartRow // sorted by low, high, claim id
}

// ChartRow is one claim in a chart: its compared interval and, when the
// claim was loaded, its best value.
type ChartRow struct {
	ClaimID string  // claims.claim_id
	Label   string  // the claim's voice and date
	Low     float64 // the compared interval's low end
	High    float64 // its high end; +Inf for an open end
	Best    float64 // NaN when unknown
}

var kindOrder = []string{schema.ConflictContradiction, schema.ConflictDenial, schema.ConflictDivergence, schema.ConflictUpdate}

// byseverity orders conflicts by severity, highest first, then conflict id.
func bySeverity(a, b *schema.Conflict) int {
	if c := cmp.Compare(b.Severity, a.Severity); c != 0 {
		return c
	}
	return cmp.Compare(a.ConflictID, b.ConflictID)
}

// top returns the conflicts a report shows, most severe first: those of
// the top table and those of the charted keys.
func top(conflicts []schema.Conflict, o Options) (table []*schema.Conflict, keys []string, perKey map[string][]*schema.Conflict) {
	all := make([]*schema.Conflict, len(conflicts))
	for i := range conflicts {
		all[i] = &conflicts[i]
	}
	slices.SortFunc(all, bySeverity)
	table = all[:min(len(all), o.TopConflicts)]
	perKey = map[string][]*schema.Conflict{}
	for _, c := range all {
		if _, ok := perKey[c.ClaimKey]; !ok {
			if len(keys) == o.Charts {
				continue
			}
			keys = append(keys, c.ClaimKey)
		}
		perKey[c.ClaimKey] = append(perKey[c.ClaimKey], c)
	}
	return table, keys, perKey
}

// ClaimsNeeded returns the ids of the claims a report over conflicts shows,
// so that a loader can keep only those claims.
func ClaimsNeeded(conflicts []schema.Conflict, opt Options) map[string]bool {
	o := opt.withDefaults()
	table, keys, perKey := top(conflicts, o)
	need := map[string]bool{}
	for _, c := range table {
		need[c.ClaimIDA], need[c.ClaimIDB] = true, true
	}
	for _, k := range keys {
		for _, id := range chartClaims(perKey[k], o.ChartRows) {
			need[id] = true
		}
	}
	return need
}

// chartClaims returns the ids of up to n claims of a key's conflicts, in
// the order of the most severe conflicts.
func chartClaims(cs []*schema.Conflict, n int) []string {
	var ids []string
	seen := map[string]bool{}
	for _, c := range cs {
		for _, id := range [2]string{c.ClaimIDA, c.ClaimIDB} {
			if !seen[id] && len(ids) < n {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// Summarize computes the content of a report.
func Summarize(d Dataset, opt Options) *Summary {
	o := opt.withDefaults()
	s := &Summary{
		Name:       d.Name,
		NClaims:    d.NClaims,
		NSources:   len(d.Sources),
		NConflicts: len(d.Conflicts),
		claims:     make(map[string]*schema.Claim, len(d.Claims)),
	}
	if s.NClaims == 0 {
		s.NClaims = int64(len(d.Claims))
	}
	for i := range d.Claims {
		s.claims[d.Claims[i].ClaimID] = &d.Claims[i]
	}
	counts := map[string]int{}
	perSource := map[string]int{}
	for i := range d.Conflicts {
		c := &d.Conflicts[i]
		counts[c.Kind]++
		if c.SourceA != "" {
			perSource[c.SourceA]++
		}
		if c.SourceB != "" && c.SourceB != c.SourceA {
			perSource[c.SourceB]++
		}
	}
	for _, k := range kindOrder {
		s.ByKind = append(s.ByKind, KindCount{k, counts[k]})
	}

	table, keys, perKey := top(d.Conflicts, o)
	for _, c := range table {
		s.Conflicts = append(s.Conflicts, ConflictView{
			Conflict: *c,
			A: s.view(ClaimView{ClaimID: c.ClaimIDA, ArticleID: c.ArticleIDA, Quote: c.QuoteA, Source: c.SourceA,
				Outlet: c.OutletA, Published: c.PublishedA, Interval: stated(c.ValueLowA, c.ValueBestA, c.ValueHighA)}),
			B: s.view(ClaimView{ClaimID: c.ClaimIDB, ArticleID: c.ArticleIDB, Quote: c.QuoteB, Source: c.SourceB,
				Outlet: c.OutletB, Published: c.PublishedB, Interval: stated(c.ValueLowB, c.ValueBestB, c.ValueHighB)}),
		})
	}

	var cited []SourceView
	for _, src := range d.Sources {
		if src.Kind == "outlet" {
			continue
		}
		cited = append(cited, SourceView{Source: src, NConflicts: perSource[src.Name]})
	}
	slices.SortFunc(cited, func(a, b SourceView) int {
		if c := cmp.Compare(b.NClaims, a.NClaims); c != 0 {
			return c
		}
		if c := cmp.Compare(b.NArticles, a.NArticles); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	s.Sources = cited[:min(len(cited), o.TopSources)]

	for _, k := range keys {
		s.Charts = append(s.Charts, s.chart(k, perKey[k], o.ChartRows))
	}
	return s
}

// view completes v, one side of a conflict as its row gives it, with
// what only the claims table has (the sentence) when it was loaded.
func (s *Summary) view(v ClaimView) ClaimView {
	if c := s.claims[v.ClaimID]; c != nil {
		v.Sentence = c.Sentence
		if v.Quote == "" {
			v.Quote, v.Outlet, v.Published = c.Quote, c.Outlet, c.Published
		}
	}
	return v
}

// stated renders a claim's values as it stated them: an exact value, an
// approximate one ("≈ 890": a best value alone), else its interval.
func stated(low, best, high schema.Float) string {
	switch {
	case best.Valid && !low.Valid && !high.Valid:
		return "≈ " + Number(best.V)
	case best.Valid && (!low.Valid || low.V == best.V) && (!high.Valid || high.V == best.V):
		return Number(best.V)
	}
	return interval(low, high)
}

func (s *Summary) chart(key string, cs []*schema.Conflict, n int) Chart {
	ch := Chart{Key: key, MaxSeverity: cs[0].Severity}
	ivs := map[string][2]schema.Float{}
	sources := map[string]string{}
	for _, c := range cs {
		ivs[c.ClaimIDA] = [2]schema.Float{c.LowA, c.HighA}
		ivs[c.ClaimIDB] = [2]schema.Float{c.LowB, c.HighB}
		sources[c.ClaimIDA], sources[c.ClaimIDB] = c.SourceA, c.SourceB
	}
	for _, id := range chartClaims(cs, n) {
		iv := ivs[id]
		r := ChartRow{ClaimID: id, Low: iv[0].V, High: math.Inf(1), Best: math.NaN()}
		if iv[1].Valid {
			r.High = iv[1].V
		}
		v := ClaimView{Source: sources[id]}
		if c := s.claims[id]; c != nil {
			v.Outlet, v.Published = c.Outlet, c.Published
			if c.ValueBest.Valid {
				r.Best = c.ValueBest.V
			}
		}
		r.Label = v.Voice()
		if !v.Published.IsZero() {
			r.Label += ", " + v.Published.Format("2 Jan 2006")
		}
		ch.Rows = append(ch.Rows, r)
	}
	slices.SortFunc(ch.Rows, func(a, b ChartRow) int {
		if c := cmp.Compare(a.Low, b.Low); c != 0 {
			return c
		}
		if c := cmp.Compare(a.High, b.High); c != 0 {
			return c
		}
		return cmp.Compare(a.ClaimID, b.ClaimID)
	})
	return ch
}

// Write prints the text report of d to w and writes the HTML report to
// htmlPath (through a temporary file in the same directory, renamed at the
// end), both with the default Options.
func Write(w io.Writer, htmlPath string, d Dataset) error {
	s := Summarize(d, Options{})
	if err := WriteText(w, s); err != nil {
		return err
	}
	return writeFile(htmlPath, func(f io.Writer) error { return WriteHTML(f, s) })
}

func writeFile(path string, fill func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".report-*.html")
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	tmp := f.Name()
	err = fill(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("report: write %s: %w", path, err)
	}
	return nil
}

// interval formats a compared interval: "890", "801–979", "≥ 730".
func interval(low, high schema.Float) string {
	switch {
	case !low.Valid && !high.Valid:
		return "?"
	case !high.Valid:
		return "≥ " + Number(low.V)
	case !low.Valid:
		return "≤ " + Number(high.V)
	case low.V == high.V:
		return Number(low.V)
	}
	return Number(low.V) + "–" + Number(high.V)
}

// Number formats a value for people: thousands separated by commas,
// at most two decimals.
func Number(v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	neg := v < 0
	v = math.Abs(v)
	whole := math.Floor(v)
	frac := math.Round((v-whole)*100) / 100
	if frac >= 1 {
		whole, frac = whole+1, 0
	}
	digits := strconv.FormatFloat(whole, 'f', 0, 64)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if frac > 0 {
		b.WriteString(strings.TrimPrefix(strconv.FormatFloat(frac, 'f', -1, 64), "0"))
	}
	return b.String()
}

// excerpt returns the sentence of a claim clipped to about n characters
// around its quote, or the quote alone.
func excerpt(v ClaimView, n int) string {
	s := strings.Join(strings.Fields(v.Sentence), " ")
	q := strings.Join(strings.Fields(v.Quote), " ")
	if s == "" || !strings.Contains(s, q) {
		s = q
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	i := strings.Index(s, q)
	start := max(0, len([]rune(s[:max(i, 0)]))-n/3)
	end := min(len(r), start+n)
	out := string(r[start:end])
	if start > 0 {
		out = "…" + out
	}
	if end < len(r) {
		out += "…"
	}
	return out
}

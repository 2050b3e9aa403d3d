package conflict_test

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/jobs/conflict"
	"github.com/claimscan/claimscan/jobs/extract"
	"github.com/claimscan/claimscan/schema"
)

// corpus is a clustered JSONL corpus after extraction: every claim with
// its claim_key (KeyIn with the article's cluster), as a run computes it.
type corpus struct {
	claims  []schema.Claim
	byID    map[string]*schema.Claim
	cluster map[string]string // article id → cluster
	outlet  map[string]string // article id → outlet
}

// loadCorpus reads a JSONL corpus (id, title, text, outlet, published,
// cluster) and extracts its claims; a repeated id is read once.
func loadCorpus(t testing.TB, path string) *corpus {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type rec struct {
		ID, Title, Text, Outlet, Published, Cluster string
	}
	var recs []rec
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r rec
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if !seen[r.ID] {
			seen[r.ID] = true
			recs = append(recs, r)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	results := make([][]schema.Claim, len(recs))
	var wg sync.WaitGroup
	const workers = 2
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(recs); i += workers {
				r := &recs[i]
				pub, _ := time.Parse("2006-01-02", r.Published)
				res := extract.Extract(extract.Article{ID: r.ID, Title: r.Title, Text: r.Text, Outlet: r.Outlet, Published: pub})
				cluster := strings.TrimSpace(r.Cluster)
				if os.Getenv("CLAIMSCAN_NOCLUSTER") != "" {
					cluster = ""
				}
				conflict.SetKeys(res.Claims, r.Text, pub, cluster)
				results[i] = res.Claims
			}
		}()
	}
	wg.Wait()
	c := &corpus{byID: map[string]*schema.Claim{}, cluster: map[string]string{}, outlet: map[string]string{}}
	for i, r := range recs {
		c.cluster[r.ID] = r.Cluster
		c.outlet[r.ID] = cmp.Or(r.Outlet, r.ID) // an unknown outlet is its own
		c.claims = append(c.claims, results[i]...)
	}
	for i := range c.claims {
		c.byID[c.claims[i].ClaimID] = &c.claims[i]
	}
	return c
}

// detectAll runs the detector with the default configuration over claims.
func detectAll(t testing.TB, claims []schema.Claim) []schema.Conflict {
	t.Helper()
	d, err := conflict.NewDetector(conflict.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for i := range claims {
		if err := d.Add(conflict.ItemOf(&claims[i])); err != nil {
			t.Fatal(err)
		}
	}
	var rows []schema.Conflict
	if err := d.Run(context.Background(), func(b []schema.Conflict) error {
		rows = append(rows, b...)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return rows
}

// anchorOf is the value a claim puts forward: its anchor, else the middle
// of a finite interval, else its low end; NaN without a value.
func anchorOf(c *schema.Claim) float64 {
	iv, ok := conflict.IntervalOf(c.Bound, c.ValueLow, c.ValueBest, c.ValueHigh, conflict.DefaultTolerance)
	switch {
	case !ok:
		return math.NaN()
	case iv.HasAnchor:
		return iv.Anchor
	case !math.IsInf(iv.High, 0):
		return (iv.Low + iv.High) / 2
	}
	return iv.Low
}

// gvaGold is the final GVA count of one incident.
type gvaGold struct {
	Cluster    string `json:"cluster"`
	NumKilled  int    `json:"num_killed"`
	NumInjured int    `json:"num_injured"`
}

// Measures of a casualty count: the dead, the wounded ("eight wounded",
// "injured 13": GVA's injured), and the shot ("four people were shot":
// everyone hit, the dead included).
const (
	measureKilled  = "killed"
	measureWounded = "wounded"
	measureShot    = "shot"
)

// measureOf returns the measure of a claim, "" for other predicates: a
// count of the injured or the killed whose quote has "shot" and no word
// of the wounded or the dead counts the shot ("four people were shot",
// "9 People Shot, 1 Fatally").
func measureOf(c *schema.Claim) string {
	if c.Predicate != "killed" && c.Predicate != "injured" {
		return ""
	}
	ws := strings.FieldsFunc(strings.ToLower(c.Quote), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	shot, other := false, false
	for i, w := range ws {
		switch w {
		case "shooting":
			// "accused of shooting 11 people": everyone hit
			if i+1 < len(ws) && (ws[i+1][0] >= '0' && ws[i+1][0] <= '9' || numberWords[ws[i+1]]) {
				shot = true
			}
		case "wounded", "wounding", "injured", "injuring", "injuries", "hurt",
			"killed", "killing", "dead", "died", "fatally", "fatal", "death", "deaths", "slain", "murdered":
			other = true
		case "shot":
			shot = true
		}
	}
	shot = shot && !other && !strings.HasSuffix(strings.TrimSpace(c.Sentence[:max(0, strings.Index(c.Sentence, c.Quote))]), "fatally")
	switch {
	case shot:
		return measureShot
	case c.Predicate == "killed":
		return measureKilled
	}
	return measureWounded
}

// numberWords are the number words a count of the shot may start with.
var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true}

// rowClass is what GVA's counts say about one conflict row.
type rowClass struct {
	subsetWhole bool // both values fit under the incident's count W, the larger equals W or the two add up to at most W
	over        bool // the larger value exceeds every count of the incident
	totals      bool // two outlets' totals of one incident: each claim is its article's largest definite figure of the measure
	cross       bool // the two claims are of two incidents (without clusters, a key's place and days can pair them)
}

// share is a count and its share of a total.
type share struct{ n, of int }

func (s share) String() string {
	if s.of == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f (%d/%d)", float64(s.n)/float64(s.of), s.n, s.of)
}

func (s share) rate() float64 {
	if s.of == 0 {
		return 0
	}
	return float64(s.n) / float64(s.of)
}

// figures are what the corpus test reports about a conflicts table.
// "top" is the 30 rows of highest severity, what a reader sees first;
// "high" the rows of severity 0.5 or more.
type figures struct {
	rows, clusters, clustersWithRows             int
	subsetWhole, subsetWholeTop, subsetWholeHigh share
	// swNotTotals: subset-whole rows that are not two outlets' totals (an
	// early and a final total both fit under the final count)
	swNotTotals, swNotTotalsTop, swNotTotalsHigh share
	over, overTop, overHigh                      share
	totals, totalsTop, totalsHigh                share
	cross                                        share // rows pairing two incidents
	// recall: per measure, the (cluster, measure) pairs where the totals
	// of two outlets differ by more than the tolerance, and the share of
	// them with a row pairing two such totals.
	recall, anchored map[string]share
	// sameSource: same-source rows with a generic source ("police") and
	// with a named one, and how many of them pair a subset with its whole.
	sameSourceGeneric, sameSourceNamed share
	missed                             io.Writer // when set, the missed disagreements are listed
}

func (f figures) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "rows %d, %.2f per cluster, clusters with a row %d/%d\n",
		f.rows, float64(f.rows)/float64(max(1, f.clusters)), f.clustersWithRows, f.clusters)
	fmt.Fprintf(&b, "subset-whole: all %v, top 30 %v, severity>=0.5 %v\n", f.subsetWhole, f.subsetWholeTop, f.subsetWholeHigh)
	fmt.Fprintf(&b, "subset-whole, not two totals: all %v, top 30 %v, severity>=0.5 %v\n", f.swNotTotals, f.swNotTotalsTop, f.swNotTotalsHigh)
	fmt.Fprintf(&b, "over-count: all %v, top 30 %v, severity>=0.5 %v\n", f.over, f.overTop, f.overHigh)
	fmt.Fprintf(&b, "two totals of one incident: all %v, top 30 %v, severity>=0.5 %v\n", f.totals, f.totalsTop, f.totalsHigh)
	fmt.Fprintf(&b, "rows pairing two incidents: %v\n", f.cross)
	fmt.Fprintf(&b, "recall: killed %v, wounded %v, shot %v\n", f.recall[measureKilled], f.recall[measureWounded], f.recall[measureShot])
	fmt.Fprintf(&b, "recall, one total GVA's: killed %v, wounded %v, shot %v\n", f.anchored[measureKilled], f.anchored[measureWounded], f.anchored[measureShot])
	fmt.Fprintf(&b, "same-source subset-whole: generic source %v, named source %v", f.sameSourceGeneric, f.sameSourceNamed)
	return b.String()
}

// measure computes the figures of rows over c with GVA's counts (nil:
// none, the subset-whole and over-count figures stay empty).
func measure(c *corpus, rows []schema.Conflict, gold map[string]gvaGold, missed io.Writer) figures {
	f := figures{rows: len(rows), recall: map[string]share{}, anchored: map[string]share{}, missed: missed}
	clusters := map[string]bool{}
	for _, cl := range c.cluster {
		clusters[cl] = true
	}
	f.clusters = len(clusters)

	// each article's total per measure: its largest definite figure
	// counting people (not "two women", "six children")
	type am struct{ article, measure string }
	totals := map[am]float64{}
	counted := func(cl *schema.Claim) bool {
		return measureOf(cl) != "" && cl.Kind == schema.KindQuantity && !cl.Negated && cl.Bound != schema.BoundVague &&
			cl.Bound != schema.BoundRange && (cl.Subject == "" || conflict.SubjectClass(cl.Subject) == conflict.SubjectPeople)
	}
	for i := range c.claims {
		cl := &c.claims[i]
		m := measureOf(cl)
		if !counted(cl) {
			continue
		}
		if v := anchorOf(cl); v > totals[am{cl.ArticleID, m}] {
			totals[am{cl.ArticleID, m}] = v
		}
	}
	isTotal := func(cl *schema.Claim) bool {
		v := anchorOf(cl)
		return v > 0 && v == totals[am{cl.ArticleID, measureOf(cl)}] && counted(cl)
	}
	classify := func(r *schema.Conflict) rowClass {
		a, b := c.byID[r.ClaimIDA], c.byID[r.ClaimIDB]
		var rc rowClass
		m := measureOf(a)
		rc.totals = m != "" && m == measureOf(b) && c.outlet[r.ArticleIDA] != c.outlet[r.ArticleIDB] && isTotal(a) && isTotal(b) &&
			c.cluster[r.ArticleIDA] == c.cluster[r.ArticleIDB]
		rc.cross = c.cluster[r.ArticleIDA] != c.cluster[r.ArticleIDB]
		g, ok := gold[c.cluster[r.ArticleIDA]]
		if !ok || m == "" {
			return rc
		}
		va, vb := anchorOf(a), anchorOf(b)
		lo, hi := math.Min(va, vb), math.Max(va, vb)
		wholes := []float64{float64(g.NumKilled)}
		if m != measureKilled {
			wholes = []float64{float64(g.NumInjured), float64(g.NumInjured + g.NumKilled)}
		}
		for _, w := range wholes {
			if hi <= w && (hi == w || lo+hi <= w) {
				rc.subsetWhole = true
			}
		}
		rc.over = hi > wholes[len(wholes)-1]
		return rc
	}

	sorted := slices.Clone(rows)
	slices.SortStableFunc(sorted, func(a, b schema.Conflict) int {
		return cmp.Or(cmp.Compare(b.Severity, a.Severity), cmp.Compare(a.ConflictID, b.ConflictID))
	})
	withRows := map[string]bool{}
	type cm struct{ cluster, measure string }
	hit := map[cm]bool{}
	count := func(s *share, on bool) {
		s.of++
		if on {
			s.n++
		}
	}
	for i := range sorted {
		r := &sorted[i]
		withRows[c.cluster[r.ArticleIDA]] = true
		rc := classify(r)
		if rc.totals {
			hit[cm{c.cluster[r.ArticleIDA], measureOf(c.byID[r.ClaimIDA])}] = true
		}
		for _, x := range []struct {
			all, top, high *share
			on             bool
		}{
			{&f.subsetWhole, &f.subsetWholeTop, &f.subsetWholeHigh, rc.subsetWhole},
			{&f.swNotTotals, &f.swNotTotalsTop, &f.swNotTotalsHigh, rc.subsetWhole && !rc.totals},
			{&f.over, &f.overTop, &f.overHigh, rc.over},
			{&f.totals, &f.totalsTop, &f.totalsHigh, rc.totals},
		} {
			count(x.all, x.on)
			if i < 30 {
				count(x.top, x.on)
			}
			if r.Severity >= 0.5 {
				count(x.high, x.on)
			}
		}
		count(&f.cross, rc.cross)
		if r.SameSource && r.SourceA != "" {
			if strings.ToLower(r.SourceA) == r.SourceA {
				count(&f.sameSourceGeneric, rc.subsetWhole)
			} else {
				count(&f.sameSourceNamed, rc.subsetWhole)
			}
		}
	}
	f.clustersWithRows = len(withRows)

	// recall over the (cluster, measure) pairs whose outlets' totals
	// disagree; with GVA's counts, only totals that can be about the
	// incident (at most twice its count, plus two) are counted: an
	// article's largest figure is sometimes a city's year or another
	// shooting.
	// anchored: the same where one of the two totals is GVA's final count
	// (an outlet with the right number against one without it), a
	// disagreement that no context figure or subset can fake.
	byCM := map[cm][]string{}
	whole := func(k cm) float64 {
		g, ok := gold[k.cluster]
		if !ok {
			return -1
		}
		return float64(map[string]int{measureKilled: g.NumKilled, measureWounded: g.NumInjured, measureShot: g.NumKilled + g.NumInjured}[k.measure])
	}
	for k, v := range totals {
		key := cm{c.cluster[k.article], k.measure}
		if w := whole(key); w >= 0 && v > 2*w+2 {
			continue
		}
		byCM[key] = append(byCM[key], k.article)
	}
	keys := slices.Collect(maps.Keys(byCM))
	slices.SortFunc(keys, func(a, b cm) int { return cmp.Or(cmp.Compare(a.cluster, b.cluster), cmp.Compare(a.measure, b.measure)) })
	for _, k := range keys {
		arts := byCM[k]
		slices.Sort(arts)
		disagree, anchored := false, false
		w := whole(k)
		for i := 0; i < len(arts); i++ {
			for j := i + 1; j < len(arts); j++ {
				if c.outlet[arts[i]] == c.outlet[arts[j]] {
					continue
				}
				x, y := totals[am{arts[i], k.measure}], totals[am{arts[j], k.measure}]
				if math.Abs(x-y) > conflict.DefaultTolerance*math.Max(x, y) {
					disagree = true
					anchored = anchored || x == w || y == w
				}
			}
		}
		if !disagree {
			continue
		}
		s := f.recall[k.measure]
		count(&s, hit[k])
		f.recall[k.measure] = s
		if anchored {
			s := f.anchored[k.measure]
			count(&s, hit[k])
			f.anchored[k.measure] = s
		}
		if !hit[k] && f.missed != nil {
			for _, a := range arts {
				for i := range c.claims {
					cl := &c.claims[i]
					if cl.ArticleID == a && measureOf(cl) == k.measure && isTotal(cl) {
						fmt.Fprintf(f.missed, "%s %s anchored=%v gva=%v %s %v key=%s %q\n", k.cluster, k.measure, anchored, w, c.outlet[a], anchorOf(cl), cl.ClaimKey, cl.Sentence)
						break
					}
				}
			}
			fmt.Fprintln(f.missed)
		}
	}
	return f
}

// dumpRows writes the rows, highest severity first, with both quotes, to
// the file named by CLAIMSCAN_CONFLICT_DUMP when it is set: for reading
// what the figures count.
func dumpRows(t testing.TB, c *corpus, rows []schema.Conflict) {
	path := os.Getenv("CLAIMSCAN_CONFLICT_DUMP")
	if path == "" {
		return
	}
	sorted := slices.Clone(rows)
	slices.SortStableFunc(sorted, func(a, b schema.Conflict) int {
		return cmp.Or(cmp.Compare(b.Severity, a.Severity), cmp.Compare(a.ConflictID, b.ConflictID))
	})
	var b strings.Builder
	for _, r := range sorted {
		a, z := c.byID[r.ClaimIDA], c.byID[r.ClaimIDB]
		fmt.Fprintf(&b, "%.2f\t%s\t%s\tsame=%v\n", r.Severity, r.Kind, r.ClaimKey, r.SameSource)
		for _, x := range []*schema.Claim{a, z} {
			fmt.Fprintf(&b, "\t%v [%s] %s (%s) {q=%q subj=%q loc=%q/%q scope=%q}\n", anchorOf(x), x.Source, x.Sentence, x.Outlet,
				x.Quote, x.Subject, x.Location, x.LocationMention, x.ScopeText)
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// missedFile returns the file named by CLAIMSCAN_CONFLICT_MISSED, closed
// at the end of the test, or nil when it is not set.
func missedFile(t *testing.T) io.Writer {
	p := os.Getenv("CLAIMSCAN_CONFLICT_MISSED")
	if p == "" {
		return nil
	}
	out, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { out.Close() })
	return out
}

// TestGVAConflicts runs extraction and the detector over the GVA shooting
// corpus (1,999 real articles in 578 incident clusters, in ../shared) and
// checks figures of the conflicts table against GVA's final counts: few
// rows that pair a subset with its whole, rows between the outlets' totals
// ranked first, and most clusters whose outlets' totals disagree found.
// The bounds sit a little outside the figures reached (logged), so that a
// regression fails. CLAIMSCAN_CONFLICT_DUMP=file writes the rows with
// both sentences, CLAIMSCAN_CONFLICT_MISSED=file the disagreements found
// by no row.
//
// Before the subset, context, shot, restatement and headline rules (the
// claims of commit 46a9422): 3,972 rows, 6.87 per cluster; subset-whole in
// the top 30 0.37, among severity >= 0.5 0.68 (not two totals: 0.37,
// 0.61); two totals in the top 30 0.03, among severity >= 0.5 0.13; recall
// killed 0.89, wounded 0.85, shot 0.72. After: 1,286 rows, 2.22 per
// cluster; not two totals 0.17 and 0.20; two totals 0.67 and 0.66; recall
// 0.57, 0.71, 0.55. The recall lost is, on inspection, mostly "totals"
// that are subsets, context figures or counts of the shot themselves (an
// article whose largest count of the dead is "two of the victims were
// killed", "four people shot" beside "one dead, three injured").
//
// #14, second round (two totals now of one incident; "shooting N people"
// counts the shot), with clusters: 1,418 rows before, 1,315 after; two
// totals 0.168 and 0.199 of all rows; recall killed 0.606 and 0.636,
// wounded 0.640 and 0.627, shot 0.528 and 0.556. Without clusters
// (CLAIMSCAN_NOCLUSTER=1): 1,271 and 1,081 rows, of which pairing two
// incidents 0.195 and 0.185; two totals 0.148 and 0.161; recall killed
// 0.545 and 0.576, wounded 0.480 and 0.440, shot 0.417 and 0.278.
//
// #14, third round (an incident named at another place: elsewhere), with
// clusters: 1,315 rows before, 1,298 after; two totals in the top 30 0.600
// and 0.667; recall unchanged (killed 0.636, wounded 0.627, shot 0.556).
// Without clusters: 1,095 and 1,099 rows; recall killed 0.576, wounded
// 0.440, shot 0.306 both. The shot disagreements that clusters pair and
// events without them do not are follow-up articles published weeks later
// (an event's day is the publication's when the opening gives no date, and
// two events a month apart in one city stay apart) and main places read
// elsewhere (a Chicago paper's report of a shooting in Gary).
func TestGVAConflicts(t *testing.T) {
	path, ok := fixtures.Shared("corpora/gva-semeval2018/articles.jsonl")
	goldPath, okGold := fixtures.Shared("corpora/gva-semeval2018/gold-source.jsonl")
	if !ok || !okGold {
		t.Skip("shared GVA corpus not present")
	}
	gold := map[string]gvaGold{}
	data, err := os.ReadFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var g gvaGold
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			t.Fatal(err)
		}
		gold[g.Cluster] = g
	}
	c := loadCorpus(t, path)
	rows := detectAll(t, c.claims)
	dumpRows(t, c, rows)
	f := measure(c, rows, gold, missedFile(t))
	t.Logf("GVA: %d claims\n%s", len(c.claims), f)

	perCluster := float64(f.rows) / float64(f.clusters)
	for _, b := range []struct {
		what     string
		got      float64
		min, max float64
	}{
		{"rows per cluster", perCluster, 1.8, 3},
		// #14: 0.47, where it stands (the top 30 hold more over-counts of
		// two totals: two totals 0.83, up from 0.67; not two totals 0.10)
		{"subset-whole share of the top 30", f.subsetWholeTop.rate(), 0, 0.5},
		{"subset-whole share (not two totals) of the top 30", f.swNotTotalsTop.rate(), 0, 0.3},
		{"subset-whole share (not two totals) at severity >= 0.5", f.swNotTotalsHigh.rate(), 0, 0.3},
		{"two-totals share of the top 30", f.totalsTop.rate(), 0.55, 1},
		{"two-totals share at severity >= 0.5", f.totalsHigh.rate(), 0.55, 1},
		{"recall, killed", f.recall[measureKilled].rate(), 0.5, 1},
		// 0.65, where it stands: the disagreements not paired are one named
		// hospital's patients (a subset) against the incident's count, and
		// counts of the shot ("shooting N people", "six more shot") that no
		// row pairs yet.
		{"recall, wounded", f.recall[measureWounded].rate(), 0.62, 1},
		{"recall, shot", f.recall[measureShot].rate(), 0.5, 1},
	} {
		if b.got < b.min || b.got > b.max {
			t.Errorf("%s %.3f, want within [%.2f, %.2f]", b.what, b.got, b.min, b.max)
		}
	}
	if f.totalsHigh.of == 0 || f.recall[measureKilled].of < 20 {
		t.Errorf("too little to measure: %d rows at severity >= 0.5, %d disagreements on the dead", f.totalsHigh.of, f.recall[measureKilled].of)
	}
}

// TestECBConflicts reports the same figures for the ECB+ corpus (no gold
// counts: only the row, two-totals and recall figures mean something).
// Before the rules (the claims of commit 46a9422): 1,241 rows, 14.4 per
// cluster; two totals in the top 30 0.23; recall killed 11 of 11, wounded
// 9 of 9. After: 1,038 rows, 12.1 per cluster; 0.37; 10 of 11 (the
// disagreement now missed paired "the two other victims" with a "mother of
// 12", a misread), 9 of 9.
func TestECBConflicts(t *testing.T) {
	path, ok := fixtures.Shared("corpora/ecbplus/articles.jsonl")
	if !ok {
		t.Skip("shared ECB+ corpus not present")
	}
	c := loadCorpus(t, path)
	rows := detectAll(t, c.claims)
	dumpRows(t, c, rows)
	f := measure(c, rows, nil, missedFile(t))
	t.Logf("ECB+: %d claims\n%s", len(c.claims), f)
	// #14: 7.1, other events, other times and subsets no longer paired
	if perCluster := float64(f.rows) / float64(f.clusters); perCluster > 13.5 || perCluster < 6 {
		t.Errorf("%.2f rows per cluster, want within [6, 13.5]", perCluster)
	}
	if r := f.recall[measureKilled]; r.of < 5 || r.rate() < 0.75 {
		t.Errorf("recall on the dead %v, want at least 0.75", r)
	}
	if f.totalsTop.rate() < 0.2 {
		t.Errorf("two-totals share of the top 30 %v, want at least 0.2", f.totalsTop)
	}
}

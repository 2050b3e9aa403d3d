package report

import (
	"bytes"
	"encoding/xml"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/claimscan/claimscan/schema"
)

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

// fixture is a small dataset: three divergences on one key, a
// contradiction on another, hostile text in a quote and a source name.
func fixture() Dataset {
	claim := func(id, art, quote, sentence, src, outlet, pub string, bound string, low, best, high schema.Float) schema.Claim {
		return schema.Claim{ClaimID: id, ArticleID: art, Quote: quote, Sentence: sentence, Source: src, Outlet: outlet,
			Published: day(pub), Bound: bound, ValueLow: low, ValueBest: best, ValueHigh: high}
	}
	none := schema.Float{}
	claims := []schema.Claim{
		claim("c890", "000", "Around 890 civilians", "Around 890 civilians have died, the monitor said.", "Levant Monitor", "Wire One", "2019-08-22", schema.BoundApprox, none, schema.F(890), none),
		claim("c730", "004", "more than 730 civilians", "The union says more than 730 civilians died.", "Medical Union", "Wire Two", "2019-08-23", schema.BoundMoreThan, schema.F(730), none, none),
		claim("c500", "004", "more than 500 civilians", "The office said more than 500 civilians died.", "UN Office", "Wire Two", "2019-08-23", schema.BoundMoreThan, schema.F(500), none, none),
		claim("cx1", "007", `<script>alert("x")</script> 12 dead`, `Locals said <script>alert("x")</script> 12 dead & more.`, "Tom & <b>Jerry</b>", "Wire <i>Three</i>", "2019-08-24", schema.BoundExact, none, schema.F(12), none),
		claim("cx2", "008", "40 dead", "Officials counted 40 dead.", "", "Wire Four", "2019-08-25", schema.BoundExact, none, schema.F(40), none),
	}
	conf := func(a, b *schema.Claim, key, kind string, lowA, highA, lowB, highB schema.Float, gap, rel, sev float64) schema.Conflict {
		return schema.Conflict{ConflictID: "id-" + a.ClaimID + "-" + b.ClaimID, ClaimKey: key, ClaimIDA: a.ClaimID, ClaimIDB: b.ClaimID,
			ArticleIDA: a.ArticleID, ArticleIDB: b.ArticleID, SourceA: a.Source, SourceB: b.Source, Kind: kind,
			OutletA: a.Outlet, OutletB: b.Outlet, PublishedA: a.Published, PublishedB: b.Published, QuoteA: a.Quote, QuoteB: b.Quote,
			ValueLowA: a.ValueLow, ValueBestA: a.ValueBest, ValueHighA: a.ValueHigh,
			ValueLowB: b.ValueLow, ValueBestB: b.ValueBest, ValueHighB: b.ValueHigh,
			LowA: lowA, HighA: highA, LowB: lowB, HighB: highB, Gap: gap, RelGap: rel, Severity: sev}
	}
	k1, k2 := "killed|civilians|adlab|2019", "killed|people|x|2019"
	conflicts := []schema.Conflict{
		conf(&claims[0], &claims[2], k1, schema.ConflictDivergence, schema.F(801), schema.F(979), schema.F(500), none, 390, 0.438, 0.46),
		conf(&claims[0], &claims[1], k1, schema.ConflictDivergence, schema.F(801), schema.F(979), schema.F(730), none, 160, 0.18, 0.31),
		conf(&claims[2], &claims[1], k1, schema.ConflictDivergence, schema.F(500), none, schema.F(730), none, 230, 0.315, 0.39),
		conf(&claims[3], &claims[4], k2, schema.ConflictContradiction, schema.F(12), schema.F(12), schema.F(40), schema.F(40), 28, 0.7, 0.85),
	}
	sources := []schema.Source{
		{SourceID: "s1", Name: "Levant Monitor", Kind: "ngo", Aliases: []string{"the monitor"}, NClaims: 9, NArticles: 4, FirstSeen: day("2019-08-01"), LastSeen: day("2019-08-22")},
		{SourceID: "s2", Name: "Medical Union", Kind: "ngo", NClaims: 3, NArticles: 2},
		{SourceID: "s3", Name: "Tom & <b>Jerry</b>", Kind: "person", NClaims: 1, NArticles: 1},
		{SourceID: "s4", Name: "Wire One", Kind: "outlet", NClaims: 50, NArticles: 20},
		{SourceID: "s5", Name: "UN Office", Kind: "igo", NClaims: 3, NArticles: 3},
	}
	return Dataset{Name: "seed <test>", Claims: claims, Sources: sources, Conflicts: conflicts}
}

func render(t *testing.T, d Dataset) (string, string) {
	t.Helper()
	s := Summarize(d, Options{})
	var text, page bytes.Buffer
	if err := WriteText(&text, s); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(&page, s); err != nil {
		t.Fatal(err)
	}
	return text.String(), page.String()
}

func TestHTML(t *testing.T) {
	_, page := render(t, fixture())

	// escaping: no markup from the data survives
	for _, bad := range []string{`<script>alert`, `<b>Jerry</b>`, `<i>Three</i>`, `seed <test>`} {
		if strings.Contains(page, bad) {
			t.Errorf("unescaped %q in the page", bad)
		}
	}
	for _, good := range []string{`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`, `Tom &amp; &lt;b&gt;Jerry&lt;/b&gt;`, `seed &lt;test&gt;`} {
		if !strings.Contains(page, good) {
			t.Errorf("page lacks escaped %q", good)
		}
	}
	// self-contained: nothing to fetch
	stripped := strings.ReplaceAll(page, `xmlns="http://www.w3.org/2000/svg"`, "")
	for _, ext := range []string{"http:", "https:", "src=", "<script", "<link", "@import", "url("} {
		if strings.Contains(stripped, ext) {
			t.Errorf("page contains %q", ext)
		}
	}
	// the top conflicts, most severe first, with both quotes and sources
	order := []string{"<mark>40 dead</mark>", "<mark>Around 890 civilians</mark>"}
	if i, j := strings.Index(page, order[0]), strings.Index(page, order[1]); i < 0 || j < 0 || i > j {
		t.Errorf("top conflicts not in severity order (%d, %d)", i, j)
	}
	for _, want := range []string{"more than 730 civilians", "more than 500 civilians", "Medical Union", "UN Office",
		"in Wire Two", "Wire Four (own voice)", "801–979", "≥ 730", "same source", "contradiction"} {
		if want == "same source" {
			continue // no same-source row in the fixture
		}
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if rows := strings.Count(page, "<tr>") - 2; rows != 4+4 { // header rows aside: 4 conflicts, 4 cited sources
		t.Errorf("%d table rows, want 8", rows)
	}
	if strings.Contains(page, ">Wire One</td>") {
		t.Error("an outlet is listed among the most-cited sources")
	}

	// one well-formed SVG per key with conflicts
	svgs := regexp.MustCompile(`(?s)<svg .*?</svg>`).FindAllString(page, -1)
	if len(svgs) != 2 {
		t.Fatalf("%d charts, want 2", len(svgs))
	}
	for _, svg := range svgs {
		dec := xml.NewDecoder(strings.NewReader(svg))
		for {
			_, err := dec.Token()
			if err != nil {
				if err.Error() != "EOF" {
					t.Errorf("chart is not well-formed: %v", err)
				}
				break
			}
		}
	}
	first := svgs[0] // the contradiction's key is the most severe
	if !strings.Contains(first, "killed|people|x|2019") || strings.Count(first, `class="bar"`) != 2 || strings.Count(first, "<circle") != 2 {
		t.Errorf("first chart: %s", first)
	}
	second := svgs[1]
	if strings.Count(second, `class="bar"`) != 3 || strings.Count(second, "<polygon") != 2 || strings.Count(second, "<circle") != 1 {
		t.Errorf("second chart: want 3 bars, 2 open ends, 1 best value:\n%s", second)
	}

	_, again := render(t, fixture())
	if again != page {
		t.Error("two renders differ")
	}
}

func TestText(t *testing.T) {
	text, _ := render(t, fixture())
	for _, want := range []string{
		"5 claims, 5 sources, 4 conflicts (1 contradiction, 3 divergence)",
		`A: "Locals said <script>alert(\"x\")</script> 12 dead & more."`,
		"Tom & <b>Jerry</b>, in Wire <i>Three</i>, 2019-08-24 (article 007)",
		"40 — Wire Four (own voice), 2019-08-25 (article 008)",
		"≈ 890 — Levant Monitor, in Wire One, 2019-08-22 (article 000)",
		"≥ 500 — UN Office, in Wire Two",
		"Levant Monitor",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	lines := strings.Split(text, "\n")
	var tops []string
	for _, l := range lines {
		if regexp.MustCompile(`^ ?\d+\. `).MatchString(l) {
			tops = append(tops, l)
		}
	}
	if len(tops) != 4 || !strings.Contains(tops[0], "contradiction  severity 0.85") || !strings.Contains(tops[3], "severity 0.31") {
		t.Errorf("top conflicts: %q", tops)
	}
	// most cited: Levant Monitor (9) before Medical Union and UN Office (3 each, by articles)
	i, j, k := strings.Index(text, "Levant Monitor  "), strings.Index(text, "UN Office  "), strings.Index(text, "Medical Union  ")
	if i < 0 || j < 0 || k < 0 || !(i < j && j < k) {
		t.Errorf("most-cited order wrong (%d %d %d):\n%s", i, j, k, text)
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	var out bytes.Buffer
	if err := Write(&out, path, fixture()); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("<!DOCTYPE html>")) || !strings.Contains(out.String(), "Top conflicts") {
		t.Fatalf("report.html: %v, %d bytes; text %d bytes", err, len(b), out.Len())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the directory, want report.html alone", len(entries))
	}
	if err := Write(&out, filepath.Join(dir, "missing", "report.html"), fixture()); err == nil {
		t.Error("no error for a missing directory")
	}
}

func TestClaimsNotLoaded(t *testing.T) {
	// The conflicts table alone gives each side's quote, voice and value.
	d := fixture()
	d.Claims = nil
	text, _ := render(t, d)
	if !strings.Contains(text, `A: "Locals said <script>alert(\"x\")</script> 12 dead & more."`) && !strings.Contains(text, `<script>alert(\"x\")</script> 12 dead"`) {
		t.Errorf("the quote of a conflict row is not shown without the claims table:\n%s", text)
	}
	if !strings.Contains(text, "40 — Wire Four (own voice), 2019-08-25 (article 008)") {
		t.Errorf("the value, voice and date of a conflict row are not shown without the claims table:\n%s", text)
	}
	// A row without its quotes (a dataset of an older schema) and no claims.
	for i := range d.Conflicts {
		d.Conflicts[i].QuoteA, d.Conflicts[i].QuoteB = "", ""
	}
	text, page := render(t, d)
	if strings.Contains(page, "<blockquote>") || !strings.Contains(page, "claim c890 (not loaded)") {
		t.Error("a claim that was not loaded is not marked as such")
	}
	if !strings.Contains(text, `A: "(claim cx1)"`) {
		t.Errorf("text:\n%s", text)
	}
}

func TestEmpty(t *testing.T) {
	text, page := render(t, Dataset{})
	if !strings.Contains(text, "none") || !strings.Contains(page, "No conflicts.") || strings.Contains(page, "<svg ") {
		t.Errorf("empty report:\n%s", text)
	}
}

func TestClaimsNeeded(t *testing.T) {
	d := fixture()
	need := ClaimsNeeded(d.Conflicts, Options{TopConflicts: 1, Charts: 1})
	want := map[string]bool{"cx1": true, "cx2": true}
	if len(need) != len(want) || !need["cx1"] || !need["cx2"] {
		t.Errorf("ClaimsNeeded = %v, want %v", need, want)
	}
	if n := len(ClaimsNeeded(d.Conflicts, Options{})); n != 5 {
		t.Errorf("ClaimsNeeded with defaults: %d claims, want 5", n)
	}
}

func TestNumber(t *testing.T) {
	for v, want := range map[float64]string{
		0: "0", 12: "12", 890: "890", 1000: "1,000", 370000: "370,000", 1234567.5: "1,234,567.5",
		-4200: "-4,200", 0.25: "0.25", 979.0000000000001: "979",
	} {
		if got := Number(v); got != want {
			t.Errorf("Number(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestLayoutScales(t *testing.T) {
	lin := layout(&Chart{Key: "k", Rows: []ChartRow{{Low: 500, High: 900, Best: 700}, {Low: 730, High: posInf(), Best: nan()}}})
	if lin.Log || len(lin.Ticks) < 3 || lin.Rows[1].X2 != plotRight || lin.Rows[0].X1 >= lin.Rows[0].X2 {
		t.Errorf("linear layout: %+v", lin)
	}
	for _, r := range lin.Rows {
		if r.X1 < plotLeft || r.X2 > plotRight {
			t.Errorf("bar outside the plot: %+v", r)
		}
	}
	log := layout(&Chart{Key: "k", Rows: []ChartRow{{Low: 5, High: 5, Best: 5}, {Low: 50000, High: 60000, Best: nan()}}})
	if !log.Log || log.Rows[0].X1 < plotLeft-1 || log.Rows[1].X2 > plotRight {
		t.Errorf("log layout: %+v", log)
	}
}

func posInf() float64 { return math.Inf(1) }
func nan() float64    { return math.NaN() }

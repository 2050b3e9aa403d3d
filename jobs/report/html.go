package report

import (
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// WriteHTML writes s as one static HTML page: no scripts, no fonts, no
// network (a Content-Security-Policy forbids all of it), every string
// escaped by html/template. It holds the counts, the top conflicts with
// both quotes, the most-cited sources, and one inline SVG chart per
// charted claim key with each claim's compared interval.
func WriteHTML(w io.Writer, s *Summary) error {
	charts := make([]svgChart, len(s.Charts))
	for i := range s.Charts {
		charts[i] = layout(&s.Charts[i])
	}
	return page.Execute(w, struct {
		*Summary
		SVG []svgChart
	}{s, charts})
}

// Parts splits the claim's sentence around its quote, for highlighting;
// when the sentence does not contain the quote, Quote alone is set.
func (c ClaimView) Parts() struct{ Before, Quote, After string } {
	var p struct{ Before, Quote, After string }
	p.Quote = c.Quote
	if i := strings.Index(c.Sentence, c.Quote); c.Quote != "" && i >= 0 {
		p.Before, p.After = c.Sentence[:i], c.Sentence[i+len(c.Quote):]
	}
	return p
}

// Chart geometry, in SVG user units.
const (
	svgWidth   = 760.0
	labelWidth = 250.0
	plotLeft   = labelWidth + 10
	plotRight  = svgWidth - 30
	rowHeight  = 24.0
	topMargin  = 8.0
	axisHeight = 28.0
)

type svgChart struct {
	Key         string
	MaxSeverity float64
	Width       float64
	Height      float64
	PlotLeft    float64
	PlotRight   float64
	AxisY       float64
	TickY       float64 // baseline of the tick labels
	LabelX      float64 // right end of the row labels
	Log         bool
	Ticks       []svgTick
	Rows        []svgRow
}

type svgTick struct {
	X     float64
	Label string
}

type svgRow struct {
	Y, TextY float64
	Label    string
	X1, X2   float64
	Open     bool
	HasBest  bool
	BX       float64
	Value    string
	Arrow    string // polygon points of the arrow of an open end
}

// layout places a chart's rows on a linear axis from 0 (or from the
// smallest value when it is negative), or on a log axis when the values
// span more than two orders of magnitude. Open ends run to the right edge
// and end in an arrow.
func layout(ch *Chart) svgChart {
	g := svgChart{
		Key: ch.Key, MaxSeverity: ch.MaxSeverity, Width: svgWidth,
		PlotLeft: plotLeft, PlotRight: plotRight,
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	open := false
	for _, r := range ch.Rows {
		for _, v := range []float64{r.Low, r.High, r.Best} {
			if !math.IsInf(v, 0) && !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
		open = open || math.IsInf(r.High, 1)
	}
	if math.IsInf(lo, 1) {
		lo, hi = 0, 1
	}
	var x func(float64) float64
	if lo > 0 && hi/lo > 100 {
		g.Log = true
		a, b := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
		if open {
			b++
		}
		if b == a {
			b = a + 1
		}
		x = func(v float64) float64 {
			return plotLeft + (math.Log10(math.Max(v, math.Pow(10, a)))-a)/(b-a)*(plotRight-plotLeft)
		}
		for e := a; e <= b; e++ {
			g.Ticks = append(g.Ticks, svgTick{x(math.Pow(10, e)), Number(math.Pow(10, e))})
		}
	} else {
		start := math.Min(0, lo)
		top := hi
		if open {
			top = hi * 1.25
		}
		if top <= start {
			top = start + 1
		}
		step := niceStep((top - start) / 4)
		end := math.Ceil(top/step) * step
		x = func(v float64) float64 { return plotLeft + (v-start)/(end-start)*(plotRight-plotLeft) }
		for t := math.Ceil(start/step) * step; t <= end+step/2; t += step {
			g.Ticks = append(g.Ticks, svgTick{x(t), Number(t)})
		}
	}
	for i, r := range ch.Rows {
		y := topMargin + float64(i)*rowHeight + rowHeight/2
		row := svgRow{Y: y, TextY: y + 4, Label: clip(r.Label, 40), X1: x(r.Low), Open: math.IsInf(r.High, 1)}
		if row.Open {
			row.X2 = plotRight
			row.Value = "≥ " + Number(r.Low)
			row.Arrow = formatFixed(plotRight, 1) + "," + formatFixed(y-7, 1) + " " +
				formatFixed(plotRight+10, 1) + "," + formatFixed(y, 1) + " " +
				formatFixed(plotRight, 1) + "," + formatFixed(y+7, 1)
		} else {
			row.X2 = x(r.High)
			row.Value = Number(r.Low)
			if r.High != r.Low {
				row.Value += "–" + Number(r.High)
			}
		}
		if row.X2-row.X1 < 2 { // a point: keep it visible
			row.X1, row.X2 = row.X1-1, row.X1+1
		}
		if !math.IsNaN(r.Best) {
			row.HasBest, row.BX = true, x(r.Best)
		}
		g.Rows = append(g.Rows, row)
	}
	g.AxisY = topMargin + float64(len(ch.Rows))*rowHeight + 4
	g.TickY = g.AxisY + 16
	g.LabelX = plotLeft - 10
	g.Height = g.AxisY + axisHeight
	return g
}

// formatFixed formats v with prec decimals.
func formatFixed(v float64, prec int) string {
	return strconv.FormatFloat(v, 'f', prec, 64)
}

// dateOf formats a date, or "" for the zero time.
func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// niceStep rounds x up to 1, 2 or 5 times a power of ten.
func niceStep(x float64) float64 {
	if x <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	switch f := x / p; {
	case f <= 1:
		return p
	case f <= 2:
		return 2 * p
	case f <= 5:
		return 5 * p
	}
	return 10 * p
}

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"num":  Number,
	"pct":  func(v float64) string { return Number(math.Round(v*100)) + "%" },
	"sev":  func(v float64) string { return strings.TrimRight(strings.TrimRight(formatFixed(v, 2), "0"), ".") },
	"f1":   func(v float64) string { return formatFixed(v, 1) },
	"date": dateOf,
	"n64":  func(v int64) string { return Number(float64(v)) },
	"n":    func(v int) string { return Number(float64(v)) },
	"inc":  func(i int) int { return i + 1 },
}).Parse(pageTemplate))

const pageTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimscan report{{if .Name}}: {{.Name}}{{end}}</title>
<style>
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d232a; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #d6dbe0; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.4rem 0 .3rem; font-family: ui-monospace, monospace; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid #e4e7eb; }
th { font-size: .85rem; color: #57606a; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.kind { font-weight: 600; text-transform: uppercase; font-size: .75rem; letter-spacing: .03em; }
.contradiction { color: #b42318; } .denial { color: #8e24aa; } .divergence { color: #b45309; } .update { color: #1d6fa5; }
blockquote { margin: 0 0 .25rem; font-style: italic; }
mark { background: #fff1b8; font-style: normal; }
.meta { color: #57606a; font-size: .85rem; }
.key { font-family: ui-monospace, monospace; font-size: .8rem; color: #57606a; }
.same { background: #fde8e8; color: #b42318; border-radius: 3px; padding: 0 .3rem; font-size: .75rem; }
svg text { font: 12px system-ui, sans-serif; fill: #1d232a; }
svg .tick { fill: #57606a; font-size: 11px; }
svg .grid { stroke: #e4e7eb; }
svg .bar { stroke: #3b6fb6; stroke-width: 8; stroke-linecap: butt; }
svg .best { fill: #1d232a; }
svg .arrow { fill: #3b6fb6; }
</style>
</head>
<body>
<h1>claimscan report{{if .Name}}: {{.Name}}{{end}}</h1>
<p class="meta">{{n64 .NClaims}} claims · {{n .NSources}} sources · {{n .NConflicts}} conflicts{{range .ByKind}}{{if .N}} · {{n .N}} {{.Kind}}{{end}}{{end}}</p>

<h2>Top conflicts by severity</h2>
{{if .Conflicts}}<table>
<thead><tr><th class="num">#</th><th>conflict</th><th>claim A</th><th>claim B</th></tr></thead>
<tbody>
{{range $i, $c := .Conflicts}}<tr>
<td class="num">{{inc $i}}</td>
<td><span class="kind {{$c.Kind}}">{{$c.Kind}}</span><br>severity {{sev $c.Severity}}<br>gap {{num $c.Gap}} ({{pct $c.RelGap}}){{if $c.SameSource}}<br><span class="same">same source</span>{{end}}<br><span class="key">{{$c.ClaimKey}}</span></td>
{{template "side" $c.A}}
{{template "side" $c.B}}
</tr>
{{end}}</tbody>
</table>{{else}}<p>No conflicts.</p>{{end}}

<h2>Most-cited sources</h2>
{{if .Sources}}<table>
<thead><tr><th>source</th><th>kind</th><th class="num">claims</th><th class="num">articles</th><th class="num">conflicts</th><th>first seen</th><th>last seen</th><th>also written</th></tr></thead>
<tbody>
{{range .Sources}}<tr><td>{{.Name}}</td><td>{{.Kind}}</td><td class="num">{{n64 .NClaims}}</td><td class="num">{{n64 .NArticles}}</td><td class="num">{{n .NConflicts}}</td><td>{{date .FirstSeen}}</td><td>{{date .LastSeen}}</td><td class="meta">{{range $j, $a := .Aliases}}{{if $j}}; {{end}}{{$a}}{{end}}</td></tr>
{{end}}</tbody>
</table>{{else}}<p>No cited sources.</p>{{end}}

<h2>Value spread per quantity</h2>
<p class="meta">One chart per claim key with conflicts, most severe first. Each bar is the interval a claim allows as compared (approximate values widened by the tolerance); a dot marks its best value; an arrow, an open end (“more than”).</p>
{{range .SVG}}<h3>{{.Key}} <span class="meta">max severity {{sev .MaxSeverity}}</span></h3>
<svg xmlns="http://www.w3.org/2000/svg" width="{{f1 .Width}}" height="{{f1 .Height}}" viewBox="0 0 {{f1 .Width}} {{f1 .Height}}" role="img" aria-label="value spread for {{.Key}}">
<title>value spread for {{.Key}}</title>
{{$c := .}}{{range .Ticks}}<line class="grid" x1="{{f1 .X}}" y1="0" x2="{{f1 .X}}" y2="{{f1 $c.AxisY}}"/>
<text class="tick" x="{{f1 .X}}" y="{{f1 $c.TickY}}" text-anchor="middle">{{.Label}}</text>
{{end}}{{range .Rows}}<text x="{{f1 $c.LabelX}}" y="{{f1 .TextY}}" text-anchor="end">{{.Label}}</text>
<line class="bar" x1="{{f1 .X1}}" y1="{{f1 .Y}}" x2="{{f1 .X2}}" y2="{{f1 .Y}}"><title>{{.Label}}: {{.Value}}</title></line>
{{if .Open}}<polygon class="arrow" points="{{.Arrow}}"/>
{{end}}{{if .HasBest}}<circle class="best" cx="{{f1 .BX}}" cy="{{f1 .Y}}" r="4"/>
{{end}}{{end}}</svg>
{{else}}<p>No conflicts to chart.</p>
{{end}}
</body>
</html>
{{define "side"}}<td>{{if .Quote}}{{with .Parts}}<blockquote>“{{.Before}}<mark>{{.Quote}}</mark>{{.After}}”</blockquote>{{end}}{{else}}<span class="meta">claim {{.ClaimID}} (not loaded)</span><br>{{end}}<b>{{.Interval}}</b> — {{.Voice}}<br><span class="meta">{{if and .Source .Outlet}}in {{.Outlet}}, {{end}}{{date .Published}} · article {{.ArticleID}}</span></td>{{end}}
`

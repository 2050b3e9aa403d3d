package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteText prints s for a terminal: the counts, the top conflicts with
// both quotes, sources and outlets, and the most-cited sources.
func WriteText(w io.Writer, s *Summary) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	title := "claimscan report"
	if s.Name != "" {
		title += ": " + s.Name
	}
	p("%s\n%s\n\n", title, strings.Repeat("=", len([]rune(title))))
	p("%s claims, %s sources, %s conflicts", Number(float64(s.NClaims)), Number(float64(s.NSources)), Number(float64(s.NConflicts)))
	var kinds []string
	for _, k := range s.ByKind {
		if k.N > 0 {
			kinds = append(kinds, fmt.Sprintf("%s %s", Number(float64(k.N)), k.Kind))
		}
	}
	if len(kinds) > 0 {
		p(" (%s)", strings.Join(kinds, ", "))
	}
	p("\n\n")

	p("Top conflicts by severity\n-------------------------\n")
	if len(s.Conflicts) == 0 {
		p("none\n")
	}
	for i, c := range s.Conflicts {
		same := ""
		if c.SameSource {
			same = ", same source"
		}
		p("%2d. %s  severity %.2f  rel_gap %.0f%%%s  [%s]\n", i+1, c.Kind, c.Severity, 100*c.RelGap, same, c.ClaimKey)
		for _, side := range []struct {
			tag string
			v   ClaimView
		}{{"A", c.A}, {"B", c.B}} {
			v := side.v
			quote := excerpt(v, 160)
			if quote == "" {
				quote = "(claim " + v.ClaimID + ")"
			}
			p("    %s: %q\n", side.tag, quote)
			p("       %s — %s", v.Interval, v.Voice())
			if v.Outlet != "" && v.Source != "" {
				p(", in %s", v.Outlet)
			}
			if !v.Published.IsZero() {
				p(", %s", v.Published.Format("2006-01-02"))
			}
			p(" (article %s)\n", v.ArticleID)
		}
	}
	p("\n")

	p("Most-cited sources\n------------------\n")
	if len(s.Sources) == 0 {
		p("none\n")
	} else {
		nameW := len("source")
		for _, src := range s.Sources {
			nameW = max(nameW, min(48, len([]rune(src.Name))))
		}
		p("%-*s  %-10s  %8s  %8s  %9s  %s\n", nameW, "source", "kind", "claims", "articles", "conflicts", "seen")
		for _, src := range s.Sources {
			seen := ""
			if !src.FirstSeen.IsZero() {
				seen = src.FirstSeen.Format("2006-01-02") + " – " + src.LastSeen.Format("2006-01-02")
			}
			p("%-*s  %-10s  %8s  %8s  %9s  %s\n", nameW, clip(src.Name, 48), src.Kind,
				Number(float64(src.NClaims)), Number(float64(src.NArticles)), Number(float64(src.NConflicts)), seen)
		}
	}
	return bw.Flush()
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

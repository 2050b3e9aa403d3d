package eval

import (
	"strings"
	"unicode"
)

// SubjectMatch reports whether a predicted subject names the same thing as a
// gold subject: after normalisation (lower case, punctuation dropped, no
// leading article, simple plurals folded) the phrases are equal, or their head
// nouns are ("rebel fighters" and "fighters"; the head of "bottles of
// chlorine" is "bottle").
func SubjectMatch(gold, pred string) bool {
	g, p := normWords(gold), normWords(pred)
	if len(g) == 0 || len(p) == 0 {
		return len(g) == len(p)
	}
	for i := range g {
		g[i] = singular(g[i])
	}
	for i := range p {
		p[i] = singular(p[i])
	}
	if strings.Join(g, " ") == strings.Join(p, " ") {
		return true
	}
	return head(g) == head(p)
}

// SourceMatch reports whether a predicted source name is right for gold
// item g: "" only matches the article's own voice; otherwise the normalised
// name equals g.Source or one of g.SourceAliases, or one is the other's
// acronym. A name written with its acronym in brackets ("UN High
// Commissioner for Refugees (UNHCR)") matches as the name or as the
// acronym.
func SourceMatch(g Gold, pred string) bool {
	if normName(g.Source) == "" {
		return normName(pred) == ""
	}
	ps := nameForms(pred)
	if ps[0].norm == "" {
		return false
	}
	for _, name := range append([]string{g.Source}, g.SourceAliases...) {
		for _, gf := range bracketForms(name) {
			n := normName(gf)
			if n == "" {
				continue
			}
			ns, a := strings.ReplaceAll(n, " ", ""), acronym(gf)
			for _, p := range ps {
				if n == p.norm || a != "" && a == p.joined || p.acronym != "" && p.acronym == ns {
					return true
				}
			}
		}
	}
	return false
}

// nameForm is a form of a predicted source name (bracketForms) as
// SourceMatch compares it: normalised, normalised without spaces, and its
// acronym.
type nameForm struct{ norm, joined, acronym string }

// nameForms returns the forms of name, the whole name first.
func nameForms(name string) []nameForm {
	forms := bracketForms(name)
	out := make([]nameForm, len(forms))
	for i, f := range forms {
		n := normName(f)
		out[i] = nameForm{n, strings.ReplaceAll(n, " ", ""), acronym(f)}
	}
	return out
}

// bracketForms returns a name and, when it ends with a part in brackets
// ("Name (ACRO)"), the name without it and the part.
func bracketForms(s string) []string {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, ")") {
		return []string{s}
	}
	i := strings.LastIndexByte(s, '(')
	if i <= 0 {
		return []string{s}
	}
	return []string{s, strings.TrimSpace(s[:i]), s[i+1 : len(s)-1]}
}

// ScopeMatch reports whether a predicted scope text agrees with a gold scope:
// both empty, or after normalisation equal or one containing the other
// ("since late April" and "late April").
func ScopeMatch(gold, pred string) bool {
	g, p := strings.Join(normWords(gold), " "), strings.Join(normWords(pred), " ")
	if g == "" || p == "" {
		return g == p
	}
	return g == p || strings.Contains(g, p) || strings.Contains(p, g)
}

var articles = map[string]bool{"the": true, "a": true, "an": true}

// normWords lower-cases s, drops punctuation (apostrophes with it) and a
// leading article, and returns the words.
func normWords(s string) []string {
	w := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	out := w[:0]
	for _, x := range w {
		x = strings.TrimSuffix(x, "'s")
		x = strings.ReplaceAll(x, "'", "")
		if x != "" {
			out = append(out, x)
		}
	}
	if len(out) > 1 && articles[out[0]] {
		out = out[1:]
	}
	return out
}

func normName(s string) string { return strings.Join(normWords(s), " ") }

// head returns the head noun of a normalised phrase: the last word, or the
// last word before "of".
func head(w []string) string {
	for i, x := range w {
		if x == "of" && i > 0 {
			return w[i-1]
		}
	}
	return w[len(w)-1]
}

// singular folds the common English plural endings.
func singular(w string) string {
	switch {
	case w == "people" || w == "persons":
		return "person"
	case w == "children":
		return "child"
	case w == "men":
		return "man"
	case w == "women":
		return "woman"
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

var acronymSkip = map[string]bool{"of": true, "for": true, "the": true, "and": true, "on": true, "in": true, "to": true, "de": true, "des": true, "du": true, "la": true, "le": true}

// acronym returns the lower-case initials of a name of two or more words,
// skipping function words; a word written in capitals of up to four letters
// is kept whole. "UN Office for the Coordination of Humanitarian Affairs"
// gives "unocha", "U.S. Geological Survey" gives "usgs".
func acronym(name string) string {
	w := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(w) < 2 {
		return ""
	}
	var b strings.Builder
	for _, x := range w {
		if acronymSkip[strings.ToLower(x)] {
			continue
		}
		if len(x) <= 4 && strings.ToUpper(x) == x {
			b.WriteString(x)
			continue
		}
		r := []rune(x)
		b.WriteRune(r[0])
	}
	return strings.ToLower(b.String())
}

package eval

import (
	"regexp"
	"slices"
	"strings"
)

// Matching a predicted source to a gold one as the development set's
// scorer (score.py) does.

var nonNameChars = regexp.MustCompile(`[^a-z0-9() ]+`)

// normSourceParts is score.py's norm_source: lower case, every run of
// characters other than a-z, 0-9, brackets and space made one space, then
// the parts outside and inside brackets, trimmed ("" when none).
func normSourceParts(s string) []string {
	s = nonNameChars.ReplaceAllString(strings.ToLower(s), " ")
	var parts []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == '(' || r == ')' }) {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	if parts == nil {
		return []string{""}
	}
	return parts
}

var initialsSkip = map[string]bool{"of": true, "for": true, "the": true, "and": true, "on": true, "in": true}

// initials is score.py's acronym: the first letters of the words but of,
// for, the, and, on, in.
func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if !initialsSkip[w] {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}

// SameSourceLoose is the development set's source match (score.py's
// same_source): the own voice only matches itself; otherwise some part of
// one name (outside or inside brackets) equals, contains or is contained in
// (more than three letters) a part of the other, is its initials, or
// shares half the words with it.
func SameSourceLoose(gold, pred string) bool {
	gs, ps := normSourceParts(gold), normSourceParts(pred)
	if len(gs) == 1 && gs[0] == "" || len(ps) == 1 && ps[0] == "" {
		return slices.Equal(gs, ps)
	}
	for _, a := range gs {
		for _, b := range ps {
			if a == b || len(a) > 3 && strings.Contains(b, a) || len(b) > 3 && strings.Contains(a, b) {
				return true
			}
			if initials(a) == strings.ReplaceAll(b, " ", "") || initials(b) == strings.ReplaceAll(a, " ", "") {
				return true
			}
			ta, tb := wordSet(a), wordSet(b)
			inter := 0
			for w := range ta {
				if tb[w] {
					inter++
				}
			}
			union := len(ta) + len(tb) - inter
			if float64(inter)/float64(max(1, union)) >= 0.5 {
				return true
			}
		}
	}
	return false
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

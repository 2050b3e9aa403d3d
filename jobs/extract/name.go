package extract

import (
	"strings"
	"unsafe"
)

// Name cleaning: what a sentence glues onto a source's name comes off
// (cleanName), and a generic source is written in lower case.

// cleanName returns a source's name without the words a sentence glued
// onto it: a sentence run into it by a missing space ("Charles
// Jackson.His family"), leading and trailing function words, pronouns,
// numbers, weekdays and months ("But he", "One DART", "Thursday and",
// "AFP late"), a trailing hyphen. A name of a relative is "relatives".
// It returns "" when nothing of a name is left.
func cleanName(s string) string {
	// "Drive.Houston police": a sentence end without its space.
	runOn := false
	for i := len(s) - 2; i > 0; i-- {
		if s[i] == '.' && s[i-1] >= 'a' && s[i-1] <= 'z' && s[i+1] >= 'A' && s[i+1] <= 'Z' {
			s, runOn = s[i+1:], true
			break
		}
	}
	// The words as spans of s, without allocating for the usual short name.
	var spans [24][2]int
	ws := spans[:0]
	for i := 0; i < len(s); {
		for i < len(s) && isSpaceByte(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !isSpaceByte(s[j]) {
			j++
		}
		if j > i {
			if len(ws) == len(spans) {
				return s // a long phrase: left as it is
			}
			ws = append(ws, [2]int{i, j})
		}
		i = j
	}
	word := func(k int) string { return s[ws[k][0]:ws[k][1]] }
	// "More News Videos A father", "Pa.– The York County Coroner's office":
	// a capitalized article inside starts the name.
	for i := len(ws) - 1; i > 0; i-- {
		if w := word(i); w == "The" || w == "A" || w == "An" {
			ws = ws[i:]
			break
		}
	}
	if w := word(0); len(ws) > 1 && w[len(w)-1] == '.' && stateAbbrevs[w] {
		ws = ws[1:] // "Fla. Florida police": the dateline's state
	}
	// Each word is looked up once: its lexicon index (-1 for none) or -2
	// for a number, a bracket or an empty word.
	var buf [48]byte
	look := func(k int) int32 {
		w := word(k)
		if w[0] == '(' {
			return -3 // "(WHO)": never junk
		}
		b := bareWord(w, buf[:0])
		if b == "" || b[0] >= '0' && b[0] <= '9' {
			return -2
		}
		return lexFind(b)
	}
	junk := func(li int32, set *lexSet) bool {
		if li == -2 {
			return true
		}
		if li < 0 {
			return false
		}
		f := lexInfos[li].f
		return set.in[li] || f&(fWeekday|fMonth) != 0 && f&fSourceNoun == 0
	}
	first := look(0)
	for len(ws) > 1 && junk(first, junkLead) {
		ws = ws[1:]
		first = look(0)
	}
	last := look(len(ws) - 1)
	for len(ws) > 0 && (junk(last, junkTrail) || strings.HasSuffix(word(len(ws)-1), "-")) {
		ws = ws[:len(ws)-1]
		if len(ws) > 0 {
			last = look(len(ws) - 1)
		}
	}
	if len(ws) == 0 || len(ws) == 1 && junk(first, junkLead) {
		return "" // nothing of a name is left
	}
	in := func(li int32, set *lexSet) bool { return li >= 0 && set.in[li] }
	switch {
	case in(last, anonWords):
		return "" // "a Masury man said": nobody named
	case in(last, kinNames) && (lexKeys[last] != "members" || len(ws) == 1), first >= 0 && lexKeys[first] == "family":
		// A relative: "family", "his mother", "Melody Cuerros' family",
		// "a family friend".
		return "relatives"
	}
	if len(ws) == 1 && first >= 0 && (runOn && lexInfos[first].f&fSourceNoun != 0 || peopleGroups.in[first]) && lexInfos[first].f&fPlace == 0 && hasLower(word(0)) {
		// "Road.Police say": a generic source capitalized by the run-on;
		// "Police" is the police wherever it is capitalized.
		return lexKeys[first]
	}
	return s[ws[0][0]:ws[len(ws)-1][1]]
}

// bareWord lowers w's ASCII letters into buf, without the punctuation
// around it or a possessive "'s", and returns it as a string that lives
// in buf (valid until buf is written again).
func bareWord(w string, buf []byte) string {
	for w != "" {
		if trimByte[w[0]] {
			w = w[1:]
		} else if n := quoteDashLen(w, true); n > 0 {
			w = w[n:]
		} else {
			break
		}
	}
	for w != "" {
		if trimByte[w[len(w)-1]] {
			w = w[:len(w)-1]
		} else if n := quoteDashLen(w, false); n > 0 {
			w = w[:len(w)-n]
		} else {
			break
		}
	}
	if n := len(w); n > 2 && (w[n-1] == 's' || w[n-1] == 'S') && w[n-2] == '\'' {
		w = w[:n-2]
	} else if n > 4 && w[n-1] == 's' && strings.HasSuffix(w[:n-1], "’") {
		w = w[:n-4]
	}
	if len(w) > cap(buf) {
		return strings.ToLower(w)
	}
	if w == "" {
		return ""
	}
	buf = buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return unsafe.String(&buf[0], len(buf))
}

// trimByte marks the ASCII punctuation bareWord trims.
var trimByte = [256]bool{'.': true, ',': true, ';': true, ':': true, '!': true, '?': true, '"': true, '\'': true,
	'(': true, ')': true, '-': true}

// quoteDashLen returns the length of a curly quotation mark or a long dash
// (“ ” ’ – —, three bytes each) at the start (front) or the end of w, or 0.
func quoteDashLen(w string, front bool) int {
	if len(w) < 3 {
		return 0
	}
	q := w[len(w)-3:]
	if front {
		q = w[:3]
	}
	if q[0] == 0xE2 && q[1] == 0x80 && (q[2] == 0x9C || q[2] == 0x9D || q[2] == 0x99 || q[2] == 0x93 || q[2] == 0x94) {
		return 3
	}
	return 0
}

// genericName writes a ministry that the table knows without its country
// the way articles do, in lower case: "Ministry of Health" -> "health
// ministry", like other generic sources ("police").
func genericName(name string) string {
	switch name {
	case "Ministry of Health":
		return "health ministry"
	case "Ministry of Defence":
		return "defence ministry"
	case "Ministry of Interior":
		return "interior ministry"
	case "Ministry of Foreign Affairs":
		return "foreign ministry"
	}
	return name
}

package extract

import (
	"strings"

	"github.com/claimscan/claimscan/jobs/entity"
)

// Long forms: the acronyms an article defines ("Union of ... (UOSSM)")
// and the longer names its short forms stand for ("the Observatory").

// buildAcronyms collects "Full Name (ACRO)" definitions of the article.
func (x *analyzer) buildAcronyms() {
	if x.acroBuilt {
		return
	}
	x.acroBuilt = true
	if x.acronyms == nil {
		x.acronyms = map[string]string{}
	}
	text := x.text
	for i := 0; i < len(text); {
		k := strings.IndexByte(text[i:], '(')
		if k < 0 {
			break
		}
		k += i
		i = k + 1
		e := strings.IndexByte(text[k:min(len(text), k+12)], ')')
		if e < 3 {
			continue
		}
		acro := text[k+1 : k+e]
		ok := len(acro) >= 2
		for j := 0; j < len(acro); j++ {
			if !(acro[j] >= 'A' && acro[j] <= 'Z' || acro[j] == '-' || acro[j] == '&' || j > 0 && acro[j] >= 'a' && acro[j] <= 'z') {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if full := capitalizedBefore(text, k); full != "" {
			x.defineAcronym(acro, full)
		}
	}
}

func (x *analyzer) defineAcronym(acro, full string) {
	if !x.acroBuilt {
		x.buildAcronyms()
	}
	full = strings.TrimSpace(full)
	for _, pre := range []string{"The ", "the "} {
		full = strings.TrimPrefix(full, pre)
	}
	if _, dup := x.acronyms[acro]; !dup && strings.Count(full, " ") >= 1 {
		x.acronyms[acro] = full
	}
}

// capitalizedBefore returns the run of capitalized words (with connectors)
// that ends just before byte k.
func capitalizedBefore(text string, k int) string {
	end := k
	for end > 0 && text[end-1] == ' ' {
		end--
	}
	start := end
	words := 0
	for start > 0 {
		j := start
		for j > 0 && text[j-1] != ' ' && text[j-1] != '\n' && text[j-1] != ',' && text[j-1] != '(' && text[j-1] != '"' {
			j--
		}
		w := text[j:start]
		if w == "" {
			break
		}
		if w[0] >= 'A' && w[0] <= 'Z' || nameConnectors.m[w] && words > 0 {
			start = j
			words++
			for start > 0 && text[start-1] == ' ' {
				start--
			}
			continue
		}
		break
	}
	// Drop leading connectors and "-based" adjectives.
	name := strings.TrimSpace(text[start:end])
	for {
		f, rest, ok := strings.Cut(name, " ")
		if !ok || !(nameConnectors.m[strings.ToLower(f)] || strings.HasSuffix(f, "-based")) {
			break
		}
		name = rest
	}
	if strings.Count(name, " ") < 1 {
		return ""
	}
	return name
}

// longForm finds an earlier, longer capitalized name that contains short
// ("Observatory" -> "Syrian Observatory for Human Rights").
func (x *analyzer) longForm(short string, org bool) string {
	text := x.text
	for k := range occurrences(text, short) {
		from := k + len(short)
		if from < len(text) && isLetterByte(text[from]) {
			continue
		}
		s := k
		for {
			j := s
			for j > 0 && text[j-1] == ' ' {
				j--
			}
			if j == s {
				break
			}
			w0 := j
			for w0 > 0 && (isLetterByte(text[w0-1]) || text[w0-1] == '-') {
				w0--
			}
			if w0 == j || !(text[w0] >= 'A' && text[w0] <= 'Z') {
				break
			}
			lw := x.p.low[w0:j] // ASCII letters and hyphens: the text lowered
			if lw == "the" || lw == "a" || lw == "an" || !org && (lexFlags(lw)&(fTitle|fSourceNoun|fPlaceNoun|fDet|fPrep|fVerbish|fNumWord|fOrdinal|fMonth|fWeekday) != 0 || venueWords.m[lw]) {
				break
			}
			s = w0
		}
		if !org {
			// A person: two or three capitalized words ending in the surname.
			full := text[s:from]
			if n := strings.Count(full, " "); n >= 1 && n <= 2 && !strings.ContainsAny(full, "\n,") {
				return full
			}
			continue
		}
		e := from
		for {
			rest := text[e:]
			adv := 0
			for _, c := range []string{" for ", " of ", " on ", " and ", " "} {
				if c == " " && e == from {
					break // plain juxtaposition only after a connector: "for Human Rights"
				}
				if strings.HasPrefix(rest, c) && len(rest) > len(c) && rest[len(c)] >= 'A' && rest[len(c)] <= 'Z' {
					adv = len(c)
					break
				}
			}
			if adv == 0 {
				break
			}
			f := e + adv
			for f < len(text) && (isLetterByte(text[f]) || text[f] == '-') {
				f++
			}
			e = f
		}
		full := text[s:e]
		if full != short && strings.Count(full, " ") >= 1 {
			if ent, ok := entity.Lookup(full); ok {
				return ent.Name
			}
			if strings.Count(full, " ") >= 2 {
				return full
			}
		}
	}
	return ""
}

// longFormCached is longForm with the article's cache: a short slice
// searched by comparing strings, then a map ("\x00" + short for !org).
func (x *analyzer) longFormCached(short string, org bool) string {
	for i := range x.longFormList {
		if l := &x.longFormList[i]; l.short == short && l.org == org {
			return l.full
		}
	}
	if len(x.longFormList) < maxLongFormList {
		full := x.longForm(short, org)
		x.longFormList = append(x.longFormList, longFormEntry{short, full, org})
		return full
	}
	key := short
	if !org {
		key = "\x00" + short
	}
	full, seen := x.longForms[key]
	if !seen {
		full = x.longForm(short, org)
		if x.longForms == nil {
			x.longForms = map[string]string{}
		}
		x.longForms[key] = full
	}
	return full
}

// longFormEntry is a cached longForm result.
type longFormEntry struct {
	short, full string
	org         bool
}

// maxLongFormList is how many longForm results the slice holds before the map.
const maxLongFormList = 16

// descriptorLongForm finds in the article a capitalized name of three or
// more words that holds every word of the lower-case descriptor in tokens
// [s, e) ("national disaster agency" -> "National Disaster Mitigation
// Agency"), or "".
func (x *analyzer) descriptorLongForm(s, e int) string {
	p := &x.p
	if e-s < 2 {
		return ""
	}
	head := p.text[p.toks[e-1].s:p.toks[e-1].e]
	if head == "" {
		return ""
	}
	title := strings.ToUpper(head[:1]) + head[1:]
	text := x.text
	for k := range occurrences(text, title) {
		from := k + len(title)
		// The capitalized run that ends with the head.
		st := k
		for st > 0 {
			j := st - 1
			if text[j] != ' ' {
				break
			}
			w := j
			for w > 0 && isLetterByte(text[w-1]) {
				w--
			}
			if w == j || !(text[w] >= 'A' && text[w] <= 'Z') {
				break
			}
			st = w
		}
		name := text[st:from]
		if strings.Count(name, " ") < 2 {
			continue
		}
		lower := strings.ToLower(name)
		all := true
		for q := e - 2; q >= s; q-- {
			if !strings.Contains(lower, p.w(q)) {
				all = false // "local disaster agency" is not the National Disaster Mitigation Agency
			}
		}
		if all {
			return name
		}
	}
	return ""
}

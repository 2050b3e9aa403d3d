package source

import (
	"strings"
	"unicode"
)

// genericName returns the generic form of a generic source, a common noun
// phrase such as "police", "the officials" or "a witness", and true; or
// name and false when name is not one (a proper name, "Chicago Police",
// or a phrase without a generic head noun). The form keys the source's
// row (rowKey); the row is named by its most frequent spelling.
//
// A name is generic when its words are lower case, but for a capital at
// its start ("Police", "The officials"). From its words:
//
//  1. leading determiners, numbers, possessives and words glued on from
//     the sentence are dropped ("the", "a", "some", "two", "his", "that",
//     "what", "including", "year-old", "s" of a split "'s", ...), and so
//     are trailing ones ("and", "to", "said", pronouns);
//  2. what is left is looked up among the synonyms (below), else its last
//     word must be a generic head noun (police, authorities, officials,
//     investigators, witnesses, sources, ...), which keeps a modifier from
//     a short list ("fire officials", "school officials", "police
//     sources", "federal prosecutors") and drops any other ("man police",
//     "week investigators": words the extraction glued on);
//  3. a singular head joins its plural ("witness" → "witnesses", "officer"
//     → "officers", "neighbour" → "neighbors").
//
// Synonyms join one name: "police department", "police dept", "city
// police", "local police", "cops", "police officials" → "police";
// "sheriff", "sheriff's office" (or department), "county sheriff" →
// "sheriff's office"; "prosecutor's office" → "prosecutors"; "coroner's
// office" → "coroner"; "medical examiner's office" → "medical examiner";
// "source", "sources", "unnamed sources" → "unnamed source"; "news
// release", "press release", "written statement" → "statement".
//
// Generic sources stay generic: "police" in a Chicago story is not folded
// into "Chicago police", because claims.source keeps the text's "police"
// and the row must stay findable from it; the place is in
// claims.location, so "police" can be split by place in a query. A
// place-specific row appears only when the text names the force
// ("Chicago Police").
func genericName(name string) (string, bool) {
	ws := genericWords(name)
	if ws == nil {
		return name, false
	}
	for len(ws) > 0 && (dropLead[ws[0]] || isNumeral(ws[0])) {
		ws = ws[1:]
	}
	for len(ws) > 0 && dropTrail[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return name, false
	}
	phrase := strings.Join(ws, " ")
	if c, ok := genericSynonyms[phrase]; ok {
		return c, true
	}
	// the head: the last two words when they make one ("family members"),
	// else the last word
	n, headLen, head := len(ws), 1, ws[len(ws)-1]
	if n >= 2 {
		two := ws[n-2] + " " + ws[n-1]
		if p, ok := genericSingular[two]; ok {
			two = p
		}
		if genericHeads[two] {
			head, headLen = two, 2
		}
	}
	if headLen == 1 {
		if p, ok := genericSingular[head]; ok {
			head = p
		}
	}
	if !genericHeads[head] {
		return name, false
	}
	canon := func(p string) (string, bool) {
		if c, ok := genericSynonyms[p]; ok {
			return c, true
		}
		return p, true
	}
	if mods := ws[:n-headLen]; len(mods) > 0 {
		if mod := strings.Join(mods, " "); genericModifiers[mod] {
			return canon(mod + " " + head)
		}
		if last := mods[len(mods)-1]; genericModifiers[last] {
			return canon(last + " " + head)
		}
	}
	return canon(head)
}

// genericWords returns the lower-case words of name when it reads as a
// common noun phrase (no capital letter but the first), else nil.
// Apostrophes are folded to ' and a ")" or "(" is dropped.
func genericWords(name string) []string {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	for i, r := range name {
		if i > 0 && unicode.IsUpper(r) {
			return nil
		}
	}
	name = genericFold.Replace(strings.ToLower(name))
	ws := strings.Fields(name)
	for i, w := range ws {
		ws[i] = strings.Trim(w, ".,;:\"“”")
	}
	return ws
}

// genericFold folds apostrophes and drops parentheses for genericWords.
var genericFold = strings.NewReplacer("’", "'", "(", " ", ")", " ")

// isNumeral reports a number written in digits or in words up to ten.
func isNumeral(w string) bool {
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		return true
	}
	switch w {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten":
		return true
	}
	return false
}

var dropLead = setOf("the", "a", "an", "some", "another", "other", "several", "many",
	"his", "her", "their", "its", "our", "my", "your", "that", "what", "which", "who",
	"including", "s", "year-old", "same", "latest", "once", "week", "according", "called",
	"led", "survive", "local", "city", "both", "all", "those", "these", "said", "and", "of")

var dropTrail = setOf("and", "to", "said", "say", "says", "he", "she", "they", "we", "it",
	"that", "who", "the", "of", "on", "in", "at", "patrol", "station")

// genericHeads are the head nouns of generic sources, plural where a
// plural exists.
var genericHeads = setOf(
	"police", "authorities", "officials", "investigators", "detectives", "deputies",
	"officers", "prosecutors", "witnesses", "neighbors", "sources", "relatives", "residents",
	"friends", "family", "family members", "doctors", "firefighters", "paramedics",
	"coroner", "medical examiner", "sheriff's office", "statement", "spokesman",
	"spokeswoman", "spokesperson", "unnamed source", "lawyer", "attorney", "district attorney",
	"mayor", "judge", "chief", "lieutenant", "sergeant", "commander", "victims", "survivors",
	"mother", "father", "sister", "brother", "son", "daughter", "aunt", "uncle", "cousin",
	"grandmother", "grandfather", "husband", "wife", "girlfriend", "boyfriend", "pastor",
	"owner", "manager")

// genericSingular maps a singular generic head to its plural.
var genericSingular = map[string]string{
	"official": "officials", "investigator": "investigators", "detective": "detectives",
	"deputy": "deputies", "officer": "officers", "prosecutor": "prosecutors",
	"witness": "witnesses", "neighbor": "neighbors", "neighbour": "neighbors",
	"neighbours": "neighbors", "source": "sources", "relative": "relatives",
	"resident": "residents", "friend": "friends", "family member": "family members",
	"doctor": "doctors", "firefighter": "firefighters", "paramedic": "paramedics",
	"victim": "victims", "survivor": "survivors", "authority": "authorities",
	"cop": "police", "cops": "police",
}

// genericModifiers may stay before a generic head: "fire officials",
// "police sources", "federal prosecutors".
var genericModifiers = setOf("police", "fire", "school", "hospital", "court", "county",
	"state", "federal", "military", "university", "prison", "emergency", "law enforcement",
	"enforcement", "government", "sheriff's", "police department", "district", "campus",
	"medical", "family", "church", "legal")

// genericSynonyms join the phrases that name one generic source.
var genericSynonyms = map[string]string{
	"police department": "police", "police dept": "police", "police officials": "police",
	"city police": "police", "local police": "police", "cops": "police", "cop": "police",
	"police force": "police",
	"sheriff":      "sheriff's office", "sheriff's office": "sheriff's office",
	"sheriff's department": "sheriff's office", "sheriff's dept": "sheriff's office",
	"county sheriff": "sheriff's office", "county sheriff's office": "sheriff's office",
	"sheriff's officials": "sheriff's office",
	"prosecutor's office": "prosecutors", "district attorney's": "district attorney",
	"district attorney's office": "district attorney",
	"coroner's office":           "coroner", "county coroner": "coroner", "coroner's": "coroner",
	"medical examiner's office": "medical examiner", "county medical examiner": "medical examiner",
	"source": "unnamed source", "sources": "unnamed source", "unnamed sources": "unnamed source",
	"unnamed source": "unnamed source", "anonymous source": "unnamed source",
	"anonymous sources": "unnamed source",
	"news release":      "statement", "press release": "statement", "written statement": "statement",
	"statement":             "statement",
	"enforcement officials": "law enforcement officials", "enforcement official": "law enforcement officials",
	"law enforcement official": "law enforcement officials",
	"enforcement source":       "law enforcement sources", "enforcement sources": "law enforcement sources",
	"law enforcement source": "law enforcement sources",
	"police source":          "police sources",
	"family member":          "family members",
}

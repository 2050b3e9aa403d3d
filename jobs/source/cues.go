package source

import (
	"strings"
	"unicode"

	"github.com/claimscan/claimscan/jobs/entity"
)

// cueKind is one kind and the words and word pairs that signal it.
type cueKind struct {
	kind  string
	words map[string]bool // single lower-case words and "first second" pairs
	// unless lists words that, right before a cue word, cancel it ("rebel
	// group" is not an NGO).
	unless map[string]bool
}

// Indexes into cueKinds.
const (
	cueMedia = iota
	cueGroup
	cueMilitary
	cueIGO
	cueGovernment
	cueNGO
	cuePerson
)

var cueKinds = [...]cueKind{
	cueMedia: {kind: entity.KindMedia, words: setOf(
		"news agency", "state media", "state television", "state tv", "state-run", "newspaper",
		"broadcaster", "television", "tv", "radio", "daily", "weekly", "magazine", "channel")},
	cueGroup: {kind: entity.KindGroup, words: setOf(
		"rebel", "rebels", "militant", "militants", "jihadist", "jihadists", "insurgent",
		"insurgents", "militia", "militias", "faction", "factions", "armed group", "party",
		"movement", "opposition", "guerrillas", "separatists", "terrorist", "terrorists",
		"extremist", "extremists", "islamist", "islamic state", "taliban", "hamas",
		"hezbollah", "houthis", "houthi", "al-qaeda", "al-shabaab", "boko haram", "gang", "cartel")},
	cueMilitary: {kind: entity.KindMilitary, words: setOf(
		"army", "military", "armed forces", "defence", "defense", "troops", "navy",
		"air force", "coalition", "forces", "pentagon", "marines", "brigade", "battalion",
		"command", "soldiers")},
	cueIGO: {kind: entity.KindIGO, words: setOf(
		"united nations", "u.n.", "un", "unicef", "unhcr", "ocha", "nato", "european union",
		"african union", "world health", "world bank", "intergovernmental")},
	cueGovernment: {kind: entity.KindGovernment, words: setOf(
		"ministry", "ministries", "government", "governments", "authorities", "authority",
		"police", "sheriff's", "sheriff", "department", "governorate", "municipality",
		"council", "interior", "officials", "coroner", "prosecutor", "prosecutors",
		"state", "federal", "administration", "agency", "office", "embassy", "cabinet",
		"presidency", "kremlin", "white house", "civil defence", "civil defense",
		"officers", "deputies", "detectives", "investigators", "troopers", "agents",
		"dispatchers", "dispatcher", "fbi", "examiner", "firefighters", "paramedics")},
	cueNGO: {kind: entity.KindNGO, words: setOf(
		"observatory", "group", "monitor", "monitoring", "charity", "organisation",
		"organization", "organisations", "organizations", "ngo", "foundation", "red cross",
		"red crescent", "watchdog", "society", "association", "relief", "rights",
		"network", "institute", "center", "centre", "doctors", "medics", "volunteers",
		"nonprofit", "non-profit", "humanitarian"),
		unless: setOf("rebel", "militant", "jihadist", "armed", "terrorist", "terror",
			"insurgent", "extremist", "opposition", "islamist", "paramilitary")},
	cuePerson: {kind: entity.KindPerson, words: setOf(
		"spokesman", "spokeswoman", "spokesperson", "minister", "official", "doctor",
		"witness", "resident", "activist", "mayor", "governor", "president", "mr", "mrs",
		"ms", "dr", "chief", "director", "commander", "head", "lieutenant", "colonel",
		"general", "captain", "sergeant", "detective", "lt", "sgt", "col", "gen", "capt",
		"man", "woman", "father", "mother", "brother", "sister", "nurse", "surgeon",
		"journalist", "reporter", "eyewitness", "survivor", "professor", "analyst",
		"researcher", "lawyer", "leader", "representative", "envoy", "secretary",
		"witnesses", "neighbor", "neighbors", "neighbour", "neighbours", "family",
		"relatives", "relative", "friends", "friend", "survivors", "victim", "victims",
		"parents", "bystander", "bystanders", "attorney")},
}

// Orders in which kinds are tried: in the name itself organisations come
// first ("army spokesman" is the army speaking); in the words around it a
// person comes first ("John Smith, a spokesman for the group").
var (
	nameOrder    = []int{cueMedia, cueGroup, cueMilitary, cueIGO, cueGovernment, cueNGO, cuePerson}
	contextOrder = []int{cuePerson, cueMedia, cueGroup, cueMilitary, cueIGO, cueGovernment, cueNGO}
)

// Weights of the three kinds of evidence.
const (
	weightName    = 3 // a cue in the mention or the canonical name
	weightContext = 2 // a cue in the apposition after it or the words before it
	weightShape   = 1 // a mention shaped like a personal name
)

type vote struct {
	kind   int
	weight int
}

// cueVotes reads the kind of a source from the words of its mention and
// canonical name ("the ministry", "Syrian Observatory ..."), from an
// apposition right after the mention in the sentence (", a British-based
// group,"), from up to four words before it ("army spokesman ..."), and
// from the mention's shape (two to four capitalized words without a cue
// read as a person). It returns at most one vote per kind of evidence.
func cueVotes(sentence, mention, name string) []vote {
	var out []vote
	if k := firstCue(words(mention+" "+name), nameOrder); k >= 0 {
		out = append(out, vote{k, weightName})
	}
	var ctx []string
	if i := strings.Index(sentence, mention); mention != "" && i >= 0 {
		ctx = append(ctx, lastWords(sentence[:i], 4)...)
		ctx = append(ctx, apposition(sentence[i+len(mention):])...)
	}
	if k := firstCue(ctx, contextOrder); k >= 0 {
		out = append(out, vote{k, weightContext})
	}
	if len(out) == 0 && personShaped(mention) {
		out = append(out, vote{cuePerson, weightShape})
	}
	return out
}

// firstCue returns the first kind in order with a cue among ws (single
// words or adjacent pairs), or -1.
func firstCue(ws []string, order []int) int {
	for _, k := range order {
		ck := &cueKinds[k]
		for i, w := range ws {
			if ck.unless != nil && i > 0 && ck.unless[ws[i-1]] {
				continue
			}
			if ck.words[w] || (i+1 < len(ws) && ck.words[w+" "+ws[i+1]]) {
				return k
			}
		}
	}
	return -1
}

// words splits s into lower-case words; dots inside a word stay ("u.n."),
// apostrophes too ("sheriff's").
func words(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '\'' || r == '-')
	})
	out := f[:0]
	for _, w := range f {
		w = strings.Trim(strings.ToLower(w), ".'-")
		if w == "u.n" {
			w = "u.n."
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// lastWords returns up to n words at the end of s, stopping at a clause
// boundary.
func lastWords(s string, n int) []string {
	if i := strings.LastIndexAny(s, ",;:()\"“”"); i >= 0 {
		s = s[i+1:]
	}
	ws := words(s)
	if len(ws) > n {
		ws = ws[len(ws)-n:]
	}
	return ws
}

// apposition returns the words of an apposition that follows a mention:
// ", a British-based group," gives [a british-based group]. Anything else
// gives nothing.
func apposition(s string) []string {
	s = strings.TrimLeft(s, " ")
	if i := strings.IndexByte(s, ')'); i >= 0 && strings.HasPrefix(s, "(") {
		s = strings.TrimLeft(s[i+1:], " ") // skip "(UOSSM)"
	}
	if !strings.HasPrefix(s, ",") {
		return nil
	}
	s = s[1:]
	if i := strings.IndexAny(s, ",;:()"); i >= 0 {
		s = s[:i]
	}
	ws := words(s)
	if len(ws) > 10 {
		ws = ws[:10]
	}
	return ws
}

// personShaped reports whether a mention looks like a personal name: two
// to four capitalized words (name particles such as al- or van aside), not
// starting with "the".
func personShaped(mention string) bool {
	f := strings.Fields(strings.TrimSpace(mention))
	if len(f) < 2 || len(f) > 4 || strings.EqualFold(f[0], "the") {
		return false
	}
	for _, w := range f {
		if nameParticles[strings.ToLower(w)] || strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-") {
			continue
		}
		r := []rune(w)
		if !unicode.IsUpper(r[0]) || strings.ToUpper(w) == w {
			return false // lower-case word, or an acronym
		}
	}
	return true
}

// nameParticles may be lower-case inside a personal name.
var nameParticles = setOf("al", "el", "bin", "ibn", "abu", "de", "da", "di", "van", "von", "der", "le", "la")

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

package source

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

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

// cueMask is a set of indexes into cueKinds, one bit each.
type cueMask uint8

// pairStart marks, in cueWords, a word that starts a cue pair.
const pairStart cueMask = 1 << len(cueKinds) // does not compile with more than 7 kinds

var (
	cueWords  = map[string]cueMask{} // cue words and pairs, with the kinds they signal
	cueUnless = map[string]cueMask{} // words that cancel the cues of kinds right after them
)

func init() {
	for k, ck := range cueKinds {
		for w := range ck.words {
			cueWords[w] |= 1 << k
			if first, _, ok := strings.Cut(w, " "); ok {
				cueWords[first] |= pairStart
			}
		}
		for w := range ck.unless {
			cueUnless[w] |= 1 << k
		}
	}
}

// cueVotes reads the kind of a source from the words of its mention and
// canonical name ("the ministry", "Syrian Observatory ..."), from an
// apposition right after the mention in the sentence (", a British-based
// group,"), from up to four words before it ("army spokesman ..."), and
// from the mention's shape (two to four capitalized words without a cue
// read as a person). It returns at most one vote per kind of evidence.
func cueVotes(sentence, mention, name string) []vote {
	var s cueScratch
	return s.votes(sentence, mention, name)
}

// cueScratch holds the buffers of cueVotes, reused from call to call.
type cueScratch struct {
	lower []byte   // words lower-cased by word, back to back
	ws    []string // words of the mention and name, then of the context
	pair  []byte
	out   []vote
}

// votes is cueVotes. The slice it returns is valid until the next call.
func (s *cueScratch) votes(sentence, mention, name string) []vote {
	s.lower, s.out = s.lower[:0], s.out[:0]
	ws := s.words(s.ws[:0], mention)
	ws = s.words(ws, name)
	if k := firstCue(s.cues(ws), nameOrder); k >= 0 {
		s.out = append(s.out, vote{k, weightName})
	}
	all := ws
	if i := strings.Index(sentence, mention); mention != "" && i >= 0 {
		all = s.lastWords(all, sentence[:i], 4)
		all = s.apposition(all, sentence[i+len(mention):])
	}
	if k := firstCue(s.cues(all[len(ws):]), contextOrder); k >= 0 {
		s.out = append(s.out, vote{k, weightContext})
	}
	if len(s.out) == 0 && personShaped(mention) {
		s.out = append(s.out, vote{cuePerson, weightShape})
	}
	clear(all) // the words point into the sentence and s.lower
	s.ws = all[:0]
	return s.out
}

// cues returns the kinds with a cue among ws (single words or adjacent
// pairs), leaving out a cue right after a word that cancels it.
func (s *cueScratch) cues(ws []string) cueMask {
	var m cueMask
	for i, w := range ws {
		c := cueWords[w]
		if c&pairStart != 0 && i+1 < len(ws) {
			s.pair = append(append(append(s.pair[:0], w...), ' '), ws[i+1]...)
			c |= cueWords[string(s.pair)]
		}
		if i > 0 {
			c &^= cueUnless[ws[i-1]]
		}
		m |= c &^ pairStart
	}
	return m
}

// firstCue returns the first kind in order that is in m, or -1.
func firstCue(m cueMask, order []int) int {
	for _, k := range order {
		if m&(1<<k) != 0 {
			return k
		}
	}
	return -1
}

// words appends the lower-case words of text to dst; dots inside a word
// stay ("u.n."), apostrophes too ("sheriff's"). A word that is not lower
// case already is lower-cased into s.lower.
func (s *cueScratch) words(dst []string, text string) []string {
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			dst = s.word(dst, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		dst = s.word(dst, text[start:])
	}
	return dst
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' ||
			r == '.' || r == '\'' || r == '-'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// word appends w, trimmed of dots, apostrophes and hyphens and lower-cased,
// to dst unless that leaves nothing. Trimming before lower-casing is the
// same: no other rune lower-cases to one of those three.
func (s *cueScratch) word(dst []string, w string) []string {
	w = strings.Trim(w, ".'-")
	if w == "" {
		return dst
	}
	if !isLowerASCII(w) {
		start := len(s.lower)
		for _, r := range w {
			s.lower = utf8.AppendRune(s.lower, unicode.ToLower(r))
		}
		// s.lower only grows until the next votes call, when the words are
		// dropped: the bytes under w do not change while it is in use.
		w = unsafe.String(&s.lower[start], len(s.lower)-start)
	}
	if w == "u.n" {
		w = "u.n."
	}
	return append(dst, w)
}

// isLowerASCII reports whether s is ASCII without upper-case letters.
func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// lastWords appends up to n words at the end of text to dst, stopping at
// a clause boundary.
func (s *cueScratch) lastWords(dst []string, text string, n int) []string {
	if i := strings.LastIndexAny(text, ",;:()\"“”"); i >= 0 {
		text = text[i+1:]
	}
	start := len(dst)
	dst = s.words(dst, text)
	if len(dst)-start > n {
		copy(dst[start:], dst[len(dst)-n:])
		clear(dst[start+n:])
		dst = dst[:start+n]
	}
	return dst
}

// apposition appends the words of an apposition that follows a mention to
// dst: ", a British-based group," gives [a british-based group]. Anything
// else gives nothing.
func (s *cueScratch) apposition(dst []string, text string) []string {
	text = strings.TrimLeft(text, " ")
	if i := strings.IndexByte(text, ')'); i >= 0 && strings.HasPrefix(text, "(") {
		text = strings.TrimLeft(text[i+1:], " ") // skip "(UOSSM)"
	}
	if !strings.HasPrefix(text, ",") {
		return dst
	}
	text = text[1:]
	if i := strings.IndexAny(text, ",;:()"); i >= 0 {
		text = text[:i]
	}
	start := len(dst)
	dst = s.words(dst, text)
	if len(dst)-start > 10 {
		clear(dst[start+10:])
		dst = dst[:start+10]
	}
	return dst
}

// personShaped reports whether a mention looks like a personal name: two
// to four capitalized words (name particles such as al- or van aside), not
// starting with "the".
func personShaped(mention string) bool {
	var f [4]string
	n := 0
	for w := range strings.FieldsSeq(mention) {
		if n == len(f) {
			return false // more than four words
		}
		f[n] = w
		n++
	}
	if n < 2 || strings.EqualFold(f[0], "the") {
		return false
	}
	for _, w := range f[:n] {
		if isParticle(w) || strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-") {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || isUpper(w) {
			return false // lower-case word, or an acronym
		}
	}
	return true
}

// isUpper reports whether strings.ToUpper(w) == w: whether w is valid
// UTF-8 and upper-casing changes none of its runes.
func isUpper(w string) bool {
	for i, r := range w {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(w[i:]); size == 1 {
				return false // strings.ToUpper replaces it
			}
		}
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

// isParticle reports whether nameParticles has w lower-cased. A short
// ASCII word is lower-cased on the stack.
func isParticle(w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return nameParticles[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return nameParticles[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return nameParticles[string(buf[:len(w)])]
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

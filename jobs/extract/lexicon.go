package extract

import (
	"encoding/binary"
	"sort"
	"strings"
)

// Lexicon flags: one map look-up per word gives all of them.
const (
	fNumWord    uint64 = 1 << iota // zero ... ninety-nine
	fScale                         // hundred, thousand, million, billion, trillion, dozen
	fVague                         // dozens, hundreds, thousands, several, ...
	fPred                          // a predicate word (see lexInfo.pred)
	fSubj                          // a subject noun (see lexInfo.subj)
	fCue                           // an attribution verb
	fAux                           // auxiliary or adverb skipped between subject and verb
	fMonth                         // January ... December
	fWeekday                       // Monday ... Sunday
	fTimeUnit                      // year, weeks, hours, ...
	fMeasure                       // miles, mm, feet, caliber, ...
	fCurrency                      // dollars, euros, ...
	fNeg                           // no, not, never, none, nobody, ...
	fHedge                         // reportedly, allegedly, may, ...
	fOrdinal                       // first, second, ... twentieth
	fClause                        // which, who, where, while, but, ...: opens a clause after a comma
	fStreet                        // street, avenue, road, block, ...
	fLabel                         // route, flight, channel, ...: a number after it is an identifier
	fPlaceNoun                     // town, city, province, ...
	fSourceNoun                    // police, officials, activists, ...: generic sources
	fTitle                         // chief, sheriff, minister, ...: stripped before a name
	fDet                           // the, a, an, this, his, ...
	fPrep                          // in, at, near, on, of, ...
	fVerbish                       // common verbs and function words that end a noun phrase
	fAge                           // aged, age, ages
	fPeopleWord                    // a subject that is a kind of person (default-compatible)
	fFatal                         // fatally, dead, killed...: turns "shot" into killed
	fTimeRel                       // yesterday, today, tonight, ...
	fPlace                         // a gazetteer name or the first word of one
	fModLast                       // the last word of a modifier before a number ("than", "least")
	fModFirst                      // the first word of a modifier after a number ("or", "plus")
)

// Predicates.
const (
	pNone uint8 = iota
	pKilled
	pInjured
	pDisplaced
	pArrested
	pMissing
	pAffected
	pPopulation
	pShot // "shot": injured unless a fatal word is near
)

var predNames = [...]string{"", "killed", "injured", "displaced", "arrested", "missing", "affected", "population", "injured"}

type lexInfo struct {
	f    uint64
	val  float64 // number words, scales; vague: low
	hi   float64 // vague: high
	pred uint8
	subj string // canonical subject
	unit string // currency code
}

var lex = map[string]*lexInfo{}

// addLexList adds the words of a list of lexicon.tsv with flags f.
func addLexList(f uint64, list string) {
	for _, r := range lexList(list) {
		addLex(f, r.word)
	}
}

func addLex(f uint64, words ...string) {
	for _, w := range words {
		li := lex[w]
		if li == nil {
			li = &lexInfo{}
			lex[w] = li
		}
		li.f |= f
	}
}

// numberWords, scaleWords and vagueWords are the lists number, scale and
// vague of lexicon.tsv: a number word's or a scale word's value, a vague
// amount's [low, high].
var (
	numberWords = wordValues("number")
	scaleWords  = wordValues("scale")
	vagueWords  = wordBounds("vague")
)

func init() {
	for w, v := range numberWords {
		addLex(fNumWord, w)
		lex[w].val = v
	}
	for w, v := range scaleWords {
		addLex(fScale, w)
		lex[w].val = v
	}
	for w, v := range vagueWords {
		addLex(fVague, w)
		lex[w].val, lex[w].hi = v[0], v[1]
	}
	for _, r := range lexList("predicate") {
		addLex(fPred, r.word)
		lex[r.word].pred = predCode(r.value)
	}
	addLexList(fFatal, "fatal")
	for _, r := range lexList("subject") {
		addLex(fSubj|fPeopleWord, r.word)
		lex[r.word].subj = r.value
	}
	addLexList(fCue, "cue")
	addLexList(fAux, "aux")
	addLexList(fMonth, "month")
	addLexList(fWeekday, "weekday")
	addLexList(fTimeUnit, "time-unit")
	addLexList(fMeasure, "measure")
	for _, r := range lexList("currency") {
		addLex(fCurrency, r.word)
		lex[r.word].unit = r.value
	}
	addLexList(fNeg, "negation")
	addLexList(fHedge, "hedge")
	addLexList(fOrdinal, "ordinal")
	addLexList(fClause, "clause-opener")
	addLexList(fStreet, "street")
	addLexList(fLabel, "label")
	addLexList(fPlaceNoun, "place-noun")
	addLexList(fSourceNoun, "source-noun")
	addLexList(fTitle, "title")
	addLexList(fDet, "determiner")
	addLexList(fPrep, "preposition")
	addLexList(fVerbish, "verbish")
	addLexList(fAge, "age")
	addLexList(fTimeRel, "time-relative")
	for k := range gazetteer {
		f, _, _ := strings.Cut(k, " ")
		addLex(fPlace, f)
	}
	for k := range preMods {
		addLex(fModLast, k[strings.LastIndexByte(k, ' ')+1:])
		f, _, _ := strings.Cut(k, " ")
		addLex(0, f)
	}
	for k := range postMods {
		f, _, _ := strings.Cut(k, " ")
		addLex(fModFirst, f)
	}
	// Words that mayClaim must see although they carry no flag: a
	// disclaimer needs one of them.
	addLexList(0, "disclaimer")
	// The words of the sets read by lexicon index.
	for _, ls := range lexSets {
		for w := range ls.m {
			addLex(0, w)
		}
	}
	buildLexTable()
	for _, ls := range lexSets {
		ls.in = make([]bool, len(lexKeys))
		for w := range ls.m {
			ls.in[lexFind(w)] = true
		}
	}
	placeFirstIn = make([]bool, len(lexKeys))
	for w := range placeFirst {
		placeFirstIn[lexFind(w)] = true
	}
	gazByIndex = make([]string, len(lexKeys))
	for k, c := range gazetteer {
		if li := lexFind(k); li >= 0 {
			gazByIndex[li] = c
		}
	}
	for k := range preModFirst {
		preModFirst[k] = make([]bool, len(lexKeys))
	}
	for k := range preMods {
		if n := strings.Count(k, " ") + 1; n < len(preModFirst) {
			f, _, _ := strings.Cut(k, " ")
			preModFirst[n][lexFind(f)] = true
		}
	}
}

// placeFirstIn is placeFirst by lexicon index (its words are first words
// of gazetteer names, flagged fPlace), and gazByIndex the canonical name
// of the one-word gazetteer names by lexicon index ("" for other words).
var (
	placeFirstIn []bool
	gazByIndex   []string
)

// preModFirst[n] marks by lexicon index the first words of the n-word
// modifiers of preMods: a phrase whose first word is not one is not
// looked up.
var preModFirst [5][]bool

// lexSet is a word set that tokens are looked up in by lexicon index
// instead of by string: its words are all in the lexicon (added without
// flags, which changes no other look-up).
type lexSet struct {
	m  map[string]bool // the words; also for look-ups of other strings
	in []bool          // by lexicon index, built with the lexicon
}

// lexSets are the sets whose in is built with the lexicon.
var lexSets []*lexSet

// lexWords makes a lexSet of the words of a list of lexicon.tsv.
func lexWords(list string) *lexSet {
	ls := &lexSet{m: wordSet(list)}
	lexSets = append(lexSets, ls)
	return ls
}

// inSet reports whether the word of token i is in s: m[p.w(i)], without
// the string hash. A word token without a lexicon index is in no set
// (the tokenizer looked up exactly p.w(i)); an index found for a curly
// apostrophe's straight spelling has a key of another length.
func (p *numParser) inSet(i int, s *lexSet) bool {
	t := &p.toks[i]
	if t.li >= 0 {
		return s.in[t.li] && len(lexKeys[t.li]) == int(t.e-t.s)
	}
	if t.kind == tkWord {
		return false
	}
	return s.m[p.w(i)]
}

// The lexicon as an open-addressing hash table: tokens refer to entries by
// index, so they hold no pointers. A slot holds the first eight bytes of
// its key packed in a word, the key's length, its flags and its index + 1
// (0 = empty): a word of up to eight bytes (most words) is found or
// rejected with one hash and word compares, without touching the key
// strings or the entries.
type lexSlot struct {
	k8  uint64
	fl  uint32
	n   uint16
	idx int16
}

var (
	lexInfos  []lexInfo
	lexKeys   []string
	lexSlots  []lexSlot
	lexShift  uint
	lexMask   uint32
	lexMaxLen int

	// lexFilter has a bit set for the top 16 bits of the hash product of
	// every key: a word whose bit is clear is not in the table, which most
	// words of a text are not, and 8 KB stay in the first-level cache
	// where the slots do not.
	lexFilter [1 << 16 / 64]uint64

	lexPossessive      int32  // lexicon index of "'s", or -1
	lexPossessiveFlags uint32 // its flags
)

func buildLexTable() {
	if len(lex) >= 1<<15 {
		panic("extract: lexicon too large for its slots")
	}
	size, bits := 1, 0
	for size < 4*len(lex) {
		size <<= 1
		bits++
	}
	lexSlots = make([]lexSlot, size)
	lexMask = uint32(size - 1)
	lexShift = uint(64 - bits)
	keys := make([]string, 0, len(lex))
	for k := range lex {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		idx := int32(len(lexKeys))
		lexKeys = append(lexKeys, k)
		lexInfos = append(lexInfos, *lex[k])
		lexMaxLen = max(lexMaxLen, len(k))
		k8 := pack8(k)
		h := lexHash(k8, len(k))
		f := lexFilterBit(k8, len(k))
		lexFilter[f>>6] |= 1 << (f & 63)
		for lexSlots[h].idx != 0 {
			h = (h + 1) & lexMask
		}
		lexSlots[h] = lexSlot{k8: k8, fl: uint32(lex[k].f), n: uint16(len(k)), idx: int16(idx + 1)}
	}
	lexPossessive = lexFind("'s")
	lexPossessiveFlags = uint32(lexFlags("'s"))
	buildTriggers()
	buildWordEntities()
	buildDateWords()
}

// pack8 returns the first eight bytes of s (zero-padded), little-endian.
func pack8(s string) uint64 {
	var b [8]byte
	copy(b[:], s)
	return binary.LittleEndian.Uint64(b[:])
}

// lexHash is a multiplicative hash of the packed first bytes and the length.
func lexHash(k8 uint64, n int) uint32 {
	return uint32(((k8 ^ uint64(n)<<59) * 0x9E3779B97F4A7C15) >> (lexShift & 63))
}

// lexFilterBit is the bit of lexFilter for a key: the top 16 bits of the
// product lexHash takes its top bits from.
func lexFilterBit(k8 uint64, n int) uint32 {
	return uint32(((k8 ^ uint64(n)<<59) * 0x9E3779B97F4A7C15) >> 48)
}

// lexFlags returns the flags of the lower-case word w.
func lexFlags(w string) uint64 {
	if i := lexFind(w); i >= 0 {
		return lexInfos[i].f
	}
	return 0
}

// lexFind returns the lexicon index of the lower-case word w, or -1.
func lexFind(w string) int32 {
	if len(w) > lexMaxLen || len(w) == 0 {
		return -1
	}
	li, _ := lexProbe(pack8(w), w)
	return li
}

// lexWordAt looks up the word low[i:j] of a text lowered by lowerInto,
// which leaves eight readable bytes past the text, so the word's first
// eight bytes are one load. It returns the lexicon index (-1: none) and
// the flags.
func lexWordAt(low string, i, j int) (int32, uint32) {
	n := j - i
	if n > lexMaxLen {
		return -1, 0
	}
	k8 := load8(low, i)
	if n < 8 {
		k8 &= 1<<(8*uint(n)&63) - 1
	}
	return lexProbe(k8, low[i:j])
}

// lexProbe finds w, whose first eight bytes packed are k8, in the table.
func lexProbe(k8 uint64, w string) (int32, uint32) {
	n := len(w)
	if f := lexFilterBit(k8, n); lexFilter[f>>6]&(1<<(f&63)) == 0 {
		return -1, 0
	}
	h := lexHash(k8, n)
	for {
		sl := &lexSlots[h]
		if sl.idx == 0 {
			return -1, 0
		}
		if sl.k8 == k8 && int(sl.n) == n && (n <= 8 || lexKeys[sl.idx-1][8:] == w[8:]) {
			return int32(sl.idx) - 1, sl.fl
		}
		h = (h + 1) & lexMask
	}
}

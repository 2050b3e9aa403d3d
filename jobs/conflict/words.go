package conflict

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimscan/claimscan/schema"
)

// The words the rules read: a sentence's tokens, each looked up once in
// the rules' lexicon, and the token of a claim's number.

// maxTokens is how many tokens of a sentence are read.
const maxTokens = 96

// token is one word of a sentence or a clause break.
type token struct {
	f   lexFlags // the word's flags in the lexicon
	val float64  // the value of a number
	off int32    // byte offset in the sentence
	len int16    // byte length
	num bool     // a number: digits or a number word
	brk bool     // a clause break: , ; : ( ) -- and dashes
	sep byte     // a clause break's first byte
}

// word returns the token's text in s, its sentence.
func (t *token) word(s string) string { return s[t.off : int(t.off)+int(t.len)] }

// tokenize splits s into words (letters, digits, inner hyphens and
// apostrophes, dots and commas between digits) and clause breaks (, ; : (
// ) -- and dashes), at most cap(dst) of them, each word looked up once in
// the lexicon. Other characters separate words.
func tokenize(s string, dst []token) []token {
	i := 0
	for i < len(s) && len(dst) < cap(dst) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isWordRune(r):
			j := i + size
			for j < len(s) {
				if c := s[j]; c < utf8.RuneSelf {
					if wordBytes[c] {
						j++
						continue
					}
					// a comma or dot between digits, a hyphen or
					// apostrophe inside a word
					if j+1 < len(s) && ((c == ',' || c == '.') && isDigit(s[j-1]) && isDigit(s[j+1]) ||
						(c == '-' || c == '\'') && wordBytes[s[j+1]]) {
						j++
						continue
					}
					break
				}
				d, dsize := utf8.DecodeRuneInString(s[j:])
				if isWordRune(d) || d == '’' && j+dsize < len(s) && wordBytes[s[j+dsize]] {
					j += dsize
					continue
				}
				break
			}
			if j-i > math.MaxInt16 || j > math.MaxInt32 {
				return dst // a sentence no one writes
			}
			t := token{off: int32(i), len: int16(j - i)}
			t.f, t.val, t.num = lookup(s[i:j])
			dst = append(dst, t)
			i = j
		case r == ',' || r == ';' || r == ':' || r == '(' || r == ')' || r == '—' || r == '–' ||
			r == '-' && i+1 < len(s) && s[i+1] == '-':
			if i > math.MaxInt32 {
				return dst
			}
			dst = append(dst, token{off: int32(i), len: int16(size), brk: true, sep: s[i]})
			i += size
			if r == '-' {
				i++
			}
		default:
			i += size
		}
	}
	return dst
}

// lookup returns the lexicon flags of a word, in any case, and its value
// when it is a number: digits (with thousands commas), an English number
// word up to ninety-nine ("twenty-one"), hundred, thousand or dozen.
func lookup(w string) (f lexFlags, val float64, num bool) {
	if isDigit(w[0]) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
		if err != nil || math.IsInf(v, 0) {
			return 0, 0, false
		}
		return 0, v, true
	}
	if len(w) > maxLexLen {
		return 0, 0, false
	}
	if e, ok := lexFind(w); ok {
		return e.f, e.val, e.num
	}
	// "twenty-one"
	if k := strings.IndexByte(w, '-'); k > 0 {
		t, _ := lexFind(w[:k])
		u, _ := lexFind(w[k+1:])
		if t.num && u.num && t.val >= 20 && t.val <= 90 && u.val >= 1 && u.val <= 9 {
			return 0, t.val + u.val, true
		}
	}
	return 0, 0, false
}

// The lexicon is an open-addressing table hashed on the lower-cased
// bytes, so that a word is looked up without lowering a copy of it.
const lexSlots = 1024

type lexSlot struct {
	word string // lower case; "" for an empty slot
	e    lexEntry
}

var lexTable [lexSlots]lexSlot

// lexHash is FNV-1a of w with ASCII letters lower-cased.
func lexHash(w string) uint32 {
	h := uint32(2166136261)
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// lexFind returns the lexicon entry of w, in any case.
func lexFind(w string) (lexEntry, bool) {
	for i := lexHash(w) % lexSlots; ; i = (i + 1) % lexSlots {
		sl := &lexTable[i]
		if sl.word == "" {
			return lexEntry{}, false
		}
		if len(sl.word) == len(w) && equalLower(sl.word, w) {
			return sl.e, true
		}
	}
}

// equalLower reports whether w equals low, a lower-case word of the same
// length, up to the case of ASCII letters.
func equalLower(low, w string) bool {
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != low[k] {
			return false
		}
	}
	return true
}

// isWordRune reports whether r is part of a word: a letter or a digit.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isWordByte(c byte) bool { return wordBytes[c] }

// wordBytes are the ASCII letters and digits.
var wordBytes = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// numberToken returns the index of the token that states c's value: the
// first number inside the claim's quote, the bytes [start, end) of the
// sentence, whose value is one of the claim's values, else the first
// number inside the quote; -1 when there is none.
func numberToken(c *schema.Claim, ts []token, start, end int) int {
	first := -1
	for k := range ts {
		t := &ts[k]
		if int(t.off) < start || int(t.off) >= end || !t.num {
			continue
		}
		if first < 0 {
			first = k
		}
		if v := t.val; c.ValueBest.Valid && c.ValueBest.V == v || c.ValueLow.Valid && c.ValueLow.V == v || c.ValueHigh.Valid && c.ValueHigh.V == v {
			return k
		}
	}
	return first
}

// claimTokens tokenizes the sentence of c into buf (at most cap(buf)
// tokens) and returns the tokens and the token of c's number (-1: none
// found); ok is false for a statement or a claim without a sentence, which
// no rule reads.
func claimTokens(c *schema.Claim, buf []token) (ts []token, n int, ok bool) {
	if c.Kind == schema.KindStatement || c.Sentence == "" {
		return nil, -1, false
	}
	ts = tokenize(c.Sentence, buf)
	start, end := quoteSpan(c)
	return ts, numberToken(c, ts, start, end), true
}

// quoteSpan returns the byte span of c's quote in its sentence, or the
// whole sentence when the quote is not found in it.
func quoteSpan(c *schema.Claim) (start, end int) {
	if q := strings.TrimSpace(c.Quote); q != "" {
		if i := strings.Index(c.Sentence, q); i >= 0 {
			return i, i + len(q)
		}
	}
	return 0, len(c.Sentence)
}

// lexFlags are what the rules know of a word.
type lexFlags uint64

const (
	lThe lexFlags = 1 << iota
	lA
	lOf
	lIn
	lAcross
	lThis
	lLast
	lYear // "year", "years"
	lAgo
	lOther
	lOthers
	lSecond
	lShot
	lShooting
	lFatally
	lIncluding
	lAmong
	lCondition    // "condition"
	lSetRef       // may follow "N of" when N is a subset: "of the", "of them", "of whom"
	lSetPronoun   // "among them", "among those", "among whom"
	lOrder        // "the next two", "the first three"
	lComplement   // "the other two", "the remaining three"
	lConditionAdv // "critically", "seriously"
	lConditionAdj // "critical", "serious", "stable" before "condition"
	lClause       // starts another clause: "and", "while"
	lDeath        // a word of the dead
	lInjury       // a word of the wounded
	lIncident     // a plural incident noun: "shootings"
	lMany         // a word of number before incidents: "separate", "series"
	lArea         // "across the city"
	lWide         // "citywide"
	lSaid         // "said", "says"
	lSplit        // joins two clauses that split a count: "while", "whereas", "and"
	lMonth        // a month's name or abbreviation
	lSince        // "since"
	lSuperlative  // "deadliest", "worst", "bloodiest": before "since", a comparison
	lPeriod       // "week", "weeks", "month", "months", "decade", "decades"
	lAnother      // "another", "separate", "earlier", "previous": another event
	lEventNoun    // a singular event or target noun: "attack", "strike", "school"
	lHospital     // "hospital", "hospitals", "clinic": a hospital's patients
	lSubArea      // "district", "village", "town": an area inside the event's region
	lFew          // "few", "several", "many": "a few years ago"
	lThen         // "then"
	lBegan        // "began", "started": "since the assault began"
	lDuring       // "during"
	lRose         // "rose", "risen", "climbed": "the toll rose to"
	lTo           // "to"
	lAs           // "as": "as of Tuesday"
	lSo           // "so": "so far"
	lFar          // "far"
	lTrapped      // "trapped": the trapped are found, a quantity apart from the missing
	lGoesOn       // opens a clause that goes on from the one before: "killing", "where", "which"
	lScale        // "thousands", "millions": "hundreds of thousands" is one number
	lModifier     // starts a modifier of a noun after a count: "that", "which", "devastated"
	lTownOf       // "town", "village" before "of" and a name: "the town of Bireuen"
	lCame         // "came", "follows": "the shooting came six weeks after a massacre"
	lAgoStrict    // "ago", "earlier": "three years ago"
	lWeekday      // a day of the week, "today", "yesterday"
	lAdditive     // "additional", "further", "more": a count added to one stated before
	lIntake       // "received", "admitted", "treating": a hospital's intake
	lStill        // "still", "remained": "three remained in the hospital"
	lHospitalized // "hospitalized", "hospitalised"
	lMinor        // "minor", "non-life-threatening": before "injuries"
	lMeans        // "ambulance", "vehicles": how the victims came to a hospital
)

// lexEntry is one word of the lexicon.
type lexEntry struct {
	f   lexFlags
	val float64
	num bool
}

// maxLexLen is the length of the longest word of the lexicon.
const maxLexLen = 20

// lexicon is the words the rules know, in lexTable.
var lexicon = func() map[string]lexEntry {
	m := map[string]lexEntry{}
	add := func(f lexFlags, words ...string) {
		for _, w := range words {
			if len(w) > maxLexLen {
				panic("conflict: lexicon word too long: " + w)
			}
			e := m[w]
			e.f |= f
			m[w] = e
		}
	}
	for w, v := range map[string]float64{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
		"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
		"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
		"eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
		"dozen": 12, "half-dozen": 6,
	} {
		m[w] = lexEntry{val: v, num: true}
	}
	// vague amounts count too ("a handful of the wounded", "several of
	// them"), with no value of their own
	for _, w := range []string{"handful", "several", "dozens", "hundreds", "thousands", "scores", "few", "couple", "millions"} {
		m[w] = lexEntry{val: math.NaN(), num: true}
	}
	add(lThe, "the")
	add(lA, "a", "an")
	add(lOf, "of")
	add(lIn, "in")
	add(lAcross, "across")
	add(lThis, "this")
	add(lLast, "last")
	add(lYear, "year", "years")
	add(lAgo, "ago", "after", "earlier", "before", "later")
	add(lOther, "other")
	add(lOthers, "others")
	add(lSecond, "second", "third", "fourth", "fifth")
	add(lShot, "shot")
	add(lShooting, "shooting")
	add(lFatally, "fatally")
	add(lIncluding, "including")
	add(lAmong, "among")
	add(lCondition, "condition")
	add(lSetRef, "the", "them", "whom", "which", "those", "these", "us", "you")
	add(lSetPronoun, "them", "those", "whom")
	add(lOrder, "next", "first", "last", "final")
	add(lComplement, "other", "remaining", "rest")
	add(lConditionAdv, "critically", "seriously", "severely", "gravely", "life-threatening")
	add(lConditionAdj, "critical", "serious", "stable", "grave")
	add(lClause, "and", "while", "but", "whereas", "or", "when", "after", "before")
	add(lDeath, "died", "dead", "die", "dies", "killed", "killing", "kills", "fatally",
		"fatal", "death", "deaths", "slain", "murdered")
	add(lInjury, "wounded", "wounding", "injured", "injuring", "injuries", "injury", "hurt", "struck")
	add(lIncident, "shootings", "attacks", "incidents", "ambushes", "bombings",
		"stabbings", "homicides", "murders")
	add(lMany, "separate", "multiple", "several", "series", "spate", "string", "rash",
		"wave", "numerous", "dozens", "hundreds", "scores")
	add(lArea, "city")
	add(lWide, "citywide")
	add(lSaid, "said", "says")
	add(lSplit, "while", "whereas", "and")
	add(lMonth, "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
		"oct", "nov", "dec")
	add(lSince, "since")
	add(lSuperlative, "deadliest", "worst", "bloodiest", "largest", "biggest", "strongest", "most")
	add(lPeriod, "week", "weeks", "month", "months", "decade", "decades")
	add(lAnother, "another", "separate", "earlier", "previous", "prior")
	add(lEventNoun, "attack", "attacks", "strike", "airstrike", "shooting", "incident", "bombing", "blast",
		"explosion", "raid", "quake", "earthquake", "tsunami", "massacre", "ambush", "shelling", "school",
		"stampede", "fire", "crash", "flood", "storm", "hurricane", "war", "conflict", "clash", "clashes",
		"genocide", "uprising", "disaster", "tragedy")
	add(lHospital, "hospital", "hospitals", "clinic", "clinics", "infirmary")
	add(lSubArea, "district", "districts", "village", "sub-district", "subdistrict", "regency", "hamlet")
	add(lTownOf, "town", "village", "city", "neighbourhood", "neighborhood", "suburb")
	add(lCame, "came", "comes", "follows", "followed", "happened", "occurred")
	add(lAgoStrict, "ago", "earlier")
	add(lWeekday, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
		"yesterday", "tonight", "overnight")
	add(lFew, "few", "several", "many", "some")
	add(lThen, "then")
	add(lBegan, "began", "begun", "started", "start", "beginning", "erupted", "broke")
	add(lDuring, "during", "on", "at")
	add(lRose, "rose", "risen", "climbed", "jumped", "increased", "reached", "revised", "raised", "lowered",
		"corrected", "updated", "fell", "dropped", "decreased")
	add(lAdditive, "additional", "further", "more")
	add(lIntake, "received", "receiving", "admitted", "admitting", "treating", "treated")
	add(lStill, "still", "remained", "remain", "remains")
	add(lHospitalized, "hospitalized", "hospitalised", "hospital", "hospitals")
	add(lMinor, "minor", "non-life-threatening", "superficial", "light")
	add(lMeans, "ambulance", "ambulances", "vehicle", "vehicles", "car", "cars", "helicopter", "helicopters")
	add(lTo, "to")
	add(lAs, "as")
	add(lSo, "so")
	add(lFar, "far")
	add(lTrapped, "trapped")
	add(lScale, "thousand", "thousands", "million", "millions", "billion", "billions")
	add(lModifier, "that", "which", "who", "whom", "where", "devastated", "hit", "struck", "ravaged",
		"affected", "known", "home")
	add(lGoesOn, "killing", "leaving", "injuring", "wounding", "where", "which", "who", "with", "bringing",
		"including", "in", "when")
	for w, e := range m {
		i := lexHash(w) % lexSlots
		for lexTable[i].word != "" {
			i = (i + 1) % lexSlots
		}
		lexTable[i] = lexSlot{word: w, e: e}
	}
	return m
}()

package extract

import (
	"math/bits"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	tkWord uint8 = iota
	tkNum
	tkPunct
)

// token is one word, number or punctuation mark of a sentence. Fields are
// ordered so the struct packs into 32 bytes.
type token struct {
	s, e  int32   // byte offsets into the article text
	li    int32   // index into lexInfos; -1: not in the lexicon
	fl    uint32  // lexicon flags, copied from lexInfos[li]
	kind  uint8   // tkWord, tkNum, tkPunct
	space bool    // white space (or the sentence start) before it
	upper bool    // starts with a capital letter
	caps  bool    // a word with no lower-case letter (an acronym)
	ngrp  bool    // tkNum uses thousands separators
	ndec  bool    // tkNum has a decimal part
	nlen  int8    // tkNum: digits before the first separator
	nval  float64 // value of a tkNum
}

// The lexicon flags must fit token.fl.
const _ = uint32(fModFirst << 1 >> 1)

// flags returns the lexicon flags of a word (0 for others).
func (t *token) flags() uint64 { return uint64(t.fl) }

// info returns the lexicon entry of a word; only for tokens with flags.
func (t *token) info() *lexInfo {
	if t.li < 0 {
		return &lexInfo{}
	}
	return &lexInfos[t.li]
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool      { return c >= '0' && c <= '9' }

// Byte classes of ASCII characters for the tokenizer's fast paths.
const (
	bcLower uint8 = 1 << iota
	bcUpper
	bcDigit
	bcSpace
)

var byteClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = bcLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = bcUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = bcDigit
	}
	for _, c := range " \n\t\r\f\v" {
		t[c] = bcSpace
	}
	return t
}()

// tokenize appends the tokens of text[s:e] to out. low is the ASCII-lowered
// text, used for lexicon look-ups.
func tokenize(text, low string, s, e int, out []token) []token {
	i := s
	space := true
	for i < e {
		c := text[i]
		cl := byteClass[c]
		if cl&(bcLower|bcUpper) != 0 {
			// An ASCII word: letters only is the common case; anything
			// else (apostrophes, accents, dotted abbreviations) takes the
			// general path.
			j := i + 1
			slow := false
			if j < e && text[j] == '.' {
				j = wordEnd(text, i, e)
				slow = true
			} else {
				// The run of letters, eight bytes at a time (in low they
				// are a-z).
				for {
					k := bits.TrailingZeros64(^byteRange(load8(low, j), 'a', 'z')&highBits) >> 3
					j += k
					if k < 8 || j >= e {
						break
					}
				}
				j = min(j, e)
				if j < e && (text[j] == '\'' || text[j] >= utf8.RuneSelf) {
					j = wordEnd(text, j, e)
					slow = true
				}
			}
			t := token{s: int32(i), e: int32(j), kind: tkWord, space: space}
			if cl == bcUpper {
				t.upper = true
				t.caps = noLowerASCII(text[i:j])
			}
			// lexWordAt, inlined by hand: most words take this path.
			t.li = -1
			if n := j - i; n <= lexMaxLen {
				k8 := load8(low, i)
				if n < 8 {
					k8 &= 1<<(8*uint(n)&63) - 1
				}
				if f := lexFilterBit(k8, n); lexFilter[f>>6]&(1<<(f&63)) != 0 {
					for h := lexHash(k8, n); ; h = (h + 1) & lexMask {
						sl := &lexSlots[h]
						if sl.idx == 0 {
							break
						}
						if sl.k8 == k8 && int(sl.n) == n && (n <= 8 || lexKeys[sl.idx-1][8:] == low[i+8:j]) {
							t.li, t.fl = int32(sl.idx)-1, sl.fl
							break
						}
					}
				}
			}
			if t.li < 0 && slow && strings.Contains(low[i:j], "’") {
				t.li, t.fl = lexCurly(low[i:j])
			}
			out = append(out, t)
			space = false
			i = j
			if i < e && text[i] == ' ' {
				// The common single space after a word.
				space = true
				i++
			}
			continue
		}
		if cl&bcSpace != 0 {
			space = true
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, sz := utf8.DecodeRuneInString(text[i:e])
			if unicode.IsSpace(r) {
				space = true
				i += sz
				continue
			}
			if unicode.IsLetter(r) {
				j := wordEnd(text, i, e)
				out = appendWord(text, low, i, j, space, out)
				space = false
				i = j
				continue
			}
			// Non-ASCII digits and symbols: punctuation.
			out = append(out, token{s: int32(i), e: int32(i + sz), kind: tkPunct, space: space, li: -1})
			space = false
			i += sz
			continue
		}
		switch {
		case cl&bcDigit != 0 || (c == '.' && i+1 < e && isDigit(text[i+1]) && space):
			j, t := scanNumber(text, i, e)
			t.space = space
			out = append(out, t)
			space = false
			i = j
		case (c == '\'') && i+1 < e && (text[i+1] == 's' || text[i+1] == 'S') && (i+2 >= e || !isLetterByte(text[i+2])) && len(out) > 0 && !space:
			out = append(out, token{s: int32(i), e: int32(i + 2), kind: tkWord, li: lexPossessive, fl: lexPossessiveFlags})
			space = false
			i += 2
		default:
			out = append(out, token{s: int32(i), e: int32(i + 1), kind: tkPunct, space: space, li: -1})
			space = false
			i++
		}
	}
	return out
}

// lexCurly looks up a word written with a curly apostrophe ("didn’t") as
// if it had a straight one.
func lexCurly(w string) (int32, uint32) {
	li := lexFind(strings.ReplaceAll(w, "’", "'"))
	if li < 0 {
		return -1, 0
	}
	return li, uint32(lexInfos[li].f)
}

// noLowerASCII reports whether w has no ASCII lower-case letter.
func noLowerASCII(w string) bool {
	for k := 0; k < len(w); k++ {
		if w[k] >= 'a' && w[k] <= 'z' {
			return false
		}
	}
	return true
}

// wordEnd returns the end of the word starting at i: letters, inner
// apostrophes (not a final 's) and dotted abbreviations (U.S., a.m.).
func wordEnd(text string, i, e int) int {
	// Dotted abbreviation: single letters each followed by a period.
	if i+3 < e+1 && isLetterByte(text[i]) && i+1 < e && text[i+1] == '.' && i+2 < e && isLetterByte(text[i+2]) && (i+3 >= e || text[i+3] == '.' || !isLetterByte(text[i+3])) {
		j := i
		for j+1 < e && isLetterByte(text[j]) && text[j+1] == '.' && (j+2 >= e || !isLetterByte(text[j+2]) || j+3 >= e || !isLetterByte(text[j+3])) {
			j += 2
		}
		if j-i >= 4 {
			return j
		}
	}
	j := i
	for j < e {
		c := text[j]
		if isLetterByte(c) {
			j++
			continue
		}
		if c >= utf8.RuneSelf {
			r, sz := utf8.DecodeRuneInString(text[j:e])
			if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
				j += sz
				continue
			}
			if r == '’' && j+sz < e && isLetterByte(text[j+sz]) && !possessiveAt(text, j+sz, e) {
				j += sz
				continue
			}
			break
		}
		if c == '\'' && j+1 < e && isLetterByte(text[j+1]) && !possessiveAt(text, j+1, e) {
			j++
			continue
		}
		break
	}
	return j
}

// possessiveAt reports whether text[k:] is a final "s" of a possessive.
func possessiveAt(text string, k, e int) bool {
	return (text[k] == 's' || text[k] == 'S') && (k+1 >= e || !isLetterByte(text[k+1]))
}

func appendWord(text, low string, i, j int, space bool, out []token) []token {
	t := token{s: int32(i), e: int32(j), kind: tkWord, space: space, li: -1}
	c := text[i]
	if c < utf8.RuneSelf {
		t.upper = c >= 'A' && c <= 'Z'
	} else {
		r, _ := utf8.DecodeRuneInString(text[i:j])
		t.upper = unicode.IsUpper(r)
	}
	if t.upper {
		t.caps = noLowerASCII(text[i:j])
	}
	t.li, t.fl = lexWordAt(low, i, j)
	if t.li < 0 && strings.Contains(low[i:j], "’") {
		t.li, t.fl = lexCurly(low[i:j])
	}
	return append(out, t)
}

// scanNumber reads digits with thousands separators and a decimal part.
func scanNumber(text string, i, e int) (int, token) {
	t := token{s: int32(i), kind: tkNum, li: -1}
	j := i
	var v float64
	for j < e && isDigit(text[j]) {
		v = v*10 + float64(text[j]-'0')
		j++
	}
	t.nlen = int8(min(j-i, 100))
	// Thousands groups: ",ddd" (or a thin/no-break space) repeated, first group of 1-3 digits.
	if j-i <= 3 && j > i {
		for {
			sep := 0
			if j < e && text[j] == ',' {
				sep = 1
			} else if strings.HasPrefix(text[j:e], "\u202f") || strings.HasPrefix(text[j:e], "\u00a0") {
				sep = len("\u202f")
				if strings.HasPrefix(text[j:e], "\u00a0") {
					sep = 2
				}
			}
			if sep == 0 || j+sep+3 > e {
				break
			}
			k := j + sep
			if !(isDigit(text[k]) && isDigit(text[k+1]) && isDigit(text[k+2])) || (k+3 < e && isDigit(text[k+3])) {
				break
			}
			v = v*1000 + float64(text[k]-'0')*100 + float64(text[k+1]-'0')*10 + float64(text[k+2]-'0')
			j = k + 3
			t.ngrp = true
		}
	}
	if j+1 < e && text[j] == '.' && isDigit(text[j+1]) {
		k := j + 1
		for k < e && isDigit(text[k]) {
			k++
		}
		var buf [40]byte
		b := strconv.AppendFloat(buf[:0], v, 'f', 0, 64)
		b = append(b, text[j:min(k, j+20)]...)
		if f, err := strconv.ParseFloat(string(b), 64); err == nil {
			v = f
		}
		t.ndec = true
		j = k
	}
	t.e = int32(j)
	t.nval = v
	return j, t
}

// mayClaim reports whether the sentence low[s:e] (low is the lowered text,
// from lowerInto) can yield a claim or change what later sentences yield:
// it holds a digit or a trigger word (a number word, a scale, a vague
// quantity, an attribution cue, or one of the few negations and doubts
// that make zero counts and disclaimers). It reads eight bytes at a time
// and looks words up only when a bit filter lets them through, so the
// sentences it rejects cost little. A trigger word is always a run of
// ASCII letters that the tokenizer reads as one word, so no claim is lost.
func mayClaim(low string, s, e int) bool {
	for i := s; i < e; i += 8 {
		m := byteRange(load8(low, i), '0', '9')
		if e-i < 8 {
			m &= 1<<(8*uint(e-i)) - 1
		}
		if m != 0 {
			return true
		}
	}
	for i := s; i < e; {
		// The next letter, then the end of its run of letters.
		m := byteRange(load8(low, i), 'a', 'z')
		if m == 0 {
			i += 8
			continue
		}
		i += bits.TrailingZeros64(m) >> 3
		if i >= e {
			break
		}
		j := i
		for {
			k := bits.TrailingZeros64(^byteRange(load8(low, j), 'a', 'z')&highBits) >> 3
			j += k
			if k < 8 {
				break
			}
		}
		j = min(j, e)
		if n := j - i; n >= 2 && n <= triggerMaxLen {
			h := triggerHash(low[i], low[i+1], low[j-1], n)
			if triggerBits[h>>6]&(1<<(h&63)) != 0 {
				if k, _ := lexWordAt(low, i, j); k >= 0 && lexTrigger[k] {
					return true
				}
			}
		}
		i = j
	}
	return false
}

const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// byteRange returns the high bit of each of the eight bytes of v that lies
// in [lo, hi] (ASCII bounds; bytes of 0x80 and above never match).
func byteRange(v uint64, lo, hi byte) uint64 {
	a := v &^ highBits
	ge := a + lowBits*uint64(0x80-lo)   // high bit set where byte >= lo
	gt := a + lowBits*uint64(0x80-hi-1) // high bit set where byte > hi
	return ge &^ gt &^ v & highBits
}

// triggerHash mixes a word's length and first, second and last letters
// into a bit of triggerBits.
func triggerHash(a, b, z byte, n int) uint32 {
	h := uint32(a)*0x01000193 ^ uint32(b)*0x9E3779B1 ^ uint32(z)*0x85EBCA6B ^ uint32(n)*0xC2B2AE35
	h ^= h >> 13
	return h & (1<<16 - 1)
}

var (
	triggerBits   [1 << 10]uint64
	triggerMaxLen int
	lexTrigger    []bool // per lexicon entry: a trigger word of mayClaim
)

// buildTriggers marks the trigger words; it runs after the lexicon table
// is built.
func buildTriggers() {
	lexTrigger = make([]bool, len(lexKeys))
	// Zero counts ("no one", "nobody", "none of them", "no casualties") and
	// the verbs of a disclaimer ("could not be independently verified").
	extra := wordSet("trigger")
	for i, k := range lexKeys {
		if lexInfos[i].f&(fNumWord|fScale|fVague|fCue) == 0 && !extra[k] {
			continue
		}
		for j := 0; j < len(k); j++ {
			if k[j] < 'a' || k[j] > 'z' {
				panic("extract: trigger word with a non-letter: " + k)
			}
		}
		lexTrigger[i] = true
		triggerMaxLen = max(triggerMaxLen, len(k))
		h := triggerHash(k[0], k[1], k[len(k)-1], len(k))
		triggerBits[h>>6] |= 1 << (h & 63)
	}
}

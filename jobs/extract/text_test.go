package extract

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestRuneCount checks the eight-bytes-at-a-time count against the
// standard library on valid UTF-8 of every length and alignment.
func TestRuneCount(t *testing.T) {
	s := strings.Repeat("aé“Ü”€ 1\U0001F600z", 5)
	for i := 0; i < len(s); i++ {
		for j := i; j <= len(s); j++ {
			if !utf8.RuneStart(s[i]) || j < len(s) && !utf8.RuneStart(s[j]) {
				continue
			}
			if got, want := runeCount(s[i:j]), utf8.RuneCountInString(s[i:j]); got != want {
				t.Fatalf("runeCount(%q) = %d, want %d", s[i:j], got, want)
			}
		}
	}
}

// TestFlagGates checks that the words some look-ups are gated on carry
// the lexicon flag of the gate.
func TestFlagGates(t *testing.T) {
	for w := range weekdayNum {
		if lexFlags(w)&fWeekday == 0 {
			t.Errorf("weekday %q lacks fWeekday", w)
		}
	}
	// The tables by lexicon index agree with the maps.
	for li, k := range lexKeys {
		m, ok := monthNum[k]
		if got := monthByLex[li]; got != m || ok != (got != 0) {
			t.Errorf("%q: monthByLex %d, monthNum %d %v", k, got, m, ok)
		}
		d, ok := weekdayNum[k]
		if got := weekdayByLex[li]; ok != (got >= 0) || ok && time.Weekday(got) != d {
			t.Errorf("%q: weekdayByLex %d, weekdayNum %d %v", k, got, d, ok)
		}
	}
}

// TestLexSets checks that looking a token up in a lexSet by lexicon index
// agrees with the map on the token's word, curly apostrophes included.
func TestLexSets(t *testing.T) {
	texts := append([]string{"Al-Assad’s forces & the U.N.’s aid didn’t reach Idlib's south-western rural areas."}, goldenTexts...)
	texts = append(texts, fuzzSeeds...)
	for _, a := range genArticles(t, 1<<20) {
		texts = append(texts, a.Text)
	}
	for _, s := range texts {
		s = sanitize(s)
		low := lowerASCII(s)
		p := numParser{text: s, low: low, toks: tokenize(s, low, 0, len(s), nil)}
		for i := range p.toks {
			for _, ls := range lexSets {
				if got, want := p.inSet(i, ls), ls.m[p.w(i)]; got != want {
					t.Fatalf("token %q: inSet %v, map %v", p.w(i), got, want)
				}
			}
		}
	}
}

func TestAbbrevKind(t *testing.T) {
	for _, w := range titleAbbrevs {
		if k := abbrevKind([]byte(w)); k != abbrevTitle {
			t.Errorf("%q: kind %d, want title", w, k)
		}
	}
	title := wordSet("title-abbrev")
	for _, w := range ambiguousAbbrevs {
		if k := abbrevKind([]byte(w)); k != abbrevAmbiguous && !title[w] {
			t.Errorf("%q: kind %d, want ambiguous", w, k)
		}
	}
	for _, w := range []string{"", "said", "u.s", "a", "m", "mrx", "lt.co", "okla.", "people"} {
		if k := abbrevKind([]byte(w)); k != abbrevNone {
			t.Errorf("%q: kind %d, want none", w, k)
		}
	}
}

func TestNextUpper(t *testing.T) {
	s := "abc Déjà vu: ok, then Zed; x\xc3\x89 and ALL of us. qwertyuiopQ"
	for i := 0; i <= len(s); i++ {
		for e := i; e <= len(s); e++ {
			want := e
			for k := i; k < e; k++ {
				if s[k] >= 'A' && s[k] <= 'Z' {
					want = k
					break
				}
			}
			if got := nextUpper(s, i, e); got != want {
				t.Fatalf("nextUpper(%d, %d) = %d, want %d", i, e, got, want)
			}
		}
	}
}

func TestAppendDecimal(t *testing.T) {
	for _, v := range []int32{0, 1, 9, 10, 99, 100, 12345, -1, -10, -2147483648, 2147483647} {
		if got, want := string(appendDecimal([]byte("x"), v)), "x"+strconv.Itoa(int(v)); got != want {
			t.Errorf("appendDecimal(%d) = %q, want %q", v, got, want)
		}
	}
}

// periodEndsRef is periodEnds reading the word byte by byte.
func periodEndsRef(text string, i, k int) bool {
	w, dot := i, false
	for w > 0 {
		c := text[w-1]
		if byteClass[c]&(bcLower|bcUpper) != 0 {
			w--
			continue
		}
		if c == '.' {
			dot = true
			w--
			continue
		}
		break
	}
	word := text[w:i]
	if word == "" {
		return true
	}
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		return false
	}
	if len(word) > 6 && !dot {
		return true
	}
	if len(word) <= 6 {
		kind := abbrevKind([]byte(strings.ToLower(word)))
		if kind == abbrevTitle {
			return false
		}
		if !dot && kind != abbrevAmbiguous {
			return true
		}
	}
	e := k
	for e < len(text) && (text[e] >= 'a' && text[e] <= 'z' || text[e] >= 'A' && text[e] <= 'Z') {
		e++
	}
	return isSentenceOpener(text[k:e]) || text[k] == '"' || text[k] == '('
}

func TestPeriodEnds(t *testing.T) {
	words := []string{"", "J", "Mr", "mr", "Inc", "U.S", "a.m", "Okla", "people", "killed", "Lt.Col", "lt.col", "N.Y", "x", "International", "abc.defghijk", "é", "5", "Jr", "sept", "Approx", "ave.x", "over.the.top.words"}
	for _, pre := range []string{"", " ", "\u00e9", "(", "1", "abcdefghijklmnop ", "A.B.C.D.E.F.G.H."} {
		for _, w := range words {
			for _, next := range []string{"The", "He", "the", "\"Q", "(x", "Police", "Xyz"} {
				text := pre + w + ". " + next
				i := len(pre) + len(w)
				if got, want := periodEnds(text, i, i+2), periodEndsRef(text, i, i+2); got != want {
					t.Errorf("periodEnds(%q) = %v, want %v", text, got, want)
				}
			}
		}
	}
}

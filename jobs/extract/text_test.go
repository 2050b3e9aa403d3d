package extract

import (
	"strings"
	"testing"
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
}

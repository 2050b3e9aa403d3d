package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/jobs/entity"
)

// TestLookupTokens checks the table of one-word entity look-ups against
// entity.Lookup for every lexicon word, as written in lower case, with a
// capital and in capitals.
func TestLookupTokens(t *testing.T) {
	found := 0
	for _, k := range lexKeys {
		for _, w := range []string{k, strings.ToUpper(k[:1]) + k[1:], strings.ToUpper(k), "the " + k, k + " office"} {
			var x analyzer
			x.p.text, x.p.low = w, lowerASCII(w)
			x.p.toks = tokenize(w, x.p.low, 0, len(w), nil)
			if len(x.p.toks) == 0 {
				continue
			}
			n := len(x.p.toks)
			got, gotOK := x.lookupTokens(w, 0, n)
			want, wantOK := entity.Lookup(w)
			if gotOK != wantOK || !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: lookupTokens = %v %v, entity.Lookup = %v %v", w, got, gotOK, want, wantOK)
			}
			if n == 1 && wantOK {
				found++
			}
			if n == 1 && x.pureWord(0, 1) >= 0 && !strings.Contains(w, "’") {
				if lw := strings.ToLower(w); lexKeys[x.pureWord(0, 1)] != lw {
					t.Fatalf("%q: pure word key %q", w, lexKeys[x.pureWord(0, 1)])
				}
			}
		}
	}
	if found == 0 {
		t.Error("no lexicon word names an entity")
	}
}

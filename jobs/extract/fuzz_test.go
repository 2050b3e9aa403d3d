package extract

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/claimscan/claimscan/fixtures"
)

var fuzzSeeds = []string{
	"Around 890 civilians have been killed, according to the Syrian Observatory for Human Rights.",
	"More than 400,000 more have fled their homes, the United Nations said.",
	"BEIRUT (Reuters) - Between 10 and 20 people were killed on Monday. (Writing by A; Editing by B)",
	"Hundreds of thousands of people were forced to flee since late April 2019.",
	"Call (312) 747-8380. A 17-year-old boy, Henry Jackson, 18, was shot at 9:30 p.m. in the 2200 block of Main St.",
	"$5,000 reward; 12m people; 2.3bn; 45%; one hundred and sixty-one; a dozen; two or three; 1 234 567",
	"No one was killed. None of them were hurt. Nobody died, police told AFP.",
	"\xff\xfe 12 \xc3 people died\n\nU.S. and U.N. officials said 5-6 were missing.",
	"", ".", "\"\"", "1", "a", "(", "- - -", "more than", "between 5 and", "since", "no",
}

// FuzzExtract checks that any input, valid UTF-8 or not, extracts without
// panicking into claims whose offsets and values keep the contract.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := Article{ID: "f", Text: s, Published: time.Date(2019, 8, 24, 0, 0, 0, 0, time.UTC)}
		r := Extract(a)
		checkInvariants(t, a, r)
		if r.NSentences < 0 {
			t.Fatal("negative sentence count")
		}
	})
}

// FuzzSentences checks that sentence spans are ordered, disjoint, inside the
// text and trimmed.
func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Sentences(s) {
			st, en := sp[0], sp[1]
			if st < prev || en <= st || en > len(s) {
				t.Fatalf("span [%d,%d) after %d in text of %d bytes", st, en, prev, len(s))
			}
			if isSpaceByte(s[st]) || isSpaceByte(s[en-1]) {
				t.Fatalf("span [%d,%d) not trimmed: %q", st, en, s[st:en])
			}
			if utf8.ValidString(s) && !utf8.ValidString(s[st:en]) {
				t.Fatalf("span [%d,%d) splits a code point", st, en)
			}
			prev = en
		}
	})
}

// benchText builds a realistic input: the gun-violence corpus when present,
// else news-like paragraphs written here.
func benchText(b testing.TB) []Article {
	if p, ok := fixtures.Shared("corpora/gva-semeval2018/articles.jsonl"); ok {
		if _, err := os.Stat(p); err == nil {
			arts := readJSONL(b, p)
			if len(arts) > 400 {
				arts = arts[:400]
			}
			return arts
		}
	}
	para := []string{
		"BEIRUT (Reuters) - Syrian government forces and their allies have killed more than 730 civilians since late April, a monitoring group said on Monday.",
		"The Syrian Observatory for Human Rights, a British-based group, said around 890 civilians had been killed in the offensive.",
		"More than 400,000 people have fled their homes, the United Nations said, and hundreds of thousands more are at risk.",
		"Police Chief Ken Grace said two men were shot at about 9:30 p.m. Thursday in the 2200 block of Main Street.",
		"A 17-year-old boy was taken to a hospital in critical condition; officers offered a $5,000 reward.",
		"The region of some three million people was supposed to be protected by a buffer zone agreed last September.",
		"Residents said the town had been quiet for weeks before the attack, which came without warning.",
		"Officials did not say how many people were inside the building when the fire broke out.",
	}
	var arts []Article
	for i := 0; i < 200; i++ {
		arts = append(arts, Article{ID: "b", Text: strings.Join(para, "\n\n"), Published: time.Date(2019, 8, 24, 0, 0, 0, 0, time.UTC)})
	}
	return arts
}

func BenchmarkExtract(b *testing.B) {
	benchExtract(b, benchText(b))
}

// benchExtract runs Extract over arts b.N times and reports, besides the
// usual figures, MB of text per CPU-second.
func benchExtract(b *testing.B, arts []Article) {
	var n int64
	for _, a := range arts {
		n += int64(len(a.Text))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuSeconds()
	claims := 0
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			claims += len(Extract(a).Claims)
		}
	}
	b.ReportMetric(float64(len(arts))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	// MB per CPU-second: throughput per core even when the machine is shared
	// (run with GOMAXPROCS=1 so the figure is not spread over idle cores).
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/1e6/cpu, "MB/cpu-s")
	}
	_ = claims
}

func BenchmarkSentences(b *testing.B) {
	arts := benchText(b)
	var n int64
	for _, a := range arts {
		n += int64(len(a.Text))
	}
	b.SetBytes(n)
	b.ResetTimer()
	var buf []sentence
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			buf = splitSentences(a.Text, buf[:0])
		}
	}
}

// TestConcurrentDeterministic runs Extract on many articles from several
// goroutines and checks every result equals the sequential one, also after
// the pooled buffers were reused by later calls.
func TestConcurrentDeterministic(t *testing.T) {
	var arts []Article
	if p, ok := fixtures.Shared("corpora/gva-semeval2018/articles.jsonl"); ok {
		arts = readJSONL(t, p)
		if len(arts) > 300 {
			arts = arts[:300]
		}
	} else {
		for _, s := range fuzzSeeds {
			arts = append(arts, Article{ID: "s", Text: s})
		}
	}
	want := make([]Result, len(arts))
	for i, a := range arts {
		want[i] = Extract(a)
	}
	got := make([]Result, len(arts))
	done := make(chan bool)
	for w := 0; w < 4; w++ {
		go func(w int) {
			for i := w; i < len(arts); i += 4 {
				got[i] = Extract(arts[i])
			}
			done <- true
		}(w)
	}
	for w := 0; w < 4; w++ {
		<-done
	}
	for i := range arts {
		if !reflect.DeepEqual(want[i], got[i]) {
			t.Fatalf("article %s: concurrent result differs", arts[i].ID)
		}
	}
}

// TestRunOnSentences feeds run-on text without sentence ends: it must be
// cut into bounded pieces and still yield its claims.
func TestRunOnSentences(t *testing.T) {
	// Each piece gives its own figure: a figure repeated in the same
	// words is one claim.
	var b strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&b, "%d people were killed, police said, ", i+2)
	}
	s := b.String()
	r := run(t, s, time.Time{})
	if len(quantities(r)) < 2900 {
		t.Errorf("got %d quantity claims, want about 3000", len(quantities(r)))
	}
	for _, sp := range Sentences(s) {
		if sp[1]-sp[0] > maxSentence {
			t.Fatalf("sentence of %d bytes", sp[1]-sp[0])
		}
	}
}

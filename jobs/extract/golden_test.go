package extract

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/schema"
)

// The golden test pins Extract's whole output on a fixed corpus: a digest of
// every field of every claim, per corpus. Any change of output shows
// up here, so a change meant to be invisible (speed work) is checked, and a
// change meant to be visible is recorded on purpose with
//
//	go test ./jobs/extract/ -run TestGolden -update-golden
//
// Set CLAIMSCAN_GOLDEN_DUMP=DIR to write the readable dumps behind the
// digests into DIR (one file per corpus), to diff two versions.
var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden.txt from the current output")

// goldenN is how many articles of each shared corpus the golden test reads.
const goldenN = 1000

// goldenTexts are written here so the test means something without the
// shared corpora: the conventions of DESIGN.md, attribution forms, places,
// non-counts and odd input.
var goldenTexts = []string{
	"BEIRUT (Reuters) - Syrian government forces and their allies have killed more than 730 civilians since late April, a monitoring group said on Monday.\n\nThe Syrian Observatory for Human Rights, a British-based group, said around 890 civilians had been killed in the offensive. More than 400,000 people have fled their homes, the United Nations said, and hundreds of thousands more are at risk.",
	"ARDMORE, Okla. (AP) — Ardmore Police Chief Ken Grace said two men were shot at about 9:30 p.m. Thursday in the 2200 block of Main Street. A 17-year-old boy was taken to a hospital in critical condition; officers offered a $5,000 reward. Call (312) 747-8380 with information.",
	"The region of some three million people was supposed to be protected by a buffer zone agreed last September. Residents said the town had been quiet for weeks before the attack, which came without warning. Officials did not say how many people were inside the building when the fire broke out.",
	"Between 10 and 20 people were killed. Two or three people were wounded. Several people were wounded. Dozens of people were wounded. More than a dozen people were wounded. Tens of thousands of people fled. Hundreds of thousands of people were forced to flee. Several hundred people were evacuated.",
	"No one was killed in the blast. There were no casualties. Nobody was hurt. None of the passengers were injured. The army denied that 50 civilians were killed. Fifty civilians were not killed, officials said. Five people were reportedly killed. Ten people were killed, the group said. The figures could not be independently verified.",
	"The war displaced 1.5 million people. The floods affected 2.3bn people. The floods affected 12m people. Twenty-one people were killed. One hundred and sixty-one people died. Unemployment rose to 12 percent. Turnout was 45%. The EU pledged €2.5 billion in aid. Britain gave £12m to the fund.",
	"The US-based Union of Medical Care and Relief Organizations (UOSSM) runs clinics. UOSSM said 12 civilians were killed. The Observatory said 30 people were wounded. The UN Office for the Coordination of Humanitarian Affairs has said 40 people fled. OCHA said 50 people fled. U.N. officials said 60 people were missing.",
	"Two men were shot, said Lt. Keith White of the Monroe Police Department. Gov. John Bel Edwards said three officers were killed. A spokesman for the Pentagon said four soldiers were wounded. Police said two men were shot. Six people were wounded, police told AFP.",
	"The Syrian Observatory for Human Rights said 50 people died. It added that 20 more were wounded. The UN said 30 people were killed and that 200 more had fled. The rebels quit those towns, local activists said. Damascus denies using such weapons.",
	"A drought that killed an estimated 2.5 million livestock hit the region. The gunman opened fire, killing at least 12 people and injuring 80 others. Floods destroyed 300 homes and 40 vehicles in Peru, the National Civil Defence Institute (INDECI) said. Police Chief Maria Lopez said 4 people were arrested. Lopez said 2 more were detained.",
	"Khan Sheikhoun was targeted in a sarin gas attack in 2017. The town had been in rebel hands since 2014. He was in his 20s. The 1990s were different. The G20 met in Osaka. He drove a 2005 Honda Civic. He stood 6 feet tall. The magnitude 6.1 quake hit at dawn. Visit www.example.com/2017/04/05/story for more.",
	"Five civilians were killed in the town of Morek, in southern Idlib province. The war in Syria has killed more than 370,000 people since 2011. Three people were shot in Ardmore on Thursday. At least 50 people were killed in the past 24 hours.",
	"Caf\xe9 \xff: more than 50 people were killed, the UN said. Ünïcode 20 civilians died. “Twelve people died,” the mayor said. 5 people were killed, police said, 5 people were killed, police said",
	"", ".", "1", "- - -", "more than", "between 5 and", "since", "no",
}

// goldenDump writes one line per article and one per claim, every field.
func goldenDump(b *strings.Builder, a Article, r Result) {
	b.WriteString("=== ")
	b.WriteString(a.ID)
	b.WriteString(" ")
	b.WriteString(strconv.Itoa(r.NSentences))
	b.WriteByte('\n')
	fl := func(f schema.Float) string {
		if !f.Valid {
			return "-"
		}
		return strconv.FormatFloat(f.V, 'g', -1, 64)
	}
	dt := func(t time.Time) string {
		if t.IsZero() {
			return "-"
		}
		return t.Format("2006-01-02")
	}
	for _, c := range r.Claims {
		fields := []string{
			c.ClaimID, c.ArticleID, strconv.Itoa(int(c.SentenceIndex)), strconv.Itoa(int(c.CharStart)), strconv.Itoa(int(c.CharEnd)),
			strconv.Itoa(len(c.Sentence)), c.Quote, c.Kind, c.Predicate, c.Subject, fl(c.ValueLow), fl(c.ValueBest), fl(c.ValueHigh),
			c.Bound, c.Unit, c.Source, c.SourceMention, c.Cue, c.ScopeText, dt(c.ScopeStart), dt(c.ScopeEnd), c.Location,
			c.LocationMention, strconv.FormatBool(c.Negated), strconv.FormatBool(c.Hedged), dt(c.Published), c.Outlet, c.ClaimKey,
		}
		for i, f := range fields {
			if i > 0 {
				b.WriteByte('|')
			}
			b.WriteString(strconv.Quote(f))
		}
		b.WriteByte('\n')
	}
}

type goldenCorpus struct {
	name string
	arts []Article
}

func goldenCorpora(t *testing.T) []goldenCorpus {
	var own []Article
	pub := time.Date(2019, 8, 24, 0, 0, 0, 0, time.UTC)
	for i, s := range goldenTexts {
		a := Article{ID: "own-" + strconv.Itoa(i), Text: s, Outlet: "example.org"}
		if i%2 == 0 {
			a.Published = pub
		}
		own = append(own, a)
	}
	corpora := []goldenCorpus{{"own", own}}
	var seeds []Article
	for _, f := range []string{"000_4cc4ffe120d317e5.txt", "004_2dc96912f824fec1.txt"} {
		if p, ok := fixtures.Shared("corpora/seeds/" + f); ok {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			seeds = append(seeds, Article{ID: f, Text: string(b), Outlet: "seed", Published: pub})
		}
	}
	if len(seeds) == 2 {
		corpora = append(corpora, goldenCorpus{"seeds", seeds})
	}
	for _, c := range []struct{ name, rel string }{{"gva", "corpora/gva-semeval2018/articles.jsonl"}, {"ecb", "corpora/ecbplus/articles.jsonl"}} {
		if p, ok := fixtures.Shared(c.rel); ok {
			arts := readJSONL(t, p)
			if len(arts) > goldenN {
				arts = arts[:goldenN]
			}
			corpora = append(corpora, goldenCorpus{c.name, arts})
		}
	}
	return corpora
}

// TestGolden compares the digest of Extract's output on each corpus
// with testdata/golden.txt. A corpus absent here is skipped.
func TestGolden(t *testing.T) {
	path := filepath.Join("testdata", "golden.txt")
	stored := map[string]string{}
	if f, err := os.Open(path); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if name, rest, ok := strings.Cut(sc.Text(), " "); ok && !strings.HasPrefix(name, "#") {
				stored[name] = rest
			}
		}
		f.Close()
	}
	dumpDir := os.Getenv("CLAIMSCAN_GOLDEN_DUMP")
	var out strings.Builder
	out.WriteString("# corpus digest claims articles: go test ./jobs/extract/ -run TestGolden -update-golden\n")
	for _, gc := range goldenCorpora(t) {
		var b strings.Builder
		claims := 0
		for _, a := range gc.arts {
			r := Extract(a)
			claims += len(r.Claims)
			goldenDump(&b, a, r)
		}
		sum := sha256.Sum256([]byte(b.String()))
		got := hex.EncodeToString(sum[:8]) + " " + strconv.Itoa(claims) + " " + strconv.Itoa(len(gc.arts))
		out.WriteString(gc.name + " " + got + "\n")
		if dumpDir != "" {
			if err := os.WriteFile(filepath.Join(dumpDir, gc.name+".txt"), []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if *updateGolden {
			continue
		}
		want, ok := stored[gc.name]
		if !ok {
			t.Errorf("corpus %s: no stored digest (run with -update-golden)", gc.name)
			continue
		}
		if got != want {
			t.Errorf("corpus %s: output changed: digest/claims/articles %s, stored %s (set CLAIMSCAN_GOLDEN_DUMP to diff)", gc.name, got, want)
		}
	}
	if *updateGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		// Keep digests of the corpora absent here.
		for name, v := range stored {
			if !strings.Contains(out.String(), "\n"+name+" ") {
				out.WriteString(name + " " + v + "\n")
			}
		}
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

package conflict

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/claimscan/claimscan/schema"
)

// claimGen generates a deterministic stream of claims shaped like a large
// news corpus: most claims in small groups (about 8 claims per key), a
// tenth in 20 huge groups, 2,000 sources, 300 outlets, six claims per
// article, dates over two months.
type claimGen struct {
	rng     *rand.Rand
	n       int
	groups  int
	sources []string
	outlets []string
	buf     []byte
}

func newClaimGen(n int) *claimGen {
	g := &claimGen{rng: rand.New(rand.NewPCG(7, uint64(n))), n: n, groups: max(1, n/8)}
	for i := range 2000 {
		g.sources = append(g.sources, "Source number "+strconv.Itoa(i))
	}
	g.sources[0] = "" // the own voice
	for i := range 300 {
		g.outlets = append(g.outlets, "outlet"+strconv.Itoa(i)+".example")
	}
	return g
}

var genBounds = []string{schema.BoundExact, schema.BoundExact, schema.BoundApprox, schema.BoundMoreThan,
	schema.BoundAtLeast, schema.BoundAtMost, schema.BoundRange, schema.BoundVague}

func (g *claimGen) item(i int) Item {
	r := g.rng
	b := g.buf[:0]
	if r.IntN(10) == 0 {
		b = append(b, "killed|civilians|big"...)
		b = strconv.AppendInt(b, int64(r.IntN(20)), 10)
	} else {
		b = append(b, "killed|people|place"...)
		b = strconv.AppendInt(b, int64(r.IntN(g.groups)), 10)
	}
	b = append(b, "|2019"...)
	key := string(b)
	var id [8]byte
	binary.LittleEndian.PutUint64(id[:], uint64(i)*0x9e3779b97f4a7c15)
	g.buf = b
	v := float64(1 + r.IntN(2000))
	it := Item{
		ClaimID:   hex.EncodeToString(id[:]),
		ArticleID: "art" + strconv.Itoa(i/6),
		Key:       key,
		Source:    g.sources[r.IntN(len(g.sources))],
		Outlet:    g.outlets[(i/6)%len(g.outlets)],
		Bound:     genBounds[r.IntN(len(genBounds))],
		Published: t0.Add(time.Duration(r.IntN(60*24)) * time.Hour),
		Negated:   r.IntN(200) == 0,
		Hedged:    r.IntN(20) == 0,
	}
	switch it.Bound {
	case schema.BoundRange, schema.BoundVague:
		it.Low, it.High = schema.F(v), schema.F(v*3)
	case schema.BoundAtMost:
		it.High = schema.F(v)
	case schema.BoundMoreThan, schema.BoundAtLeast:
		it.Low = schema.F(v)
	default:
		it.Best = schema.F(v)
	}
	return it
}

// peakHeap samples the heap in use until stop is closed.
func peakHeap(stop <-chan struct{}, wg *sync.WaitGroup, peak *uint64) {
	defer wg.Done()
	var ms runtime.MemStats
	t := time.NewTicker(25 * time.Millisecond)
	defer t.Stop()
	for {
		runtime.ReadMemStats(&ms)
		if ms.HeapInuse > *peak {
			*peak = ms.HeapInuse
		}
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}

// BenchmarkDetector feeds generated claims through Add and Run with the
// default configuration (128 MiB budget, 2 workers; one 10M case with a
// 32 MiB budget) and reports claims/s, rows, spills and the peak heap. The
// 10M cases are skipped with -short. Generating the claims is timed too.
func BenchmarkDetector(b *testing.B) {
	for _, tc := range []struct {
		n      int
		budget int64
	}{{100_000, 0}, {1_000_000, 0}, {10_000_000, 0}, {10_000_000, 32 << 20}} {
		n := tc.n
		name := fmt.Sprintf("claims=%d", n)
		if tc.budget != 0 {
			name += fmt.Sprintf("/budget=%dMiB", tc.budget>>20)
		}
		b.Run(name, func(b *testing.B) {
			if n > 1_000_000 && testing.Short() {
				b.Skip("-short")
			}
			var rows int64
			var st Stats
			var peak uint64
			runtime.GC()
			stop := make(chan struct{})
			var wg sync.WaitGroup
			wg.Add(1)
			go peakHeap(stop, &wg, &peak)
			for b.Loop() {
				cfg := DefaultConfig()
				cfg.TempDir = b.TempDir()
				if tc.budget != 0 {
					cfg.MemoryBudget = tc.budget
				}
				d, err := NewDetector(cfg)
				if err != nil {
					b.Fatal(err)
				}
				g := newClaimGen(n)
				for i := range n {
					if err := d.Add(g.item(i)); err != nil {
						b.Fatal(err)
					}
				}
				rows = 0
				err = d.Run(context.Background(), func(batch []schema.Conflict) error {
					rows += int64(len(batch))
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				st = d.Stats()
				if err := d.Close(); err != nil {
					b.Fatal(err)
				}
			}
			close(stop)
			wg.Wait()
			b.SetBytes(st.Bytes)
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
			b.ReportMetric(float64(rows), "rows")
			b.ReportMetric(float64(st.Spills), "spills")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

// BenchmarkKeyIn computes the claim_key, sentence rules included, of
// claims shaped like news reports of casualties, with and without a
// cluster; MB/s counts the sentences read.
func BenchmarkKeyIn(b *testing.B) {
	sentences := []struct{ pred, quote, sentence string }{
		{"injured", "Four people were wounded", "Four people were wounded during a shootout in Brooklyn on Sunday afternoon, just hours after another man was struck by a stray bullet around the corner, police said."},
		{"injured", "one was shot", "Police said one was shot in the thigh; the other was shot in the hand."},
		{"killed", "Seven people died", "Seven people died in the rampage, including the suspect, the sheriff said at a news conference on Saturday night."},
		{"injured", "three were treated", "Ten victims were treated at Bridgeport Hospital while three were treated at St. Vincent's Hospital, police said."},
		{"killed", "eight people have died", "Since early October, eight people have died and at least 10 others were injured in 12 shootings in or near Pine Hills."},
		{"killed", "killing at least 12 people", "A magnitude 7.0 earthquake struck southern Peru early on Sunday, killing at least 12 people and injuring 80 others in the mountainous Arequipa region, the National Civil Defence Institute said."},
	}
	claims := make([]schema.Claim, len(sentences))
	var n int64
	for i, s := range sentences {
		claims[i] = schema.Claim{ClaimID: strconv.Itoa(i), ArticleID: "a", Kind: schema.KindQuantity, Predicate: s.pred,
			Subject: "people", Bound: schema.BoundExact, ValueBest: schema.F(float64(i + 1)), Quote: s.quote,
			Sentence: s.sentence, Location: "Brooklyn", Published: time.Date(2016, 6, 5, 0, 0, 0, 0, time.UTC)}
		n += int64(len(s.sentence))
	}
	KeyIn(&claims[0], "") // the world gazetteer loads on first use: not part of a key's cost
	for _, cluster := range []string{"", "gva-572513"} {
		b.Run("cluster="+strconv.FormatBool(cluster != ""), func(b *testing.B) {
			b.SetBytes(n)
			for b.Loop() {
				for i := range claims {
					if KeyIn(&claims[i], cluster) == "" {
						b.Fatal("no key")
					}
				}
			}
			b.ReportMetric(float64(len(claims))*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
		})
	}
}

// BenchmarkKeyer computes the claim_keys of claims two to a sentence, as
// an article's claims often are, with KeyIn for each claim and with one
// Keyer for all; MB/s counts the sentences read.
func BenchmarkKeyer(b *testing.B) {
	sentences := []struct{ sentence, quote1, pred1, quote2, pred2 string }{
		{"A magnitude 7.0 earthquake struck southern Peru early on Sunday, killing at least 12 people and injuring 80 others in the mountainous Arequipa region, the National Civil Defence Institute said.",
			"killing at least 12 people", "killed", "injuring 80 others", "injured"},
		{"Since early October, eight people have died and at least 10 others were injured in 12 shootings in or near Pine Hills.",
			"eight people have died", "killed", "at least 10 others were injured", "injured"},
		{"Ten victims were treated at Bridgeport Hospital while three were treated at St. Vincent's Hospital, police said.",
			"Ten victims were treated", "injured", "three were treated", "injured"},
	}
	var claims []schema.Claim
	var n int64
	for i, s := range sentences {
		for j, q := range [][2]string{{s.quote1, s.pred1}, {s.quote2, s.pred2}} {
			claims = append(claims, schema.Claim{ClaimID: strconv.Itoa(2*i + j), ArticleID: "a", Kind: schema.KindQuantity, Predicate: q[1],
				Subject: "people", Bound: schema.BoundExact, ValueBest: schema.F(float64(i + 1)), Quote: q[0],
				Sentence: s.sentence, Location: "Brooklyn", Published: time.Date(2016, 6, 5, 0, 0, 0, 0, time.UTC)})
			n += int64(len(s.sentence))
		}
	}
	b.Run("KeyIn", func(b *testing.B) {
		b.SetBytes(n)
		for b.Loop() {
			for i := range claims {
				claims[i].ClaimKey = KeyIn(&claims[i], "gva-1")
			}
		}
	})
	b.Run("Keyer", func(b *testing.B) {
		b.SetBytes(n)
		for b.Loop() {
			var k Keyer
			for i := range claims {
				claims[i].ClaimKey = k.KeyIn(&claims[i], "gva-1")
			}
		}
	})
}

package jobs

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/claimscan/claimscan/jobs/extract"
	"github.com/claimscan/claimscan/jobs/stage"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// TestClaimLimits runs a text whose every sentence holds many claims next
// to an ordinary article: the ordinary one is untouched, the other keeps
// the first claims within the limits and says so in its error.
func TestClaimLimits(t *testing.T) {
	root := t.TempDir()
	corpus := filepath.Join(root, "corpus")
	writeFile(t, filepath.Join(corpus, "good.txt"), []byte("Officials said 12 people were killed and 30 injured."))
	// Unpunctuated, so the splitter cuts it into sentences of at most 2000
	// bytes, each with some 200 claims; every figure differs, as one
	// repeated in the same words is a single claim.
	var text strings.Builder
	for i := 1; text.Len() < 4_200_000; i++ {
		fmt.Fprintf(&text, "%d died ", i)
	}
	writeFile(t, filepath.Join(corpus, "died.txt"), []byte(text.String()))
	s, err := Run(context.Background(), Config{Paths: []string{corpus}, Out: filepath.Join(root, "out"), Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	arts := readArticles(t, filepath.Join(root, "out"))
	good, died := arts["good.txt"], arts["died.txt"]
	if good.Status != schema.StatusOK || good.NClaims != 2 || good.Error != "" {
		t.Errorf("good article: %+v", good)
	}
	if died.Status != schema.StatusTooManyClaims || died.NClaims != stage.MaxArticleClaims {
		t.Errorf("died.txt: status %s, %d claims; want %s, %d", died.Status, died.NClaims, schema.StatusTooManyClaims, stage.MaxArticleClaims)
	}
	for _, want := range []string{fmt.Sprintf("their first %d kept", stage.MaxSentenceClaims), fmt.Sprintf("the first %d claims kept", stage.MaxArticleClaims), "not searched"} {
		if !strings.Contains(died.Error, want) {
			t.Errorf("died.txt error %q does not say %q", died.Error, want)
		}
	}
	if died.NSentences < 2000 {
		t.Errorf("died.txt: %d sentences counted, want all of them (over 2000)", died.NSentences)
	}
	if s.Claims != int64(stage.MaxArticleClaims)+2 || s.Statuses[schema.StatusTooManyClaims] != 1 {
		t.Errorf("summary: %d claims, statuses %v", s.Claims, s.Statuses)
	}
	claims, err := Load(context.Background(), filepath.Join(root, "out"), schema.Claims)
	if err != nil {
		t.Fatal(err)
	}
	perSentence := map[int32]int{}
	for _, c := range claims {
		if c.ArticleID == "died.txt" {
			perSentence[c.SentenceIndex]++
		}
	}
	for si, n := range perSentence {
		if n > stage.MaxSentenceClaims {
			t.Errorf("sentence %d kept %d claims, over %d", si, n, stage.MaxSentenceClaims)
		}
	}
}

// TestLongID: an id longer than the 1024 bytes kept, which every claim row
// would repeat, is replaced by the record's path and line.
func TestLongID(t *testing.T) {
	root := t.TempDir()
	in := filepath.Join(root, "a.jsonl")
	writeFile(t, in, []byte(jsonLine(strings.Repeat("x", 1025), "Officials said 12 people were killed.")+jsonLine("ok", "Officials said 3 people died.")))
	if _, err := Run(context.Background(), Config{Paths: []string{in}, Out: filepath.Join(root, "out")}); err != nil {
		t.Fatal(err)
	}
	arts := readArticles(t, filepath.Join(root, "out"))
	a, ok := arts[in+"#L1"]
	if !ok || a.Status != schema.StatusOK || !strings.Contains(a.Error, "id is longer than") || a.NClaims != 1 {
		t.Errorf("long id: %+v (rows %v)", a, len(arts))
	}
}

// manyClaims is an extractor that finds n claims in every article, each
// with a sentence of sentBytes bytes.
func manyClaims(n, sentBytes int) func(extract.Article) extract.Result {
	sent := strings.Repeat("x", sentBytes)
	return func(a extract.Article) extract.Result {
		res := extract.Result{NSentences: n}
		for i := range n {
			res.Claims = append(res.Claims, schema.Claim{ClaimID: fmt.Sprintf("%s-%06d", a.ID, i), ArticleID: a.ID, SentenceIndex: int32(i),
				Sentence: sent, Quote: "x", Kind: schema.KindQuantity, Predicate: "killed", Bound: "exact"})
		}
		return res
	}
}

// TestSegments: a chunk whose claims exceed a segment's rows or bytes is
// cut into segments, inside an article too; the article's row is in the
// segment of its first claims, and no row is lost.
func TestSegments(t *testing.T) {
	saved := partLimits
	defer func() { partLimits = saved }()
	partLimits.segRows, partLimits.segBytes = 100, 1<<20
	var items []stage.Rows
	for i, n := range []int{30, 250, 0, 40} {
		id := fmt.Sprintf("a%d", i)
		items = append(items, stage.Rows{Article: schema.Article{ArticleID: id, Status: schema.StatusOK, NClaims: int32(n)},
			Claims: manyClaims(n, 10)(extract.Article{ID: id}).Claims})
	}
	items = append(items, stage.Rows{Known: true})
	segs := buildBatches(memory.NewGoAllocator(), items, false)
	defer func() {
		for i := range segs {
			segs[i].release()
		}
	}()
	var gotArts, gotClaims []int64
	for _, g := range segs {
		gotArts = append(gotArts, g.articles.NumRows())
		gotClaims = append(gotClaims, g.claims.NumRows())
	}
	// a0's 30 claims and a1's first 70 | a1's next 100 | a1's last 80, a2
	// (no claims), a3's first 20 | a3's last 20.
	if fmt.Sprint(gotArts) != "[2 0 2 0]" || fmt.Sprint(gotClaims) != "[100 100 100 20]" {
		t.Errorf("segments: articles %v, claims %v", gotArts, gotClaims)
	}

	partLimits.segRows, partLimits.segBytes = 1000, 500
	segs2 := buildBatches(memory.NewGoAllocator(), items[:2], false)
	defer func() {
		for i := range segs2 {
			segs2[i].release()
		}
	}()
	for _, g := range segs2 {
		if g.claims.NumRows() > 0 && g.claimBytes > 500+claimBytes(&items[0].Claims[0]) {
			t.Errorf("segment of %d bytes, over the limit of 500 by more than one claim", g.claimBytes)
		}
	}
	if len(segs2) < 2 {
		t.Errorf("%d segments for %d bytes of claims, limit 500", len(segs2), 280*claimBytes(&items[0].Claims[0]))
	}
}

// TestPartsSplitInsideArticle: a part closes between segments, so one
// article with more claims than a part holds spreads over several parts;
// its articles row is in the first.
func TestPartsSplitInsideArticle(t *testing.T) {
	saved := partLimits
	defer func() { partLimits = saved }()
	partLimits.rows, partLimits.segRows = 1000, 400
	root := t.TempDir()
	in := filepath.Join(root, "a.jsonl")
	writeFile(t, in, []byte(jsonLine("big", "One.")+jsonLine("small", "Two.")))
	out := filepath.Join(root, "out")
	s, err := Run(context.Background(), Config{Paths: []string{in}, Out: out, Workers: 2, extractFn: manyClaims(2500, 50)})
	if err != nil {
		t.Fatal(err)
	}
	if s.Claims != 5000 {
		t.Fatalf("%d claims, want 5000", s.Claims)
	}
	m, err := output.ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	var arts, claims []int64
	for _, p := range m.Tables[schema.ArticlesTable].Parts {
		arts = append(arts, p.Rows)
	}
	for _, p := range m.Tables[schema.ClaimsTable].Parts {
		claims = append(claims, p.Rows)
	}
	// Segments of 400 claims (big's last 100 share one with small's first
	// 300); a part closes after the segment that reaches 1000 claims.
	if fmt.Sprint(arts) != "[1 0 1 0 0]" || fmt.Sprint(claims) != "[1200 1200 1200 1200 200]" {
		t.Errorf("parts: articles rows %v, claims rows %v", arts, claims)
	}
}

// TestChunkWindow: while one worker is held up by a slow article, the
// others' results cannot pile up waiting for it: the reader stops a few
// chunks ahead.
func TestChunkWindow(t *testing.T) {
	var lines strings.Builder
	lines.WriteString(jsonLine("slow", "x"))
	for i := range 100 * 256 {
		lines.WriteString(jsonLine(fmt.Sprintf("a%d", i), "x"))
	}
	root := t.TempDir()
	in := filepath.Join(root, "a.jsonl")
	writeFile(t, in, []byte(lines.String()))
	maxPending := 0
	pendingHook = func(n int) { maxPending = max(maxPending, n) }
	defer func() { pendingHook = nil }()
	slow := func(a extract.Article) extract.Result {
		if a.ID == "slow" {
			time.Sleep(300 * time.Millisecond)
		}
		return extract.Result{}
	}
	s, err := Run(context.Background(), Config{Paths: []string{in}, Out: filepath.Join(root, "out"), Workers: 2, extractFn: slow})
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles != 100*256+1 {
		t.Fatalf("%d articles", s.Articles)
	}
	if maxPending > chunkWindow(2) {
		t.Errorf("%d chunks waited for the slow one, want at most %d", maxPending, chunkWindow(2))
	}
}

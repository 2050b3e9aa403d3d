package gen

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/claimscan/claimscan/jobs/eval"
	"github.com/claimscan/claimscan/schema"
	"github.com/klauspost/compress/zstd"
)

type record struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
	Cluster   string `json:"cluster"`
}

func generate(t testing.TB, cfg Config) (art, gold []byte, st Stats) {
	t.Helper()
	var a, g bytes.Buffer
	st, err := Write(&a, &g, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return a.Bytes(), g.Bytes(), st
}

func TestDeterministic(t *testing.T) {
	cfg := Config{Size: 1 << 20, Seed: 42}
	a1, g1, s1 := generate(t, cfg)
	a2, g2, s2 := generate(t, cfg)
	if !bytes.Equal(a1, a2) || !bytes.Equal(g1, g2) || s1 != s2 {
		t.Fatal("two runs with the same seed and size differ")
	}
	a3, _, _ := generate(t, Config{Size: 1 << 20, Seed: 43})
	if bytes.Equal(a1, a3) {
		t.Fatal("different seeds give the same corpus")
	}
}

func TestSize(t *testing.T) {
	for _, size := range []int64{100_000, 1 << 20, 5_000_000} {
		art, gold, st := generate(t, Config{Size: size, Seed: 7})
		if st.Bytes != int64(len(art)) || st.GoldBytes != int64(len(gold)) {
			t.Errorf("size %d: stats say %d/%d bytes, wrote %d/%d", size, st.Bytes, st.GoldBytes, len(art), len(gold))
		}
		if d := float64(st.Bytes-size) / float64(size); d < -0.05 || d > 0.05 {
			t.Errorf("size %d: wrote %d bytes (%.1f%% off)", size, st.Bytes, 100*d)
		}
		if n := int64(bytes.Count(art, []byte("\n"))); n != st.Articles {
			t.Errorf("size %d: %d lines, stats say %d articles", size, n, st.Articles)
		}
		if n := int64(bytes.Count(gold, []byte("\n"))); n != st.Claims {
			t.Errorf("size %d: %d gold lines, stats say %d claims", size, n, st.Claims)
		}
	}
}

func parseArticles(t *testing.T, art []byte) []record {
	t.Helper()
	var out []record
	sc := bufio.NewScanner(bytes.NewReader(art))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if len(m) != 8 {
			t.Errorf("line %d: %d fields, want 8", n, len(m))
		}
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestArticles(t *testing.T) {
	art, _, st := generate(t, Config{Size: 4 << 20, Seed: 1})
	recs := parseArticles(t, art)
	ids := map[string]bool{}
	outlets := map[string]bool{}
	clusters := map[string]bool{}
	var total int
	for i, r := range recs {
		if r.ID == "" || r.Title == "" || r.Text == "" || r.Outlet == "" || r.URL == "" || r.Published == "" || r.Lang != "en" || r.Cluster == "" {
			t.Fatalf("article %d has an empty field: %+v", i, r)
		}
		if ids[r.ID] {
			t.Errorf("duplicate id %s", r.ID)
		}
		ids[r.ID] = true
		outlets[r.Outlet] = true
		clusters[r.Cluster] = true
		if !utf8.ValidString(r.Text) {
			t.Errorf("%s: invalid UTF-8", r.ID)
		}
		if !strings.HasPrefix(r.URL, "https://") {
			t.Errorf("%s: url %q", r.ID, r.URL)
		}
		if _, err := time.Parse(time.RFC3339, r.Published); err != nil {
			if _, err := time.Parse(time.DateOnly, r.Published); err != nil {
				t.Errorf("%s: published %q is neither RFC 3339 nor a date", r.ID, r.Published)
			}
		}
		n := len(r.Text)
		last := i == len(recs)-1
		if n > 14_000 || (n < 900 && !last) {
			t.Errorf("%s: text of %d bytes, want about 1-10 KB", r.ID, n)
		}
		total += n
	}
	if int64(len(recs)) != st.Articles {
		t.Errorf("%d records, stats say %d", len(recs), st.Articles)
	}
	if avg := total / len(recs); avg < 2500 || avg > 7000 {
		t.Errorf("average text length %d bytes", avg)
	}
	if len(outlets) < 100 {
		t.Errorf("only %d outlets in %d articles", len(outlets), len(recs))
	}
	if int64(len(clusters)) != st.Events {
		t.Errorf("%d clusters, stats say %d events", len(clusters), st.Events)
	}
}

func TestGold(t *testing.T) {
	art, goldBytes, _ := generate(t, Config{Size: 3 << 20, Seed: 9})
	texts := map[string]string{}
	for _, r := range parseArticles(t, art) {
		texts[r.ID] = r.Text
	}
	gold, err := eval.LoadGold(bytes.NewReader(goldBytes))
	if err != nil {
		t.Fatal(err)
	}
	perArticle := map[string]int{}
	preds := map[string]int{}
	forms := map[string]int{}
	var claims []schema.Claim
	for i, g := range gold {
		text, ok := texts[g.ArticleID]
		if !ok {
			t.Fatalf("gold %d: unknown article %q", i+1, g.ArticleID)
		}
		at := strings.Index(text, g.Quote)
		if g.Quote == "" || at < 0 {
			t.Fatalf("gold %d: quote %q not in article %s", i+1, g.Quote, g.ArticleID)
		}
		if g.Scope != "" && !strings.Contains(text, g.Scope) {
			t.Errorf("gold %d: scope %q not in article %s", i+1, g.Scope, g.ArticleID)
		}
		perArticle[g.ArticleID]++
		preds[g.Predicate]++
		q := strings.ToLower(g.Quote)
		for _, f := range []string{"more than", "about", "nearly", "up to", "between", "dozens of", "hundreds of thousands", "tens of thousands", "several", "a dozen", "million", "no one", "%", "$"} {
			if strings.Contains(q, f) {
				forms[f]++
			}
		}
		start := int32(utf8.RuneCountInString(text[:at]))
		c := schema.Claim{ArticleID: g.ArticleID, Kind: schema.KindQuantity, Quote: g.Quote,
			CharStart: start, CharEnd: start + int32(utf8.RuneCountInString(g.Quote)),
			Predicate: g.Predicate, Subject: g.Subject, Source: g.Source, ScopeText: g.Scope}
		if g.ValueLow != nil {
			c.ValueLow = schema.F(*g.ValueLow)
		}
		if g.ValueHigh != nil {
			c.ValueHigh = schema.F(*g.ValueHigh)
		}
		claims = append(claims, c)
	}
	for id := range texts {
		if perArticle[id] == 0 {
			t.Errorf("article %s has no gold claim", id)
		}
	}
	for _, p := range eval.Predicates {
		if preds[p] == 0 {
			t.Errorf("no gold claim with predicate %s", p)
		}
	}
	for _, f := range []string{"more than", "about", "nearly", "up to", "between", "dozens of", "several", "million", "no one", "%", "$"} {
		if forms[f] == 0 {
			t.Errorf("no gold quote with %q", f)
		}
	}
	// The gold file is consistent with the scorer: scored against itself
	// it is perfect.
	r := eval.ScoreWith(gold, claims, eval.Options{Texts: texts})
	if r.F1 != 1 || r.SourceAcc != 1 || r.SubjectAcc != 1 || r.ScopeAcc != 1 {
		t.Errorf("gold scored against itself: F1 %v source %v subject %v scope %v", r.F1, r.SourceAcc, r.SubjectAcc, r.ScopeAcc)
	}
}

func readMaybeZstd(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(path, ".zst") {
		return b
	}
	d, err := zstd.NewReader(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	out, err := d.DecodeAll(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRun(t *testing.T) {
	cfg := Config{Size: 1 << 20, Seed: 5}
	wantArt, wantGold, _ := generate(t, cfg)
	for _, z := range []bool{false, true} {
		cfg.Out = t.TempDir()
		cfg.Zstd = z
		st, err := Run(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		ext := ""
		if z {
			ext = ".zst"
		}
		if got := readMaybeZstd(t, filepath.Join(cfg.Out, ArticlesFile+ext)); !bytes.Equal(got, wantArt) {
			t.Errorf("zstd=%v: articles differ from Write's", z)
		}
		if got := readMaybeZstd(t, filepath.Join(cfg.Out, GoldFile+ext)); !bytes.Equal(got, wantGold) {
			t.Errorf("zstd=%v: gold differs from Write's", z)
		}
		if st.Bytes != int64(len(wantArt)) || st.Elapsed <= 0 {
			t.Errorf("zstd=%v: stats %+v", z, st)
		}
		entries, _ := os.ReadDir(cfg.Out)
		if len(entries) != 2 {
			t.Errorf("zstd=%v: %d files in the output directory, want 2", z, len(entries))
		}
	}
}

func TestRunCompressedReproducible(t *testing.T) {
	cfg := Config{Size: 2 << 20, Seed: 11, Zstd: true}
	var files [2][]byte
	for i := range files {
		cfg.Out = t.TempDir()
		if _, err := Run(context.Background(), cfg); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(cfg.Out, ArticlesFile+".zst"))
		if err != nil {
			t.Fatal(err)
		}
		files[i] = b
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two compressed runs differ")
	}
}

func TestCancel(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, Config{Size: 1 << 20, Seed: 1, Out: dir}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("cancelled run left %d files", len(entries))
	}

	// Cancel a large run while it is writing.
	dir = t.TempDir()
	ctx, cancel = context.WithCancel(context.Background())
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		_, err := Run(ctx, Config{Size: 1 << 40, Seed: 1, Out: dir})
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not stop after cancellation")
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("Run took %v to stop", time.Since(start))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("cancelled run left %d files", len(entries))
	}
}

func TestBadConfig(t *testing.T) {
	if _, err := Write(io.Discard, nil, Config{Size: 0}); !errors.Is(err, ErrConfig) {
		t.Errorf("size 0: err = %v", err)
	}
	if _, err := Run(context.Background(), Config{Size: 10}); !errors.Is(err, ErrConfig) {
		t.Errorf("no out: err = %v", err)
	}
}

func TestWriteWithoutGold(t *testing.T) {
	art, _, _ := generate(t, Config{Size: 500_000, Seed: 3})
	var a bytes.Buffer
	st, err := Write(&a, nil, Config{Size: 500_000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), art) || st.GoldBytes != 0 {
		t.Error("articles written without gold differ from those written with it")
	}
}

func TestParseSize(t *testing.T) {
	good := []struct {
		in   string
		want int64
	}{
		{"1048576", 1048576},
		{"500MB", 500_000_000},
		{"500 mb", 500_000_000},
		{"1GB", 1_000_000_000},
		{"1G", 1_000_000_000},
		{"4GiB", 4 << 30},
		{"1.5GB", 1_500_000_000},
		{"64KiB", 64 << 10},
		{"2k", 2000},
		{"10B", 10},
		{" 3MiB ", 3 << 20},
		{"1TB", 1_000_000_000_000},
	}
	for _, tc := range good {
		got, err := ParseSize(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "MB", "12XB", "-5MB", "1..2GB", "0", "0.1", "99999999TB"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) succeeded", in)
		}
	}
}

func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		v    int64
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {1238, "1,238"}, {1234567, "1,234,567"}} {
		if got := string(appendInt(nil, tc.v)); got != tc.want {
			t.Errorf("appendInt(%d) = %q, want %q", tc.v, got, tc.want)
		}
	}
	if got := string(appendWords(nil, 22)); got != "twenty-two" {
		t.Errorf("appendWords(22) = %q", got)
	}
	if roundDown(1238) != 1200 || roundUp(1238) != 1300 || roundNear(1250) != 1300 || roundUp(1200) != 1300 {
		t.Error("rounding")
	}
	for v, want := range map[int64][2]float64{5: {3, 9}, 50: {24, 99}, 500: {200, 999}, 5000: {2000, 9999}, 50000: {20000, 99999}, 500000: {200000, 999999}} {
		_, got := appendVague(nil, v)
		if got.lo != want[0] || got.hi != want[1] {
			t.Errorf("appendVague(%d) = %+v", v, got)
		}
	}
	if got := string(appendJSONString(nil, "a\"b\\c\nd\x01é")); got != `"a\"b\\c\nd\u0001é"` {
		t.Errorf("appendJSONString = %s", got)
	}
}

func BenchmarkWrite(b *testing.B) {
	const size = 32 << 20
	for _, withGold := range []bool{true, false} {
		name := "gold"
		if !withGold {
			name = "nogold"
		}
		b.Run(name, func(b *testing.B) {
			var gold io.Writer
			if withGold {
				gold = io.Discard
			}
			b.SetBytes(size)
			var arts int64
			for i := 0; b.Loop(); i++ {
				st, err := Write(io.Discard, gold, Config{Size: size, Seed: uint64(i)})
				if err != nil {
					b.Fatal(err)
				}
				arts += st.Articles
			}
			b.ReportMetric(float64(arts)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

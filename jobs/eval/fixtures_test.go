package eval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/schema"
)

// sampleTexts reads the embedded sample corpus the way the run names its
// articles: JSONL ids, and paths relative to the sample root for
// one-article files.
func sampleTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{}
	add := func(id, text string) {
		if _, dup := texts[id]; dup {
			t.Errorf("duplicate article id %q", id)
		}
		if !utf8.ValidString(text) || strings.TrimSpace(text) == "" {
			t.Errorf("article %q: empty or invalid UTF-8 text", id)
		}
		texts[id] = text
	}
	err := fs.WalkDir(fixtures.Sample, fixtures.SampleRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(p, fixtures.SampleRoot+"/")
		b, err := fixtures.Sample.ReadFile(p)
		if err != nil {
			return err
		}
		switch {
		case strings.HasSuffix(p, ".txt"), strings.HasSuffix(p, ".md"):
			add(rel, string(b))
			return nil
		case strings.HasSuffix(p, ".jsonl.gz"):
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				return err
			}
			if b, err = io.ReadAll(zr); err != nil {
				return err
			}
		case strings.HasSuffix(p, ".jsonl"):
		default:
			t.Errorf("unexpected file %s in the sample corpus", p)
			return nil
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(nil, 1<<20)
		for n := 1; sc.Scan(); n++ {
			var rec map[string]any
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Errorf("%s:%d: %v", p, n, err)
				continue
			}
			for _, k := range []string{"id", "title", "outlet", "url", "published", "lang", "cluster"} {
				if s, _ := rec[k].(string); s == "" {
					t.Errorf("%s:%d: field %q missing", p, n, k)
				}
			}
			text, _ := rec["text"].(string)
			if text == "" {
				text, _ = rec["body"].(string)
			}
			add(rec["id"].(string), text)
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

func loadFixtureGold(t *testing.T, name string) []Gold {
	t.Helper()
	g, err := LoadGoldFile(filepath.Join(fixtures.Root(), "gold", name))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// checkGoldAgainst checks that every gold item names an article of texts and
// quotes it, and that scoring the gold items as predictions is perfect.
func checkGoldAgainst(t *testing.T, g []Gold, texts map[string]string) {
	t.Helper()
	var claims []schema.Claim
	for i, it := range g {
		text, ok := texts[it.ArticleID]
		if !ok {
			t.Errorf("gold %d: unknown article %q", i+1, it.ArticleID)
			continue
		}
		b := strings.Index(text, it.Quote)
		if b < 0 {
			t.Errorf("gold %d: quote %q not in %s", i+1, it.Quote, it.ArticleID)
			continue
		}
		start := int32(utf8.RuneCountInString(text[:b]))
		c := schema.Claim{
			ArticleID: it.ArticleID, Kind: schema.KindQuantity, Quote: it.Quote,
			CharStart: start, CharEnd: start + int32(utf8.RuneCountInString(it.Quote)),
			Predicate: it.Predicate, Subject: it.Subject, Source: it.Source, ScopeText: it.Scope,
		}
		if it.ValueLow != nil {
			c.ValueLow = schema.F(*it.ValueLow)
		}
		if it.ValueHigh != nil {
			c.ValueHigh = schema.F(*it.ValueHigh)
		}
		claims = append(claims, c)
	}
	r := ScoreWith(g, claims, Options{Texts: texts})
	if r.F1 != 1 || r.SourceAcc != 1 || r.SubjectAcc != 1 {
		var buf bytes.Buffer
		r.WriteText(&buf)
		t.Errorf("gold scored against itself is not perfect:\n%s", buf.String())
	}
}

func TestSampleGold(t *testing.T) {
	texts := sampleTexts(t)
	if len(texts) < 30 {
		t.Errorf("sample corpus has %d articles, want at least 30", len(texts))
	}
	g := loadFixtureGold(t, "sample.jsonl")
	checkGoldAgainst(t, g, texts)
	seen := map[string]bool{}
	for _, it := range g {
		seen[it.ArticleID] = true
	}
	for id := range texts {
		if !seen[id] {
			t.Errorf("article %s has no gold line", id)
		}
	}
}

func TestSeedGold(t *testing.T) {
	dir, ok := fixtures.Shared("corpora/seeds")
	if !ok {
		t.Skip("shared seeds corpus not present")
	}
	g := loadFixtureGold(t, "seeds.jsonl")
	texts := map[string]string{}
	for _, it := range g {
		b, err := os.ReadFile(path.Join(dir, it.ArticleID))
		if err != nil {
			t.Fatal(err)
		}
		texts[it.ArticleID] = string(b)
	}
	if len(texts) != 2 || len(g) != 8 {
		t.Errorf("seeds gold: %d items on %d articles, want 8 on 2", len(g), len(texts))
	}
	checkGoldAgainst(t, g, texts)
}

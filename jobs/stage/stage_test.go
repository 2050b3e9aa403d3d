package stage

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/jobs/extract"
	"github.com/claimscan/claimscan/jobs/input"
	"github.com/claimscan/claimscan/schema"
)

// records reads a JSONL file of lines into records, as a run does.
func records(t *testing.T, lines ...string) []input.Record {
	t.Helper()
	path := filepath.Join(t.TempDir(), "a.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := input.FileAt(path, "", "")
	if err != nil {
		t.Fatal(err)
	}
	var recs []input.Record
	if _, err := f.Read(context.Background(), input.Options{MaxBytes: 1 << 20}, func(r input.Record) error {
		recs = append(recs, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestProcess checks the per-record stage: claims with keys, a known text
// left out, an empty text not extracted, and a panic of the extractor
// turned into the record's parse_error row.
func TestProcess(t *testing.T) {
	recs := records(t,
		`{"id":"a","text":"Police said 12 people were killed in the blast in Riverton on Monday."}`,
		`{"id":"b","text":"Officials said 3 people died."}`,
		`{"id":"c","text":"  "}`,
		`{"text":"Police said 9 people were hurt."}`)
	var known [32]byte
	calls := 0
	p := &Processor{
		Known: func(h [32]byte) bool { return h == known },
		Extract: func(a extract.Article) extract.Result {
			calls++
			if strings.HasSuffix(a.ID, "a.jsonl#L4") {
				panic("boom")
			}
			return extract.Extract(a)
		},
	}
	known = recs[1].Article(p.Latest).SHA256

	a := p.Process(recs[0])
	if a.Article.Status != schema.StatusOK || len(a.Claims) == 0 || int(a.Article.NClaims) != len(a.Claims) || a.Known {
		t.Fatalf("a: %+v", a)
	}
	for _, c := range a.Claims {
		if c.ArticleID != "a" || (c.Kind == schema.KindQuantity && c.ClaimKey == "") {
			t.Errorf("a: claim %+v", c)
		}
	}
	if b := p.Process(recs[1]); !b.Known || b.Claims != nil {
		t.Errorf("b: %+v, want known", b)
	}
	if c := p.Process(recs[2]); c.Article.Status != schema.StatusEmpty || c.Claims != nil {
		t.Errorf("c: %+v, want empty", c)
	}
	d := p.Process(recs[3])
	if calls != 2 {
		t.Errorf("extractor called %d times, want twice (a, d)", calls)
	}
	if d.Article.Status != schema.StatusParseError || d.Article.ArticleID == "" || !strings.Contains(d.Article.Error, "boom") {
		t.Errorf("d: %+v, want the panic as parse_error", d.Article)
	}
}

// TestLimitsNote checks the error column's note on the claims the limits
// left out.
func TestLimitsNote(t *testing.T) {
	if n := limitsNote(extract.Limits{}, 10); n != "" {
		t.Errorf("no limit reached: %q", n)
	}
	n := limitsNote(extract.Limits{CutSentences: 2, CutClaims: 7, StoppedAt: 40}, 90)
	for _, want := range []string{"2 sentences held more than 32 claims", "7 claims dropped", "from sentences 1 to 40 of 90"} {
		if !strings.Contains(n, want) {
			t.Errorf("note %q lacks %q", n, want)
		}
	}
}

// TestIDs checks the duplicate rule: the first record of an id keeps it.
func TestIDs(t *testing.T) {
	ids := NewIDs()
	var got []bool
	for _, id := range []string{"a", "b", "a", "", "", "a"} {
		got = append(got, ids.Duplicate(id))
	}
	want := []bool{false, false, true, false, true, true}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Duplicate: %v, want %v", got, want)
		}
	}
	a := schema.Article{Status: schema.StatusOK, NClaims: 4}
	MarkDuplicate(&a)
	if a.Status != schema.StatusDuplicateID || a.NClaims != 0 || a.Error == "" {
		t.Errorf("MarkDuplicate: %+v", a)
	}
}

// TestConflicts checks the conflicts stage: claims without a key are not
// compared, two values of one key that differ make a conflict, and Close
// removes the spill directory.
func TestConflicts(t *testing.T) {
	spill := filepath.Join(t.TempDir(), "spill")
	s, err := NewConflicts(0.1, spill)
	if err != nil {
		t.Fatal(err)
	}
	p := &Processor{}
	var claims []schema.Claim
	for _, rec := range records(t,
		`{"id":"a1","text":"Police said 12 people were killed in the blast in Riverton.","published":"2024-05-01"}`,
		`{"id":"a2","text":"The Red Cross said 30 people were killed in the blast in Riverton.","published":"2024-05-01"}`) {
		claims = append(claims, p.Process(rec).Claims...)
	}
	keyless := schema.Claim{ClaimID: "c3", ArticleID: "a3", Kind: schema.KindQuantity}
	claims = append(claims, keyless)
	if _, ok := ConflictItem(&keyless); ok {
		t.Error("a claim without key is compared")
	}
	for i := range claims {
		if err := s.Add(&claims[i]); err != nil {
			t.Fatal(err)
		}
	}
	var rows []schema.Conflict
	if err := s.Run(context.Background(), func(r []schema.Conflict) error {
		rows = append(rows, r...)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if len(rows) != 1 || rows[0].ArticleIDA == rows[0].ArticleIDB {
		t.Errorf("conflicts %+v, want one between a1 and a2", rows)
	}
	if _, err := os.Stat(spill); !os.IsNotExist(err) {
		t.Errorf("spill directory left: %v", err)
	}
}

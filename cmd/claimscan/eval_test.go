package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/jobs"
	"github.com/claimscan/claimscan/schema"
)

// devRun is the whole job run over the articles of a gold file in the
// development set's format (runDevSet); devDataset's, over
// ../shared/eval-dev, is run once and shared by the tests below.
type devRun struct {
	dir, gold, corpus, out string
	err                    string // why the run is not there: the test skips or fails with it
	skip                   bool
}

var (
	devOnce sync.Once
	devRes  devRun
)

// devDataset writes the development set's corpus as score.py's "corpus"
// command does (the articles of gold.jsonl from the GVA and ECB+ corpora,
// and the seed files) and runs the job on it, once per test binary.
func devDataset(t *testing.T) devRun {
	t.Helper()
	devOnce.Do(func() {
		dir, ok := fixtures.Shared("eval-dev")
		if !ok {
			devRes = devRun{skip: true, err: "shared eval-dev set not present"}
			return
		}
		tmp, err := os.MkdirTemp("", "claimscan-devset")
		if err != nil {
			devRes = devRun{err: err.Error()}
			return
		}
		d, err := runDevSet(filepath.Join(dir, "gold.jsonl"), tmp)
		if err != nil {
			devRes = devRun{err: err.Error()}
			return
		}
		devRes = d
	})
	if devRes.skip {
		t.Skip(devRes.err)
	}
	if devRes.err != "" {
		t.Fatal(devRes.err)
	}
	return devRes
}

// runDevSet writes the articles the gold file names (fixtures.DevCorpus),
// with their clusters, as one JSONL corpus in tmp and runs the job on it.
func runDevSet(gold, tmp string) (devRun, error) {
	d := devRun{dir: filepath.Dir(gold), gold: gold, corpus: filepath.Join(tmp, "corpus.jsonl"), out: filepath.Join(tmp, "out")}
	recs, _, err := fixtures.DevCorpus(gold)
	if err == nil {
		err = fixtures.WriteJSONL(d.corpus, recs)
	}
	if err == nil {
		_, err = jobs.Run(context.Background(), jobs.Config{Paths: []string{d.corpus}, Out: d.out})
	}
	return d, err
}

// evalJSON runs "claimscan eval --json" on the run of a development set
// and returns its figures.
func evalJSON(t *testing.T, d devRun) map[string]any {
	t.Helper()
	code, stdout, stderr := runCLI(t, "eval", "--json", "--gold", d.gold, d.out)
	if code != exitOK {
		t.Fatalf("eval exit %d: %s", code, stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, stdout)
	}
	return got
}

// TestEvalDevSetMatchesScorePy runs the reference scorer of the
// development set (score.py claims and score.py numbers) and claimscan eval
// on the same dataset and requires the same figures, conflicts included.
func TestEvalDevSetMatchesScorePy(t *testing.T) {
	d := devDataset(t)
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not found")
	}
	ctx := context.Background()
	claims, err := jobs.Load(ctx, d.out, schema.Claims)
	if err != nil {
		t.Fatal(err)
	}
	conflicts, err := jobs.Load(ctx, d.out, schema.Conflicts)
	if err != nil {
		t.Fatal(err)
	}
	cs := make([]map[string]any, len(claims))
	for i := range claims {
		c := &claims[i]
		cs[i] = map[string]any{"claim_id": c.ClaimID, "article_id": c.ArticleID, "char_start": c.CharStart, "char_end": c.CharEnd,
			"kind": c.Kind, "predicate": c.Predicate, "source": c.Source,
			"value_low": jsonFloat(c.ValueLow), "value_best": jsonFloat(c.ValueBest), "value_high": jsonFloat(c.ValueHigh)}
	}
	ks := make([]map[string]any, len(conflicts))
	for i := range conflicts {
		k := &conflicts[i]
		ks[i] = map[string]any{"conflict_id": k.ConflictID, "claim_id_a": k.ClaimIDA, "claim_id_b": k.ClaimIDB, "kind": k.Kind, "severity": k.Severity}
	}
	ref, err := fixtures.ScorePy(t.TempDir(), filepath.Join(d.dir, "score.py"), d.corpus, cs, ks)
	if err != nil {
		t.Fatal(err)
	}
	got := evalJSON(t, d)
	keys := make([]string, 0, len(ref))
	for k := range ref {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range []string{"precision", "recall", "predicate_acc", "source_acc", "conflict_recall", "conflict_precision", "trap_hits", "top30_precision", "value_in_span"} {
		if _, ok := ref[k]; !ok {
			t.Errorf("score.py gave no %s", k)
		}
	}
	for _, k := range keys {
		if got[k] != ref[k] {
			t.Errorf("%s: claimscan eval %v, score.py %v", k, got[k], ref[k])
		}
	}
	t.Logf("score.py: %v", ref)
}

func jsonFloat(f schema.Float) any {
	if !f.Valid {
		return nil
	}
	return f.V
}

// TestDevSetFloors holds the development set's figures where they stand:
// each floor is the figure measured when it was last raised, so a change
// may move them up, never down. The targets (#13) are in the
// comments; a floor at or above its target says so.
func TestDevSetFloors(t *testing.T) {
	d := devDataset(t)
	got := evalJSON(t, d)
	floors := []struct {
		key   string
		floor float64
	}{
		// Where the figures stand (all above #13's targets, in brackets;
		// before #13: 0.675, 0.886, 0.827, 0.735, 0.897). The conflict
		// figures are left to the conflict detector's own tests.
		{"precision", 0.922},     // measured (target 0.90)
		{"recall", 0.972},        // measured (target 0.93)
		{"predicate_acc", 0.960}, // measured (target 0.92)
		{"source_acc", 0.919},    // measured (target 0.90)
		{"value_in_span", 0.972}, // measured (target 0.97)
	}
	for _, f := range floors {
		v, ok := got[f.key].(float64)
		if !ok {
			t.Errorf("%s missing from eval --json", f.key)
			continue
		}
		if v < f.floor {
			t.Errorf("%s = %.3f, below its floor %.3f", f.key, v, f.floor)
		}
	}
	t.Logf("dev set: precision %v recall %v predicate_acc %v source_acc %v value_in_span %v", got["precision"], got["recall"], got["predicate_acc"], got["source_acc"], got["value_in_span"])
}

// TestExtraSetFloors scores a run on the articles of fixtures/eval-extra
// (annotated in the development set's format, texts in ../shared) and
// holds its figures where they stood when the set was written (#13): a
// change may move them up, never down.
func TestExtraSetFloors(t *testing.T) {
	if _, ok := fixtures.Shared("corpora/gva-semeval2018/articles.jsonl"); !ok {
		t.Skip("shared GVA corpus not present")
	}
	d, err := runDevSet(filepath.Join(fixtures.Root(), "eval-extra", "gold.jsonl"), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	got := evalJSON(t, d)
	if got["gold_claims"] != float64(17) {
		t.Errorf("gold_claims %v, want 17", got["gold_claims"])
	}
	if _, ok := got["conflict_recall"]; ok {
		t.Errorf("conflict figures without a conflicts.jsonl: %v", got)
	}
	for key, floor := range map[string]float64{
		// where the figures stood when the set was written
		"precision": 1, "recall": 1, "predicate_acc": 0.882, "source_acc": 0.941,
	} {
		if v, _ := got[key].(float64); v < floor {
			t.Errorf("%s = %.3f, below its floor %.3f", key, v, floor)
		}
	}
	t.Logf("extra set: %v", got)
}

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

var update = flag.Bool("update", false, "rewrite the golden tables in fixtures/golden")

// TestGolden runs the job over the sample corpus and compares every table,
// as sorted JSON lines, with fixtures/golden/<table>.jsonl. Run
// `make golden` to rewrite them after a deliberate change, and review the
// diff.
func TestGolden(t *testing.T) {
	dir := runSample(t, 2, 0)
	for _, table := range schema.TableNames {
		got := dumpTable(t, dir, table)
		path := filepath.Join(fixtures.Root(), "golden", table+".jsonl")
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run `make golden` to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; run `make golden` if the change is deliberate, and review the diff.\n%s",
				table, path, firstDiff(got, want))
		}
	}
}

// dumpTable returns a table's rows as JSON objects, one a line, sorted.
func dumpTable(t *testing.T, dir, table string) []byte {
	t.Helper()
	var lines []string
	err := output.ReadTable(context.Background(), dir, table, func(rec arrow.RecordBatch) error {
		data, err := rec.MarshalJSON()
		if err != nil {
			return err
		}
		var rows []json.RawMessage
		if err := json.Unmarshal(data, &rows); err != nil {
			return err
		}
		for _, r := range rows {
			var buf bytes.Buffer
			if err := json.Compact(&buf, r); err != nil {
				return err
			}
			lines = append(lines, buf.String())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	var out bytes.Buffer
	for _, l := range lines {
		out.WriteString(l)
		out.WriteByte('\n')
	}
	return out.Bytes()
}

func firstDiff(got, want []byte) string {
	g := bytes.Split(got, []byte("\n"))
	w := bytes.Split(want, []byte("\n"))
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b []byte
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if !bytes.Equal(a, b) {
			return "first difference at line " + strconv.Itoa(i+1) + ":\n got: " + string(a) + "\nwant: " + string(b)
		}
	}
	return ""
}

package jobs

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/claimscan/claimscan/schema"
)

// TestTextMustBeString: a number where the text should be makes the record
// a parse_error, in JSONL and in a Parquet column of integers alike; only
// the id may be a number.
func TestTextMustBeString(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.jsonl"), []byte(`{"id":"j1","text":17}`+"\n"+`{"id":"j2","text":"Police said 3 people were hurt."}`+"\n"))
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "id", Type: arrow.PrimitiveTypes.Int64},
		{Name: "text", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
	}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, sc)
	defer b.Release()
	b.Field(0).(*array.Int64Builder).AppendValues([]int64{41, 42}, nil)
	b.Field(1).(*array.Int64Builder).AppendValues([]int64{17, 0}, []bool{true, false})
	rec := b.NewRecordBatch()
	defer rec.Release()
	f, err := os.Create(filepath.Join(dir, "b.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	fw, err := pqarrow.NewFileWriter(sc, f, nil, pqarrow.NewArrowWriterProperties())
	if err != nil {
		t.Fatal(err)
	}
	if err := fw.Write(rec); err != nil {
		t.Fatal(err)
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if _, err := Run(context.Background(), Config{Paths: []string{dir}, Out: out}); err != nil {
		t.Fatal(err)
	}
	arts := readArticles(t, out)
	for id, st := range map[string]string{
		filepath.Join(dir, "a.jsonl") + "#L1": schema.StatusParseError,
		"j2":                                  schema.StatusOK,
		"41":                                  schema.StatusParseError,
		"42":                                  schema.StatusEmpty, // a null text, as a JSONL null
	} {
		if a, ok := arts[id]; !ok || a.Status != st {
			t.Errorf("%s: %+v, want status %s (rows: %d)", id, a, st, len(arts))
		}
	}
	if e := arts["41"].Error; !strings.Contains(e, "text: a int64 column, not a string") {
		t.Errorf("41: error %q", e)
	}
}

// TestNumericIDIsItsDigits: a numeric id is written as its digits, so 17
// and "17" are one id, and the second record is a duplicate_id (as the
// README says).
func TestNumericIDIsItsDigits(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.jsonl")
	writeFile(t, in, []byte(`{"id":17,"text":"Police said 3 people were hurt."}`+"\n"+`{"id":"17","text":"Officials said 5 people died."}`+"\n"))
	out := filepath.Join(dir, "out")
	if _, err := Run(context.Background(), Config{Paths: []string{in}, Out: out}); err != nil {
		t.Fatal(err)
	}
	arts := readArticles(t, out)
	if arts["17"].Status != schema.StatusOK || arts["17"].Line != 1 || arts["17#dup"].Status != schema.StatusDuplicateID {
		t.Errorf("rows: %+v", arts)
	}
}

// TestTruncatedCompressedRows: a compressed JSONL file cut inside its
// second line gives the first record and one read_error row at line 2, as
// the README says: the cut line is not a record of its own.
func TestTruncatedCompressedRows(t *testing.T) {
	good := jsonLine("k1", "Police said 3 people were hurt.")
	// Long enough for several zstd blocks (128 KiB each), so the first
	// decodes before the cut.
	var b strings.Builder
	for i := 0; b.Len() < 400_000; i++ {
		fmt.Fprintf(&b, "Officials said %d people died. ", i)
	}
	second := jsonLine("k2", b.String())
	third := jsonLine("k3", "Police said 4 people were hurt.")
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"a.jsonl.gz", gz(t, good+second+third)},
		{"a.jsonl.zst", zst(t, good+second+third)},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, c.name)
			// Cut well inside the second line's compressed bytes.
			cut := c.data[:len(c.data)*2/3]
			writeFile(t, in, cut)
			out := filepath.Join(dir, "out")
			if _, err := Run(context.Background(), Config{Paths: []string{in}, Out: out}); err != nil {
				t.Fatal(err)
			}
			arts := readArticles(t, out)
			rowErr, ok := arts[in+"#L2"]
			if len(arts) != 2 || arts["k1"].Status != schema.StatusOK || !ok || rowErr.Status != schema.StatusReadError ||
				!strings.Contains(rowErr.Error, "rest of the file is unread") {
				t.Errorf("rows: %+v", arts)
			}
		})
	}
}

package output

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// TestPartWriterSameBytes checks that a part written to an io.Writer is
// the file a Writer's Part writes from the same batches, with the same
// size and sha256.
func TestPartWriterSameBytes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ds")
	m := writeDataset(t, dir, false)
	want := m.Tables["things"].Parts[1]
	file, err := os.ReadFile(filepath.Join(dir, want.Path))
	if err != nil {
		t.Fatal(err)
	}

	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	var buf bytes.Buffer
	pw, err := NewPartWriter(&buf, testSchema, Options{RowGroupRows: 100})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ { // part 1 of writeDataset
		rec := makeBatch(t, mem, 1000+i*70, 70)
		if err := pw.Write(rec); err != nil {
			t.Fatal(err)
		}
		rec.Release()
	}
	got, err := pw.Close()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), file) {
		t.Errorf("%d bytes written to the io.Writer differ from the %d of %s", buf.Len(), len(file), want.Path)
	}
	if got.Rows != want.Rows || got.Bytes != want.Bytes || got.SHA256 != want.SHA256 {
		t.Errorf("part info %+v, want %+v", got, want)
	}
}

// TestCommitDir commits a temporary directory filled by hand, replacing a
// previous dataset only with overwrite.
func TestCommitDir(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "ds")
	fill := func() string {
		tmp, err := os.MkdirTemp(root, ".ds.tmp-")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(tmp, "things"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, PartName("things", 0)), []byte("part"), 0o644); err != nil {
			t.Fatal(err)
		}
		return tmp
	}
	if err := CommitDir(fill(), dir, false, []byte("{}\n")); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(filepath.Join(dir, ManifestName)); err != nil || string(data) != "{}\n" {
		t.Fatalf("manifest %q, %v", data, err)
	}
	tmp := fill()
	if err := CommitDir(tmp, dir, false, []byte("{}\n")); !errors.Is(err, ErrExists) {
		t.Errorf("commit over a dataset without overwrite: %v", err)
	}
	if err := CommitDir(tmp, dir, true, []byte(`{"n":2}`)); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, ManifestName)); string(data) != `{"n":2}` {
		t.Errorf("manifest after overwrite %q", data)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("%d entries beside the dataset, want none", len(entries)-1)
	}
	if err := CheckTarget(dir, false); !errors.Is(err, ErrExists) {
		t.Errorf("CheckTarget on a dataset: %v", err)
	}
	if err := CheckTarget(filepath.Join(root, "new"), false); err != nil {
		t.Errorf("CheckTarget on a new path: %v", err)
	}
}

// TestReadPart reads a part from memory, as a part fetched from an
// engine's file system is read.
func TestReadPart(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	var buf bytes.Buffer
	pw, err := NewPartWriter(&buf, testSchema, Options{RowGroupRows: 100})
	if err != nil {
		t.Fatal(err)
	}
	rec := makeBatch(t, mem, 5, 250)
	if err := pw.Write(rec); err != nil {
		t.Fatal(err)
	}
	rec.Release()
	if _, err := pw.Close(); err != nil {
		t.Fatal(err)
	}
	var rows, first int64 = 0, -1
	err = ReadPart(context.Background(), bytes.NewReader(buf.Bytes()), func(r arrow.RecordBatch) error {
		if first < 0 {
			first = r.Column(0).(*array.Int64).Value(0)
		}
		rows += r.NumRows()
		return nil
	})
	if err != nil || rows != 250 || first != 5 {
		t.Errorf("read %d rows, first id %d, %v", rows, first, err)
	}
	if err := ReadPart(context.Background(), bytes.NewReader([]byte("not parquet")), func(arrow.RecordBatch) error { return nil }); err == nil {
		t.Error("garbage read as a part")
	}
}

// TestPartWriterSchemaMismatch checks that a batch of another schema is
// refused, not written into the part's columns.
func TestPartWriterSchemaMismatch(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	var buf bytes.Buffer
	pw, err := NewPartWriter(&buf, textSchema, Options{RowGroupRows: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer pw.Abandon()
	rec := makeBatch(t, mem, 0, 10)
	defer rec.Release()
	if err := pw.Write(rec); err == nil || !strings.Contains(err.Error(), "does not match") {
		t.Errorf("Write of a batch of another schema: error %v, want a schema mismatch", err)
	}
}

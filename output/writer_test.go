package output

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	pq "github.com/parquet-go/parquet-go"
)

var testSchema = arrow.NewSchema([]arrow.Field{
	{Name: "id", Type: arrow.PrimitiveTypes.Int64},
	{Name: "label", Type: &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}},
}, nil)

func makeBatch(t testing.TB, mem memory.Allocator, from, n int) arrow.RecordBatch {
	b := array.NewRecordBuilder(mem, testSchema)
	defer b.Release()
	for i := from; i < from+n; i++ {
		b.Field(0).(*array.Int64Builder).Append(int64(i))
		if err := b.Field(1).(*array.BinaryDictionaryBuilder).AppendString(fmt.Sprintf("label-%d", i%3)); err != nil {
			t.Fatal(err)
		}
	}
	return b.NewRecordBatch()
}

func writeDataset(t *testing.T, dir string, overwrite bool) *Manifest {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	w, err := Create(dir, overwrite, Options{RowGroupRows: 100})
	if err != nil {
		t.Fatal(err)
	}
	for part := 0; part < 2; part++ {
		p, err := w.NewPart("things", part, testSchema)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 3; i++ {
			rec := makeBatch(t, mem, part*1000+i*70, 70)
			if err := p.Write(rec); err != nil {
				t.Fatal(err)
			}
			rec.Release()
		}
		if _, err := p.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ManifestName)); err == nil && !overwrite {
		t.Fatalf("%s exists before Commit", dir)
	}
	m := &Manifest{Tool: "test"}
	m.SetParts(w.Parts())
	data, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(data); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestWriteReadBack(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ds")
	m := writeDataset(t, dir, false)
	if got := m.Tables["things"].Rows; got != 420 {
		t.Fatalf("manifest rows = %d, want 420", got)
	}
	if n := len(m.Tables["things"].Parts); n != 2 {
		t.Fatalf("parts = %d, want 2", n)
	}
	// Read back with our reader.
	var ids []int64
	err := ReadTable(context.Background(), dir, "things", func(rec arrow.RecordBatch) error {
		col := rec.Column(0).(*array.Int64)
		for i := 0; i < col.Len(); i++ {
			ids = append(ids, col.Value(i))
		}
		if _, ok := rec.Column(1).(*array.Dictionary); !ok {
			return fmt.Errorf("label came back as %T, want a dictionary (stored schema)", rec.Column(1))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 420 || ids[0] != 0 || ids[209] != 209 || ids[210] != 1000 {
		t.Fatalf("ids read back wrong: n=%d", len(ids))
	}
	// And with the independent reader: row groups of at most 100 rows, zstd.
	for _, part := range m.Tables["things"].Parts {
		f, err := os.Open(filepath.Join(dir, part.Path))
		if err != nil {
			t.Fatal(err)
		}
		st, _ := f.Stat()
		if st.Size() != part.Bytes {
			t.Errorf("%s: size %d, manifest says %d", part.Path, st.Size(), part.Bytes)
		}
		pf, err := pq.OpenFile(f, st.Size())
		if err != nil {
			t.Fatal(err)
		}
		if pf.NumRows() != 210 {
			t.Errorf("%s: %d rows, want 210", part.Path, pf.NumRows())
		}
		for _, rg := range pf.RowGroups() {
			if rg.NumRows() > 100 {
				t.Errorf("row group of %d rows, want <= 100", rg.NumRows())
			}
		}
		codec := pf.Metadata().RowGroups[0].Columns[0].MetaData.Codec
		if codec.String() != "ZSTD" {
			t.Errorf("codec %v, want ZSTD", codec)
		}
		f.Close()
	}
	// No temporary directory left beside the dataset.
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("parent holds %d entries, want only the dataset", len(entries))
	}
}

func TestDeterministicBytes(t *testing.T) {
	a := filepath.Join(t.TempDir(), "a")
	b := filepath.Join(t.TempDir(), "b")
	ma := writeDataset(t, a, false)
	mb := writeDataset(t, b, false)
	for i, p := range ma.Tables["things"].Parts {
		if p.SHA256 != mb.Tables["things"].Parts[i].SHA256 {
			t.Errorf("%s differs between two identical writes", p.Path)
		}
		x, _ := os.ReadFile(filepath.Join(a, p.Path))
		y, _ := os.ReadFile(filepath.Join(b, p.Path))
		if !bytes.Equal(x, y) {
			t.Errorf("%s bytes differ", p.Path)
		}
	}
}

func TestExistingOutput(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "ds")
	writeDataset(t, dir, false)

	if _, err := Create(dir, false, Options{}); !errors.Is(err, ErrExists) {
		t.Fatalf("Create over a dataset without overwrite: %v, want ErrExists", err)
	}
	// Overwrite replaces it.
	if err := os.WriteFile(filepath.Join(dir, "stale.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeDataset(t, dir, true)
	if _, err := os.Stat(filepath.Join(dir, "stale.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("old content survived overwrite")
	}
	// A non-empty directory that is not a dataset is never replaced.
	other := filepath.Join(root, "home")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("keep"), 0o644)
	if _, err := Create(other, true, Options{}); !errors.Is(err, ErrExists) {
		t.Fatalf("Create over a non-dataset dir with overwrite: %v, want ErrExists", err)
	}
	// An empty directory is fine.
	empty := filepath.Join(root, "empty")
	os.MkdirAll(empty, 0o755)
	writeDataset(t, empty, false)
	if _, err := os.Stat(filepath.Join(empty, ManifestName)); err != nil {
		t.Errorf("dataset not written into empty dir: %v", err)
	}
}

func TestAbortLeavesNothing(t *testing.T) {
	root := t.TempDir()
	w, err := Create(filepath.Join(root, "ds"), false, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mem := memory.NewGoAllocator()
	rec := makeBatch(t, mem, 0, 10)
	defer rec.Release()
	if _, err := w.WritePart("things", 0, testSchema, rec); err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 0 {
		t.Errorf("Abort left %d entries", len(entries))
	}
}

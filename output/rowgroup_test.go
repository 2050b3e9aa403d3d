package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/file"
)

var textSchema = arrow.NewSchema([]arrow.Field{
	{Name: "label", Type: &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}},
	{Name: "text", Type: arrow.BinaryTypes.String},
	{Name: "key", Type: arrow.BinaryTypes.String},
}, nil)

// TestRowGroupsOneDictionary writes batches whose dictionaries differ (each
// brings labels the others lack) and checks that every data page of the
// dictionary column is still dictionary-encoded, that row groups are cut at
// RowGroupRows whatever the batch sizes, and that NoStats columns carry no
// statistics while the others do.
func TestRowGroupsOneDictionary(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	var buf bytes.Buffer
	pw, err := NewPartWriter(&buf, textSchema, Options{RowGroupRows: 100, NoStats: []string{"text"}, Mem: mem})
	if err != nil {
		t.Fatal(err)
	}
	const batches, per = 7, 30
	for k := 0; k < batches; k++ {
		b := array.NewRecordBuilder(mem, textSchema)
		for i := 0; i < per; i++ {
			n := k*per + i
			if err := b.Field(0).(*array.BinaryDictionaryBuilder).AppendString(fmt.Sprintf("label-%d-%d", k, i%4)); err != nil {
				t.Fatal(err)
			}
			b.Field(1).(*array.StringBuilder).Append(fmt.Sprintf("sentence number %d", n))
			b.Field(2).(*array.StringBuilder).Append(fmt.Sprintf("k%04d", n))
		}
		rec := b.NewRecordBatch()
		b.Release()
		if err := pw.Write(rec); err != nil {
			t.Fatal(err)
		}
		rec.Release()
	}
	info, err := pw.Close()
	if err != nil {
		t.Fatal(err)
	}
	if info.Rows != batches*per {
		t.Fatalf("rows = %d, want %d", info.Rows, batches*per)
	}

	r, err := file.NewParquetReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	md := r.MetaData()
	var sizes []int64
	for g := 0; g < md.NumRowGroups(); g++ {
		rg := md.RowGroup(g)
		sizes = append(sizes, rg.NumRows())
		for c := 0; c < rg.NumColumns(); c++ {
			cc, err := rg.ColumnChunk(c)
			if err != nil {
				t.Fatal(err)
			}
			name := cc.PathInSchema().String()
			if name == "label" {
				for _, es := range cc.EncodingStats() {
					if es.Encoding == parquet.Encodings.Plain && es.PageType != 2 /* dictionary page */ {
						t.Errorf("row group %d: a data page of %s is plain-encoded: its batches' dictionaries were not merged", g, name)
					}
				}
			}
			set, err := cc.StatsSet()
			if err != nil {
				t.Fatal(err)
			}
			if want := name != "text"; set != want {
				t.Errorf("row group %d: column %s has statistics %v, want %v", g, name, set, want)
			}
		}
	}
	if fmt.Sprint(sizes) != "[100 100 10]" {
		t.Errorf("row groups of %v rows, want [100 100 10]", sizes)
	}

	// The values read back are the values written, in order.
	got := 0
	if err := ReadPart(t.Context(), bytes.NewReader(buf.Bytes()), func(rec arrow.RecordBatch) error {
		for i := 0; i < int(rec.NumRows()); i++ {
			n := got + i
			want := fmt.Sprintf("label-%d-%d", n/per, (n%per)%4)
			if v := stringValue(rec.Column(0), i); v != want {
				return fmt.Errorf("row %d: label %q, want %q", n, v, want)
			}
			if v := rec.Column(2).(*array.String).Value(i); v != fmt.Sprintf("k%04d", n) {
				return fmt.Errorf("row %d: key %q", n, v)
			}
		}
		got += int(rec.NumRows())
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got != batches*per {
		t.Errorf("read back %d rows, want %d", got, batches*per)
	}
}

func stringValue(a arrow.Array, i int) string {
	if d, ok := a.(*array.Dictionary); ok {
		return d.Dictionary().(*array.String).Value(d.GetValueIndex(i))
	}
	return a.(*array.String).Value(i)
}

// TestFastColumns writes the same hex digests and text twice, once with
// the digest column in Options.Fast: only that column's compressed chunk
// changes, and the values read back are the same.
func TestFastColumns(t *testing.T) {
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "hash", Type: arrow.BinaryTypes.String},
		{Name: "text", Type: arrow.BinaryTypes.String},
	}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, sc)
	for i := 0; i < 20000; i++ {
		sum := sha256.Sum256([]byte(strconv.Itoa(i)))
		b.Field(0).(*array.StringBuilder).Append(hex.EncodeToString(sum[:8]))
		b.Field(1).(*array.StringBuilder).Append(fmt.Sprintf("%d people were killed in the town of %d, officials said", i%97, i%13))
	}
	rec := b.NewRecordBatch()
	defer rec.Release()
	write := func(opts Options) []byte {
		var buf bytes.Buffer
		pw, err := NewPartWriter(&buf, sc, opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := pw.Write(rec); err != nil {
			t.Fatal(err)
		}
		if _, err := pw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	chunks := func(data []byte) (sizes []int64) {
		r, err := file.NewParquetReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		rg := r.MetaData().RowGroup(0)
		for c := 0; c < rg.NumColumns(); c++ {
			cc, err := rg.ColumnChunk(c)
			if err != nil {
				t.Fatal(err)
			}
			sizes = append(sizes, cc.TotalCompressedSize())
		}
		return sizes
	}
	plain, fast := write(Options{}), write(Options{Fast: []string{"hash", "missing"}})
	ps, fs := chunks(plain), chunks(fast)
	if ps[0] == fs[0] {
		t.Errorf("hash column: %d bytes either way, want the fast level to change it", ps[0])
	}
	if ps[1] != fs[1] {
		t.Errorf("text column: %d bytes, %d with hash fast: it should not change", ps[1], fs[1])
	}
	for _, data := range [][]byte{plain, fast} {
		n := 0
		if err := ReadPart(t.Context(), bytes.NewReader(data), func(got arrow.RecordBatch) error {
			for i := 0; i < int(got.NumRows()); i++ {
				for c := 0; c < 2; c++ {
					if g, w := got.Column(c).(*array.String).Value(i), rec.Column(c).(*array.String).Value(n+i); g != w {
						return fmt.Errorf("row %d column %d: %q, want %q", n+i, c, g, w)
					}
				}
			}
			n += int(got.NumRows())
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if n != 20000 {
			t.Errorf("read back %d rows, want 20000", n)
		}
	}
}

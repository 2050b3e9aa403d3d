package schema

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// Version is the version of the dataset's schema, written to the manifest
// and to each Parquet file's metadata. It changes whenever a column is
// added, removed, renamed or retyped.
const Version = "2.0.0"

// ToolVersion is claimscan's version, written to the manifest and to each
// Parquet file's footer beside Version.
const ToolVersion = "0.1.0"

// Table describes one table of the dataset: its name, its Arrow schema and
// how rows of type T map to columns.
type Table[T any] struct {
	Name   string
	schema *arrow.Schema
	cols   []column[T]
}

// column maps one field of T to one Arrow column. appendRows appends the
// field of every row, column by column, which keeps a builder's buffers hot
// and lets string columns reserve their bytes once.
type column[T any] struct {
	field      arrow.Field
	appendRows func(b array.Builder, st *colState, rows []T)
	dataBytes  func(rows []T) int // a string column's bytes in rows; nil for others
	read       func(a arrow.Array, i int, r *T)
}

// colState is a Builder's memory for one column across appends. For a
// dictionary column: the index of each value already given to the Arrow
// builder's dictionary (which outlives each record batch), and the indices
// and new values appended since the last batch, handed to the Arrow builder
// all at once when the batch is made.
type colState struct {
	dict  map[string]int
	idx   []int
	fresh []string
	prev  string
	last  int // index of prev; -1 before the first value of a batch
}

func newTable[T any](name string, cols ...column[T]) *Table[T] {
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		fields[i] = c.field
	}
	md := arrow.NewMetadata([]string{"claimscan.table", "claimscan.schema_version"}, []string{name, Version})
	return &Table[T]{Name: name, schema: arrow.NewSchema(fields, &md), cols: cols}
}

// Schema returns the table's Arrow schema.
func (t *Table[T]) Schema() *arrow.Schema { return t.schema }

// Columns returns the table's column names in order.
func (t *Table[T]) Columns() []string {
	names := make([]string, len(t.cols))
	for i, c := range t.cols {
		names[i] = c.field.Name
	}
	return names
}

// Builder accumulates rows of one table and turns them into Arrow record
// batches. It is not safe for concurrent use.
type Builder[T any] struct {
	t   *Table[T]
	b   *array.RecordBuilder
	mem memory.Allocator
	st  []colState
	n   int
}

// NewBuilder returns a Builder that allocates from mem.
func (t *Table[T]) NewBuilder(mem memory.Allocator) *Builder[T] {
	return &Builder[T]{t: t, b: array.NewRecordBuilder(mem, t.schema), mem: mem, st: make([]colState, len(t.cols))}
}

// Append adds rows.
func (b *Builder[T]) Append(rows ...T) {
	if len(rows) == 0 {
		return
	}
	for j, c := range b.t.cols {
		c.appendRows(b.b.Field(j), &b.st[j], rows)
	}
	b.n += len(rows)
}

// AppendGroups adds the rows of several slices, in order, reserving the
// string bytes (and dictionary indices) of all of them first: one
// allocation per column where appending each slice in turn would grow the
// buffers step by step.
func (b *Builder[T]) AppendGroups(groups [][]T) {
	rows := 0
	for _, g := range groups {
		rows += len(g)
	}
	for j, c := range b.t.cols {
		if c.dataBytes == nil {
			if c.field.Type.ID() == arrow.DICTIONARY {
				b.st[j].idx = slices.Grow(b.st[j].idx, rows)
			}
			continue
		}
		n := 0
		for _, g := range groups {
			n += c.dataBytes(g)
		}
		sb := b.b.Field(j).(*array.StringBuilder)
		sb.Reserve(rows)
		if sb.DataLen()+n > sb.DataCap() {
			sb.ReserveData(n)
		}
	}
	for _, g := range groups {
		b.Append(g...)
	}
}

// Len returns the number of rows appended since the last NewRecordBatch.
func (b *Builder[T]) Len() int { return b.n }

// NewRecordBatch returns the rows appended so far as a record batch and
// resets the builder. The caller releases the batch.
func (b *Builder[T]) NewRecordBatch() arrow.RecordBatch {
	for j := range b.st {
		if st := &b.st[j]; st.dict != nil {
			finishDict(b.b.Field(j).(*array.BinaryDictionaryBuilder), st)
		}
	}
	b.n = 0
	return b.b.NewRecordBatch()
}

// Release frees the builder's memory.
func (b *Builder[T]) Release() { b.b.Release() }

// Rows decodes a record batch of this table back into rows. Columns are
// found by name, so a batch read back from Parquet (where strings may come
// back dictionary-encoded or plain) decodes too.
func (t *Table[T]) Rows(rec arrow.RecordBatch) ([]T, error) {
	rows := make([]T, rec.NumRows())
	sc := rec.Schema()
	for _, c := range t.cols {
		idx := sc.FieldIndices(c.field.Name)
		if len(idx) == 0 {
			return nil, fmt.Errorf("%s: column %q missing", t.Name, c.field.Name)
		}
		a := rec.Column(idx[0])
		for i := range rows {
			c.read(a, i, &rows[i])
		}
	}
	return rows, nil
}

// Column types. Strings of small closed sets (kind, predicate, bound,
// status, unit, cue) are Arrow dictionaries, which pandas reads as
// categories; strings of open sets (sources, outlets, places, subjects,
// paths) are plain strings, so that pandas compares them as strings.
// Parquet dictionary-encodes the pages of both.
var (
	dictString = &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}
	timestamp  = &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}
)

func strCol[T any](name string, p func(*T) *string) column[T] {
	return stringCol(name, p, nil)
}

// optStrCol writes a nullable string: null for the rows where valid is
// false.
func optStrCol[T any](name string, p func(*T) *string, valid func(*T) bool) column[T] {
	c := stringCol(name, p, valid)
	c.field.Nullable = true
	return c
}

// stringCol writes a string; with valid, null where valid is false.
func stringCol[T any](name string, p func(*T) *string, valid func(*T) bool) column[T] {
	size := func(rows []T) int {
		n := 0
		for i := range rows {
			n += len(*p(&rows[i]))
		}
		return n
	}
	return column[T]{
		field:     arrow.Field{Name: name, Type: arrow.BinaryTypes.String},
		dataBytes: size,
		appendRows: func(b array.Builder, _ *colState, rows []T) {
			sb := b.(*array.StringBuilder)
			sb.Reserve(len(rows))
			// ReserveData grows to exactly what is asked: ask for at least
			// double, so many small appends stay linear.
			if n := size(rows); sb.DataLen()+n > sb.DataCap() {
				sb.ReserveData(max(n, sb.DataCap()))
			}
			for i := range rows {
				if valid != nil && !valid(&rows[i]) {
					sb.AppendNull()
				} else {
					sb.Append(*p(&rows[i]))
				}
			}
		},
		read: func(a arrow.Array, i int, r *T) { *p(r) = stringAt(a, i) },
	}
}

func dictCol[T any](name string, p func(*T) *string) column[T] {
	return column[T]{
		field: arrow.Field{Name: name, Type: dictString},
		appendRows: func(_ array.Builder, st *colState, rows []T) {
			appendDict(st, rows, p)
		},
		read: func(a arrow.Array, i int, r *T) { *p(r) = stringAt(a, i) },
	}
}

// appendDict records the rows' values of a dictionary column: the same
// value as the row before without a look-up, else through st.dict, new
// values in the order they first appear so that indices match the Arrow
// dictionary's once finishDict inserts them.
func appendDict[T any](st *colState, rows []T, p func(*T) *string) {
	if st.dict == nil {
		st.dict, st.last = map[string]int{}, -1
	}
	for i := range rows {
		v := *p(&rows[i])
		if st.last < 0 || v != st.prev {
			k, ok := st.dict[v]
			if !ok {
				// The map outlives the batch: a copy, so that it does
				// not keep alive the memory the value points into (an
				// article's text, a buffer of the conflict stage).
				v = strings.Clone(v)
				k = len(st.dict)
				st.dict[v] = k
				st.fresh = append(st.fresh, v)
			}
			st.prev, st.last = v, k
		}
		st.idx = append(st.idx, st.last)
	}
}

// finishDict hands a dictionary column's new values and indices to the
// Arrow builder.
func finishDict(db *array.BinaryDictionaryBuilder, st *colState) {
	if len(st.fresh) > 0 {
		sb := array.NewStringBuilder(memory.DefaultAllocator)
		sb.AppendValues(st.fresh, nil)
		vals := sb.NewStringArray()
		sb.Release()
		// Inserting only fails for a value type other than strings.
		_ = db.InsertStringDictValues(vals)
		vals.Release()
	}
	db.AppendIndices(st.idx, nil)
	clear(st.fresh)
	st.idx, st.fresh, st.prev, st.last = st.idx[:0], st.fresh[:0], "", -1
}

func stringAt(a arrow.Array, i int) string {
	if a.IsNull(i) {
		return ""
	}
	switch a := a.(type) {
	case *array.String:
		return a.Value(i)
	case *array.LargeString:
		return a.Value(i)
	case *array.Dictionary:
		return stringAt(a.Dictionary(), a.GetValueIndex(i))
	}
	return a.ValueStr(i)
}

// valueBuilder and valueArray are the Arrow builders and arrays of one
// primitive Go type V.
type valueBuilder[V any] interface {
	Reserve(n int)
	Append(v V)
}

type valueArray[V any] interface {
	arrow.Array
	Value(i int) V
}

// valueCol writes a non-null column of a primitive type: its arrow type
// typ, its builder B and array A, read and written through p.
func valueCol[T, V any, B valueBuilder[V], A valueArray[V]](name string, typ arrow.DataType, p func(*T) *V) column[T] {
	return column[T]{
		field: arrow.Field{Name: name, Type: typ},
		appendRows: func(b array.Builder, _ *colState, rows []T) {
			tb := b.(B)
			tb.Reserve(len(rows))
			for i := range rows {
				tb.Append(*p(&rows[i]))
			}
		},
		read: func(a arrow.Array, i int, r *T) {
			if !a.IsNull(i) {
				*p(r) = a.(A).Value(i)
			}
		},
	}
}

func int32Col[T any](name string, p func(*T) *int32) column[T] {
	return valueCol[T, int32, *array.Int32Builder, *array.Int32](name, arrow.PrimitiveTypes.Int32, p)
}

// int64Col writes an int64; with zeroNull, 0 is written as null.
func int64Col[T any](name string, zeroNull bool, p func(*T) *int64) column[T] {
	return column[T]{
		field: arrow.Field{Name: name, Type: arrow.PrimitiveTypes.Int64, Nullable: zeroNull},
		appendRows: func(b array.Builder, _ *colState, rows []T) {
			tb := b.(*array.Int64Builder)
			tb.Reserve(len(rows))
			for i := range rows {
				if v := *p(&rows[i]); zeroNull && v == 0 {
					tb.AppendNull()
				} else {
					tb.Append(v)
				}
			}
		},
		read: func(a arrow.Array, i int, r *T) {
			if !a.IsNull(i) {
				*p(r) = a.(*array.Int64).Value(i)
			}
		},
	}
}

func floatCol[T any](name string, p func(*T) *Float) column[T] {
	return column[T]{
		field: arrow.Field{Name: name, Type: arrow.PrimitiveTypes.Float64, Nullable: true},
		appendRows: func(b array.Builder, _ *colState, rows []T) {
			tb := b.(*array.Float64Builder)
			tb.Reserve(len(rows))
			for i := range rows {
				if f := *p(&rows[i]); f.Valid {
					tb.Append(f.V)
				} else {
					tb.AppendNull()
				}
			}
		},
		read: func(a arrow.Array, i int, r *T) {
			if !a.IsNull(i) {
				*p(r) = F(a.(*array.Float64).Value(i))
			}
		},
	}
}

func float64Col[T any](name string, p func(*T) *float64) column[T] {
	return valueCol[T, float64, *array.Float64Builder, *array.Float64](name, arrow.PrimitiveTypes.Float64, p)
}

func boolCol[T any](name string, p func(*T) *bool) column[T] {
	return valueCol[T, bool, *array.BooleanBuilder, *array.Boolean](name, arrow.FixedWidthTypes.Boolean, p)
}

// tsCol writes a UTC microsecond timestamp; the zero time is null.
func tsCol[T any](name string, p func(*T) *time.Time) column[T] {
	return timeCol[T, arrow.Timestamp, *array.TimestampBuilder, *array.Timestamp](name, timestamp, p,
		func(t time.Time) arrow.Timestamp { return arrow.Timestamp(t.UnixMicro()) },
		func(v arrow.Timestamp) time.Time { return time.UnixMicro(int64(v)).UTC() })
}

// dateCol writes a calendar date (days since the epoch); the zero time is null.
func dateCol[T any](name string, p func(*T) *time.Time) column[T] {
	return timeCol[T, arrow.Date32, *array.Date32Builder, *array.Date32](name, arrow.FixedWidthTypes.Date32, p,
		arrow.Date32FromTime,
		func(v arrow.Date32) time.Time { return v.ToTime().UTC() })
}

// timeCol writes a time as the Arrow value V that to gives (from reads it
// back); the zero time is null.
func timeCol[T, V any, B interface {
	valueBuilder[V]
	AppendNull()
}, A valueArray[V]](name string, typ arrow.DataType, p func(*T) *time.Time, to func(time.Time) V, from func(V) time.Time) column[T] {
	return column[T]{
		field: arrow.Field{Name: name, Type: typ, Nullable: true},
		appendRows: func(b array.Builder, _ *colState, rows []T) {
			tb := b.(B)
			tb.Reserve(len(rows))
			for i := range rows {
				if t := *p(&rows[i]); t.IsZero() {
					tb.AppendNull()
				} else {
					tb.Append(to(t))
				}
			}
		},
		read: func(a arrow.Array, i int, r *T) {
			if !a.IsNull(i) {
				*p(r) = from(a.(A).Value(i))
			}
		},
	}
}

func listCol[T any](name string, p func(*T) *[]string) column[T] {
	return column[T]{
		field: arrow.Field{Name: name, Type: arrow.ListOf(arrow.BinaryTypes.String)},
		appendRows: func(b array.Builder, _ *colState, rows []T) {
			lb := b.(*array.ListBuilder)
			vb := lb.ValueBuilder().(*array.StringBuilder)
			for i := range rows {
				lb.Append(true)
				for _, s := range *p(&rows[i]) {
					vb.Append(s)
				}
			}
		},
		read: func(a arrow.Array, i int, r *T) {
			if a.IsNull(i) {
				return
			}
			l := a.(*array.List)
			start, end := l.ValueOffsets(i)
			vals := l.ListValues()
			out := make([]string, 0, end-start)
			for j := start; j < end; j++ {
				out = append(out, stringAt(vals, int(j)))
			}
			*p(r) = out
		},
	}
}

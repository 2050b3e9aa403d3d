package input

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/claimscan/claimscan/schema"
)

// parquetBatchRows is how many rows are decoded at a time.
const parquetBatchRows = 256

// parquetColumns are the columns read from an article table, by the JSONL
// field names; text, body and content are tried in that order, row by row.
var parquetColumns = []string{"id", "title", "text", "body", "content", "outlet", "url", "published"}

// parquetReader reads .parquet files: tables of articles.
type parquetReader struct{}

// Parse returns the fields read from the row, the text from raw.
func (parquetReader) Parse(rec *Record) Fields { return parseParquet(rec) }

// Read reads an article table (a Parquet file such as a pandas or
// Hugging Face export) with the JSONL field names: id, title, text (or
// body or content), outlet, url, published (a string in a form JSONL
// accepts, a timestamp or date of any unit, or Unix seconds). Other
// columns, lang and cluster among them, are not read.
//
// It streams: row group by row group, parquetBatchRows rows at a time,
// only the columns above, pages read as needed (never the whole file).
// Each row becomes a record whose fields are already parsed (meta) and
// whose raw is the text, so the UTF-8 and size checks apply; line is the
// row's number in the file (1-based). A row without an id gets
// "path#L<row>". A row group that fails to decode becomes one read_error
// row naming the rows lost, and reading goes on with the next group.
//
// Parquet needs random access: f must be an io.ReaderAt and io.Seeker (a
// regular file is); a compressed .parquet.gz or .parquet.zst is refused
// (Parquet compresses its pages itself).
func (parquetReader) Read(ctx context.Context, in *Source) error {
	f := in.f
	fail := func(msg string) error {
		return in.emit(Record{id: in.id, path: in.display, format: formatParquet, status: schema.StatusReadError, err: msg})
	}
	if in.comp != "" {
		return fail(fmt.Sprintf("a compressed Parquet file (%s) cannot be read: decompress it first", in.comp))
	}
	ra, ok := f.(parquet.ReaderAtSeeker)
	if !ok {
		return fail("Parquet needs a seekable file")
	}
	// Leave the file at its start, so the manifest's hash covers it whole.
	defer ra.Seek(0, io.SeekStart)

	props := parquet.NewReaderProperties(memory.DefaultAllocator)
	props.BufferedStreamEnabled = true
	pf, err := file.NewParquetReader(ra, file.WithReadProps(props))
	if err != nil {
		return fail("not a readable Parquet file: " + err.Error())
	}
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: parquetBatchRows}, memory.DefaultAllocator)
	if err != nil {
		return fail("Parquet schema: " + err.Error())
	}
	var leaves []int
	for _, name := range parquetColumns {
		for _, fld := range fr.Manifest.Fields {
			if fld.Field.Name == name && fld.IsLeaf() {
				leaves = append(leaves, fld.ColIndex)
			}
		}
	}
	if len(leaves) == 0 {
		return fail("the table has none of the columns id, title, text, body, content, outlet, url, published")
	}

	var row int64 // rows done
	for rg := 0; rg < pf.NumRowGroups(); rg++ {
		groupEnd := row + pf.MetaData().RowGroup(rg).NumRows()
		err := in.readRowGroup(ctx, fr, leaves, rg, &row)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil && groupEnd > row {
			rec := Record{id: lineID(in.display, row+1), path: in.display, line: row + 1, format: formatParquet,
				status: schema.StatusReadError, err: fmt.Sprintf("rows %d to %d (row group %d) are unread: %v", row+1, groupEnd, rg, err)}
			if e := in.emit(rec); e != nil {
				return e
			}
		}
		row = groupEnd
	}
	return nil
}

// readRowGroup adds one record per row of row group rg, counting rows in
// *row.
func (in *Source) readRowGroup(ctx context.Context, fr *pqarrow.FileReader, leaves []int, rg int, row *int64) (err error) {
	defer func() {
		// A malformed file can make the decoder panic; it is this group's error.
		if p := recover(); p != nil {
			err = fmt.Errorf("decoding: %v", p)
		}
	}()
	rr, err := fr.GetRecordReader(ctx, leaves, []int{rg})
	if err != nil {
		return err
	}
	defer rr.Release()
	for rr.Next() {
		batch := rr.RecordBatch()
		cols := map[string]arrow.Array{}
		for i, fld := range batch.Schema().Fields() {
			cols[fld.Name] = batch.Column(i)
		}
		for i := 0; i < int(batch.NumRows()); i++ {
			*row++
			if err := in.emit(in.parquetRow(cols, i, *row)); err != nil {
				return err
			}
		}
	}
	return rr.Err()
}

// parquetRow turns row i of a batch into a record.
func (in *Source) parquetRow(cols map[string]arrow.Array, i int, line int64) Record {
	m := &Fields{}
	rec := Record{path: in.display, line: line, format: formatParquet, meta: m}
	if c := cols["id"]; c != nil {
		m.id, _ = stringAt(c, i)
	}
	if m.id == "" {
		m.id = lineID(in.display, line)
		m.notes = append(m.notes, "record has no id; id made from path and line")
	}
	rec.id = m.id
	// Only the id may be a number, as in JSONL, where a number for the
	// text or the title makes the record a parse_error.
	for _, name := range []string{"title", "text", "body", "content", "outlet", "url"} {
		if c := cols[name]; c != nil && !c.IsNull(i) && !isStringType(c.DataType()) {
			rec.meta = nil
			rec.status, rec.err = schema.StatusParseError, fmt.Sprintf("%s: a %s column, not a string", name, c.DataType())
			return rec
		}
	}
	m.title, _ = stringAtCol(cols, "title", i)
	m.outlet, _ = stringAtCol(cols, "outlet", i)
	m.url, _ = stringAtCol(cols, "url", i)
	if c := cols["published"]; c != nil {
		if t, ok, note := timeAt(c, i); ok {
			m.published = t
		} else if note != "" {
			m.notes = append(m.notes, note)
		}
	}
	var text string
	for _, name := range []string{"text", "body", "content"} {
		if s, ok := stringAtCol(cols, name, i); ok {
			text = s
			break
		}
	}
	if int64(len(text)) > in.maxBytes {
		rec.meta = nil
		rec.status, rec.err = schema.StatusTooLarge, fmt.Sprintf("text is larger than --max-article-bytes (%d)", in.maxBytes)
		return rec
	}
	rec.raw = []byte(text) // a copy: the batch is released
	return rec
}

// parseParquet returns the fields read from the row, the text from raw.
func parseParquet(rec *Record) Fields {
	f := *rec.meta
	f.text = string(rec.raw)
	return f
}

// isStringType reports whether a column of type t holds strings (or bytes,
// read as UTF-8), also dictionary-encoded.
func isStringType(t arrow.DataType) bool {
	if d, ok := t.(*arrow.DictionaryType); ok {
		t = d.ValueType
	}
	switch t.ID() {
	case arrow.STRING, arrow.LARGE_STRING, arrow.STRING_VIEW, arrow.BINARY, arrow.LARGE_BINARY, arrow.BINARY_VIEW:
		return true
	}
	return false
}

func stringAtCol(cols map[string]arrow.Array, name string, i int) (string, bool) {
	c := cols[name]
	if c == nil {
		return "", false
	}
	return stringAt(c, i)
}

// stringAt returns the value at i of a string, binary, integer or
// dictionary-encoded column as a string; ok is false for a null or a
// column of another type.
func stringAt(c arrow.Array, i int) (s string, ok bool) {
	if c.IsNull(i) {
		return "", false
	}
	switch a := c.(type) {
	case *array.String:
		return a.Value(i), true
	case *array.LargeString:
		return a.Value(i), true
	case *array.StringView:
		return a.Value(i), true
	case *array.Binary:
		return string(a.Value(i)), true
	case *array.LargeBinary:
		return string(a.Value(i)), true
	case *array.BinaryView:
		return string(a.Value(i)), true
	case *array.Int64:
		return strconv.FormatInt(a.Value(i), 10), true
	case *array.Int32:
		return strconv.FormatInt(int64(a.Value(i)), 10), true
	case *array.Uint64:
		return strconv.FormatUint(a.Value(i), 10), true
	case *array.Uint32:
		return strconv.FormatUint(uint64(a.Value(i)), 10), true
	case *array.Dictionary:
		return stringAt(a.Dictionary(), a.GetValueIndex(i))
	}
	return "", false
}

// timeAt reads a published value: a timestamp (UTC; one without a zone is
// taken as UTC), a date, a string in a form JSONL accepts, or Unix seconds
// or milliseconds (unixTime).
func timeAt(c arrow.Array, i int) (t time.Time, ok bool, note string) {
	if c.IsNull(i) {
		return time.Time{}, false, ""
	}
	switch a := c.(type) {
	case *array.Timestamp:
		unit := a.DataType().(*arrow.TimestampType).Unit
		return a.Value(i).ToTime(unit).UTC(), true, ""
	case *array.Date32:
		return a.Value(i).ToTime().UTC(), true, ""
	case *array.Date64:
		return a.Value(i).ToTime().UTC(), true, ""
	case *array.Int64:
		return unixTime(float64(a.Value(i)))
	case *array.Int32:
		return unixTime(float64(a.Value(i)))
	case *array.Float64:
		return unixTime(a.Value(i))
	}
	if s, ok := stringAt(c, i); ok {
		q, _ := json.Marshal(s)
		return parsePublished(q)
	}
	return time.Time{}, false, "published: unsupported column type " + c.DataType().String()
}

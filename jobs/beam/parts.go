package beam

import (
	"bufio"
	"bytes"
	"context"
	"fmt"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/claimscan/claimscan/jobs/stage"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// positionKey is the sort key of the record at (seq, rec).
func positionKey(seq, rec int64) string { return fmt.Sprintf("%016x.%016x", seq, rec) }

// readRows reads the rows of one part of table t from path, on its file
// system.
func readRows[T any](ctx context.Context, path string, t *schema.Table[T]) ([]T, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	data, err := filesystem.Read(ctx, fs, path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var rows []T
	err = output.ReadPart(ctx, bytes.NewReader(data), func(rec arrow.RecordBatch) error {
		r, err := t.Rows(rec)
		rows = append(rows, r...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return rows, nil
}

// writeRows writes rows as one Parquet part of table t,
// tmp/<table>/name.parquet, on tmp's file system; first is the part's sort
// key.
func writeRows[T any](ctx context.Context, tmp string, t *schema.Table[T], name, first string, rows []T) (partMeta, error) {
	b := t.NewBuilder(memory.NewGoAllocator())
	defer b.Release()
	b.Append(rows...)
	rec := b.NewRecordBatch()
	defer rec.Release()
	return writePart(ctx, tmp, t.Name, name, first, t.Schema(), rec)
}

// writePart writes recs as one Parquet part, tmp/table/name.parquet, on
// tmp's file system.
func writePart(ctx context.Context, tmp, table, name, first string, sc *arrow.Schema, recs ...arrow.RecordBatch) (partMeta, error) {
	path := joinURL(tmp, table+"/"+name+".parquet")
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return partMeta{}, err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, path)
	if err != nil {
		return partMeta{}, fmt.Errorf("create %s: %w", path, err)
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	pw, err := output.NewPartWriter(bw, sc, stage.PartOptions())
	if err != nil {
		w.Close()
		return partMeta{}, err
	}
	for _, rec := range recs {
		if err := pw.Write(rec); err != nil {
			pw.Abandon()
			w.Close()
			return partMeta{}, fmt.Errorf("write %s: %w", path, err)
		}
	}
	info, err := pw.Close()
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if s, ok := w.(interface{ Sync() error }); ok && err == nil {
		err = s.Sync()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return partMeta{}, fmt.Errorf("close %s: %w", path, err)
	}
	return partMeta{Table: table, Temp: path, First: first, Rows: info.Rows, Bytes: info.Bytes, SHA256: info.SHA256}, nil
}

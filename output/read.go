package output

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// PartPaths returns the Parquet parts of table in dir, in part order.
func PartPaths(dir, table string) ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, table, "part-*.parquet"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	return paths, nil
}

// ReadTable calls fn with every record batch of table in dir, part by part,
// in order. A batch is valid only during fn.
func ReadTable(ctx context.Context, dir, table string, fn func(arrow.RecordBatch) error) error {
	paths, err := PartPaths(dir, table)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, table)); err != nil {
		return fmt.Errorf("read %s: %w", table, err)
	}
	for _, p := range paths {
		if err := readPart(ctx, p, fn); err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
	}
	return nil
}

func readPart(ctx context.Context, path string, fn func(arrow.RecordBatch) error) error {
	pf, err := file.OpenParquetFile(path, false)
	if err != nil {
		return err
	}
	defer pf.Close()
	return readBatches(ctx, pf, fn)
}

// ReadPart calls fn with every record batch of one Parquet part read from
// r: a part in memory, or one fetched from an engine's file system. A batch
// is valid only during fn.
func ReadPart(ctx context.Context, r parquet.ReaderAtSeeker, fn func(arrow.RecordBatch) error) error {
	pf, err := file.NewParquetReader(r)
	if err != nil {
		return err
	}
	defer pf.Close()
	return readBatches(ctx, pf, fn)
}

func readBatches(ctx context.Context, pf *file.Reader, fn func(arrow.RecordBatch) error) error {
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: 64 << 10, Parallel: false}, memory.DefaultAllocator)
	if err != nil {
		return err
	}
	rr, err := fr.GetRecordReader(ctx, nil, nil)
	if err != nil {
		return err
	}
	defer rr.Release()
	for rr.Next() {
		if err := fn(rr.RecordBatch()); err != nil {
			return err
		}
	}
	return rr.Err()
}

// ReadManifest reads dir's manifest.json.
func ReadManifest(dir string) (*Manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, ManifestName), err)
	}
	return &m, nil
}

package jobs

import (
	"context"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// Load reads a whole table of the dataset in dir into rows, part by part in
// order. It is meant for the commands that work on a finished dataset
// (eval, report); the tables of a large dataset are better queried with
// DuckDB.
func Load[T any](ctx context.Context, dir string, table *schema.Table[T]) ([]T, error) {
	var out []T
	err := output.ReadTable(ctx, dir, table.Name, func(rec arrow.RecordBatch) error {
		rows, err := table.Rows(rec)
		out = append(out, rows...)
		return err
	})
	return out, err
}

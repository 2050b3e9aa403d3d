package e2e

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	pq "github.com/parquet-go/parquet-go"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/jobs"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// runSample runs the job over the embedded sample corpus into a new
// directory and returns it.
func runSample(t *testing.T, workers int, partBytes int64) string {
	t.Helper()
	sample, err := fs.Sub(fixtures.Sample, fixtures.SampleRoot)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	_, err = jobs.Run(context.Background(), jobs.Config{
		Embedded: sample, EmbeddedName: "embedded:sample", Out: out, Workers: workers, PartBytes: partBytes,
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDuckDBReadsDataset(t *testing.T) {
	dir := runSample(t, 2, 0)
	m, err := output.ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	for _, table := range schema.TableNames {
		glob := filepath.Join(dir, table, "*.parquet")
		var n int64
		if err := db.QueryRow(fmt.Sprintf("SELECT count(*) FROM read_parquet('%s')", glob)).Scan(&n); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		if n != m.Tables[table].Rows {
			t.Errorf("%s: DuckDB counts %d rows, manifest says %d", table, n, m.Tables[table].Rows)
		}
	}
	if m.Tables[schema.ArticlesTable].Rows < 20 {
		t.Errorf("sample corpus gave only %d articles", m.Tables[schema.ArticlesTable].Rows)
	}

	wantTypes := map[string]map[string]string{
		schema.ArticlesTable: {
			"article_id": "VARCHAR", "path": "VARCHAR", "line": "BIGINT", "published": "TIMESTAMP WITH TIME ZONE",
			"n_chars": "BIGINT", "n_sentences": "INTEGER", "n_claims": "INTEGER", "status": "VARCHAR",
		},
		schema.ClaimsTable: {
			"claim_id": "VARCHAR", "char_start": "INTEGER", "value_low": "DOUBLE", "value_best": "DOUBLE",
			"value_high": "DOUBLE", "bound": "VARCHAR", "scope_start": "DATE", "scope_end": "DATE",
			"negated": "BOOLEAN", "hedged": "BOOLEAN", "published": "TIMESTAMP WITH TIME ZONE", "claim_key": "VARCHAR",
		},
		schema.SourcesTable: {
			"aliases": "VARCHAR[]", "n_claims": "BIGINT", "first_seen": "TIMESTAMP WITH TIME ZONE", "kind": "VARCHAR",
		},
		schema.ConflictsTable: {
			"value_low_a": "DOUBLE", "value_best_b": "DOUBLE", "compared_low_a": "DOUBLE", "gap": "DOUBLE", "severity": "DOUBLE",
			"same_source": "BOOLEAN", "kind": "VARCHAR", "predicate": "VARCHAR", "source_a": "VARCHAR", "outlet_b": "VARCHAR",
			"published_a": "TIMESTAMP WITH TIME ZONE", "quote_b": "VARCHAR",
		},
	}
	for table, want := range wantTypes {
		rows, err := db.Query(fmt.Sprintf("DESCRIBE SELECT * FROM read_parquet('%s')", filepath.Join(dir, table, "*.parquet")))
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		var order []string
		for rows.Next() {
			var name, typ string
			var null, key, def, extra sql.NullString
			if err := rows.Scan(&name, &typ, &null, &key, &def, &extra); err != nil {
				t.Fatal(err)
			}
			got[name] = typ
			order = append(order, name)
		}
		rows.Close()
		for col, typ := range want {
			if got[col] != typ {
				t.Errorf("%s.%s: DuckDB sees %q, want %q", table, col, got[col], typ)
			}
		}
		if strings.Join(order, ",") != strings.Join(columnsOf(table), ",") {
			t.Errorf("%s: DuckDB columns %v, want %v", table, order, columnsOf(table))
		}
	}

	// Statuses are plain strings to DuckDB and every sample article reads.
	var notOK int
	q := fmt.Sprintf("SELECT count(*) FROM read_parquet('%s') WHERE status <> 'ok'", filepath.Join(dir, "articles", "*.parquet"))
	if err := db.QueryRow(q).Scan(&notOK); err != nil {
		t.Fatal(err)
	}
	if notOK != 0 {
		t.Errorf("%d sample articles are not ok", notOK)
	}
}

func columnsOf(table string) []string {
	switch table {
	case schema.ArticlesTable:
		return schema.Articles.Columns()
	case schema.ClaimsTable:
		return schema.Claims.Columns()
	case schema.SourcesTable:
		return schema.Sources.Columns()
	}
	return schema.Conflicts.Columns()
}

// TestIndependentReader reads every part with parquet-go, a reader that
// shares no code with the writer.
func TestIndependentReader(t *testing.T) {
	dir := runSample(t, 2, 0)
	m, err := output.ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range schema.TableNames {
		var total int64
		for _, part := range m.Tables[table].Parts {
			f, err := os.Open(filepath.Join(dir, part.Path))
			if err != nil {
				t.Fatal(err)
			}
			st, _ := f.Stat()
			pf, err := pq.OpenFile(f, st.Size())
			if err != nil {
				t.Fatalf("%s: %v", part.Path, err)
			}
			var names []string
			for _, field := range pf.Schema().Fields() {
				names = append(names, field.Name())
			}
			if strings.Join(names, ",") != strings.Join(columnsOf(table), ",") {
				t.Errorf("%s: columns %v", part.Path, names)
			}
			// Read every row, not only the footer.
			buf := make([]pq.Row, 64)
			var n int64
			for _, rg := range pf.RowGroups() {
				rows := rg.Rows()
				for {
					k, err := rows.ReadRows(buf)
					n += int64(k)
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatalf("%s: %v", part.Path, err)
					}
				}
				rows.Close()
			}
			f.Close()
			if n != part.Rows {
				t.Errorf("%s: read %d rows, manifest says %d", part.Path, n, part.Rows)
			}
			total += n
		}
		if total != m.Tables[table].Rows {
			t.Errorf("%s: %d rows in parts, manifest says %d", table, total, m.Tables[table].Rows)
		}
	}
}

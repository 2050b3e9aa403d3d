package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/schema"
)

// TestReadmeDocumentsEveryColumn keeps the README's table reference in step
// with the schemas: every column must appear there as `name`.
func TestReadmeDocumentsEveryColumn(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixtures.Root(), "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	for table, cols := range map[string][]string{
		schema.ArticlesTable: schema.ArticlesWithText.Columns(), schema.ClaimsTable: schema.Claims.Columns(),
		schema.SourcesTable: schema.Sources.Columns(), schema.ConflictsTable: schema.Conflicts.Columns(),
	} {
		if !strings.Contains(readme, "### "+table) {
			t.Errorf("README has no section for table %s", table)
		}
		for _, c := range cols {
			if !strings.Contains(readme, "`"+c+"`") {
				t.Errorf("README does not document %s.%s", table, c)
			}
		}
	}
}

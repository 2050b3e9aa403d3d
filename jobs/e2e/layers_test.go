package e2e

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
)

// layers ranks every package of the module (by its path in the module):
// a package may import only packages of a lower rank, and the stages'
// packages (rank 1) each other. So the imports point one way: commands →
// runners (jobs, the single-machine runner; jobs/beam) → the stages both
// runners share (jobs/stage) → the stages (reading, extraction, conflicts,
// sources, …) → the dataset's rows and files (schema, output) and the
// reader of the embedded data tables (jobs/tsv).
var layers = map[string]int{
	"schema": 0, "output": 0, "fixtures": 0, "jobs/tsv": 0,

	"jobs/input": 1, "jobs/warc": 1, "jobs/extract": 1, "jobs/entity": 1, "jobs/conflict": 1,
	"jobs/gazetteer": 1, "jobs/source": 1, "jobs/report": 1, "jobs/eval": 1, "jobs/gen": 1,

	"jobs/stage": 2,

	"jobs": 3, "jobs/beam": 3,

	"cmd/claimscan": 4, "cmd/claimscan-beam": 4, "jobs/gazetteer/gen": 4, "jobs/e2e": 4,
}

const module = "github.com/claimscan/claimscan"

// TestImportDirection reads the imports of every non-test Go file of the
// module and checks them against layers; a new package must be given its
// rank there.
func TestImportDirection(t *testing.T) {
	root := filepath.Dir(fixtures.Root())
	imports := map[string]map[string]bool{} // package → packages of the module it imports
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil && p != root {
				return filepath.SkipDir // another module (jobs/input/dateparser-off)
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		pkg := filepath.ToSlash(rel)
		if imports[pkg] == nil {
			imports[pkg] = map[string]bool{}
		}
		for _, im := range f.Imports {
			ip, _ := strconv.Unquote(im.Path.Value)
			if ip == module {
				imports[pkg]["."] = true
			} else if rest, ok := strings.CutPrefix(ip, module+"/"); ok {
				imports[pkg][rest] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < len(layers)-1 {
		t.Fatalf("found %d packages, fewer than the %d ranked", len(imports), len(layers))
	}
	pkgs := make([]string, 0, len(imports))
	for p := range imports {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, p := range pkgs {
		rp, ok := layers[p]
		if !ok {
			t.Errorf("package %s has no rank in layers", p)
			continue
		}
		for im := range imports[p] {
			if im == "." {
				im = path.Base(module) // the module root holds no package
			}
			ri, ok := layers[im]
			switch {
			case !ok:
				t.Errorf("%s imports %s, which has no rank in layers", p, im)
			case ri > rp || ri == rp && rp != 1:
				t.Errorf("%s (rank %d) imports %s (rank %d): imports must point down", p, rp, im, ri)
			}
		}
	}
}

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
)

// pandasCheck is run by the root's python3 on the dataset at /ds: the
// open-set strings are plain strings (object dtype) that compare, and the
// closed sets are categories.
const pandasCheck = `
import pandas as pd
c = pd.read_parquet("/ds/conflicts")
cl = pd.read_parquet("/ds/claims")
a = pd.read_parquet("/ds/articles")
print("rows", len(c), len(cl), len(a))
same = (c.source_a == c.source_b)
print("same", int(same.sum()))
print("outlet", int((c.outlet_a == c.outlet_b).sum()))
for df, cols in ((c, ["source_a", "source_b", "outlet_a", "outlet_b", "location", "subject", "quote_a"]),
                 (cl, ["source", "outlet", "location", "subject"]), (a, ["path", "outlet"])):
    for col in cols:
        print("dtype", col, df[col].dtype)
for df, cols in ((c, ["kind", "predicate"]), (cl, ["kind", "predicate", "bound", "unit", "cue"]), (a, ["status"])):
    for col in cols:
        print("dtype", col, df[col].dtype)
print("published", c.published_a.dtype)
`

// TestPandasReadsDataset reads a dataset with real pandas and pyarrow, in
// the Debian root that shared/tools/pandas-root.sh builds (about 1.3 GB,
// under two minutes, once: it is kept in $CLAIMSCAN_PANDAS_ROOT, default
// ~/.cache/pandas-root, and reused). It skips when the root cannot be
// built (no script, not root, no Debian mirror).
func TestPandasReadsDataset(t *testing.T) {
	script, ok := fixtures.Shared("tools/pandas-root.sh")
	if !ok {
		t.Skip("shared/tools/pandas-root.sh not present")
	}
	if os.Geteuid() != 0 {
		t.Skip("pandas root needs root (chroot)")
	}
	args := []string{script}
	if dir := os.Getenv("CLAIMSCAN_PANDAS_ROOT"); dir != "" {
		args = append(args, dir)
	}
	out, err := exec.Command("bash", args...).Output()
	if err != nil {
		t.Skipf("pandas root could not be built: %v", err)
	}
	root := strings.TrimSpace(string(out))
	ds := filepath.Join(root, "ds")
	os.RemoveAll(ds)
	if err := os.CopyFS(ds, os.DirFS(runSample(t, 2, 0))); err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(ds)
	res, err := exec.Command("chroot", root, "python3", "-c", pandasCheck).CombinedOutput()
	if err != nil {
		t.Fatalf("pandas: %v\n%s", err, res)
	}
	got := string(res)
	t.Log(got)
	for _, want := range []string{
		"dtype source_a object", "dtype source_b object", "dtype outlet_a object", "dtype location object",
		"dtype subject object", "dtype quote_a object", "dtype source object", "dtype path object",
		"dtype kind category", "dtype predicate category", "dtype bound category", "dtype unit category",
		"dtype cue category", "dtype status category", "published datetime64",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("pandas output lacks %q", want)
		}
	}
	// the sample corpus has rows quoting one source twice: the comparison
	// runs and finds them
	if !strings.Contains(got, "same ") || strings.Contains(got, "same 0\n") {
		t.Errorf("df.source_a == df.source_b found no equal pair:\n%s", got)
	}
}

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// TestCommand runs the command on prism, in this process, over the sample
// corpus and a file with a bad record, and checks its exit codes.
func TestCommand(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sample := filepath.Join(fixtures.Root(), fixtures.SampleRoot)
	ds := filepath.Join(dir, "ds")

	var stderr bytes.Buffer
	if code := realMain(context.Background(), []string{"--out", ds, sample}, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	m, err := output.ReadManifest(ds)
	if err != nil {
		t.Fatal(err)
	}
	if m.Tables[schema.ArticlesTable].Rows < 20 || m.Tables[schema.ConflictsTable].Rows == 0 {
		t.Errorf("tables %+v", m.Tables)
	}
	summary := regexp.MustCompile(`claimscan-beam: \d+ articles, \d+ claims, \d+ sources, \d+ conflicts; [0-9.]+ MB from 9 files in`)
	if !summary.MatchString(stderr.String()) {
		t.Errorf("summary: %q", stderr.String())
	}

	stderr.Reset()
	if code := realMain(context.Background(), []string{"--out", ds, sample}, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "--overwrite") {
		t.Errorf("existing output: exit %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := realMain(context.Background(), []string{"--out", ds, "--overwrite", "--quiet", "--shards", "3", sample, bad}, &stderr); code != exitRejected {
		t.Errorf("bad record: exit %d, %q", code, stderr.String())
	}
	if m, err := output.ReadManifest(ds); err != nil || m.Statuses[schema.StatusParseError] != 1 {
		t.Errorf("after overwrite: %v, statuses %v", err, m.Statuses)
	}
	stderr.Reset()
	if code := realMain(context.Background(), []string{"--out", ds}, &stderr); code != exitUsage {
		t.Errorf("no paths: exit %d, %q", code, stderr.String())
	}
	if code := realMain(context.Background(), []string{"--tolerance", "2", sample}, &stderr); code != exitUsage {
		t.Errorf("tolerance 2: exit %d", code)
	}
}

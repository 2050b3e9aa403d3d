package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerifyAndDamagedSince: verify passes an intact dataset and names each
// damaged part (exit 1); run --since refuses a damaged dataset with exit 2,
// naming the missing part.
func TestVerifyAndDamagedSince(t *testing.T) {
	root := t.TempDir()
	prev := filepath.Join(root, "prev")
	if code, _, stderr := runCLI(t, "run", "--quiet", "--out", prev); code != exitOK {
		t.Fatalf("run: %d\n%s", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "verify", prev)
	if code != exitOK || !strings.Contains(stdout, "match the manifest") {
		t.Fatalf("verify of an intact dataset: %d\n%s%s", code, stdout, stderr)
	}

	// Same size, one byte changed: only the hash tells.
	claims := filepath.Join(prev, "claims", "part-00000.parquet")
	data, _ := os.ReadFile(claims)
	bad := append([]byte(nil), data...)
	bad[len(bad)/2] ^= 0xff
	os.WriteFile(claims, bad, 0o644)
	code, _, stderr = runCLI(t, "verify", prev)
	if code != exitFailed || !strings.Contains(stderr, "claims/part-00000.parquet has SHA-256") {
		t.Errorf("verify of a changed part: %d\n%s", code, stderr)
	}
	os.WriteFile(claims, data, 0o644)

	arts := filepath.Join(prev, "articles", "part-00000.parquet")
	os.Rename(arts, arts+".gone")
	code, _, stderr = runCLI(t, "verify", prev)
	if code != exitFailed || !strings.Contains(stderr, "articles/part-00000.parquet is missing") {
		t.Errorf("verify of a missing part: %d\n%s", code, stderr)
	}
	code, _, stderr = runCLI(t, "run", "--quiet", "--out", filepath.Join(root, "next"), "--since", prev)
	if code != exitUsage || !strings.Contains(stderr, "articles/part-00000.parquet is missing") {
		t.Errorf("run --since a damaged dataset: %d, want %d\n%s", code, exitUsage, stderr)
	}
	os.Rename(arts+".gone", arts)
	if code, _, stderr := runCLI(t, "run", "--quiet", "--out", filepath.Join(root, "next"), "--since", prev); code != exitOK {
		t.Errorf("run --since the repaired dataset: %d\n%s", code, stderr)
	}

	if code, _, _ := runCLI(t, "verify", root); code != exitUsage {
		t.Errorf("verify of a directory without a manifest: %d, want %d", code, exitUsage)
	}
	if code, _, _ := runCLI(t, "verify"); code != exitUsage {
		t.Errorf("verify without a dataset: %d, want %d", code, exitUsage)
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunWithTextSince: --with-text is recorded in the manifest, and an
// incremental run that does not match its --since dataset is a usage
// error that writes nothing.
func TestRunWithTextSince(t *testing.T) {
	root := t.TempDir()
	in := filepath.Join(root, "a.txt")
	os.WriteFile(in, []byte("Officials said 12 people were killed."), 0o644)
	night1 := filepath.Join(root, "night1")
	if code, _, stderr := runCLI(t, "run", "--quiet", "--with-text", "--out", night1, in); code != exitOK {
		t.Fatalf("run --with-text: exit %d: %s", code, stderr)
	}
	if m, err := os.ReadFile(filepath.Join(night1, "manifest.json")); err != nil || !strings.Contains(string(m), `"with_text": true`) {
		t.Errorf("manifest does not record with_text: %v", err)
	}
	night2 := filepath.Join(root, "night2")
	code, _, stderr := runCLI(t, "run", "--quiet", "--since", night1, "--out", night2, in)
	if code != exitUsage || !strings.Contains(stderr, "--with-text") {
		t.Errorf("--since a dataset with text, without --with-text: exit %d (%s), want %d", code, stderr, exitUsage)
	}
	if _, err := os.Stat(night2); !os.IsNotExist(err) {
		t.Errorf("a refused run left %s", night2)
	}
	if code, _, stderr := runCLI(t, "run", "--quiet", "--with-text", "--since", night1, "--out", night2, in); code != exitOK {
		t.Errorf("--since with --with-text: exit %d: %s", code, stderr)
	}
}

package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// maxInitBytes bounds what the binary's package initialisation may
// allocate. It stands at 9 MB (2026-12, mostly claimscan's own entity and
// extraction tables); go-dateparser's locale data alone allocated 78 MB
// (0.2-0.3 s of CPU) before it was replaced, so a dependency that brings
// such a cost back fails here. Allocated bytes, unlike times, do not
// depend on how busy the machine is.
const maxInitBytes = 24 << 20

// TestStartupCost runs the binary on a one-line JSONL file with
// GODEBUG=inittrace=1 and checks that no package pays for HTML date
// parsing at start-up: go-dateparser's data packages are not linked, and
// the package initialisers allocate less than maxInitBytes in all.
func TestStartupCost(t *testing.T) {
	root, bin := t.TempDir(), buildBinary(t)
	in := filepath.Join(root, "one.jsonl")
	if err := os.WriteFile(in, []byte(`{"id":"a","text":"Officials said 12 people were killed."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "run", "--quiet", "--out", filepath.Join(root, "out"), in)
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	// Lines look like:
	// init github.com/x/y @1.2 ms, 0.5 ms clock, 1234 bytes, 5 allocs
	var total int64
	var pkgs int
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 8 || f[0] != "init" || f[6] != "clock," {
			continue
		}
		pkgs++
		n, err := strconv.ParseInt(f[7], 10, 64)
		if err != nil {
			t.Fatalf("unexpected inittrace line %q", sc.Text())
		}
		total += n
		if strings.HasPrefix(f[1], "github.com/markusmobius/go-dateparser/internal/") {
			t.Errorf("%s is initialised at start-up (%d bytes): go-dateparser is linked again", f[1], n)
		}
	}
	if pkgs < 10 {
		t.Fatalf("only %d inittrace lines: GODEBUG=inittrace=1 not honoured?\n%s", pkgs, stderr.String())
	}
	if total > maxInitBytes {
		t.Errorf("package initialisation allocates %.1f MB, over %.0f MB", float64(total)/1e6, float64(maxInitBytes)/(1<<20))
	}
	t.Logf("%d packages initialised, %.1f MB allocated", pkgs, float64(total)/1e6)
}

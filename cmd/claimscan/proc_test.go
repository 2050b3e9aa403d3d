package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"testing"
)

var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
	out  []byte
}

// buildBinary builds claimscan once for the tests that run it as a
// process, and returns its path.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "claimscan-bin-")
		if built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "claimscan")
		built.out, built.err = exec.Command("go", "build", "-o", built.bin, ".").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("build: %v\n%s", built.err, built.out)
	}
	return built.bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// runBinary runs the built binary and returns its exit code, stderr and
// peak RSS in bytes, as the kernel counted it for the child.
func runBinary(t *testing.T, args ...string) (code int, stderr string, peakRSS int64) {
	t.Helper()
	cmd := exec.Command(buildBinary(t), args...)
	var errBuf bytes.Buffer
	cmd.Stderr = &errBuf
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		peakRSS = int64(ru.Maxrss) * 1024 // kilobytes on Linux and the BSDs
		if runtime.GOOS == "darwin" {
			peakRSS = int64(ru.Maxrss)
		}
	}
	return cmd.ProcessState.ExitCode(), errBuf.String(), peakRSS
}

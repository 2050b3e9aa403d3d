package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimscan/claimscan/jobs/gen"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := realMain(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestExitCodes(t *testing.T) {
	root := t.TempDir()
	good := filepath.Join(root, "good")
	os.MkdirAll(good, 0o755)
	os.WriteFile(filepath.Join(good, "a.txt"), []byte("Officials said 12 people were killed."), 0o644)
	bad := filepath.Join(root, "bad")
	os.MkdirAll(bad, 0o755)
	os.WriteFile(filepath.Join(bad, "a.txt"), []byte("Officials said 12 people were killed."), 0o644)
	os.WriteFile(filepath.Join(bad, "empty.txt"), nil, 0o644)

	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no command", nil, exitUsage, "usage:"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "unknown command"},
		{"bad flag", []string{"run", "--no-such-flag"}, exitUsage, "no-such-flag"},
		{"bad workers", []string{"run", "--workers", "-1", good}, exitUsage, "--workers"},
		{"clean run", []string{"run", "--out", filepath.Join(root, "o1"), good}, exitOK, "1 articles"},
		{"flags after paths", []string{"run", good, "--out", filepath.Join(root, "o2")}, exitOK, "-> " + filepath.Join(root, "o2")},
		{"rejected records", []string{"run", "--out", filepath.Join(root, "o3"), bad}, exitRejected, "1 empty"},
		{"missing path", []string{"run", "--out", filepath.Join(root, "o4"), filepath.Join(root, "nope")}, exitRejected, "read_error"},
		{"existing output", []string{"run", "--out", filepath.Join(root, "o1"), good}, exitUsage, "--overwrite"},
		{"overwrite", []string{"run", "--overwrite", "--out", filepath.Join(root, "o1"), good}, exitOK, "1 articles"},
		{"quiet", []string{"run", "--quiet", "--out", filepath.Join(root, "o5"), good}, exitOK, ""},
		{"sample corpus", []string{"run", "--out", filepath.Join(root, "o6")}, exitOK, "articles"},
		{"version", []string{"version"}, exitOK, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, c.code, stderr)
			}
			if c.stderr != "" && !strings.Contains(stderr, c.stderr) {
				t.Errorf("stderr does not contain %q:\n%s", c.stderr, stderr)
			}
			if c.stderr == "" && c.name == "quiet" && stderr != "" {
				t.Errorf("--quiet printed %q", stderr)
			}
		})
	}
}

// TestInterrupt runs the real binary on a pipe that never ends, sends it
// SIGINT, and checks it exits 130 within a second and leaves nothing behind.
func TestInterrupt(t *testing.T) {
	cmd, stderr, fifo, data := startOnPipe(t)
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for i := 0; i < 50; i++ {
		w.Write([]byte(`{"id":"x` + string(rune('a'+i%26)) + `","text":"Some 12 people were killed."}` + "\n"))
	}
	time.Sleep(300 * time.Millisecond)
	start := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if took := time.Since(start); took > time.Second {
		t.Errorf("took %v to stop after SIGINT", took)
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
		t.Fatalf("exit: %v, want %d; stderr:\n%s", err, exitInterrupted, stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr does not say it was interrupted:\n%s", stderr.String())
	}
	entries, _ := os.ReadDir(data)
	if len(entries) != 0 {
		t.Errorf("interrupted run left %v", entries)
	}
}

func TestEvalCommand(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "o")
	if code, _, stderr := runCLI(t, "run", "--quiet", "--out", out); code != exitOK {
		t.Fatalf("run: %d\n%s", code, stderr)
	}
	gold := filepath.Join("..", "..", "fixtures", "gold", "sample.jsonl")
	code, stdout, stderr := runCLI(t, "eval", "--gold", gold, out)
	if code != exitOK || !strings.Contains(stdout, "precision") || !strings.Contains(stdout, "gold: ") {
		t.Fatalf("eval: %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, "eval", "--json", "--gold", gold, out)
	if code != exitOK || !strings.Contains(stdout, `"recall"`) {
		t.Fatalf("eval --json: %d\n%s", code, stdout)
	}
	if code, _, _ := runCLI(t, "eval", out); code != exitUsage {
		t.Errorf("eval without --gold: %d, want %d", code, exitUsage)
	}
	if code, _, _ := runCLI(t, "eval", "--gold", filepath.Join(root, "nope.jsonl"), out); code != exitFailed {
		t.Errorf("eval with a missing gold file: %d, want %d", code, exitFailed)
	}
}

func TestReportCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "o")
	if code, _, stderr := runCLI(t, "run", "--quiet", "--out", out); code != exitOK {
		t.Fatalf("run: %d\n%s", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "report", "--top", "5", out)
	if code != exitOK {
		t.Fatalf("report: %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "report.html") {
		t.Errorf("report output does not name the HTML file:\n%s", stdout)
	}
	html, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<html", "<svg", "<table"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("report.html has no %s", want)
		}
	}
	if strings.Contains(string(html), "http://") && strings.Contains(string(html), "<script src") {
		t.Errorf("report.html loads something from the network")
	}
	if code, _, _ := runCLI(t, "report", filepath.Join(t.TempDir(), "none")); code != exitFailed {
		t.Errorf("report on a missing dataset: %d, want %d", code, exitFailed)
	}
}

func TestGenRunEval(t *testing.T) {
	root := t.TempDir()
	corpus := filepath.Join(root, "corpus")
	code, stdout, stderr := runCLI(t, "gen", "--size", "2MB", "--seed", "7", "--out", corpus)
	if code != exitOK || !strings.Contains(stdout, "articles") {
		t.Fatalf("gen: %d\n%s%s", code, stdout, stderr)
	}
	// The obvious next step, the run over gen's directory, reads the
	// articles and not the gold file beside them.
	out := filepath.Join(root, "o")
	code, _, stderr = runCLI(t, "run", "--out", out, corpus)
	if code != exitOK || !strings.Contains(stderr, gen.GoldFile+": gold claims for claimscan eval") {
		t.Fatalf("run: %d\n%s", code, stderr)
	}
	code, stdout, _ = runCLI(t, "eval", "--gold", filepath.Join(corpus, gen.GoldFile), out)
	if code != exitOK || !strings.Contains(stdout, "recall") {
		t.Fatalf("eval: %d\n%s", code, stdout)
	}
	if code, _, _ := runCLI(t, "gen", "--size", "lots", "--out", corpus); code != exitUsage {
		t.Errorf("gen --size lots: %d, want %d", code, exitUsage)
	}
}

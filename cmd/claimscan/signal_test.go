package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startOnPipe starts the binary reading a named pipe given by name, and
// returns the command, its stderr and the directory --out is made in.
func startOnPipe(t *testing.T) (cmd *exec.Cmd, stderr *bytes.Buffer, fifo, data string) {
	t.Helper()
	bin := buildBinary(t)
	root := t.TempDir()
	fifo = filepath.Join(root, "stream.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	data = filepath.Join(root, "data")
	cmd = exec.Command(bin, "run", "--out", filepath.Join(data, "out"), fifo)
	stderr = &bytes.Buffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, stderr, fifo, data
}

// waitExit waits up to d for cmd and returns its exit code.
func waitExit(t *testing.T, cmd *exec.Cmd, d time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatal(err)
		}
		return cmd.ProcessState.ExitCode()
	case <-time.After(d):
		cmd.Process.Kill()
		<-done
		t.Fatalf("still running %v after the signal", d)
		return -1
	}
}

// TestInterruptWhileOpening: a pipe given by name that no one writes to
// blocks its open; SIGINT still stops the run within a second, and nothing
// is left beside --out.
func TestInterruptWhileOpening(t *testing.T) {
	cmd, stderr, _, data := startOnPipe(t)
	// Wait for the run to be blocked opening the pipe: its temporary
	// output exists by then.
	deadline := time.Now().Add(10 * time.Second)
	for {
		if entries, _ := os.ReadDir(data); len(entries) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the run made no temporary output")
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	if code := waitExit(t, cmd, time.Second); code != exitInterrupted {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitInterrupted, stderr)
	}
	if entries, _ := os.ReadDir(data); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestSecondInterrupt: two signals in a row stop the run at once, and the
// second still leaves no temporary output behind.
func TestSecondInterrupt(t *testing.T) {
	cmd, stderr, fifo, data := startOnPipe(t)
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for i := 0; i < 2000; i++ {
		w.Write([]byte(`{"id":"x` + strings.Repeat("y", i%7) + string(rune('a'+i%26)) + `","text":"Some 12 people were killed, police said."}` + "\n"))
	}
	time.Sleep(300 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	cmd.Process.Signal(os.Interrupt)
	if code := waitExit(t, cmd, 2*time.Second); code != exitInterrupted {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitInterrupted, stderr)
	}
	if entries, _ := os.ReadDir(data); len(entries) != 0 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("left behind: %v; stderr:\n%s", names, stderr)
	}
}

package jobs

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// endlessFS serves one JSONL file that never ends and yields a line every
// millisecond, so a run over it only stops when cancelled.
type endlessFS struct{ fstest.MapFS }

func (e endlessFS) Open(name string) (fs.File, error) {
	if name == "endless.jsonl" {
		f, err := e.MapFS.Open(name)
		if err != nil {
			return nil, err
		}
		return &endlessFile{File: f}, nil
	}
	return e.MapFS.Open(name)
}

type endlessFile struct {
	fs.File
	n int
}

func (f *endlessFile) Read(p []byte) (int, error) {
	time.Sleep(time.Millisecond)
	f.n++
	line := jsonLine("e"+time.Duration(f.n).String(), "Officials said 25 people were killed and 40 injured.")
	return copy(p, line), nil
}

func TestRunCancel(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	fsys := endlessFS{fstest.MapFS{"endless.jsonl": &fstest.MapFile{Data: []byte("x")}}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Run(ctx, Config{Embedded: fsys, EmbeddedName: "endless", Out: out, Workers: 2})
		done <- err
	}()
	time.Sleep(300 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Run after cancel: %v, want context.Canceled", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Run did not stop within 2s of cancellation")
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("output exists after cancel: %v", err)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 0 {
		t.Errorf("cancelled run left %d entries in the output's parent", len(entries))
	}
}

package output

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
)

var errCrash = errors.New("simulated crash")

// newDataset writes a one-part dataset at dir whose manifest's tool is
// label, and returns its Writer before Commit.
func newDataset(t *testing.T, dir, label string) (*Writer, []byte) {
	t.Helper()
	w, err := Create(dir, true, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec := makeBatch(t, memory.NewGoAllocator(), 0, 10)
	defer rec.Release()
	if _, err := w.WritePart("things", 0, testSchema, rec); err != nil {
		t.Fatal(err)
	}
	m := &Manifest{Tool: label}
	m.SetParts(w.Parts())
	data, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return w, data
}

// commitOrCrash commits w, crashing at step ("" for none): the Writer's
// process then dies, which releases its lock and nothing else.
func commitOrCrash(t *testing.T, w *Writer, data []byte, step string) {
	t.Helper()
	crashAt = func(s string) error {
		if s == step {
			return errCrash
		}
		return nil
	}
	defer func() { crashAt = nil }()
	err := w.Commit(data)
	if step == "" {
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	if !errors.Is(err, errCrash) {
		t.Fatalf("Commit: %v, want the crash at %q", err, step)
	}
	live.Lock()
	delete(live.writers, w)
	live.Unlock()
	w.lock.Close()
}

// toolAt returns the label of the dataset at dir, "" when there is none.
func toolAt(t *testing.T, dir string) string {
	t.Helper()
	m, err := ReadManifest(dir)
	if errors.Is(err, os.ErrNotExist) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "things", "part-00000.parquet")); err != nil {
		t.Errorf("dataset %s (%s) has no part: %v", dir, m.Tool, err)
	}
	return m.Tool
}

func entries(dir string) []string {
	es, _ := os.ReadDir(dir)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// TestSwapCrash kills a run (by the fault-injection hook) at each step of
// replacing a dataset: --out always holds a complete dataset, old or new,
// and the next run over the same --out removes what the killed one left.
func TestSwapCrash(t *testing.T) {
	type step struct {
		name    string
		noExch  bool   // the file system cannot exchange directories
		after   string // the dataset at --out right after the crash
		restore bool   // the next Create puts the old dataset back
	}
	steps := []step{
		{name: "manifest", after: "old"},
		{name: "swapped", after: "new"},
		{name: "manifest", noExch: true, after: "old"},
		{name: "moved aside", noExch: true, after: "", restore: true},
	}
	for _, s := range steps {
		t.Run(s.name+map[bool]string{true: " (no exchange)"}[s.noExch], func(t *testing.T) {
			if !s.noExch && runtime.GOOS != "linux" {
				t.Skip("directories are exchanged on Linux only")
			}
			if s.noExch {
				exchangeDirs = func(a, b string) error { return errNoExchange }
				defer func() { exchangeDirs = exchange }()
			} else {
				// The exchange itself must be taken, never the two renames.
				exchangeDirs = func(a, b string) error {
					if err := exchange(a, b); err != nil {
						t.Errorf("exchange: %v", err)
						return err
					}
					return nil
				}
				defer func() { exchangeDirs = exchange }()
			}
			root := t.TempDir()
			dir := filepath.Join(root, "ds")
			w, data := newDataset(t, dir, "old")
			commitOrCrash(t, w, data, "")
			w, data = newDataset(t, dir, "new")
			commitOrCrash(t, w, data, s.name)
			if got := toolAt(t, dir); got != s.after {
				t.Fatalf("after a crash at %q: --out holds %q, want %q", s.name, got, s.after)
			}
			if len(entries(root)) < 2 {
				t.Fatalf("the killed run left nothing beside --out: %v", entries(root))
			}

			w, data = newDataset(t, dir, "next")
			stale := strings.Join(w.Stale(), "\n")
			if s.restore {
				if !strings.Contains(stale, "restored "+dir) || toolAt(t, dir) != "old" {
					t.Errorf("the previous dataset was not put back: %q; --out holds %q", stale, toolAt(t, dir))
				}
			}
			if !strings.Contains(stale, "removed ") {
				t.Errorf("Stale() = %q, want the killed run's directory removed", stale)
			}
			commitOrCrash(t, w, data, "")
			if got := toolAt(t, dir); got != "next" {
				t.Errorf("--out holds %q, want next", got)
			}
			if got := entries(root); len(got) != 1 {
				t.Errorf("left beside --out: %v", got)
			}
		})
	}
}

// TestStaleOnlyWhenProvable: a temporary directory in use (its lock held by
// a live run) and one that is not claimscan's (no lock file, or one without
// the marker) are left alone.
func TestStaleOnlyWhenProvable(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "ds")
	running, _ := newDataset(t, dir, "running")
	defer running.Abort()
	foreign := filepath.Join(root, ".ds.tmp-foreign")
	os.Mkdir(foreign, 0o755)
	odd := filepath.Join(root, ".ds.tmp-odd")
	os.Mkdir(odd, 0o755)
	os.WriteFile(odd+lockSuffix, []byte("something else\n"), 0o644)

	w, data := newDataset(t, dir, "second")
	if len(w.Stale()) != 0 {
		t.Errorf("Stale() = %v, want nothing removed", w.Stale())
	}
	commitOrCrash(t, w, data, "")
	for _, p := range []string{running.TempDir(), foreign, odd, odd + lockSuffix} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", p, err)
		}
	}
}

// TestRemoveTemporary: what a second interrupt removes.
func TestRemoveTemporary(t *testing.T) {
	root := t.TempDir()
	w, _ := newDataset(t, filepath.Join(root, "ds"), "x")
	RemoveTemporary()
	if got := entries(root); len(got) != 0 {
		t.Errorf("left: %v", got)
	}
	w.Abort()
}

package output

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// A run's temporary directory is `.BASE.tmp-XXXX` beside the dataset
// directory BASE. Beside it, `.BASE.tmp-XXXX.lock` holds lockMarker and is
// locked (flock) by the run for as long as the directory is its own, so a
// later run can tell a directory left by a killed run (a lock file with
// the marker that nobody holds) from one in use (locked) and from anything
// that is not claimscan's (no such lock file): only the first is removed.

// lockMarker opens every lock file of a temporary directory.
const lockMarker = "claimscan temporary output\n"

// lockSuffix ends a lock file's name; oldSuffix a previous dataset moved
// aside while the new one is renamed into place (where the file system
// cannot exchange the two at once).
const (
	lockSuffix = ".lock"
	oldSuffix  = ".old"
)

// errNoLocks: this system has no file locks.
var errNoLocks = errors.New("file locks are not supported here")

// live are the temporary directories of this process not yet committed or
// removed, for RemoveTemporary.
var live struct {
	sync.Mutex
	writers map[*Writer]struct{}
}

// newTemp creates a locked lock file and then the temporary directory it
// names, beside dir.
func newTemp(parent, base string) (tmp string, lock *os.File, err error) {
	for range 10 {
		lock, err = os.CreateTemp(parent, "."+base+".tmp-*"+lockSuffix)
		if err != nil {
			return "", nil, err
		}
		// Locked before the marker is written: a file with the marker is
		// never unlocked while its run lives.
		if err = lockFile(lock); err == nil || errors.Is(err, errNoLocks) {
			_, err = io.WriteString(lock, lockMarker)
		}
		if err == nil {
			tmp = strings.TrimSuffix(lock.Name(), lockSuffix)
			if err = os.Mkdir(tmp, 0o755); err == nil {
				return tmp, lock, nil
			}
		}
		lock.Close()
		os.Remove(lock.Name())
		if !errors.Is(err, os.ErrExist) {
			return "", nil, err
		}
	}
	return "", nil, err
}

// removeStale removes the temporary directories that earlier runs writing
// dir left behind when they were killed: those whose lock file holds the
// marker and is locked by no one. A previous dataset that such a run had
// moved aside and not yet replaced is put back at dir when dir is missing.
// It returns what it removed or restored; what it cannot prove stale it
// leaves alone.
func removeStale(dir string) ([]string, error) {
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	prefix := "." + base + ".tmp-"
	var done []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, lockSuffix) || !e.Type().IsRegular() {
			continue
		}
		lockPath := filepath.Join(parent, name)
		tmp := strings.TrimSuffix(lockPath, lockSuffix)
		did, err := removeIfStale(lockPath, tmp, dir)
		if err != nil {
			return done, err
		}
		done = append(done, did...)
	}
	return done, nil
}

// removeIfStale removes tmp (and its lock file) if its lock file is
// claimscan's and unlocked.
func removeIfStale(lockPath, tmp, dir string) ([]string, error) {
	f, err := os.OpenFile(lockPath, os.O_RDWR, 0)
	if err != nil {
		return nil, nil // gone meanwhile, or not ours to open
	}
	defer f.Close()
	if lockFile(f) != nil {
		return nil, nil // in use, or this system cannot tell
	}
	head := make([]byte, len(lockMarker))
	if n, _ := io.ReadFull(f, head); n != len(lockMarker) || string(head) != lockMarker {
		return nil, nil
	}
	var done []string
	old := tmp + oldSuffix
	if _, err := os.Lstat(old); err == nil {
		if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
			if err := os.Rename(old, dir); err != nil {
				return nil, fmt.Errorf("restore the previous dataset %s from %s: %w", dir, old, err)
			}
			done = append(done, "restored "+dir+" from "+old)
		} else if err := os.RemoveAll(old); err != nil {
			return nil, err
		} else {
			done = append(done, "removed "+old)
		}
	}
	if _, err := os.Lstat(tmp); err == nil {
		if err := os.RemoveAll(tmp); err != nil {
			return done, err
		}
		done = append(done, "removed "+tmp)
	}
	return done, os.Remove(lockPath)
}

// RemoveTemporary removes the temporary directories of this process's
// Writers that are neither committed nor aborted. It is for a process about
// to exit at once (a second interrupt), which cannot wait for its run to
// stop; the run's files may still be open.
func RemoveTemporary() {
	live.Lock()
	defer live.Unlock()
	for w := range live.writers {
		// Files the run creates meanwhile can make a first pass fail.
		for i := 0; i < 3 && os.RemoveAll(w.tmp) != nil; i++ {
		}
		os.RemoveAll(w.tmp + oldSuffix)
		os.Remove(w.lock.Name())
	}
}

func register(w *Writer) {
	live.Lock()
	defer live.Unlock()
	if live.writers == nil {
		live.writers = map[*Writer]struct{}{}
	}
	live.writers[w] = struct{}{}
}

// release unregisters w and removes its lock file: the temporary directory
// is no longer w's (committed, or removed).
func (w *Writer) release() {
	live.Lock()
	delete(live.writers, w)
	live.Unlock()
	if w.lock != nil {
		os.Remove(w.lock.Name())
		w.lock.Close()
		w.lock = nil
	}
}

package jobs

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// runWithin runs cfg and fails the test if Run does not return within d.
func runWithin(t *testing.T, d time.Duration, cfg Config) (*Summary, error) {
	t.Helper()
	type ret struct {
		s   *Summary
		err error
	}
	done := make(chan ret, 1)
	go func() {
		s, err := Run(context.Background(), cfg)
		done <- ret{s, err}
	}()
	select {
	case r := <-done:
		return r.s, r.err
	case <-time.After(d):
		t.Fatalf("Run did not return within %v", d)
		return nil, nil
	}
}

// TestWalkSpecialFiles: in a directory walk only regular files are
// articles. A named pipe (which would block the run), a link to a device
// (which would never end) and a link to a directory are skipped, each with
// its reason; a link to a regular file is read.
func TestWalkSpecialFiles(t *testing.T) {
	root := t.TempDir()
	corpus := filepath.Join(root, "corpus")
	writeFile(t, filepath.Join(corpus, "good.txt"), []byte("Officials said 12 people were killed."))
	writeFile(t, filepath.Join(root, "elsewhere", "b.txt"), []byte("Police said 3 people were hurt."))
	if err := syscall.Mkfifo(filepath.Join(corpus, "pipe.jsonl"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	links := map[string]string{
		"zero.txt": "/dev/zero",
		"linked":   filepath.Join(root, "elsewhere"),
		"b.txt":    filepath.Join(root, "elsewhere", "b.txt"),
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(corpus, name)); err != nil {
			t.Fatal(err)
		}
	}
	var log bytes.Buffer
	out := filepath.Join(root, "out")
	s, err := runWithin(t, 20*time.Second, Config{Paths: []string{corpus}, Out: out, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	arts := readArticles(t, out)
	if len(arts) != 2 || arts["good.txt"].Status != schema.StatusOK || arts["b.txt"].Status != schema.StatusOK {
		t.Errorf("articles %v, want good.txt and b.txt, both ok", arts)
	}
	m, err := output.ReadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]string{}
	for _, sk := range m.Skipped {
		reasons[filepath.Base(sk.Path)] = sk.Reason
	}
	want := map[string]string{
		"pipe.jsonl": "not a regular file (a named pipe)",
		"zero.txt":   "symbolic link to a character device, not a regular file",
		"linked":     "symbolic link to a directory: not followed",
	}
	for name, reason := range want {
		if reasons[name] != reason {
			t.Errorf("%s skipped for %q, want %q", name, reasons[name], reason)
		}
		if !strings.Contains(log.String(), name+": "+reason) {
			t.Errorf("log does not say %s: %s:\n%s", name, reason, log.String())
		}
	}
	if s.Skipped != 3 {
		t.Errorf("summary: %d skipped, want 3", s.Skipped)
	}
}

// TestExplicitDevice: a device given by name is read as a stream, and only
// up to --max-article-bytes: a one-article file is too_large, a JSONL line
// without end too, and the rest of the stream is left unread.
func TestExplicitDevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	root := t.TempDir()
	for _, name := range []string{"zero.txt", "zero.jsonl"} {
		if err := os.Symlink("/dev/zero", filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(root, "out")
	paths := []string{filepath.Join(root, "zero.txt"), filepath.Join(root, "zero.jsonl")}
	s, err := runWithin(t, 20*time.Second, Config{Paths: paths, Out: out, MaxArticleBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	arts := readArticles(t, out)
	if a := arts["zero.txt"]; a.Status != schema.StatusTooLarge {
		t.Errorf("zero.txt: %+v", a)
	}
	if a := arts[paths[1]+"#L1"]; a.Status != schema.StatusTooLarge || !strings.Contains(a.Error, "rest of the stream is unread") {
		t.Errorf("zero.jsonl: %+v", a)
	}
	// Read no further than the limit (and the reader's buffers) in all.
	if s.Bytes > 8<<20 {
		t.Errorf("read %d bytes of /dev/zero", s.Bytes)
	}
}

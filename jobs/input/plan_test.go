package input

import (
	"path/filepath"
	"testing"
)

func TestReadable(t *testing.T) {
	for name, want := range map[string]bool{
		"a.jsonl": true, "gs://b/x/CC-NEWS-1.warc.gz": true, "b/c.md": true, "d.ndjson.zst": true,
		"e.csv": false, "f.gz": false, "s3://b/notes": false, "g.gold.jsonl": false, "h.PARQUET": true,
	} {
		if got := Readable(name); got != want {
			t.Errorf("Readable(%q) = %v", name, got)
		}
	}
}

// TestFileRoot checks that a planned file is planned again with the same
// id from its path and root, as a runner that hands files to other
// machines plans them (FileAt).
func TestFileRoot(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "c/sub/a.txt"), []byte("x"))
	writeFile(t, filepath.Join(dir, "one.md"), []byte("x"))
	p, err := NewPlan([]string{filepath.Join(dir, "c") + "/", filepath.Join(dir, "one.md")}, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Files) != 2 {
		t.Fatalf("planned %d files", len(p.Files))
	}
	for i, want := range []string{"sub/a.txt", "one.md"} {
		f := p.Files[i]
		if f.id != want {
			t.Errorf("file %d: id %q, want %q", i, f.id, want)
		}
		again, err := FileAt(f.Path(), f.Root(), "")
		if err != nil {
			t.Fatal(err)
		}
		if again.id != f.id || again.display != f.display || again.format != f.format || again.Size() != 1 {
			t.Errorf("FileAt(%q, %q): %+v, want %+v", f.Path(), f.Root(), again, f)
		}
	}
	if _, err := FileAt(filepath.Join(dir, "notes.csv"), "", ""); err == nil {
		t.Error("unknown extension accepted")
	}
}

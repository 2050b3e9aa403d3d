package input

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// File is one input file of a run, as planned.
type File struct {
	fsys    fs.FS
	name    string // path inside fsys
	display string // path as shown in articles.path and the manifest
	id      string // article id of a one-article file: path relative to the root given
	format  format
	comp    string // "", ".gz" or ".zst"
	size    int64
	// stream: not a regular file (a pipe or a device given by name): it is
	// read only as far as its records go, never to its end for the
	// manifest's hash.
	stream bool
}

// Path is the file's path as articles.path and the manifest show it.
func (f File) Path() string { return f.display }

// Size is the file's size when planned, in bytes.
func (f File) Size() int64 { return f.size }

// Root is the directory the file's one-article id is relative to, as
// given: FileAt(f.Path(), f.Root(), "") plans the file again with the same
// id.
func (f File) Root() string {
	// display is the directory given joined with name, or the file given
	// when name is its base name.
	root := strings.TrimSuffix(f.display, f.name)
	if len(root) > 1 {
		root = strings.TrimSuffix(root, "/")
	}
	if root == "" {
		root = "."
	}
	return root
}

// Plan is the ordered list of the input files of a run, with the paths that
// could not be read at all and the files skipped.
type Plan struct {
	Files   []File
	Missing []schema.Article // one read_error row per path that could not be opened
	Skipped []output.Skipped
}

// NewPlan resolves the paths given on the command line into files, in a
// deterministic order: paths in the order given, directories walked in
// lexical order. Hidden files and directories (".name") are skipped. With
// no paths, the files of embedded are read, shown under embeddedName.
func NewPlan(paths []string, embedded fs.FS, embeddedName string) (*Plan, error) {
	p := &Plan{}
	if len(paths) == 0 {
		return p, p.walk(embedded, ".", embeddedName, true)
	}
	for _, arg := range paths {
		st, err := os.Stat(arg)
		if err != nil {
			p.Missing = append(p.Missing, schema.Article{
				ArticleID: arg, Path: arg, Status: schema.StatusReadError, Error: describeErr(err),
			})
			continue
		}
		if !st.IsDir() {
			dir, base := filepath.Split(arg)
			if dir == "" {
				dir = "."
			}
			f, comp, ok := classify(base)
			if !ok {
				p.Skipped = append(p.Skipped, output.Skipped{Path: arg, Reason: unreadReason(base)})
				continue
			}
			// A path given by name may be a pipe or a device: it is read
			// as a stream, within the article size limit.
			p.Files = append(p.Files, File{fsys: os.DirFS(dir), name: base, display: arg, id: base, format: f, comp: comp,
				size: st.Size(), stream: !st.Mode().IsRegular()})
			continue
		}
		if err := p.walk(os.DirFS(arg), ".", arg, false); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func (p *Plan) walk(fsys fs.FS, root, display string, embedded bool) error {
	return fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		shown := path.Join(filepath.ToSlash(display), name)
		if err != nil {
			if name == root {
				return err
			}
			p.Missing = append(p.Missing, schema.Article{ArticleID: name, Path: shown, Status: schema.StatusReadError, Error: describeErr(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if name != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, why := walkedFile(fsys, name, d)
		if why != "" {
			p.Skipped = append(p.Skipped, output.Skipped{Path: shown, Reason: why})
			return nil
		}
		f, comp, ok := classify(name)
		if !ok {
			if !embedded {
				p.Skipped = append(p.Skipped, output.Skipped{Path: shown, Reason: unreadReason(name)})
			}
			return nil
		}
		var size int64
		if info != nil {
			size = info.Size()
		}
		p.Files = append(p.Files, File{fsys: fsys, name: name, display: shown, id: name, format: f, comp: comp, size: size})
		return nil
	})
}

// walkedFile checks a file found in a directory walk: only regular files
// (also through a symbolic link; a broken link is left to fail as it is
// opened) are read. why says why another is not:
// a pipe would block the run, a device never end, and a link to a
// directory is not followed (it could loop, or leave the tree given).
func walkedFile(fsys fs.FS, name string, d fs.DirEntry) (info fs.FileInfo, why string) {
	typ := d.Type()
	if typ.IsRegular() {
		info, _ := d.Info()
		return info, ""
	}
	if typ&fs.ModeSymlink == 0 {
		return nil, "not a regular file (" + fileKind(typ) + ")"
	}
	st, err := fs.Stat(fsys, name)
	switch {
	case err != nil:
		// A broken link: opening it gives the article's read_error row.
		return nil, ""
	case st.IsDir():
		return nil, "symbolic link to a directory: not followed"
	case !st.Mode().IsRegular():
		return nil, "symbolic link to " + fileKind(st.Mode().Type()) + ", not a regular file"
	}
	return st, ""
}

// fileKind names the type of a file that is not a regular one.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "a special file"
}

// FileAt plans the one file at path, as a run plans a file found under
// root: its one-article id is its path relative to root ("" means the
// file's own directory, the id then being its name). display, when not
// "", is the path shown for it (in articles.path, in ids made from the
// path, in the manifest): a runner that copied a remote file to a local
// one gives the remote name. An unknown extension or a path that cannot be
// read is an error.
func FileAt(p, root, display string) (File, error) {
	f, comp, ok := classify(filepath.Base(p))
	if !ok {
		return File{}, fmt.Errorf("%s: unknown extension", p)
	}
	st, err := os.Stat(p)
	if err != nil {
		return File{}, err
	}
	if root == "" {
		root = filepath.Dir(p)
	}
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return File{}, err
	}
	if display == "" {
		display = p
	}
	return File{fsys: os.DirFS(root), name: filepath.ToSlash(rel), display: display, id: filepath.ToSlash(rel), format: f, comp: comp, size: st.Size()}, nil
}

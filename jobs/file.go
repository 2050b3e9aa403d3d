package jobs

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// Processed is one input record after parsing and extraction: its articles
// row and its claims (with claim keys).
type Processed struct {
	Article schema.Article
	Claims  []schema.Claim
}

// FileOptions configure ProcessFile.
type FileOptions struct {
	// Root is the directory one-article files' ids are relative to; ""
	// means the file's own directory (the id is then its name).
	Root string
	// MaxArticleBytes is the largest article read (default 8 MiB).
	MaxArticleBytes int64
	// Display is the name shown for the file in articles.path, in ids made
	// from the path and in the returned Input; "" means path. A runner
	// that copies a remote file to a local one sets it to the remote name.
	Display string
}

// InputFile is one file of a run's input.
type InputFile struct {
	// Path is the file's path as ProcessFile takes it and as
	// articles.path shows it.
	Path string
	// Root is the FileOptions.Root that gives the file's one-article ids
	// as Run gives them.
	Root string
	// Size is the file's size when planned, in bytes.
	Size int64
}

// PlanFiles resolves paths as Run does: paths in the order given,
// directories walked in lexical order, hidden files and directories left
// out. It returns the files to read in Run's order, the read_error rows Run
// writes (before every file's rows) for paths that cannot be read, and the
// files skipped for their extension.
func PlanFiles(paths []string) (files []InputFile, missing []schema.Article, skipped []output.Skipped, err error) {
	if len(paths) == 0 {
		return nil, nil, nil, fmt.Errorf("no input paths")
	}
	p, err := planInputs(paths, nil, "")
	if err != nil {
		return nil, nil, nil, err
	}
	for _, in := range p.inputs {
		// in.display is the directory given joined with in.name, or the
		// file given when in.name is its base name.
		root := strings.TrimSuffix(in.display, in.name)
		if len(root) > 1 {
			root = strings.TrimSuffix(root, "/")
		}
		if root == "" {
			root = "."
		}
		files = append(files, InputFile{Path: in.display, Root: root, Size: in.size})
	}
	return files, p.missing, p.skipped, nil
}

// ProcessFile reads one input file of any supported format and calls emit
// with every record in file order, parsed and extracted exactly as Run
// does. It is the per-file stage for engines that distribute files across
// machines (see cmd/claimscan-beam). Bad records come out with their status,
// as in Run; an unsupported extension or an unreadable path is an error.
// Duplicate ids across files are not checked here: see MarkDuplicate.
func ProcessFile(ctx context.Context, path string, opts FileOptions, emit func(Processed) error) (output.Input, error) {
	f, comp, ok := classify(filepath.Base(path))
	if !ok {
		return output.Input{}, fmt.Errorf("%s: unknown extension", path)
	}
	st, err := os.Stat(path)
	if err != nil {
		return output.Input{}, err
	}
	root := opts.Root
	if root == "" {
		root = filepath.Dir(path)
	}
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return output.Input{}, err
	}
	display := path
	if opts.Display != "" {
		display = opts.Display
	}
	in := input{fsys: os.DirFS(root), name: filepath.ToSlash(rel), display: display, id: filepath.ToSlash(rel), format: f, comp: comp, size: st.Size()}
	maxBytes := opts.MaxArticleBytes
	if maxBytes <= 0 {
		maxBytes = 8 << 20
	}
	rd := &reader{maxBytes: maxBytes, chunkBytes: 1 << 20, chunkRecs: 256}
	chunks := make(chan chunk, 1)
	rd.out = chunks
	fx := &funcs{extract: defaultExtract, keys: claimKeys, latest: latestPublished(time.Now())}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer close(chunks)
		if err := rd.readFile(gctx, in); err != nil {
			return err
		}
		return rd.flush(gctx)
	})
	g.Go(func() error {
		for c := range chunks {
			for _, rec := range c.recs {
				p := safeProcess(rec, fx)
				if p.known {
					continue
				}
				if err := emit(Processed{Article: p.article, Claims: p.claims}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err := g.Wait(); err != nil {
		for range chunks {
		}
		return output.Input{}, err
	}
	if len(rd.inputs) != 1 {
		return output.Input{}, fmt.Errorf("%s: not read", path)
	}
	return rd.inputs[0], nil
}

// Readable reports whether ProcessFile reads a file of this name: whether
// its extension is one of the input formats.
func Readable(name string) bool {
	_, _, ok := classify(path.Base(name))
	return ok
}

// MarkDuplicate turns a's row into the row of a record whose id an earlier
// record already used: Run keeps the first record of an id (in input order)
// and marks the others this way, without their claims.
func MarkDuplicate(a *schema.Article) {
	a.Status = schema.StatusDuplicateID
	a.Error = "article id already used by an earlier record; its claims are not extracted again"
	a.NClaims = 0
}

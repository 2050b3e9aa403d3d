package stage

import (
	"context"
	"fmt"
	"time"

	"github.com/claimscan/claimscan/jobs/input"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

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

// ProcessFile reads one input file of any supported format and calls emit
// with the rows of every record in file order, parsed and extracted exactly
// as the runner does. It is the per-file stage for engines that distribute
// files across machines (see package beam). Bad records come out with
// their status, as in a run; an unsupported extension or an unreadable
// path is an error. Duplicate ids across files are not checked here: see
// IDs.
func ProcessFile(ctx context.Context, path string, opts FileOptions, emit func(Rows) error) (output.Input, error) {
	f, err := input.FileAt(path, opts.Root, opts.Display)
	if err != nil {
		return output.Input{}, err
	}
	maxBytes := opts.MaxArticleBytes
	if maxBytes <= 0 {
		maxBytes = 8 << 20
	}
	p := &Processor{Latest: input.LatestPublished(time.Now())}
	in, err := f.Read(ctx, input.Options{MaxBytes: maxBytes}, func(rec input.Record) error {
		return emit(p.Process(rec))
	})
	if err != nil {
		return output.Input{}, err
	}
	if in == nil {
		return output.Input{}, fmt.Errorf("%s: not read", path)
	}
	return *in, nil
}

// MarkDuplicate turns a's row into the row of a record whose id an earlier
// record already used: the first record of an id (in input order) keeps
// it, the others are marked this way and lose their claims (IDs says which
// they are).
func MarkDuplicate(a *schema.Article) {
	a.Status = schema.StatusDuplicateID
	a.Error = "article id already used by an earlier record; its claims are not extracted again"
	a.NClaims = 0
}

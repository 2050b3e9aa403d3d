package input

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"slices"
	"sync/atomic"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// describeErr says what failed, without the path (the row has it).
func describeErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// Options are the limits of reading.
type Options struct {
	// MaxBytes is the largest article read; a larger one is a too_large
	// record.
	MaxBytes int64
	// BytesRead, when not nil, counts the bytes read from the files as they
	// are read (for a progress bar).
	BytesRead *atomic.Int64
}

// Read sends the records of the plan to emit in *Source order: a read_error
// record for each path that could not be opened, then the records of every
// file. It returns the manifest's entries of the files read. A file that
// fails to read becomes a read_error record; only ctx's cancellation or an
// error from emit stops it early.
func (p *Plan) Read(ctx context.Context, opts Options, emit func(Record) error) ([]output.Input, error) {
	for _, a := range p.Missing {
		if err := emit(Record{id: a.ArticleID, path: a.Path, status: a.Status, err: a.Error}); err != nil {
			return nil, err
		}
	}
	var inputs []output.Input
	for _, f := range p.Files {
		in, err := f.Read(ctx, opts, emit)
		if err != nil {
			return nil, err
		}
		if in != nil {
			inputs = append(inputs, *in)
		}
	}
	return inputs, nil
}

// countingReader counts the bytes read from the underlying file and hashes
// them for the manifest.
type countingReader struct {
	r     io.Reader
	h     hash.Hash
	n     int64
	total *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.h.Write(p[:n])
		c.n += int64(n)
		if c.total != nil {
			c.total.Add(int64(n))
		}
	}
	return n, err
}

// Read sends the file's records to emit, in file order, and returns the
// file's manifest entry: its size and SHA-256 (of the whole file, also the
// part left unread; of a stream, as far as it was read). A file that
// cannot be opened gives one read_error record and no entry (nil).
func (in File) Read(ctx context.Context, opts Options, emit func(Record) error) (*output.Input, error) {
	f, err := openFile(ctx, in.fsys, in.name)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, emit(Record{id: in.id, path: in.display, status: schema.StatusReadError, err: describeErr(err)})
	}
	defer f.Close()
	// A read blocked on a pipe or a stalled mount returns when the file is
	// closed, so cancellation is never stuck behind it.
	stop := context.AfterFunc(ctx, func() { f.Close() })
	defer stop()
	cr := &countingReader{r: f, h: sha256.New(), total: opts.BytesRead}
	spec := &formats[in.format]
	var src io.Reader = cr
	var decErr error
	switch {
	case slices.Contains(spec.raw, in.comp):
	case in.comp == ".gz":
		zr, err := gzip.NewReader(bufio.NewReaderSize(cr, 256<<10))
		if err != nil {
			decErr = fmt.Errorf("gzip: %w", err)
		} else {
			defer zr.Close()
			src = zr
		}
	case in.comp == ".zst":
		zr, err := zstd.NewReader(cr, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true))
		if err != nil {
			decErr = fmt.Errorf("zstd: %w", err)
		} else {
			defer zr.Close()
			src = zr
		}
	}
	if decErr != nil {
		err = emit(Record{id: in.id, path: in.display, status: schema.StatusReadError, err: decErr.Error()})
	} else {
		err = spec.reader.Read(ctx, &Source{File: in, f: f, src: src, maxBytes: opts.MaxBytes, emit: emit})
	}
	if err != nil {
		return nil, err
	}
	// Hash the whole file for the manifest, also the part left unread; a
	// stream only as far as it was read (a device would never end). A read
	// error here was reported on a record already, or the file's records
	// were all read: either way the manifest gets the hash of what was read.
	if !in.stream {
		io.Copy(io.Discard, cr)
	}
	return &output.Input{Path: in.display, Size: cr.n, SHA256: hex.EncodeToString(cr.h.Sum(nil))}, nil
}

// openFile opens name in fsys, or returns ctx's error as soon as ctx is
// done: opening a pipe blocks until a writer opens it, and a stalled mount
// may never answer, so the open runs on its own goroutine, abandoned (it
// closes what it opens, if it ever does) when the run is cancelled.
func openFile(ctx context.Context, fsys fs.FS, name string) (fs.File, error) {
	type opened struct {
		f   fs.File
		err error
	}
	done := make(chan opened, 1)
	go func() {
		f, err := fsys.Open(name)
		done <- opened{f, err}
	}()
	select {
	case o := <-done:
		return o.f, o.err
	case <-ctx.Done():
		go func() {
			if o := <-done; o.err == nil {
				o.f.Close()
			}
		}()
		return nil, ctx.Err()
	}
}

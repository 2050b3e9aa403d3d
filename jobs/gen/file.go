package gen

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/klauspost/compress/zstd"
)

// The output files: written under a temporary name, renamed when whole.

// outFile is a file written under a temporary name, optionally through zstd.
type outFile struct {
	path, tmp string
	f         *os.File
	enc       *zstd.Encoder
	w         *bufio.Writer
	done      bool
}

func newOutFile(path string, compress bool) (*outFile, error) {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return nil, err
	}
	o := &outFile{path: path, tmp: tmp, f: f}
	var w io.Writer = f
	if compress {
		// Two goroutines let a block compress while the next is generated.
		// The stream does not depend on the concurrency (the same bytes
		// come out with 1, 2, 4 or 8), so it is the same on every machine.
		o.enc, err = zstd.NewWriter(f, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(2))
		if err != nil {
			f.Close()
			os.Remove(tmp)
			return nil, err
		}
		w = o.enc
	}
	o.w = bufio.NewWriterSize(w, 1<<20)
	return o, nil
}

func (o *outFile) commit() error {
	if err := o.w.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", o.tmp, err)
	}
	if o.enc != nil {
		if err := o.enc.Close(); err != nil {
			return fmt.Errorf("compress %s: %w", o.tmp, err)
		}
	}
	if err := o.f.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", o.tmp, err)
	}
	if err := o.f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", o.tmp, err)
	}
	if err := os.Rename(o.tmp, o.path); err != nil {
		return err
	}
	o.done = true
	return nil
}

// abort removes the temporary file unless commit succeeded.
func (o *outFile) abort() {
	if o.done {
		return
	}
	if o.enc != nil {
		o.enc.Close()
	}
	o.f.Close()
	os.Remove(o.tmp)
}

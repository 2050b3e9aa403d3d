package jobs

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/claimscan/claimscan/jobs/input"
	"github.com/claimscan/claimscan/output"
)

// chunk is a run of consecutive records; seq orders chunks in input order.
type chunk struct {
	seq   int64
	recs  []input.Record
	bytes int64 // raw bytes of the records
}

// reader turns the plan's files into chunks of records (package input reads
// them) for the workers.
type reader struct {
	maxBytes   int64 // largest article accepted, in bytes
	chunkBytes int64 // a chunk is sent when its raw bytes reach this
	chunkRecs  int   // or when it holds this many records
	bytesRead  atomic.Int64
	waited     time.Duration // time blocked handing chunks to the workers

	seq    int64
	cur    chunk
	out    chan<- chunk
	inputs []output.Input
	// window, when set, holds a token for every chunk sent and not yet put
	// in order by the sequencer: a slow chunk (a large article) stops the
	// reader after a few more, rather than letting the other workers fill
	// memory with results that wait for it.
	window chan struct{}
}

// run reads every input in order and sends chunks to out; it closes out
// when done. A file that fails to read becomes a read_error record; only a
// cancelled context stops it early.
func (r *reader) run(ctx context.Context, p *input.Plan, out chan<- chunk) error {
	defer close(out)
	r.out = out
	inputs, err := p.Read(ctx, input.Options{MaxBytes: r.maxBytes, BytesRead: &r.bytesRead}, func(rec input.Record) error {
		return r.add(ctx, rec)
	})
	if err != nil {
		return err
	}
	r.inputs = inputs
	return r.flush(ctx)
}

func (r *reader) add(ctx context.Context, rec input.Record) error {
	r.cur.recs = append(r.cur.recs, rec)
	r.cur.bytes += rec.Size()
	if r.cur.bytes >= r.chunkBytes || len(r.cur.recs) >= r.chunkRecs {
		return r.flush(ctx)
	}
	return nil
}

func (r *reader) flush(ctx context.Context) error {
	if len(r.cur.recs) == 0 {
		return nil
	}
	r.cur.seq = r.seq
	r.seq++
	t := time.Now()
	if r.window != nil {
		select {
		case r.window <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	select {
	case r.out <- r.cur:
	case <-ctx.Done():
		return ctx.Err()
	}
	r.waited += time.Since(t)
	r.cur = chunk{recs: make([]input.Record, 0, 64)}
	return nil
}

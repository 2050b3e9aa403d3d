package jobs

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/claimscan/claimscan/jobs/stage"
)

// chunkWindow is how many chunks may be between the reader and the
// sequencer at once (queued, being processed, or processed and waiting for
// an earlier one): two per worker and two more.
func chunkWindow(workers int) int { return 2*workers + 2 }

// result is a chunk after the workers: the rows of its records, for the
// global stages, and the same rows as Arrow batches, built by the worker.
type result struct {
	seq   int64
	items []stage.Rows
	bytes int64
	segs  []segment
}

func (r *result) release() {
	for i := range r.segs {
		r.segs[i].release()
	}
	r.segs = nil
}

// work turns chunks of records into results until chunks is closed. A
// panic while processing a record becomes that record's error, never a
// crashed run (stage.Processor.Process).
func work(ctx context.Context, chunks <-chan chunk, results chan<- result, proc *stage.Processor, busy *atomic.Int64) error {
	mem := memory.NewGoAllocator()
	for {
		var c chunk
		var ok bool
		select {
		case c, ok = <-chunks:
			if !ok {
				return nil
			}
		case <-ctx.Done():
			return ctx.Err()
		}
		t := time.Now()
		res := result{seq: c.seq, items: make([]stage.Rows, len(c.recs)), bytes: c.bytes}
		for i, rec := range c.recs {
			if i%16 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			res.items[i] = proc.Process(rec)
		}
		res.segs = buildBatches(mem, res.items, proc.WithText)
		busy.Add(int64(time.Since(t)))
		select {
		case results <- res:
		case <-ctx.Done():
			res.release()
			return ctx.Err()
		}
	}
}

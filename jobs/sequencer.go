package jobs

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"golang.org/x/sync/errgroup"

	"github.com/claimscan/claimscan/jobs/source"
	"github.com/claimscan/claimscan/jobs/stage"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// pendingHook, when set (by tests), is told how many chunks' results wait
// for an earlier one each time one arrives.
var pendingHook func(n int)

// maxLogged is how many problem lines a run prints before it only counts.
const maxLogged = 50

// sequencer receives the workers' results in any order, puts them back in input
// order, checks ids, groups the chunks' Arrow batches into Parquet parts and
// feeds the global stages. Because everything downstream of it sees records
// in input order, and part boundaries fall after the chunk that crosses a
// threshold, the output is the same for any number of workers.
type sequencer struct {
	cfg *Config
	w   *output.Writer
	mem memory.Allocator

	cur            partJob // the part being gathered
	partSize       int64   // its input bytes
	partRows       int64   // its claims rows
	partClaimBytes int64   // bytes of its claims' strings
	partCount      int     // parts sent so far

	ids      *stage.IDs
	statuses map[string]int64
	logged   int

	nKnown       int64 // articles skipped as known to a --since dataset
	nArticles    atomic.Int64
	nClaims      atomic.Int64
	extractNanos atomic.Int64 // time workers spent processing records
	writeNanos   atomic.Int64 // time part writers spent writing
	seqNanos     int64        // time the sequencer spent handling chunks

	window chan struct{} // the reader's chunk window: a token back per chunk handled

	conflicts *stage.Conflicts
	sources   *source.Aggregator
	toStages  []chan<- []stage.Rows // to the goroutines feeding sources and conflicts
}

func newSequencer(cfg *Config, w *output.Writer) (*sequencer, error) {
	// The conflicts stage spills into a hidden directory inside the run's
	// temporary output, removed before the dataset is committed.
	conflicts, err := stage.NewConflicts(cfg.Tolerance, filepath.Join(w.TempDir(), ".spill"))
	if err != nil {
		return nil, err
	}
	return &sequencer{
		cfg: cfg, w: w, mem: memory.NewGoAllocator(),
		ids: stage.NewIDs(), statuses: map[string]int64{},
		conflicts: conflicts, sources: source.New(),
	}, nil
}

// run consumes results until the channel is closed, writing parts with
// its own pool of part writers.
func (s *sequencer) run(ctx context.Context, results <-chan result) error {
	g, gctx := errgroup.WithContext(ctx)
	// Unbuffered: at most one part is being gathered while the writers
	// encode theirs, which bounds the Arrow memory held.
	parts := make(chan partJob)
	writers := min(max(s.cfg.Workers, 1), 2)
	for i := 0; i < writers; i++ {
		g.Go(func() error { return s.writeParts(gctx, parts) })
	}
	// The global stages get each chunk's rows in input order on their own
	// goroutines, so the sequencer is not their bottleneck.
	toSources := make(chan []stage.Rows, 8)
	toConflicts := make(chan []stage.Rows, 8)
	s.toStages = []chan<- []stage.Rows{toSources, toConflicts}
	g.Go(func() error {
		for items := range toSources {
			for i := range items {
				if items[i].Known {
					continue
				}
				s.sources.AddArticle(&items[i].Article)
				for j := range items[i].Claims {
					s.sources.AddClaim(&items[i].Claims[j])
				}
			}
		}
		return nil
	})
	g.Go(func() error {
		var err error
		for items := range toConflicts {
			for i := 0; i < len(items) && err == nil; i++ {
				for j := 0; j < len(items[i].Claims) && err == nil; j++ {
					err = s.conflicts.Add(&items[i].Claims[j])
				}
			}
		}
		return err
	})
	g.Go(func() error {
		defer close(parts)
		defer close(toSources)
		defer close(toConflicts)
		pending := map[int64]result{}
		defer func() {
			for _, r := range pending {
				r.release()
			}
		}()
		var next int64
		for {
			var res result
			var ok bool
			select {
			case res, ok = <-results:
			case <-gctx.Done():
				return gctx.Err()
			}
			if !ok {
				break
			}
			pending[res.seq] = res
			if pendingHook != nil {
				pendingHook(len(pending))
			}
			for {
				r, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				if err := s.handle(gctx, r, parts); err != nil {
					return err
				}
				if s.window != nil {
					<-s.window
				}
			}
		}
		if len(pending) != 0 {
			return fmt.Errorf("internal error: %d chunks never arrived after chunk %d", len(pending), next)
		}
		if len(s.cur.articles) > 0 || s.partCount == 0 {
			return s.flush(gctx, parts)
		}
		return nil
	})
	return g.Wait()
}

// handle takes the next chunk in input order. The worker built the chunk's
// batches already; when an id turns out to be a duplicate (which only the
// sequencer can know), the chunk's batches are rebuilt here.
func (s *sequencer) handle(ctx context.Context, r result, parts chan<- partJob) error {
	t := time.Now()
	defer func() { s.seqNanos += int64(time.Since(t)) }()
	rebuild := false
	for i := range r.items {
		it := &r.items[i]
		a := &it.Article
		if it.Known {
			s.nKnown++
			continue
		}
		if s.ids.Duplicate(a.ArticleID) {
			stage.MarkDuplicate(a)
			it.Claims = nil
			rebuild = true
		}
		if a.Status != schema.StatusOK {
			s.logProblem(a)
		}
		s.statuses[a.Status]++
		s.nArticles.Add(1)
		s.nClaims.Add(int64(len(it.Claims)))
	}
	if rebuild {
		r.release()
		r.segs = buildBatches(s.mem, r.items, s.cfg.WithText)
	}
	// From here on the items are only read.
	for _, ch := range s.toStages {
		select {
		case ch <- r.items:
		case <-ctx.Done():
			r.release()
			return ctx.Err()
		}
	}
	// The chunk's input bytes count in its first segment.
	s.partSize += r.bytes
	for i, seg := range r.segs {
		r.segs[i] = segment{}
		s.cur.articles = append(s.cur.articles, seg.articles)
		s.cur.claims = append(s.cur.claims, seg.claims)
		s.partRows += seg.claims.NumRows()
		s.partClaimBytes += seg.claimBytes
		if s.partSize >= s.cfg.PartBytes || s.partRows >= partLimits.rows || s.partClaimBytes >= partLimits.claimBytes {
			if err := s.flush(ctx, parts); err != nil {
				r.release()
				return err
			}
		}
	}
	return nil
}

func (s *sequencer) logProblem(a *schema.Article) {
	s.logged++
	if s.logged > maxLogged {
		return
	}
	where := a.Path
	if a.Line > 0 {
		where = fmt.Sprintf("%s:%d", a.Path, a.Line)
	}
	fmt.Fprintf(s.cfg.Log, "claimscan: %s: %s: %s\n", where, a.Status, a.Error)
	if s.logged == maxLogged {
		fmt.Fprintf(s.cfg.Log, "claimscan: further problems are not printed; see the articles table's status and error columns\n")
	}
}

// abandon frees what a failed run still holds.
func (s *sequencer) abandon() {
	s.cur.release()
	s.conflicts.Close()
}

package jobs

import (
	"context"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"golang.org/x/sync/errgroup"

	"github.com/claimscan/claimscan/jobs/stage"
	"github.com/claimscan/claimscan/schema"
)

// partLimits bound the parts of the articles and claims tables. A part
// closes at cfg.PartBytes of input, or when its claims reach rows rows or
// claimBytes bytes of strings (so a part of long sentences holds no more
// Arrow memory than a part of ordinary ones: 64K claims of news take about
// 25 MiB). A worker cuts a chunk's rows into segments of at most segRows
// claims and segBytes bytes of their strings (inside an article when one
// article exceeds them): no Arrow string column comes near its 2 GiB limit,
// and a part can close between segments. Ordinary chunks are one segment.
// Tests lower them.
var partLimits = struct {
	rows, claimBytes int64
	segRows          int
	segBytes         int64
}{rows: 64 << 10, claimBytes: 64 << 20, segRows: 16 << 10, segBytes: 16 << 20}

// conflictRowsPerPart is the most conflict rows in one part: one row group,
// built as one batch and encoded while the next is detected.
const conflictRowsPerPart = 64 << 10

// partJob is one part of the articles and claims tables, ready to write:
// the batches of its chunks, in input order.
type partJob struct {
	index    int
	articles []arrow.RecordBatch
	claims   []arrow.RecordBatch
}

func (j *partJob) release() {
	for _, r := range j.articles {
		r.Release()
	}
	for _, r := range j.claims {
		r.Release()
	}
	j.articles, j.claims = nil, nil
}

// articlesTable is the articles table of a run with or without the text
// column.
func articlesTable(withText bool) *schema.Table[schema.Article] {
	if withText {
		return schema.ArticlesWithText
	}
	return schema.Articles
}

// segment is a run of a chunk's rows as Arrow batches: articles rows and
// the claims that follow them. An article whose claims go on in the next
// segment has its row in the first of them.
type segment struct {
	articles, claims arrow.RecordBatch
	claimBytes       int64 // bytes of the claims' strings
}

func (g *segment) release() {
	if g.articles != nil {
		g.articles.Release()
		g.claims.Release()
		g.articles, g.claims = nil, nil
	}
}

// buildBatches turns the rows of records into segments of articles and
// claims batches, cut at partLimits.segRows claims or segBytes of their
// strings (one segment for an ordinary chunk); records known to a --since
// dataset are left out.
func buildBatches(mem memory.Allocator, items []stage.Rows, withText bool) []segment {
	var (
		segs   []segment
		rows   []schema.Article
		groups [][]schema.Claim
		n      int   // claims in the segment
		nb     int64 // bytes of their strings
	)
	emit := func() {
		ab := articlesTable(withText).NewBuilder(mem)
		cb := schema.Claims.NewBuilder(mem)
		ab.Append(rows...)
		cb.AppendGroups(groups)
		segs = append(segs, segment{articles: ab.NewRecordBatch(), claims: cb.NewRecordBatch(), claimBytes: nb})
		ab.Release()
		cb.Release()
		rows, groups, n, nb = nil, nil, 0, 0
	}
	for i := range items {
		if items[i].Known {
			continue
		}
		if n >= partLimits.segRows || nb >= partLimits.segBytes {
			emit()
		}
		rows = append(rows, items[i].Article)
		claims := items[i].Claims
		from := 0
		for j := range claims {
			if j > from && (n >= partLimits.segRows || nb >= partLimits.segBytes) {
				groups = append(groups, claims[from:j])
				emit()
				from = j
			}
			n++
			nb += claimBytes(&claims[j])
		}
		groups = append(groups, claims[from:])
	}
	if len(groups) > 0 || len(segs) == 0 {
		emit()
	}
	return segs
}

// claimBytes is the length of a claim's strings, as Arrow stores them.
func claimBytes(c *schema.Claim) int64 {
	return int64(len(c.ClaimID) + len(c.ArticleID) + len(c.Sentence) + len(c.Quote) + len(c.Subject) +
		len(c.Source) + len(c.SourceMention) + len(c.Cue) + len(c.ScopeText) + len(c.Location) +
		len(c.LocationMention) + len(c.Outlet) + len(c.ClaimKey) + len(c.Predicate) + len(c.Unit) + len(c.Kind) + len(c.Bound))
}

// flush sends the chunks gathered so far as the next part.
func (s *sequencer) flush(ctx context.Context, parts chan<- partJob) error {
	job := s.cur
	job.index = s.partCount
	s.cur = partJob{}
	s.partCount++
	s.partSize, s.partRows, s.partClaimBytes = 0, 0, 0
	select {
	case parts <- job:
		return nil
	case <-ctx.Done():
		job.release()
		return ctx.Err()
	}
}

func (s *sequencer) writeParts(ctx context.Context, parts <-chan partJob) error {
	for job := range parts {
		t := time.Now()
		err := ctx.Err()
		if err == nil {
			_, err = s.w.WritePart(schema.ArticlesTable, job.index, articlesTable(s.cfg.WithText).Schema(), job.articles...)
		}
		if err == nil {
			_, err = s.w.WritePart(schema.ClaimsTable, job.index, schema.Claims.Schema(), job.claims...)
		}
		job.release()
		s.writeNanos.Add(int64(time.Since(t)))
		if err != nil {
			for job := range parts {
				job.release()
			}
			return err
		}
	}
	return nil
}

// writeConflicts runs the conflict stage and streams its rows into parts of
// conflictRowsPerPart rows. Each part is built as one batch and handed to
// one of two part writers, so detection and encoding overlap and memory
// does not grow with the number of conflicts.
func (s *sequencer) writeConflicts(ctx context.Context) (int64, error) {
	defer s.conflicts.Close()
	g, gctx := errgroup.WithContext(ctx)
	type job struct {
		index int
		rec   arrow.RecordBatch
	}
	jobs := make(chan job)
	for range min(max(s.cfg.Workers, 1), 2) {
		g.Go(func() error {
			var err error
			for j := range jobs {
				if err == nil {
					_, err = s.w.WritePart(schema.ConflictsTable, j.index, schema.Conflicts.Schema(), j.rec)
				}
				j.rec.Release()
			}
			return err
		})
	}
	var (
		n      int64
		nParts int
		groups [][]schema.Conflict // the next part's rows, as emitted (Run lets emit keep them)
		inPart int
	)
	send := func() error {
		// A builder per part: its dictionaries hold that part's values only.
		b := schema.Conflicts.NewBuilder(s.mem)
		b.AppendGroups(groups)
		j := job{index: nParts, rec: b.NewRecordBatch()}
		b.Release()
		clear(groups)
		groups, inPart = groups[:0], 0
		nParts++
		select {
		case jobs <- j:
			return nil
		case <-gctx.Done():
			j.rec.Release()
			return gctx.Err()
		}
	}
	err := s.conflicts.Run(gctx, func(rows []schema.Conflict) error {
		for len(rows) > 0 {
			k := min(len(rows), conflictRowsPerPart-inPart)
			groups = append(groups, rows[:k])
			inPart += k
			n += int64(k)
			rows = rows[k:]
			if inPart >= conflictRowsPerPart {
				if err := send(); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err == nil && (inPart > 0 || nParts == 0) {
		err = send()
	}
	close(jobs)
	if werr := g.Wait(); err == nil {
		err = werr
	}
	if err != nil {
		return 0, err
	}
	return n, nil
}

// writeSources writes the sources table as one part.
func (s *sequencer) writeSources() (int64, error) {
	rows := s.sources.Rows()
	b := schema.Sources.NewBuilder(s.mem)
	defer b.Release()
	b.Append(rows...)
	rec := b.NewRecordBatch()
	defer rec.Release()
	if _, err := s.w.WritePart(schema.SourcesTable, 0, schema.Sources.Schema(), rec); err != nil {
		return 0, err
	}
	return int64(len(rows)), nil
}

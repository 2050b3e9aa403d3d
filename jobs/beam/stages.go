package beam

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/claimscan/claimscan/jobs"
	"github.com/claimscan/claimscan/jobs/conflict"
	"github.com/claimscan/claimscan/jobs/source"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// Part sizes. A bundle's rows are written as parts of at most this many
// rows, and as one part at the end of the bundle.
const (
	claimRowsPerPart    = 128 << 10
	articleRowsPerPart  = 128 << 10
	conflictRowsPerPart = 256 << 10
)

// readFn reads one input file with jobs.ProcessFile and emits its records
// keyed by article id, and the file's manifest entry. A file of a remote
// file system is copied to a local temporary directory first.
type readFn struct {
	Settings settings
}

// ProcessElement reads the file of t.
func (f *readFn) ProcessElement(ctx context.Context, t task, emit func(string, record), emitMeta func(meta)) error {
	if t.Missing.Status != "" {
		emit(t.Missing.ArticleID, record{Seq: t.Seq, Article: t.Missing})
		return nil
	}
	path := t.Path
	opts := jobs.FileOptions{Root: t.Root, MaxArticleBytes: f.Settings.MaxArticleBytes}
	if isURL(t.Path) {
		dir, local, err := fetch(ctx, t)
		if dir != "" {
			defer os.RemoveAll(dir)
		}
		if err != nil {
			return err
		}
		path, opts.Root, opts.Display = local, dir, t.Path
	}
	var n int64
	var last schema.Article
	in, err := jobs.ProcessFile(ctx, path, opts, func(p jobs.Processed) error {
		emit(p.Article.ArticleID, record{Seq: t.Seq, Rec: n, Article: p.Article, Claims: p.Claims})
		n++
		last = p.Article
		return nil
	})
	if err != nil {
		if n == 1 && last.Status == schema.StatusReadError && ctx.Err() == nil {
			// The file could not be opened: like Run, its read_error row
			// stands for it, and it is not in the manifest's inputs.
			return nil
		}
		return fmt.Errorf("read %s: %w", t.Path, err)
	}
	emitMeta(meta{Kind: metaInput, Input: in, Seq: t.Seq})
	return nil
}

// fetch copies the remote file of t into a new local temporary directory,
// at its path relative to t.Root, so that one-article ids come out as for
// a local directory.
func fetch(ctx context.Context, t task) (dir, local string, err error) {
	rel := strings.TrimPrefix(t.Path, t.Root)
	if rel == "" || strings.Contains(rel, "..") {
		rel = t.Path[strings.LastIndex(t.Path, "/")+1:]
	}
	dir, err = os.MkdirTemp("", "claimscan-input-")
	if err != nil {
		return "", "", err
	}
	local = filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(local), 0o755); err != nil {
		return dir, "", err
	}
	fs, err := filesystem.New(ctx, t.Path)
	if err != nil {
		return dir, "", err
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, t.Path)
	if err != nil {
		return dir, "", fmt.Errorf("open %s: %w", t.Path, err)
	}
	defer r.Close()
	w, err := os.Create(local)
	if err != nil {
		return dir, "", err
	}
	if _, err := io.Copy(w, r); err != nil {
		w.Close()
		return dir, "", fmt.Errorf("copy %s: %w", t.Path, err)
	}
	return dir, local, w.Close()
}

// recordsFn takes the records of one article id in any order, keeps the
// first in input order and marks the others duplicate_id (without their
// claims), as Run does. It writes the articles and claims parts of its
// bundle, and emits each claim's conflict item keyed by claim_key, each
// sources call keyed by its source row, the parts written and the bundle's
// status counts.
type recordsFn struct {
	Settings settings

	buf      []record
	nClaims  int
	statuses map[string]int64
	router   *source.Aggregator
}

// ProcessElement takes the records of article id.
func (f *recordsFn) ProcessElement(ctx context.Context, id string, iter func(*record) bool, emitItem func(string, conflict.Item), emitCall func(string, sourceCall), emitMeta func(meta)) error {
	if f.router == nil {
		f.router = source.New()
		f.statuses = map[string]int64{}
	}
	var recs []record
	for {
		var r record
		if !iter(&r) {
			break
		}
		recs = append(recs, r)
	}
	slices.SortFunc(recs, func(a, b record) int { return compareRecords(&a, &b) })
	for i := range recs {
		r := &recs[i]
		if i > 0 {
			jobs.MarkDuplicate(&r.Article)
			r.Claims = nil
		}
		f.statuses[r.Article.Status]++
		if k := f.router.ArticleRow(&r.Article); k != "" {
			emitCall(k, sourceCall{Seq: r.Seq, Rec: r.Rec, Index: -1, Article: source.ArticleInput(&r.Article)})
		}
		for j := range r.Claims {
			c := &r.Claims[j]
			if c.ClaimKey != "" {
				emitItem(c.ClaimKey, conflict.ItemOf(c))
			}
			if k := f.router.ClaimRow(&r.Article, c); k != "" {
				emitCall(k, sourceCall{Seq: r.Seq, Rec: r.Rec, Index: int32(j), Claim: source.ClaimInput(c)})
			}
		}
		f.buf = append(f.buf, *r)
		f.nClaims += len(r.Claims)
	}
	if f.nClaims >= claimRowsPerPart || len(f.buf) >= articleRowsPerPart {
		return f.flush(ctx, emitMeta)
	}
	return nil
}

// FinishBundle writes the bundle's last part and its status counts.
func (f *recordsFn) FinishBundle(ctx context.Context, _ func(string, conflict.Item), _ func(string, sourceCall), emitMeta func(meta)) error {
	if len(f.buf) > 0 {
		if err := f.flush(ctx, emitMeta); err != nil {
			return err
		}
	}
	if len(f.statuses) > 0 {
		emitMeta(meta{Kind: metaStatuses, Statuses: f.statuses})
		f.statuses = map[string]int64{}
	}
	return nil
}

// flush writes the buffered records as one articles and one claims part,
// rows in input order.
func (f *recordsFn) flush(ctx context.Context, emitMeta func(meta)) error {
	slices.SortFunc(f.buf, func(a, b record) int { return compareRecords(&a, &b) })
	arts := make([]schema.Article, len(f.buf))
	claims := make([]schema.Claim, 0, f.nClaims)
	for i := range f.buf {
		arts[i] = f.buf[i].Article
		claims = append(claims, f.buf[i].Claims...)
	}
	first := fmt.Sprintf("%016x.%016x", f.buf[0].Seq, f.buf[0].Rec)
	f.buf, f.nClaims = nil, 0
	name, err := newID()
	if err != nil {
		return err
	}
	pa, err := writeRows(ctx, f.Settings.Tmp, schema.Articles, name, first, arts)
	if err != nil {
		return err
	}
	pc, err := writeRows(ctx, f.Settings.Tmp, schema.Claims, name, first, claims)
	if err != nil {
		return err
	}
	emitMeta(meta{Kind: metaPart, Part: pa})
	emitMeta(meta{Kind: metaPart, Part: pc})
	return nil
}

// conflictsFn compares the claims of one claim_key with
// conflict.DetectGroup and writes the conflicts of its bundle as parts.
type conflictsFn struct {
	Settings settings

	rows []schema.Conflict
}

// ProcessElement compares the items of key.
func (f *conflictsFn) ProcessElement(ctx context.Context, key string, iter func(*conflict.Item) bool, emitMeta func(meta)) error {
	var items []conflict.Item
	for {
		var it conflict.Item
		if !iter(&it) {
			break
		}
		items = append(items, it)
	}
	cfg := conflict.DefaultConfig()
	cfg.Tolerance = f.Settings.Tolerance
	rows, err := conflict.DetectGroup(items, cfg)
	if err != nil {
		return fmt.Errorf("conflicts of %q: %w", key, err)
	}
	f.rows = append(f.rows, rows...)
	if len(f.rows) >= conflictRowsPerPart {
		return f.flush(ctx, emitMeta)
	}
	return nil
}

// FinishBundle writes the bundle's last part.
func (f *conflictsFn) FinishBundle(ctx context.Context, emitMeta func(meta)) error {
	if len(f.rows) == 0 {
		return nil
	}
	return f.flush(ctx, emitMeta)
}

func (f *conflictsFn) flush(ctx context.Context, emitMeta func(meta)) error {
	slices.SortFunc(f.rows, func(a, b schema.Conflict) int {
		if c := strings.Compare(a.ClaimKey, b.ClaimKey); c != 0 {
			return c
		}
		return strings.Compare(a.ConflictID, b.ConflictID)
	})
	rows := f.rows
	f.rows = nil
	name, err := newID()
	if err != nil {
		return err
	}
	pm, err := writeRows(ctx, f.Settings.Tmp, schema.Conflicts, name, rows[0].ClaimKey, rows)
	if err != nil {
		return err
	}
	emitMeta(meta{Kind: metaPart, Part: pm})
	return nil
}

// sourceRow replays the calls of one source row in input order into a new
// source.Aggregator and emits the row it gives, under one key for all rows.
func sourceRow(key string, iter func(*sourceCall) bool, emit func(int, schema.Source)) error {
	var calls []sourceCall
	for {
		var c sourceCall
		if !iter(&c) {
			break
		}
		calls = append(calls, c)
	}
	slices.SortFunc(calls, func(a, b sourceCall) int { return compareCalls(&a, &b) })
	g := source.New()
	for i := range calls {
		if calls[i].Index < 0 {
			g.AddArticle(&calls[i].Article)
		} else {
			g.AddClaim(&calls[i].Claim)
		}
	}
	rows := g.Rows()
	if len(rows) != 1 {
		return fmt.Errorf("source row %q: %d rows from its own calls, want 1", key, len(rows))
	}
	emit(0, rows[0])
	return nil
}

// sourcesFn writes the sources table as one part, rows sorted by name as
// Run writes them.
type sourcesFn struct {
	Settings settings
}

// ProcessElement takes every source row.
func (f *sourcesFn) ProcessElement(ctx context.Context, _ int, iter func(*schema.Source) bool, emitMeta func(meta)) error {
	var rows []schema.Source
	for {
		var r schema.Source
		if !iter(&r) {
			break
		}
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(a, b schema.Source) int { return strings.Compare(a.Name, b.Name) })
	name, err := newID()
	if err != nil {
		return err
	}
	pm, err := writeRows(ctx, f.Settings.Tmp, schema.Sources, name, "", rows)
	if err != nil {
		return err
	}
	emitMeta(meta{Kind: metaPart, Part: pm})
	return nil
}

// writeRows writes rows as one Parquet part of table t,
// tmp/<table>/name.parquet, on tmp's file system; first is the part's sort
// key.
func writeRows[T any](ctx context.Context, tmp string, t *schema.Table[T], name, first string, rows []T) (partMeta, error) {
	b := t.NewBuilder(memory.NewGoAllocator())
	defer b.Release()
	b.Append(rows...)
	rec := b.NewRecordBatch()
	defer rec.Release()
	return writePart(ctx, tmp, t.Name, name, first, t.Schema(), rec)
}

// writePart writes recs as one Parquet part, tmp/table/name.parquet, on
// tmp's file system.
func writePart(ctx context.Context, tmp, table, name, first string, sc *arrow.Schema, recs ...arrow.RecordBatch) (partMeta, error) {
	path := joinURL(tmp, table+"/"+name+".parquet")
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return partMeta{}, err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, path)
	if err != nil {
		return partMeta{}, fmt.Errorf("create %s: %w", path, err)
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	pw, err := output.NewPartWriter(bw, sc, output.Options{CreatedBy: "claimscan " + jobs.ToolVersion})
	if err != nil {
		w.Close()
		return partMeta{}, err
	}
	for _, rec := range recs {
		if err := pw.Write(rec); err != nil {
			pw.Abandon()
			w.Close()
			return partMeta{}, fmt.Errorf("write %s: %w", path, err)
		}
	}
	info, err := pw.Close()
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if s, ok := w.(interface{ Sync() error }); ok && err == nil {
		err = s.Sync()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return partMeta{}, fmt.Errorf("close %s: %w", path, err)
	}
	return partMeta{Table: table, Temp: path, First: first, Rows: info.Rows, Bytes: info.Bytes, SHA256: info.SHA256}, nil
}

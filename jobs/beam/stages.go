package beam

import (
	"bufio"
	"bytes"
	"cmp"
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

	"github.com/claimscan/claimscan/jobs/source"
	"github.com/claimscan/claimscan/jobs/stage"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// Sizes. A read bundle writes its records as parts of at most
// rowsPerPart articles or claims, and sends a kind's batches when they hold
// batchBytes (before compression).
const (
	rowsPerPart         = 128 << 10
	conflictRowsPerPart = 256 << 10
	batchBytes          = 4 << 20
)

// shardOf returns key's shard among n: FNV-1a, the same on every worker.
func shardOf(key string, n int) int {
	h := uint64(14695981039346656037)
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= 1099511628211
	}
	return int(h % uint64(n))
}

// batcher gathers encoded entries per shard and emits them as packed
// batches.
type batcher struct {
	shards []enc
	size   int
}

func newBatcher(n int) *batcher { return &batcher{shards: make([]enc, n)} }

// add encodes one entry into shard's batch with write, and emits every
// batch when they hold batchBytes.
func (b *batcher) add(shard int, write func(*enc), emit func(int, []byte)) {
	e := &b.shards[shard]
	before := len(e.b)
	write(e)
	b.size += len(e.b) - before
	if b.size >= batchBytes {
		b.flush(emit)
	}
}

// flush emits every non-empty batch.
func (b *batcher) flush(emit func(int, []byte)) {
	for i := range b.shards {
		if len(b.shards[i].b) > 0 {
			emit(i, pack(b.shards[i].b))
			b.shards[i].b = b.shards[i].b[:0]
		}
	}
	b.size = 0
}

// unpackAll decodes the entries of a shard's batches with next, keeping
// those keep accepts (all when keep is nil).
func unpackAll[T any](batches func(*[]byte) bool, next func(*dec) T, keep func(T) bool) ([]T, error) {
	var out []T
	var b []byte
	for batches(&b) {
		d, err := unpack(b)
		if err != nil {
			return nil, err
		}
		for d.more() {
			if v := next(d); d.err == nil && (keep == nil || keep(v)) {
				out = append(out, v)
			}
		}
		if d.err != nil {
			return nil, d.err
		}
	}
	return out, nil
}

// readFn reads one input file with stage.ProcessFile (a file of a remote
// file system is copied to a local temporary directory first). It writes
// the records of its bundle as articles and claims parts, before duplicate
// ids are known (fixupFn marks them), and sends per shard: each record's id
// and position, each claim's conflict item, each sources call; and the
// file's manifest entry and the bundle's status counts.
type readFn struct {
	Settings settings

	part     *partBuf
	ids      *batcher
	items    *batcher
	calls    *batcher
	router   *source.Aggregator
	statuses map[string]int64
}

// ProcessElement reads the file of t.
func (f *readFn) ProcessElement(ctx context.Context, t task, emitID, emitItem, emitCall func(int, []byte), emitPair func(partPair), emitMeta func(meta)) error {
	if f.part == nil {
		n := f.Settings.Shards
		f.part = newPartBuf()
		f.ids, f.items, f.calls = newBatcher(n), newBatcher(n), newBatcher(n)
		f.router = source.New()
		f.statuses = map[string]int64{}
	}
	add := func(rec int64, p stage.Rows) error {
		f.add(t.Seq, rec, &p, emitID, emitItem, emitCall)
		if f.part.full() {
			return f.flushPart(ctx, emitPair)
		}
		return nil
	}
	if t.Missing.Status != "" {
		return add(0, stage.Rows{Article: t.Missing})
	}
	path := t.Path
	opts := stage.FileOptions{Root: t.Root, MaxArticleBytes: f.Settings.MaxArticleBytes}
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
	in, err := stage.ProcessFile(ctx, path, opts, func(p stage.Rows) error {
		last = p.Article
		n++
		return add(n-1, p)
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

// add takes the record at (seq, rec): into the part being gathered, and
// into the batches.
func (f *readFn) add(seq, rec int64, p *stage.Rows, emitID, emitItem, emitCall func(int, []byte)) {
	a := &p.Article
	n := f.Settings.Shards
	f.part.add(seq, rec, p)
	f.statuses[a.Status]++
	f.ids.add(shardOf(a.ArticleID, n), func(e *enc) {
		e.idEntry(&idEntry{ID: a.ArticleID, Seq: seq, Rec: rec, Status: a.Status})
	}, emitID)
	if k := f.router.ArticleRow(a); k != "" {
		f.calls.add(shardOf(k, n), func(e *enc) {
			e.sourceCall(&sourceCall{Key: k, Seq: seq, Rec: rec, Index: -1, Article: source.ArticleInput(a)})
		}, emitCall)
	}
	for j := range p.Claims {
		c := &p.Claims[j]
		if it, ok := stage.ConflictItem(c); ok {
			// Items of one key are compared with each other only: a
			// shard's items make whole groups.
			f.items.add(shardOf(it.Key, n), func(e *enc) {
				e.itemEntry(&itemEntry{Seq: seq, Rec: rec, Item: it})
			}, emitItem)
		}
		if k := f.router.ClaimRow(a, c); k != "" {
			f.calls.add(shardOf(k, n), func(e *enc) {
				e.sourceCall(&sourceCall{Key: k, Seq: seq, Rec: rec, Index: int64(j), Claim: f.router.ClaimInput(c)})
			}, emitCall)
		}
	}
}

// FinishBundle writes the bundle's last part, sends its batches and its
// status counts.
func (f *readFn) FinishBundle(ctx context.Context, emitID, emitItem, emitCall func(int, []byte), emitPair func(partPair), emitMeta func(meta)) error {
	if f.part == nil {
		return nil
	}
	if f.part.nArticles > 0 {
		if err := f.flushPart(ctx, emitPair); err != nil {
			return err
		}
	}
	f.ids.flush(emitID)
	f.items.flush(emitItem)
	f.calls.flush(emitCall)
	emitMeta(meta{Kind: metaStatuses, Statuses: f.statuses})
	f.part.release()
	f.part = nil
	return nil
}

func (f *readFn) flushPart(ctx context.Context, emitPair func(partPair)) error {
	pair, err := f.part.write(ctx, f.Settings.Tmp)
	if err != nil {
		return err
	}
	emitPair(pair)
	return nil
}

// partBuf gathers the articles and claims rows of the records of a bundle
// in Arrow builders, and the records they come from.
type partBuf struct {
	arts      *schema.Builder[schema.Article]
	claims    *schema.Builder[schema.Claim]
	segs      []segment
	nArticles int
	nClaims   int
}

func newPartBuf() *partBuf {
	mem := memory.NewGoAllocator()
	return &partBuf{arts: schema.Articles.NewBuilder(mem), claims: schema.Claims.NewBuilder(mem)}
}

func (b *partBuf) add(seq, rec int64, p *stage.Rows) {
	b.arts.Append(p.Article)
	b.claims.Append(p.Claims...)
	b.nArticles++
	b.nClaims += len(p.Claims)
	if n := len(b.segs); n > 0 && b.segs[n-1].Seq == seq && b.segs[n-1].From+b.segs[n-1].N == rec {
		b.segs[n-1].N++
	} else {
		b.segs = append(b.segs, segment{Seq: seq, From: rec, N: 1})
	}
}

func (b *partBuf) full() bool { return b.nArticles >= rowsPerPart || b.nClaims >= rowsPerPart }

// write writes the gathered rows as one articles and one claims part with
// the same name, and empties the buffer.
func (b *partBuf) write(ctx context.Context, tmp string) (partPair, error) {
	pair := partPair{Segments: b.segs}
	first := positionKey(b.segs[0].Seq, b.segs[0].From)
	b.segs, b.nArticles, b.nClaims = nil, 0, 0
	name, err := newID()
	if err != nil {
		return pair, err
	}
	arts := b.arts.NewRecordBatch()
	defer arts.Release()
	claims := b.claims.NewRecordBatch()
	defer claims.Release()
	if pair.Articles, err = writePart(ctx, tmp, schema.ArticlesTable, name, first, schema.Articles.Schema(), arts); err != nil {
		return pair, err
	}
	pair.Claims, err = writePart(ctx, tmp, schema.ClaimsTable, name, first, schema.Claims.Schema(), claims)
	return pair, err
}

func (b *partBuf) release() {
	b.arts.Release()
	b.claims.Release()
}

// positionKey is the sort key of the record at (seq, rec).
func positionKey(seq, rec int64) string { return fmt.Sprintf("%016x.%016x", seq, rec) }

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

// idsFn finds the duplicate ids of one shard with the runner's rule
// (stage.IDs) over the shard's records put in input order: every record of
// an id but the first is a loser.
type idsFn struct{}

// ProcessElement takes the id batches of a shard.
func (idsFn) ProcessElement(_ context.Context, _ int, batches func(*[]byte) bool, emit func(loser)) error {
	entries, err := unpackAll(batches, (*dec).idEntry, nil)
	if err != nil {
		return err
	}
	slices.SortFunc(entries, func(a, b idEntry) int {
		return compareLosers(loser{Seq: a.Seq, Rec: a.Rec}, loser{Seq: b.Seq, Rec: b.Rec})
	})
	ids := stage.NewIDs()
	for _, e := range entries {
		if ids.Duplicate(e.ID) {
			emit(loser{Seq: e.Seq, Rec: e.Rec, Status: e.Status})
		}
	}
	return nil
}

// losersToShardsFn sends each loser to every shard, so the steps that group
// claims by shard get the losers with their claims, as data rather than as
// a side input (prism has been seen to hand those steps an empty side
// input now and then).
type losersToShardsFn struct {
	Shards int
}

// ProcessElement emits l under every shard key.
func (f *losersToShardsFn) ProcessElement(l loser, emit func(int, loser)) {
	for k := range f.Shards {
		emit(k, l)
	}
}

// loserMetaFn wraps a loser as a meta for the commit step.
func loserMetaFn(l loser, emit func(meta)) {
	emit(meta{Kind: metaLoser, Loser: l})
}

// loserSet holds the positions of the losers.
type loserSet map[[2]int64]string

func readLosers(iter func(*loser) bool) loserSet {
	set := loserSet{}
	var l loser
	for iter(&l) {
		set[[2]int64{l.Seq, l.Rec}] = l.Status
	}
	return set
}

func (s loserSet) has(seq, rec int64) bool {
	_, ok := s[[2]int64{seq, rec}]
	return ok
}

// fixupFn marks the losers of an articles and claims part pair as Run
// does (status duplicate_id, no claims), rewriting the pair when it holds
// any; a pair without losers is kept as written.
type fixupFn struct {
	Settings settings
}

// keyPairFn spreads the part pairs over the shards, so that they meet the
// losers as grouped data (see losersToShardsFn).
type keyPairFn struct {
	Shards int
}

// ProcessElement emits p under the shard of its first row.
func (f *keyPairFn) ProcessElement(p partPair, emit func(int, partPair)) {
	emit(shardOf(p.Articles.First, max(f.Shards, 1)), p)
}

// ProcessElement takes the part pairs of a shard and the losers.
func (f *fixupFn) ProcessElement(ctx context.Context, _ int, pairs func(*partPair) bool, losers func(*loser) bool, emit func(meta)) error {
	lost := readLosers(losers)
	var p partPair
	for pairs(&p) {
		if err := f.fix(ctx, p, lost, emit); err != nil {
			return err
		}
	}
	return nil
}

// fix marks the losers of one part pair.
func (f *fixupFn) fix(ctx context.Context, p partPair, lost loserSet, emit func(meta)) error {
	var marks []int
	row := 0
	for _, s := range p.Segments {
		for r := s.From; r < s.From+s.N; r++ {
			if lost.has(s.Seq, r) {
				marks = append(marks, row)
			}
			row++
		}
	}
	if len(marks) == 0 {
		emit(meta{Kind: metaPart, Part: p.Articles})
		emit(meta{Kind: metaPart, Part: p.Claims})
		return nil
	}
	arts, err := readRows(ctx, p.Articles.Temp, schema.Articles)
	if err != nil {
		return err
	}
	claims, err := readRows(ctx, p.Claims.Temp, schema.Claims)
	if err != nil {
		return err
	}
	if len(arts) != row {
		return fmt.Errorf("%s: %d rows, its records say %d", p.Articles.Temp, len(arts), row)
	}
	kept := claims[:0]
	next, pos := 0, 0
	for i := range arts {
		n := int(arts[i].NClaims)
		if pos+n > len(claims) {
			return fmt.Errorf("%s: fewer claims than its articles count", p.Claims.Temp)
		}
		if next < len(marks) && marks[next] == i {
			stage.MarkDuplicate(&arts[i])
			next++
		} else {
			kept = append(kept, claims[pos:pos+n]...)
		}
		pos += n
	}
	name, err := newID()
	if err != nil {
		return err
	}
	pa, err := writeRows(ctx, f.Settings.Tmp, schema.Articles, name, p.Articles.First, arts)
	if err != nil {
		return err
	}
	pc, err := writeRows(ctx, f.Settings.Tmp, schema.Claims, name, p.Claims.First, kept)
	if err != nil {
		return err
	}
	emit(meta{Kind: metaPart, Part: pa})
	emit(meta{Kind: metaPart, Part: pc})
	return nil
}

// conflictsFn finds the conflicts among the claims of one shard with the
// runner's conflicts stage (stage.Conflicts), leaving out the claims of
// losers, and writes the conflicts of its bundle as parts.
type conflictsFn struct {
	Settings settings

	rows []schema.Conflict
}

// ProcessElement takes the item batches of a shard and the losers (every
// shard gets all of them: see losersToShardsFn).
func (f *conflictsFn) ProcessElement(ctx context.Context, _ int, batches func(*[]byte) bool, losers func(*loser) bool, emitMeta func(meta)) error {
	lost := readLosers(losers)
	items, err := unpackAll(batches, (*dec).itemEntry, func(e itemEntry) bool { return !lost.has(e.Seq, e.Rec) })
	if err != nil {
		return err
	}
	spill, err := os.MkdirTemp("", "claimscan-conflicts-")
	if err != nil {
		return err
	}
	s, err := stage.NewConflicts(f.Settings.Tolerance, spill)
	if err != nil {
		return err
	}
	defer s.Close()
	for i := range items {
		if err := s.AddItem(items[i].Item); err != nil {
			return err
		}
	}
	err = s.Run(ctx, func(rows []schema.Conflict) error {
		f.rows = append(f.rows, rows...)
		return nil
	})
	if err != nil {
		return err
	}
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

// sourceRowsFn builds the source rows of one shard: for each row key, its
// calls (the claims of losers left out) are put back in input order and
// replayed into a new source.Aggregator, which gives that key's row of the
// whole; every row is emitted under one key.
type sourceRowsFn struct{}

// ProcessElement takes the call batches of a shard and the losers (every
// shard gets all of them: see losersToShardsFn).
func (f *sourceRowsFn) ProcessElement(_ context.Context, _ int, batches func(*[]byte) bool, losers func(*loser) bool, emit func(int, schema.Source)) error {
	lost := readLosers(losers)
	calls, err := unpackAll(batches, (*dec).sourceCall, func(c sourceCall) bool { return c.Index < 0 || !lost.has(c.Seq, c.Rec) })
	if err != nil {
		return err
	}
	slices.SortFunc(calls, compareCalls)
	for i := 0; i < len(calls); {
		j := i + 1
		for j < len(calls) && calls[j].Key == calls[i].Key {
			j++
		}
		g := source.New()
		for k := i; k < j; k++ {
			if calls[k].Index < 0 {
				g.AddArticle(&calls[k].Article)
			} else {
				g.AddClaim(&calls[k].Claim)
			}
		}
		rows := g.Rows()
		if len(rows) != 1 {
			return fmt.Errorf("source row %q: %d rows from its own calls, want 1", calls[i].Key, len(rows))
		}
		emit(0, rows[0])
		i = j
	}
	return nil
}

// compareCalls orders calls by row key, then input order: record, then the
// article before its claims.
func compareCalls(a, b sourceCall) int {
	if c := strings.Compare(a.Key, b.Key); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Seq, b.Seq); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Rec, b.Rec); c != 0 {
		return c
	}
	return cmp.Compare(a.Index, b.Index)
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

// readRows reads the rows of one part of table t from path, on its file
// system.
func readRows[T any](ctx context.Context, path string, t *schema.Table[T]) ([]T, error) {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	data, err := filesystem.Read(ctx, fs, path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var rows []T
	err = output.ReadPart(ctx, bytes.NewReader(data), func(rec arrow.RecordBatch) error {
		r, err := t.Rows(rec)
		rows = append(rows, r...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return rows, nil
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
	pw, err := output.NewPartWriter(bw, sc, stage.PartOptions())
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

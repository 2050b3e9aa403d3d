package beam

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/claimscan/claimscan/jobs/source"
	"github.com/claimscan/claimscan/jobs/stage"
	"github.com/claimscan/claimscan/schema"
)

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

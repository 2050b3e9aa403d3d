package output

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// ErrExists reports an output directory that exists, is not empty, and may
// not be replaced.
var ErrExists = errors.New("output directory exists and is not empty")

// ManifestName is the manifest's file name inside a dataset directory.
const ManifestName = "manifest.json"

// Options tune the Parquet files.
type Options struct {
	// RowGroupRows is the largest row group, in rows (default 131072).
	RowGroupRows int64
	// ZstdLevel is the zstd compression level (default 3).
	ZstdLevel int
	// CreatedBy is written into each file's footer.
	CreatedBy string
	// NoStats names columns written without min/max statistics: free text
	// and random hashes, whose bounds never prune a row group and cost a
	// comparison per value to keep.
	NoStats []string
	// Fast names columns compressed at zstd level 1 whatever ZstdLevel is:
	// columns that a higher level makes no smaller, such as random hashes.
	Fast []string
	// Mem allocates the Arrow buffers of concatenated dictionary columns (default
	// a Go allocator).
	Mem memory.Allocator
}

func (o Options) withDefaults() Options {
	if o.RowGroupRows <= 0 {
		o.RowGroupRows = 128 << 10
	}
	if o.ZstdLevel == 0 {
		o.ZstdLevel = 3
	}
	if o.CreatedBy == "" {
		o.CreatedBy = "claimscan"
	}
	if o.Mem == nil {
		o.Mem = memory.DefaultAllocator
	}
	return o
}

// Writer writes one dataset. NewPart may be called from several goroutines
// at once (one part each); Commit and Abort are called once, after every part
// is closed.
type Writer struct {
	dir       string
	tmp       string
	overwrite bool
	opts      Options

	mu    sync.Mutex
	parts []PartInfo

	lock  *os.File // the lock file of tmp, locked while tmp is this run's
	stale []string // what Create removed of earlier, killed runs
}

// PartInfo describes one written Parquet part.
type PartInfo struct {
	Table  string `json:"table"`
	Index  int    `json:"-"`
	Path   string `json:"path"` // relative to the dataset directory
	Rows   int64  `json:"rows"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// Create prepares a dataset at dir. It refuses an existing non-empty dir
// unless overwrite is set, and even then only when dir holds a manifest.json
// (it looks like a claimscan dataset), so a mistyped --out never deletes an
// unrelated directory. Nothing at dir changes before Commit, except that
// the temporary directories of earlier runs that were killed writing dir
// are removed (see Stale), and a previous dataset that such a run had moved
// aside is put back.
func Create(dir string, overwrite bool, opts Options) (*Writer, error) {
	dir = filepath.Clean(dir)
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	stale, err := removeStale(dir)
	if err != nil {
		return nil, fmt.Errorf("temporary output of an earlier run beside %s: %w", dir, err)
	}
	if err := CheckTarget(dir, overwrite); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, lock, err := newTemp(parent, base)
	if err != nil {
		return nil, fmt.Errorf("create temporary output beside %s: %w", dir, err)
	}
	w := &Writer{dir: dir, tmp: tmp, overwrite: overwrite, opts: opts.withDefaults(), lock: lock, stale: stale}
	register(w)
	return w, nil
}

// Stale says what Create removed or restored of earlier runs that were
// killed while writing the same dataset directory.
func (w *Writer) Stale() []string { return w.stale }

// CheckTarget reports whether a dataset may be written at dir: nil when dir
// does not exist or is empty, or (with overwrite) holds a manifest.json;
// else an error wrapping ErrExists. Create checks it; an engine that writes
// a dataset in several processes checks it before it starts.
func CheckTarget(dir string, overwrite bool) error {
	st, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("output %s: %w (it is a file)", dir, ErrExists)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if !overwrite {
		return fmt.Errorf("output %s: %w (use --overwrite to replace a previous dataset)", dir, ErrExists)
	}
	if _, err := os.Stat(filepath.Join(dir, ManifestName)); err != nil {
		return fmt.Errorf("output %s: %w and holds no %s, so it is not replaced even with --overwrite", dir, ErrExists, ManifestName)
	}
	return nil
}

// Dir returns the final dataset directory.
func (w *Writer) Dir() string { return w.dir }

// TempDir returns the temporary directory parts are written into.
func (w *Writer) TempDir() string { return w.tmp }

// PartName returns the relative path of part index of table.
func PartName(table string, index int) string {
	return filepath.Join(table, fmt.Sprintf("part-%05d.parquet", index))
}

// PartWriter writes one Parquet part to any io.Writer (a local file, or an
// object of a distributed engine's file system): zstd, the Arrow schema
// stored, dictionary pages for dictionary columns only. It counts and hashes
// the bytes it writes. Write batches in order, then Close; Close does not
// close the io.Writer.
//
// Batches are gathered until they fill a row group, then written column by
// column from their arrays. Only dictionary columns are concatenated first,
// which merges their Arrow dictionaries into one: Parquet keeps a single
// dictionary per column chunk, and a writer handed a second, different
// dictionary falls back to plain-encoding every value of the column.
type PartWriter struct {
	h    hash.Hash
	cw   *countWriter
	fw   *pqarrow.FileWriter
	sc   *arrow.Schema
	opts Options
	rows int64

	pending     []arrow.RecordBatch // batches of the row group being gathered
	pendingRows int64
	closed      bool
}

// NewPartWriter starts a Parquet part with schema sc on dst.
func NewPartWriter(dst io.Writer, sc *arrow.Schema, opts Options) (*PartWriter, error) {
	opts = opts.withDefaults()
	h := sha256.New()
	cw := &countWriter{w: io.MultiWriter(dst, h)}
	popts := []parquet.WriterProperty{
		parquet.WithCompression(compress.Codecs.Zstd),
		parquet.WithCompressionLevel(opts.ZstdLevel),
		parquet.WithMaxRowGroupLength(opts.RowGroupRows),
		parquet.WithCreatedBy(opts.CreatedBy),
		parquet.WithStats(true),
		// Dictionary pages only where the Arrow schema asks for them:
		// building a dictionary of free text (sentences, quotes) costs
		// time and memory and is thrown away when it overflows.
		parquet.WithDictionaryDefault(false),
	}
	for _, f := range sc.Fields() {
		if f.Type.ID() == arrow.DICTIONARY {
			popts = append(popts, parquet.WithDictionaryFor(f.Name, true))
		}
	}
	for _, name := range opts.Fast {
		if sc.HasField(name) {
			popts = append(popts, parquet.WithCompressionLevelFor(name, 1))
		}
	}
	for _, name := range opts.NoStats {
		if sc.HasField(name) {
			popts = append(popts, parquet.WithStatsFor(name, false))
		}
	}
	props := parquet.NewWriterProperties(popts...)
	fw, err := pqarrow.NewFileWriter(sc, cw, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	if err != nil {
		return nil, err
	}
	return &PartWriter{h: h, cw: cw, fw: fw, sc: sc, opts: opts}, nil
}

// Write appends a record batch; batches fill row groups of
// Options.RowGroupRows rows (the last one may be shorter). The PartWriter
// keeps a reference to rec until its row group is written.
func (p *PartWriter) Write(rec arrow.RecordBatch) error {
	if !rec.Schema().Equal(p.sc) {
		return fmt.Errorf("record batch schema does not match the part's:\nbatch: %s\npart: %s", rec.Schema(), p.sc)
	}
	if rec.NumRows() == 0 {
		return nil
	}
	rec.Retain()
	p.pending = append(p.pending, rec)
	p.pendingRows += rec.NumRows()
	for p.pendingRows >= p.opts.RowGroupRows {
		if err := p.flush(p.opts.RowGroupRows); err != nil {
			return err
		}
	}
	return nil
}

// flush writes the first n pending rows as one row group and keeps the
// rest pending. Each column is written from the pending batches' arrays
// as they are, except dictionary columns, which are concatenated to merge
// their dictionaries into one.
func (p *PartWriter) flush(n int64) error {
	if err := p.fw.NewRowGroupChecked(); err != nil {
		return err
	}
	chunks := make([]arrow.Array, len(p.pending))
	for i, f := range p.sc.Fields() {
		for j, r := range p.pending {
			chunks[j] = r.Column(i)
		}
		col, err := columnChunks(f, chunks, p.opts.Mem)
		if err != nil {
			return err
		}
		err = p.fw.WriteColumnChunked(col, 0, n)
		col.Release()
		if err != nil {
			return err
		}
	}
	p.rows += n
	p.keepAfter(n)
	return nil
}

// columnChunks is the chunked column of field f over arrays, one per
// pending batch: the arrays themselves, or for a dictionary column with
// several arrays their concatenation, whose dictionary holds all of theirs.
func columnChunks(f arrow.Field, arrays []arrow.Array, mem memory.Allocator) (*arrow.Chunked, error) {
	if f.Type.ID() != arrow.DICTIONARY || len(arrays) == 1 {
		return arrow.NewChunked(f.Type, arrays), nil
	}
	c, err := array.Concatenate(arrays, mem)
	if err != nil {
		return nil, fmt.Errorf("concatenate column %s: %w", f.Name, err)
	}
	defer c.Release()
	return arrow.NewChunked(f.Type, []arrow.Array{c}), nil
}

// keepAfter drops the first n pending rows, keeping the rest pending.
func (p *PartWriter) keepAfter(n int64) {
	var rest []arrow.RecordBatch
	var skipped int64
	for _, r := range p.pending {
		rows := r.NumRows()
		switch {
		case skipped+rows <= n:
		case skipped >= n:
			r.Retain()
			rest = append(rest, r)
		default:
			rest = append(rest, r.NewSlice(n-skipped, rows))
		}
		skipped += rows
		r.Release()
	}
	p.pending, p.pendingRows = rest, skipped-n
}

// Close finishes the Parquet file and returns its rows, size and sha256
// (Table, Index and Path left for the caller).
func (p *PartWriter) Close() (PartInfo, error) {
	if p.pendingRows > 0 {
		if err := p.flush(p.pendingRows); err != nil {
			p.Abandon()
			return PartInfo{}, err
		}
	}
	p.closed = true
	if err := p.fw.Close(); err != nil {
		return PartInfo{}, err
	}
	return PartInfo{Rows: p.rows, Bytes: p.cw.n, SHA256: hex.EncodeToString(p.h.Sum(nil))}, nil
}

// Abandon stops writing without finishing the file.
func (p *PartWriter) Abandon() {
	for _, r := range p.pending {
		r.Release()
	}
	p.pending, p.pendingRows = nil, 0
	if !p.closed {
		p.closed = true
		p.fw.Close()
	}
}

// Part is one Parquet file being written. Write batches in order, then Close.
type Part struct {
	w    *Writer
	info PartInfo
	f    *os.File
	buf  *bufio.Writer
	pw   *PartWriter
}

// NewPart starts part index of table with schema sc.
func (w *Writer) NewPart(table string, index int, sc *arrow.Schema) (*Part, error) {
	rel := PartName(table, index)
	path := filepath.Join(w.tmp, rel)
	// Mkdir, not MkdirAll: a temporary directory removed under a run that
	// is being stopped must not come back.
	if err := os.Mkdir(filepath.Dir(path), 0o755); err != nil && !errors.Is(err, os.ErrExist) {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	buf := bufio.NewWriterSize(f, 1<<20)
	pw, err := NewPartWriter(buf, sc, w.opts)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("parquet writer for %s: %w", rel, err)
	}
	return &Part{w: w, info: PartInfo{Table: table, Index: index, Path: filepath.ToSlash(rel)}, f: f, buf: buf, pw: pw}, nil
}

// Write appends a record batch; batches fill row groups of up to
// Options.RowGroupRows rows.
func (p *Part) Write(rec arrow.RecordBatch) error {
	if err := p.pw.Write(rec); err != nil {
		return fmt.Errorf("write %s: %w", p.info.Path, err)
	}
	return nil
}

// Close finishes the file, syncs it to disk and records its size and
// sha256. The part is registered with the Writer only when Close succeeds.
func (p *Part) Close() (PartInfo, error) {
	done, err := p.pw.Close()
	if ferr := p.buf.Flush(); err == nil {
		err = ferr
	}
	if serr := p.f.Sync(); err == nil {
		err = serr
	}
	if cerr := p.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return PartInfo{}, fmt.Errorf("close %s: %w", p.info.Path, err)
	}
	p.info.Rows, p.info.Bytes, p.info.SHA256 = done.Rows, done.Bytes, done.SHA256
	p.w.mu.Lock()
	p.w.parts = append(p.w.parts, p.info)
	p.w.mu.Unlock()
	return p.info, nil
}

// Abandon closes the part's file without finishing it; Abort removes it.
func (p *Part) Abandon() {
	p.pw.Abandon()
	p.f.Close()
}

// WritePart writes recs as part index of table in one call.
func (w *Writer) WritePart(table string, index int, sc *arrow.Schema, recs ...arrow.RecordBatch) (PartInfo, error) {
	p, err := w.NewPart(table, index, sc)
	if err != nil {
		return PartInfo{}, err
	}
	for _, rec := range recs {
		if err := p.Write(rec); err != nil {
			p.Abandon()
			return PartInfo{}, err
		}
	}
	return p.Close()
}

// Parts returns the parts closed so far, in the order they were closed.
func (w *Writer) Parts() []PartInfo {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]PartInfo(nil), w.parts...)
}

// Commit writes manifest into the temporary directory and renames it into
// place, replacing a previous dataset when the Writer was created with
// overwrite. After Commit the Writer is done; after a failed Commit, call
// Abort.
func (w *Writer) Commit(manifest []byte) error {
	if err := CommitDir(w.tmp, w.dir, w.overwrite, manifest); err != nil {
		return err
	}
	w.release()
	return nil
}

// crashAt, when set (by tests), is called after each step of CommitDir;
// an error stops CommitDir there, as if the process were killed: nothing
// after the step is done, nothing is cleaned up.
var crashAt func(step string) error

func crashed(step string) error {
	if crashAt != nil {
		return crashAt(step)
	}
	return nil
}

// exchangeDirs is exchange; tests replace it to take the other way.
var exchangeDirs = exchange

// errNoExchange: the system cannot swap two directories in one step.
var errNoExchange = errors.New("no atomic exchange of directories")

// CommitDir writes manifest into tmp, a directory that holds a dataset's
// parts and nothing else yet, syncs it, and renames it to dir, replacing a
// previous dataset there when overwrite is set (CheckTarget is checked
// again). It is Writer.Commit for a temporary directory that other
// processes filled: tmp must be on dir's file system, beside it.
//
// The replacement is crash-safe on Linux: the two directories are swapped
// in one step (renameat2 with RENAME_EXCHANGE), so dir always holds either
// the previous dataset or the new one, whenever the process is killed; the
// previous one is then removed from tmp's path. Where the file system
// cannot swap them, the previous dataset is first moved aside to
// tmp+".old": a process killed between the two renames leaves dir
// missing, and the next Create of dir puts the previous dataset back.
func CommitDir(tmp, dir string, overwrite bool, manifest []byte) error {
	dir = filepath.Clean(dir)
	if err := writeFileSync(filepath.Join(tmp, ManifestName), manifest); err != nil {
		return err
	}
	if err := syncDir(tmp); err != nil {
		return err
	}
	if err := crashed("manifest"); err != nil {
		return err
	}
	parent := filepath.Dir(dir)
	if _, err := os.Lstat(dir); err != nil {
		if err := os.Rename(tmp, dir); err != nil {
			return fmt.Errorf("rename %s to %s: %w", tmp, dir, err)
		}
		return syncDir(parent)
	}
	// Re-check: the directory may have been filled since Create.
	if err := CheckTarget(dir, overwrite); err != nil {
		return err
	}
	old, err := swap(tmp, dir)
	if err != nil {
		return err
	}
	if err := syncDir(parent); err != nil {
		return err
	}
	if err := crashed("swapped"); err != nil {
		return err
	}
	// The new dataset is in place whatever happens now; a previous one
	// left here is removed by the next run's Create.
	os.RemoveAll(old)
	return nil
}

// swap puts the directory tmp at dir, where a previous dataset is, and
// returns where the previous one is now.
func swap(tmp, dir string) (string, error) {
	err := exchangeDirs(tmp, dir)
	if err == nil {
		return tmp, nil
	}
	if !errors.Is(err, errNoExchange) {
		return "", fmt.Errorf("exchange %s and %s: %w", tmp, dir, err)
	}
	old := tmp + oldSuffix
	if err := os.Rename(dir, old); err != nil {
		return "", fmt.Errorf("move previous dataset aside: %w", err)
	}
	if err := crashed("moved aside"); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.Rename(old, dir)
		return "", fmt.Errorf("rename %s to %s: %w", tmp, dir, err)
	}
	return old, nil
}

// Abort removes the temporary directory and everything written into it.
func (w *Writer) Abort() error {
	err := os.RemoveAll(w.tmp)
	if rerr := os.RemoveAll(w.tmp + oldSuffix); err == nil {
		err = rerr
	}
	if err == nil {
		w.release()
	}
	return err
}

func writeFileSync(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

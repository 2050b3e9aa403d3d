package jobs

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// format is how an input file holds articles.
type format int

const (
	formatText    format = iota // one article per file (.txt, .md)
	formatJSONL                 // one article per line (.jsonl, .ndjson)
	formatHTML                  // one web page per file (.html, .htm)
	formatWARC                  // web archive of HTTP responses (.warc)
	formatParquet               // article table (.parquet)
)

// formatSpec says how to read one format: read turns a file into records
// (in the reader goroutine, streaming), parse turns one record into an
// article's fields (in a worker).
type formatSpec struct {
	read  func(r *reader, ctx context.Context, in input, f fs.File, src io.Reader) error
	parse func(rec *record) parsed
	// rawCompression: read gets the file's bytes as they are and handles
	// a .gz suffix itself (WARC files are gzipped record by record).
	rawCompression bool
}

// formats maps each format to its spec; extensions maps each file
// extension (lower case, without .gz or .zst) to its format.
var (
	formats = map[format]*formatSpec{
		formatText:  {read: (*reader).readText, parse: parseText},
		formatJSONL: {read: (*reader).readJSONL, parse: parseJSONL},
	}
	extensions = map[string]format{
		".txt": formatText, ".md": formatText,
		".jsonl": formatJSONL, ".ndjson": formatJSONL,
	}
)

// input is one file to read.
type input struct {
	fsys    fs.FS
	name    string // path inside fsys
	display string // path as shown in articles.path and the manifest
	id      string // article id of a one-article file: path relative to the root given
	format  format
	comp    string // "", ".gz" or ".zst"
	size    int64
	// stream: not a regular file (a pipe or a device given by name): it is
	// read only as far as its records go, never to its end for the
	// manifest's hash.
	stream bool
}

// record is one article as read, before parsing and extraction. raw is the
// file's bytes (text formats) or one JSON line; a record the reader could
// not use carries a status instead.
type record struct {
	path   string
	line   int64
	id     string
	format format
	raw    []byte
	// page keeps a web page's bytes as read once its parser has replaced
	// raw by the decoded text; contentType is a WARC response's HTTP
	// Content-Type, whose charset parameter the page's parser reads.
	page        []byte
	contentType string
	meta        *parsed // fields known from the container (WARC headers, Parquet columns)
	status      string
	err         string
}

// chunk is a run of consecutive records; seq orders chunks in input order.
type chunk struct {
	seq   int64
	recs  []record
	bytes int64 // raw bytes of the records
}

// classify returns the format and compression of a file name, or ok false
// for an extension claimscan does not read.
func classify(name string) (f format, comp string, ok bool) {
	lower := strings.ToLower(name)
	for _, c := range []string{".gz", ".zst"} {
		if strings.HasSuffix(lower, c) {
			comp = c
			lower = strings.TrimSuffix(lower, c)
			break
		}
	}
	if strings.HasSuffix(lower, goldSuffix) {
		return 0, "", false
	}
	f, ok = extensions[path.Ext(lower)]
	if !ok {
		return 0, "", false
	}
	if _, ok := formats[f]; !ok {
		return 0, "", false
	}
	return f, comp, true
}

// goldSuffix ends the name of a gold file (claims to score a run against,
// as claimscan gen writes beside its articles), also compressed: not
// articles, though JSONL.
const goldSuffix = ".gold.jsonl"

// unreadReason says why classify does not read a file of this name.
func unreadReason(name string) string {
	lower := strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(name), ".gz"), ".zst")
	if strings.HasSuffix(lower, goldSuffix) {
		return "gold claims for claimscan eval (*" + goldSuffix + "), not articles"
	}
	return "unknown extension"
}

// plan is the ordered list of inputs of a run, with the paths that could not
// be read at all and the files skipped.
type plan struct {
	inputs  []input
	missing []schema.Article // one read_error row per path that could not be opened
	skipped []output.Skipped
}

// planInputs resolves the paths given on the command line into files, in a
// deterministic order: paths in the order given, directories walked in
// lexical order. Hidden files and directories (".name") are skipped.
func planInputs(paths []string, embedded fs.FS, embeddedName string) (*plan, error) {
	p := &plan{}
	if len(paths) == 0 {
		return p, p.walk(embedded, ".", embeddedName, true)
	}
	for _, arg := range paths {
		st, err := os.Stat(arg)
		if err != nil {
			p.missing = append(p.missing, schema.Article{
				ArticleID: arg, Path: arg, Status: schema.StatusReadError, Error: describeErr(err),
			})
			continue
		}
		if !st.IsDir() {
			dir, base := filepath.Split(arg)
			if dir == "" {
				dir = "."
			}
			f, comp, ok := classify(base)
			if !ok {
				p.skipped = append(p.skipped, output.Skipped{Path: arg, Reason: unreadReason(base)})
				continue
			}
			// A path given by name may be a pipe or a device: it is read
			// as a stream, within the article size limit.
			p.inputs = append(p.inputs, input{fsys: os.DirFS(dir), name: base, display: arg, id: base, format: f, comp: comp,
				size: st.Size(), stream: !st.Mode().IsRegular()})
			continue
		}
		if err := p.walk(os.DirFS(arg), ".", arg, false); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func (p *plan) walk(fsys fs.FS, root, display string, embedded bool) error {
	return fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		shown := path.Join(filepath.ToSlash(display), name)
		if err != nil {
			if name == root {
				return err
			}
			p.missing = append(p.missing, schema.Article{ArticleID: name, Path: shown, Status: schema.StatusReadError, Error: describeErr(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if name != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, why := walkedFile(fsys, name, d)
		if why != "" {
			p.skipped = append(p.skipped, output.Skipped{Path: shown, Reason: why})
			return nil
		}
		f, comp, ok := classify(name)
		if !ok {
			if !embedded {
				p.skipped = append(p.skipped, output.Skipped{Path: shown, Reason: unreadReason(name)})
			}
			return nil
		}
		var size int64
		if info != nil {
			size = info.Size()
		}
		p.inputs = append(p.inputs, input{fsys: fsys, name: name, display: shown, id: name, format: f, comp: comp, size: size})
		return nil
	})
}

// walkedFile checks a file found in a directory walk: only regular files
// (also through a symbolic link; a broken link is left to fail as it is
// opened) are read. why says why another is not:
// a pipe would block the run, a device never end, and a link to a
// directory is not followed (it could loop, or leave the tree given).
func walkedFile(fsys fs.FS, name string, d fs.DirEntry) (info fs.FileInfo, why string) {
	typ := d.Type()
	if typ.IsRegular() {
		info, _ := d.Info()
		return info, ""
	}
	if typ&fs.ModeSymlink == 0 {
		return nil, "not a regular file (" + fileKind(typ) + ")"
	}
	st, err := fs.Stat(fsys, name)
	switch {
	case err != nil:
		// A broken link: opening it gives the article's read_error row.
		return nil, ""
	case st.IsDir():
		return nil, "symbolic link to a directory: not followed"
	case !st.Mode().IsRegular():
		return nil, "symbolic link to " + fileKind(st.Mode().Type()) + ", not a regular file"
	}
	return st, ""
}

// fileKind names the type of a file that is not a regular one.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return "a special file"
}

func describeErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// reader turns inputs into chunks of records.
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
func (r *reader) run(ctx context.Context, p *plan, out chan<- chunk) error {
	defer close(out)
	r.out = out
	for _, a := range p.missing {
		if err := r.add(ctx, record{id: a.ArticleID, path: a.Path, status: a.Status, err: a.Error}); err != nil {
			return err
		}
	}
	for _, in := range p.inputs {
		if err := r.readFile(ctx, in); err != nil {
			return err
		}
	}
	return r.flush(ctx)
}

func (r *reader) add(ctx context.Context, rec record) error {
	r.cur.recs = append(r.cur.recs, rec)
	r.cur.bytes += int64(len(rec.raw))
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
	r.cur = chunk{recs: make([]record, 0, 64)}
	return nil
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
		c.total.Add(int64(n))
	}
	return n, err
}

func (r *reader) readFile(ctx context.Context, in input) error {
	f, err := openFile(ctx, in.fsys, in.name)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return r.add(ctx, record{id: in.id, path: in.display, status: schema.StatusReadError, err: describeErr(err)})
	}
	defer f.Close()
	// A read blocked on a pipe or a stalled mount returns when the file is
	// closed, so cancellation is never stuck behind it.
	stop := context.AfterFunc(ctx, func() { f.Close() })
	defer stop()
	cr := &countingReader{r: f, h: sha256.New(), total: &r.bytesRead}
	spec := formats[in.format]
	var src io.Reader = cr
	var decErr error
	switch {
	case spec.rawCompression:
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
		err = r.add(ctx, record{id: in.id, path: in.display, status: schema.StatusReadError, err: decErr.Error()})
	} else {
		err = spec.read(r, ctx, in, f, src)
	}
	if err != nil {
		return err
	}
	// Hash the whole file for the manifest, also the part left unread; a
	// stream only as far as it was read (a device would never end).
	if !in.stream {
		if _, err := io.Copy(io.Discard, cr); err != nil && ctx.Err() == nil {
			// The read error was reported on a record already, or the file
			// was fully read; the manifest gets the hash of what was read.
			_ = err
		}
	}
	r.inputs = append(r.inputs, output.Input{Path: in.display, Size: cr.n, SHA256: hex.EncodeToString(cr.h.Sum(nil))})
	return nil
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

// readText reads a one-article file, refusing more than maxBytes.
func (r *reader) readText(ctx context.Context, in input, _ fs.File, src io.Reader) error {
	buf, err := io.ReadAll(io.LimitReader(src, r.maxBytes+1))
	rec := record{id: in.id, path: in.display, format: formatText}
	switch {
	case err != nil:
		rec.status, rec.err = schema.StatusReadError, describeErr(err)
	case int64(len(buf)) > r.maxBytes:
		rec.status, rec.err = schema.StatusTooLarge, fmt.Sprintf("article is larger than --max-article-bytes (%d)", r.maxBytes)
	default:
		rec.raw = buf
	}
	return r.add(ctx, rec)
}

// readJSONL reads one record a line, streaming: a line longer than maxBytes
// is skipped (a too_large record) without being held in memory, and a read
// error ends the file with a read_error record naming the line: a line cut
// short by the error is not a record of its own. Blank lines are not
// records.
func (r *reader) readJSONL(ctx context.Context, in input, _ fs.File, src io.Reader) error {
	br := bufio.NewReaderSize(src, 1<<20)
	var line int64
	var buf []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, tooLong, err := readLine(br, r.maxBytes, &buf, in.stream)
		if err != nil && err != io.EOF {
			// The line broke off with the file (a truncated or corrupt
			// compressed file): it is where reading stopped, not a record.
			data, tooLong = nil, false
		}
		trimmed := bytes.TrimSpace(data)
		if len(trimmed) > 0 || tooLong {
			line++
			rec := record{path: in.display, line: line, format: formatJSONL}
			if tooLong {
				rec.id = fmt.Sprintf("%s#L%d", in.display, line)
				rec.status, rec.err = schema.StatusTooLarge, fmt.Sprintf("line is larger than --max-article-bytes (%d)", r.maxBytes)
				if in.stream {
					// The rest of the line may never end (a device).
					rec.err += "; the rest of the stream is unread"
					return r.add(ctx, rec)
				}
			} else {
				rec.raw = append([]byte(nil), trimmed...)
			}
			if e := r.add(ctx, rec); e != nil {
				return e
			}
		} else if len(data) > 0 || err == nil {
			line++ // a blank line: counted, not a record
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return r.add(ctx, record{id: fmt.Sprintf("%s#L%d", in.display, line+1), path: in.display, line: line + 1, status: schema.StatusReadError,
				err: fmt.Sprintf("%s; the rest of the file is unread", describeErr(err))})
		}
	}
}

// readLine returns the next line without its end, or tooLong (and no data)
// when it is longer than max bytes; the rest of such a line is discarded
// as it is read, or left unread with stopLong. buf is scratch space reused
// across calls.
func readLine(br *bufio.Reader, max int64, buf *[]byte, stopLong bool) (line []byte, tooLong bool, err error) {
	frag, err := br.ReadSlice('\n')
	if !errors.Is(err, bufio.ErrBufferFull) {
		line = bytes.TrimRight(frag, "\r\n")
		if int64(len(line)) > max {
			return nil, true, err
		}
		return line, false, err
	}
	b := append((*buf)[:0], frag...)
	for errors.Is(err, bufio.ErrBufferFull) {
		if tooLong && stopLong {
			return nil, true, nil
		}
		frag, err = br.ReadSlice('\n')
		if !tooLong {
			if int64(len(b)+len(frag)) > max+2 {
				tooLong, b = true, b[:0]
			} else {
				b = append(b, frag...)
			}
		}
	}
	*buf = b
	if tooLong {
		return nil, true, err
	}
	line = bytes.TrimRight(b, "\r\n")
	if int64(len(line)) > max {
		return nil, true, err
	}
	return line, false, err
}

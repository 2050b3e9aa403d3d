package input

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
	"slices"
	"strings"
	"sync/atomic"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// format is how an input file holds articles: an index into formats.
type format int

const (
	formatText    format = iota // one article per file (.txt, .md)
	formatJSONL                 // one article per line (.jsonl, .ndjson)
	formatHTML                  // one web page per file (.html, .htm)
	formatWARC                  // web archive of HTTP responses (.warc)
	formatParquet               // article table (.parquet)
)

// Reader reads the files of one format. Read runs in the reader's
// goroutine and streams; Parse runs in a worker.
type Reader interface {
	// Read sends the records of one open file to in.emit, in file order,
	// without holding the whole file when its format allows. A problem of
	// the file becomes a record with a status; only ctx's cancellation or
	// an error from emit stops it.
	Read(ctx context.Context, in *Source) error
	// Parse reads one record's article fields. It may replace rec.raw by
	// the bytes the text was decoded from (a web page in another
	// charset), which the UTF-8 check then reads.
	Parse(rec *Record) Fields
}

// formatSpec is one row of the format table.
type formatSpec struct {
	name       string
	extensions []string // lower case, without .gz or .zst
	reader     Reader
	// raw: Read gets the file's bytes as stored and handles a .gz or .zst
	// suffix itself (WARC files are gzipped record by record, Parquet
	// compresses its own pages).
	raw bool
}

// formats is the table of input formats, indexed by format.
var formats = [...]formatSpec{
	formatText:    {name: "text", extensions: []string{".txt", ".md"}, reader: textReader{}},
	formatJSONL:   {name: "JSONL", extensions: []string{".jsonl", ".ndjson"}, reader: jsonlReader{}},
	formatHTML:    {name: "HTML", extensions: []string{".html", ".htm"}, reader: htmlReader{}},
	formatWARC:    {name: "WARC", extensions: []string{".warc"}, reader: warcReader{}, raw: true},
	formatParquet: {name: "Parquet", extensions: []string{".parquet"}, reader: parquetReader{}, raw: true},
}

// File is one input file of a run, as planned.
type File struct {
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

// Path is the file's path as articles.path and the manifest show it.
func (f File) Path() string { return f.display }

// Size is the file's size when planned, in bytes.
func (f File) Size() int64 { return f.size }

// Root is the directory the file's one-article id is relative to, as
// given: FileAt(f.Path(), f.Root(), "") plans the file again with the same
// id.
func (f File) Root() string {
	// display is the directory given joined with name, or the file given
	// when name is its base name.
	root := strings.TrimSuffix(f.display, f.name)
	if len(root) > 1 {
		root = strings.TrimSuffix(root, "/")
	}
	if root == "" {
		root = "."
	}
	return root
}

// Source is one open input file, as its format's Reader reads it.
type Source struct {
	File
	f        fs.File   // the open file (Parquet reads it at random)
	src      io.Reader // its bytes, decompressed unless the format is raw
	maxBytes int64     // the largest article accepted, in bytes
	emit     func(Record) error
}

// Record is one article as read, before parsing and checks. raw is the
// file's bytes (text formats) or one JSON line; a record the reader could
// not use carries a status instead.
type Record struct {
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
	meta        *Fields // fields known from the container (WARC headers, Parquet columns)
	status      string
	err         string
}

// Size is the record's size as read, in bytes.
func (r *Record) Size() int64 { return int64(len(r.raw)) }

// FailedRow is the articles row of a record whose processing failed with
// msg: status parse_error, the record's id, or its path and line.
func (r *Record) FailedRow(msg string) schema.Article {
	id := r.id
	if id == "" {
		id = lineID(r.path, r.line)
	}
	return schema.Article{ArticleID: id, Path: r.path, Line: r.line, Status: schema.StatusParseError, Error: msg}
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
	ext := path.Ext(lower)
	for i := range formats {
		if slices.Contains(formats[i].extensions, ext) {
			return format(i), comp, true
		}
	}
	return 0, "", false
}

// Readable reports whether a file of this name is read: whether its
// extension is one of the input formats'.
func Readable(name string) bool {
	_, _, ok := classify(path.Base(name))
	return ok
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

// Plan is the ordered list of the input files of a run, with the paths that
// could not be read at all and the files skipped.
type Plan struct {
	Files   []File
	Missing []schema.Article // one read_error row per path that could not be opened
	Skipped []output.Skipped
}

// NewPlan resolves the paths given on the command line into files, in a
// deterministic order: paths in the order given, directories walked in
// lexical order. Hidden files and directories (".name") are skipped. With
// no paths, the files of embedded are read, shown under embeddedName.
func NewPlan(paths []string, embedded fs.FS, embeddedName string) (*Plan, error) {
	p := &Plan{}
	if len(paths) == 0 {
		return p, p.walk(embedded, ".", embeddedName, true)
	}
	for _, arg := range paths {
		st, err := os.Stat(arg)
		if err != nil {
			p.Missing = append(p.Missing, schema.Article{
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
				p.Skipped = append(p.Skipped, output.Skipped{Path: arg, Reason: unreadReason(base)})
				continue
			}
			// A path given by name may be a pipe or a device: it is read
			// as a stream, within the article size limit.
			p.Files = append(p.Files, File{fsys: os.DirFS(dir), name: base, display: arg, id: base, format: f, comp: comp,
				size: st.Size(), stream: !st.Mode().IsRegular()})
			continue
		}
		if err := p.walk(os.DirFS(arg), ".", arg, false); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func (p *Plan) walk(fsys fs.FS, root, display string, embedded bool) error {
	return fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		shown := path.Join(filepath.ToSlash(display), name)
		if err != nil {
			if name == root {
				return err
			}
			p.Missing = append(p.Missing, schema.Article{ArticleID: name, Path: shown, Status: schema.StatusReadError, Error: describeErr(err)})
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
			p.Skipped = append(p.Skipped, output.Skipped{Path: shown, Reason: why})
			return nil
		}
		f, comp, ok := classify(name)
		if !ok {
			if !embedded {
				p.Skipped = append(p.Skipped, output.Skipped{Path: shown, Reason: unreadReason(name)})
			}
			return nil
		}
		var size int64
		if info != nil {
			size = info.Size()
		}
		p.Files = append(p.Files, File{fsys: fsys, name: name, display: shown, id: name, format: f, comp: comp, size: size})
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

// FileAt plans the one file at path, as a run plans a file found under
// root: its one-article id is its path relative to root ("" means the
// file's own directory, the id then being its name). display, when not
// "", is the path shown for it (in articles.path, in ids made from the
// path, in the manifest): a runner that copied a remote file to a local
// one gives the remote name. An unknown extension or a path that cannot be
// read is an error.
func FileAt(p, root, display string) (File, error) {
	f, comp, ok := classify(filepath.Base(p))
	if !ok {
		return File{}, fmt.Errorf("%s: unknown extension", p)
	}
	st, err := os.Stat(p)
	if err != nil {
		return File{}, err
	}
	if root == "" {
		root = filepath.Dir(p)
	}
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return File{}, err
	}
	if display == "" {
		display = p
	}
	return File{fsys: os.DirFS(root), name: filepath.ToSlash(rel), display: display, id: filepath.ToSlash(rel), format: f, comp: comp, size: st.Size()}, nil
}

// Options are the limits of reading.
type Options struct {
	// MaxBytes is the largest article read; a larger one is a too_large
	// record.
	MaxBytes int64
	// BytesRead, when not nil, counts the bytes read from the files as they
	// are read (for a progress bar).
	BytesRead *atomic.Int64
}

// Read sends the records of the plan to emit in *Source order: a read_error
// record for each path that could not be opened, then the records of every
// file. It returns the manifest's entries of the files read. A file that
// fails to read becomes a read_error record; only ctx's cancellation or an
// error from emit stops it early.
func (p *Plan) Read(ctx context.Context, opts Options, emit func(Record) error) ([]output.Input, error) {
	for _, a := range p.Missing {
		if err := emit(Record{id: a.ArticleID, path: a.Path, status: a.Status, err: a.Error}); err != nil {
			return nil, err
		}
	}
	var inputs []output.Input
	for _, f := range p.Files {
		in, err := f.Read(ctx, opts, emit)
		if err != nil {
			return nil, err
		}
		if in != nil {
			inputs = append(inputs, *in)
		}
	}
	return inputs, nil
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
		if c.total != nil {
			c.total.Add(int64(n))
		}
	}
	return n, err
}

// Read sends the file's records to emit, in file order, and returns the
// file's manifest entry: its size and SHA-256 (of the whole file, also the
// part left unread; of a stream, as far as it was read). A file that
// cannot be opened gives one read_error record and no entry (nil).
func (in File) Read(ctx context.Context, opts Options, emit func(Record) error) (*output.Input, error) {
	f, err := openFile(ctx, in.fsys, in.name)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, emit(Record{id: in.id, path: in.display, status: schema.StatusReadError, err: describeErr(err)})
	}
	defer f.Close()
	// A read blocked on a pipe or a stalled mount returns when the file is
	// closed, so cancellation is never stuck behind it.
	stop := context.AfterFunc(ctx, func() { f.Close() })
	defer stop()
	cr := &countingReader{r: f, h: sha256.New(), total: opts.BytesRead}
	spec := &formats[in.format]
	var src io.Reader = cr
	var decErr error
	switch {
	case spec.raw:
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
		err = emit(Record{id: in.id, path: in.display, status: schema.StatusReadError, err: decErr.Error()})
	} else {
		err = spec.reader.Read(ctx, &Source{File: in, f: f, src: src, maxBytes: opts.MaxBytes, emit: emit})
	}
	if err != nil {
		return nil, err
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
	return &output.Input{Path: in.display, Size: cr.n, SHA256: hex.EncodeToString(cr.h.Sum(nil))}, nil
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

// textReader reads .txt and .md files: one article a file.
type textReader struct{}

// Read reads a one-article file, refusing more than maxBytes.
func (textReader) Read(ctx context.Context, in *Source) error {
	return in.readWhole(formatText, "article")
}

// Parse reads a one-article .txt or .md file.
func (textReader) Parse(rec *Record) Fields { return parseText(rec) }

// readWhole reads the file as the one record of a one-article format,
// refusing more than maxBytes; what names the article in the error.
func (in *Source) readWhole(f format, what string) error {
	buf, err := io.ReadAll(io.LimitReader(in.src, in.maxBytes+1))
	rec := Record{id: in.id, path: in.display, format: f}
	switch {
	case err != nil:
		rec.status, rec.err = schema.StatusReadError, describeErr(err)
	case int64(len(buf)) > in.maxBytes:
		rec.status, rec.err = schema.StatusTooLarge, fmt.Sprintf("%s is larger than --max-article-bytes (%d)", what, in.maxBytes)
	default:
		rec.raw = buf
	}
	return in.emit(rec)
}

// jsonlReader reads .jsonl and .ndjson files: one article a line.
type jsonlReader struct{}

// Parse reads one JSONL record.
func (jsonlReader) Parse(rec *Record) Fields { return parseJSONL(rec) }

// Read reads one record a line, streaming: a line longer than maxBytes
// is skipped (a too_large record) without being held in memory, and a read
// error ends the file with a read_error record naming the line: a line cut
// short by the error is not a record of its own. Blank lines are not
// records.
func (jsonlReader) Read(ctx context.Context, in *Source) error {
	br := bufio.NewReaderSize(in.src, 1<<20)
	var line int64
	var buf []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, tooLong, err := readLine(br, in.maxBytes, &buf, in.stream)
		if err != nil && err != io.EOF {
			// The line broke off with the file (a truncated or corrupt
			// compressed file): it is where reading stopped, not a record.
			data, tooLong = nil, false
		}
		trimmed := bytes.TrimSpace(data)
		if len(trimmed) > 0 || tooLong {
			line++
			rec := Record{path: in.display, line: line, format: formatJSONL}
			if tooLong {
				rec.id = fmt.Sprintf("%s#L%d", in.display, line)
				rec.status, rec.err = schema.StatusTooLarge, fmt.Sprintf("line is larger than --max-article-bytes (%d)", in.maxBytes)
				if in.stream {
					// The rest of the line may never end (a device).
					rec.err += "; the rest of the stream is unread"
					return in.emit(rec)
				}
			} else {
				rec.raw = append([]byte(nil), trimmed...)
			}
			if e := in.emit(rec); e != nil {
				return e
			}
		} else if len(data) > 0 || err == nil {
			line++ // a blank line: counted, not a record
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return in.emit(Record{id: fmt.Sprintf("%s#L%d", in.display, line+1), path: in.display, line: line + 1, status: schema.StatusReadError,
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

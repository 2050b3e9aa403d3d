package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The kinds of damage an *Error reports.
var (
	// ErrTruncated: the input ends inside a record or a gzip member.
	ErrTruncated = errors.New("input ends inside a record")
	// ErrCorrupt: a gzip member cannot be decoded.
	ErrCorrupt = errors.New("corrupt gzip member")
	// ErrFormat: a record's header is malformed, or something other than a
	// record stands where a record should start.
	ErrFormat = errors.New("not a WARC record")
)

// Error is a damaged part of the input. Reading can go on after it: the
// next call to Next resumes with the first good record after the damage.
type Error struct {
	// Offset is where the damaged part starts in the input: the record's
	// offset (see Record.Offset), or the offset of the bad gzip member.
	Offset int64
	// Kind is ErrTruncated, ErrCorrupt or ErrFormat.
	Kind error
	// Err says what was found, when there is more to say than Kind.
	Err error

	member bool // a bad gzip member
}

// Error returns "warc: offset N: kind: detail".
func (e *Error) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("warc: offset %d: %v", e.Offset, e.Kind)
	}
	return fmt.Sprintf("warc: offset %d: %v: %v", e.Offset, e.Kind, e.Err)
}

// Unwrap returns the kind and the detail, for errors.Is.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// Field is one named header field.
type Field struct {
	Name, Value string
}

// Header is a record's header fields in input order. Folded lines are
// joined with a space; values are trimmed.
type Header []Field

// Get returns the value of the first field named name, compared without
// regard to case, or "".
func (h Header) Get(name string) string {
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// Record is one WARC record.
type Record struct {
	// Version is the record's version line, such as "WARC/1.1".
	Version string
	Header  Header
	// Offset is the input offset of the record's version line in a plain
	// file, or of the gzip member that holds it in a gzipped one.
	Offset int64
	// ContentLength is the length of the block, from the header.
	ContentLength int64
	// Body reads the block: exactly ContentLength bytes, then io.EOF. It
	// returns an *Error instead when the input ends early or the gzip
	// member holding the block is bad (see the package doc), or the
	// input's own error. It is valid until the next call to Next.
	Body io.Reader
}

const (
	// maxHeader is the largest record header read.
	maxHeader = 256 << 10
	// lineBufSize is the read buffer of the (decompressed) WARC stream,
	// also the longest header line.
	lineBufSize = 64 << 10
)

// Reader reads WARC records from a stream.
type Reader struct {
	br      *bufio.Reader // the WARC stream, decompressed
	mem     *members      // nil for a plain file
	pos     int64         // bytes of the WARC stream consumed
	body    *body         // the current record's body
	stash   *Record       // found, returned after the errors before it
	format  *Error        // junk seen, reported when the scan ends
	pending []error       // reported by the next calls to Next
	resync  bool          // skipping to the next version line
	final   error         // io.EOF or an input error: Next returns it from now on
	hdrBuf  []byte
}

// NewReader returns a Reader of the WARC file in r. A file that starts with
// the gzip magic bytes is read as gzip members; any other as plain WARC.
func NewReader(r io.Reader) *Reader {
	src := newSource(r)
	rd := &Reader{}
	if b, _ := src.br.Peek(2); len(b) == 2 && b[0] == 0x1f && b[1] == 0x8b {
		rd.mem = &members{src: src}
		rd.br = bufio.NewReaderSize(rd.mem, lineBufSize)
	} else {
		// A plain file needs no look-back, and the source's buffer
		// serves as the line buffer.
		src.t.noWindow = true
		rd.br = src.br
	}
	return rd
}

// offsetAt returns the input offset of the WARC stream's position pos.
func (r *Reader) offsetAt(pos int64) int64 {
	if r.mem == nil {
		return pos
	}
	return r.mem.memberAt(pos)
}

// classify turns an error met while reading the WARC stream into what
// Next or Body returns: an *Error for a bad gzip member or for the end of
// the input inside the record at recOff, the input's own error otherwise.
func (r *Reader) classify(err error, recOff int64) error {
	var me *memberError
	switch {
	case errors.As(err, &me):
		r.resync = true
		return &Error{Offset: me.offset, Kind: me.kind, Err: me.err, member: true}
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		r.final = io.EOF
		return &Error{Offset: recOff, Kind: ErrTruncated}
	default:
		r.final = err
		return err
	}
}

// noteFormat records junk where a record should be; it is reported once
// the scan for the next record ends, unless the damage of the gzip member
// it came from explains it.
func (r *Reader) noteFormat(e *Error) {
	if r.format == nil {
		r.format = e
	}
	r.resync = true
}

// flushFormat returns the error to report now when the scan ends with err
// (nil: a record was found), queueing err behind a noted format error.
func (r *Reader) flushFormat(err error) error {
	f := r.format
	r.format = nil
	if f == nil {
		return err
	}
	var we *Error
	if errors.As(err, &we) && we.member && we.Kind == ErrCorrupt && we.Offset == f.Offset {
		return err // the bad member explains the junk it gave
	}
	if err != nil {
		r.pending = append(r.pending, err)
	}
	return f
}

// Next returns the next record, skipping what is left of the previous
// one's body. It returns io.EOF at the end of the input, an *Error for a
// damaged part (call Next again to go on), or the input's own error, which
// ends the reading.
func (r *Reader) Next() (*Record, error) {
	if r.body != nil {
		b := r.body
		r.body = nil
		if err := b.skip(); err != nil {
			return nil, err
		}
	}
	if len(r.pending) > 0 {
		err := r.pending[0]
		r.pending = r.pending[1:]
		return nil, err
	}
	if r.stash != nil {
		rec := r.stash
		r.stash = nil
		r.body = rec.Body.(*body)
		return rec, nil
	}
	if r.final != nil {
		return nil, r.final
	}
	for {
		start := r.pos
		line, err := r.readLine()
		if err != nil && err != io.EOF {
			return nil, r.flushFormat(r.classify(err, r.offsetAt(start)))
		}
		if isVersionLine(line) {
			r.resync = false
			rec, err := r.readHeader(string(bytes.TrimRight(line, "\r\n")), start)
			var we *Error
			if errors.As(err, &we) && we.Kind == ErrFormat {
				r.noteFormat(we)
				continue
			}
			if err != nil {
				return nil, r.flushFormat(err)
			}
			if e := r.flushFormat(nil); e != nil {
				r.stash = rec
				return nil, e
			}
			r.body = rec.Body.(*body)
			return rec, nil
		}
		if err == io.EOF {
			r.final = io.EOF
			if len(bytes.TrimSpace(line)) > 0 && !r.resync {
				r.noteFormat(&Error{Offset: r.offsetAt(start), Kind: ErrFormat, Err: fmt.Errorf("stray bytes at the end of the input: %q", preview(line))})
			}
			if e := r.flushFormat(nil); e != nil {
				return nil, e
			}
			return nil, io.EOF
		}
		if r.resync || len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		r.noteFormat(&Error{Offset: r.offsetAt(start), Kind: ErrFormat, Err: fmt.Errorf("expected a WARC version line, found %q", preview(line))})
	}
}

// readLine returns the next line with its end. A line longer than the
// buffer is returned cut to the buffer's length, the rest skipped.
func (r *Reader) readLine() ([]byte, error) {
	line, err := r.br.ReadSlice('\n')
	r.pos += int64(len(line))
	if err != bufio.ErrBufferFull {
		return line, err
	}
	// Keep a copy of the beginning, skip the rest.
	head := append([]byte(nil), line...)
	for err == bufio.ErrBufferFull {
		var more []byte
		more, err = r.br.ReadSlice('\n')
		r.pos += int64(len(more))
	}
	return head, err
}

func isVersionLine(line []byte) bool {
	return len(line) > 5 && bytes.HasPrefix(line, []byte("WARC/")) && line[5] >= '0' && line[5] <= '9'
}

func preview(b []byte) string {
	b = bytes.TrimRight(b, "\r\n")
	if len(b) > 40 {
		b = b[:40]
	}
	return string(b)
}

// readHeader reads the header fields after the version line of the record
// that starts at stream position start.
func (r *Reader) readHeader(version string, start int64) (*Record, error) {
	off := r.offsetAt(start)
	buf := r.hdrBuf[:0]
	defer func() { r.hdrBuf = buf }()
	var lines [][2]int // start and end of each line in buf
	for {
		line, err := r.br.ReadSlice('\n')
		r.pos += int64(len(line))
		if err == bufio.ErrBufferFull {
			return nil, &Error{Offset: off, Kind: ErrFormat, Err: errors.New("header line longer than 64 KiB")}
		}
		if err != nil {
			return nil, r.classify(err, off)
		}
		trimmed := bytes.TrimRight(line, "\r\n")
		if len(trimmed) == 0 {
			break
		}
		if len(buf)+len(trimmed) > maxHeader {
			return nil, &Error{Offset: off, Kind: ErrFormat, Err: errors.New("header longer than 256 KiB")}
		}
		lines = append(lines, [2]int{len(buf), len(buf) + len(trimmed)})
		buf = append(buf, trimmed...)
	}
	h := make(Header, 0, len(lines))
	for _, l := range lines {
		line := buf[l[0]:l[1]]
		if (line[0] == ' ' || line[0] == '\t') && len(h) > 0 {
			last := &h[len(h)-1]
			last.Value = strings.TrimSpace(last.Value + " " + string(bytes.TrimSpace(line)))
			continue
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue // not a field: ignored
		}
		h = append(h, Field{Name: string(bytes.TrimSpace(name)), Value: string(bytes.TrimSpace(value))})
	}
	cl := h.Get("Content-Length")
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, &Error{Offset: off, Kind: ErrFormat, Err: fmt.Errorf("bad Content-Length %q", cl)}
	}
	b := &body{r: r, off: off, left: n, outEnd: r.pos + n}
	b.ownMember = r.mem != nil && r.mem.startsAt(start)
	return &Record{Version: version, Header: h, Offset: off, ContentLength: n, Body: b}, nil
}

// body reads one record's block.
type body struct {
	r      *Reader
	off    int64 // the record's offset
	left   int64 // block bytes not yet read
	outEnd int64 // stream position of the block's end
	// ownMember: the record starts a gzip member, which should then end
	// with it.
	ownMember bool
	done      bool  // the end was reached and checked, or an error returned
	err       error // what Read returns once done
}

func (b *body) Read(p []byte) (int, error) {
	if b.done {
		return 0, b.err
	}
	if b.left == 0 {
		b.done = true
		b.err = b.finish()
		return 0, b.err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.br.Read(p)
	b.r.pos += int64(n)
	b.left -= int64(n)
	if err != nil {
		if b.left == 0 && err == io.EOF {
			// The block is complete; the end check reports the rest.
			return n, nil
		}
		b.done = true
		b.err = b.r.classify(err, b.off)
		if n > 0 {
			return n, nil
		}
		return 0, b.err
	}
	return n, nil
}

// finish consumes the record's closing CR and LF bytes and, in a gzipped
// file, checks that the member holding the block's end was good when it
// ends there. It returns io.EOF when all is well.
func (b *body) finish() error {
	r := b.r
	for i := 0; i < 4; i++ {
		c, err := r.br.ReadByte()
		if err != nil {
			return b.endErr(err)
		}
		if c != '\r' && c != '\n' {
			r.br.UnreadByte()
			break
		}
		r.pos++
	}
	if r.mem == nil {
		return io.EOF
	}
	p, err := r.br.Peek(5)
	if len(p) == 0 && err != nil {
		return b.endErr(err)
	}
	if !b.ownMember || bytes.HasPrefix(p, []byte("WARC/")) || r.mem.startsAt(r.pos) {
		return io.EOF
	}
	return b.skipJunk()
}

// skipJunk skips what follows the block inside the record's own member up
// to the member's end or the next version line, whichever comes first, so
// that a member gone bad after the block is this record's error. Skipped
// bytes other than blank lines are reported as ErrFormat.
func (b *body) skipJunk() error {
	r := b.r
	dirty := false
	junk := &Error{Offset: b.off, Kind: ErrFormat, Err: errors.New("bytes after the record's block")}
	// report notes the junk like any other, so that junk running on past
	// the member is reported once.
	report := func() {
		if dirty {
			r.noteFormat(junk)
		}
	}
	skip := func(n int) {
		p, _ := r.br.Peek(n)
		if len(bytes.Trim(p, " \t\r\n")) > 0 {
			dirty = true
		}
		r.br.Discard(n)
		r.pos += int64(n)
	}
	for {
		buf, err := r.br.Peek(max(r.br.Buffered(), 7))
		stop, found := len(buf), false
		if err == nil {
			// Hold back a possible version line cut by the buffer's end.
			stop = max(len(buf)-6, 0)
		}
		for i := 0; i < len(buf); {
			j := bytes.Index(buf[i:], []byte("\nWARC/"))
			if j < 0 || i+j+6 >= len(buf) {
				break
			}
			if d := buf[i+j+6]; d >= '0' && d <= '9' {
				stop, found = i+j+1, true
				break
			}
			i += j + 1
		}
		if out, ok := r.mem.nextStart(r.pos); ok && out-r.pos <= int64(stop) {
			stop, found = int(out-r.pos), true
		}
		if found {
			skip(stop)
			report()
			return io.EOF
		}
		if err != nil {
			skip(len(buf))
			if err == io.EOF {
				report()
				return io.EOF
			}
			if e := b.endErr(err); e != io.EOF {
				return e // the record's own member is bad
			}
			// Not this record's: the junk comes first.
			if dirty {
				r.pending = append([]error{junk}, r.pending...)
			}
			return io.EOF
		}
		skip(stop)
	}
}

// endErr sorts an error met after the block: the end of the input is
// normal there; a bad member that holds part of this record is this
// record's error; anything else is queued for Next.
func (b *body) endErr(err error) error {
	r := b.r
	if err == io.EOF {
		return io.EOF
	}
	var me *memberError
	if errors.As(err, &me) && me.out < b.outEnd {
		return r.classify(err, b.off)
	}
	r.pending = append(r.pending, r.classify(err, b.off))
	return io.EOF
}

// skip reads what is left of the block and its end, returning the error a
// caller that stopped early did not see, or nil.
func (b *body) skip() error {
	if b.done {
		return nil
	}
	b.done = true
	for b.left > 0 {
		n, err := b.r.br.Discard(int(min(b.left, lineBufSize)))
		b.r.pos += int64(n)
		b.left -= int64(n)
		if err != nil {
			if b.left == 0 && err == io.EOF {
				break
			}
			return b.r.classify(err, b.off)
		}
	}
	if err := b.finish(); err != io.EOF {
		return err
	}
	return nil
}

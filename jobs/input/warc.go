package input

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/claimscan/claimscan/jobs/warc"
	"github.com/claimscan/claimscan/schema"
)

// maxHTTPHeader is the largest HTTP response header read from a record.
const maxHTTPHeader = 64 << 10

// warcReader reads .warc files: web archives of HTTP responses.
type warcReader struct{}

// Parse extracts the article of an archived web page (parseHTML).
func (warcReader) Parse(rec *Record) Fields { return parseHTML(rec) }

// Read reads a WARC file (.warc, .warc.gz as written by Common Crawl
// for CC-NEWS, or .warc.zst) as a stream of records, through package warc.
// The gzip members of a .warc.gz are read one by one by package warc (a
// gzipped file is recognised by its first bytes), so that a corrupt member
// costs only its own records; its doc states the recovery rules.
//
// Each response record that holds a successful (2xx) HTTP response with an
// HTML body (Content-Type text/html or application/xhtml+xml, or sniffed
// as HTML when it has none), and each resource record of type text/html,
// becomes an article: id from WARC-Record-ID (without its angle brackets),
// url from WARC-Target-URI, outlet from the URL's host, the WARC-Date as
// published unless the page gives its own date, line the record's number
// in the file (1-based, every record counted). The HTTP header is removed,
// chunked transfer coding undone, and a Content-Encoding of gzip, deflate,
// br or zstd decoded (a body stored decoded under headers that say
// otherwise is read as stored: decodeBody); the page itself, whose
// charset the HTTP Content-Type may give, is parsed by a worker
// (parseHTML).
//
// Other records are not articles and leave no row: warcinfo, request,
// metadata, revisit and conversion records, DNS and other non-HTTP
// responses, redirects, errors and other non-2xx responses, and responses
// that are not HTML (images, PDF, JSON, feeds).
//
// What cannot be used gets a row: a page over maxBytes is too_large; a
// bad HTTP message, or a body that neither decodes nor looks like text, is
// a read_error with the record's id; damage to the file itself (a corrupt
// gzip member, a malformed record, a truncated end) is a read_error whose
// id is "path@offset" unless the record's id was read, and whose error
// names the offset. A page that the end of the file cuts short keeps what
// was read of it: a read_error with its text and claims.
func (warcReader) Read(ctx context.Context, in *Source) error {
	wr := warc.NewReader(in.src)
	wp := &warcPages{br: bufio.NewReaderSize(nil, maxHTTPHeader), maxBytes: in.maxBytes}
	var n int64
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		wrec, err := wr.Next()
		if err == io.EOF {
			return nil
		}
		n++
		if err != nil {
			var we *warc.Error
			if errors.As(err, &we) {
				if e := in.emit(Record{id: fmt.Sprintf("%s@%d", in.display, we.Offset), path: in.display, line: n, format: formatWARC,
					status: schema.StatusReadError, err: err.Error()}); e != nil {
					return e
				}
				continue
			}
			return in.emit(Record{id: fmt.Sprintf("%s#R%d", in.display, n), path: in.display, line: n, format: formatWARC,
				status: schema.StatusReadError, err: fmt.Sprintf("%s; the rest of the file is unread", describeErr(err))})
		}
		rec, ok := wp.page(in, n, wrec)
		if !ok {
			continue
		}
		if err := in.emit(rec); err != nil {
			return err
		}
	}
}

// warcPages turns WARC records into page records, reusing its buffer.
type warcPages struct {
	br       *bufio.Reader
	maxBytes int64
}

// page returns the article record of a WARC record, or ok false when the
// record is not an HTML page.
func (wp *warcPages) page(in *Source, n int64, wrec *warc.Record) (rec Record, ok bool) {
	h := wrec.Header
	id := strings.TrimSuffix(strings.TrimPrefix(h.Get("WARC-Record-ID"), "<"), ">")
	if id == "" {
		id = fmt.Sprintf("%s@%d", in.display, wrec.Offset)
	}
	uri := strings.TrimSuffix(strings.TrimPrefix(h.Get("WARC-Target-URI"), "<"), ">")
	meta := &Fields{id: id, url: uri, outlet: hostOf(uri)}
	if d := h.Get("WARC-Date"); d != "" {
		if t, err := time.Parse(time.RFC3339Nano, d); err == nil {
			meta.published = t.UTC()
		} else {
			meta.notes = append(meta.notes, "WARC-Date: not a date: "+truncate(d, 40))
		}
	}
	if t := h.Get("WARC-Truncated"); t != "" {
		meta.notes = append(meta.notes, fmt.Sprintf("the crawler kept only part of this page (WARC-Truncated: %s)", t))
	}
	rec = Record{id: id, path: in.display, line: n, format: formatWARC, meta: meta}
	fail := func(status, msg string) (Record, bool) {
		rec.status, rec.err, rec.meta = status, msg, nil
		// Read the block to its end: damage found there is worth saying.
		if _, err := io.Copy(io.Discard, wrec.Body); err != nil {
			rec.status = schema.StatusReadError
			if !strings.Contains(msg, err.Error()) {
				rec.err = msg + "; " + err.Error()
			}
		}
		return rec, true
	}

	var body io.Reader
	var ctype, transfer, encoding string
	switch strings.ToLower(h.Get("WARC-Type")) {
	case "response":
		// No Content-Type (some writers omit it) is tried as HTTP.
		if ct := h.Get("Content-Type"); ct != "" {
			if mt, _, _ := mime.ParseMediaType(ct); mt != "application/http" {
				return rec, false // DNS and other non-HTTP responses
			}
		}
		wp.br.Reset(wrec.Body)
		resp, err := readHTTPHead(wp.br)
		if err != nil {
			return fail(schema.StatusReadError, fmt.Sprintf("record at offset %d: HTTP response: %v", wrec.Offset, err))
		}
		if resp.status < 200 || resp.status > 299 {
			return rec, false
		}
		ctype = resp.header.Get("Content-Type")
		if !htmlType(ctype, true) {
			return rec, false
		}
		body = wp.br
		transfer, encoding = resp.header.Get("Transfer-Encoding"), resp.header.Get("Content-Encoding")
	case "resource":
		ctype = h.Get("Content-Type")
		if !htmlType(ctype, false) {
			return rec, false
		}
		body = wrec.Body
	default:
		return rec, false // warcinfo, request, metadata, revisit, conversion
	}

	stored, err := io.ReadAll(io.LimitReader(body, wp.maxBytes+1))
	// A record that the end of the file cuts short keeps what was read of
	// its page (as forgiving readers such as warcio do); its row says so.
	cut := false
	if err != nil {
		var we *warc.Error
		switch {
		case errors.As(err, &we) && errors.Is(err, warc.ErrTruncated) && len(stored) > 0:
			cut = true
			meta.keptStatus = schema.StatusReadError
			meta.notes = append(meta.notes, fmt.Sprintf("%v; the %d bytes of the body read before the cut were kept", err, len(stored)))
		case errors.As(err, &we):
			return fail(schema.StatusReadError, err.Error())
		default:
			return fail(schema.StatusReadError, fmt.Sprintf("record at offset %d: body: %v", wrec.Offset, err))
		}
	}
	if int64(len(stored)) > wp.maxBytes {
		return fail(schema.StatusTooLarge, fmt.Sprintf("page is larger than --max-article-bytes (%d)", wp.maxBytes))
	}
	raw, note, err := wp.decodeBody(stored, transfer, encoding, cut)
	if err != nil {
		return fail(schema.StatusReadError, fmt.Sprintf("record at offset %d: %v", wrec.Offset, err))
	}
	if note != "" {
		meta.notes = append(meta.notes, note)
	}
	if int64(len(raw)) > wp.maxBytes {
		return fail(schema.StatusTooLarge, fmt.Sprintf("page is larger than --max-article-bytes (%d)", wp.maxBytes))
	}
	// The rest of the block (nothing, for a well-formed record) is read so
	// that a gzip member's checksum is checked before the page is used.
	if _, err := io.Copy(io.Discard, wrec.Body); err != nil && !cut {
		rec.status, rec.err, rec.meta = schema.StatusReadError, err.Error(), nil
		return rec, true
	}
	if ctype == "" && !strings.HasPrefix(http.DetectContentType(raw), "text/html") {
		return rec, false
	}
	rec.raw, rec.contentType = raw, ctype
	return rec, true
}

// decodeBody undoes an HTTP body's chunked transfer coding and its
// Content-Encoding (gzip, deflate, br, zstd). Crawlers often store the body
// already decoded but keep the headers that say otherwise (ClueWeb keeps
// "Content-Encoding: gzip" on decoded pages): a body that does not decode
// as declared, and looks like text as stored, is read as stored, with a
// note. A body that decodes part way keeps what was decoded, with a note
// unless the record itself was cut short (cut). err is set only when the
// body neither decodes nor looks like text.
func (wp *warcPages) decodeBody(stored []byte, transfer, encoding string, cut bool) (raw []byte, note string, err error) {
	raw = stored
	var notes []string
	if strings.Contains(strings.ToLower(transfer), "chunked") {
		out, err := io.ReadAll(io.LimitReader(httputil.NewChunkedReader(bytes.NewReader(raw)), wp.maxBytes+1))
		switch {
		case err == nil:
			raw = out
		case len(out) == 0:
			notes = append(notes, fmt.Sprintf("Transfer-Encoding chunked, but the body is not chunked (%v): read as stored", err))
		default:
			raw = out
			if !cut {
				notes = append(notes, fmt.Sprintf("the chunked body breaks off (%v): the part before was kept", err))
			}
		}
	}
	if e := strings.ToLower(strings.TrimSpace(encoding)); e != "" && e != "identity" && e != "none" {
		out, err := decodeContent(raw, encoding, wp.maxBytes+1)
		switch {
		case err == nil:
			raw = out
		case len(out) == 0:
			if !strings.HasPrefix(http.DetectContentType(raw), "text/") {
				return nil, "", err
			}
			notes = append(notes, fmt.Sprintf("%v; the body was read as stored (already decoded)", err))
		default:
			raw = out
			if !cut {
				notes = append(notes, fmt.Sprintf("%v: the part decoded before the error was kept", err))
			}
		}
	}
	return raw, strings.Join(notes, "; "), nil
}

// decodeContent undoes a Content-Encoding on a whole body, reading at most
// limit bytes of output; on error it returns what was decoded before it.
func decodeContent(body []byte, enc string, limit int64) ([]byte, error) {
	r, err := contentDecoder(bytes.NewReader(body), enc)
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(r, limit))
	if c, ok := r.(io.Closer); ok {
		c.Close()
	}
	if err != nil {
		return out, fmt.Errorf("Content-Encoding %s: %v", strings.TrimSpace(enc), err)
	}
	return out, nil
}

// htmlType reports whether a Content-Type is HTML; an empty one is HTML
// when orEmpty (it is sniffed from the body later).
func htmlType(ctype string, orEmpty bool) bool {
	if strings.TrimSpace(ctype) == "" {
		return orEmpty
	}
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ctype, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// httpHead is the part of an HTTP response before its body.
type httpHead struct {
	status int
	header http.Header
}

// readHTTPHead reads an HTTP response's status line and header fields.
// It is lenient as archived responses need: any HTTP version (also
// "HTTP/2"), header lines without a colon ignored, bare LF line ends.
func readHTTPHead(br *bufio.Reader) (*httpHead, error) {
	line, err := br.ReadSlice('\n')
	if err != nil && len(line) == 0 {
		return nil, fmt.Errorf("no status line: %w", err)
	}
	status := strings.TrimSpace(string(line))
	proto, rest, _ := strings.Cut(status, " ")
	if !strings.HasPrefix(proto, "HTTP/") {
		return nil, fmt.Errorf("not an HTTP response: %q", truncate(status, 40))
	}
	codeStr, _, _ := strings.Cut(strings.TrimSpace(rest), " ")
	code, cerr := strconv.Atoi(codeStr)
	if cerr != nil || len(codeStr) != 3 {
		return nil, fmt.Errorf("bad status line %q", truncate(status, 40))
	}
	head := &httpHead{status: code, header: http.Header{}}
	size := len(line)
	for err == nil {
		line, err = br.ReadSlice('\n')
		size += len(line)
		if errors.Is(err, bufio.ErrBufferFull) || size > maxHTTPHeader {
			return nil, fmt.Errorf("header longer than %d KiB", maxHTTPHeader>>10)
		}
		l := bytes.TrimRight(line, "\r\n")
		if len(l) == 0 {
			return head, nil
		}
		if name, value, ok := bytes.Cut(l, []byte(":")); ok {
			head.header.Add(string(bytes.TrimSpace(name)), string(bytes.TrimSpace(value)))
		}
	}
	if err == io.EOF {
		// A response without a body and without the blank line after its
		// header (seen in archives): the header is complete.
		return head, nil
	}
	return nil, err
}

// contentDecoder undoes a Content-Encoding.
func contentDecoder(r io.Reader, enc string) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "", "identity", "none":
		return r, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("Content-Encoding gzip: %v", err)
		}
		return zr, nil
	case "deflate":
		// Meant as zlib, but some servers send raw deflate.
		br := bufio.NewReader(r)
		if b, err := br.Peek(2); err == nil && b[0]&0x0f == 8 && (uint16(b[0])<<8|uint16(b[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("Content-Encoding deflate: %v", err)
			}
			return zr, nil
		}
		return flate.NewReader(br), nil
	case "br":
		return brotli.NewReader(r), nil
	case "zstd":
		zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1))
		if err != nil {
			return nil, fmt.Errorf("Content-Encoding zstd: %v", err)
		}
		return zstdCloser{zr}, nil
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", enc)
	}
}

// zstdCloser lets the zstd decoder's goroutines be released with Close.
type zstdCloser struct{ *zstd.Decoder }

func (z zstdCloser) Close() error {
	z.Decoder.Close()
	return nil
}

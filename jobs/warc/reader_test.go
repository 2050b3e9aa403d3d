package warc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/klauspost/compress/gzip"
)

// testRecord returns one WARC record of the given type with body as block.
func testRecord(typ, id, body string) string {
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n"+
		"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", typ, id, len(body), body)
}

var testRecords = []string{
	testRecord("warcinfo", "0000", "software: test\r\n"),
	testRecord("response", "0001", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>one</p></html>"),
	testRecord("request", "0002", "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n"),
	testRecord("response", "0003", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>three</p></html>"),
}

// gzipMember compresses s as one gzip member.
func gzipMember(t testing.TB, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// members compresses each record as its own member and returns the file
// and the offset of each member.
func gzipMembers(t testing.TB, recs []string) ([]byte, []int64) {
	var file []byte
	var offs []int64
	for _, r := range recs {
		offs = append(offs, int64(len(file)))
		file = append(file, gzipMember(t, r)...)
	}
	return file, offs
}

// event is what one call to Next gave: a record (id, offset, body, body
// error) or an error.
type event struct {
	id      string
	off     int64
	body    string
	bodyErr error
	err     error
}

func (e event) String() string {
	if e.err != nil {
		return fmt.Sprintf("error(%v)", e.err)
	}
	if e.bodyErr != nil {
		return fmt.Sprintf("%s@%d body error(%v)", e.id, e.off, e.bodyErr)
	}
	return fmt.Sprintf("%s@%d", e.id, e.off)
}

// readAll reads r to the end, reading every body whole.
func readAll(t testing.TB, r *Reader) []event {
	t.Helper()
	var evs []event
	for i := 0; ; i++ {
		if i > 1000 {
			t.Fatal("Next does not come to an end")
		}
		rec, err := r.Next()
		if err == io.EOF {
			if _, err2 := r.Next(); err2 != io.EOF {
				t.Fatalf("Next after io.EOF: %v", err2)
			}
			return evs
		}
		if err != nil {
			var we *Error
			if !errors.As(err, &we) {
				evs = append(evs, event{err: err})
				return evs
			}
			evs = append(evs, event{err: err, off: we.Offset})
			continue
		}
		body, berr := io.ReadAll(rec.Body)
		evs = append(evs, event{id: rec.Header.Get("warc-record-id"), off: rec.Offset, body: string(body), bodyErr: berr})
	}
}

func ids(evs []event) string {
	var s []string
	for _, e := range evs {
		s = append(s, e.String())
	}
	return strings.Join(s, " ")
}

func TestPlain(t *testing.T) {
	file := strings.Join(testRecords, "")
	evs := readAll(t, NewReader(strings.NewReader(file)))
	if len(evs) != 4 {
		t.Fatalf("got %s, want 4 records", ids(evs))
	}
	var off int64
	for i, e := range evs {
		if e.err != nil || e.bodyErr != nil {
			t.Fatalf("record %d: %s", i, e)
		}
		if e.off != off {
			t.Errorf("record %d offset %d, want %d", i, e.off, off)
		}
		if want := fmt.Sprintf("<urn:uuid:%04d>", i); e.id != want {
			t.Errorf("record %d id %q, want %q", i, e.id, want)
		}
		if !strings.Contains(testRecords[i], "\r\n\r\n"+e.body+"\r\n\r\n") || e.body == "" {
			t.Errorf("record %d body %q", i, e.body)
		}
		off += int64(len(testRecords[i]))
	}
}

func TestGzipMembers(t *testing.T) {
	file, offs := gzipMembers(t, testRecords)
	evs := readAll(t, NewReader(bytes.NewReader(file)))
	if len(evs) != 4 {
		t.Fatalf("got %s", ids(evs))
	}
	for i, e := range evs {
		if e.err != nil || e.bodyErr != nil || e.off != offs[i] {
			t.Errorf("record %d: %s, want offset %d", i, e, offs[i])
		}
	}
	if !strings.Contains(evs[3].body, "<p>three</p>") {
		t.Errorf("body %q", evs[3].body)
	}
}

func TestGzipWholeFile(t *testing.T) {
	file := gzipMember(t, strings.Join(testRecords, ""))
	evs := readAll(t, NewReader(iotest.OneByteReader(bytes.NewReader(file))))
	if len(evs) != 4 {
		t.Fatalf("got %s", ids(evs))
	}
	for _, e := range evs {
		if e.err != nil || e.bodyErr != nil || e.off != 0 {
			t.Errorf("%s: want a good record at offset 0", e)
		}
	}
}

func TestHeader(t *testing.T) {
	file := "\r\nWARC/1.0\r\nwarc-type: resource\r\nWARC-Target-URI: http://example.org/a\r\n  /b\r\nno colon here\r\ncontent-length: 3\r\n\r\nabc\r\n\r\n"
	r := NewReader(strings.NewReader(file))
	rec, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if rec.Version != "WARC/1.0" || rec.Offset != 2 || rec.ContentLength != 3 {
		t.Errorf("record %+v", rec)
	}
	if got := rec.Header.Get("WARC-Type"); got != "resource" {
		t.Errorf("WARC-Type %q", got)
	}
	if got := rec.Header.Get("WARC-Target-URI"); got != "http://example.org/a /b" {
		t.Errorf("folded value %q", got)
	}
	if len(rec.Header) != 3 {
		t.Errorf("header %v: want the line without a colon left out", rec.Header)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("Next without reading the body: %v, want io.EOF", err)
	}
}

func TestSkipUnreadBody(t *testing.T) {
	file := strings.Join(testRecords, "")
	r := NewReader(strings.NewReader(file))
	for i := range testRecords {
		rec, err := r.Next()
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if i == 1 {
			buf := make([]byte, 5)
			if _, err := io.ReadFull(rec.Body, buf); err != nil || string(buf) != "HTTP/" {
				t.Fatalf("partial body read %q %v", buf, err)
			}
		}
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("got %v, want io.EOF", err)
	}
}

func TestTruncatedPlain(t *testing.T) {
	full := strings.Join(testRecords, "")
	last := int64(len(full) - len(testRecords[3]))
	for _, cut := range []int{len(full) - 30, int(last) + 20, int(last) + 9} {
		evs := readAll(t, NewReader(strings.NewReader(full[:cut])))
		if len(evs) != 4 {
			t.Fatalf("cut at %d: %s", cut, ids(evs))
		}
		e := evs[3]
		err := e.err
		if err == nil {
			err = e.bodyErr
		}
		var we *Error
		if !errors.As(err, &we) || !errors.Is(err, ErrTruncated) || we.Offset != last {
			t.Errorf("cut at %d: last event %s, want ErrTruncated at offset %d", cut, e, last)
		}
	}
	// A file cut right after a block, before the closing CRLFs, is whole.
	evs := readAll(t, NewReader(strings.NewReader(full[:len(full)-4])))
	if len(evs) != 4 || evs[3].bodyErr != nil {
		t.Errorf("cut in the closing CRLFs: %s", ids(evs))
	}
}

func TestTruncatedGzip(t *testing.T) {
	file, offs := gzipMembers(t, testRecords)
	for _, cut := range []int{len(file) - 3, len(file) - 20, int(offs[3]) + 5} {
		evs := readAll(t, NewReader(bytes.NewReader(file[:cut])))
		if len(evs) != 4 {
			t.Fatalf("cut at %d: %s", cut, ids(evs))
		}
		for _, e := range evs[:3] {
			if e.err != nil || e.bodyErr != nil {
				t.Errorf("cut at %d: %s", cut, e)
			}
		}
		err := evs[3].err
		if err == nil {
			err = evs[3].bodyErr
		}
		var we *Error
		if !errors.As(err, &we) || !errors.Is(err, ErrTruncated) || we.Offset != offs[3] {
			t.Errorf("cut at %d: last event %s, want ErrTruncated at offset %d", cut, evs[3], offs[3])
		}
	}
}

// flip returns a copy of b with the byte at i changed.
func flip(b []byte, i int) []byte {
	c := append([]byte(nil), b...)
	c[i] ^= 0xa5
	return c
}

// wantRecovery checks that evs are records 0, 1, an error of kind at
// offset badOff, records 3 (and 4 when given), in that order; the error may
// come from Next or from record 2's body.
func wantRecovery(t *testing.T, evs []event, kind error, badOff int64) {
	t.Helper()
	var got []string
	var errs int
	for _, e := range evs {
		err := e.err
		if err == nil {
			err = e.bodyErr
		}
		if err != nil {
			errs++
			var we *Error
			if !errors.As(err, &we) || !errors.Is(err, kind) || we.Offset != badOff {
				t.Errorf("error %v, want %v at offset %d", err, kind, badOff)
			}
			continue
		}
		got = append(got, e.id)
	}
	want := []string{"<urn:uuid:0000>", "<urn:uuid:0001>", "<urn:uuid:0003>"}
	if strings.Join(got, " ") != strings.Join(want, " ") || errs != 1 {
		t.Errorf("got %s; want records 0, 1, 3 and one error", ids(evs))
	}
}

func TestCorruptMemberThenGoodMembers(t *testing.T) {
	file, offs := gzipMembers(t, testRecords)
	mid := int(offs[2]+offs[3]) / 2
	evs := readAll(t, NewReader(bytes.NewReader(flip(file, mid))))
	wantRecovery(t, evs, ErrCorrupt, offs[2])
}

func TestBadChecksum(t *testing.T) {
	file, offs := gzipMembers(t, testRecords)
	evs := readAll(t, NewReader(bytes.NewReader(flip(file, int(offs[3])-6))))
	wantRecovery(t, evs, ErrCorrupt, offs[2])
	// The record is reported on its body, not handed out as good.
	if evs[2].bodyErr == nil {
		t.Errorf("bad CRC: record 2 is %s, want a body error", evs[2])
	}
}

func TestBadHeaderMember(t *testing.T) {
	file, offs := gzipMembers(t, testRecords)
	evs := readAll(t, NewReader(bytes.NewReader(flip(file, int(offs[2])+1))))
	wantRecovery(t, evs, ErrCorrupt, offs[2])
}

func TestMemberCutShortThenGoodMembers(t *testing.T) {
	// A member that lost its end runs into the next one; the next one must
	// still be found.
	file, offs := gzipMembers(t, testRecords)
	var cut []byte
	cut = append(cut, file[:offs[3]-12]...)
	cut = append(cut, file[offs[3]:]...)
	evs := readAll(t, NewReader(bytes.NewReader(cut)))
	wantRecovery(t, evs, ErrCorrupt, offs[2])
}

func TestGarbageBetweenMembers(t *testing.T) {
	file, offs := gzipMembers(t, testRecords)
	var g []byte
	g = append(g, file[:offs[2]]...)
	g = append(g, "garbage \x1f\x8b\x08 more"...)
	g = append(g, file[offs[3]:]...)
	evs := readAll(t, NewReader(bytes.NewReader(g)))
	var got []string
	for _, e := range evs {
		if e.err != nil {
			if !errors.Is(e.err, ErrCorrupt) || e.off != offs[2] {
				t.Errorf("error %v, want ErrCorrupt at %d", e.err, offs[2])
			}
			continue
		}
		got = append(got, e.id)
	}
	if len(evs) != 4 || strings.Join(got, " ") != "<urn:uuid:0000> <urn:uuid:0001> <urn:uuid:0003>" {
		t.Errorf("got %s", ids(evs))
	}
}

func TestLargeCorruptMember(t *testing.T) {
	// A bad member larger than the look-back: the search goes on from
	// where decoding stopped.
	rnd := rand.New(rand.NewSource(1))
	big := make([]byte, 6<<20)
	for i := range big {
		big[i] = 'a' + byte(rnd.Intn(26))
	}
	recs := []string{testRecords[0], testRecords[1], testRecord("resource", "0002", string(big)), testRecords[3]}
	file, offs := gzipMembers(t, recs)
	evs := readAll(t, NewReader(bytes.NewReader(flip(file, int(offs[3])-20))))
	wantRecovery(t, evs, ErrCorrupt, offs[2])
}

func TestJunkAndBadHeaderPlain(t *testing.T) {
	bad := "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\nbody\r\n\r\n"
	file := testRecords[0] + "junk line\r\nmore junk\r\n" + testRecords[1] + bad + testRecords[3]
	evs := readAll(t, NewReader(strings.NewReader(file)))
	var s []string
	for _, e := range evs {
		if e.err != nil {
			s = append(s, fmt.Sprint(errors.Is(e.err, ErrFormat), e.off))
		} else {
			s = append(s, e.id)
		}
	}
	junkOff := len(testRecords[0])
	badOff := junkOff + len("junk line\r\nmore junk\r\n") + len(testRecords[1])
	want := fmt.Sprintf("<urn:uuid:0000>|true %d|<urn:uuid:0001>|true %d|<urn:uuid:0003>", junkOff, badOff)
	if got := strings.Join(s, "|"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestInputError(t *testing.T) {
	boom := errors.New("disk on fire")
	file := strings.Join(testRecords, "")
	r := NewReader(io.MultiReader(strings.NewReader(file[:len(file)-40]), iotest.ErrReader(boom)))
	evs := readAll(t, r)
	last := evs[len(evs)-1]
	if !errors.Is(last.err, boom) && !errors.Is(last.bodyErr, boom) {
		t.Fatalf("got %s, want the input's error last", ids(evs))
	}
	if _, err := r.Next(); !errors.Is(err, boom) {
		t.Errorf("Next after the input's error: %v", err)
	}
	gz, _ := gzipMembers(t, testRecords)
	r = NewReader(io.MultiReader(bytes.NewReader(gz[:len(gz)-40]), iotest.ErrReader(boom)))
	evs = readAll(t, r)
	last = evs[len(evs)-1]
	if !errors.Is(last.err, boom) && !errors.Is(last.bodyErr, boom) {
		t.Fatalf("gzip: got %s, want the input's error last", ids(evs))
	}
}

func TestEmpty(t *testing.T) {
	for _, in := range []string{"", "\r\n\r\n"} {
		if _, err := NewReader(strings.NewReader(in)).Next(); err != io.EOF {
			t.Errorf("%q: %v, want io.EOF", in, err)
		}
	}
}

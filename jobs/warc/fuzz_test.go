package warc

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// fuzzEvents reads data to the end and checks the reader's invariants on
// the way: it terminates, offsets lie inside the input, bodies hold at most
// ContentLength bytes, and io.EOF or the input's error stays.
func fuzzEvents(t *testing.T, data []byte) []string {
	r := NewReader(bytes.NewReader(data))
	var out []string
	limit := 1100*len(data) + 10 // gzip can expand about a thousandfold
	for i := 0; ; i++ {
		if i > limit {
			t.Fatalf("more than %d calls to Next on %d bytes", limit, len(data))
		}
		rec, err := r.Next()
		if err == io.EOF {
			if _, err := r.Next(); err != io.EOF {
				t.Fatalf("Next after io.EOF: %v", err)
			}
			return out
		}
		if err != nil {
			var we *Error
			if !errors.As(err, &we) {
				t.Fatalf("error of unexpected type %T: %v", err, err)
			}
			if we.Offset < 0 || we.Offset > int64(len(data)) {
				t.Fatalf("error offset %d outside the input of %d bytes", we.Offset, len(data))
			}
			out = append(out, "error:"+kindName(we.Kind))
			continue
		}
		if rec.Offset < 0 || rec.Offset >= int64(len(data)) {
			t.Fatalf("record offset %d outside the input of %d bytes", rec.Offset, len(data))
		}
		body, berr := io.ReadAll(rec.Body)
		if int64(len(body)) > rec.ContentLength {
			t.Fatalf("body of %d bytes, Content-Length %d", len(body), rec.ContentLength)
		}
		if berr == nil && int64(len(body)) != rec.ContentLength {
			t.Fatalf("body of %d bytes without an error, Content-Length %d", len(body), rec.ContentLength)
		}
		s := "record:" + rec.Version + "|" + rec.Header.Get("WARC-Record-ID") + "|" + string(body)
		if berr != nil {
			var we *Error
			if !errors.As(berr, &we) {
				t.Fatalf("body error of unexpected type %T: %v", berr, berr)
			}
			s += "|error:" + kindName(we.Kind)
		}
		out = append(out, s)
	}
}

func kindName(k error) string {
	switch k {
	case ErrTruncated:
		return "truncated"
	case ErrCorrupt:
		return "corrupt"
	case ErrFormat:
		return "format"
	}
	return "unknown"
}

// FuzzReader feeds arbitrary bytes to the reader, plain and as one gzip
// member: neither may panic or loop, and a plain input must read the same
// through gzip (the gzip layer adds nothing and loses nothing).
func FuzzReader(f *testing.F) {
	plain := strings.Join(testRecords, "")
	f.Add([]byte(plain))
	f.Add([]byte(plain[:len(plain)-30]))
	f.Add([]byte("junk\r\n" + plain + "WARC/1.0\r\nContent-Length: x\r\n\r\n"))
	gz, offs := gzipMembers(f, testRecords)
	f.Add(gz)
	f.Add(flip(gz, int(offs[2]+offs[3])/2))
	f.Add(gz[:len(gz)-5])
	f.Fuzz(func(t *testing.T, data []byte) {
		got := fuzzEvents(t, data)
		if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
			return
		}
		viaGzip := fuzzEvents(t, gzipMember(t, string(data)))
		if strings.Join(got, "\n") != strings.Join(viaGzip, "\n") {
			t.Fatalf("plain and gzipped reads differ:\nplain: %q\ngzip:  %q", got, viaGzip)
		}
	})
}

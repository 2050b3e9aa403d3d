package warc

import (
	"bufio"
	"bytes"
	"errors"
	"io"

	"github.com/klauspost/compress/gzip"
)

const (
	// maxLookBack is how many compressed bytes of the current member are
	// kept so that, when it turns out to be bad, the search for the next
	// member can start right after its first byte.
	maxLookBack = 4 << 20
	// srcBufSize is the read buffer of the compressed input.
	srcBufSize = 64 << 10
)

// tee reads the input, first from replay (bytes given back by a rewind),
// and keeps the bytes read since the start of the current member in win.
type tee struct {
	r       io.Reader
	replay  []byte
	next    int64  // input offset of the next byte Read returns
	win     []byte // bytes from winBase to next
	winBase int64
	ioErr   error // an error of r other than io.EOF
	// noWindow: keep no look-back (a plain file).
	noWindow bool
}

func (t *tee) Read(p []byte) (int, error) {
	var n int
	var err error
	if len(t.replay) > 0 {
		n = copy(p, t.replay)
		t.replay = t.replay[n:]
	} else {
		n, err = t.r.Read(p)
		if err != nil && err != io.EOF {
			t.ioErr = err
		}
	}
	if n > 0 && t.noWindow {
		t.next += int64(n)
	} else if n > 0 {
		t.win = append(t.win, p[:n]...)
		t.next += int64(n)
		if len(t.win) > maxLookBack {
			t.drop(int64(len(t.win) - maxLookBack/2))
		}
	}
	return n, err
}

// drop forgets the first k bytes of the window.
func (t *tee) drop(k int64) {
	t.win = t.win[:copy(t.win, t.win[k:])]
	t.winBase += k
}

// source is the compressed input with the offset of every byte, able to go
// back to any offset still in the window.
type source struct {
	t  tee
	br *bufio.Reader
}

func newSource(r io.Reader) *source {
	s := &source{t: tee{r: r}}
	s.br = bufio.NewReaderSize(&s.t, srcBufSize)
	return s
}

// offset returns the input offset of the next byte to be consumed.
func (s *source) offset() int64 { return s.t.next - int64(s.br.Buffered()) }

// keepFrom forgets the window before off, the start of a member.
func (s *source) keepFrom(off int64) {
	if k := off - s.t.winBase; k > 0 && k <= int64(len(s.t.win)) {
		s.t.drop(k)
	}
}

// rewind makes off the offset of the next byte consumed. It reports false
// when off is no longer in the window; nothing changes then.
func (s *source) rewind(off int64) bool {
	if off < s.t.winBase || off > s.t.next {
		return false
	}
	back := s.t.win[off-s.t.winBase:]
	replay := make([]byte, 0, len(back)+len(s.t.replay))
	replay = append(append(replay, back...), s.t.replay...)
	s.t.win = s.t.win[:off-s.t.winBase]
	s.t.next = off
	s.t.replay = replay
	s.br.Reset(&s.t)
	return true
}

// seekMember advances to the next plausible gzip header and reports
// whether one was found before the end of the input.
func (s *source) seekMember() bool {
	for {
		b, err := s.br.Peek(srcBufSize)
		for i := 0; i+10 <= len(b); i++ {
			j := bytes.IndexByte(b[i:], 0x1f)
			if j < 0 {
				break
			}
			i += j
			if plausibleHeader(b[i:]) {
				s.br.Discard(i)
				return true
			}
		}
		if err != nil {
			// Whatever is left is too short for a header.
			s.br.Discard(len(b))
			return false
		}
		// Keep the last 9 bytes: a header may start there.
		s.br.Discard(len(b) - 9)
	}
}

// plausibleHeader reports whether b starts with a gzip member header:
// magic, deflate, no reserved flag, an XFL of 0, 2 or 4, a known OS byte.
// It is only used to find members again after damage, where a stray 1f 8b
// 08 inside compressed data must not be taken for a member.
func plausibleHeader(b []byte) bool {
	if len(b) < 10 || b[0] != 0x1f || b[1] != 0x8b || b[2] != 8 || b[3]&0xe0 != 0 {
		return false
	}
	xfl, os := b[8], b[9]
	return (xfl == 0 || xfl == 2 || xfl == 4) && (os <= 13 || os == 255)
}

// memberError is a gzip member that could not be read.
type memberError struct {
	offset int64 // input offset of the member
	out    int64 // decompressed offset where its output started
	kind   error // ErrCorrupt or ErrTruncated
	err    error
}

func (e *memberError) Error() string { return e.err.Error() }

// bound says that the member at input offset off starts at decompressed
// offset out.
type bound struct {
	out, off int64
}

// members is the decompressed content of a gzipped input, read member by
// member. Read returns a *memberError for a bad member (after which it
// goes on with the next member it finds), io.EOF at the end, or the
// input's own error.
type members struct {
	src      *source
	z        gzip.Reader
	inMember bool
	start    int64   // input offset of the current member
	out      int64   // decompressed bytes returned
	bounds   []bound // member starts, oldest first
	scanning bool    // the next member must be searched for
}

func (m *members) Read(p []byte) (int, error) {
	for {
		if !m.inMember {
			if err := m.begin(); err != nil {
				return 0, err
			}
			continue
		}
		n, err := m.z.Read(p)
		m.out += int64(n)
		switch {
		case err == nil:
			return n, nil
		case err == io.EOF:
			m.inMember = false
			if n > 0 {
				return n, nil
			}
		default:
			if m.src.t.ioErr != nil {
				return n, m.src.t.ioErr
			}
			m.inMember = false
			return n, m.fail(m.start, m.outStart(), err)
		}
	}
}

// outStart returns the decompressed offset where the current member's
// output started.
func (m *members) outStart() int64 {
	return m.bounds[len(m.bounds)-1].out
}

// begin starts the member at the current offset, searching for one first
// after damage.
func (m *members) begin() error {
	if m.scanning {
		if !m.src.seekMember() {
			if m.src.t.ioErr != nil {
				return m.src.t.ioErr
			}
			return io.EOF
		}
		m.scanning = false
	}
	off := m.src.offset()
	m.src.keepFrom(off)
	if err := m.z.Reset(m.src.br); err != nil {
		if err == io.EOF {
			return io.EOF
		}
		if m.src.t.ioErr != nil {
			return m.src.t.ioErr
		}
		return m.fail(off, m.out, err)
	}
	m.z.Multistream(false)
	m.inMember, m.start = true, off
	m.bounds = append(m.bounds, bound{out: m.out, off: off})
	return nil
}

// fail reports the member at off as bad and arranges for the next member
// to be searched for from the byte after off.
func (m *members) fail(off, out int64, err error) error {
	kind := ErrCorrupt
	if errors.Is(err, io.ErrUnexpectedEOF) {
		kind = ErrTruncated
	}
	if !m.src.rewind(off + 1) {
		// The look-back is gone: search from where decoding stopped.
		m.src.keepFrom(m.src.offset())
	}
	m.scanning = true
	return &memberError{offset: off, out: out, kind: kind, err: err}
}

// memberAt returns the input offset of the member holding decompressed
// offset pos, forgetting the members before it: later calls must ask for
// positions no smaller.
func (m *members) memberAt(pos int64) int64 {
	i := 0
	for i+1 < len(m.bounds) && m.bounds[i+1].out <= pos {
		i++
	}
	m.bounds = m.bounds[i:]
	if len(m.bounds) == 0 {
		return m.start
	}
	return m.bounds[0].off
}

// startsAt reports whether a member starts at decompressed offset pos.
func (m *members) startsAt(pos int64) bool {
	for _, b := range m.bounds {
		if b.out == pos {
			return true
		}
	}
	return false
}

// nextStart returns the decompressed offset of the first member known to
// start after pos.
func (m *members) nextStart(pos int64) (int64, bool) {
	for _, b := range m.bounds {
		if b.out > pos {
			return b.out, true
		}
	}
	return 0, false
}

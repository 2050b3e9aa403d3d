package extract

import (
	"encoding/binary"
	"iter"
	"math/bits"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// lowerInto writes s lowered (ASCII letters only) into *buf, growing it,
// and returns it as a string that is valid until *buf is reused, and
// whether s is all ASCII. Eight zero bytes follow the string in the
// buffer, so load8 may read at any offset of it.
func lowerInto(buf *[]byte, s string) (string, bool) {
	if cap(*buf) < len(s)+8 {
		*buf = make([]byte, len(s)+8, len(s)+len(s)/2+8)
	}
	b := (*buf)[:len(s)+8]
	clear(b[len(s):])
	b = b[:len(s)]
	if len(b) == 0 {
		return "", true
	}
	src := unsafe.Slice(unsafe.StringData(s), len(s))
	var hi uint64
	i := 0
	// Eight bytes at a time: a byte in 'A'..'Z' (high bit clear) gets 0x20.
	// The words are read and written through pointers: slicing src[i:]
	// and b[i:] costs more than the arithmetic.
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	sp, bp := unsafe.Pointer(unsafe.SliceData(src)), unsafe.Pointer(unsafe.SliceData(b))
	for ; i+8 <= len(src); i += 8 {
		v := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(sp, i))[:])
		hi |= v
		a := v &^ highs
		ge := a + ones*(0x80-'A')   // high bit set where byte >= 'A'
		gt := a + ones*(0x80-'Z'-1) // high bit set where byte > 'Z'
		m := ge &^ gt &^ v & highs
		binary.LittleEndian.PutUint64((*[8]byte)(unsafe.Add(bp, i))[:], v|m>>2)
	}
	for ; i < len(src); i++ {
		c := src[i]
		hi |= uint64(c)
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return unsafe.String(unsafe.SliceData(b), len(b)), hi&highs == 0
}

// load8 returns the eight bytes of s at offset i, little-endian, reading
// past the end of s: only for strings from lowerInto, whose buffer has
// eight more bytes.
func load8(s string, i int) uint64 {
	// An array pointer, not unsafe.Slice, which checks its length.
	return binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i))[:])
}

// lowerASCII returns s lowered as lowerInto does, in a new buffer.
func lowerASCII(s string) string {
	var b []byte
	l, _ := lowerInto(&b, s)
	return l
}

// lowerASCIIFlag is lowerASCII that also reports whether s is all ASCII.
func lowerASCIIFlag(s string) (string, bool) {
	b := make([]byte, len(s))
	var hi byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		hi |= c
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return unsafe.String(unsafe.SliceData(b), len(b)), hi < utf8.RuneSelf
}

// sanitize replaces each invalid UTF-8 byte of s by U+FFFD, one for one, so
// the code-point count of the result equals len([]rune(s)) and code-point
// offsets into it are offsets into the original text as Python or
// []rune(s) see it.
func sanitize(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b := make([]byte, 0, len(s)+16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			b = utf8.AppendRune(b, utf8.RuneError)
			i++
			continue
		}
		b = append(b, s[i:i+n]...)
		i += n
	}
	return string(b)
}

// runeCounter converts byte offsets of a valid UTF-8 text into code-point
// offsets. Each offset costs the distance from the previous one, so offsets
// in about increasing order cost about one pass over the text; an ASCII
// text costs nothing. Offsets must fall on code-point boundaries.
type runeCounter struct {
	text  string
	ascii bool
	b, r  int // the last offset asked for, in bytes and code points
}

// at returns the code-point offset of byte offset b.
func (x *runeCounter) at(b int) int {
	if x.ascii {
		return b
	}
	if b >= x.b {
		x.r += runeCount(x.text[x.b:b])
	} else {
		x.r -= runeCount(x.text[b:x.b])
	}
	x.b = b
	return x.r
}

// runeCount is utf8.RuneCountInString for valid UTF-8: the bytes that do
// not continue a code point (10xxxxxx), counted eight at a time.
func runeCount(s string) int {
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	cont := 0
	i := 0
	for ; i+8 <= len(b); i += 8 {
		v := binary.LittleEndian.Uint64(b[i:])
		cont += bits.OnesCount64(v &^ (v << 1) & 0x8080808080808080)
	}
	for ; i < len(b); i++ {
		if b[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(b) - cont
}

// occurrences yields the byte offsets of the occurrences of s in text, in
// order, each past the end of the one before; none for an empty s.
func occurrences(text, s string) iter.Seq[int] {
	return func(yield func(int) bool) {
		if s == "" {
			return
		}
		for from := 0; from < len(text); {
			k := strings.Index(text[from:], s)
			if k < 0 || !yield(from+k) {
				return
			}
			from += k + len(s)
		}
	}
}

package output

import (
	"io"
	"sync"

	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/klauspost/compress/zstd"
)

// pageWindow is the zstd window of page compression. A Parquet data page
// is about 1 MiB (the writer's default page size), so a larger window finds
// no more matches; arrow-go's encoders keep the level's default window
// (8 MiB at level 3), whose history buffers cost 8 MiB or more per pooled
// encoder and are allocated again whenever the garbage collector empties
// the pool.
const pageWindow = 1 << 20

// zstdCodec is the zstd codec of Parquet pages: arrow-go's, except that
// pages are compressed by encoders with a window of pageWindow, kept per
// level in a free list the garbage collector does not empty.
type zstdCodec struct {
	base interface {
		compress.Codec
		compress.StreamingCodec
	}
	mu   sync.Mutex
	free map[zstd.EncoderLevel][]*zstd.Encoder
}

func init() {
	c, err := compress.GetCodec(compress.Codecs.Zstd)
	if err != nil {
		panic(err)
	}
	base, ok := c.(interface {
		compress.Codec
		compress.StreamingCodec
	})
	if !ok {
		panic("output: arrow-go's zstd codec is not a streaming codec")
	}
	compress.RegisterCodec(compress.Codecs.Zstd, &zstdCodec{base: base, free: map[zstd.EncoderLevel][]*zstd.Encoder{}})
}

func (z *zstdCodec) encoder(level zstd.EncoderLevel) *zstd.Encoder {
	z.mu.Lock()
	defer z.mu.Unlock()
	if l := z.free[level]; len(l) > 0 {
		e := l[len(l)-1]
		z.free[level] = l[:len(l)-1]
		return e
	}
	e, err := zstd.NewWriter(nil, zstd.WithZeroFrames(true), zstd.WithEncoderLevel(level),
		zstd.WithEncoderConcurrency(1), zstd.WithAllLitEntropyCompression(true), zstd.WithWindowSize(pageWindow))
	if err != nil {
		panic(err) // only for invalid options
	}
	return e
}

func (z *zstdCodec) release(level zstd.EncoderLevel, e *zstd.Encoder) {
	z.mu.Lock()
	z.free[level] = append(z.free[level], e)
	z.mu.Unlock()
}

// EncodeLevel compresses one page at a zstd level.
func (z *zstdCodec) EncodeLevel(dst, src []byte, level int) []byte {
	lvl := zstd.SpeedDefault
	if level != compress.DefaultCompressionLevel {
		lvl = zstd.EncoderLevelFromZstd(level)
	}
	e := z.encoder(lvl)
	defer z.release(lvl, e)
	return e.EncodeAll(src, dst[:0])
}

// Encode compresses one page at the default level.
func (z *zstdCodec) Encode(dst, src []byte) []byte {
	return z.EncodeLevel(dst, src, compress.DefaultCompressionLevel)
}

// CompressBound is arrow-go's bound.
func (z *zstdCodec) CompressBound(n int64) int64 { return z.base.CompressBound(n) }

// Decode decompresses one page.
func (z *zstdCodec) Decode(dst, src []byte) []byte { return z.base.Decode(dst, src) }

// DecodeWithError decompresses one page, reporting bad input as an error.
func (z *zstdCodec) DecodeWithError(dst, src []byte) ([]byte, error) {
	return compress.Decode(z.base, dst, src)
}

// NewReader decompresses a stream.
func (z *zstdCodec) NewReader(r io.Reader) io.ReadCloser { return z.base.NewReader(r) }

// NewWriter compresses a stream.
func (z *zstdCodec) NewWriter(w io.Writer) io.WriteCloser { return z.base.NewWriter(w) }

// NewWriterLevel compresses a stream at a level.
func (z *zstdCodec) NewWriterLevel(w io.Writer, level int) (io.WriteCloser, error) {
	return z.base.NewWriterLevel(w, level)
}

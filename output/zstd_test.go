package output

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/klauspost/compress/zstd"
)

// TestZstdCodec checks that Parquet pages go through the page codec, that
// its frames round-trip at every level the writer uses, from several
// goroutines at once, and that they ask a reader for no window larger
// than pageWindow.
func TestZstdCodec(t *testing.T) {
	c, err := compress.GetCodec(compress.Codecs.Zstd)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := c.(*zstdCodec); !ok {
		t.Fatalf("the zstd codec is %T, want *zstdCodec", c)
	}
	var page bytes.Buffer
	for i := 0; page.Len() < 3<<20; i++ {
		fmt.Fprintf(&page, "%d people were killed in %x, officials said on day %d. ", i%97, i*7919, i%31)
	}
	src := page.Bytes()
	var wg sync.WaitGroup
	for _, level := range []int{1, 3, compress.DefaultCompressionLevel, 1, 3} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 3; k++ {
				enc := c.EncodeLevel(nil, src, level)
				if len(enc) >= len(src)/2 {
					t.Errorf("level %d: %d bytes from %d, want real compression", level, len(enc), len(src))
				}
				var h zstd.Header
				if err := h.Decode(enc); err != nil {
					t.Error(err)
					return
				}
				window := h.WindowSize // a single-segment frame's window is its content
				if h.SingleSegment {
					window = h.FrameContentSize
				}
				if window > pageWindow {
					t.Errorf("level %d: window %d, want at most %d", level, window, pageWindow)
				}
				dec, err := compress.Decode(c, make([]byte, 0, len(src)), enc)
				if err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(dec, src) {
					t.Errorf("level %d: the page does not round-trip", level)
				}
			}
		}()
	}
	wg.Wait()
}

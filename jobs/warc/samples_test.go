package warc

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
)

// TestSharedSamples reads every file of shared/corpora/warc-samples (real
// Common Crawl and ClueWeb slices, the test files of resiliparse) and checks
// that every record those readers find is found here too, with the offsets
// resiliparse's own tests expect.
func TestSharedSamples(t *testing.T) {
	dir, ok := fixtures.Shared("corpora/warc-samples")
	if !ok {
		t.Skip("shared corpus warc-samples not present")
	}
	cases := []struct {
		file      string
		records   int
		responses int
		offsets   []int64 // of the records, when checked
		cut       bool    // the last record is cut short by the end of the file
	}{
		{file: "warcfile.warc.gz", records: 50, responses: 16},
		{file: "clueweb-quirk.warc.gz", records: 30, responses: 29},
		{file: "block-sized-records.warc", records: 3, offsets: []int64{0, 16386, 32772}},
		{file: "block-sized-records.warc.gz", records: 3, offsets: []int64{0, 204, 409}},
		{file: "clipped.warc.gz", records: 1, responses: 1, cut: true},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(dir, c.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			evs := readAll(t, NewReader(f))
			var recs, responses int
			var offs []int64
			for i, e := range evs {
				last := i == len(evs)-1
				if e.err != nil {
					t.Errorf("%s", e)
					continue
				}
				recs++
				offs = append(offs, e.off)
				if strings.Contains(e.body, "HTTP/1.") && strings.HasPrefix(e.body, "HTTP/") {
					responses++
				}
				switch {
				case c.cut && last:
					// What was read before the cut is returned, then the
					// damage (resiliparse: content shorter than
					// Content-Length).
					if !errors.Is(e.bodyErr, ErrTruncated) || !strings.HasPrefix(e.body, "HTTP/1.1 200 OK") || len(e.body) < 50000 {
						t.Errorf("cut record: %d bytes, error %v; want its first bytes and ErrTruncated", len(e.body), e.bodyErr)
					}
				case e.bodyErr != nil:
					t.Errorf("record %d: %s", i, e)
				}
			}
			if recs != c.records || responses != c.responses {
				t.Errorf("%d records, %d HTTP responses; want %d and %d", recs, responses, c.records, c.responses)
			}
			if c.offsets != nil && !slices.Equal(offs, c.offsets) {
				t.Errorf("offsets %v, want %v", offs, c.offsets)
			}
		})
	}
}

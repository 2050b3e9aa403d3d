package input

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/claimscan/claimscan/jobs/extract"
	"github.com/claimscan/claimscan/schema"
)

// FuzzJSONL feeds arbitrary bytes to the JSONL reader, the record parser
// and the extractor: no panic, every line becomes one record or a
// too_large record, and every article has a known status, valid UTF-8
// fields and claims whose offsets lie inside its n_chars.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"Police said 12 people were killed."}` + "\n"))
	f.Add([]byte(`{"id":1,"body":"x","published":"2019-08-24"}` + "\n{broken\n\n"))
	f.Add([]byte("{\"id\":\"b\",\"text\":\"caf\xe9 30 hurt\"}\r\n"))
	f.Add([]byte(`{"id":"c","content":"Some 40 died.","published":1566600000}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var recs []Record
		in := &Source{File: File{display: "f.jsonl", format: formatJSONL}, src: bytes.NewReader(data), maxBytes: 512,
			emit: func(r Record) error { recs = append(recs, r); return nil }}
		if err := (jsonlReader{}).Read(context.Background(), in); err != nil {
			t.Fatal(err)
		}
		nonBlank := 0
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
		for sc.Scan() {
			if len(bytes.TrimSpace(sc.Bytes())) > 0 {
				nonBlank++
			}
		}
		if sc.Err() == nil && len(recs) != nonBlank {
			t.Fatalf("%d records for %d non-blank lines", len(recs), nonBlank)
		}
		for _, rec := range recs {
			in := rec.Article(time.Time{})
			a := in.Row
			switch a.Status {
			case schema.StatusOK, schema.StatusEmpty, schema.StatusInvalidUTF8, schema.StatusTooLarge, schema.StatusParseError:
			default:
				t.Fatalf("status %q", a.Status)
			}
			if a.ArticleID == "" || !utf8.ValidString(a.Error) {
				t.Fatalf("article %+v", a)
			}
			if !in.Parsed || a.Status == schema.StatusEmpty {
				continue
			}
			for _, c := range extract.Extract(extract.Article{ID: a.ArticleID, Text: in.Text}).Claims {
				if c.CharStart < 0 || c.CharEnd < c.CharStart || int64(c.CharEnd) > a.NChars {
					t.Fatalf("claim offsets %d..%d outside %d chars", c.CharStart, c.CharEnd, a.NChars)
				}
			}
		}
	})
}

// TestReadLineLimits checks the line reader at and around the size limit
// and across the reader's buffer boundary.
func TestReadLineLimits(t *testing.T) {
	long := strings.Repeat("x", 3000)
	data := "short\n" + long + "\n" + long[:2000] + "\r\nlast"
	br := bufio.NewReaderSize(strings.NewReader(data), 16)
	var buf []byte
	var got []string
	for {
		line, tooLong, err := readLine(br, 2000, &buf, false)
		if tooLong {
			got = append(got, "TOO LONG")
		} else {
			got = append(got, string(line))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"short", "TOO LONG", long[:2000], "last"}
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: %.20q…, want %.20q…", i, got[i], want[i])
		}
	}
}

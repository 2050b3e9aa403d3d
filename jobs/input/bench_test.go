package input

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchCorpus writes a JSONL file of about size bytes of article-like lines
// and returns its path. Its content does not matter to the reader and the
// writer; the extraction benchmarks use realistic text.
func benchCorpus(b *testing.B, size int) string {
	b.Helper()
	para := "Officials said on Monday that at least 25 people were killed and more than 40 injured when " +
		"the storm hit the coast, according to the regional disaster agency. "
	return writeBenchCorpus(b, size, func(i int) string { return strings.Repeat(para, 10+i%40) })
}

// benchCorpusEscaped is benchCorpus with texts shaped like the articles of
// real inputs: paragraphs apart, quotes, non-ASCII letters, so that the
// JSON strings have escapes.
func benchCorpusEscaped(b *testing.B, size int) string {
	b.Helper()
	para := "\"The water rose in minutes,\" said Ana Pérez, 54, whose house was flooded. Officials said at least " +
		"25 people were killed and more than 40 injured when the storm hit the coast, according to the agency.\n\n"
	return writeBenchCorpus(b, size, func(i int) string { return strings.Repeat(para, 5+i%20) })
}

func writeBenchCorpus(b *testing.B, size int, textOf func(i int) string) string {
	b.Helper()
	var buf bytes.Buffer
	for i := 0; buf.Len() < size; i++ {
		text := textOf(i)
		fmt.Fprintf(&buf, `{"id":"b%d","title":"Storm %d","text":%q,"outlet":"outlet%d.example","published":"2021-03-%02dT10:00:00Z"}`+"\n",
			i, i, text, i%300, 1+i%28)
	}
	path := filepath.Join(b.TempDir(), "bench.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkReadJSONL measures the reader alone: file to records.
func BenchmarkReadJSONL(b *testing.B) {
	path := benchCorpus(b, 64<<20)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if n := countRecords(b, 8<<20, path); n == 0 {
			b.Fatal("no records")
		}
	}
}

// BenchmarkParseJSONL measures decoding one JSONL record into an article's
// fields.
func BenchmarkParseJSONL(b *testing.B) { benchParseJSONL(b, benchCorpus(b, 8<<20)) }

// BenchmarkParseJSONLEscaped is BenchmarkParseJSONL on texts with escapes.
func BenchmarkParseJSONLEscaped(b *testing.B) { benchParseJSONL(b, benchCorpusEscaped(b, 8<<20)) }

func benchParseJSONL(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		for i, l := range lines {
			if f := parseJSONL(&Record{raw: l, path: "bench.jsonl", line: int64(i + 1)}); f.status != "" {
				b.Fatal(f.err)
			}
		}
	}
}

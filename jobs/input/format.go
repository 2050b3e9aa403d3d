package input

import (
	"context"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// format is how an input file holds articles: an index into formats.
type format int

const (
	formatText    format = iota // one article per file (.txt, .md)
	formatJSONL                 // one article per line (.jsonl, .ndjson)
	formatHTML                  // one web page per file (.html, .htm)
	formatWARC                  // web archive of HTTP responses (.warc)
	formatParquet               // article table (.parquet)
)

// Reader reads the files of one format. Read runs in the reader's
// goroutine and streams; Parse runs in a worker.
type Reader interface {
	// Read sends the records of one open file to in.emit, in file order,
	// without holding the whole file when its format allows. A problem of
	// the file becomes a record with a status; only ctx's cancellation or
	// an error from emit stops it.
	Read(ctx context.Context, in *Source) error
	// Parse reads one record's article fields. It may replace rec.raw by
	// the bytes the text was decoded from (a web page in another
	// charset), which the UTF-8 check then reads.
	Parse(rec *Record) Fields
}

// formatSpec is one row of the format table.
type formatSpec struct {
	extensions []string // lower case, without .gz or .zst
	reader     Reader
	// raw: the compressions (".gz", ".zst") whose file Read gets as
	// stored and handles itself (WARC files are gzipped record by record,
	// Parquet compresses its own pages); the others are undone before Read.
	raw []string
}

// formats is the table of input formats, indexed by format.
var formats = [...]formatSpec{
	formatText:    {extensions: []string{".txt", ".md"}, reader: oneArticle{formatText, "article", parseText}},
	formatJSONL:   {extensions: []string{".jsonl", ".ndjson"}, reader: jsonlReader{}},
	formatHTML:    {extensions: []string{".html", ".htm"}, reader: oneArticle{formatHTML, "page", parseHTML}},
	formatWARC:    {extensions: []string{".warc"}, reader: warcReader{}, raw: []string{".gz"}},
	formatParquet: {extensions: []string{".parquet"}, reader: parquetReader{}, raw: []string{".gz", ".zst"}},
}

// classify returns the format and compression of a file name, or ok false
// for an extension claimscan does not read.
func classify(name string) (f format, comp string, ok bool) {
	lower := strings.ToLower(name)
	for _, c := range []string{".gz", ".zst"} {
		if strings.HasSuffix(lower, c) {
			comp = c
			lower = strings.TrimSuffix(lower, c)
			break
		}
	}
	if strings.HasSuffix(lower, goldSuffix) {
		return 0, "", false
	}
	ext := path.Ext(lower)
	for i := range formats {
		if slices.Contains(formats[i].extensions, ext) {
			return format(i), comp, true
		}
	}
	return 0, "", false
}

// Readable reports whether a file of this name is read: whether its
// extension is one of the input formats'.
func Readable(name string) bool {
	_, _, ok := classify(path.Base(name))
	return ok
}

// goldSuffix ends the name of a gold file (claims to score a run against,
// as claimscan gen writes beside its articles), also compressed: not
// articles, though JSONL.
const goldSuffix = ".gold.jsonl"

// unreadReason says why classify does not read a file of this name.
func unreadReason(name string) string {
	lower := strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(name), ".gz"), ".zst")
	if strings.HasSuffix(lower, goldSuffix) {
		return "gold claims for claimscan eval (*" + goldSuffix + "), not articles"
	}
	return "unknown extension"
}

// Source is one open input file, as its format's Reader reads it.
type Source struct {
	File
	f        fs.File   // the open file (Parquet reads it at random)
	src      io.Reader // its bytes, decompressed unless the format is raw
	maxBytes int64     // the largest article accepted, in bytes
	emit     func(Record) error
}

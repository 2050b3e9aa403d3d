package input

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/claimscan/claimscan/schema"
)

// oneArticle reads the formats of one article a file (text, HTML): the
// file whole, refusing more than maxBytes, parsed in a worker by parse.
// The article id is the file's path relative to the root given.
type oneArticle struct {
	format format
	what   string // what the too_large error calls the article
	parse  func(*Record) Fields
}

// Read reads the file as one record.
func (o oneArticle) Read(ctx context.Context, in *Source) error {
	return in.readWhole(o.format, o.what)
}

// Parse parses the record with the format's parse function.
func (o oneArticle) Parse(rec *Record) Fields { return o.parse(rec) }

// readWhole reads the file as the one record of a one-article format,
// refusing more than maxBytes; what names the article in the error.
func (in *Source) readWhole(f format, what string) error {
	buf, err := io.ReadAll(io.LimitReader(in.src, in.maxBytes+1))
	rec := Record{id: in.id, path: in.display, format: f}
	switch {
	case err != nil:
		rec.status, rec.err = schema.StatusReadError, describeErr(err)
	case int64(len(buf)) > in.maxBytes:
		rec.status, rec.err = schema.StatusTooLarge, fmt.Sprintf("%s is larger than --max-article-bytes (%d)", what, in.maxBytes)
	default:
		rec.raw = buf
	}
	return in.emit(rec)
}

// parseText reads a one-article .txt or .md file: the text is the file
// without a leading byte-order mark; a .md file's leading "# " heading is
// its title.
func parseText(rec *Record) Fields {
	text := string(bytes.TrimPrefix(rec.raw, []byte("\xef\xbb\xbf")))
	return Fields{text: text, title: markdownTitle(text, rec.path)}
}

// markdownTitle returns the text of a leading "# " heading of a .md file.
func markdownTitle(text, path string) string {
	if !strings.HasSuffix(strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(path, ".gz"), ".zst")), ".md") {
		return ""
	}
	first, _, _ := strings.Cut(strings.TrimLeft(text, " \t\r\n"), "\n")
	if t, ok := strings.CutPrefix(strings.TrimSpace(first), "# "); ok {
		return strings.TrimSpace(t)
	}
	return ""
}

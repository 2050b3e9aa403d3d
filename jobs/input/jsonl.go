package input

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	json "github.com/goccy/go-json"

	"github.com/claimscan/claimscan/schema"
)

// jsonlReader reads .jsonl and .ndjson files: one article a line.
type jsonlReader struct{}

// Parse reads one JSONL record.
func (jsonlReader) Parse(rec *Record) Fields { return parseJSONL(rec) }

// Read reads one record a line, streaming: a line longer than maxBytes
// is skipped (a too_large record) without being held in memory, and a read
// error ends the file with a read_error record naming the line: a line cut
// short by the error is not a record of its own. Blank lines are not
// records.
func (jsonlReader) Read(ctx context.Context, in *Source) error {
	br := bufio.NewReaderSize(in.src, 1<<20)
	var line int64
	var buf []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, tooLong, err := readLine(br, in.maxBytes, &buf, in.stream)
		if err != nil && err != io.EOF {
			// The line broke off with the file (a truncated or corrupt
			// compressed file): it is where reading stopped, not a record.
			data, tooLong = nil, false
		}
		trimmed := bytes.TrimSpace(data)
		if len(trimmed) > 0 || tooLong {
			line++
			rec := Record{path: in.display, line: line, format: formatJSONL}
			if tooLong {
				rec.id = lineID(in.display, line)
				rec.status, rec.err = schema.StatusTooLarge, fmt.Sprintf("line is larger than --max-article-bytes (%d)", in.maxBytes)
				if in.stream {
					// The rest of the line may never end (a device).
					rec.err += "; the rest of the stream is unread"
					return in.emit(rec)
				}
			} else {
				rec.raw = append([]byte(nil), trimmed...)
			}
			if e := in.emit(rec); e != nil {
				return e
			}
		} else if len(data) > 0 || err == nil {
			line++ // a blank line: counted, not a record
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return in.emit(Record{id: lineID(in.display, line+1), path: in.display, line: line + 1, status: schema.StatusReadError,
				err: fmt.Sprintf("%s; the rest of the file is unread", describeErr(err))})
		}
	}
}

// readLine returns the next line without its end, or tooLong (and no data)
// when it is longer than max bytes; the rest of such a line is discarded
// as it is read, or left unread with stopLong. buf is scratch space reused
// across calls.
func readLine(br *bufio.Reader, max int64, buf *[]byte, stopLong bool) (line []byte, tooLong bool, err error) {
	frag, err := br.ReadSlice('\n')
	if !errors.Is(err, bufio.ErrBufferFull) {
		line = bytes.TrimRight(frag, "\r\n")
		if int64(len(line)) > max {
			return nil, true, err
		}
		return line, false, err
	}
	b := append((*buf)[:0], frag...)
	for errors.Is(err, bufio.ErrBufferFull) {
		if tooLong && stopLong {
			return nil, true, nil
		}
		frag, err = br.ReadSlice('\n')
		if !tooLong {
			if int64(len(b)+len(frag)) > max+2 {
				tooLong, b = true, b[:0]
			} else {
				b = append(b, frag...)
			}
		}
	}
	*buf = b
	if tooLong {
		return nil, true, err
	}
	line = bytes.TrimRight(b, "\r\n")
	if int64(len(line)) > max {
		return nil, true, err
	}
	return line, false, err
}

// jsonArticle is one JSONL record. text, body and content are accepted
// for the text, in that order of preference. Records are decoded by
// decodeArticle, which reads them exactly as goccy/go-json does, and by
// goccy/go-json itself when decodeArticle declines (odd or broken records,
// whose errors come from goccy/go-json).
type jsonArticle struct {
	ID        json.RawMessage `json:"id"`
	Title     string          `json:"title"`
	Text      *string         `json:"text"`
	Body      *string         `json:"body"`
	Content   *string         `json:"content"`
	Outlet    string          `json:"outlet"`
	URL       string          `json:"url"`
	Published json.RawMessage `json:"published"`
	Lang      string          `json:"lang"`
	Cluster   string          `json:"cluster"`
}

// parseJSONL reads one JSONL record.
func parseJSONL(rec *Record) Fields {
	var j jsonArticle
	if !decodeArticle(rec.raw, &j) {
		j = jsonArticle{}
		if err := unmarshalRecord(rec.raw, &j); err != nil {
			return invalidJSON(rec, err)
		}
	}
	return fromJSON(rec, &j, jsonID, parsePublished)
}

// unmarshal is the JSON decoder of the records decodeArticle declines.
var unmarshal = json.Unmarshal

// unmarshalRecord decodes raw into j with unmarshal. A panic inside the
// decoder (goccy/go-json has panicked on some truncated records) is an
// error of the record like any other decoding error.
func unmarshalRecord(raw []byte, j *jsonArticle) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the JSON decoder failed on this record: %v", r)
		}
	}()
	return unmarshal(raw, j)
}

// invalidJSON is the result of a record that is not a JSON object.
func invalidJSON(rec *Record, err error) Fields {
	return Fields{id: lineID(rec.path, rec.line), status: schema.StatusParseError, err: "invalid JSON: " + err.Error()}
}

// fromJSON maps a decoded record to the article's fields, reading its raw
// id and published fields with readID and readPublished.
func fromJSON(rec *Record, j *jsonArticle, readID func(json.RawMessage) (string, error),
	readPublished func(json.RawMessage) (time.Time, bool, string)) (f Fields) {
	id, err := readID(j.ID)
	if err != nil {
		f.notes = append(f.notes, err.Error())
	} else if id == "" {
		f.notes = append(f.notes, "record has no id; id made from path and line")
	}
	if id == "" {
		id = lineID(rec.path, rec.line)
	}
	f.id, f.title, f.url, f.outlet, f.cluster = id, j.Title, j.URL, j.Outlet, strings.TrimSpace(j.Cluster)
	switch {
	case j.Text != nil:
		f.text = *j.Text
	case j.Body != nil:
		f.text = *j.Body
	case j.Content != nil:
		f.text = *j.Content
	}
	if t, ok, note := readPublished(j.Published); ok {
		f.published = t
	} else if note != "" {
		f.notes = append(f.notes, note)
	}
	return f
}

// jsonString decodes a JSON string value: by decodeString, or by goccy when
// decodeString cannot be sure of it.
func jsonString(raw json.RawMessage) (string, error) {
	if s, end, ok := decodeString(raw, 0); ok && end == len(raw) {
		return s, nil
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
}

// jsonID reads an id given as a JSON string or number.
func jsonID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	if raw[0] == '"' {
		s, err := jsonString(raw)
		if err != nil {
			return "", fmt.Errorf("id: %v", err)
		}
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", fmt.Errorf("id is neither a string nor a number: %s", truncate(string(raw), 40))
	}
	return n.String(), nil
}

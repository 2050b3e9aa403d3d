package eval

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/klauspost/compress/zstd"
)

// Gold is one hand-annotated (or generated) quantity claim: a line of a gold
// file. A line with only ArticleID set declares an article with no claims.
type Gold struct {
	ArticleID string   `json:"article_id"`
	Quote     string   `json:"quote"`      // exact substring of the article text around the number
	Predicate string   `json:"predicate"`  // killed, injured, displaced, ... (schema.Claim.Predicate)
	Subject   string   `json:"subject"`    // head noun counted: people, civilians, homes, ...
	ValueLow  *float64 `json:"value_low"`  // nil is an open end
	ValueHigh *float64 `json:"value_high"` // nil is an open end
	Approx    bool     `json:"approx"`     // the text marks the value as approximate
	Source    string   `json:"source"`     // canonical source name; "" is the article's own voice
	Scope     string   `json:"scope"`      // time scope as written ("since April"), or ""

	// SourceAliases lists other source names that count as correct: acronyms,
	// short forms, the organisation a named speaker speaks for. Optional.
	SourceAliases []string `json:"source_aliases,omitempty"`
}

// Empty reports whether g only declares its article (no quote, no values).
func (g Gold) Empty() bool {
	return g.Quote == "" && g.ValueLow == nil && g.ValueHigh == nil && g.Predicate == ""
}

// Predicates is the set of predicate values a gold file may use, as in the
// claims table's predicate column.
var Predicates = []string{"killed", "injured", "displaced", "arrested", "missing", "affected", "population", "money", "other"}

// maxLine bounds one gold line; longer lines are reported as errors.
const maxLine = 1 << 20

// LoadGold reads a gold file: one JSON object a line, blank lines skipped.
// Unknown fields, a missing article_id or predicate, an unknown predicate, a
// claim with both bounds null, a low bound above the high bound and a
// non-finite number are errors that name the line (1-based). The items are
// returned in file order.
func LoadGold(r io.Reader) ([]Gold, error) {
	var out []Gold
	err := eachLine(r, func(line int, b []byte) error {
		var g Gold
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&g); err != nil {
			return fmt.Errorf("gold line %d: %w", line, err)
		}
		if dec.More() {
			return fmt.Errorf("gold line %d: more than one JSON value on the line", line)
		}
		if err := g.validate(); err != nil {
			return fmt.Errorf("gold line %d: %w", line, err)
		}
		out = append(out, g)
		return nil
	}, func(line int, err error) error {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("gold line %d: line longer than %d bytes", line+1, maxLine)
		}
		return fmt.Errorf("gold: read after line %d: %w", line, err)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eachLine calls f with each non-blank line of r, trimmed of spaces, and
// its number (1-based), and returns f's first error; a line longer than
// maxLine or an error reading r stops it, and readErr makes the error it
// returns of that error and the number of the last line read.
func eachLine(r io.Reader, f func(line int, b []byte) error, readErr func(line int, err error) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		if err := f(line, b); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return readErr(line, err)
	}
	return nil
}

// LoadGoldFile opens path and reads it with [LoadGold]. A name ending in .gz
// or .zst is decompressed.
func LoadGoldFile(path string) ([]Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = bufio.NewReaderSize(f, 1<<20)
	switch {
	case strings.HasSuffix(path, ".gz"):
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	case strings.HasSuffix(path, ".zst"):
		zr, err := zstd.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	gold, err := LoadGold(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return gold, nil
}

func (g Gold) validate() error {
	if g.ArticleID == "" {
		return errors.New("article_id is missing")
	}
	if g.Empty() {
		return nil
	}
	if g.Predicate == "" {
		return errors.New("predicate is missing")
	}
	known := false
	for _, p := range Predicates {
		if p == g.Predicate {
			known = true
		}
	}
	if !known {
		return fmt.Errorf("unknown predicate %q (want one of %s)", g.Predicate, strings.Join(Predicates, ", "))
	}
	if g.ValueLow == nil && g.ValueHigh == nil {
		return errors.New("value_low and value_high are both null")
	}
	for _, v := range []*float64{g.ValueLow, g.ValueHigh} {
		if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
			return errors.New("value is not a finite number")
		}
	}
	if g.ValueLow != nil && g.ValueHigh != nil && *g.ValueLow > *g.ValueHigh {
		return fmt.Errorf("value_low %v is above value_high %v", *g.ValueLow, *g.ValueHigh)
	}
	return nil
}

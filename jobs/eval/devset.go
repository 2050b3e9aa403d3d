package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// DevGold is one claim of a development set such as ../shared/eval-dev:
// where the claim is stated (Span, code points into the article text), what
// it counts and who says it. Cluster, Scope and Quantity group the claims
// into quantities for the conflict metrics.
type DevGold struct {
	ArticleID string   `json:"article_id"`
	Cluster   string   `json:"cluster"`
	Span      [2]int   `json:"span"`
	Predicate string   `json:"predicate"`
	Subject   string   `json:"subject"`
	ValueLow  *float64 `json:"value_low"`
	ValueHigh *float64 `json:"value_high"`
	Approx    bool     `json:"approx"`
	Source    string   `json:"source"`
	Scope     string   `json:"scope"`
	// Quantity names the quantity the claim counts when the annotator gave
	// one ("other-..." for figures of other events); optional.
	Quantity string `json:"quantity,omitempty"`
	// Optional marks a claim that is only implied: a prediction on it is
	// neither right nor wrong, and missing it costs nothing.
	Optional bool `json:"optional,omitempty"`
}

// DevEnd is one side of a gold conflict pair: a gold claim's article and span.
type DevEnd struct {
	ArticleID string `json:"article_id"`
	Span      [2]int `json:"span"`
}

// DevPair is a line of conflicts.jsonl or non_conflicts.jsonl: two gold
// claims of different articles, their kind (contradiction, divergence or
// not-a-conflict) and the annotator's note.
type DevPair struct {
	Cluster string `json:"cluster"`
	A       DevEnd `json:"a"`
	B       DevEnd `json:"b"`
	Kind    string `json:"kind"`
	Note    string `json:"note"`
}

// DevSet is a development set: the gold claims and, when the files sit
// beside the gold file, the conflicts and the trap pairs.
type DevSet struct {
	Gold         []DevGold
	Conflicts    []DevPair
	Traps        []DevPair
	HasConflicts bool // conflicts.jsonl was found
}

// IsDevSet reports whether the gold file at path is in the development-set
// format: its first record gives a claim's place as a "span" of offsets
// rather than as a "quote".
func IsDevSet(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	span := false
	err = eachLine(f, func(_ int, b []byte) error {
		var rec map[string]json.RawMessage
		if err := json.Unmarshal(b, &rec); err != nil {
			return fmt.Errorf("%s: line 1: %w", path, err)
		}
		_, span = rec["span"]
		return errFirstRecord
	}, func(_ int, err error) error { return err })
	if err == errFirstRecord {
		err = nil
	}
	return span, err
}

// errFirstRecord stops IsDevSet's reading after the first record.
var errFirstRecord = errors.New("first record read")

// LoadDevSet reads a development set: the gold claims at goldPath and, in
// the same directory, conflicts.jsonl and non_conflicts.jsonl when they
// exist (without conflicts.jsonl there are no conflict metrics). A record
// that is not valid JSON, lacks article_id or predicate, or has an empty
// span is an error naming the file and line.
func LoadDevSet(goldPath string) (DevSet, error) {
	var set DevSet
	if err := readJSONL(goldPath, func(line int, b []byte) error {
		var g DevGold
		if err := json.Unmarshal(b, &g); err != nil {
			return err
		}
		switch {
		case g.ArticleID == "":
			return errors.New("article_id is missing")
		case g.Predicate == "":
			return errors.New("predicate is missing")
		case g.Span[1] <= g.Span[0]:
			return fmt.Errorf("span %v is empty", g.Span)
		}
		set.Gold = append(set.Gold, g)
		return nil
	}); err != nil {
		return DevSet{}, err
	}
	dir := filepath.Dir(goldPath)
	pairs := func(name string, out *[]DevPair) (bool, error) {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err != nil {
			return false, nil
		}
		return true, readJSONL(p, func(line int, b []byte) error {
			var c DevPair
			if err := json.Unmarshal(b, &c); err != nil {
				return err
			}
			if c.A.ArticleID == "" || c.B.ArticleID == "" {
				return errors.New("a pair needs both article ids")
			}
			*out = append(*out, c)
			return nil
		})
	}
	var err error
	if set.HasConflicts, err = pairs("conflicts.jsonl", &set.Conflicts); err != nil {
		return DevSet{}, err
	}
	if _, err = pairs("non_conflicts.jsonl", &set.Traps); err != nil {
		return DevSet{}, err
	}
	return set, nil
}

// readJSONL calls f for every non-blank line of the file at path; an error
// of f is returned with the file name and line.
func readJSONL(path string, f func(line int, b []byte) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	return eachLine(fh, func(line int, b []byte) error {
		if err := f(line, b); err != nil {
			return fmt.Errorf("%s: line %d: %w", path, line, err)
		}
		return nil
	}, func(line int, err error) error {
		return fmt.Errorf("%s: after line %d: %w", path, line, err)
	})
}

package output

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// ErrDamaged reports a dataset whose files do not match its manifest.
var ErrDamaged = errors.New("the dataset does not match its manifest")

// CheckParts checks, cheaply, that the dataset at dir is whole: every part
// its manifest m lists exists with the listed size, and its table
// directories hold no other part. The error wraps ErrDamaged and names the
// first part found wrong.
func CheckParts(dir string, m *Manifest) error {
	if problems := partProblems(dir, m, false); len(problems) > 0 {
		return fmt.Errorf("%s: %w: %s", dir, ErrDamaged, problems[0])
	}
	return nil
}

// Verify checks the dataset at dir against its manifest as CheckParts
// does, and re-hashes every part (SHA-256). It returns every problem found;
// err is for a dataset whose manifest cannot be read.
func Verify(dir string) (problems []string, m *Manifest, err error) {
	m, err = ReadManifest(dir)
	if err != nil {
		return nil, nil, err
	}
	return partProblems(dir, m, true), m, nil
}

// partProblems lists what is wrong with dir's parts: missing, of another
// size, of another SHA-256 (with hash), or not in the manifest.
func partProblems(dir string, m *Manifest, hash bool) []string {
	var problems []string
	listed := map[string]bool{}
	for _, table := range sortedTables(m) {
		for _, p := range m.Tables[table].Parts {
			listed[filepath.ToSlash(p.Path)] = true
			if msg := partProblem(filepath.Join(dir, filepath.FromSlash(p.Path)), p, hash); msg != "" {
				problems = append(problems, fmt.Sprintf("part %s %s", p.Path, msg))
			}
		}
		if len(m.Tables[table].Parts) == 0 {
			problems = append(problems, fmt.Sprintf("table %s has no part in the manifest", table))
		}
		paths, _ := PartPaths(dir, table)
		for _, path := range paths {
			rel, err := filepath.Rel(dir, path)
			if err == nil && !listed[filepath.ToSlash(rel)] {
				problems = append(problems, fmt.Sprintf("part %s is not in the manifest", filepath.ToSlash(rel)))
			}
		}
	}
	return problems
}

func partProblem(path string, p PartInfo, hash bool) string {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "is missing"
	case err != nil:
		return describe(err)
	case !st.Mode().IsRegular():
		return "is not a regular file"
	case st.Size() != p.Bytes:
		return fmt.Sprintf("has %d bytes, the manifest says %d", st.Size(), p.Bytes)
	case !hash:
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return describe(err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return describe(err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != p.SHA256 {
		return fmt.Sprintf("has SHA-256 %s, the manifest says %s", got, p.SHA256)
	}
	return ""
}

func describe(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return "cannot be read: " + pe.Op + ": " + pe.Err.Error()
	}
	return "cannot be read: " + err.Error()
}

func sortedTables(m *Manifest) []string {
	tables := make([]string, 0, len(m.Tables))
	for t := range m.Tables {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	return tables
}

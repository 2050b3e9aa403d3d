// Package tsv reads the data tables the program embeds: word lists,
// place lists and curated names kept as text beside the code that reads
// them.
//
// In: a table's text. Its lines are separated by "\n"; a line that starts
// with "#" is a comment (the file says there what its columns hold and
// where its entries come from); the first other line is the header, the
// column names separated by tabs; every line after it is a row of as many
// tab-separated fields, the first one not empty and the last one the
// row's origin, one of OriginPublicList, OriginCorpus and OriginConvention.
// Out: the rows, in file order, as fields that share the table's memory.
//
// A table is part of the program: a malformed one is a bug, and Rows
// panics with the file's name and the line, which every package's tests
// reach by loading its tables.
package tsv

import (
	"fmt"
	"iter"
	"strings"
)

// Origins of a row: where its entry comes from.
const (
	// OriginPublicList is an entry of a reference list: an organisation's
	// own name, an ISO or GeoNames name, the number words, months, units
	// or abbreviations of English and of style guides.
	OriginPublicList = "public list"
	// OriginCorpus is an entry added after a development corpus used it
	// so.
	OriginCorpus = "corpus observation"
	// OriginConvention is an entry that states one of the project's
	// reading rules or a newsroom usage (a vague amount's bounds, a
	// descriptor such as "state media", a wire credit line).
	OriginConvention = "convention"
)

// Rows returns the rows of the table data (file names it in panics) whose
// header line must be header. The slice a row is given in is reused for
// the next row: keep its fields, not the slice. The row's line number in
// the file is given with it.
func Rows(file, data, header string) iter.Seq2[int, []string] {
	return func(yield func(int, []string) bool) {
		width := strings.Count(header, "\t") + 1
		row := make([]string, width)
		seenHeader := false
		n := 0
		for data != "" {
			var line string
			line, data, _ = strings.Cut(data, "\n")
			n++
			if strings.HasPrefix(line, "#") {
				continue
			}
			if !seenHeader {
				if line != header {
					panic(fmt.Sprintf("%s: header %q, want %q", file, line, header))
				}
				seenHeader = true
				continue
			}
			if cols := strings.Count(line, "\t") + 1; cols != width || line[0] == '\t' {
				panic(fmt.Sprintf("%s line %d: %d columns, want %d with the first not empty", file, n, cols, width))
			}
			for k := 0; k < width-1; k++ {
				row[k], line, _ = strings.Cut(line, "\t")
			}
			row[width-1] = line
			switch line {
			case OriginPublicList, OriginCorpus, OriginConvention:
			default:
				panic(fmt.Sprintf("%s line %d: unknown origin %q", file, n, line))
			}
			if !yield(n, row) {
				return
			}
		}
		if !seenHeader {
			panic(fmt.Sprintf("%s: no header line %q", file, header))
		}
	}
}

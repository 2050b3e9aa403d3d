package tsv

import (
	"strings"
	"testing"
)

// TestRows reads a table: comments skipped, fields in order, line numbers
// of the file.
func TestRows(t *testing.T) {
	data := "# a table\nword\tlist\torigin\n# a group\nsaid\tcue\tcorpus observation\none\tnumber\tpublic list\n"
	var got []string
	for n, r := range Rows("t.tsv", data, "word\tlist\torigin") {
		got = append(got, strings.Join(r, "|")+"@"+string(rune('0'+n)))
	}
	if want := "said|cue|corpus observation@4 one|number|public list@5"; strings.Join(got, " ") != want {
		t.Errorf("rows %q, want %q", got, want)
	}
}

// TestRowsRefuses checks that a malformed table stops the program rather
// than load wrong.
func TestRowsRefuses(t *testing.T) {
	for _, data := range []string{
		"",                              // no header
		"# c\nname\tkind\n",             // wrong header
		"name\tkind\torigin\nUN\tigo\n", // too few columns
		"name\tkind\torigin\nUN\t\t\tconvention\n", // too many
		"name\tkind\torigin\n\tigo\tconvention\n",  // no name
		"name\tkind\torigin\nUN\tigo\tguess\n",     // unknown origin
		"name\tkind\torigin\n\n",                   // an empty line
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%q loaded", data)
				}
			}()
			for range Rows("t.tsv", data, "name\tkind\torigin") {
			}
		}()
	}
}

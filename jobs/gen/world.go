package gen

import (
	"math/rand/v2"
	"strings"
)

// The world is built once per seed: countries, their regions and towns,
// outlets, and the standing organisations that events quote. People and
// events are generated as the corpus is written.

type country struct {
	name, adj string
	fam       *family
	regions   []int // indexes into world.regions
	capital   int   // town index
	sources   []int // standing national sources, by role (see role*)
	centralBk int   // source index of the central bank
}

type region struct {
	name    string
	country int
	towns   []int
	police  int // source index
	monitor int // source index of a regional rights monitor
}

type town struct {
	variants []string // spelling variants; variants[0] is canonical
	region   int
	kind     string
	feature  string
	pop      int64
}

// Roles of the standing national sources, as indexes into country.sources.
const (
	roleHealth = iota
	roleInterior
	roleAgency
	roleArmy
	roleRedCross
	roleGovt
	roleOpposition
	nRoles
)

type srcKind uint8

const (
	skGov srcKind = iota
	skPolice
	skMilitary
	skNGO
	skMonitor
	skIGO
	skRedCross
	skPerson
	skGeneric
	skOpposition
	skBank
)

// source is anyone a claim is attributed to.
type source struct {
	name    string   // canonical name, the gold "source"
	full    []string // first-mention forms ("the Union of Rescue Volunteers (URV)")
	later   []string // later-mention forms ("URV", "the group")
	kind    srcKind
	bias    float64 // how this source's counts compare with the truth
	aliases []string

	nameJSON  []byte // JSON string of name
	aliasJSON []byte // JSON array of aliases, or nil
}

type outlet struct {
	name, abbr, host, slug string
	country                int // -1 for international outlets
	dateline               uint8
	trailer                uint8
	words                  bool // spells out numbers under twenty
	shortMoney             bool // "$290m" rather than "$290 million"
	variant                uint8
	nameJSON               []byte
}

type world struct {
	countries []country
	regions   []region
	towns     []town
	outlets   []outlet
	local     [][]int // outlets by country
	intl      []int   // international outlets
	sources   []source
	igo       []int // international organisations
	ngo       []int // international NGOs
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func acronymOf(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		switch w {
		case "of", "for", "the", "and", "on", "in":
			continue
		}
		if w[0] >= 'A' && w[0] <= 'Z' {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}

func newWorld(r *rand.Rand) *world {
	w := &world{}
	seenName := map[string]bool{}
	unique := func(gen func() string) string {
		for {
			s := gen()
			if !seenName[s] {
				seenName[s] = true
				return s
			}
		}
	}
	nCountries := 28 + r.IntN(12)
	for ci := 0; ci < nCountries; ci++ {
		fam := &families[r.IntN(len(families))]
		name := unique(func() string {
			s := pick(r, countryOnsets)
			if r.IntN(2) == 0 {
				s += pick(r, countryMiddles)
			}
			return s + pick(r, countryEndings)
		})
		c := country{name: name, adj: adjective(name), fam: fam}
		nReg := 3 + r.IntN(5)
		for ri := 0; ri < nReg; ri++ {
			rname := unique(func() string { return placeName(r, fam, false) })
			reg := region{name: rname, country: ci}
			nTowns := 4 + r.IntN(10)
			for ti := 0; ti < nTowns; ti++ {
				tname := unique(func() string { return placeName(r, fam, true) })
				t := town{region: len(w.regions), kind: pick(r, townKinds), feature: pick(r, townFeatures)}
				t.variants = spellings(r, tname)
				t.pop = int64(2000 * (1 + r.ExpFloat64()*8))
				reg.towns = append(reg.towns, len(w.towns))
				w.towns = append(w.towns, t)
			}
			reg.police = w.addSource(source{
				name: rname + " Police", kind: skPolice,
				full:    []string{"police in " + rname, rname + " police", "the " + rname + " police"},
				later:   []string{"police", "the police"},
				aliases: []string{"police"},
				bias:    0.8 + 0.2*r.Float64(),
			})
			mon := rname + " " + pick(r, monitorNouns)
			reg.monitor = w.addSource(source{
				name: mon, kind: skMonitor,
				full:    []string{"the " + mon, "the " + mon + " (" + acronymOf(mon) + ")"},
				later:   []string{"the monitor", acronymOf(mon), "the " + lastWord(mon)},
				aliases: []string{acronymOf(mon), lastWord(mon), "monitor"},
				bias:    1.0 + 0.25*r.Float64(),
			})
			c.regions = append(c.regions, len(w.regions))
			w.regions = append(w.regions, reg)
		}
		c.capital = w.regions[c.regions[0]].towns[0]
		c.sources = make([]int, nRoles)
		adj := c.adj
		c.sources[roleHealth] = w.addSource(source{
			name: adj + " Health Ministry", kind: skGov,
			full:    []string{"the " + adj + " Health Ministry", name + "'s health ministry", "the health ministry"},
			later:   []string{"the ministry", "the health ministry"},
			aliases: []string{"health ministry", "Ministry of Health", "ministry"},
			bias:    0.7 + 0.25*r.Float64(),
		})
		c.sources[roleInterior] = w.addSource(source{
			name: adj + " Interior Ministry", kind: skGov,
			full:    []string{"the " + adj + " Interior Ministry", name + "'s interior ministry", "the interior ministry"},
			later:   []string{"the ministry", "the interior ministry"},
			aliases: []string{"interior ministry", "Ministry of Interior", "ministry"},
			bias:    0.6 + 0.3*r.Float64(),
		})
		ag := "National " + pick(r, agencyNouns)
		agAcr := acronymOf(ag)
		c.sources[roleAgency] = w.addSource(source{
			name: adj + " " + ag, kind: skGov,
			full:    []string{"the " + ag + " (" + agAcr + ")", name + "'s " + ag, "the " + ag},
			later:   []string{agAcr, "the agency", agAcr},
			aliases: []string{ag, agAcr, "agency"},
			bias:    0.75 + 0.25*r.Float64(),
		})
		c.sources[roleArmy] = w.addSource(source{
			name: adj + " Army", kind: skMilitary,
			full:    []string{"the " + adj + " army", name + "'s military", "the army"},
			later:   []string{"the army", "the military"},
			aliases: []string{"army", "military"},
			bias:    0.3 + 0.4*r.Float64(),
		})
		rc := adj + " " + pick(r, []string{"Red Cross", "Red Crescent"})
		rcs := rc + " Society"
		c.sources[roleRedCross] = w.addSource(source{
			name: rcs, kind: skRedCross,
			full:    []string{"the " + rcs, "the " + rcs + " (" + acronymOf(rcs) + ")", "the " + rc},
			later:   []string{"the charity", acronymOf(rcs), "the " + rc},
			aliases: []string{rc, acronymOf(rcs), strings.TrimPrefix(rc, adj+" ")},
			bias:    0.95 + 0.3*r.Float64(),
		})
		c.sources[roleGovt] = w.addSource(source{
			name: adj + " government", kind: skGov,
			full:    []string{"the government", name + "'s government", "the " + adj + " government"},
			later:   []string{"the government", "the authorities"},
			aliases: []string{"government", "authorities"},
			bias:    0.6 + 0.3*r.Float64(),
		})
		opp := pick(r, []string{"Front", "Movement", "Alliance", "Coalition", "Party"}) + " for " +
			pick(r, []string{"Democratic Renewal", "Change", "Justice", "National Unity", "Freedom", "Progress", "Democracy"})
		oppAcr := acronymOf(opp)
		c.sources[roleOpposition] = w.addSource(source{
			name: opp, kind: skOpposition,
			full:    []string{"the " + opp + " (" + oppAcr + ")", "the opposition " + opp},
			later:   []string{oppAcr, "the opposition"},
			aliases: []string{oppAcr, "opposition"},
			bias:    1.3 + r.Float64(),
		})
		bank := adj + " Central Bank"
		c.centralBk = w.addSource(source{
			name: bank, kind: skBank,
			full:  []string{"the central bank", "the " + bank, name + "'s central bank"},
			later: []string{"the central bank", "the bank"}, aliases: []string{"central bank"},
			bias: 1,
		})
		w.countries = append(w.countries, c)
	}

	for _, o := range []struct{ name, acr, short string }{
		{"United Nations", "UN", "the UN"},
		{"UN Office for the Coordination of Humanitarian Affairs", "OCHA", "the U.N. humanitarian office"},
		{"World Health Organization", "WHO", "the WHO"},
		{"International Organization for Migration", "IOM", "the IOM"},
		{"United Nations High Commissioner for Refugees", "UNHCR", "the UN refugee agency"},
		{"United Nations Children's Fund", "UNICEF", "UNICEF"},
		{"World Bank", "", "the bank"},
	} {
		full := []string{"the " + o.name}
		if o.acr != "" {
			full = append(full, "the "+o.name+" ("+o.acr+")", o.short)
		}
		later := []string{o.short}
		if o.acr != "" {
			later = append(later, o.acr)
		}
		al := []string{strings.TrimPrefix(o.short, "the ")}
		if o.acr != "" {
			al = append(al, o.acr)
		}
		w.igo = append(w.igo, w.addSource(source{name: o.name, kind: skIGO, full: full, later: later, aliases: al, bias: 0.9 + 0.2*r.Float64()}))
	}
	for i := 0; i < 24; i++ {
		n := unique(func() string { return pick(r, ngoAdj) + " of " + pick(r, ngoOf) })
		acr := acronymOf(n)
		w.ngo = append(w.ngo, w.addSource(source{
			name: n, kind: skNGO,
			full:    []string{"the " + n + " (" + acr + ")", "the " + n},
			later:   []string{acr, "the group"},
			aliases: []string{acr, "group"},
			bias:    1.0 + 0.35*r.Float64(),
		}))
	}

	nOutlets := 250 + r.IntN(250)
	w.local = make([][]int, len(w.countries))
	for i := 0; i < nOutlets; i++ {
		o := outlet{country: -1}
		switch k := r.IntN(10); {
		case k < 2: // wire
			o.name = unique(func() string { return pick(r, outletWireAdj) + " " + pick(r, outletWireNoun) })
			o.abbr = acronymOf(o.name)
			o.dateline = uint8(1 + r.IntN(3))
		case k < 3: // broadcaster
			c := r.IntN(len(w.countries))
			o.country = c
			o.name = unique(func() string {
				return pick(r, []string{w.countries[c].name, w.towns[w.countries[c].capital].variants[0], pick(r, outletWireAdj)}) + " " + pick(r, outletBroadcast)
			})
			o.abbr = acronymOf(o.name)
			o.dateline = uint8(r.IntN(2) * 4)
		default: // newspaper
			c := r.IntN(len(w.countries))
			o.country = c
			place := w.countries[c].name
			switch r.IntN(3) {
			case 0:
				place = w.towns[w.regions[pick(r, w.countries[c].regions)].towns[0]].variants[0]
			case 1:
				place = w.regions[pick(r, w.countries[c].regions)].name
			}
			o.name = unique(func() string {
				p := pick(r, outletPapers)
				switch r.IntN(4) {
				case 0:
					return place + " Daily " + p
				case 1:
					return place + " " + p
				default:
					return "The " + place + " " + p
				}
			})
			o.abbr = acronymOf(o.name)
			o.dateline = uint8(r.IntN(5))
		}
		o.slug = slugify(o.name)
		o.host = o.slug + "." + pick(r, tlds)
		if r.IntN(2) == 0 {
			o.host = "www." + o.host
		}
		o.trailer = uint8(r.IntN(4))
		o.words = r.IntN(3) == 0
		o.shortMoney = r.IntN(2) == 0
		o.variant = uint8(r.IntN(4))
		o.nameJSON = appendJSONString(nil, o.name)
		if o.country >= 0 {
			w.local[o.country] = append(w.local[o.country], len(w.outlets))
		} else {
			w.intl = append(w.intl, len(w.outlets))
		}
		w.outlets = append(w.outlets, o)
	}
	if len(w.intl) == 0 {
		w.intl = append(w.intl, 0)
	}
	return w
}

func (w *world) addSource(s source) int {
	s.nameJSON = appendJSONString(nil, s.name)
	s.aliasJSON = aliasesJSON(s.name, s.aliases)
	w.sources = append(w.sources, s)
	return len(w.sources) - 1
}

// aliasesJSON renders the distinct aliases other than name as a JSON array,
// or nil when there are none.
func aliasesJSON(name string, aliases []string) []byte {
	var b []byte
	seen := map[string]bool{name: true, "": true}
	for _, a := range aliases {
		if seen[a] {
			continue
		}
		seen[a] = true
		if b == nil {
			b = append(b, '[')
		} else {
			b = append(b, ',')
		}
		b = appendJSONString(b, a)
	}
	if b != nil {
		b = append(b, ']')
	}
	return b
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

func adjective(name string) string {
	switch {
	case strings.HasSuffix(name, "a"):
		return name + "n"
	case strings.HasSuffix(name, "stan"), strings.HasSuffix(name, "land"):
		return name + "i"
	case strings.HasSuffix(name, "s"):
		return name + "ian"
	case strings.HasSuffix(name, "l"), strings.HasSuffix(name, "r"):
		return name + "ese"
	}
	return name + "ian"
}

func placeName(r *rand.Rand, f *family, town bool) string {
	s := pick(r, f.onsets)
	if r.IntN(3) == 0 {
		s += pick(r, f.middles)
	}
	s += pick(r, f.endings)
	if town && f.prefixes != nil && r.IntN(4) == 0 {
		return pick(r, f.prefixes) + s
	}
	return s
}

// spellings returns a canonical name and up to three transliteration
// variants of it, the way outlets spell the same town differently.
func spellings(r *rand.Rand, name string) []string {
	v := []string{name}
	add := func(s string) {
		for _, x := range v {
			if x == s {
				return
			}
		}
		v = append(v, s)
	}
	rules := [][2]string{{"ou", "u"}, {"u", "ou"}, {"k", "q"}, {"sh", "ch"}, {"ee", "i"}, {"Tal ", "Tell "}, {"Tal ", "Tal al-"}, {"Kh", "K"}, {"mb", "m-b"}, {"a", "aa"}, {"i", "y"}, {"ph", "f"}, {"c", "k"}}
	for _, i := range r.Perm(len(rules)) {
		if len(v) >= 3 {
			break
		}
		if rl := rules[i]; strings.Contains(name[1:], rl[0]) {
			j := 1 + strings.Index(name[1:], rl[0])
			add(name[:j] + rl[1] + name[j+len(rl[0]):])
		}
	}
	if strings.Contains(name, " ") && len(v) < 4 {
		add(strings.Replace(name, " ", "-", 1))
	} else if len(name) > 7 && len(v) < 4 && r.IntN(2) == 0 {
		add(name[:len(name)/2] + " " + strings.ToUpper(name[len(name)/2:len(name)/2+1]) + name[len(name)/2+1:])
	}
	return v
}

func slugify(s string) string {
	b := make([]byte, 0, len(s))
	dash := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
			dash = false
		case c >= 'A' && c <= 'Z':
			b = append(b, c-'A'+'a')
			dash = false
		case c < 0x80:
			if !dash && len(b) > 0 {
				b = append(b, '-')
				dash = true
			}
		}
	}
	return strings.TrimSuffix(string(b), "-")
}

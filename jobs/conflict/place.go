package conflict

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimscan/claimscan/jobs/gazetteer"
)

// PlaceKey returns a key for a place name that is the same for the usual
// spelling and transliteration variants of one place and different for
// different places: "Khan Sheikhun", "Khan Sheikhoun" and "Khan Sheihkoun"
// all give "kansakan". It returns "" for a name with no letters or digits.
//
// The key is a consonant skeleton with one vowel slot: see the package
// documentation for the steps. PlaceKey is pure and safe for concurrent use.
func PlaceKey(name string) string {
	var sk [64]byte
	key, skel := placeKey(name, sk[:0])
	if skel == nil {
		return key
	}
	return string(skel)
}

// placeKey is PlaceKey without allocating: it returns the key, or nil
// and the key's skeleton appended to sk when the key is one.
func placeKey(name string, sk []byte) (key string, skel []byte) {
	if p, ok := placeOf(name); ok {
		return "=" + p.Key(), nil
	}
	return spellingKey(name, sk)
}

// spellingKey is placeKey for a name the gazetteer does not hold: its
// fixed key or its exonym's skeleton, else "" and the name's skeleton
// appended to sk.
func spellingKey(name string, sk []byte) (key string, skel []byte) {
	var buf [12]string
	toks := placeTokens(name, buf[:0])
	toks = dropParticles(toks)
	if len(toks) == 0 {
		return "", nil
	}
	var joined [128]byte
	if k, ok := placeFixed[string(joinTokens(joined[:0], toks))]; ok {
		return k, nil
	}
	toks = dropPlaceWords(toks)
	if k, ok := placeFixed[string(joinTokens(joined[:0], toks))]; ok {
		return k, nil
	}
	for _, t := range toks {
		sk = appendSkeleton(sk, t)
	}
	if k, ok := placeExonyms[string(sk)]; ok {
		return k, nil
	}
	return "", sk
}

// placeOf finds a place name in the world gazetteer: as written, else
// without its articles, administrative words and leading compass word
// ("southern Idlib province" → Idlib).
func placeOf(name string) (gazetteer.Place, bool) { return placeOfIn(name, "") }

// placeOfIn is placeOf in the context of a country, the article's (""
// for none): of several places with the name, one of that country, and
// no short alternate name of a place abroad (gazetteer.LookupIn: "Yida"
// in a report from South Sudan is not Jeddah).
func placeOfIn(name, country string) (gazetteer.Place, bool) {
	if len(strings.TrimSpace(name)) < 3 {
		return gazetteer.Place{}, false
	}
	if p, ok := gazetteer.LookupIn(name, country); ok {
		return canonical(p), true
	}
	if country != "" {
		if _, ok := gazetteer.Lookup(name); ok {
			return gazetteer.Place{}, false // a name the context leaves out is no other place either
		}
	}
	var buf [12]string
	toks := dropPlaceWords(dropParticles(placeTokens(name, buf[:0])))
	if len(toks) == 0 {
		return gazetteer.Place{}, false
	}
	var joined [128]byte
	if p, ok := gazetteer.LookupIn(string(joinTokens(joined[:0], toks)), country); ok {
		return canonical(p), true
	}
	// a transliteration the table lacks: by its skeleton
	var sk [64]byte
	if key, ok := indexSkeleton(sk[:0], toks); ok {
		if k, ok := skeletonIndex()[string(key)]; ok {
			return gazetteer.ByKey(k)
		}
	}
	return gazetteer.Place{}, false
}

// indexSkeleton appends to dst the skeleton of a name's tokens (particles
// and place words dropped) and reports whether the name is long enough
// that a skeleton rarely stands for two places, seven letters or several
// words: the names skeletonIndex holds and looks up.
func indexSkeleton(dst []byte, toks []string) ([]byte, bool) {
	letters := 0
	for _, t := range toks {
		dst = appendSkeleton(dst, t)
		letters += len(t)
	}
	return dst, letters >= 7 || len(toks) >= 2
}

// canonical is the place that stands for p in a key: the region a city
// shares its name with, up to spelling (Raqqa the governorate and Ar
// Raqqah the city), else p.
func canonical(p gazetteer.Place) gazetteer.Place {
	if c := p.Canonical(); c != p {
		return c
	}
	if r, ok := p.Region(); ok && p.Kind == gazetteer.City {
		var a, b [64]byte
		if string(appendSkeletonOf(a[:0], p.Name)) == string(appendSkeletonOf(b[:0], r.Name)) {
			return r
		}
	}
	return p
}

var (
	skelOnce  sync.Once
	skelIndex map[string]string
)

// skeletonIndex maps the skeleton of the own name of each place of the
// gazetteer (of seven letters or more, or of several words) to its
// canonical key; of two places with one skeleton, the more populous.
func skeletonIndex() map[string]string {
	skelOnce.Do(func() {
		skelIndex = map[string]string{}
		pops := map[string]int{}
		gazetteer.Each(func(p gazetteer.Place) {
			sk, ok := indexSkeleton(nil, dropPlaceWords(dropParticles(placeTokens(p.Name, nil))))
			if !ok {
				return
			}
			c := canonical(p)
			if old, ok := pops[string(sk)]; ok && old >= p.Population {
				return
			}
			pops[string(sk)] = p.Population
			skelIndex[string(sk)] = c.Key()
		})
	})
	return skelIndex
}

// PlacePath returns the gazetteer path of a place name ("SY/12" for
// "Idlib province"; see gazetteer.Place.Path), or "" when the name is not
// in the gazetteer.
func PlacePath(name string) string {
	if p, ok := placeOf(name); ok {
		return p.Path()
	}
	return ""
}

// joinTokens appends toks to dst separated by spaces.
func joinTokens(dst []byte, toks []string) []byte {
	for i, t := range toks {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, t...)
	}
	return dst
}

// placeTokens lower-cases name, folds diacritics and Cyrillic letters to
// ASCII, drops apostrophes (Ma'arrat → maarrat) and splits on everything
// else that is not a letter or digit.
func placeTokens(name string, toks []string) []string {
	var cur []byte
	var tmp [32]byte
	cur = tmp[:0]
	flush := func() {
		if len(cur) > 0 {
			toks = append(toks, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range name {
		if r < utf8.RuneSelf {
			c := byte(r)
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				cur = append(cur, c)
			case 'A' <= c && c <= 'Z':
				cur = append(cur, c+'a'-'A')
			case c == '\'' || c == '`':
				// apostrophes (ayn, hamza) join the letters around them
			default:
				flush()
			}
			continue
		}
		r = unicode.ToLower(r)
		s, ok := gazetteer.LatinLetter(r)
		if !ok {
			s, ok = cyrillic[r]
		}
		if ok {
			cur = append(cur, s...)
			continue
		}
		switch {
		case isApostrophe(r), unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			n := len(cur)
			// the letter without its diacritics, as the gazetteer
			// folds names
			cur = gazetteer.Fold(cur, string(r))
			if len(cur) == n { // another script: keep the letter itself
				cur = utf8.AppendRune(cur, r)
			}
		default:
			flush()
		}
	}
	flush()
	return toks
}

func isApostrophe(r rune) bool {
	switch r {
	case '\u2018', '\u2019', '\u02bb', '\u02bc', '\u02be', '\u02bf', '\u00b4', '\u2032':
		return true
	}
	return false
}

// dropParticles removes "the", the Arabic article (al-, el-, ul-) and its
// sun-letter forms (ar-Raqqa, ash-Shaddadi, an-Nabk), and the French l'
// elision, as long as one token remains.
func dropParticles(toks []string) []string {
	out := toks[:0]
	for i, t := range toks {
		rest := len(toks) - i - 1 + len(out)
		if rest > 0 && isParticle(t, toks[i+1:]) {
			continue
		}
		out = append(out, t)
	}
	return out
}

func isParticle(t string, next []string) bool {
	switch t {
	case "the", "al", "el", "ul", "il", "l":
		return true
	}
	if len(next) == 0 || len(t) < 2 || len(t) > 3 || (t[0] != 'a' && t[0] != 'e') {
		return false
	}
	// a sun-letter article doubles the first consonant of the next word
	cons := t[1:]
	switch cons {
	case "t", "th", "d", "dh", "r", "z", "s", "sh", "n":
		return strings.HasPrefix(next[0], cons)
	}
	return false
}

// dropPlaceWords removes administrative words (province, governorate,
// district, city, ...), "of", and a leading compass adjective ("southern
// Idlib"), as long as one token remains.
func dropPlaceWords(toks []string) []string {
	out := toks[:0]
	for i, t := range toks {
		rest := len(toks) - i - 1 + len(out)
		if rest > 0 && (placeWords[t] || (len(out) == 0 && compassWords[t])) {
			continue
		}
		out = append(out, t)
	}
	return out
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// appendSkeleton appends the skeleton of one folded token to out: vowels
// (and y, w used as vowels) become one 'a' per run, digraphs fold to one
// consonant (kh→k, gh→g, sh→s, sch→s, th→t, dh→d, ph→f, zh→j, dj→j, ch→c,
// ck→k, q→k, soft c→s, x→ks), h is kept only at the start of the token,
// and doubled consonants collapse. Digits and letters of other scripts are
// kept as they are.
func appendSkeleton(out []byte, t string) []byte {
	var last byte
	emit := func(c byte) {
		if c != last {
			out = append(out, c)
			last = c
		}
	}
	at := func(i int) byte {
		if i >= 0 && i < len(t) {
			return t[i]
		}
		return 0
	}
	for i := 0; i < len(t); {
		c := t[i]
		nx := at(i + 1)
		step := 1
		switch {
		case c >= utf8.RuneSelf:
			_, size := utf8.DecodeRuneInString(t[i:])
			out = append(out, t[i:i+size]...)
			last, step = 0, size
		case '0' <= c && c <= '9':
			out = append(out, c)
			last = 0
		case isVowel(c):
			emit('a')
		case c == 'y':
			// consonant before a vowel at the start or after a vowel (Yemen,
			// Bayan); a vowel elsewhere (Kyiv, Dayr)
			if isVowel(nx) && (i == 0 || isVowel(at(i-1))) {
				emit('y')
			} else {
				emit('a')
			}
		case c == 'w':
			// a vowel in "aw", "ow" before a consonant or the end (Mawsil)
			if i > 0 && isVowel(at(i-1)) && !isVowel(nx) {
				emit('a')
			} else {
				emit('w')
			}
		case c == 'h':
			if i == 0 {
				emit('h')
			}
		case nx == 'h' && strings.IndexByte("kgstdpzc", c) >= 0:
			switch c {
			case 'p':
				emit('f')
			case 'z':
				emit('j')
			default:
				emit(c)
			}
			step = 2
		case c == 's' && nx == 'c' && at(i+2) == 'h':
			emit('s')
			step = 3
		case c == 't' && nx == 'c' && at(i+2) == 'h':
			emit('c')
			step = 3
		case c == 'd' && nx == 'j':
			emit('j')
			step = 2
		case c == 'c':
			switch nx {
			case 'k':
				emit('k')
				step = 2
			case 'e', 'i', 'y':
				emit('s')
			default:
				emit('k')
			}
		case c == 'q':
			emit('k')
		case c == 'x':
			emit('k')
			emit('s')
		default:
			emit(c)
		}
		i += step
	}
	return out
}

var placeWords = setOf(
	"province", "provinces", "governorate", "governate", "region", "district",
	"county", "countryside", "area", "prefecture", "oblast", "municipality",
	"town", "village", "city", "state", "strip", "suburb", "suburbs",
	"outskirts", "of",
)

var compassWords = setOf(
	"northern", "southern", "eastern", "western", "central",
	"northeastern", "northwestern", "southeastern", "southwestern",
)

// placeFixed keeps distinct the names whose skeletons collide with a
// better-known place (Giza/Gaza, Oman/Amman, Oran/Iran, Male/Mali,
// Lome/Lima, Sidon/Sudan) and the names where a compass word is part of
// the name. The keys are folded token sequences; the values start with
// '=', so they never equal a skeleton.
var placeFixed = map[string]string{
	"giza":                     "=giza",
	"oman":                     "=oman",
	"oran":                     "=oran",
	"male":                     "=male",
	"lome":                     "=lome",
	"sidon":                    "=sidon",
	"northern ireland":         "=northern-ireland",
	"western sahara":           "=western-sahara",
	"central african republic": "=central-african-republic",
}

// placeExonyms maps the skeleton of an exonym or a transliteration that
// differs in its consonants to the skeleton of the name used as canonical.
var placeExonyms = func() map[string]string {
	pairs := [][2]string{
		{"Halab", "Aleppo"},
		{"Alep", "Aleppo"},
		{"Dimashq", "Damascus"},
		{"al-Quds", "Jerusalem"},
		{"al-Khalil", "Hebron"},
		{"Tarabulus", "Tripoli"},
		{"Misurata", "Misrata"},
		{"Muqdisho", "Mogadishu"},
		{"Bombay", "Mumbai"},
		{"Madras", "Chennai"},
		{"Peking", "Beijing"},
		{"Burma", "Myanmar"},
		{"Rangoon", "Yangon"},
		{"Nikolaev", "Mykolaiv"},
		{"Nikolayev", "Mykolaiv"},
		{"Artemivsk", "Bakhmut"},
		{"Lwow", "Lviv"},
		{"Lemberg", "Lviv"},
	}
	m := make(map[string]string, len(pairs))
	for _, p := range pairs {
		from, to := skeletonOf(p[0]), skeletonOf(p[1])
		if from != to {
			m[from] = to
		}
	}
	return m
}()

// skeletonOf is PlaceKey without the fixed and exonym tables.
func skeletonOf(name string) string {
	var sk [64]byte
	return string(appendSkeletonOf(sk[:0], name))
}

// appendSkeletonOf appends skeletonOf(name) to dst.
func appendSkeletonOf(dst []byte, name string) []byte {
	var buf [12]string
	for _, t := range dropPlaceWords(dropParticles(placeTokens(name, buf[:0]))) {
		dst = appendSkeleton(dst, t)
	}
	return dst
}

// cyrillic folds the Cyrillic letters (Russian and Ukrainian,
// BGN/PCGN-like) to ASCII; gazetteer.LatinLetter folds the Latin letters
// that Unicode does not decompose.
var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e",
	'ё': "e", 'є': "e", 'ж': "zh", 'з': "z", 'и': "i", 'і': "i", 'ї': "i",
	'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p",
	'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e",
	'ю': "yu", 'я': "ya",
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

package conflict

import (
	"strconv"
	"strings"
	"time"
)

// Event kinds, as EventKind returns them: the kind of event an article
// reports, read from its event words. Without a cluster, two claims whose
// articles report events of different kinds are not compared.
const (
	KindShooting = "shooting" // shooting, gunman, gunfire, shot
	KindBombing  = "bombing"  // bombing, blast, explosion, airstrike, shelling, missile, rocket
	KindQuake    = "quake"    // earthquake, quake, tremor, tsunami
	KindStorm    = "storm"    // flood, hurricane, typhoon, cyclone, storm, tornado
	KindFire     = "fire"     // fire, blaze, wildfire (not "opened fire")
	KindCrash    = "crash"    // crash, derailment, collision
	KindStabbing = "stabbing" // stabbing, stabbed, knife
)

// eventWords maps the event words to their kind.
var eventWords = func() map[string]string {
	m := map[string]string{}
	for kind, words := range map[string][]string{
		KindShooting: {"shooting", "shootings", "shootout", "shooter", "gunman", "gunmen", "gunfire", "gunshot",
			"gunshots", "shot", "shots", "sniper"},
		KindBombing: {"bombing", "bombings", "bomb", "bombs", "bombed", "bomber", "blast", "blasts", "explosion",
			"explosions", "airstrike", "airstrikes", "air-strike", "shelling", "shelled", "missile", "missiles",
			"rocket", "rockets", "mortar", "mortars", "bombardment"},
		KindQuake:    {"earthquake", "earthquakes", "quake", "quakes", "tremor", "tremors", "aftershock", "aftershocks", "tsunami"},
		KindStorm:    {"flood", "floods", "flooding", "hurricane", "typhoon", "cyclone", "storm", "tornado", "tornadoes"},
		KindFire:     {"fire", "fires", "blaze", "wildfire", "wildfires", "inferno"},
		KindCrash:    {"crash", "crashed", "derailment", "derailed", "collision"},
		KindStabbing: {"stabbing", "stabbings", "stabbed", "knife", "knifeman"},
	} {
		for _, w := range words {
			m[w] = kind
		}
	}
	return m
}()

// kindOpening is how many bytes of an article's text EventKind reads.
const kindOpening = 1500

// EventKind returns the kind of event the text reports (KindShooting,
// KindQuake, ...), read from the event words of its opening: the kind
// with the most words, when it has two or more and more than any other;
// "" when none leads. "Opened fire" is a shooting's, not a fire's.
func EventKind(text string) string {
	if len(text) > kindOpening {
		text = text[:kindOpening]
	}
	var counts [8]int
	kinds := [...]string{KindShooting, KindBombing, KindQuake, KindStorm, KindFire, KindCrash, KindStabbing}
	var buf [16]byte
	opened := false // the word before was "opened": "opened fire"
	for len(text) > 0 {
		i := 0
		for i < len(text) && !isWordByte(text[i]) {
			i++
		}
		j := i
		for j < len(text) && (isWordByte(text[j]) || text[j] == '-') {
			j++
		}
		if i == j {
			break
		}
		word := text[i:j]
		text = text[j:]
		if len(word) > len(buf) {
			opened = false
			continue
		}
		w := buf[:len(word)]
		for k := 0; k < len(word); k++ {
			c := word[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			w[k] = c
		}
		if k, ok := eventWords[string(w)]; ok && !(k == KindFire && opened) {
			for n, kind := range kinds {
				if kind == k {
					counts[n]++
				}
			}
		}
		switch string(w) {
		case "opened", "open", "opening", "returned":
			opened = true
		default:
			opened = false
		}
	}
	best, second := -1, 0
	for n := range kinds {
		switch {
		case best < 0 || counts[n] > counts[best]:
			if best >= 0 {
				second = counts[best]
			}
			best = n
		case counts[n] > second:
			second = counts[n]
		}
	}
	if counts[best] < 2 || counts[best] == second {
		return ""
	}
	return kinds[best]
}

// monthNumbers maps month names and their abbreviations to 1..12.
var monthNumbers = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3,
	"apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// dateAt reads a date around the month token at i of ts (s is their
// text): "July 8, 2016", "July 03, 2013", "3 July 2013", "Nov. 22". It
// returns the year (0 when not written), month and day, and ok false when
// the month has no day beside it ("in July", "July 2013").
func dateAt(s string, ts []token, i int) (y, m, d int, ok bool) {
	if ts[i].f&lMonth == 0 {
		return 0, 0, 0, false
	}
	m = monthNumbers[strings.ToLower(ts[i].word(s))]
	if m == 0 {
		return 0, 0, 0, false
	}
	day := func(k int) int {
		if k < 0 || k >= len(ts) || ts[k].brk {
			return 0
		}
		w := ts[k].word(s)
		if !ts[k].num {
			// "2nd", "22nd", "3rd", "1st", "8th"
			l := strings.ToLower(w)
			if len(l) < 3 || len(l) > 4 || !isDigit(l[0]) {
				return 0
			}
			switch l[len(l)-2:] {
			case "st", "nd", "rd", "th":
				w = l[:len(l)-2]
			default:
				return 0
			}
		}
		v, err := strconv.Atoi(w)
		if err != nil || len(w) > 2 || v < 1 || v > 31 {
			return 0
		}
		return v
	}
	year := func(k int) int {
		if k+1 < len(ts) && ts[k].brk && ts[k].sep == ',' {
			k++ // "July 8, 2016"
		}
		if k < len(ts) && isYear(&ts[k]) {
			return int(ts[k].val)
		}
		return 0
	}
	if d = day(i + 1); d > 0 {
		return year(i + 2), m, d, true
	}
	if d = day(i - 1); d > 0 {
		return year(i + 1), m, d, true
	}
	return 0, 0, 0, false
}

// civil returns the date y-m-d at midnight UTC, or false for an invalid
// day ("February 30").
func civil(y, m, d int) (time.Time, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Month() == time.Month(m) && t.Day() == d
}

// resolveDate returns the date y-m-d, or, when y is 0, the latest date of
// that month and day not after ref (a day of grace): "Nov. 22" in a
// report of October 2016 is November 22, 2015.
func resolveDate(y, m, d int, ref time.Time) (time.Time, bool) {
	if y > 0 {
		return civil(y, m, d)
	}
	if ref.IsZero() {
		return time.Time{}, false
	}
	t, ok := civil(ref.Year(), m, d)
	if ok && t.After(ref.Add(24*time.Hour)) {
		t, ok = civil(ref.Year()-1, m, d)
	}
	return t, ok
}

// eventOpening is how many bytes of an article's text are read for the
// date of its event.
const eventOpening = 600

// eventSpan is how long before publication a date of the opening can be
// the event's: a report published months later (a follow-up, a page
// published again) names its event's date in its first lines.
const eventSpan = 400 * 24 * time.Hour

// articleEvent returns the date of the event an article reports: the
// first full date (month, day and year) of its opening when it is at most
// eventSpan before publication (or there is no publication), else the
// publication date; zero when neither is known.
func articleEvent(text string, published time.Time) time.Time {
	if len(text) > eventOpening {
		text = text[:eventOpening]
		for len(text) > 0 && text[len(text)-1] >= 0x80 {
			text = text[:len(text)-1] // not inside a character
		}
	}
	var toks [256]token
	ts := tokenize(text, toks[:0])
	for i := range ts {
		y, m, d, ok := dateAt(text, ts, i)
		if !ok || y == 0 {
			continue
		}
		t, ok := civil(y, m, d)
		if !ok {
			continue
		}
		if published.IsZero() || !t.After(published.Add(24*time.Hour)) && published.Sub(t) <= eventSpan {
			return t
		}
		break
	}
	return published.UTC().Truncate(24 * time.Hour)
}

// clauseDate returns the date written in tokens [lo, hi) of a claim's
// sentence s ("their roles in the Nov. 22 shootout that wounded 17"),
// resolved against ref when it has no year; false when there is none.
func clauseDate(s string, ts []token, lo, hi int, ref time.Time) (time.Time, bool) {
	for i := lo; i < hi; i++ {
		if y, m, d, ok := dateAt(s, ts, i); ok {
			return resolveDate(y, m, d, ref)
		}
	}
	return time.Time{}, false
}

// appendDay appends t as YYYYMMDD.
func appendDay(dst []byte, t time.Time) []byte {
	y, m, d := t.Date()
	dst = strconv.AppendInt(dst, int64(y), 10)
	for _, v := range [...]int{int(m), d} {
		if v < 10 {
			dst = append(dst, '0')
		}
		dst = strconv.AppendInt(dst, int64(v), 10)
	}
	return dst
}

// parseDay reads a YYYYMMDD mark; false for anything else.
func parseDay(s string) (time.Time, bool) {
	if len(s) != 8 {
		return time.Time{}, false
	}
	for i := 0; i < 8; i++ {
		if s[i] < '0' || s[i] > '9' {
			return time.Time{}, false
		}
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[4:6])
	d, _ := strconv.Atoi(s[6:])
	return civil(y, m, d)
}

// pointEvent reports whether an event of kind k happens at one place (a
// shooting, a bombing, a crash): a town or a district its reports name is
// where it happened, not an area within a wider event's region as for a quake
// or a flood.
func pointEvent(k string) bool {
	switch k {
	case KindShooting, KindBombing, KindCrash, KindStabbing, KindFire:
		return true
	}
	return false
}

// isKind reports whether s is one of the event kinds.
func isKind(s string) bool {
	switch s {
	case KindShooting, KindBombing, KindQuake, KindStorm, KindFire, KindCrash, KindStabbing:
		return true
	}
	return false
}

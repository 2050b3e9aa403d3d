package conflict

import (
	"strings"

	"github.com/claimscan/claimscan/jobs/gazetteer"
	"github.com/claimscan/claimscan/schema"
)

// Where a count happened, for the scope rules: a place named in its clause
// that is not the article's own makes it another incident's.

// incidentNouns are the event nouns of one incident at one place.
var incidentNouns = setOf("attack", "strike", "airstrike", "shooting", "bombing", "blast", "explosion",
	"raid", "massacre", "ambush", "shelling", "stabbing")

// elsewhere reports whether the incident noun at i is followed, within
// the clause's tokens up to hi, by "of", "in", "at" or "on" and a place of
// the gazetteer that is not the article's own (ownPlace) and does not lie
// inside the article's main place, unless that is a whole country ("the
// bombing of Guffa in Upper Nile state" in a report of a camp in Unity
// State).
func elsewhere(s string, ts []token, i, hi int, a ArticleContext) bool {
	if !incidentNouns[strings.ToLower(ts[i].word(s))] {
		return false
	}
	var home gazetteer.Place
	homeOK, homeRead := false, false
	for j := i + 1; j+1 < hi && j <= i+5; j++ {
		if ts[j].brk || ts[j].num {
			return false
		}
		switch strings.ToLower(ts[j].word(s)) {
		case "of", "in", "at", "on":
		default:
			continue
		}
		name := namedAfter(s, ts, j+1, hi)
		if name == "" || ownPlace(a, name) {
			continue
		}
		if !homeRead {
			// the article's main place, read once a name is there
			home, homeOK = placeOf(a.Place)
			homeRead = true
		}
		country := ""
		if homeOK {
			country = home.Country
		}
		p, ok := placeOfIn(name, country)
		if !ok {
			continue
		}
		if homeOK && home.Kind != gazetteer.Country && gazetteer.Nested(home.Path(), p.Path()) {
			continue
		}
		if homeOK && home.Kind == gazetteer.Country && p.Kind == gazetteer.Country {
			continue // the article's own country
		}
		return true
	}
	return false
}

// abroad reports whether the place c's clause names (its location
// mention) is a country other than the country of the article's main
// place: under a cluster, a figure of another event, abroad.
func (k *Keyer) abroad(c *schema.Claim) bool {
	if c.LocationMention == "" {
		return false
	}
	home, ok := k.homePlace()
	if !ok {
		return false
	}
	p, ok := gazetteer.LookupIn(c.LocationMention, home.Country)
	return ok && p.Kind == gazetteer.Country && p.Country != home.Country
}

// opening is how many bytes of an article's text name its own places: the
// headline, the dateline and the lead.
const opening = 400

// ownPlace reports whether name is one of the article's own places: its
// main place, or a place its opening names ("Sudan Bombs Yida Refugee
// Camp": Yida is the event's, Guffa named further down another's).
func ownPlace(a ArticleContext, name string) bool {
	if strings.EqualFold(name, a.Place) {
		return true
	}
	head := a.Text
	if len(head) > opening {
		head = head[:opening]
	}
	return head != "" && containsFold(head, name)
}

// containsFold reports whether s contains sub, ASCII case aside.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// namedBefore returns the capitalized words right before token i (from
// lo): "Lee Memorial" of "Lee Memorial Hospital", "Bener Meriah" of "Bener
// Meriah district"; "" when there are none.
func namedBefore(s string, ts []token, i, lo int) string {
	j := i
	for j > lo && j > i-4 && capitalized(ts[j-1].word(s)) && !ts[j-1].num {
		j--
	}
	if j == i {
		return ""
	}
	return s[ts[j].off : int(ts[i-1].off)+int(ts[i-1].len)]
}

// namedAfter returns the capitalized words from token i on.
func namedAfter(s string, ts []token, i, hi int) string {
	j := i
	for j < hi && j < i+4 && capitalized(ts[j].word(s)) && !ts[j].num {
		j++
	}
	if j == i {
		return ""
	}
	return s[ts[i].off : int(ts[j-1].off)+int(ts[j-1].len)]
}

func capitalized(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z'
}

package conflict

import (
	"strings"
	"testing"
	"time"

	"github.com/claimscan/claimscan/schema"
)

// TestEventKind: the kind of event an article reports, from the event
// words of its opening (my own texts).
func TestEventKind(t *testing.T) {
	for text, want := range map[string]string{
		"A gunman opened fire at a nightclub early Sunday. Police said the shooting left four dead.": KindShooting,
		"A 6.1-magnitude earthquake struck the province. The quake flattened homes.":                 KindQuake,
		"An airstrike hit a refugee camp; the bombing killed 12, officials said.":                    KindBombing,
		"Floods swept the valley after the storm. The flooding cut roads.":                           KindStorm,
		"A fire destroyed a block of flats. The blaze started at night.":                             KindFire,
		"Police said the gunman opened fire on the crowd and fled; he shot two.":                     KindShooting, // not a fire
		"Officials met on Monday to discuss the budget.":                                             "",
		"A shooting and a fire were reported.":                                                       "", // one word each: none leads
	} {
		if got := EventKind(text); got != want {
			t.Errorf("EventKind(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestArticleEvent: the day of an article's event is the first full date
// of its opening when it is at most 400 days before publication, else the
// publication's day.
func TestArticleEvent(t *testing.T) {
	pub := day("2017-01-24")
	for _, tc := range []struct {
		text string
		pub  time.Time
		want string
	}{
		{"Officers scramble after 11 officers were shot on Thursday, July 8, 2016. (Photo)\nDALLAS -- ...", pub, "2016-07-08"},
		{"Quake hits Indonesia; 1 dead\nTuesday, July 2nd, 2013\nA strong earthquake struck ...", time.Time{}, "2013-07-02"},
		{"Indonesia earthquake: 24 dead\nWEDNESDAY 03 JULY 2013\nSoldiers lead rescue operations.", time.Time{}, "2013-07-03"},
		{"On Sept. 11, 2001, hijackers crashed planes. Today a vigil was held.", pub, "2017-01-24"}, // too far back
		{"Five people were killed on Friday.", pub, "2017-01-24"},
		{"No date at all.", time.Time{}, ""},
	} {
		got := articleEvent(tc.text, tc.pub)
		if s := got.Format("2006-01-02"); tc.want == "" && !got.IsZero() || tc.want != "" && s != tc.want {
			t.Errorf("articleEvent(%q) = %v, want %s", tc.text, got, tc.want)
		}
	}
}

// TestEventKeys: the time field of a key is the year of the event the claim
// counts, not the publication's, and without a cluster the key carries the
// event's day and kind; under a cluster the bucket is the event.
func TestEventKeys(t *testing.T) {
	keyOf := func(text, sentence, quote string, v float64, pub time.Time, cluster string) string {
		c := schema.Claim{ClaimID: "c", ArticleID: "a", Kind: schema.KindQuantity, Predicate: "injured", Subject: "people",
			Sentence: sentence, Quote: quote, ValueBest: schema.F(v), Bound: schema.BoundExact, Published: pub, Location: "New Orleans"}
		claims := []schema.Claim{c}
		SetKeys(claims, text, pub, cluster)
		return claims[0].ClaimKey
	}
	// a follow-up eleven months later: the clause dates the event
	s := "Five men pleaded guilty to their roles in the Nov. 22 shootout at a block party that wounded 17 people."
	text := "Five plead guilty in park shooting. " + s + " The gunman opened fire on the crowd; the shooting shocked the city."
	if got, want := keyOf(text, s, "wounded 17 people", 17, day("2016-10-17"), ""), "injured|people|=US|2015|20151122|shooting"; got != want {
		t.Errorf("follow-up: key %q, want %q", got, want)
	}
	// a page published again months later: its opening dates the event
	s = "Police say the sniper killed five officers and injured seven others."
	text = "Officers scramble after 11 officers were shot on Thursday, July 8, 2016. " + s
	if got := keyOf(text, s, "injured seven others", 7, day("2017-01-24"), ""); !strings.HasPrefix(got, "injured|people|=US|2016|20160708") {
		t.Errorf("page published again: key %q, want the year and day of July 8, 2016", got)
	}
	// under a cluster the bucket is the cluster's event, whatever the year
	for _, pub := range []time.Time{day("2015-11-23"), day("2016-10-17")} {
		if got, want := keyOf("A shooting at a park wounded 17.", "A shooting at a park wounded 17.", "wounded 17", 17, pub, "gva-1"), "injured|people|#gva-1|event"; got != want {
			t.Errorf("cluster, published %v: key %q, want %q", pub, got, want)
		}
	}
}

// TestKeyMarks: the marks after the four grouping fields of a key.
func TestKeyMarks(t *testing.T) {
	for key, want := range map[string]marks{
		"killed|people|=US|2016|20160612|shooting":       {group: "killed|people|=US|2016", kind: KindShooting, day: day("2016-06-12")},
		"killed|people|=US|2016|since|20160612|shooting": {group: "killed|people|=US|2016", total: TotalSince, kind: KindShooting, day: day("2016-06-12")},
		"killed|people|#gva-1|event|asof":                {group: "killed|people|#gva-1|event", total: TotalAsOf},
		"killed|people|=SY|s2011":                        {group: "killed|people|=SY|s2011"},
		"killed|people|=SY|2019|2019":                    {group: "killed|people|=SY|2019|2019"}, // not a day: kept
	} {
		if got := keyMarks(key); got != want {
			t.Errorf("keyMarks(%q) = %+v, want %+v", key, got, want)
		}
	}
	it := ItemOf(&schema.Claim{ClaimKey: "killed|people|kansakan|2016|20160612|shooting", Location: "Khan Sheikhun"})
	if it.Key != "killed|people|kansakan|2016" || it.Event != "|20160612|shooting" {
		t.Errorf("ItemOf: key %q event %q", it.Key, it.Event)
	}
}

// TestEventsApart: without a cluster, claims of one city are compared
// only when their events are a week apart or less and of one kind: two
// shootings in one city a month apart stay apart; an event reported over
// New Year's Day meets its reports of December.
func TestEventsApart(t *testing.T) {
	mk := func(id, key string, v float64, ev, kind string, pub time.Time) Item {
		return Item{ClaimID: id, ArticleID: id, Key: key, Source: "S" + id, Bound: schema.BoundExact, Best: schema.F(v),
			Published: pub, Event: eventSig("US/FL/4167147", day(ev), kind)}
	}
	const k2016 = "killed|people|=US|2016"
	for _, tc := range []struct {
		name string
		a, b Item
		want int
	}{
		{"one city, a month apart", mk("a", k2016, 3, "2016-06-12", KindShooting, day("2016-06-12")), mk("b", k2016, 5, "2016-07-12", KindShooting, day("2016-07-12")), 0},
		{"one event, two days' reports", mk("a", k2016, 3, "2016-06-12", KindShooting, day("2016-06-12")), mk("b", k2016, 5, "2016-06-12", KindShooting, day("2016-06-14")), 1},
		{"one city, one week, a shooting and a fire", mk("a", k2016, 3, "2016-06-12", KindShooting, day("2016-06-12")), mk("b", k2016, 5, "2016-06-13", KindFire, day("2016-06-13")), 0},
		{"a kind unknown", mk("a", k2016, 3, "2016-06-12", KindShooting, day("2016-06-12")), mk("b", k2016, 5, "2016-06-13", "", day("2016-06-13")), 1},
		{"a report months later that dates the event", mk("a", k2016, 3, "2016-06-12", KindShooting, day("2016-06-12")), mk("b", k2016, 5, "2016-06-12", KindShooting, day("2017-01-24")), 1},
	} {
		if rows := detect(t, DefaultConfig(), []Item{tc.a, tc.b}); len(rows) != tc.want {
			t.Errorf("%s: %d rows, want %d", tc.name, len(rows), tc.want)
		}
	}
	// an event of December 31 reported on January 2 ("on Saturday"): the
	// claim's short scope gives the event's day, and its year
	c := schema.Claim{ClaimID: "c", ArticleID: "a", Kind: schema.KindQuantity, Predicate: "killed", Subject: "people",
		Sentence: "Two people were killed on Saturday.", Quote: "Two people were killed", ValueBest: schema.F(2),
		Bound: schema.BoundExact, Published: day("2017-01-02"), ScopeStart: day("2016-12-31"), ScopeEnd: day("2016-12-31"), Location: "Orlando"}
	claims := []schema.Claim{c}
	SetKeys(claims, "Two people were killed on Saturday.", c.Published, "")
	if got := claims[0].ClaimKey; !strings.HasPrefix(got, "killed|people|=US|2016|20161231") {
		t.Errorf("New Year: key %q, want the year and day of December 31", got)
	}
}

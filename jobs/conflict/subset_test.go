package conflict

import (
	"strings"
	"testing"
	"time"

	"github.com/claimscan/claimscan/schema"
)

// sentenceClaim is a claim of predicate pred stating value v, quoted by
// quote inside sentence.
func sentenceClaim(pred string, v float64, quote, sentence string) *schema.Claim {
	return &schema.Claim{
		ClaimID: "c", ArticleID: "a", Kind: schema.KindQuantity, Predicate: pred, Subject: "people",
		Bound: schema.BoundExact, ValueBest: schema.F(v), Quote: quote, Sentence: sentence,
		Published: day("2016-06-06"),
	}
}

func TestSubsetRule(t *testing.T) {
	for _, tc := range []struct {
		pred        string
		v           float64
		quote       string
		sentence    string
		want        string
		whyNoSubset string
	}{
		// subset-versus-whole pairs
		{"injured", 1, "one was shot", "Police said one was shot in the thigh; the other was shot in the hand.", SubsetPair, ""},
		{"killed", 2, "two were shot", "The next two were shot and killed outside the Alpha Phi sorority near the UCSB campus, and the remaining victim was killed at a delicatessen in the area, according to Brown.", SubsetRelative, ""},
		{"injured", 2, "Two other people were critically wounded", "Two other people were critically wounded.", SubsetCondition, ""},
		{"injured", 1, "one person was critically wounded", "Among the attacks over the weekend was a shooting in Fernwood where four people were killed and one person was critically wounded, according to police.", SubsetCondition, ""},
		{"injured", 1, "one of nine people shot outside the club early Sunday", "Johnson was one of nine people shot outside the club early Sunday morning.", SubsetOf, ""},
		{"injured", 1, "One of the victims was airlifted", "One of the victims was airlifted to Loyola University Medical Center.", SubsetOf, ""},
		{"injured", 2, "two of them", "Four people were shot, and two of them remain in hospital.", SubsetOf, ""},
		{"injured", 3, "three worked at the salon", "Of the four wounded, three worked at the salon, including one man who was shot four times.", SubsetOf, ""},
		{"injured", 29, "29 were taken", "BSO Fire Rescue said of 30 people transported to hospitals from the airport, 29 were taken to Broward Health Medical Center and one was taken to Memorial Regional Hospital.", SubsetOf, ""},
		{"injured", 1, "one critically", "The shooting injured 13 people, including one critically.", SubsetIncluding, ""},
		{"injured", 2, "two children", "Eight people were hurt, among them two children.", SubsetIncluding, ""},
		{"killed", 2, "the other two", "One died at the scene and the other two died at the hospital.", SubsetRelative, ""},
		{"injured", 2, "two were listed", "Two were listed in critical condition.", SubsetCondition, ""},
		{"injured", 1, "One person was shot", "One person was shot in the Bronx, while a second was struck in Brooklyn.", SubsetPair, ""},

		{"injured", 3, "three were treated", "Ten victims were treated at Bridgeport Hospital while three were treated at St. Vincent's Hospital, police said.", SubsetBreakdown, ""},
		{"injured", 10, "Ten victims were treated", "Ten victims were treated at Bridgeport Hospital while three were treated at St. Vincent's Hospital, police said.", SubsetBreakdown, ""},
		{"killed", 2, "Two were killed", "Two were killed at the house and three died at the hospital.", "", "no shared participle"},
		{"injured", 2, "two others were wounded", "One person was killed while two others were wounded.", "", "different verbs"},
		{"injured", 7, "7 Injured", "2 Dead, 7 Injured in DC Shooting: Police Two people are dead and seven people are injured.", "", "one count restated"},
		{"injured", 2, "two patients", "The center treated two patients -- one was treated and released, one was treated and transferred.", "", "no clause opens with the other number"},

		{"injured", 3, "Three victims remained at the hospital", "Three victims remained at the hospital Monday night.", SubsetCondition, ""},
		{"injured", 1, "one minor injury", "Police said shots were also fired at a nearby home, where there was one minor injury.", SubsetCondition, ""},
		{"injured", 10, "Ten victims were taken", "Ten victims were taken to hospitals by ambulances.", SubsetMeans, ""},
		{"killed", 2, "Two Hamas militants were among the dead", "Two Hamas militants were among the dead, both part of a rocket cell.", SubsetIncluding, ""},
		{"killed", 4, "four Dallas police officers were killed", "One DART officer and four Dallas police officers were killed.", SubsetBreakdown, ""},
		{"killed", 4, "four Dallas Police Department officers", "He was one of the four Dallas Police Department officers to die that night.", SubsetOrg, ""},
		{"killed", 1, "One man, age 18, was wounded", "One man, age 18, was wounded in the leg, another, age 41, in the arm.", "", "a count of the dead is no pair"},
		{"injured", 1, "One man, age 18, was wounded", "One man, age 18, was wounded in the leg, another, age 41, in the arm.", SubsetPair, ""},

		// totals stay totals
		{"killed", 5, "killed five police officers", "The gunman killed five police officers.", "", "a plain total"},
		{"killed", 2, "Two Israeli soldiers were killed", "Two Israeli soldiers were killed.", "", "a nationality is no organisation"},
		{"injured", 4, "wounded four other officers", "It was the attack that wounded four other officers and two civilians.", "", "two counts of different classes"},
		{"injured", 4, "Four people were wounded", "Four people were wounded during a wild shootout in Brooklyn Sunday afternoon, police said.", "", "a plain total"},
		{"injured", 13, "injured 13 people", "An apparent ambush shooting on Plymouth Street early Sunday morning that injured 13 people — including one critically — occurred during an illegal party.", "", "the whole of an including phrase"},
		{"injured", 9, "nine people shot", "Johnson was one of nine people shot outside the club early Sunday morning.", "", "the set after one of"},
		{"injured", 19, "19 others injured", "Two shot dead, two critical and 19 others injured after mass shooting at house party in Houston", "", "others after another count is the rest of the victims"},
		{"injured", 8, "another eight people were injured", "Gray said another eight people were injured in the attack.", "", "another is as often the whole of the wounded"},
		{"injured", 5, "five victims were transported", "Robinson died at the scene and the other five victims were transported to local hospitals.", "", "the other survivors of a death are all the wounded"},
		{"killed", 4, "Four of the five people shot", "Four of the five people shot, died as a result of their injuries.", "", "the dead among the shot are all the dead"},
		{"killed", 2, "two men who were killed", "Five people were shot, including two men who were killed.", "", "the dead among the shot are all the dead"},
		{"killed", 4, "killing four people", "The woman went on a rampage, killing four people and critically wounding two others, police said.", "", "the condition belongs to the next clause"},
		{"killed", 1, "One officer died", "One officer died, the other was seriously wounded.", "", "one dead and the other wounded: the whole of the dead"},
		{"killed", 7, "killing at least seven people", "Security forces fired at tens of thousands of protesters in the capital Lome on Thursday, killing at least seven people, a rights group said.", "", "tens of thousands is not a set the seven are taken from"},
		{"injured", 5, "wounding five of his companions", "A man charged with fatally shooting a rider and wounding five of his companions was held for trial.", "", "of his: a relation, not the victims"},
	} {
		c := sentenceClaim(tc.pred, tc.v, tc.quote, tc.sentence)
		if got := SubsetRule(c); got != tc.want {
			t.Errorf("%q in %q: subset rule %q, want %q %s", tc.quote, tc.sentence, got, tc.want, tc.whyNoSubset)
		}
	}
}

func TestContextRule(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		want     string
	}{
		{"Since early October, eight people have died and at least 10 others were injured in 12 shootings in or near Pine Hills.", ContextEvents},
		{"Detroit's east side was riddled with gunshots this weekend in four separate shootings that left two men dead.", ContextEvents},
		{"Four people were killed and at least 35 others have been wounded in shootings across Chicago since Friday night.", ContextEvents},
		{"With these two deaths Indianapolis has now reached 109 homicides for the year.", ContextEvents},
		{"At least 35 people have been shot across the city since Friday afternoon, according to Chicago Police.", ContextArea},
		{"At least 35 people have been shot — eight of them fatally — across the city since Friday afternoon.", ContextArea},
		{"More than 750 people have been killed so far this year.", ContextYear},
		{"The shooting happened days after the conviction of James Holmes in the July 19, 2012, Aurora, Colorado, theater shooting that left 12 people dead and 70 people wounded.", ContextPast},
		{"The deadliest U.S. mass shooting in modern times was in 2007, when a student killed 32 people.", ContextPast},
		{"Three years ago, James Holmes killed 12 and wounded 70 in a movie theater.", ContextPast},

		{"Four people were wounded during a wild shootout in Brooklyn Sunday afternoon.", ""},
		{"The Red Cross said 57 people had died since May 7, and that more than 100,000 people were now displaced across the region.", ""},
		{"Champaign police believe two weekend shootings that left one man dead and four people wounded were not related.", ""},
		{"A gunman killed 12 people and injured eight at the Navy Yard, in one of the worst mass shootings ever at a U.S. military facility.", ""},
		{"Police said 2 people were killed on Saturday, June 4, 2016.", ""},
	} {
		v := 1.0
		if strings.Contains(tc.sentence, "killed 12") || strings.Contains(tc.sentence, "left 12") {
			v = 12 // the count the claim states, after other numbers
		}
		c := sentenceClaim("killed", v, "", tc.sentence)
		if got := ContextRule(c); got != tc.want {
			t.Errorf("%q: context rule %q, want %q", tc.sentence, got, tc.want)
		}
	}
	// a date of December in a report of January is the same event
	c := sentenceClaim("killed", 2, "", "Two people were killed on Dec. 31, 2016, police said.")
	c.Published = day("2017-01-02")
	if got := ContextRule(c); got != "" {
		t.Errorf("last December in January: %q", got)
	}
}

func TestKeyQualifiers(t *testing.T) {
	const cluster = "gva-1"
	for _, tc := range []struct {
		pred, quote, sentence string
		v                     float64
		want                  string
	}{
		{"injured", "Four people were wounded", "Four people were wounded in the shooting.", 4, "injured|people|#gva-1|event"},
		{"injured", "Four people were shot", "Four people were shot in the parking lot.", 4, "shot|people|#gva-1|event"},
		{"killed", "9 People Shot", "9 People Shot, 1 Fatally, After Violence Breaks Out at Party", 9, "shot|people|#gva-1|event"},
		{"killed", "two were shot and killed", "Police said two were shot and killed.", 2, "killed|people|#gva-1|event"},
		{"killed", "shot two", "Prather also fatally shot two of his children.", 2, "killed|people|#gva-1|event"},
		{"killed", "8 men shot", "Gunmen burst in on card game; 8 men shot, 2 dead", 8, "shot|people|#gva-1|event"},
		{"injured", "Seven people were shot and wounded", "Seven people were shot and wounded early Thursday.", 7, "injured|people|#gva-1|event"},
		{"injured", "one was shot", "Police said one was shot in the thigh; the other was shot in the hand.", 1, "shot|people/subset|#gva-1|event"},
		{"killed", "eight people have died", "Since early October, eight people have died in 12 shootings in Pine Hills.", 8, "killed|people/ctx|#gva-1|event"},
		{"killed", "dead-5", "http://example.com/2013/01/shooting-leaves-1-dead-5-wounded/", 5, ""},
	} {
		c := sentenceClaim(tc.pred, tc.v, tc.quote, tc.sentence)
		if got := KeyIn(c, cluster); got != tc.want {
			t.Errorf("%q: key %q, want %q", tc.sentence, got, tc.want)
		}
	}
	// without a cluster the key is a place's, and a context figure is the
	// place's count: no suffix
	c := sentenceClaim("killed", 8, "eight people have died", "Since early October, eight people have died in 12 shootings in Pine Hills.")
	c.Location = "Pine Hills"
	if got := Key(c); strings.Contains(got, ContextSuffix) {
		t.Errorf("place key %q has the context suffix", got)
	}
}

func TestClusterPeriodBucket(t *testing.T) {
	pub := day("2016-12-12")
	c := sentenceClaim("killed", 8, "eight people have died", "Eight people have died in Pine Hills.")
	c.Published = pub
	c.ScopeStart = day("2016-10-01") // "since early October"
	if got, want := KeyIn(c, "gva-1"), "killed|people|#gva-1|s201610"; got != want {
		t.Errorf("period of ten weeks in a cluster: %q, want %q", got, want)
	}
	c.ScopeStart, c.ScopeEnd = day("2016-11-30"), day("2016-11-30") // "last month", one day
	if got, want := KeyIn(c, "gva-1"), "killed|people|#gva-1|event"; got != want {
		t.Errorf("one day last month: %q, want %q", got, want)
	}
	c.ScopeStart, c.ScopeEnd = day("2016-10-01"), time.Time{}
	c.Location = "Pine Hills"
	if got := Key(c); strings.HasSuffix(got, "|s201610") {
		t.Errorf("without a cluster, a period since October is the year's: %q", got)
	}
}

func TestComparable(t *testing.T) {
	for key, want := range map[string]bool{
		"":                                   false,
		"killed|people|#gva-1|event":         true,
		"shot|people|#gva-1|event":           true,
		"injured|people/subset|#gva-1|event": false,
		"killed|children/ctx|#gva-1|event":   false,
		"killed|people|#cluster/x|2016":      true,
		"money:usd|household|adlab|2019":     true,
		"killed|civilians|kansakan|s2011":    true,
		"displaced|people|@article-7|2019":   true,
	} {
		if got := Comparable(key); got != want {
			t.Errorf("Comparable(%q) = %v, want %v", key, got, want)
		}
	}
	// the detector and detectGroup ignore the items of such keys
	items := []Item{
		{ClaimID: "1", ArticleID: "a", Key: "injured|people/subset|#g|2016", Bound: schema.BoundExact, Best: schema.F(1)},
		{ClaimID: "2", ArticleID: "b", Key: "injured|people/subset|#g|2016", Bound: schema.BoundExact, Best: schema.F(4)},
	}
	if rows := detect(t, DefaultConfig(), items); len(rows) != 0 {
		t.Errorf("subsets compared: %d rows", len(rows))
	}
	if rows, err := detectGroup(items, DefaultConfig()); err != nil || len(rows) != 0 {
		t.Errorf("detectGroup compared subsets: %d rows, %v", len(rows), err)
	}
}

func TestTokenize(t *testing.T) {
	var buf [maxTokens]token
	const sentence = "‘Seven victims were shot — we’ve 1,500 rounds,’ said Dr. Smith (police)."
	ts := tokenize(sentence, buf[:0])
	var ws []string
	for _, x := range ts {
		ws = append(ws, x.word(sentence))
	}
	want := "Seven victims were shot — we’ve 1,500 rounds , said Dr Smith ( police )"
	if got := strings.Join(ws, " "); got != want {
		t.Errorf("tokens %q, want %q", got, want)
	}
	if !ts[0].num || ts[0].val != 7 || int(ts[0].off) != len("‘") || !ts[6].num || ts[6].val != 1500 || ts[3].f&lShot == 0 {
		t.Errorf("tokens: %+v", ts[:7])
	}
	for w, want := range map[string]float64{"Twenty-one": 21, "ninety-nine": 99, "12": 12, "2,500": 2500, "DOZEN": 12} {
		if _, v, num := lookup(w); !num || v != want {
			t.Errorf("lookup(%q) = %v, %v, want %v", w, v, num, want)
		}
	}
	for _, w := range []string{"one-sided", "twenty-twenty-one", "extraordinarily-long-word", "1e999"} {
		if _, _, num := lookup(w); num {
			t.Errorf("lookup(%q) is a number", w)
		}
	}
	// never more than the buffer, never stuck on odd bytes
	long := strings.Repeat("x \xff\xfe “ ", 500)
	if n := len(tokenize(long, buf[:0])); n != maxTokens {
		t.Errorf("%d tokens of a long sentence, want %d", n, maxTokens)
	}
}

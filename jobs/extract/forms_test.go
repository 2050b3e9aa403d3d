package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/claimscan/claimscan/schema"
)

// fig is a quantity claim as a test expects it: predicate and values ("-"
// for a value that is not set).
type fig struct {
	pred          string
	lo, best, hi  string
	quoteContains string
}

func figOf(c schema.Claim) string {
	v := func(f schema.Float) string {
		if !f.Valid {
			return "-"
		}
		return fmt.Sprintf("%g", f.V)
	}
	return fmt.Sprintf("%s %s/%s/%s", c.Predicate, v(c.ValueLow), v(c.ValueBest), v(c.ValueHigh))
}

// TestNumberForms holds the number forms of the news that a count is
// written in (#13): each gives the claims listed, and no other.
func TestNumberForms(t *testing.T) {
	for _, r := range []struct {
		in   string
		want []fig
	}{
		// Two figures of one revision.
		{"The number of injured was revised Saturday from eight to six.", []fig{{"injured", "8", "8", "8", "eight"}, {"injured", "6", "6", "6", "six"}}},
		// Two figures that make a range.
		{"It was like 15 gunshots, 20 gunshots, a witness said.", []fig{{"other", "15", "-", "20", "15 gunshots, 20 gunshots"}}},
		{"There were like 50, 60 gun shots that went off.", []fig{{"other", "50", "-", "60", "50, 60 gun shots"}}},
		// A bare total: what the previous sentence counts.
		{"Official victim count: 49 shooting victims plus suspect. Total 50.", []fig{{"other", "49", "49", "49", ""}, {"other", "50", "50", "50", "50"}}},
		// A number restated in digits is one number.
		{"Forty-eight (48) notifications to next of kin have been made, and forty-eight (48) people were killed.", []fig{{"other", "48", "48", "48", "Forty-eight (48) notifications"}, {"killed", "48", "48", "48", "(48) people were killed"}}},
		{"At least a half-dozen of the murdered patrons were black.", []fig{{"killed", "6", "-", "-", "a half-dozen"}}},
		{"A half dozen people were wounded.", []fig{{"injured", "6", "6", "6", ""}}},
		// Zero claims, one for each predicate; the first predicate's claim
		// has the wider words.
		{"The group said no one was killed or injured in the attack.", []fig{{"injured", "0", "0", "0", "no one was killed or injured"}, {"killed", "0", "0", "0", "in the attack"}}},
		{"Witnesses said there were no dead or wounded.", []fig{{"killed", "0", "0", "0", "there were no dead or wounded"}, {"injured", "0", "0", "0", "no dead or wounded"}}},
		{"There were no casualties in the camp.", []fig{{"injured", "0", "0", "0", "no casualties"}, {"killed", "0", "0", "0", "in the camp"}}},
		// A lower bound and a higher estimate.
		{"At least 12, and possibly as many as 20, people were killed.", []fig{{"killed", "12", "-", "20", "as many as 20"}}},
		{"Hundreds, perhaps thousands, of people fled the city.", []fig{{"displaced", "200", "-", "9999", "perhaps thousands"}}},
		{"A couple of dozen people were injured.", []fig{{"injured", "-", "24", "-", "couple of dozen"}}},
		// A fraction of a place's people: the population, not a count of two.
		{"Two-thirds of the town's 1,200 residents fled.", []fig{{"population", "1200", "1200", "1200", "1,200 residents"}}},
		// A count that grew.
		{"The death toll doubled to 86.", []fig{{"killed", "86", "86", "86", "86"}}},
		{"The number of arrests doubled to 86 on Friday.", []fig{{"arrested", "86", "86", "86", "86"}}},
		// Conventions of the vague amounts, as the development set writes them.
		{"Several hundred people were gathered at the playground.", []fig{{"other", "200", "-", "999", ""}}},
		{"A few thousand people attended the vigil.", []fig{{"other", "2000", "-", "9999", ""}}},
	} {
		t.Run(r.in, func(t *testing.T) {
			got := quantities(run(t, r.in, time.Time{}))
			var gs []string
			for _, c := range got {
				gs = append(gs, figOf(c)+" "+fmt.Sprintf("%q", c.Quote))
			}
			if len(got) != len(r.want) {
				t.Fatalf("%d claims, want %d:\n%s", len(got), len(r.want), strings.Join(gs, "\n"))
			}
			for i, w := range r.want {
				c := got[i]
				if f := figOf(c); f != fmt.Sprintf("%s %s/%s/%s", w.pred, w.lo, w.best, w.hi) {
					t.Errorf("claim %d: %s, want %s %s/%s/%s (%q)", i, f, w.pred, w.lo, w.best, w.hi, c.Quote)
				}
				if !strings.Contains(c.Quote, w.quoteContains) {
					t.Errorf("claim %d: quote %q does not hold %q", i, c.Quote, w.quoteContains)
				}
			}
		})
	}
}

// TestWhatIsAClaim holds the line between the counts of the news (kept)
// and the people and things of an anecdote (#13).
func TestWhatIsAClaim(t *testing.T) {
	notClaims := []string{
		"The intern ran with her two friends into a bathroom stall.",
		"Her two friends had also been hit.",
		"On this Thanksgiving, she has three of her four sons at home.",
		"He was a Navy veteran who served three tours in Iraq.",
		"From what he remembers, he heard three loud bangs and saw people dropping to the ground.",
		"Dallas Area Rapid Transit officials identified one of the slain officers as Brent Thompson.",
		"Indonesia is located on one of the most seismically active regions on earth.",
		"Harrison said the shooting included two groups of people firing at each other.",
		"The victims were transported to four different hospitals.",
		"She doesn't believe the actions of a few bad apples should tarnish the profession.",
		"Several local leaders have also responded to the news.",
		"Umm Ibrahim said she had lost an eight-year-old daughter and two sons.",
		"Gunness said he was 99.9 per cent sure there were no militants at the school.",
		"The bomb hit a 200-student schoolhouse but did not explode.",
		"The earthquake set off several landslides and badly damaged roads.",
		"Injured people had been transported from affected villages in two trucks.",
		"One man was in the club parking lot right before the shooting.",
		"The two countries have yet to agree on oil fees.",
		"A fund where 100 percent of donations go to the victims was created.",
	}
	for _, in := range notClaims {
		t.Run(in, func(t *testing.T) {
			for _, c := range quantities(run(t, in, time.Time{})) {
				t.Errorf("unexpected claim %s %q (%s)", figOf(c), c.Quote, c.Subject)
			}
		})
	}
	claims := []struct {
		in   string
		want string // figOf of one claim
	}{
		{"Officers were able to rescue 30 hostages.", "affected 30/30/30"},
		{"Approximately 15 people were held hostage in a bathroom.", "affected -/15/-"},
		{"More than 300 people packed the club.", "other 300/-/-"},
		{"Hundreds of people were gathered at the playground.", "other 200/-/999"},
		{"Roughly 800 protesters were ending a march.", "other -/800/-"},
		{"Dozens of shots were fired.", "other 24/-/99"},
		{"Thomas fired 18 shots from a pistol.", "other 18/18/18"},
		{"Five bombs were dropped on the camp.", "other 5/5/5"},
		{"Around 40 houses were damaged by the quake.", "other -/40/-"},
		{"Sudan Armed Forces planes dropped four bombs.", "other 4/4/4"},
		{"Two other suspects were questioned and then released.", "other 2/2/2"},
		{"Authorities have interviewed 175 witnesses.", "other 175/175/175"},
		{"The reward has been increased to $5,000.", "money 5000/5000/5000"},
		{"One person died at the scene.", "killed 1/1/1"},
		{"There was one minor injury.", "injured 1/1/1"},
		{"Three people were arrested on Friday.", "arrested 3/3/3"},
		{"About 300 people slept outdoors after the quake.", "displaced -/300/-"},
		{"Three of the victims are in good condition.", "injured 3/3/3"},
		{"We have received around 50 people with injuries.", "injured -/50/-"},
		{"Another two people are also reported to have been killed.", "killed 2/2/2"},
		{"Three Palestinians, who had sought refuge in a UN school, died.", "killed 3/3/3"},
		{"The attack wounded four other officers and two civilians.", "injured 2/2/2"},
		{"Nine others were believed trapped under the rubble.", "missing 9/9/9"},
	}
	for _, r := range claims {
		t.Run(r.in, func(t *testing.T) {
			var gs []string
			for _, c := range quantities(run(t, r.in, time.Time{})) {
				if figOf(c) == r.want {
					return
				}
				gs = append(gs, figOf(c)+" "+c.Quote)
			}
			t.Errorf("no claim %s; got %v", r.want, gs)
		})
	}
}

// TestRepeatedFigures: a figure the article gives again in the same words
// (a headline repeated in the lead) or in a heading in capitals is one
// claim; in other words, or from another voice, it is another.
func TestRepeatedFigures(t *testing.T) {
	text := "Quake: 24 dead and over 200 injured\nA quake hit Aceh, leaving 24 dead and over 200 injured. " +
		"The gunman killed five officers.\nFIVE OFFICERS KILLED\nPolice said 24 people were dead."
	var got []string
	for _, c := range quantities(run(t, text, time.Time{})) {
		got = append(got, figOf(c)+" "+c.Quote)
	}
	want := []string{"killed 24/24/24 24 dead", "injured 200/-/- over 200 injured", "killed 5/5/5 killed five officers",
		"killed 24/24/24 24 people were dead"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("claims\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

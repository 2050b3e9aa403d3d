package extract

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/claimscan/claimscan/jobs/entity"
)

// TestLookupTokens checks the table of one-word entity look-ups against
// entity.Lookup for every lexicon word, as written in lower case, with a
// capital and in capitals.
func TestLookupTokens(t *testing.T) {
	found := 0
	for _, k := range lexKeys {
		for _, w := range []string{k, strings.ToUpper(k[:1]) + k[1:], strings.ToUpper(k), "the " + k, k + " office"} {
			var x analyzer
			x.p.text, x.p.low = w, lowerASCII(w)
			x.p.toks = tokenize(w, x.p.low, 0, len(w), nil)
			if len(x.p.toks) == 0 {
				continue
			}
			n := len(x.p.toks)
			got, gotOK := x.lookupTokens(w, 0, n)
			want, wantOK := entity.Lookup(w)
			if gotOK != wantOK || !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: lookupTokens = %v %v, entity.Lookup = %v %v", w, got, gotOK, want, wantOK)
			}
			if n == 1 && wantOK {
				found++
			}
			if n == 1 && x.pureWord(0, 1) >= 0 && !strings.Contains(w, "’") {
				if lw := strings.ToLower(w); lexKeys[x.pureWord(0, 1)] != lw {
					t.Fatalf("%q: pure word key %q", w, lexKeys[x.pureWord(0, 1)])
				}
			}
		}
	}
	if found == 0 {
		t.Error("no lexicon word names an entity")
	}
}

// TestWhoSaysIt holds the attribution forms of #13: each article gives
// its quantity claims these sources, in text order ("" is the article's
// own voice).
func TestWhoSaysIt(t *testing.T) {
	for _, r := range []struct {
		name, text string
		want       []string
	}{
		{"spokesperson for an organisation",
			"Two of the shells landed inside the camp, said UNHCR spokeswoman Maria Olsen. The UN Relief and Works Agency spokesman Tom Reid said 40 people died.",
			[]string{"UN High Commissioner for Refugees (UNHCR)", "UN Relief and Works Agency for Palestine Refugees (UNRWA)"}},
		{"a descriptor before the title, and the person later by surname",
			"The storm, which reached the coast before dawn on Monday after days at sea, destroyed more than 400 houses in Tarak, said national rescue agency spokesman Budi Hartono Wijaya. Nine people were missing, Wijaya said. He added that 30 boats were lost.",
			[]string{"national rescue agency", "national rescue agency", "national rescue agency"}},
		{"a person of an organisation, then by surname",
			"Twelve people were killed, said Dewi Sartika Rahman of the National Disaster Mitigation Agency. In the next district, 10 people were injured, Rahman said.",
			[]string{"National Disaster Mitigation Agency (BNPB)", "National Disaster Mitigation Agency (BNPB)"}},
		{"a chief speaks for the police",
			"Lakeview Police Chief Ann Moss said a decision was made to enter the building. About 15 people were held hostage in a storeroom, Moss said.",
			[]string{"Lakeview Police"}},
		{"an official in an apposition, and told the agency",
			"Seven people had been confirmed dead, Hasan, an official from the provincial health office, told AFP late Tuesday. Two others died in hospital, he said.",
			[]string{"provincial health office", "provincial health office"}},
		{"a quotation over two sentences",
			"\"We have treated around 60 people with injuries,\" added the doctor. \"There are around 20 people seriously hurt, some with burns. The rest have small cuts.\"",
			[]string{"doctor", "doctor"}},
		{"we in a quotation is its speaker",
			"\"We have counted 31 people dead and 120 people injured,\" relief agency spokesman Arif Nur told reporters.",
			[]string{"relief agency", "relief agency"}},
		{"the tag after a closing quotation and more words",
			"\"Luckily there were no casualties in the school,\" the mayor told journalists in Lyon.",
			[]string{"mayor", "mayor"}},
		{"two sources in one sentence",
			"The government says 20 soldiers died, but the insurgents claim they killed 150.",
			[]string{"government", "insurgents"}},
		{"the passive: reported by",
			"The four rifles were first reported by CNN.",
			[]string{"CNN"}},
		{"the group stands for the organisation",
			"A spokesman for the Hope Project, an aid group that runs clinics, said the group confirmed there were no dead.",
			[]string{"Hope Project"}},
		{"who offers a reward",
			"Crime Stoppers is offering a cash reward of up to $1,000.",
			[]string{"Crime Stoppers"}},
		{"a relative clause about the event is the writer's",
			"The mayor has said the gunman wore a vest during the attack that wounded three officers.",
			[]string{""}},
		{"a dateline is not part of the source",
			"SPRINGFIELD, Ill. Illinois police said on Monday they had taken three people into custody.",
			[]string{"Illinois police"}},
		{"a noun of people is no adjective of the source",
			"A man authorities say was targeted in the ambush that killed four people was arrested.",
			[]string{""}},
	} {
		t.Run(r.name, func(t *testing.T) {
			var got []string
			for _, c := range quantities(run(t, r.text, time.Time{})) {
				got = append(got, c.Source)
			}
			if strings.Join(got, "|") != strings.Join(r.want, "|") {
				t.Errorf("sources %q, want %q", got, r.want)
			}
		})
	}
}

// TestCleanName: what a sentence glues onto a source's name is not the
// name's (#13).
func TestCleanName(t *testing.T) {
	for _, r := range []struct{ in, want string }{
		{"police", "police"},
		{"But he", ""},
		{"One DART", "DART"},
		{"AFP late", "AFP"},
		{"man authorities", "authorities"},
		{"Fla. Florida police", "Florida police"},
		{"family", "relatives"},
		{"Melody Cuerros' family", "relatives"},
		{"his mother", "relatives"},
		{"Thursday and", ""},
		{"Hunter to", "Hunter"},
		{"FBI they", "FBI"},
		{"Charles Jackson.His family", "relatives"},
		{"Country Creek Drive.Houston police", "Houston police"},
		{"More News Videos A father", "relatives"},
		{"Road.Police", "police"},
		{"a Masury man", ""},
		{"New York City Office of the", "New York City Office"},
		{"World Health Organization (WHO)", "World Health Organization (WHO)"},
		{"Roman Catholic priest-", "Roman Catholic"},
		{"According to a Pembroke Pines police", "Pembroke Pines police"},
	} {
		if got := cleanName(r.in); got != r.want {
			t.Errorf("cleanName(%q) = %q, want %q", r.in, got, r.want)
		}
	}
}

package conflict

import (
	"testing"
	"time"

	"github.com/claimscan/claimscan/schema"
)

func TestSubjectClass(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"civilians", SubjectCivilians},
		{"Civilian", SubjectCivilians},
		{"non-combatants", SubjectCivilians},
		{"residents", SubjectCivilians},
		{"Syrian civilians", SubjectCivilians},
		{"people", SubjectPeople},
		{"persons", SubjectPeople},
		{"people in Idlib", SubjectPeople},
		{"victims", SubjectPeople},
		{"children", SubjectChildren},
		{"kids", SubjectChildren},
		{"minors", SubjectChildren},
		{"schoolchildren", SubjectChildren},
		{"women", SubjectWomen},
		{"troops", SubjectSoldiers},
		{"government soldiers", SubjectSoldiers},
		{"rebels", SubjectFighters},
		{"gunmen", SubjectFighters},
		{"police officers", SubjectPolice},
		{"policemen", SubjectPolice},
		{"health workers", SubjectMedics},
		{"aid workers", SubjectAidWorkers},
		{"workers", SubjectWorkers},
		{"refugees", SubjectMigrants},
		{"families", SubjectHouseholds},
		{"homes", SubjectBuildings},
		{"tanks", "tank"}, // unknown: singular head noun
		{"armoured vehicles", "vehicle"},
		{"witnesses", "witness"},
		{"churches", "church"},
		{"houses", SubjectBuildings},
	} {
		if got := SubjectClass(tc.in); got != tc.want {
			t.Errorf("SubjectClass(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSubjectParent(t *testing.T) {
	chain := func(c string) []string {
		var out []string
		for ; c != ""; c = SubjectParent(c) {
			out = append(out, c)
		}
		return out
	}
	for _, tc := range []struct {
		class string
		want  []string
	}{
		{SubjectChildren, []string{"children", "civilians", "people"}},
		{SubjectSoldiers, []string{"soldiers", "combatants", "people"}},
		{SubjectPeople, []string{"people"}},
		{"tank", []string{"tank"}},
	} {
		got := chain(tc.class)
		if len(got) != len(tc.want) {
			t.Errorf("chain(%q) = %v, want %v", tc.class, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("chain(%q) = %v, want %v", tc.class, got, tc.want)
				break
			}
		}
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestScopeBucket(t *testing.T) {
	for _, tc := range []struct {
		start, end, pub string
		want            string
	}{
		{"", "", "", ScopeOpen},
		{"", "", "2019-08-23", "2019"},
		{"2019-04-26", "", "2019-08-23", "2019"},           // since late April
		{"2019-04-01", "2019-08-23", "2019-08-23", "2019"}, // since April, to date
		{"2011-01-01", "", "2019-08-23", "s2011"},          // since 2011
		{"2011-03-15", "2019-08-23", "2019-08-23", "s2011"},
		{"2018-01-01", "2018-12-31", "2019-08-23", "201801-201812"}, // in 2018
		{"2019-08-19", "2019-08-19", "2019-08-23", "2019"},          // on Monday
		{"2019-08-12", "2019-08-18", "2019-08-23", "2019"},          // last week
		{"2011-01-01", "", "", "2011"},
	} {
		var s, e, p time.Time
		if tc.start != "" {
			s = day(tc.start)
		}
		if tc.end != "" {
			e = day(tc.end)
		}
		if tc.pub != "" {
			p = day(tc.pub)
		}
		if got := ScopeBucket(s, e, p); got != tc.want {
			t.Errorf("ScopeBucket(%s, %s, %s) = %q, want %q", tc.start, tc.end, tc.pub, got, tc.want)
		}
	}
}

func quantity(pred, subj, loc string, bound string, v float64) schema.Claim {
	return schema.Claim{
		ClaimID: "c", ArticleID: "art", Kind: schema.KindQuantity, Predicate: pred,
		Subject: subj, Location: loc, Bound: bound, ValueBest: schema.F(v),
		Published: day("2019-08-23"),
	}
}

func TestKey(t *testing.T) {
	base := quantity("killed", "civilians", "Idlib", schema.BoundApprox, 890)
	if got, want := Key(&base), "killed|civilians|=SY|2019|20190823"; got != want {
		t.Fatalf("Key = %q, want %q", got, want)
	}
	for _, tc := range []struct {
		name string
		edit func(c *schema.Claim)
		want string
	}{
		{"spelling variant, same key", func(c *schema.Claim) { c.Location = "Idleb province" }, "killed|civilians|=SY|2019|20190823"},
		{"subject synonym", func(c *schema.Claim) { c.Subject = "non-combatants" }, "killed|civilians|=SY|2019|20190823"},
		{"location from the mention", func(c *schema.Claim) { c.Location, c.LocationMention = "", "Idlib" }, "killed|civilians|=SY|2019|20190823"},
		{"no place: the article", func(c *schema.Claim) { c.Location = "" }, "killed|civilians|@art|2019|20190823"},
		{"no subject: people", func(c *schema.Claim) { c.Subject = "" }, "killed|people|=SY|2019|20190823"},
		{"since 2011", func(c *schema.Claim) { c.ScopeStart = day("2011-01-01") }, "killed|civilians|=SY|s2011"},
		{"since April", func(c *schema.Claim) { c.ScopeStart = day("2019-04-26") }, "killed|civilians|=SY|2019|20190823"},
		{"money keeps its unit", func(c *schema.Claim) { c.Predicate, c.Subject, c.Unit = "money", "aid", "USD" }, "money:usd|aid|=SY|2019|20190823"},
		{"money of nothing", func(c *schema.Claim) { c.Predicate, c.Subject, c.Unit = "money", "", "USD" }, ""},
		{"count unit dropped", func(c *schema.Claim) { c.Unit = "people" }, "killed|civilians|=SY|2019|20190823"},
		{"statement", func(c *schema.Claim) { c.Kind = schema.KindStatement }, ""},
		{"no value", func(c *schema.Claim) { c.ValueBest = schema.Float{} }, ""},
		{"other predicate", func(c *schema.Claim) { c.Predicate = "other" }, ""},
		{"no predicate", func(c *schema.Claim) { c.Predicate = "" }, ""},
		{"no date", func(c *schema.Claim) { c.Published = time.Time{} }, "killed|civilians|=SY|open"},
	} {
		c := base
		tc.edit(&c)
		if got := Key(&c); got != tc.want {
			t.Errorf("%s: Key = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestKeyIn(t *testing.T) {
	a := quantity("killed", "civilians", "Idlib", schema.BoundApprox, 890)
	b := quantity("killed", "civilians", "Hama", schema.BoundMoreThan, 730)
	b.ArticleID = "other"
	c := quantity("killed", "civilians", "", schema.BoundMoreThan, 500)
	if KeyIn(&a, "idlib-offensive") != KeyIn(&b, "idlib-offensive") || KeyIn(&a, "idlib-offensive") != KeyIn(&c, "idlib-offensive") {
		t.Errorf("one cluster, three keys: %q %q %q", KeyIn(&a, "idlib-offensive"), KeyIn(&b, "idlib-offensive"), KeyIn(&c, "idlib-offensive"))
	}
	if got, want := KeyIn(&a, "idlib-offensive"), "killed|civilians|#idlib-offensive|event"; got != want {
		t.Errorf("KeyIn = %q, want %q", got, want)
	}
	if KeyIn(&a, "e1") == KeyIn(&a, "e2") {
		t.Error("two clusters, one key")
	}
	if KeyIn(&a, "") != Key(&a) {
		t.Error("KeyIn without a cluster is not Key")
	}
	st := a
	st.Kind = schema.KindStatement
	if KeyIn(&st, "e1") != "" {
		t.Error("a statement got a key")
	}
}

func TestWindowed(t *testing.T) {
	for key, want := range map[string]bool{
		"killed|civilians|=SY|2019":          true,
		"killed|civilians|=SY|s2011":         false,
		"killed|civilians|=SY|201801-201812": false,
		"killed|civilians|=SY|open":          false,
		"nobucket":                           false,
	} {
		if got := windowed(key); got != want {
			t.Errorf("windowed(%q) = %v, want %v", key, got, want)
		}
	}
}

func BenchmarkKey(b *testing.B) {
	c := quantity("killed", "Syrian civilians", "the Idlib province town of Khan Sheikhun", schema.BoundApprox, 890)
	c.ScopeStart = day("2019-04-26")
	Key(&c) // the world gazetteer loads on first use: not part of a key's cost
	for b.Loop() {
		Key(&c)
	}
}

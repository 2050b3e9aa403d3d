package source

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/claimscan/claimscan/jobs/entity"
	"github.com/claimscan/claimscan/schema"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestCueVotes(t *testing.T) {
	for _, tc := range []struct {
		sentence, mention, name string
		want                    string
	}{
		{"The Levant Monitoring Trust, a British-based group, said 12 died.", "The Levant Monitoring Trust", "Levant Monitoring Trust", entity.KindNGO},
		{"The Levant Watch, a rebel group, said 12 died.", "The Levant Watch", "Levant Watch", entity.KindGroup},
		{"Twelve died, the ministry said.", "the ministry", "Ministry of Health of Ruritania", entity.KindGovernment},
		{"Police said three people were wounded.", "Police", "Ardmore Police Department", entity.KindGovernment},
		{"Army spokesman Jan Kowal said 40 fighters were killed.", "Jan Kowal", "Jan Kowal", entity.KindPerson},
		{"Jan Kowal, a spokesman for the coalition, said 40 fighters were killed.", "Jan Kowal", "Jan Kowal", entity.KindPerson},
		{"The Ruritanian army said 40 fighters were killed.", "The Ruritanian army", "Ruritanian Army", entity.KindMilitary},
		{"The state news agency Rurpress said 5 died.", "Rurpress", "Rurpress", entity.KindMedia},
		{"Marta Nowak said 5 died.", "Marta Nowak", "Marta Nowak", entity.KindPerson},
		{"Bashar al-Assad said 5 died.", "Bashar al-Assad", "Bashar al-Assad", entity.KindPerson},
		{"The Blue Lantern Initiative said 5 died.", "The Blue Lantern Initiative", "Blue Lantern Initiative", ""},
		{"ZXQ said 5 died.", "ZXQ", "ZXQ", ""},
	} {
		votes := cueVotes(tc.sentence, tc.mention, tc.name)
		r := &acc{}
		for _, v := range votes {
			r.votes[v.kind] += v.weight
		}
		got := r.kind()
		want := tc.want
		if want == "" {
			want = entity.KindUnknown
		}
		if got != want {
			t.Errorf("%q / %q: kind %s, want %s (votes %v)", tc.sentence, tc.mention, got, want, votes)
		}
	}
}

func claim(article, source, mention, sentence, outlet string, pub time.Time) schema.Claim {
	return schema.Claim{ArticleID: article, Source: source, SourceMention: mention, Sentence: sentence, Outlet: outlet, Published: pub}
}

func TestAggregator(t *testing.T) {
	g := New()
	arts := []schema.Article{
		{ArticleID: "1", Outlet: "The Daily Ruritanian", Published: day("2019-08-20")},
		{ArticleID: "2", URL: "https://www.gazette.example.org/news/1?x=y", Published: day("2019-08-22")},
		{ArticleID: "3", Outlet: "The Daily Ruritanian", Published: day("2019-08-25")},
		{ArticleID: "4"}, // no outlet, no URL
	}
	claims := [][]schema.Claim{
		{
			claim("1", "Levant Monitoring Trust", "The Levant Monitoring Trust", "The Levant Monitoring Trust, a British-based group, said 12 died.", "The Daily Ruritanian", day("2019-08-20")),
			claim("1", "Levant Monitoring Trust", "the Trust", "The Trust said 3 more were hurt.", "The Daily Ruritanian", day("2019-08-20")),
			claim("1", "", "", "Hundreds fled.", "The Daily Ruritanian", day("2019-08-20")),
		},
		{
			claim("2", "Levant Monitoring Trust", "LMT", "LMT said 14 died.", "", day("2019-08-22")),
			claim("2", "", "", "Ten were hurt.", "", day("2019-08-22")), // outlet from the article
		},
		{
			claim("3", "Ministry of Health of Ruritania", "the ministry", "Twelve died, the ministry said.", "The Daily Ruritanian", day("2019-08-25")),
		},
		{
			claim("4", "", "", "Five died.", "", time.Time{}), // no voice to count
		},
	}
	for i := range arts {
		g.AddArticle(&arts[i])
		for j := range claims[i] {
			g.AddClaim(&claims[i][j])
		}
	}
	rows := g.Rows()
	byName := map[string]schema.Source{}
	var names []string
	for _, r := range rows {
		byName[r.Name] = r
		names = append(names, r.Name)
		if r.SourceID != schema.SourceID(r.Name) {
			t.Errorf("%s: source_id %s", r.Name, r.SourceID)
		}
	}
	wantNames := []string{"Levant Monitoring Trust", "Ministry of Health of Ruritania", "The Daily Ruritanian", "gazette.example.org"}
	if !reflect.DeepEqual(names, wantNames) {
		t.Fatalf("names %q, want %q", names, wantNames)
	}
	lmt := byName["Levant Monitoring Trust"]
	if lmt.Kind != entity.KindNGO || lmt.NClaims != 3 || lmt.NArticles != 2 ||
		!lmt.FirstSeen.Equal(day("2019-08-20")) || !lmt.LastSeen.Equal(day("2019-08-22")) {
		t.Errorf("Levant Monitoring Trust row: %+v", lmt)
	}
	if want := []string{"LMT", "The Levant Monitoring Trust", "the Trust"}; !reflect.DeepEqual(lmt.Aliases, want) {
		t.Errorf("aliases %q, want %q", lmt.Aliases, want)
	}
	if m := byName["Ministry of Health of Ruritania"]; m.Kind != entity.KindGovernment || m.NClaims != 1 || m.NArticles != 1 {
		t.Errorf("ministry row: %+v", m)
	}
	daily := byName["The Daily Ruritanian"]
	if daily.Kind != entity.KindOutlet || daily.NArticles != 2 || daily.NClaims != 1 ||
		!daily.FirstSeen.Equal(day("2019-08-20")) || !daily.LastSeen.Equal(day("2019-08-25")) {
		t.Errorf("outlet row: %+v", daily)
	}
	if gz := byName["gazette.example.org"]; gz.Kind != entity.KindOutlet || gz.NArticles != 1 || gz.NClaims != 1 {
		t.Errorf("host outlet row: %+v", gz)
	}
}

// TestAggregatorCurated runs only when the curated table knows the seed
// sources.
func TestAggregatorCurated(t *testing.T) {
	sohr, ok := entity.Lookup("SOHR")
	if !ok {
		t.Skip("curated entity table not filled in")
	}
	g := New()
	a := schema.Article{ArticleID: "x", URL: "https://www.reuters.com/article/1", Published: day("2019-08-23")}
	g.AddArticle(&a)
	for _, m := range []string{"Syrian Observatory for Human Rights", "SOHR", "the Observatory"} {
		c := claim("x", m, m, m+" said 890 died.", "", a.Published)
		g.AddClaim(&c)
	}
	rows := g.Rows()
	var got *schema.Source
	for i := range rows {
		if rows[i].Name == sohr.Name {
			got = &rows[i]
		}
	}
	if got == nil {
		t.Fatalf("no row for %s among %+v", sohr.Name, rows)
	}
	if got.Kind != sohr.Kind || got.NClaims < 2 || got.NArticles != 1 {
		t.Errorf("curated row %+v", got)
	}
	if reuters, ok := entity.Lookup("Reuters"); ok {
		found := false
		for _, r := range rows {
			if r.Name == reuters.Name && r.Kind == entity.KindOutlet && strings.Contains(strings.Join(r.Aliases, "|"), "reuters.com") {
				found = true
			}
		}
		if !found {
			t.Errorf("reuters.com not folded into %s: %+v", reuters.Name, rows)
		}
	}
}

func TestCaseVariantsAndPronouns(t *testing.T) {
	g := New()
	for i, src := range []string{"police", "Police", "police"} {
		c := claim(fmt.Sprint(i), src, "He", "He said two were hurt.", "o", time.Time{})
		g.AddClaim(&c)
	}
	rows := g.Rows()
	if len(rows) != 1 {
		t.Fatalf("%d rows, want one for all spellings: %+v", len(rows), rows)
	}
	r := rows[0]
	if r.Name != "police" || r.NClaims != 3 || r.NArticles != 3 || !reflect.DeepEqual(r.Aliases, []string{"Police"}) {
		t.Errorf("row %+v, want police with alias Police and 3 claims", r)
	}
}

func TestAliasesBoundedAndOrderFree(t *testing.T) {
	var mentions []string
	for i := range 3 * MaxAliases {
		mentions = append(mentions, fmt.Sprintf("the Trust %03d", i))
	}
	rows := func(order []string) []schema.Source {
		g := New()
		for i, m := range order {
			c := claim(fmt.Sprint(i), "Levant Monitoring Trust", m, m+" said so.", "o", time.Time{})
			g.AddClaim(&c)
		}
		return g.Rows()
	}
	a := rows(mentions)
	shuffled := append([]string(nil), mentions...)
	rand.New(rand.NewPCG(1, 1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	b := rows(shuffled)
	if len(a) != 1 || len(a[0].Aliases) != MaxAliases {
		t.Fatalf("rows %d, aliases %d, want 1 and %d", len(a), len(a[0].Aliases), MaxAliases)
	}
	if !reflect.DeepEqual(a[0].Aliases, b[0].Aliases) {
		t.Errorf("aliases depend on order:\n%q\n%q", a[0].Aliases, b[0].Aliases)
	}
	if a[0].Aliases[0] != "the Trust 000" || a[0].Aliases[MaxAliases-1] != fmt.Sprintf("the Trust %03d", MaxAliases-1) {
		t.Errorf("not the smallest aliases: %q", a[0].Aliases)
	}
}

func TestHostOf(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.kxii.com/news/x.html": "kxii.com",
		"http://EXAMPLE.org:8080/a":        "example.org",
		"news.bbc.co.uk/x":                 "news.bbc.co.uk",
		"":                                 "",
	} {
		if got := HostOf(in); got != want {
			t.Errorf("HostOf(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"news.bbc.co.uk":  "bbc",
		"www.reuters.com": "reuters",
		"kxii.com":        "kxii",
		"Reuters":         "",
		"a b.com":         "",
	} {
		if got := hostLabel(in); got != want {
			t.Errorf("hostLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkAddClaim(b *testing.B) {
	g := New()
	cs := []schema.Claim{
		claim("1", "Levant Monitoring Trust", "The Levant Monitoring Trust", "The Levant Monitoring Trust, a British-based group, said 12 died.", "o", day("2019-08-20")),
		claim("2", "", "", "Ten were hurt.", "o", day("2019-08-22")),
	}
	for i := 0; b.Loop(); i++ {
		g.AddClaim(&cs[i%2])
	}
}

package schema

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

func sampleClaims() []Claim {
	pub := time.Date(2019, 8, 24, 10, 30, 0, 0, time.UTC)
	return []Claim{
		{
			ClaimID: ClaimID("a", 0, 10, KindQuantity), ArticleID: "a", SentenceIndex: 3, CharStart: 0, CharEnd: 10,
			Sentence: "Around 890 civilians have been killed.", Quote: "Around 890", Kind: KindQuantity,
			Predicate: "killed", Subject: "civilians", ValueBest: F(890), Bound: BoundApprox,
			Source: "Syrian Observatory for Human Rights", SourceMention: "the Syrian Observatory for Human Rights",
			Cue: "according to", ScopeText: "since April", ScopeStart: time.Date(2019, 4, 1, 0, 0, 0, 0, time.UTC),
			ScopeEnd: time.Date(2019, 8, 24, 0, 0, 0, 0, time.UTC), Location: "Idlib", LocationMention: "Idlib",
			Published: pub, Outlet: "afp.com", ClaimKey: "killed|civilians|idlib|2019-04",
		},
		{ClaimID: "x", ArticleID: "b", Kind: KindStatement, Hedged: true, Negated: true},
	}
}

func TestClaimsRoundTrip(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)

	b := Claims.NewBuilder(mem)
	defer b.Release()
	want := sampleClaims()
	b.Append(want...)
	if b.Len() != 2 {
		t.Fatalf("Len = %d, want 2", b.Len())
	}
	rec := b.NewRecordBatch()
	defer rec.Release()
	if b.Len() != 0 {
		t.Fatalf("Len after NewRecordBatch = %d, want 0", b.Len())
	}
	if rec.NumRows() != 2 || int(rec.NumCols()) != len(Claims.Columns()) {
		t.Fatalf("batch shape %dx%d", rec.NumRows(), rec.NumCols())
	}
	// Nulls: value_low of the first claim and every value of the second.
	low := rec.Column(Claims.Schema().FieldIndices("value_low")[0])
	if !low.IsNull(0) || !low.IsNull(1) {
		t.Errorf("value_low nulls = %v %v, want both null", low.IsNull(0), low.IsNull(1))
	}
	pubCol := rec.Column(Claims.Schema().FieldIndices("published")[0])
	if pubCol.IsNull(0) || !pubCol.IsNull(1) {
		t.Errorf("published nulls wrong")
	}
	got, err := Claims.Rows(rec)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
}

func TestSchemasMatchDesign(t *testing.T) {
	// Column names and order are the dataset's contract (DESIGN.md).
	want := map[string]string{
		ArticlesTable:  "article_id path line title outlet url published n_chars n_sentences n_claims text_sha256 status error",
		ClaimsTable:    "claim_id article_id sentence_index char_start char_end sentence quote kind predicate subject value_low value_best value_high bound unit source source_mention cue scope_text scope_start scope_end location location_mention negated hedged published outlet claim_key",
		SourcesTable:   "source_id name kind aliases n_claims n_articles first_seen last_seen",
		ConflictsTable: "conflict_id claim_key predicate subject location claim_id_a claim_id_b article_id_a article_id_b source_a source_b outlet_a outlet_b published_a published_b quote_a quote_b value_low_a value_best_a value_high_a value_low_b value_best_b value_high_b kind compared_low_a compared_high_a compared_low_b compared_high_b gap rel_gap severity same_source",
	}
	got := map[string][]string{
		ArticlesTable: Articles.Columns(), ClaimsTable: Claims.Columns(),
		SourcesTable: Sources.Columns(), ConflictsTable: Conflicts.Columns(),
	}
	for table, cols := range got {
		if s := join(cols); s != want[table] {
			t.Errorf("%s columns:\n got %s\nwant %s", table, s, want[table])
		}
	}
	ts := Articles.Schema().Field(6).Type.(*arrow.TimestampType)
	if ts.TimeZone != "UTC" || ts.Unit != arrow.Microsecond {
		t.Errorf("published type %v, want timestamp[us, UTC]", ts)
	}
	if _, ok := Sources.Schema().Field(3).Type.(*arrow.ListType); !ok {
		t.Errorf("aliases type %v, want list<string>", Sources.Schema().Field(3).Type)
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

func TestSourcesAndArticlesRoundTrip(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	srcs := []Source{
		{SourceID: SourceID("UOSSM"), Name: "UOSSM", Kind: "ngo", Aliases: []string{"UOSSM", "Union of Medical Care and Relief Organizations"}, NClaims: 2, NArticles: 1,
			FirstSeen: time.Date(2019, 8, 23, 0, 0, 0, 0, time.UTC), LastSeen: time.Date(2019, 8, 24, 0, 0, 0, 0, time.UTC)},
		{SourceID: SourceID(""), Name: "", Kind: "unknown", Aliases: []string{}},
	}
	sb := Sources.NewBuilder(mem)
	defer sb.Release()
	sb.Append(srcs...)
	rec := sb.NewRecordBatch()
	defer rec.Release()
	got, err := Sources.Rows(rec)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, srcs) {
		t.Errorf("sources round trip:\n got %+v\nwant %+v", got, srcs)
	}

	arts := []Article{{ArticleID: "a.txt", Path: "corpus/a.txt", Status: StatusOK, NChars: 12}, {ArticleID: "b", Path: "x.jsonl", Line: 7, Status: StatusParseError, Error: "bad"}}
	ab := Articles.NewBuilder(mem)
	defer ab.Release()
	ab.Append(arts...)
	arec := ab.NewRecordBatch()
	defer arec.Release()
	line := arec.Column(2)
	if !line.IsNull(0) || line.IsNull(1) {
		t.Errorf("line 0 must be null and 7 not")
	}
	gotA, err := Articles.Rows(arec)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotA, arts) {
		t.Errorf("articles round trip:\n got %+v\nwant %+v", gotA, arts)
	}
}

func TestIDsStable(t *testing.T) {
	a := ClaimID("art", 1, 5, KindQuantity)
	if a != ClaimID("art", 1, 5, KindQuantity) || len(a) != 16 {
		t.Fatalf("ClaimID not stable or wrong length: %q", a)
	}
	if a == ClaimID("art", 1, 6, KindQuantity) || a == ClaimID("art1", 1, 5, KindQuantity) {
		t.Fatal("ClaimID collides for different spans or articles")
	}
	if ClaimID("ab", 1, 5, "c") == ClaimID("a", 1, 5, "bc") {
		t.Fatal("parts are not separated")
	}
}

// TestBuilderReusedAcrossBatches appends rows in several calls and batches
// from one Builder, mixing values its dictionaries already hold with new
// ones, and checks every batch decodes to the rows appended to it.
func TestBuilderReusedAcrossBatches(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	b := Conflicts.NewBuilder(mem)
	defer b.Release()
	sources := []string{"UN", "", "Observatory", "UN", "UN", "ministry", "", "Observatory"}
	for batch := 0; batch < 3; batch++ {
		var want []Conflict
		for call := 0; call < 3; call++ {
			var rows []Conflict
			for i := 0; i < 5+call; i++ {
				n := batch*100 + call*10 + i
				rows = append(rows, Conflict{
					ConflictID: fmt.Sprint("c", n), SourceA: sources[n%len(sources)],
					SourceB: fmt.Sprint("outlet-", n%(batch+2)), Kind: []string{"divergence", "contradiction"}[i%2],
					LowA: F(float64(n)), Gap: float64(i),
				})
			}
			b.Append(rows...)
			want = append(want, rows...)
		}
		rec := b.NewRecordBatch()
		got, err := Conflicts.Rows(rec)
		rec.Release()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("batch %d decodes to\n%+v\nwant\n%+v", batch, got, want)
		}
	}
}

// TestAppendGroups checks that appending several slices at once gives the
// batch of appending them one after the other.
func TestAppendGroups(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	base := sampleClaims()
	var groups [][]Claim
	var want []Claim
	for g := 0; g < 5; g++ {
		var rows []Claim
		for i := 0; i < g; i++ { // the first group is empty
			c := base[i%2]
			c.ArticleID = fmt.Sprint("a", g)
			c.Sentence = fmt.Sprintf("%s %d", c.Sentence, i)
			rows = append(rows, c)
		}
		groups = append(groups, rows)
		want = append(want, rows...)
	}
	b := Claims.NewBuilder(mem)
	defer b.Release()
	b.Append(base...) // a batch before, so the builder is not fresh
	b.NewRecordBatch().Release()
	b.AppendGroups(groups)
	if b.Len() != len(want) {
		t.Fatalf("Len = %d, want %d", b.Len(), len(want))
	}
	rec := b.NewRecordBatch()
	defer rec.Release()
	got, err := Claims.Rows(rec)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AppendGroups gave\n%+v\nwant\n%+v", got, want)
	}
}

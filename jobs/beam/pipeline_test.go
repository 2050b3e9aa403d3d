package beam

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	pq "github.com/parquet-go/parquet-go"

	"github.com/claimscan/claimscan/fixtures"
	"github.com/claimscan/claimscan/jobs"
	"github.com/claimscan/claimscan/jobs/conflict"
	"github.com/claimscan/claimscan/jobs/gen"
	"github.com/claimscan/claimscan/jobs/source"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}

// runPrism builds the job for cfg and runs it on prism, in this process.
func runPrism(t *testing.T, cfg Config) *Job {
	t.Helper()
	ctx := context.Background()
	j, err := NewJob(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := prism.Execute(ctx, j.Pipeline); err != nil {
		j.Abort(ctx)
		t.Fatalf("prism: %v", err)
	}
	return j
}

// corpus writes the test inputs into dir and returns the paths to give
// both runners: the fixtures corpus (every reader: .txt, .md, JSONL plain
// and gzipped, HTML, WARC, Parquet), a generated corpus split into several
// files (claims of one event in different files, so conflicts need the
// grouping across workers), ids repeated within and across files, a path
// that does not exist, and the seeds when the shared corpora are present.
func corpus(t *testing.T, dir string) []string {
	t.Helper()
	gendir := filepath.Join(dir, "gen")
	if _, err := gen.Run(context.Background(), gen.Config{Size: 1 << 20, Seed: 11, Out: gendir}); err != nil {
		t.Fatal(err)
	}
	splitLines(t, filepath.Join(gendir, gen.ArticlesFile), filepath.Join(dir, "split"), 4)
	if err := os.RemoveAll(gendir); err != nil {
		t.Fatal(err)
	}
	dups := filepath.Join(dir, "dups")
	write(t, filepath.Join(dups, "a.jsonl"),
		`{"id":"d1","outlet":"Harbour News","published":"2020-03-01","text":"Police said 12 people were injured in the fire."}`+"\n"+
			`{"id":"d1","outlet":"Harbour News","published":"2020-03-02","text":"Police said 14 people were injured in the fire."}`+"\n")
	write(t, filepath.Join(dups, "b.jsonl"),
		`{"id":"d1","outlet":"Other Paper","text":"Officials said 30 people were injured in the fire."}`+"\n"+
			`{"id":"mw-20210314-peru-quake","text":"A repeat of the wire id: 40 people were killed."}`+"\n")
	root := fixtures.Root()
	paths := []string{
		filepath.Join(root, fixtures.SampleRoot),
		filepath.Join(root, "html"),
		filepath.Join(root, "warc"),
		filepath.Join(root, "parquet", "articles.parquet"),
		filepath.Join(dir, "split"),
		dups,
		filepath.Join(dir, "does-not-exist"),
	}
	if seeds, ok := fixtures.Shared("corpora/seeds"); ok {
		paths = append(paths, seeds)
	} else {
		t.Log("shared seeds absent: run without them")
	}
	return paths
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// splitLines writes the lines of src round-robin into n JSONL files in dir.
func splitLines(t *testing.T, src, dir string, n int) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	parts := make([]strings.Builder, n)
	for i, line := range strings.SplitAfter(string(data), "\n") {
		parts[i%n].WriteString(line)
	}
	for i := range parts {
		write(t, filepath.Join(dir, fmt.Sprintf("part-%d.jsonl", i)), parts[i].String())
	}
}

// rowsOf reads every row of table in dir with parquet-go, a reader that
// shares no code with the writer, and returns each row's values as text
// with the number of times it occurs.
func rowsOf(t *testing.T, dir, table string) map[string]int {
	t.Helper()
	paths, err := output.PartPaths(dir, table)
	if err != nil || len(paths) == 0 {
		t.Fatalf("%s: no parts (%v)", table, err)
	}
	rows := map[string]int{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		pf, err := pq.OpenFile(f, st.Size())
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		buf := make([]pq.Row, 64)
		for _, rg := range pf.RowGroups() {
			rr := rg.Rows()
			for {
				n, err := rr.ReadRows(buf)
				for _, row := range buf[:n] {
					var b strings.Builder
					for _, v := range row {
						fmt.Fprintf(&b, "%d/%d/%d:", v.Column(), v.RepetitionLevel(), v.DefinitionLevel())
						if !v.IsNull() {
							b.WriteString(v.String())
						}
						b.WriteByte('|')
					}
					rows[b.String()]++
				}
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s: %v", p, err)
				}
			}
			rr.Close()
		}
		f.Close()
	}
	return rows
}

// sameRows reports the rows of table that one dataset has more often than
// the other.
func sameRows(t *testing.T, table, want, got string) int {
	t.Helper()
	w, g := rowsOf(t, want, table), rowsOf(t, got, table)
	var n int
	var diffs []string
	for row, c := range w {
		if g[row] != c {
			diffs = append(diffs, fmt.Sprintf("run %d, beam %d: %.300s", c, g[row], row))
		}
		n += c
	}
	for row, c := range g {
		if _, ok := w[row]; !ok {
			diffs = append(diffs, fmt.Sprintf("run 0, beam %d: %.300s", c, row))
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("%s: %d rows differ, e.g.\n%s", table, len(diffs), strings.Join(diffs[:min(len(diffs), 5)], "\n"))
	}
	return n
}

// TestSameRowsAsRun runs the pipeline under prism and `claimscan run` over
// the same inputs and compares every table as a multiset of rows, and the
// manifests' counts.
func TestSameRowsAsRun(t *testing.T) {
	dir := t.TempDir()
	paths := corpus(t, dir)
	want := filepath.Join(dir, "run")
	if _, err := jobs.Run(context.Background(), jobs.Config{Paths: paths, Out: want}); err != nil {
		t.Fatal(err)
	}
	got := filepath.Join(dir, "beam")
	j := runPrism(t, Config{Paths: paths, Out: got})

	counts := map[string]int{}
	for _, table := range schema.TableNames {
		counts[table] = sameRows(t, table, want, got)
	}
	t.Logf("rows: %v", counts)
	if counts[schema.ConflictsTable] < 100 || counts[schema.ClaimsTable] < 1000 || counts[schema.SourcesTable] < 50 {
		t.Errorf("rows %v: the corpus does not exercise every stage", counts)
	}

	mw, err := output.ReadManifest(want)
	if err != nil {
		t.Fatal(err)
	}
	mg, err := j.Manifest(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range schema.TableNames {
		if mg.Tables[table].Rows != mw.Tables[table].Rows {
			t.Errorf("%s: manifest counts %d rows, run's %d", table, mg.Tables[table].Rows, mw.Tables[table].Rows)
		}
		for i, p := range mg.Tables[table].Parts {
			if p.Path != filepath.ToSlash(output.PartName(table, i)) {
				t.Errorf("part %d of %s is %s", i, table, p.Path)
			}
		}
	}
	if !reflect.DeepEqual(mg.Statuses, mw.Statuses) {
		t.Errorf("statuses %v, run's %v", mg.Statuses, mw.Statuses)
	}
	if mg.Statuses[schema.StatusDuplicateID] != 3 || mg.Statuses[schema.StatusReadError] == 0 {
		t.Errorf("statuses %v: want 3 duplicate ids and a read error", mg.Statuses)
	}
	if !reflect.DeepEqual(mg.Inputs, mw.Inputs) {
		t.Errorf("inputs %+v\nrun's %+v", mg.Inputs, mw.Inputs)
	}
	if !reflect.DeepEqual(mg.Skipped, mw.Skipped) {
		t.Errorf("skipped %+v, run's %+v", mg.Skipped, mw.Skipped)
	}
	// Every part is the file the manifest describes, and nothing else is
	// left in or beside the dataset.
	for _, ti := range mg.Tables {
		for _, p := range ti.Parts {
			st, err := os.Stat(filepath.Join(got, p.Path))
			if err != nil || st.Size() != p.Bytes {
				t.Errorf("%s: %v, size vs manifest %d", p.Path, err, p.Bytes)
			}
		}
	}
	var files []string
	filepath.WalkDir(got, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	var parts int
	for _, ti := range mg.Tables {
		parts += len(ti.Parts)
	}
	if len(files) != parts+1 {
		t.Errorf("%d files in the dataset, manifest lists %d parts", len(files), parts)
	}
	if leftover, _ := filepath.Glob(filepath.Join(dir, ".beam.tmp-*")); len(leftover) != 0 {
		t.Errorf("temporary output left: %v", leftover)
	}

	// The output is refused when it exists, and replaced with Overwrite.
	if _, err := NewJob(context.Background(), Config{Paths: paths, Out: got}); !errors.Is(err, output.ErrExists) {
		t.Errorf("existing dataset: %v, want ErrExists", err)
	}
}

// TestRemoteFileSystem reads its inputs from and writes the dataset to a
// Beam file system (memfs, standing in for gs:// or s3://), replacing a
// previous dataset there, and compares with `claimscan run` over the same
// files on disk: the same rows but for articles.path, which names the
// remote file.
func TestRemoteFileSystem(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	local := filepath.Join(fixtures.Root(), fixtures.SampleRoot)
	const in, out = "memfs://corpus/sample/", "memfs://datasets/sample"
	var names []string
	filepath.WalkDir(local, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(local, p)
			data, rerr := os.ReadFile(p)
			if rerr != nil {
				t.Fatal(rerr)
			}
			memfs.Write(in+filepath.ToSlash(rel), data)
			names = append(names, rel)
		}
		return err
	})
	want := filepath.Join(dir, "run")
	if _, err := jobs.Run(ctx, jobs.Config{Paths: []string{local}, Out: want}); err != nil {
		t.Fatal(err)
	}
	// A previous dataset at out, with a part index the new one does not
	// reach.
	memfs.Write(out+"/manifest.json", []byte("{}"))
	memfs.Write(out+"/claims/part-00099.parquet", []byte("old"))
	if _, err := NewJob(ctx, Config{Paths: []string{in + "*", in + "*/*"}, Out: out}); !errors.Is(err, output.ErrExists) {
		t.Fatalf("existing remote dataset: %v, want ErrExists", err)
	}
	j := runPrism(t, Config{Paths: []string{in + "*", in + "*/*"}, Out: out, Overwrite: true})

	// Copy the dataset to disk, then compare typed rows.
	got := filepath.Join(dir, "beam")
	fs, err := filesystem.New(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	all, err := fs.List(ctx, out+"/*")
	if err != nil {
		t.Fatal(err)
	}
	more, err := fs.List(ctx, out+"/*/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range append(all, more...) {
		data, err := filesystem.Read(ctx, fs, name)
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(got, strings.TrimPrefix(name, out+"/")), string(data))
	}
	if _, err := os.Stat(filepath.Join(got, "claims", "part-00099.parquet")); err == nil {
		t.Error("a part of the previous dataset survived")
	}
	if leftover, _ := fs.List(ctx, out+"/.tmp-*"); len(leftover) != 0 {
		t.Errorf("temporary files left: %v", leftover)
	}
	m, err := j.Manifest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Inputs) != len(names) || !strings.HasPrefix(m.Inputs[0].Path, in) {
		t.Errorf("inputs %+v", m.Inputs)
	}

	wa, err := jobs.Load(ctx, want, schema.Articles)
	if err != nil {
		t.Fatal(err)
	}
	ga, err := jobs.Load(ctx, got, schema.Articles)
	if err != nil {
		t.Fatal(err)
	}
	canon := func(rows []schema.Article, prefix string) []string {
		var out []string
		for _, a := range rows {
			if !strings.HasPrefix(a.Path, prefix) {
				t.Errorf("article %s: path %s", a.ArticleID, a.Path)
			}
			a.Path = strings.TrimPrefix(a.Path, prefix)
			out = append(out, fmt.Sprintf("%+v", a))
		}
		sort.Strings(out)
		return out
	}
	if w, g := canon(wa, local+"/"), canon(ga, in); !reflect.DeepEqual(w, g) {
		t.Errorf("articles differ:\n run  %q\n beam %q", w, g)
	}
	for _, table := range []string{schema.ClaimsTable, schema.SourcesTable, schema.ConflictsTable} {
		if n := sameRows(t, table, want, got); n == 0 {
			t.Errorf("%s: no rows", table)
		}
	}
}

// readFile runs the read step on one file alone, as one bundle, and returns
// what it sent.
type readOut struct {
	ids, items, calls map[int][][]byte
	pairs             []partPair
	metas             []meta
}

func readFile(t *testing.T, st settings, tk task) *readOut {
	t.Helper()
	o := &readOut{ids: map[int][][]byte{}, items: map[int][][]byte{}, calls: map[int][][]byte{}}
	to := func(m map[int][][]byte) func(int, []byte) {
		return func(k int, b []byte) { m[k] = append(m[k], b) }
	}
	f := &readFn{Settings: st}
	ctx := context.Background()
	pair := func(p partPair) { o.pairs = append(o.pairs, p) }
	met := func(m meta) { o.metas = append(o.metas, m) }
	if err := f.ProcessElement(ctx, tk, to(o.ids), to(o.items), to(o.calls), pair, met); err != nil {
		t.Fatal(err)
	}
	if err := f.FinishBundle(ctx, to(o.ids), to(o.items), to(o.calls), pair, met); err != nil {
		t.Fatal(err)
	}
	return o
}

// iterOf returns an iterator over values, last first: an engine may hand a
// group's values in any order.
func iterOf[T any](values []T) func(*T) bool {
	i := len(values)
	return func(v *T) bool {
		if i == 0 {
			return false
		}
		i--
		*v = values[i]
		return true
	}
}

// TestReadStep checks the read step alone: the records of a file in order,
// with their positions, in one part pair; every id and conflict item in the
// batches of its shard; the file's manifest entry and status counts.
func TestReadStep(t *testing.T) {
	path := filepath.Join(fixtures.Root(), fixtures.SampleRoot, "wires.jsonl")
	st := settings{Tmp: t.TempDir(), Shards: 8, MaxArticleBytes: 8 << 20}
	o := readFile(t, st, task{Seq: 3, Path: path, Root: filepath.Dir(path)})

	lines := countLines(t, path)
	if len(o.pairs) != 1 || !reflect.DeepEqual(o.pairs[0].Segments, []segment{{Seq: 3, From: 0, N: int64(lines)}}) {
		t.Fatalf("pairs %+v, want one of %d records", o.pairs, lines)
	}
	arts, err := readRows(context.Background(), o.pairs[0].Articles.Temp, schema.Articles)
	if err != nil {
		t.Fatal(err)
	}
	claims, err := readRows(context.Background(), o.pairs[0].Claims.Temp, schema.Claims)
	if err != nil {
		t.Fatal(err)
	}
	var nClaims, nKeyed int
	for _, a := range arts {
		nClaims += int(a.NClaims)
		if a.Path != path {
			t.Errorf("article %s: path %s", a.ArticleID, a.Path)
		}
	}
	for _, c := range claims {
		if c.ClaimKey != "" {
			nKeyed++
		}
	}
	if len(arts) != lines || nClaims != len(claims) || nKeyed == 0 {
		t.Errorf("%d articles from %d lines, %d claims counted, %d written, %d keyed", len(arts), lines, nClaims, len(claims), nKeyed)
	}

	var ids []idEntry
	for shard, bs := range o.ids {
		for _, b := range bs {
			d, err := unpack(b)
			if err != nil {
				t.Fatal(err)
			}
			for d.more() {
				e := d.idEntry()
				if shardOf(e.ID, st.Shards) != shard {
					t.Errorf("id %s in shard %d", e.ID, shard)
				}
				ids = append(ids, e)
			}
		}
	}
	slices.SortFunc(ids, func(a, b idEntry) int { return int(a.Rec - b.Rec) })
	for i, e := range ids {
		if e.Seq != 3 || e.Rec != int64(i) || e.ID != arts[i].ArticleID || e.Status != arts[i].Status {
			t.Errorf("id entry %d: %+v, article %s", i, e, arts[i].ArticleID)
		}
	}
	var items int
	for shard, bs := range o.items {
		for _, b := range bs {
			d, _ := unpack(b)
			for d.more() {
				e := d.itemEntry()
				if shardOf(e.Item.Key, st.Shards) != shard || e.Seq != 3 {
					t.Errorf("item %+v in shard %d", e, shard)
				}
				items++
			}
		}
	}
	if items != nKeyed || len(o.calls) == 0 {
		t.Errorf("%d items for %d keyed claims, %d call shards", items, nKeyed, len(o.calls))
	}
	var inputs, statuses int
	for _, m := range o.metas {
		switch m.Kind {
		case metaInput:
			inputs++
			if m.Input.Path != path || m.Seq != 3 || m.Input.Size == 0 {
				t.Errorf("input %+v", m)
			}
		case metaStatuses:
			statuses++
			if m.Statuses[schema.StatusOK] == 0 {
				t.Errorf("statuses %v", m.Statuses)
			}
		}
	}
	if inputs != 1 || statuses != 1 {
		t.Errorf("metas %+v", o.metas)
	}
}

// TestGroupedSteps runs the grouped steps on a file read twice (every
// record of the second reading a duplicate) with their values in reverse
// input order: the first record of an id is still the one kept, the
// duplicates' rows are marked and their claims dropped, and every source
// row is the row of the whole input.
func TestGroupedSteps(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(fixtures.Root(), fixtures.SampleRoot, "wires.jsonl")
	st := settings{Tmp: t.TempDir(), Shards: 4, MaxArticleBytes: 8 << 20}
	first := readFile(t, st, task{Seq: 0, Path: path, Root: filepath.Dir(path)})
	second := readFile(t, st, task{Seq: 1, Path: path, Root: filepath.Dir(path)})

	var losers []loser
	for shard := 0; shard < st.Shards; shard++ {
		batches := append(append([][]byte(nil), first.ids[shard]...), second.ids[shard]...)
		if err := (idsFn{}).ProcessElement(ctx, shard, iterOf(batches), func(l loser) { losers = append(losers, l) }); err != nil {
			t.Fatal(err)
		}
	}
	lines := countLines(t, path)
	if len(losers) != lines {
		t.Fatalf("%d losers, want the %d records of the second reading", len(losers), lines)
	}
	for _, l := range losers {
		if l.Seq != 1 || l.Status != schema.StatusOK {
			t.Errorf("loser %+v", l)
		}
	}

	fx := &fixupFn{Settings: st}
	var parts []meta
	for _, p := range append(first.pairs, second.pairs...) {
		if err := fx.ProcessElement(ctx, 0, iterOf([]partPair{p}), iterOf(losers), func(m meta) { parts = append(parts, m) }); err != nil {
			t.Fatal(err)
		}
	}
	if len(parts) != 4 || parts[0].Part.Temp != first.pairs[0].Articles.Temp || parts[2].Part.Temp == second.pairs[0].Articles.Temp {
		t.Fatalf("parts %+v: want the first pair kept and the second rewritten", parts)
	}
	dupArts, err := readRows(ctx, parts[2].Part.Temp, schema.Articles)
	if err != nil {
		t.Fatal(err)
	}
	dupClaims, err := readRows(ctx, parts[3].Part.Temp, schema.Claims)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range dupArts {
		if a.Status != schema.StatusDuplicateID || a.NClaims != 0 {
			t.Errorf("article %s of the second reading: %s, %d claims", a.ArticleID, a.Status, a.NClaims)
		}
	}
	if len(dupArts) != lines || len(dupClaims) != 0 {
		t.Errorf("second reading: %d articles, %d claims", len(dupArts), len(dupClaims))
	}

	// Sources: the whole input in order through one aggregator...
	arts, err := readRows(ctx, first.pairs[0].Articles.Temp, schema.Articles)
	if err != nil {
		t.Fatal(err)
	}
	claims, err := readRows(ctx, first.pairs[0].Claims.Temp, schema.Claims)
	if err != nil {
		t.Fatal(err)
	}
	whole := source.New()
	for _, set := range [][]schema.Article{arts, dupArts} {
		pos := 0
		for i := range set {
			whole.AddArticle(&set[i])
			if set[i].Status != schema.StatusDuplicateID {
				for j := pos; j < pos+int(set[i].NClaims); j++ {
					whole.AddClaim(&claims[j])
				}
				pos += int(set[i].NClaims)
			}
		}
	}
	want := map[string]schema.Source{}
	for _, s := range whole.Rows() {
		want[s.Name] = s
	}
	// ...and shard by shard, batches in reverse order.
	got := map[string]schema.Source{}
	sr := &sourceRowsFn{}
	for shard := 0; shard < st.Shards; shard++ {
		batches := append(append([][]byte(nil), first.calls[shard]...), second.calls[shard]...)
		err := sr.ProcessElement(ctx, shard, iterOf(batches), iterOf(losers), func(_ int, s schema.Source) {
			if _, dup := got[s.Name]; dup {
				t.Errorf("source %s twice", s.Name)
			}
			got[s.Name] = s
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(want) < 5 || !reflect.DeepEqual(got, want) {
		t.Errorf("%d source rows by shard differ from the %d of the whole input", len(got), len(want))
	}
}

// TestCodec round-trips every field of the batch entries.
func TestCodec(t *testing.T) {
	pub := time.Date(2019, 8, 24, 9, 30, 1, 500, time.UTC)
	items := []itemEntry{
		{Seq: 7, Rec: 1 << 40, Item: conflict.Item{ClaimID: "c", ArticleID: "a", Key: "killed|civilians|adlab|2019", Source: "SOHR",
			Outlet: "AFP", Bound: schema.BoundApprox, Low: schema.F(-1.5), Best: schema.F(890), High: schema.F(1e300),
			Published: pub, Negated: true, Hedged: true}},
		{Item: conflict.Item{Key: "k", Bound: "odd"}},
	}
	calls := []sourceCall{
		{Key: "afp", Seq: 1, Rec: 2, Index: -1, Article: schema.Article{ArticleID: "a", Outlet: "AFP", URL: "https://afp.example/x", Published: pub}},
		{Key: "sohr", Seq: 1, Rec: 2, Index: 3, Claim: schema.Claim{ArticleID: "a", Source: "SOHR", SourceMention: "the Observatory",
			Sentence: "The Observatory said 890 died.", Outlet: "AFP", Published: pub}},
	}
	ids := []idEntry{{ID: "x", Seq: 1, Rec: 2, Status: schema.StatusOK}, {ID: "", Seq: -1, Rec: 0, Status: schema.StatusReadError}}
	var e enc
	for i := range items {
		e.itemEntry(&items[i])
	}
	for i := range calls {
		e.sourceCall(&calls[i])
	}
	for i := range ids {
		e.idEntry(&ids[i])
	}
	d, err := unpack(pack(e.b))
	if err != nil {
		t.Fatal(err)
	}
	for i := range items {
		if got := d.itemEntry(); !reflect.DeepEqual(got, items[i]) {
			t.Errorf("item %d:\n got %+v\nwant %+v", i, got, items[i])
		}
	}
	for i := range calls {
		if got := d.sourceCall(); !reflect.DeepEqual(got, calls[i]) {
			t.Errorf("call %d:\n got %+v\nwant %+v", i, got, calls[i])
		}
	}
	for i := range ids {
		if got := d.idEntry(); got != ids[i] {
			t.Errorf("id %d: got %+v, want %+v", i, got, ids[i])
		}
	}
	if d.more() || d.err != nil {
		t.Errorf("left %d bytes, %v", len(d.b), d.err)
	}
	short := &dec{b: e.b[:len(e.b)-3]}
	for short.more() {
		short.itemEntry()
	}
	if short.err == nil {
		t.Error("a cut batch decodes")
	}
}

func countLines(t *testing.T, path string) int {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	n := 0
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) != "" {
			n++
		}
	}
	return n
}

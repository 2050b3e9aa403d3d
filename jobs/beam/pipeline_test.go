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

// TestReadFnEmitsEveryRecord checks the read step alone: the records of a
// file in order, with their positions, and the file's manifest entry.
func TestReadFnEmitsEveryRecord(t *testing.T) {
	path := filepath.Join(fixtures.Root(), fixtures.SampleRoot, "wires.jsonl")
	var recs []record
	var metas []meta
	f := &readFn{Settings: settings{MaxArticleBytes: 8 << 20}}
	err := f.ProcessElement(context.Background(), task{Seq: 3, Path: path, Root: filepath.Dir(path)},
		func(id string, r record) {
			if id != r.Article.ArticleID {
				t.Errorf("keyed %q, article %q", id, r.Article.ArticleID)
			}
			recs = append(recs, r)
		},
		func(m meta) { metas = append(metas, m) })
	if err != nil {
		t.Fatal(err)
	}
	lines := countLines(t, path)
	if len(recs) != lines || lines == 0 {
		t.Fatalf("%d records from %d lines", len(recs), lines)
	}
	for i, r := range recs {
		if r.Seq != 3 || r.Rec != int64(i) || r.Article.Path != path {
			t.Errorf("record %d: seq %d rec %d path %s", i, r.Seq, r.Rec, r.Article.Path)
		}
	}
	if len(metas) != 1 || metas[0].Kind != metaInput || metas[0].Input.Path != path || metas[0].Seq != 3 {
		t.Errorf("metas %+v", metas)
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

// TestOrderRestored feeds the grouped steps their values in reverse input
// order, as an engine may deliver them: the first record of an id in input
// order is still the one kept, and a source's row is still the one of the
// whole input.
func TestOrderRestored(t *testing.T) {
	path := filepath.Join(fixtures.Root(), fixtures.SampleRoot, "wires.jsonl")
	var recs []record
	f := &readFn{Settings: settings{MaxArticleBytes: 8 << 20}}
	err := f.ProcessElement(context.Background(), task{Seq: 1, Path: path, Root: filepath.Dir(path)},
		func(_ string, r record) { recs = append(recs, r) }, func(meta) {})
	if err != nil {
		t.Fatal(err)
	}
	// Two more records with the first one's id, from later files.
	for seq := int64(2); seq <= 3; seq++ {
		dup := recs[0]
		dup.Seq, dup.Article.Path = seq, fmt.Sprintf("later-%d.jsonl", seq)
		recs = append(recs, dup)
	}
	reversed := func(rs []record) func(*record) bool {
		i := len(rs)
		return func(r *record) bool {
			if i == 0 {
				return false
			}
			i--
			*r = rs[i]
			return true
		}
	}
	rf := &recordsFn{}
	calls := map[string][]sourceCall{}
	emitCall := func(k string, c sourceCall) { calls[k] = append(calls[k], c) }
	id := recs[0].Article.ArticleID
	group := append([]record{recs[0]}, recs[len(recs)-2:]...)
	if err := rf.ProcessElement(context.Background(), id, reversed(group), func(string, conflict.Item) {}, emitCall, func(meta) {}); err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1 : len(recs)-2] {
		if err := rf.ProcessElement(context.Background(), r.Article.ArticleID, reversed([]record{r}), func(string, conflict.Item) {}, emitCall, func(meta) {}); err != nil {
			t.Fatal(err)
		}
	}
	kept := rf.buf[0]
	if kept.Seq != 1 || kept.Article.Status == schema.StatusDuplicateID || len(kept.Claims) == 0 {
		t.Errorf("kept record %d with status %s and %d claims, want the first", kept.Seq, kept.Article.Status, len(kept.Claims))
	}
	for _, r := range rf.buf[1:3] {
		if r.Article.Status != schema.StatusDuplicateID || len(r.Claims) != 0 {
			t.Errorf("record of %s: status %s, %d claims", r.Article.Path, r.Article.Status, len(r.Claims))
		}
	}
	if rf.statuses[schema.StatusDuplicateID] != 2 {
		t.Errorf("statuses %v", rf.statuses)
	}

	// The whole input, in order, through one aggregator.
	whole := source.New()
	inOrder := append([]record(nil), rf.buf...)
	slices.SortFunc(inOrder, func(a, b record) int { return compareRecords(&a, &b) })
	for _, r := range inOrder {
		whole.AddArticle(&r.Article)
		for j := range r.Claims {
			whole.AddClaim(&r.Claims[j])
		}
	}
	want := map[string]schema.Source{}
	for _, s := range whole.Rows() {
		want[s.Name] = s
	}
	got := map[string]schema.Source{}
	for k, cs := range calls {
		i := len(cs)
		err := sourceRow(k, func(c *sourceCall) bool {
			if i == 0 {
				return false
			}
			i--
			*c = cs[i]
			return true
		}, func(_ int, s schema.Source) { got[s.Name] = s })
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(want) < 5 || !reflect.DeepEqual(got, want) {
		t.Errorf("sources from reversed calls differ from the whole input's (%d rows vs %d)", len(got), len(want))
	}
}

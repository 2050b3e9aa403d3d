package beam

import (
	"cmp"
	"context"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/claimscan/claimscan/jobs/conflict"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// task is one input file, or one local path that could not be read (its
// read_error row in Missing), at position Seq of the run's input order.
type task struct {
	Seq     int64
	Path    string // local path, or URL of a Beam file system
	Root    string // local: jobs.FileOptions.Root; URL: the prefix ids are relative to
	Missing schema.Article
}

// record is one input record after extraction: its articles row and its
// claims, at position (Seq, Rec) of the input order: file, then record in
// the file.
type record struct {
	Seq, Rec int64
	Article  schema.Article
	Claims   []schema.Claim
}

func compareRecords(a, b *record) int {
	if c := cmp.Compare(a.Seq, b.Seq); c != 0 {
		return c
	}
	return cmp.Compare(a.Rec, b.Rec)
}

// sourceCall is one call of the sources aggregation: AddArticle(Article)
// when Index is -1, else AddClaim(Claim) for claim Index of the record at
// (Seq, Rec). Article and Claim hold only the fields the aggregation reads.
type sourceCall struct {
	Seq, Rec int64
	Index    int32
	Article  schema.Article
	Claim    schema.Claim
}

func compareCalls(a, b *sourceCall) int {
	if c := cmp.Compare(a.Seq, b.Seq); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Rec, b.Rec); c != 0 {
		return c
	}
	return cmp.Compare(a.Index, b.Index)
}

// Kinds of meta.
const (
	metaPart     = "part"
	metaInput    = "input"
	metaStatuses = "statuses"
)

// meta is what the commit step gathers from every other step: a part
// written, an input file read, or a bundle's article counts per status.
type meta struct {
	Kind     string
	Part     partMeta
	Input    output.Input
	Seq      int64 // the input's position
	Statuses map[string]int64
}

// partMeta is one Parquet part written at a temporary location.
type partMeta struct {
	Table  string
	Temp   string
	First  string // sort key of its first row: parts are numbered in this order
	Rows   int64
	Bytes  int64
	SHA256 string
}

func init() {
	for _, t := range []any{task{}, record{}, sourceCall{}, meta{}, conflict.Item{}, schema.Source{}} {
		beam.RegisterType(reflect.TypeOf(t))
	}
	register.DoFn4x1[context.Context, task, func(string, record), func(meta), error](&readFn{})
	register.DoFn6x1[context.Context, string, func(*record) bool, func(string, conflict.Item), func(string, sourceCall), func(meta), error](&recordsFn{})
	register.DoFn4x1[context.Context, string, func(*conflict.Item) bool, func(meta), error](&conflictsFn{})
	register.Function3x1(sourceRow)
	register.DoFn4x1[context.Context, int, func(*schema.Source) bool, func(meta), error](&sourcesFn{})
	register.DoFn3x1[context.Context, int, func(*meta) bool, error](&commitFn{})
	register.Emitter1[meta]()
	register.Emitter2[string, record]()
	register.Emitter2[string, conflict.Item]()
	register.Emitter2[string, sourceCall]()
	register.Emitter2[int, schema.Source]()
	register.Iter1[record]()
	register.Iter1[conflict.Item]()
	register.Iter1[sourceCall]()
	register.Iter1[schema.Source]()
	register.Iter1[meta]()
}

// build returns the pipeline over tasks; see the package documentation for
// its shape.
func build(st settings, tasks []task) *beam.Pipeline {
	p, s := beam.NewPipelineWithRoot()
	files := beam.CreateList(s.Scope("Files"), tasks)
	// Without the reshuffle the files would stay in the single bundle of
	// the Create, on one worker.
	files = beam.Reshuffle(s.Scope("SpreadFiles"), files)
	recs, inputs := beam.ParDo2(s.Scope("Read"), &readFn{Settings: st}, files)
	byID := beam.GroupByKey(s.Scope("GroupByArticleID"), recs)
	items, calls, written := beam.ParDo3(s.Scope("Records"), &recordsFn{Settings: st}, byID)

	byKey := beam.GroupByKey(s.Scope("GroupByClaimKey"), items)
	conflicts := beam.ParDo(s.Scope("Conflicts"), &conflictsFn{Settings: st}, byKey)

	bySource := beam.GroupByKey(s.Scope("GroupBySource"), calls)
	sourceRows := beam.ParDo(s.Scope("SourceRows"), sourceRow, bySource)
	sources := beam.ParDo(s.Scope("Sources"), &sourcesFn{Settings: st}, beam.GroupByKey(s.Scope("GatherSources"), sourceRows))

	all := beam.Flatten(s.Scope("Gather"), inputs, written, conflicts, sources)
	beam.ParDo0(s.Scope("Commit"), &commitFn{Settings: st}, beam.GroupByKey(s.Scope("GatherAll"), beam.AddFixedKey(s, all)))
	return p
}

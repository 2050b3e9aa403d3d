package beam

import (
	"cmp"
	"context"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// task is one input file, or one local path that could not be read (its
// read_error row in Missing), at position Seq of the run's input order.
type task struct {
	Seq     int64
	Path    string // local path, or URL of a Beam file system
	Root    string // local: stage.FileOptions.Root; URL: the prefix ids are relative to
	Missing schema.Article
}

// loser is a record whose article id an earlier record (in input order)
// already has: Run marks it duplicate_id and drops its claims. Status is
// its status before.
type loser struct {
	Seq, Rec int64
	Status   string
}

// segment is a run of records of one file in a part: records From to
// From+N-1 of file Seq, in the part's row order.
type segment struct {
	Seq, From, N int64
}

// partPair is an articles part and the claims part of the same records,
// written by the read step before duplicates are known, and the records
// they hold.
type partPair struct {
	Articles, Claims partMeta
	Segments         []segment
}

// Kinds of meta.
const (
	metaPart     = "part"
	metaInput    = "input"
	metaStatuses = "statuses"
	metaLoser    = "loser"
)

// meta is what the commit step gathers from every other step: a part
// written, an input file read, or a bundle's article counts per status
// (before duplicates are marked).
type meta struct {
	Kind     string
	Part     partMeta
	Input    output.Input
	Seq      int64 // the input's position
	Loser    loser
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

// compareLosers orders records by position: file, then record in the file.
func compareLosers(a, b loser) int {
	return cmp.Or(cmp.Compare(a.Seq, b.Seq), cmp.Compare(a.Rec, b.Rec))
}

func init() {
	for _, t := range []any{task{}, loser{}, segment{}, partPair{}, meta{}, partMeta{}, schema.Source{}} {
		beam.RegisterType(reflect.TypeOf(t))
	}
	register.DoFn7x1[context.Context, task, func(int, []byte), func(int, []byte), func(int, []byte), func(partPair), func(meta), error](&readFn{})
	register.DoFn4x1[context.Context, int, func(*[]byte) bool, func(loser), error](&idsFn{})
	register.DoFn5x1[context.Context, int, func(*[]byte) bool, func(*loser) bool, func(meta), error](&conflictsFn{})
	register.DoFn5x1[context.Context, int, func(*[]byte) bool, func(*loser) bool, func(int, schema.Source), error](&sourceRowsFn{})
	register.DoFn4x1[context.Context, int, func(*schema.Source) bool, func(meta), error](&sourcesFn{})
	register.DoFn5x1[context.Context, int, func(*partPair) bool, func(*loser) bool, func(meta), error](&fixupFn{})
	register.DoFn2x0[partPair, func(int, partPair)](&keyPairFn{})
	register.Emitter2[int, partPair]()
	register.Iter1[partPair]()
	register.DoFn3x1[context.Context, int, func(*meta) bool, error](&commitFn{})
	register.DoFn2x0[loser, func(int, loser)](&losersToShardsFn{})
	register.Function2x0(loserMetaFn)
	register.Emitter2[int, loser]()
	register.Emitter1[meta]()
	register.Emitter1[loser]()
	register.Emitter1[partPair]()
	register.Emitter2[int, []byte]()
	register.Emitter2[int, schema.Source]()
	register.Iter1[[]byte]()
	register.Iter1[loser]()
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
	ids, items, calls, pairs, read := beam.ParDo5(s.Scope("Read"), &readFn{Settings: st}, files)

	losers := beam.ParDo(s.Scope("Duplicates"), &idsFn{}, beam.GroupByKey(s.Scope("GroupIDs"), ids))
	sharded := beam.ParDo(s.Scope("LosersToShards"), &losersToShardsFn{Shards: st.Shards}, losers)

	keyed := beam.ParDo(s.Scope("KeyPairs"), &keyPairFn{Shards: st.Shards}, pairs)
	parts := beam.ParDo(s.Scope("MarkDuplicates"), &fixupFn{Settings: st}, beam.CoGroupByKey(s.Scope("GroupPairs"), keyed, sharded))
	conflicts := beam.ParDo(s.Scope("Conflicts"), &conflictsFn{Settings: st}, beam.CoGroupByKey(s.Scope("GroupItems"), items, sharded))
	sourceRows := beam.ParDo(s.Scope("SourceRows"), &sourceRowsFn{}, beam.CoGroupByKey(s.Scope("GroupCalls"), calls, sharded))
	sources := beam.ParDo(s.Scope("Sources"), &sourcesFn{Settings: st}, beam.GroupByKey(s.Scope("GatherSources"), sourceRows))

	lostMeta := beam.ParDo(s.Scope("LoserMeta"), loserMetaFn, losers)
	all := beam.Flatten(s.Scope("Gather"), read, parts, conflicts, sources, lostMeta)
	beam.ParDo0(s.Scope("Commit"), &commitFn{Settings: st}, beam.GroupByKey(s.Scope("GatherAll"), beam.AddFixedKey(s, all)))
	return p
}

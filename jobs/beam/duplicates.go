package beam

import (
	"context"
	"fmt"
	"slices"

	"github.com/claimscan/claimscan/jobs/stage"
	"github.com/claimscan/claimscan/schema"
)

// idsFn finds the duplicate ids of one shard with the runner's rule
// (stage.IDs) over the shard's records put in input order: every record of
// an id but the first is a loser.
type idsFn struct{}

// ProcessElement takes the id batches of a shard.
func (idsFn) ProcessElement(_ context.Context, _ int, batches func(*[]byte) bool, emit func(loser)) error {
	entries, err := unpackAll(batches, (*dec).idEntry, nil)
	if err != nil {
		return err
	}
	slices.SortFunc(entries, func(a, b idEntry) int {
		return compareLosers(loser{Seq: a.Seq, Rec: a.Rec}, loser{Seq: b.Seq, Rec: b.Rec})
	})
	ids := stage.NewIDs()
	for _, e := range entries {
		if ids.Duplicate(e.ID) {
			emit(loser{Seq: e.Seq, Rec: e.Rec, Status: e.Status})
		}
	}
	return nil
}

// losersToShardsFn sends each loser to every shard, so the steps that group
// claims by shard get the losers with their claims, as data rather than as
// a side input (prism has been seen to hand those steps an empty side
// input now and then).
type losersToShardsFn struct {
	Shards int
}

// ProcessElement emits l under every shard key.
func (f *losersToShardsFn) ProcessElement(l loser, emit func(int, loser)) {
	for k := range f.Shards {
		emit(k, l)
	}
}

// loserMetaFn wraps a loser as a meta for the commit step.
func loserMetaFn(l loser, emit func(meta)) {
	emit(meta{Kind: metaLoser, Loser: l})
}

// loserSet holds the positions of the losers.
type loserSet map[[2]int64]string

func readLosers(iter func(*loser) bool) loserSet {
	set := loserSet{}
	var l loser
	for iter(&l) {
		set[[2]int64{l.Seq, l.Rec}] = l.Status
	}
	return set
}

func (s loserSet) has(seq, rec int64) bool {
	_, ok := s[[2]int64{seq, rec}]
	return ok
}

// fixupFn marks the losers of an articles and claims part pair as Run
// does (status duplicate_id, no claims), rewriting the pair when it holds
// any; a pair without losers is kept as written.
type fixupFn struct {
	Settings settings
}

// keyPairFn spreads the part pairs over the shards, so that they meet the
// losers as grouped data (see losersToShardsFn).
type keyPairFn struct {
	Shards int
}

// ProcessElement emits p under the shard of its first row.
func (f *keyPairFn) ProcessElement(p partPair, emit func(int, partPair)) {
	emit(shardOf(p.Articles.First, max(f.Shards, 1)), p)
}

// ProcessElement takes the part pairs of a shard and the losers.
func (f *fixupFn) ProcessElement(ctx context.Context, _ int, pairs func(*partPair) bool, losers func(*loser) bool, emit func(meta)) error {
	lost := readLosers(losers)
	var p partPair
	for pairs(&p) {
		if err := f.fix(ctx, p, lost, emit); err != nil {
			return err
		}
	}
	return nil
}

// fix marks the losers of one part pair.
func (f *fixupFn) fix(ctx context.Context, p partPair, lost loserSet, emit func(meta)) error {
	var marks []int
	row := 0
	for _, s := range p.Segments {
		for r := s.From; r < s.From+s.N; r++ {
			if lost.has(s.Seq, r) {
				marks = append(marks, row)
			}
			row++
		}
	}
	if len(marks) == 0 {
		emit(meta{Kind: metaPart, Part: p.Articles})
		emit(meta{Kind: metaPart, Part: p.Claims})
		return nil
	}
	arts, err := readRows(ctx, p.Articles.Temp, schema.Articles)
	if err != nil {
		return err
	}
	claims, err := readRows(ctx, p.Claims.Temp, schema.Claims)
	if err != nil {
		return err
	}
	if len(arts) != row {
		return fmt.Errorf("%s: %d rows, its records say %d", p.Articles.Temp, len(arts), row)
	}
	kept := claims[:0]
	next, pos := 0, 0
	for i := range arts {
		n := int(arts[i].NClaims)
		if pos+n > len(claims) {
			return fmt.Errorf("%s: fewer claims than its articles count", p.Claims.Temp)
		}
		if next < len(marks) && marks[next] == i {
			stage.MarkDuplicate(&arts[i])
			next++
		} else {
			kept = append(kept, claims[pos:pos+n]...)
		}
		pos += n
	}
	name, err := newID()
	if err != nil {
		return err
	}
	pa, err := writeRows(ctx, f.Settings.Tmp, schema.Articles, name, p.Articles.First, arts)
	if err != nil {
		return err
	}
	pc, err := writeRows(ctx, f.Settings.Tmp, schema.Claims, name, p.Claims.First, kept)
	if err != nil {
		return err
	}
	emit(meta{Kind: metaPart, Part: pa})
	emit(meta{Kind: metaPart, Part: pc})
	return nil
}

package beam

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/claimscan/claimscan/jobs/source"
	"github.com/claimscan/claimscan/schema"
)

// sourceRowsFn builds the source rows of one shard: for each row key, its
// calls (the claims of losers left out) are put back in input order and
// replayed into a new source.Aggregator, which gives that key's row of the
// whole; every row is emitted under one key.
type sourceRowsFn struct{}

// ProcessElement takes the call batches of a shard and the losers (every
// shard gets all of them: see losersToShardsFn).
func (f *sourceRowsFn) ProcessElement(_ context.Context, _ int, batches func(*[]byte) bool, losers func(*loser) bool, emit func(int, schema.Source)) error {
	lost := readLosers(losers)
	calls, err := unpackAll(batches, (*dec).sourceCall, func(c sourceCall) bool { return c.Index < 0 || !lost.has(c.Seq, c.Rec) })
	if err != nil {
		return err
	}
	slices.SortFunc(calls, compareCalls)
	for i := 0; i < len(calls); {
		j := i + 1
		for j < len(calls) && calls[j].Key == calls[i].Key {
			j++
		}
		g := source.New()
		for k := i; k < j; k++ {
			if calls[k].Index < 0 {
				g.AddArticle(&calls[k].Article)
			} else {
				g.AddClaim(&calls[k].Claim)
			}
		}
		rows := g.Rows()
		if len(rows) != 1 {
			return fmt.Errorf("source row %q: %d rows from its own calls, want 1", calls[i].Key, len(rows))
		}
		emit(0, rows[0])
		i = j
	}
	return nil
}

// compareCalls orders calls by row key, then input order: record, then the
// article before its claims.
func compareCalls(a, b sourceCall) int {
	return cmp.Or(strings.Compare(a.Key, b.Key), compareLosers(loser{Seq: a.Seq, Rec: a.Rec}, loser{Seq: b.Seq, Rec: b.Rec}), cmp.Compare(a.Index, b.Index))
}

// sourcesFn writes the sources table as one part, rows sorted by name as
// Run writes them.
type sourcesFn struct {
	Settings settings
}

// ProcessElement takes every source row.
func (f *sourcesFn) ProcessElement(ctx context.Context, _ int, iter func(*schema.Source) bool, emitMeta func(meta)) error {
	var rows []schema.Source
	for {
		var r schema.Source
		if !iter(&r) {
			break
		}
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(a, b schema.Source) int { return strings.Compare(a.Name, b.Name) })
	name, err := newID()
	if err != nil {
		return err
	}
	pm, err := writeRows(ctx, f.Settings.Tmp, schema.Sources, name, "", rows)
	if err != nil {
		return err
	}
	emitMeta(meta{Kind: metaPart, Part: pm})
	return nil
}

package beam

import (
	"context"
	"os"
	"slices"
	"strings"

	"github.com/claimscan/claimscan/jobs/stage"
	"github.com/claimscan/claimscan/schema"
)

// conflictsFn finds the conflicts among the claims of one shard with the
// runner's conflicts stage (stage.Conflicts), leaving out the claims of
// losers, and writes the conflicts of its bundle as parts.
type conflictsFn struct {
	Settings settings

	rows []schema.Conflict
}

// ProcessElement takes the item batches of a shard and the losers (every
// shard gets all of them: see losersToShardsFn).
func (f *conflictsFn) ProcessElement(ctx context.Context, _ int, batches func(*[]byte) bool, losers func(*loser) bool, emitMeta func(meta)) error {
	lost := readLosers(losers)
	items, err := unpackAll(batches, (*dec).itemEntry, func(e itemEntry) bool { return !lost.has(e.Seq, e.Rec) })
	if err != nil {
		return err
	}
	spill, err := os.MkdirTemp("", "claimscan-conflicts-")
	if err != nil {
		return err
	}
	s, err := stage.NewConflicts(f.Settings.Tolerance, spill)
	if err != nil {
		return err
	}
	defer s.Close()
	for i := range items {
		if err := s.AddItem(items[i].Item); err != nil {
			return err
		}
	}
	err = s.Run(ctx, func(rows []schema.Conflict) error {
		f.rows = append(f.rows, rows...)
		return nil
	})
	if err != nil {
		return err
	}
	if len(f.rows) >= conflictRowsPerPart {
		return f.flush(ctx, emitMeta)
	}
	return nil
}

// FinishBundle writes the bundle's last part.
func (f *conflictsFn) FinishBundle(ctx context.Context, emitMeta func(meta)) error {
	if len(f.rows) == 0 {
		return nil
	}
	return f.flush(ctx, emitMeta)
}

func (f *conflictsFn) flush(ctx context.Context, emitMeta func(meta)) error {
	slices.SortFunc(f.rows, func(a, b schema.Conflict) int {
		if c := strings.Compare(a.ClaimKey, b.ClaimKey); c != 0 {
			return c
		}
		return strings.Compare(a.ConflictID, b.ConflictID)
	})
	rows := f.rows
	f.rows = nil
	name, err := newID()
	if err != nil {
		return err
	}
	pm, err := writeRows(ctx, f.Settings.Tmp, schema.Conflicts, name, rows[0].ClaimKey, rows)
	if err != nil {
		return err
	}
	emitMeta(meta{Kind: metaPart, Part: pm})
	return nil
}

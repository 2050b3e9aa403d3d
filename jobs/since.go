package jobs

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// previous is what an incremental run (--since) knows of the datasets
// before it: the text hashes of their articles, and where their tables are.
type previous struct {
	dirs   []string // newest first: the --since dataset, then the ones it was built on
	hashes map[[32]byte]struct{}
}

// ErrSinceText is returned when an incremental run and its --since
// dataset differ in --with-text: their articles tables would not have the
// same columns.
var ErrSinceText = errors.New("--with-text differs from the --since dataset")

// loadPrevious reads the dataset at dir and, following each manifest's
// since list, the datasets it was built on. It keeps only the text hashes
// of their articles; claims are streamed later by feed. The dataset at dir
// must have been written with the same withText setting (ErrSinceText).
func loadPrevious(ctx context.Context, dir string, withText bool) (*previous, error) {
	p := &previous{hashes: map[[32]byte]struct{}{}}
	seen := map[string]bool{}
	queue := []string{dir}
	for len(queue) > 0 {
		d := queue[0]
		queue = queue[1:]
		abs, err := filepath.Abs(d)
		if err != nil {
			return nil, err
		}
		if seen[abs] {
			continue
		}
		seen[abs] = true
		m, err := output.ReadManifest(abs)
		if err != nil {
			return nil, fmt.Errorf("--since %s: not a claimscan dataset: %w", d, err)
		}
		if len(p.dirs) == 0 {
			if had := manifestWithText(m); had != withText {
				verb := "was"
				if !had {
					verb = "was not"
				}
				return nil, fmt.Errorf("%w: %s %s written with --with-text, so that the articles tables of a chain keep the same columns; start a new chain to change it", ErrSinceText, d, verb)
			}
		}
		// A dataset with a part gone would be taken for a smaller one:
		// its articles taken in again as new, its claims missing from the
		// conflicts.
		if err := output.CheckParts(abs, m); err != nil {
			return nil, fmt.Errorf("--since %s: %w (check it with claimscan verify)", d, err)
		}
		p.dirs = append(p.dirs, abs)
		queue = append(queue, m.Since...)
		err = output.ReadTable(ctx, abs, schema.ArticlesTable, func(rec arrow.RecordBatch) error {
			rows, err := schema.Articles.Rows(rec)
			for _, a := range rows {
				var h [32]byte
				if n, _ := hex.Decode(h[:], []byte(a.TextSHA256)); n == 32 {
					p.hashes[h] = struct{}{}
				}
			}
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("--since %s: %w", d, err)
		}
	}
	return p, nil
}

// known reports whether an article with this text hash was in a previous
// dataset.
func (p *previous) known(h [32]byte) bool {
	_, ok := p.hashes[h]
	return ok
}

// feed gives the global stages the previous datasets' articles and claims,
// oldest dataset first, so sources and conflicts are computed over old and
// new claims together. Claims keep the claim_key stored with them.
func (p *previous) feed(ctx context.Context, s *sequencer) error {
	for i := len(p.dirs) - 1; i >= 0; i-- {
		dir := p.dirs[i]
		err := output.ReadTable(ctx, dir, schema.ArticlesTable, func(rec arrow.RecordBatch) error {
			rows, err := schema.Articles.Rows(rec)
			for j := range rows {
				s.sources.AddArticle(&rows[j])
			}
			return err
		})
		if err != nil {
			return fmt.Errorf("--since %s: %w", dir, err)
		}
		err = output.ReadTable(ctx, dir, schema.ClaimsTable, func(rec arrow.RecordBatch) error {
			rows, err := schema.Claims.Rows(rec)
			if err != nil {
				return err
			}
			for j := range rows {
				c := &rows[j]
				s.sources.AddClaim(c)
				if err := s.conflicts.Add(c); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("--since %s: %w", dir, err)
		}
	}
	return nil
}

// manifestWithText reports whether a dataset was written with --with-text:
// its manifest's config says so (datasets from before the flag say
// nothing: false).
func manifestWithText(m *output.Manifest) bool {
	cfg, _ := m.Config.(map[string]any)
	v, _ := cfg["with_text"].(bool)
	return v
}

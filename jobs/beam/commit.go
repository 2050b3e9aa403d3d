package beam

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// manifestConfig is the configuration the manifest of a pipeline's
// dataset records.
type manifestConfig struct {
	Engine          string   `json:"engine"`
	Paths           []string `json:"paths"`
	Out             string   `json:"out"`
	Overwrite       bool     `json:"overwrite"`
	MaxArticleBytes int64    `json:"max_article_bytes"`
	Tolerance       float64  `json:"tolerance"`
}

// commitFn runs once, after every other step: it counts the losers as
// duplicate_id in the statuses, numbers the parts of each
// table (part-NNNNN, in the order of their first rows), writes an empty part
// for a table that has none, removes the parts of failed attempts, writes
// the manifest and commits the dataset: a local one by renaming its
// temporary directory (output.CommitDir), a remote one by moving the parts
// into place and writing the manifest last.
type commitFn struct {
	Settings settings
}

// ProcessElement takes every meta of the pipeline.
func (f *commitFn) ProcessElement(ctx context.Context, _ int, iter func(*meta) bool) error {
	st := f.Settings
	parts := map[string][]partMeta{}
	type input struct {
		seq int64
		in  output.Input
	}
	var inputs []input
	statuses := map[string]int64{}
	var losers []loser
	for {
		var m meta
		if !iter(&m) {
			break
		}
		switch m.Kind {
		case metaPart:
			parts[m.Part.Table] = append(parts[m.Part.Table], m.Part)
		case metaInput:
			inputs = append(inputs, input{m.Seq, m.Input})
		case metaStatuses:
			for k, v := range m.Statuses {
				statuses[k] += v
			}
		case metaLoser:
			losers = append(losers, m.Loser)
		}
	}

	// The read step counted statuses before duplicates were known.
	for _, l := range losers {
		statuses[l.Status]--
		if statuses[l.Status] == 0 {
			delete(statuses, l.Status)
		}
		statuses[schema.StatusDuplicateID]++
	}

	fsys, err := filesystem.New(ctx, st.Tmp)
	if err != nil {
		return err
	}
	defer fsys.Close()
	if !st.Local && st.Overwrite {
		if err := removeDataset(ctx, fsys, st.Out); err != nil {
			return err
		}
	}
	var infos []output.PartInfo
	keep := map[string]bool{}
	for _, table := range schema.TableNames {
		ps := parts[table]
		if len(ps) == 0 {
			pm, err := emptyPart(ctx, st.Tmp, table)
			if err != nil {
				return err
			}
			ps = append(ps, pm)
		}
		slices.SortFunc(ps, func(a, b partMeta) int {
			if c := cmp.Compare(a.First, b.First); c != 0 {
				return c
			}
			return cmp.Compare(a.Temp, b.Temp)
		})
		for i, p := range ps {
			rel := filepath.ToSlash(output.PartName(table, i))
			dst := joinURL(st.Out, rel)
			if st.Local {
				dst = filepath.Join(st.Tmp, filepath.FromSlash(rel))
			}
			if err := move(ctx, fsys, p.Temp, dst); err != nil {
				return err
			}
			keep[dst] = true
			infos = append(infos, output.PartInfo{Table: table, Index: i, Path: rel, Rows: p.Rows, Bytes: p.Bytes, SHA256: p.SHA256})
		}
	}

	slices.SortFunc(inputs, func(a, b input) int { return cmp.Compare(a.seq, b.seq) })
	m := &output.Manifest{
		Tool: "claimscan", ToolVersion: schema.ToolVersion, SchemaVersion: schema.Version,
		Config: manifestConfig{Engine: "beam", Paths: st.Paths, Out: st.Out, Overwrite: st.Overwrite,
			MaxArticleBytes: st.MaxArticleBytes, Tolerance: st.Tolerance},
		Inputs:   []output.Input{},
		Skipped:  st.Skipped,
		Statuses: statuses,
		Timings:  map[string]float64{"pipeline": time.Since(time.Unix(0, st.Started)).Seconds()},
	}
	for _, in := range inputs {
		m.Inputs = append(m.Inputs, in.in)
	}
	m.SetParts(infos)
	data, err := m.Marshal()
	if err != nil {
		return err
	}
	if st.Local {
		if err := removeOthers(st.Tmp, keep); err != nil {
			return err
		}
		return output.CommitDir(st.Tmp, st.Out, st.Overwrite, data)
	}
	// The parts of attempts that failed stay in the temporary location.
	if err := removeAll(ctx, st.Tmp); err != nil {
		return err
	}
	return filesystem.Write(ctx, fsys, joinURL(st.Out, output.ManifestName), data)
}

// emptyPart writes a part with no rows for table.
func emptyPart(ctx context.Context, tmp, table string) (partMeta, error) {
	switch table {
	case schema.ArticlesTable:
		return writeRows[schema.Article](ctx, tmp, schema.Articles, "empty", "", nil)
	case schema.ClaimsTable:
		return writeRows[schema.Claim](ctx, tmp, schema.Claims, "empty", "", nil)
	case schema.SourcesTable:
		return writeRows[schema.Source](ctx, tmp, schema.Sources, "empty", "", nil)
	case schema.ConflictsTable:
		return writeRows[schema.Conflict](ctx, tmp, schema.Conflicts, "empty", "", nil)
	}
	return partMeta{}, fmt.Errorf("unknown table %s", table)
}

// move renames src to dst on fsys. A src already moved (a retried commit)
// is not an error when dst exists.
func move(ctx context.Context, fsys filesystem.Interface, src, dst string) error {
	if _, err := fsys.Size(ctx, src); err != nil {
		if _, derr := fsys.Size(ctx, dst); derr == nil {
			return nil
		}
		return fmt.Errorf("part %s: %w", src, err)
	}
	if err := filesystem.Rename(ctx, fsys, src, dst); err != nil {
		return fmt.Errorf("move %s to %s: %w", src, dst, err)
	}
	return nil
}

// removeOthers removes every file under the local directory tmp that keep
// does not hold: the parts of bundles that failed and were retried.
func removeOthers(tmp string, keep map[string]bool) error {
	return filepath.WalkDir(tmp, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || keep[path] {
			return nil
		}
		return os.Remove(path)
	})
}

// removeDataset removes the previous dataset at the URL out before a new
// one is moved in: its manifest first, so that it never describes a
// half-replaced dataset, then its parts.
func removeDataset(ctx context.Context, fsys filesystem.Interface, out string) error {
	rm, ok := fsys.(filesystem.Remover)
	if !ok {
		return fmt.Errorf("%s: the file system cannot remove files", out)
	}
	manifest := joinURL(out, output.ManifestName)
	if _, err := fsys.Size(ctx, manifest); err == nil {
		if err := rm.Remove(ctx, manifest); err != nil {
			return err
		}
	}
	for _, t := range schema.TableNames {
		names, err := fsys.List(ctx, joinURL(out, t+"/part-*.parquet"))
		if err != nil {
			return err
		}
		for _, n := range names {
			if err := rm.Remove(ctx, n); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
		}
	}
	return nil
}

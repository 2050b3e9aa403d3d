package beam

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths

	"github.com/claimscan/claimscan/jobs/input"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// Config is the configuration of one pipeline. The zero value of each
// field but Paths and Out means its default, as for `claimscan run`.
type Config struct {
	// Paths are local files and directories, read as `claimscan run` reads
	// them, and file patterns of Beam file systems ("gs://b/news/*.jsonl.gz",
	// "s3://b/cc-news/**.warc.gz"), whose matches are read in lexical order.
	Paths []string
	// Out is the dataset: a local directory, or a directory URL of a Beam
	// file system.
	Out string
	// Overwrite allows replacing a previous dataset at Out.
	Overwrite bool
	// MaxArticleBytes is the largest article read (default 8 MiB).
	MaxArticleBytes int64
	// Tolerance is the relative difference under which two values agree
	// (default 0.1).
	Tolerance float64
	// Shards is how many groups the claims are spread over for the
	// conflicts, the sources and the duplicate check (default 512): the
	// parallelism of those steps.
	Shards int
}

func (c *Config) defaults() {
	if c.Shards <= 0 {
		c.Shards = 512
	}
	if c.MaxArticleBytes <= 0 {
		c.MaxArticleBytes = 8 << 20
	}
	if c.Tolerance <= 0 {
		c.Tolerance = 0.1
	}
}

// ErrUsage reports a configuration that cannot run: no paths, no output.
var ErrUsage = errors.New("usage")

// Job is a pipeline ready to run on any Beam runner, and what the launcher
// needs before and after: the temporary output to remove when the run
// fails, and the dataset's location to read its manifest when it succeeds.
type Job struct {
	// Pipeline reads the inputs and writes the dataset; it commits the
	// dataset itself, as its last step.
	Pipeline *beam.Pipeline
	// Files is how many input files the pipeline reads.
	Files int
	// Skipped are the paths not read for their extension.
	Skipped []output.Skipped

	out     string
	tmp     string
	created bool // the launcher made tmp (a local directory)
}

// Out returns the dataset's location.
func (j *Job) Out() string { return j.out }

// Abort removes what a failed or cancelled run wrote. It is meant for runs
// that the launcher waited for; a job still running elsewhere keeps writing.
func (j *Job) Abort(ctx context.Context) error {
	if j.created {
		return os.RemoveAll(j.tmp)
	}
	return removeAll(ctx, j.tmp)
}

// Manifest reads the manifest of the dataset the job committed.
func (j *Job) Manifest(ctx context.Context) (*output.Manifest, error) {
	if !isURL(j.out) {
		return output.ReadManifest(j.out)
	}
	fs, err := filesystem.New(ctx, j.out)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	data, err := filesystem.Read(ctx, fs, joinURL(j.out, output.ManifestName))
	if err != nil {
		return nil, err
	}
	var m output.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", joinURL(j.out, output.ManifestName), err)
	}
	return &m, nil
}

// NewJob resolves cfg's inputs, checks that the dataset may be written at
// cfg.Out, prepares the temporary location of its parts, and builds the
// pipeline. A local input that does not exist becomes a read_error row, as
// in `claimscan run`; a pattern of a Beam file system that matches nothing,
// or an output that may not be written, is an error.
func NewJob(ctx context.Context, cfg Config) (*Job, error) {
	cfg.defaults()
	if len(cfg.Paths) == 0 {
		return nil, fmt.Errorf("%w: no input paths", ErrUsage)
	}
	if cfg.Out == "" {
		return nil, fmt.Errorf("%w: no output directory", ErrUsage)
	}
	tasks, skipped, err := planTasks(ctx, cfg.Paths)
	if err != nil {
		return nil, err
	}
	j := &Job{Skipped: skipped}
	for _, t := range tasks {
		if t.Missing.Status == "" {
			j.Files++
		}
	}
	runID, err := newID()
	if err != nil {
		return nil, err
	}
	if isURL(cfg.Out) {
		j.out = strings.TrimSuffix(cfg.Out, "/")
		if err := checkRemoteTarget(ctx, j.out, cfg.Overwrite); err != nil {
			return nil, err
		}
		j.tmp = joinURL(j.out, ".tmp-"+runID)
	} else {
		abs, err := filepath.Abs(cfg.Out)
		if err != nil {
			return nil, err
		}
		j.out = abs
		if err := output.CheckTarget(abs, cfg.Overwrite); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return nil, err
		}
		// Beside the dataset, so that the commit is one rename.
		tmp, err := os.MkdirTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".tmp-")
		if err != nil {
			return nil, fmt.Errorf("create temporary output beside %s: %w", abs, err)
		}
		j.tmp, j.created = tmp, true
	}
	st := settings{
		Out: j.out, Tmp: j.tmp, Local: j.created, Overwrite: cfg.Overwrite,
		MaxArticleBytes: cfg.MaxArticleBytes, Tolerance: cfg.Tolerance, Shards: cfg.Shards,
		Paths: cfg.Paths, Skipped: skipped, Started: time.Now().UnixNano(),
	}
	j.Pipeline = build(st, tasks)
	return j, nil
}

// settings are what the pipeline's steps need to know, serialized with
// them to the workers.
type settings struct {
	Out, Tmp        string // the dataset and the temporary location of its parts
	Local           bool   // Out and Tmp are local directories: commit by renaming Tmp
	Overwrite       bool
	MaxArticleBytes int64
	Tolerance       float64
	Shards          int
	Paths           []string         // as given, for the manifest
	Skipped         []output.Skipped // for the manifest
	Started         int64            // Unix nanoseconds when the job was built, for the manifest's timing
}

// planTasks resolves paths into input tasks in run order: first the local
// paths that cannot be read (read_error rows, as `claimscan run` writes
// them first), then every file, in the order of paths.
func planTasks(ctx context.Context, paths []string) ([]task, []output.Skipped, error) {
	var missing []schema.Article
	var files []task
	var skipped []output.Skipped
	for i := 0; i < len(paths); {
		if isURL(paths[i]) {
			ts, sk, err := listPattern(ctx, paths[i])
			if err != nil {
				return nil, nil, err
			}
			files = append(files, ts...)
			skipped = append(skipped, sk...)
			i++
			continue
		}
		// A run of local paths, resolved together by the runner's own
		// planning.
		k := i
		for k < len(paths) && !isURL(paths[k]) {
			k++
		}
		p, err := input.NewPlan(paths[i:k], nil, "")
		if err != nil {
			return nil, nil, err
		}
		for _, f := range p.Files {
			files = append(files, task{Path: f.Path(), Root: f.Root()})
		}
		missing = append(missing, p.Missing...)
		skipped = append(skipped, p.Skipped...)
		i = k
	}
	tasks := make([]task, 0, len(missing)+len(files))
	for _, a := range missing {
		tasks = append(tasks, task{Path: a.Path, Missing: a})
	}
	tasks = append(tasks, files...)
	for i := range tasks {
		tasks[i].Seq = int64(i)
	}
	return tasks, skipped, nil
}

// listPattern lists the files a pattern of a Beam file system matches, in
// lexical order. Ids of one-article files are relative to the pattern's
// directory before its first wildcard.
func listPattern(ctx context.Context, pattern string) ([]task, []output.Skipped, error) {
	fs, err := filesystem.New(ctx, pattern)
	if err != nil {
		return nil, nil, err
	}
	defer fs.Close()
	names, err := fs.List(ctx, pattern)
	if err != nil {
		return nil, nil, fmt.Errorf("list %s: %w", pattern, err)
	}
	if len(names) == 0 {
		return nil, nil, fmt.Errorf("%s: no file matches", pattern)
	}
	sort.Strings(names)
	root := pattern
	if i := strings.IndexAny(root, "*?["); i >= 0 {
		root = root[:i]
	}
	root = root[:strings.LastIndex(root, "/")+1]
	var tasks []task
	var skipped []output.Skipped
	for _, name := range names {
		if !input.Readable(name) {
			skipped = append(skipped, output.Skipped{Path: name, Reason: "unknown extension"})
			continue
		}
		tasks = append(tasks, task{Path: name, Root: root})
	}
	return tasks, skipped, nil
}

// checkRemoteTarget refuses a dataset URL that holds a dataset (a manifest)
// unless overwrite is set, or that holds parts without a manifest.
func checkRemoteTarget(ctx context.Context, out string, overwrite bool) error {
	fs, err := filesystem.New(ctx, out)
	if err != nil {
		return err
	}
	defer fs.Close()
	_, err = fs.Size(ctx, joinURL(out, output.ManifestName))
	hasManifest := err == nil
	if hasManifest && !overwrite {
		return fmt.Errorf("output %s: %w (use --overwrite to replace a previous dataset)", out, output.ErrExists)
	}
	if hasManifest {
		return nil
	}
	for _, t := range schema.TableNames {
		parts, err := fs.List(ctx, joinURL(out, t+"/*.parquet"))
		if err != nil {
			return fmt.Errorf("list %s: %w", out, err)
		}
		if len(parts) > 0 {
			return fmt.Errorf("output %s: %w and holds no %s, so it is not replaced even with --overwrite", out, output.ErrExists, output.ManifestName)
		}
	}
	return nil
}

// removeAll removes every file under the URL prefix dir (two levels: the
// temporary parts are dir/table/name).
func removeAll(ctx context.Context, dir string) error {
	fs, err := filesystem.New(ctx, dir)
	if err != nil {
		return err
	}
	defer fs.Close()
	rm, ok := fs.(filesystem.Remover)
	if !ok {
		return fmt.Errorf("%s: the file system cannot remove files", dir)
	}
	var first error
	for _, glob := range []string{"*", "*/*"} {
		names, err := fs.List(ctx, joinURL(dir, glob))
		if err != nil {
			return err
		}
		for _, n := range names {
			if err := rm.Remove(ctx, n); err != nil && first == nil {
				first = err
			}
		}
	}
	return first
}

// isURL reports whether path names a file of a Beam file system other than
// the local one.
func isURL(path string) bool {
	i := strings.Index(path, "://")
	return i > 0 && !strings.ContainsAny(path[:i], "/\\")
}

// joinURL joins a directory URL (or local path) and a relative name.
func joinURL(dir, rel string) string {
	return strings.TrimSuffix(dir, "/") + "/" + rel
}

// newID returns a random hex id for temporary names.
func newID() (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return hex.EncodeToString(b[:]), nil
}

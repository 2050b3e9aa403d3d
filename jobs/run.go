package jobs

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/claimscan/claimscan/jobs/extract"
	"github.com/claimscan/claimscan/jobs/input"
	"github.com/claimscan/claimscan/jobs/stage"
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// Config is the configuration of one run. The zero value of each field
// means its default.
type Config struct {
	// Paths are files and directories to read; none means Embedded.
	Paths []string `json:"paths"`
	// Embedded is the corpus read when Paths is empty, with EmbeddedName
	// shown as its path.
	Embedded     fs.FS  `json:"-"`
	EmbeddedName string `json:"embedded,omitempty"`
	// Out is the dataset directory (default "out").
	Out string `json:"out"`
	// Overwrite allows replacing a previous dataset at Out.
	Overwrite bool `json:"overwrite"`
	// Workers is the number of extraction goroutines (default GOMAXPROCS).
	Workers int `json:"-"`
	// MaxArticleBytes is the largest article read (default 8 MiB).
	MaxArticleBytes int64 `json:"max_article_bytes"`
	// Tolerance is the relative difference under which two values agree
	// (default 0.1).
	Tolerance float64 `json:"tolerance"`
	// Since is a previous dataset: articles whose text it already has are
	// skipped, and sources and conflicts are computed over its claims (and
	// those of the datasets it was built on) together with the new ones.
	Since string `json:"since,omitempty"`
	// PartBytes is how many input bytes go into one Parquet part of the
	// articles and claims tables (default 64 MiB).
	PartBytes int64 `json:"part_bytes"`
	// WithText adds the articles table's text column: the text that the
	// claims' offsets index (schema.ArticlesWithText). An incremental run
	// must have the setting of its Since dataset.
	WithText bool `json:"with_text"`
	// Log receives one line per problem (bad record, skipped file); nil
	// discards them.
	Log io.Writer `json:"-"`
	// Progress receives a progress bar when not nil.
	Progress io.Writer `json:"-"`

	// extractFn replaces extract.Extract in benchmarks of the spine and
	// tests of the limits.
	extractFn func(extract.Article) extract.Result
}

func (c *Config) defaults() {
	if c.Out == "" {
		c.Out = "out"
	}
	if c.Workers <= 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	if c.MaxArticleBytes <= 0 {
		c.MaxArticleBytes = 8 << 20
	}
	if c.Tolerance <= 0 {
		c.Tolerance = 0.1
	}
	if c.PartBytes <= 0 {
		c.PartBytes = 64 << 20
	}
	if c.Log == nil {
		c.Log = io.Discard
	}
}

// Summary is what a run did.
type Summary struct {
	Dir       string
	Articles  int64            // articles rows
	Rejected  int64            // articles rows whose status is not ok
	Statuses  map[string]int64 // articles rows per status
	Claims    int64
	Sources   int64
	Conflicts int64
	Skipped   int   // files not read (unknown extension)
	Known     int64 // articles skipped because --since has their text
	Bytes     int64 // input bytes read
	Elapsed   time.Duration
	// Timings are seconds per stage. read_extract_write is the wall time
	// of the streaming stages, which overlap; read_busy, extract_busy,
	// sequence_busy (ordering, ids, feeding sources and conflicts) and
	// write_busy are the time each spent working (summed over its
	// goroutines), so their ratio shows the bottleneck.
	Timings map[string]float64
	PeakRSS int64 // bytes, of the whole process so far
}

// Run reads the inputs, extracts claims, and writes the dataset to
// cfg.Out. Bad records do not fail the run: they are counted in
// Summary.Rejected. Run returns an error only when the dataset could not be
// written, or ctx.Err() when it was cancelled; either way nothing is left at
// cfg.Out.
//
// Topology:
//
//	reader ──chunks──▶ N workers ──results──▶ sequencer ──parts──▶ 2 part writers
//	(input.Plan.Read:  (stage.Processor:       (reorder by seq,      (Parquet, zstd)
//	 files → records,   parse, extract,         stage.IDs,
//	 1 MiB chunks)      claim keys; Arrow       part bounds)
//	                    batch per chunk)             │
//	                                                 ├──rows──▶ source.Aggregator
//	                                                 └──rows──▶ stage.Conflicts (spills)
//	then: conflicts stage ─▶ conflicts parts; sources ─▶ sources part; manifest; rename.
func Run(ctx context.Context, cfg Config) (*Summary, error) {
	cfg.defaults()
	start := time.Now()
	p, err := input.NewPlan(cfg.Paths, cfg.Embedded, cfg.EmbeddedName)
	if err != nil {
		return nil, err
	}
	for _, s := range p.Skipped {
		fmt.Fprintf(cfg.Log, "claimscan: skipped %s: %s\n", s.Path, s.Reason)
	}
	w, err := output.Create(cfg.Out, cfg.Overwrite, stage.PartOptions())
	if err != nil {
		return nil, err
	}
	for _, st := range w.Stale() {
		fmt.Fprintf(cfg.Log, "claimscan: %s, left by an earlier run that was killed\n", st)
	}
	s, err := runInto(ctx, &cfg, p, w)
	if err != nil {
		if aerr := w.Abort(); aerr != nil {
			fmt.Fprintf(cfg.Log, "claimscan: removing %s: %v\n", w.TempDir(), aerr)
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	s.Elapsed = time.Since(start)
	s.Skipped = len(p.Skipped)
	return s, nil
}

func runInto(ctx context.Context, cfg *Config, p *input.Plan, w *output.Writer) (*Summary, error) {
	var total int64
	for _, f := range p.Files {
		total += f.Size()
	}
	rd := &reader{maxBytes: cfg.MaxArticleBytes, chunkBytes: 1 << 20, chunkRecs: 256,
		window: make(chan struct{}, chunkWindow(cfg.Workers))}
	seq, err := newSequencer(cfg, w)
	if err != nil {
		return nil, err
	}
	seq.window = rd.window
	proc := &stage.Processor{Extract: cfg.extractFn, Latest: input.LatestPublished(time.Now()), WithText: cfg.WithText}
	var prev *previous
	if cfg.Since != "" {
		var err error
		if prev, err = loadPrevious(ctx, cfg.Since, cfg.WithText); err != nil {
			return nil, err
		}
		proc.Known = prev.known
		if err := prev.feed(ctx, seq); err != nil {
			return nil, err
		}
	}
	prog := startProgress(cfg.Progress, total, &rd.bytesRead, seq)
	defer prog.stop()

	t0 := time.Now()
	g, gctx := errgroup.WithContext(ctx)
	chunks := make(chan chunk, cfg.Workers)
	results := make(chan result, cfg.Workers)
	var readSecs float64
	g.Go(func() error {
		t := time.Now()
		err := rd.run(gctx, p, chunks)
		readSecs = (time.Since(t) - rd.waited).Seconds()
		return err
	})
	var wg sync.WaitGroup
	for i := 0; i < cfg.Workers; i++ {
		wg.Add(1)
		g.Go(func() error {
			defer wg.Done()
			return work(gctx, chunks, results, proc, &seq.extractNanos)
		})
	}
	go func() { wg.Wait(); close(results) }()
	g.Go(func() error { return seq.run(gctx, results) })
	if err := g.Wait(); err != nil {
		seq.abandon()
		return nil, err
	}
	extractSecs := time.Since(t0).Seconds()

	t1 := time.Now()
	nConflicts, err := seq.writeConflicts(ctx)
	if err != nil {
		return nil, err
	}
	conflictSecs := time.Since(t1).Seconds()
	t2 := time.Now()
	nSources, err := seq.writeSources()
	if err != nil {
		return nil, err
	}
	sourceSecs := time.Since(t2).Seconds()
	prog.stop()

	s := &Summary{
		Dir: w.Dir(), Articles: seq.nArticles.Load(), Claims: seq.nClaims.Load(), Sources: nSources, Conflicts: nConflicts,
		Statuses: seq.statuses, Bytes: rd.bytesRead.Load(), Known: seq.nKnown,
		Timings: map[string]float64{
			"read_extract_write": extractSecs,
			"read_busy":          readSecs,
			"extract_busy":       time.Duration(seq.extractNanos.Load()).Seconds(),
			"write_busy":         time.Duration(seq.writeNanos.Load()).Seconds(),
			"sequence_busy":      time.Duration(seq.seqNanos).Seconds(),
			"conflicts":          conflictSecs,
			"sources":            sourceSecs,
		},
	}
	for st, n := range seq.statuses {
		if st != schema.StatusOK {
			s.Rejected += n
		}
	}
	s.PeakRSS = PeakRSS()
	m := &output.Manifest{PeakRSSBytes: s.PeakRSS, KnownArticles: s.Known,
		Tool: "claimscan", ToolVersion: schema.ToolVersion, SchemaVersion: schema.Version,
		Config: cfg, Inputs: rd.inputs, Skipped: p.Skipped, Statuses: seq.statuses, Timings: s.Timings,
	}
	if prev != nil {
		m.Since = prev.dirs
	}
	m.SetParts(w.Parts())
	for _, t := range schema.TableNames {
		if _, ok := m.Tables[t]; !ok {
			return nil, fmt.Errorf("table %s has no part", t)
		}
	}
	data, err := m.Marshal()
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := w.Commit(data); err != nil {
		return nil, err
	}
	return s, nil
}

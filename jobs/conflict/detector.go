package conflict

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sync"
	"time"
	"unsafe"

	"github.com/claimscan/claimscan/schema"
)

// Defaults used by DefaultConfig and for zero Config fields.
const (
	DefaultTolerance    = 0.10
	DefaultMemoryBudget = 128 << 20
	DefaultWindow       = 7 * 24 * time.Hour
	DefaultNeighbors    = 8
	DefaultWorkers      = 2
)

// sinceRel is the rel_gap from which a running total over a period
// (TotalSince) and a count of no period are two quantities: the period's
// toll is at least twice the incident's.
const sinceRel = 0.5

// AllPairsMax is the largest group in which every pair is compared; larger
// groups use the neighbour and consensus rule.
const AllPairsMax = 64

const (
	partitions = 256 // by the top 8 bits of the key hash
	chunkRows  = 1024
)

// Config configures a Detector.
type Config struct {
	// Tolerance is the relative tolerance, in [0, 1): it widens approx
	// values and is the smallest relative anchor difference that counts as
	// a divergence. Zero compares exactly; DefaultConfig sets 0.10.
	Tolerance float64
	// TempDir is where spill files go; "" means os.TempDir().
	TempDir string
	// MemoryBudget caps the capacity of the in-memory record buffers, in
	// bytes; past it, Add spills them to a run file. Zero means
	// DefaultMemoryBudget.
	MemoryBudget int64
	// Window is the largest difference between the days of the events of
	// two claims whose time bucket is a bare year (event counts, without a
	// cluster), counted in whole days; zero means DefaultWindow, a
	// negative value disables the window.
	Window time.Duration
	// Neighbors is how many preceding claims (in publication order) each
	// claim of a group larger than AllPairsMax is compared with; zero means
	// DefaultNeighbors.
	Neighbors int
	// Workers is how many partitions Run processes at once; zero means
	// DefaultWorkers.
	Workers int
}

// DefaultConfig returns the configuration with every default, including
// the 10% tolerance.
func DefaultConfig() Config {
	return Config{
		Tolerance:    DefaultTolerance,
		MemoryBudget: DefaultMemoryBudget,
		Window:       DefaultWindow,
		Neighbors:    DefaultNeighbors,
		Workers:      DefaultWorkers,
	}
}

// Stats counts what a Detector has taken in.
type Stats struct {
	Items        int64 // items added with a Comparable key
	Bytes        int64 // encoded size of those items
	Spills       int   // run files written
	SpilledBytes int64 // bytes written to run files
}

// ErrUsed is returned by Add and Run after Run or Close.
var ErrUsed = errors.New("conflict: detector already run or closed")

// Detector finds conflicts among claims. Feed it with Add, then call Run
// once, then Close. Its output depends only on the set of items added: not
// on their order, the memory budget, the number of spills or of workers.
// A Detector is not safe for concurrent use.
type Detector struct {
	cfg      Config
	mem      [partitions][]byte // each partition's records not yet spilled
	buffered int64
	dir      string
	runs     []run
	stats    Stats
	used     bool
}

// run is one spill file: the partitions' records back to back.
type run struct {
	path string
	off  [partitions + 1]int64
}

// NewDetector returns a Detector for cfg, or an error if cfg is invalid.
func NewDetector(cfg Config) (*Detector, error) {
	if math.IsNaN(cfg.Tolerance) || cfg.Tolerance < 0 || cfg.Tolerance >= 1 {
		return nil, fmt.Errorf("conflict: tolerance %v not in [0, 1)", cfg.Tolerance)
	}
	if cfg.MemoryBudget < 0 || cfg.Neighbors < 0 || cfg.Workers < 0 {
		return nil, fmt.Errorf("conflict: negative memory budget, neighbors or workers")
	}
	if cfg.MemoryBudget == 0 {
		cfg.MemoryBudget = DefaultMemoryBudget
	}
	if cfg.Window == 0 {
		cfg.Window = DefaultWindow
	}
	if cfg.Neighbors == 0 {
		cfg.Neighbors = DefaultNeighbors
	}
	if cfg.Workers == 0 {
		cfg.Workers = DefaultWorkers
	}
	return &Detector{cfg: cfg}, nil
}

// Add takes one item. Items whose key is not Comparable (empty, or a
// partial count's) are ignored. When the
// buffers pass the memory budget, Add writes them to a run file in
// Config.TempDir; an error from that write is returned.
func (d *Detector) Add(it Item) error {
	if d.used {
		return ErrUsed
	}
	if !Comparable(it.Key) {
		return nil
	}
	h := keyHash(it.Key)
	p := &d.mem[h>>56]
	before, size := cap(*p), len(*p)
	*p = appendRecord(*p, h, &it)
	d.buffered += int64(cap(*p) - before)
	d.stats.Bytes += int64(len(*p) - size)
	d.stats.Items++
	if d.buffered >= d.cfg.MemoryBudget {
		return d.spill()
	}
	return nil
}

// Stats returns the counts so far.
func (d *Detector) Stats() Stats { return d.stats }

func (d *Detector) spill() error {
	if d.dir == "" {
		dir, err := os.MkdirTemp(d.cfg.TempDir, "claimscan-conflicts-")
		if err != nil {
			return fmt.Errorf("conflict: spill: %w", err)
		}
		d.dir = dir
	}
	r := run{path: filepath.Join(d.dir, fmt.Sprintf("run-%06d", len(d.runs)))}
	f, err := os.OpenFile(r.path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("conflict: spill: %w", err)
	}
	var off int64
	for p := range d.mem {
		r.off[p] = off
		if _, err := f.Write(d.mem[p]); err != nil {
			f.Close()
			return fmt.Errorf("conflict: spill %s: %w", r.path, err)
		}
		off += int64(len(d.mem[p]))
		d.mem[p] = nil
	}
	r.off[partitions] = off
	if err := f.Close(); err != nil {
		return fmt.Errorf("conflict: spill %s: %w", r.path, err)
	}
	d.runs = append(d.runs, r)
	d.buffered = 0
	d.stats.Spills++
	d.stats.SpilledBytes += off
	return nil
}

// Run finds the conflicts among the items added and passes them to emit in
// batches, in a fixed order: groups by key hash then key, and within a
// group by the pair order of the package documentation. emit is called
// from Run's goroutine only; it may keep the slices it is given, but the
// rows' strings share the memory of their partition (about 1/256 of the
// records), which stays alive as long as any of its rows does. An error
// from emit, a read error or ctx's cancellation stops Run and is returned.
// Run may be called once; Close must still be called after it.
func (d *Detector) Run(ctx context.Context, emit func([]schema.Conflict) error) error {
	if d.used {
		return ErrUsed
	}
	d.used = true
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type chunk struct {
		rows []schema.Conflict
		end  bool
		err  error
	}
	nw := d.cfg.Workers
	chans := make([]chan chunk, nw)
	var wg sync.WaitGroup
	for w := range nw {
		ch := make(chan chunk, 4)
		chans[w] = ch
		wg.Add(1)
		go func() {
			defer wg.Done()
			send := func(c chunk) bool {
				select {
				case ch <- c:
					return true
				case <-ctx.Done():
					return false
				}
			}
			var pw partitionWorker
			for p := w; p < partitions; p += nw {
				err := pw.run(d, p, func(rows []schema.Conflict) bool { return send(chunk{rows: rows}) })
				if err == nil && ctx.Err() != nil {
					err = ctx.Err()
				}
				if !send(chunk{end: true, err: err}) || err != nil {
					return
				}
			}
		}()
	}

	var err error
	for p := 0; p < partitions && err == nil; p++ {
		ch := chans[p%nw]
		for {
			var c chunk
			select {
			case c = <-ch:
			case <-ctx.Done():
				err = ctx.Err()
			}
			if err != nil {
				break
			}
			if c.end {
				err = c.err
				break
			}
			if err = emit(c.rows); err != nil {
				break
			}
		}
	}
	cancel()
	wg.Wait()
	return err
}

// Close removes the spill files and releases the buffers. It is safe to
// call more than once.
func (d *Detector) Close() error {
	d.used = true
	d.mem = [partitions][]byte{}
	d.runs = nil
	if d.dir == "" {
		return nil
	}
	dir := d.dir
	d.dir = ""
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("conflict: remove spill files: %w", err)
	}
	return nil
}

// load returns partition p's records, from the run files and the memory
// buffer, as one string.
func (d *Detector) load(p int) (string, error) {
	mem := d.mem[p]
	size := int64(len(mem))
	for i := range d.runs {
		size += d.runs[i].off[p+1] - d.runs[i].off[p]
	}
	if size == 0 {
		return "", nil
	}
	buf := mem
	if size > int64(len(mem)) {
		buf = make([]byte, size)
		pos := int64(0)
		for i := range d.runs {
			r := &d.runs[i]
			n := r.off[p+1] - r.off[p]
			if n == 0 {
				continue
			}
			if err := readAt(r.path, buf[pos:pos+n], r.off[p]); err != nil {
				return "", err
			}
			pos += n
		}
		copy(buf[pos:], mem)
	}
	d.mem[p] = nil
	// buf is never written again: the records' strings can share it.
	return unsafe.String(unsafe.SliceData(buf), len(buf)), nil
}

func readAt(path string, buf []byte, off int64) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("conflict: read spill: %w", err)
	}
	defer f.Close()
	if _, err := f.ReadAt(buf, off); err != nil && !(errors.Is(err, io.EOF) && len(buf) == 0) {
		return fmt.Errorf("conflict: read spill %s: %w", path, err)
	}
	return nil
}

package jobs

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress shows a progress bar of input bytes read, with articles/s and
// claims so far, refreshed from counters by its own goroutine.
type progress struct {
	done chan struct{}
	once sync.Once
	wg   sync.WaitGroup
	bar  *progressbar.ProgressBar
}

func startProgress(w io.Writer, total int64, bytesRead *atomic.Int64, s *sequencer) *progress {
	p := &progress{done: make(chan struct{})}
	if w == nil {
		return p
	}
	p.bar = progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionSetDescription("reading"),
		progressbar.OptionClearOnFinish(),
	)
	start := time.Now()
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.done:
				return
			case <-t.C:
				n := s.nArticles.Load()
				rate := float64(n) / time.Since(start).Seconds()
				p.bar.Describe(fmt.Sprintf("%d articles (%.0f/s), %d claims", n, rate, s.nClaims.Load()))
				_ = p.bar.Set64(bytesRead.Load())
			}
		}
	}()
	return p
}

// stop ends the bar; it may be called more than once.
func (p *progress) stop() {
	p.once.Do(func() {
		close(p.done)
		p.wg.Wait()
		if p.bar != nil {
			_ = p.bar.Finish()
		}
	})
}

package ingest

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// Progress reports a load as it goes: on a terminal, a bar redrawn in
// place (articles, rate, ETA); elsewhere a plain line every Every.
type Progress struct {
	Out   io.Writer
	TTY   bool
	Every time.Duration // between plain lines; 0 means 10 s

	mu      sync.Mutex
	done    int
	total   int
	known   bool
	began   time.Time
	last    time.Time
	stopped chan struct{}
	wg      sync.WaitGroup
}

// NewProgress reports to f, as a bar when f is a terminal.
func NewProgress(f *os.File) *Progress {
	p := &Progress{Out: f}
	if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
		p.TTY = true
	}
	return p
}

func (p *Progress) start(total int, known bool) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.total, p.known, p.began, p.last = total, known, time.Now(), time.Now()
	p.stopped = make(chan struct{})
	p.mu.Unlock()
	tick := 200 * time.Millisecond
	if !p.TTY {
		tick = p.Every
		if tick <= 0 {
			tick = 10 * time.Second
		}
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.draw(false)
			case <-p.stopped:
				return
			}
		}
	}()
}

func (p *Progress) add(n int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.done += n
	p.mu.Unlock()
}

func (p *Progress) stop() {
	if p == nil || p.stopped == nil {
		return
	}
	close(p.stopped)
	p.wg.Wait()
	p.draw(true)
}

// line is the progress as text: "1,200/10,000 articles (12%) 85.3/s ETA 1m43s".
func (p *Progress) line() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	el := time.Since(p.began).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(p.done) / el
	}
	var b strings.Builder
	if p.known && p.total > 0 {
		pct := 100 * p.done / p.total
		if p.TTY {
			const width = 24
			fill := width * p.done / p.total
			b.WriteString("[" + strings.Repeat("=", fill) + strings.Repeat(" ", width-fill) + "] ")
		}
		fmt.Fprintf(&b, "%d/%d articles (%d%%) %.1f/s", p.done, p.total, pct, rate)
		if rate > 0 && p.done < p.total {
			eta := time.Duration(float64(p.total-p.done)/rate) * time.Second
			fmt.Fprintf(&b, " ETA %s", eta.Round(time.Second))
		}
	} else {
		fmt.Fprintf(&b, "%d articles %.1f/s", p.done, rate)
	}
	return b.String()
}

func (p *Progress) draw(final bool) {
	l := p.line()
	if p.TTY {
		end := ""
		if final {
			end = "\n"
		}
		fmt.Fprintf(p.Out, "\r\033[K%s%s", l, end)
		return
	}
	if !final {
		fmt.Fprintf(p.Out, "load: %s\n", l)
	}
}

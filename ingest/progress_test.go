package ingest

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgress(t *testing.T) {
	var out bytes.Buffer
	p := &Progress{Out: &out, TTY: true}
	p.start(200, true)
	p.add(50)
	p.began = time.Now().Add(-10 * time.Second) // 5 articles/s
	l := p.line()
	for _, want := range []string{"[======", "50/200 articles (25%)", "5.0/s", "ETA 30s"} {
		if !strings.Contains(l, want) {
			t.Errorf("bar %q lacks %q", l, want)
		}
	}
	p.stop()
	if !strings.HasSuffix(out.String(), "\n") || !strings.Contains(out.String(), "\r\033[K") {
		t.Errorf("terminal output %q: want redraws and a final newline", out.String())
	}

	out.Reset()
	plain := &Progress{Out: &out, Every: 10 * time.Millisecond}
	plain.start(0, false) // standard input: no total, no ETA
	plain.add(3)
	time.Sleep(50 * time.Millisecond)
	plain.stop()
	if !strings.Contains(out.String(), "load: 3 articles") || strings.Contains(out.String(), "\r") || strings.Contains(out.String(), "ETA") {
		t.Errorf("plain output %q", out.String())
	}
	var none *Progress // a nil Progress reports nothing
	none.start(1, true)
	none.add(1)
	none.stop()
}

package ingest

import (
	"fmt"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/warc"
)

// isWARC reports whether a file is a web archive by its name.
func isWARC(name string) bool {
	name = strings.ToLower(name)
	return strings.HasSuffix(name, ".warc") || strings.HasSuffix(name, ".warc.gz")
}

// readWARC sends the web pages of a web archive to be read, each with the
// URL and date of its record; it returns false when the load stops. An
// archive that cannot be read on is one failure: the pages before it go
// on to be loaded.
func readWARC(name string, max int, send func(item) bool) bool {
	f, err := os.Open(name)
	if err != nil {
		return send(item{origin: name, err: err})
	}
	defer f.Close()
	stopped, pages := false, 0
	err = warc.Pages(f, max, func(p warc.Page) bool {
		pages++
		it := item{origin: name + " " + p.URL, page: p.HTML, url: p.URL, fetched: p.Date, err: p.Err}
		if !send(it) {
			stopped = true
			return false
		}
		return true
	})
	if stopped {
		return false
	}
	if err != nil {
		return send(item{origin: name, err: fmt.Errorf("read web archive: %w", err)})
	}
	if pages == 0 {
		// as for an empty text file: nothing says otherwise that the
		// archive held nothing to load
		return send(item{origin: name, err: kg.Errorf(kg.EINVALID, "web archive holds no web pages (HTML responses with status 200)")})
	}
	return true
}

// countWARC is how many pages a web archive holds (reading it through,
// without keeping its pages).
func countWARC(name string) int {
	f, err := os.Open(name)
	if err != nil {
		return 1
	}
	defer f.Close()
	n := 0
	_ = warc.Pages(f, 0, func(warc.Page) bool { n++; return true })
	return max(n, 1)
}

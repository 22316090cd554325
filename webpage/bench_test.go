package webpage

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRead reads the pages of the directory named by
// NEWSGRAPH_WEB_PAGES (*.html; an absolute path, or one relative to this
// package's directory), or else the test page written by this package's
// tests: go test ./webpage -bench Read -run '^$'. One op is one page.
func BenchmarkRead(b *testing.B) {
	var pages [][]byte
	if dir := os.Getenv("NEWSGRAPH_WEB_PAGES"); dir != "" {
		names, _ := filepath.Glob(filepath.Join(dir, "*.html"))
		for _, n := range names {
			p, err := os.ReadFile(n)
			if err != nil {
				b.Fatal(err)
			}
			pages = append(pages, p)
		}
		if len(pages) == 0 {
			// go test runs in the package's directory: a relative path
			// is taken from there.
			b.Fatalf("no *.html in %s", dir)
		}
	}
	if len(pages) == 0 {
		pages = [][]byte{[]byte(testPage)}
	}
	var size int64
	for _, p := range pages {
		size += int64(len(p))
	}
	b.SetBytes(size / int64(len(pages)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, _ = Read(bytes.NewReader(pages[i%len(pages)]), Options{AnyLanguage: true})
	}
}

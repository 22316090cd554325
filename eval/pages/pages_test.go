package pages

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The scoring rule on a page written here: snippets in and out of the
// main text, title and date.
func TestEval(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "html"), 0o755)
	os.WriteFile(filepath.Join(dir, "html", "a.html"), []byte("<html>page</html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "evaldata.json"), []byte(`{"https://x.example/a": {"file": "a.html",
		"with": ["The bridge was closed", "Engineers will inspect"], "without": ["Top stories", "Subscribe"],
		"title": "Storm closes bridge", "date": "2024-03-14", "author": "Maria Okafor"}}`), 0o644)
	set, err := Load(dir)
	if err != nil || len(set) != 1 || set[0].URL != "https://x.example/a" {
		t.Fatalf("Load: %+v, %v", set, err)
	}
	read := func(b []byte, u string) (Result, error) {
		return Result{Title: "Storm  closes bridge", Text: "The  bridge was closed.\nTop stories", Date: time.Date(2024, 3, 14, 9, 0, 0, 0, time.UTC)}, nil
	}
	var w strings.Builder
	s, err := Eval(dir, set, read, &w)
	if err != nil {
		t.Fatal(err)
	}
	if s.TP != 1 || s.FN != 1 || s.FP != 1 || s.TN != 1 || s.TitlesRight != 1 || s.DatesRight != 1 || s.AuthorsRight != 0 {
		t.Errorf("score %+v", s)
	}
	if got, want := s.F1(), 0.5; got != want {
		t.Errorf("F1 = %v, want %v", got, want)
	}
	if !strings.Contains(w.String(), "B a.html\twith 1/2\twithout 1/2\ttitle ok\tdate ok\tauthor no") {
		t.Errorf("per-page line %q", w.String())
	}
}

// The halves are fixed by the file names, and together are the set.
func TestHalves(t *testing.T) {
	var set []Page
	for _, f := range []string{"a.html", "b.html", "c.html", "d.html", "e.html", "f.html", "g.html", "h.html"} {
		set = append(set, Page{File: f})
	}
	a, b := Halves(set)
	if len(a)+len(b) != len(set) || len(a) == 0 || len(b) == 0 {
		t.Fatalf("halves of %d pages: %d and %d", len(set), len(a), len(b))
	}
	for _, p := range a {
		if p.Half() != "A" {
			t.Errorf("%s in half A has Half %s", p.File, p.Half())
		}
	}
	if got, want := (Page{File: "a.html"}).Half(), "B"; got != want {
		t.Errorf("Half(a.html) = %s, want %s", got, want)
	}
}

// BenchmarkReaders reads the pages of the evaluation set named by
// NEWSGRAPH_WEB_PAGES (a directory with html/ and evaldata.json) with each
// reader; one op is one page:
//
//	NEWSGRAPH_WEB_PAGES=../shared/data/web-pages go test ./eval/pages -run '^$' -bench Readers -benchtime 162x
func BenchmarkReaders(b *testing.B) {
	dir := os.Getenv("NEWSGRAPH_WEB_PAGES")
	if dir == "" {
		b.Skip("NEWSGRAPH_WEB_PAGES not set")
	}
	names, _ := filepath.Glob(filepath.Join(dir, "html", "*.html"))
	var pages [][]byte
	for _, n := range names {
		p, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		b.Fatalf("no html/*.html in %s (a relative path is taken from the package's directory)", dir)
	}
	for _, r := range []struct {
		name string
		read Reader
	}{{"trafilatura", Trafilatura}, {"readability", Readability}} {
		b.Run(r.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				r.read(pages[i%len(pages)], "")
			}
		})
	}
}

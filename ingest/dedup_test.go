package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

const wireStory = `The harbour bridge was closed on Wednesday after winds of more than 120 kilometres an hour tore panels from its western span, the city's transport department said.
Engineers will inspect the bridge on Thursday morning, and the department expects it to reopen by the weekend if no structural damage is found.
Mayor Lena Brandt said the city would pay for ferries to carry commuters across the harbour until the bridge reopens.
The storm also cut power to about 4,000 homes in the northern suburbs, according to the electricity company, which said most would be reconnected by the evening.
Forecasters said the winds would ease overnight but warned of heavy rain on Friday in the hills north of the city.`

// The same wire story in two papers is stored once with its statements,
// and once as a copy linked to it, without statements of its own: its
// facts are not counted twice.
func TestLoadNearDuplicates(t *testing.T) {
	arts := []kg.ArticleJSON{
		{Title: "Storm closes harbour bridge", Source: "The Coastal Tribune", Text: wireStory},
		{Title: "Storm shuts bridge", Source: "Harbour Herald", URL: "https://herald.example.org/storm",
			Text: "By Wire Staff\n" + strings.Replace(wireStory, "kilometres", "km", 1) + "\nCopyright 2024 The Wire. All rights reserved."},
		{Title: "Ferries run", Source: "Harbour Herald", Text: "Commuters crowded onto ferries on Thursday as the harbour bridge stayed shut for a second day after the storm damaged its western span. " +
			"The ferry company added two boats to its morning timetable, and passengers said they waited up to forty minutes at the northern pier. " +
			"Shop owners near the bridge said trade had fallen sharply, and the chamber of commerce asked the city to waive parking fees in the old town until the bridge reopens."},
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for _, a := range arts {
		enc.Encode(a)
	}
	src := filepath.Join(t.TempDir(), "wire.jsonl")
	if err := os.WriteFile(src, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s := open(t, store.Config{Backend: store.Memory})
	// One worker: the first line is the original.
	sum, err := ingest.Run(ctx, ingest.Config{Sources: []string{src}, Workers: 1}, newLoader(t), s)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 3 || sum.Copies != 1 {
		t.Fatalf("summary %+v, want 3 created, 1 of them a copy", sum)
	}
	iris := s.IRIs()
	orig := iris.Article(kg.NormalizeText(arts[0].Text))
	cp, err := s.Article(ctx, iris.Article(kg.NormalizeText(arts[1].Text)))
	if err != nil {
		t.Fatal(err)
	}
	if cp.CopyOf != orig || cp.Source != "Harbour Herald" || cp.URL != "https://herald.example.org/storm" {
		t.Errorf("copy %+v, want a copy of %s with its own source and URL", cp, orig)
	}
	if sts, n, err := s.Statements(ctx, kg.StatementFilter{Article: cp.ID}, 0, 10); err != nil || n != 0 {
		t.Errorf("the copy has %d statements (%v), want none", n, sts)
	}
	if _, n, _ := s.Statements(ctx, kg.StatementFilter{Article: orig}, 0, 100); n == 0 {
		t.Error("the original has no statements")
	}
	// Loading again skips all three, copies included.
	again, err := ingest.Run(ctx, ingest.Config{Sources: []string{src}}, newLoader(t), s)
	if err != nil || again.Skipped != 3 {
		t.Errorf("second run %+v, %v", again, err)
	}
	// A later load finds a copy of a stored article with CopiesOfStored.
	later := filepath.Join(t.TempDir(), "later.jsonl")
	line, _ := json.Marshal(kg.ArticleJSON{Title: "Bridge closed", Source: "Evening Post", Text: "From our wires.\n" + wireStory})
	if err := os.WriteFile(later, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err = ingest.Run(ctx, ingest.Config{Sources: []string{later}, CopiesOfStored: true}, newLoader(t), s)
	if err != nil || sum.Created != 1 || sum.Copies != 1 {
		t.Errorf("later load: %+v, %v; want the article stored as a copy", sum, err)
	}
	// KeepCopies extracts the copy as an article of its own.
	s2 := open(t, store.Config{Backend: store.Memory})
	keep, err := ingest.Run(ctx, ingest.Config{Sources: []string{src}, KeepCopies: true}, newLoader(t), s2)
	if err != nil || keep.Created != 3 || keep.Copies != 0 {
		t.Errorf("KeepCopies: %+v, %v", keep, err)
	}
}

// A load's graph, as N-Quads: the oracle the tests below compare with.
func export(t *testing.T, s *store.Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.ExportNQuads(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// load runs a load into a new memory store and returns the store and
// the summary.
func load(t *testing.T, cfg ingest.Config) (*store.Store, ingest.Summary) {
	t.Helper()
	s := open(t, store.Config{Backend: store.Memory})
	sum, err := ingest.Run(context.Background(), cfg, newLoader(t), s)
	if err != nil {
		t.Fatal(err)
	}
	return s, sum
}

// files writes files (name: content) to a new directory and returns it.
func files(t *testing.T, contents map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, c := range contents {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// writeJSONLines writes articles to a JSON lines file and returns it.
func writeJSONLines(t *testing.T, arts []kg.ArticleJSON) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, a := range arts {
		if err := enc.Encode(a); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// syndicated is n generated articles and another outlet's copy (a line
// added) of every fourth: right after it, or after all n when atEnd.
func syndicated(t *testing.T, n int, atEnd bool) []kg.ArticleJSON {
	t.Helper()
	var out, copies []kg.ArticleJSON
	i := 0
	err := corpus.Generate(n, 7, func(a corpus.Article) error {
		out = append(out, a)
		if i%4 == 0 {
			c := a
			c.Title, c.Source = "Syndicated: "+a.Title, "Other Wire"
			c.Text = a.Text + "\n\nThis story was first published by Global Dispatch."
			if atEnd {
				copies = append(copies, c)
			} else {
				out = append(out, c)
			}
		}
		i++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return append(out, copies...)
}

// The same text twice in one load (two files, a page crawled twice) is
// one article, stored with its statements: the second is already there,
// not a copy of itself.
func TestLoadSameTextTwice(t *testing.T) {
	dir := files(t, map[string]string{"a.txt": wireStory, "b.txt": wireStory})
	for _, workers := range []int{1, 2, 4} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			s, sum := load(t, ingest.Config{Sources: []string{dir}, Workers: workers})
			if sum.Created != 1 || sum.Skipped != 1 || sum.Copies != 0 || sum.Statements == 0 {
				t.Errorf("summary %+v, want 1 created with its statements, 1 skipped, no copy", sum)
			}
			oracle, _ := load(t, ingest.Config{Sources: []string{filepath.Join(dir, "a.txt")}})
			if got, want := export(t, s), export(t, oracle); got != want {
				t.Errorf("graph of both files differs from the graph of the first alone:\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// A near-duplicate is checked as any article: one the loader refuses is a
// failure (it neither stops the load nor is stored), and it is never the
// original of a later copy; control characters are read as spaces in a
// copy as in an extracted article.
func TestLoadNearDuplicatesRefused(t *testing.T) {
	ctrl := strings.Replace(wireStory, "department", "depart\x01\x02ment", 1)
	for _, tc := range []struct {
		name   string
		files  map[string]string
		failed []string // files refused
		oracle []string // the files a clean load of would give the same graph
	}{
		{"refused original, invalid UTF-8",
			map[string]string{"a1.txt": strings.Replace(wireStory, "winds", "wind\xff", 1), "b2.txt": wireStory},
			[]string{"a1.txt"}, []string{"b2.txt"}},
		{"refused original, NUL bytes",
			map[string]string{"a1.txt": strings.Replace(wireStory, "winds", "wi\x00\x00nds", 1), "b2.txt": wireStory},
			[]string{"a1.txt"}, []string{"b2.txt"}},
		{"refused copy, invalid UTF-8",
			map[string]string{"a1.txt": wireStory, "b2.txt": strings.Replace(wireStory, "winds", "wind\xff", 1), "c3.txt": "Mexico sent troops to the border on Tuesday."},
			[]string{"b2.txt"}, []string{"a1.txt", "c3.txt"}},
		{"refused copy, NUL bytes",
			map[string]string{"a1.txt": wireStory, "b2.txt": strings.Replace(wireStory, "winds", "wi\x00\x00nds", 1)},
			[]string{"b2.txt"}, []string{"a1.txt"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := files(t, tc.files)
			s, sum := load(t, ingest.Config{Sources: []string{dir}, Workers: 2})
			if sum.Failed != len(tc.failed) || sum.Copies != 0 || sum.Created != len(tc.oracle) {
				t.Errorf("summary %+v, want %d failed, %d created, no copies", sum, len(tc.failed), len(tc.oracle))
			}
			for i, f := range tc.failed {
				if i < len(sum.Failures) && sum.Failures[i].Origin != filepath.Join(dir, f) {
					t.Errorf("failure %d is %s, want %s", i, sum.Failures[i].Origin, f)
				}
			}
			var srcs []string
			for _, f := range tc.oracle {
				srcs = append(srcs, filepath.Join(dir, f))
			}
			oracle, _ := load(t, ingest.Config{Sources: srcs})
			if got, want := export(t, s), export(t, oracle); got != want {
				t.Errorf("graph differs from a load of %v alone:\n%s\nwant\n%s", tc.oracle, got, want)
			}
		})
	}
	t.Run("control characters in a copy", func(t *testing.T) {
		dir := files(t, map[string]string{"a1.txt": wireStory, "b2.txt": ctrl})
		s, sum := load(t, ingest.Config{Sources: []string{dir}, Workers: 2})
		if sum.Created != 2 || sum.Copies != 1 {
			t.Fatalf("summary %+v, want 2 created, 1 a copy", sum)
		}
		id := s.IRIs().Article(kg.NormalizeText(strings.Replace(ctrl, "\x01\x02", "  ", 1)))
		cp, err := s.Article(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if cp.CopyOf == "" || strings.ContainsAny(cp.Text, "\x01\x02") {
			t.Errorf("copy of %q, text %q: want a copy with spaces for control characters", cp.CopyOf, cp.Text)
		}
	})
}

// A load that stopped part way and is run again gives the graph a load
// run once gives: the articles it skips as stored are still originals of
// the near-duplicates after them.
func TestResumedLoadFindsCopies(t *testing.T) {
	arts := syndicated(t, 24, true)
	all := writeJSONLines(t, arts)
	part := writeJSONLines(t, arts[:20]) // stopped before the copies
	clean, want := load(t, ingest.Config{Sources: []string{all}, Workers: 2})
	if want.Copies != 6 {
		t.Fatalf("clean load %+v, want 6 copies", want)
	}
	resumed, _ := load(t, ingest.Config{Sources: []string{part}, Workers: 2})
	sum, err := ingest.Run(context.Background(), ingest.Config{Sources: []string{all}, Workers: 2}, newLoader(t), resumed)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Skipped != 20 || sum.Created != len(arts)-20 || sum.Copies != 6 {
		t.Errorf("resumed load %+v, want the first 20 skipped, the rest created, 6 of them copies", sum)
	}
	if got, want := export(t, resumed), export(t, clean); got != want {
		t.Errorf("resumed load: %d bytes of N-Quads, a clean load: %d", len(got), len(want))
	}
}

// Which of two near-duplicates is the original does not depend on how
// the workers run: the first in input order is, and every load of the
// same input gives the same graph.
func TestNearDuplicatesInInputOrder(t *testing.T) {
	arts := syndicated(t, 24, false)
	src := writeJSONLines(t, arts)
	first, sum := load(t, ingest.Config{Sources: []string{src}, Workers: 1})
	if sum.Copies != 6 {
		t.Fatalf("summary %+v, want 6 copies", sum)
	}
	iris := first.IRIs()
	for i, a := range arts {
		if !strings.HasPrefix(a.Title, "Syndicated: ") {
			continue
		}
		cp, err := first.Article(context.Background(), iris.Article(kg.NormalizeText(a.Text)))
		if err != nil {
			t.Fatal(err)
		}
		if want := iris.Article(kg.NormalizeText(arts[i-1].Text)); cp.CopyOf != want {
			t.Errorf("%s: a copy of %q, want of the article before it, %s", a.Title, cp.CopyOf, want)
		}
	}
	want := export(t, first)
	for _, workers := range []int{2, 3, 4} {
		for run := range 3 {
			s, _ := load(t, ingest.Config{Sources: []string{src}, Workers: workers, Batch: 3})
			if got := export(t, s); got != want {
				t.Errorf("%d workers, run %d: %d bytes of N-Quads, one worker: %d", workers, run, len(got), len(want))
			}
		}
	}
}

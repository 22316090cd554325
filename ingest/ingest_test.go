package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

var (
	once sync.Once
	ld   *loader.Loader
)

func newLoader(t testing.TB) *loader.Loader {
	once.Do(func() {
		tg, err := pipeline.Default()
		if err != nil {
			t.Fatal(err)
		}
		ld = loader.New(tg, loader.Options{})
	})
	return ld
}

// jsonLines writes n generated articles to a file and returns its path.
func jsonLines(t *testing.T, n int, extra ...string) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	if err := corpus.Generate(n, 1, func(a corpus.Article) error { return enc.Encode(a) }); err != nil {
		t.Fatal(err)
	}
	for _, l := range extra {
		b.WriteString(l + "\n")
	}
	p := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func open(t *testing.T, cfg store.Config) *store.Store {
	t.Helper()
	s, err := store.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestLoadJSONLinesAndText(t *testing.T) {
	src := jsonLines(t, 30,
		`{"text": "no closing brace"`,
		`{"title": "no text"}`,
		`{"text": "Bad date.", "publishedAt": "yesterday"}`,
		``, // blank lines are skipped
		`{"text": "`+strings.Repeat("x", 5000)+`"}`,
	)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Mexico sent troops to the border on Tuesday."), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "skip.md"), []byte("not an article"), 0o644)
	s := open(t, store.Config{Backend: store.Memory})
	cfg := ingest.Config{Sources: []string{src, dir}, Batch: 7, MaxBytes: 4096, Workers: 3}
	sum, err := ingest.Run(context.Background(), cfg, newLoader(t), s)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sum.Created, 31; got != want { // 30 generated and a.txt
		t.Errorf("created %d, want %d: %+v", got, want, sum)
	}
	if got, want := sum.Failed, 5; got != want {
		t.Errorf("failed %d, want %d: %+v", got, want, sum.Failures)
	}
	reasons := ""
	for _, f := range sum.Failures {
		reasons += f.Origin + ": " + f.Reason + "\n"
	}
	for _, want := range []string{"articles.jsonl:31: not a JSON article", `articles.jsonl:32: no "text"`,
		"articles.jsonl:33: publishedAt", "articles.jsonl:35: article larger than 4096", "empty.txt: empty article"} {
		if !strings.Contains(reasons, want) {
			t.Errorf("no failure %q in\n%s", want, reasons)
		}
	}
	if sum.Statements == 0 || sum.Quads == 0 {
		t.Errorf("summary %+v", sum)
	}
	// Run again: everything is there already, nothing is written.
	again, err := ingest.Run(context.Background(), cfg, newLoader(t), s)
	if err != nil || again.Created != 0 || again.Skipped != 31 {
		t.Errorf("second run: %+v, %v; want all 31 skipped", again, err)
	}
}

// Two loaders on one PostgreSQL database at once, over the same articles:
// nothing lost, nothing written twice. The result is the same graph as
// one loader's on a memory store.
func TestConcurrentLoadersOnPostgres(t *testing.T) {
	url := storetest.PostgresDB(t)
	src := jsonLines(t, 60)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	sums := make([]ingest.Summary, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := open(t, store.Config{Backend: store.Postgres, Path: url}) // its own connections, as another process
			sums[i], errs[i] = ingest.Run(ctx, ingest.Config{Sources: []string{src}, Batch: 5, Workers: 2}, newLoader(t), s)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("loader %d: %v", i, err)
		}
	}
	if n := sums[0].Created + sums[1].Created; n < 60 {
		t.Errorf("created %d + %d, want at least the 60 articles", sums[0].Created, sums[1].Created)
	}
	pg := open(t, store.Config{Backend: store.Postgres, Path: url})
	mem := open(t, store.Config{Backend: store.Memory})
	if _, err := ingest.Run(ctx, ingest.Config{Sources: []string{src}}, newLoader(t), mem); err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := pg.ExportNQuads(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if err := mem.ExportNQuads(ctx, &b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("two concurrent loaders on PostgreSQL: %d bytes of N-Quads, one loader on memory: %d", a.Len(), b.Len())
	}
}

// A line longer than the limit is one failure; the lines after it load.
func TestLongLine(t *testing.T) {
	long := `{"text": "` + strings.Repeat("word ", 3000) + `"}`
	src := jsonLines(t, 2, long, `{"text": "Mexico sent troops to the border."}`)
	s := open(t, store.Config{Backend: store.Memory})
	sum, err := ingest.Run(context.Background(), ingest.Config{Sources: []string{src}, MaxBytes: 1000}, newLoader(t), s)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 3 || sum.Failed != 1 || !strings.Contains(sum.Failures[0].Reason, "longer than") {
		t.Errorf("summary %+v", sum)
	}
}

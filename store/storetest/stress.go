package storetest

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

// StressConfig sizes a Stress run.
type StressConfig struct {
	Base     int           // articles loaded first and never touched
	Writers  int           // clients that ingest and delete the pool
	Readers  int           // clients that only read
	Duration time.Duration // how long the clients run
	Seed     uint64
}

// Stress is the oracle test of concurrent use. It loads docs[:cfg.Base],
// then Writers clients ingest and delete the rest of docs (the pool, each
// article owned by one writer so that its expected state is known) while
// Readers clients read entities, statements, articles, edges and Gizmo
// results. Every answer of a write must match the expected state (an
// ingest creates exactly when the article is absent, a delete reports
// exactly whether it was present), no read may fail, and at the end the
// store's export must equal, quad for quad, that of a fresh store loaded
// with exactly the articles that should be present, with no malformed
// quad.
func Stress(t *testing.T, open Opener, docs []*kg.Document, cfg StressConfig) {
	t.Helper()
	if cfg.Base >= len(docs) {
		t.Fatalf("stress: %d documents leave no pool over a base of %d", len(docs), cfg.Base)
	}
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	if _, err := s.IngestBatch(ctx, docs[:cfg.Base]); err != nil {
		t.Fatalf("load the base: %v", err)
	}
	pool := docs[cfg.Base:]
	present := make([]bool, len(pool)) // each index written by one writer only
	var entityIDs []string
	for _, d := range docs {
		for _, e := range d.Entities {
			entityIDs = append(entityIDs, e.ID)
		}
	}

	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		failures []string
		writes   int
		reads    int
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(failures) < 20 {
			failures = append(failures, fmt.Sprintf(format, args...))
		}
	}
	deadline := time.Now().Add(cfg.Duration)
	for w := 0; w < cfg.Writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(cfg.Seed, uint64(w)))
			var mine []int
			for i := w; i < len(pool); i += cfg.Writers {
				mine = append(mine, i)
			}
			n := 0
			for ; time.Now().Before(deadline) && len(mine) > 0; n++ {
				i := mine[r.IntN(len(mine))]
				d := pool[i]
				if r.IntN(2) == 0 {
					res, err := s.Ingest(ctx, d)
					if err != nil {
						fail("ingest %s: %v", d.Article.ID, err)
						continue
					}
					if res.Created == present[i] {
						fail("ingest %s: created %v, but the article was present: %v", d.Article.ID, res.Created, present[i])
					}
					present[i] = true
				} else {
					ok, err := s.DeleteArticle(ctx, d.Article.ID)
					if err != nil {
						fail("delete %s: %v", d.Article.ID, err)
						continue
					}
					if ok != present[i] {
						fail("delete %s: answered %v, but the article was present: %v", d.Article.ID, ok, present[i])
					}
					present[i] = false
				}
			}
			mu.Lock()
			writes += n
			mu.Unlock()
		}()
	}
	for rd := 0; rd < cfg.Readers; rd++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(cfg.Seed, 1000+uint64(rd)))
			n := 0
			for ; time.Now().Before(deadline); n++ {
				id := entityIDs[r.IntN(len(entityIDs))]
				var err error
				switch r.IntN(7) {
				case 0:
					_, err = s.Entity(ctx, id)
					if kg.ErrorCode(err) == kg.ENOTFOUND {
						err = nil // deleted with its last article
					}
				case 1:
					_, _, err = s.Statements(ctx, kg.StatementFilter{Subject: id}, 0, 20)
				case 2:
					_, _, err = s.Edges(ctx, id, r.IntN(2) == 0, 20)
				case 3:
					_, err = s.Mentions(ctx, id)
				case 4:
					_, _, err = s.Articles(ctx, r.IntN(10), 5)
				case 5:
					_, _, err = s.SearchEntities(ctx, id[strings.LastIndexByte(id, '/')+1:][:2], "", 0, 5)
				case 6:
					_, err = s.Gizmo(ctx, fmt.Sprintf(`g.V(%q).Out().Out().All()`, id), 50)
				}
				if err != nil {
					fail("read %s: %v", id, err)
				}
			}
			mu.Lock()
			reads += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	t.Logf("stress: %d writes and %d reads by %d writers and %d readers in %v", writes, reads, cfg.Writers, cfg.Readers, cfg.Duration)
	for _, f := range failures {
		t.Error(f)
	}

	want := append([]*kg.Document(nil), docs[:cfg.Base]...)
	for i, ok := range present {
		if ok {
			want = append(want, pool[i])
		}
	}
	// The adjacency index the readers' walks built, kept current by the
	// writers, holds what a full build holds.
	if err := s.VerifyAdjacency(ctx); err != nil {
		t.Error(err)
	}
	oracle := open(t)
	defer oracle.Close()
	if _, err := oracle.IngestBatch(ctx, want); err != nil {
		t.Fatalf("load the oracle: %v", err)
	}
	got, wantQ := exportLines(t, s), exportLines(t, oracle)
	if missing, extra := diffLines(wantQ, got); len(missing)+len(extra) > 0 {
		t.Errorf("the stressed store differs from a fresh load of its %d articles: %d quads missing, %d extra", len(want), len(missing), len(extra))
		for i, l := range missing {
			if i == 5 {
				break
			}
			t.Errorf("missing: %s", l)
		}
		for i, l := range extra {
			if i == 5 {
				break
			}
			t.Errorf("extra:   %s", l)
		}
	}
}

// exportLines is the store's N-Quads export, one line a quad, sorted;
// a line that does not parse back fails the test.
func exportLines(t *testing.T, s *store.Store) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.ExportNQuads(context.Background(), &buf); err != nil {
		t.Fatalf("export: %v", err)
	}
	lines := quadLines(buf.String())
	bad := 0
	for _, l := range lines {
		if _, err := nquads.NewReader(strings.NewReader(l+"\n"), false).ReadQuad(); err != nil || strings.Contains(l, "%!") {
			if bad < 5 {
				t.Errorf("malformed quad in the export: %q (%v)", l, err)
			}
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("%d malformed quads in the export", bad)
	}
	sort.Strings(lines)
	return lines
}

// diffLines compares two sorted lists.
func diffLines(want, got []string) (missing, extra []string) {
	i, j := 0, 0
	for i < len(want) || j < len(got) {
		switch {
		case j == len(got) || (i < len(want) && want[i] < got[j]):
			missing = append(missing, want[i])
			i++
		case i == len(want) || got[j] < want[i]:
			extra = append(extra, got[j])
			j++
		default:
			i++
			j++
		}
	}
	return missing, extra
}

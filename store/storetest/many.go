package storetest

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

// ManyWriters is the oracle test of several processes on one graph (a
// shared PostgreSQL database): handle opens another store on the graph,
// as another process would. Loaders ingest overlapping shares of docs at
// once, each article by more than one loader for a part of them, then
// delete some while the others go on, and servers read all along; at the
// end every article was created by exactly one loader, no operation
// failed, the graph exports exactly what a fresh store (fresh) loaded with
// the articles left exports, and every server's link index, kept by the
// change log, equals a full build within 2 s (the other loaders' too).
func ManyWriters(t *testing.T, handle, fresh Opener, docs []*kg.Document, loaders, servers int) {
	t.Helper()
	if loaders < 2 || len(docs) < 4*loaders {
		t.Fatalf("many writers: %d loaders on %d documents", loaders, len(docs))
	}
	ctx := context.Background()
	ls := make([]*store.Store, loaders)
	for i := range ls {
		ls[i] = handle(t)
		defer ls[i].Close()
	}
	ss := make([]*store.Store, servers)
	for i := range ss {
		ss[i] = handle(t)
		defer ss[i].Close()
		if _, _, err := ss[i].Edges(ctx, "x", true, 1); err != nil { // serving, and walking, before the loads
			t.Fatal(err)
		}
		if _, _, err := ss[i].SearchEntities(ctx, "x", "", 0, 1); err != nil { // serving before the loads
			t.Fatal(err)
		}
	}
	var (
		mu       sync.Mutex
		failures []string
		created  = make([]int, len(docs))
		reads    atomic.Int64
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(failures) < 20 {
			failures = append(failures, fmt.Sprintf(format, args...))
		}
	}
	// Servers read until the loaders are done.
	stop := make(chan struct{})
	var readers sync.WaitGroup
	for i, s := range ss {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				d := docs[(n*7+i)%len(docs)]
				if len(d.Entities) > 0 {
					e := d.Entities[0]
					if _, _, err := s.SearchEntities(ctx, e.Name, "", 0, 5); err != nil {
						fail("server %d: search %q: %v", i, e.Name, err)
					}
					if _, err := s.Entity(ctx, e.ID); err != nil && kg.ErrorCode(err) != kg.ENOTFOUND {
						fail("server %d: entity %s: %v", i, e.ID, err)
					}
				}
				if _, _, err := s.Statements(ctx, kg.StatementFilter{}, 0, 10); err != nil {
					fail("server %d: statements: %v", i, err)
				}
				reads.Add(1)
			}
		}()
	}
	// Loader l ingests its share and the next loader's first half, in
	// batches of one or two, each at the same time as the others.
	share := len(docs) / loaders
	var wg sync.WaitGroup
	for l, s := range ls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			from, to := l*share, (l+1)*share+share/2
			for i := from; i < to; i += 2 {
				var batch []int
				for j := i; j < i+2 && j < to; j++ {
					batch = append(batch, j%len(docs))
				}
				var bd []*kg.Document
				for _, j := range batch {
					bd = append(bd, docs[j])
				}
				res, err := s.IngestBatch(ctx, bd)
				if err != nil {
					fail("loader %d: ingest: %v", l, err)
					continue
				}
				mu.Lock()
				for k, r := range res {
					if r.Created {
						created[batch[k]]++
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	for i, n := range created {
		if n != 1 {
			fail("article %d created %d times, want once", i, n)
		}
	}
	// Then each loader deletes the first quarter of its share while the
	// next one ingests its share again (changing nothing).
	deleted := map[int]bool{}
	for l := range ls {
		for i := l * share; i < l*share+share/4; i++ {
			deleted[i] = true
		}
	}
	for l, s := range ls {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := l * share; i < l*share+share/4; i++ {
				if ok, err := s.DeleteArticle(ctx, docs[i].Article.ID); err != nil || !ok {
					fail("loader %d: delete %d: %v, %v", l, i, ok, err)
				}
			}
		}()
		go func() {
			defer wg.Done()
			next := ls[(l+1)%len(ls)]
			for i := l * share; i < (l+1)*share; i++ {
				if deleted[i] {
					continue
				}
				if r, err := next.Ingest(ctx, docs[i]); err != nil || r.Created {
					fail("loader %d: ingest %d again: created %v, %v", (l+1)%len(ls), i, r.Created, err)
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	readers.Wait()
	t.Logf("many writers: %d loaders, %d servers, %d reads", loaders, servers, reads.Load())
	for _, f := range failures {
		t.Error(f)
	}

	var want []*kg.Document
	for i, d := range docs {
		if !deleted[i] && i < loaders*share {
			want = append(want, d)
		}
	}
	oracle := fresh(t)
	defer oracle.Close()
	if _, err := oracle.IngestBatch(ctx, want); err != nil {
		t.Fatalf("load the oracle: %v", err)
	}
	wantQ := exportLines(t, oracle)
	// One export reads the shared graph (its sameAs links come from the
	// exporting store's link index; the servers' are checked below).
	got := exportLines(t, ls[0])
	if missing, extra := diffLines(wantQ, got); len(missing)+len(extra) > 0 {
		t.Errorf("the graph differs from a fresh load of its %d articles: %d quads missing, %d extra (e.g. %q, %q)",
			len(want), len(missing), len(extra), first(missing), first(extra))
	}
	for i, s := range append(append([]*store.Store(nil), ls[1:]...), ss...) {
		if _, err := waitFor(2*time.Second, func() (bool, error) { return s.VerifyLinks(ctx) == nil, nil }); err != nil {
			t.Errorf("store %d: %v", i+1, s.VerifyLinks(ctx))
		}
		if _, err := waitFor(2*time.Second, func() (bool, error) { return s.VerifyAdjacency(ctx) == nil, nil }); err != nil {
			t.Errorf("store %d: %v", i+1, s.VerifyAdjacency(ctx))
		}
	}
}

func first(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}

package store_test

import (
	"bytes"
	"context"
	"log"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// Opening an existing PostgreSQL graph creates nothing and logs nothing
// (Cayley's table creation logged "Cannot create nodes table ... database
// already exists" on every open).
func TestPostgresReopenIsQuiet(t *testing.T) {
	url := storetest.PostgresDB(t)
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	for i := 0; i < 3; i++ {
		s, err := store.Open(store.Config{Backend: store.Postgres, Path: url})
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		if _, err := s.Ingest(context.Background(), storetest.Doc(s.IRIs(), "Mexico sent troops. Blinken met Mexico.", i == 0)); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	if logged.Len() > 0 {
		t.Errorf("opening an existing graph logged:\n%s", logged.String())
	}
}

// A read-only store creates nothing: on a database without a graph it
// says so, and it refuses writes.
func TestPostgresReadOnly(t *testing.T) {
	url := storetest.PostgresDB(t)
	if _, err := store.Open(store.Config{Backend: store.Postgres, Path: url, ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "no newsgraph graph") {
		t.Fatalf("read-only open of an empty database: %v, want no graph", err)
	}
	w, err := store.Open(store.Config{Backend: store.Postgres, Path: url})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	r, err := store.Open(store.Config{Backend: store.Postgres, Path: url, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := r.Ingest(context.Background(), storetest.Doc(r.IRIs(), "Mexico sent troops.", false)); kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("ingest into a read-only store: %v, want EINVALID", err)
	}
}

// openPostgres opens the graph at url as a process of its own would,
// closed when the test ends.
func openPostgres(t *testing.T, url string) *store.Store {
	t.Helper()
	s, err := store.Open(store.Config{Backend: store.Postgres, Path: url})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Two processes on one database: what one writes, the other's search
// finds within 2 s, and what one deletes, the other no longer finds.
func TestPostgresSharedDatabase(t *testing.T) {
	url := storetest.PostgresDB(t)
	writer, reader := openPostgres(t, url), openPostgres(t, url)
	storetest.Fresh(t, writer, reader, 2*time.Second, 5)
}

// Two loaders and two servers on one PostgreSQL graph give the graph one
// loader gives (storetest.ManyWriters).
func TestPostgresManyWriters(t *testing.T) {
	docs := stressDocuments(t)
	url := storetest.PostgresDB(t)
	handle := func(t *testing.T) *store.Store {
		s, err := store.Open(store.Config{Backend: store.Postgres, Path: url})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	storetest.ManyWriters(t, handle, opener(store.Postgres), docs, 2, 2)
}

// A store on a hot standby answers with what is written through the
// primary, deletions included, within 2 s.
func TestPostgresReplica(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two PostgreSQL clusters")
	}
	primary, replica := openReplicated(t)
	storetest.Fresh(t, primary, replica, 2*time.Second, 5)
}

// BenchmarkStaleness measures how long a change made through one store
// takes to show through another: a second handle on the same database
// (another process) and a store on a streaming hot standby. Each run
// makes 50 ingests and 50 deletions and reports their p50 and p99 in ms.
//
//	go test -run - -bench Staleness -benchtime 1x ./store   # with NEWSGRAPH_TEST_POSTGRES set
func BenchmarkStaleness(b *testing.B) {
	report := func(b *testing.B, ins, del []time.Duration) {
		ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
		b.ReportMetric(ms(storetest.Percentile(ins, 50)), "ingest-p50-ms")
		b.ReportMetric(ms(storetest.Percentile(ins, 99)), "ingest-p99-ms")
		b.ReportMetric(ms(storetest.Percentile(del, 50)), "delete-p50-ms")
		b.ReportMetric(ms(storetest.Percentile(del, 99)), "delete-p99-ms")
	}
	b.Run("shared", func(b *testing.B) {
		url := storetest.PostgresDB(b)
		var ins, del []time.Duration
		for i := 0; i < b.N; i++ {
			w, err := store.Open(store.Config{Backend: store.Postgres, Path: url})
			if err != nil {
				b.Fatal(err)
			}
			r, err := store.Open(store.Config{Backend: store.Postgres, Path: url})
			if err != nil {
				b.Fatal(err)
			}
			a, d := storetest.Fresh(b, w, r, 5*time.Second, 50)
			ins, del = append(ins, a...), append(del, d...)
			w.Close()
			r.Close()
		}
		report(b, ins, del)
	})
	b.Run("replica", func(b *testing.B) {
		w, r := openReplicated(b)
		var ins, del []time.Duration
		for i := 0; i < b.N; i++ {
			a, d := storetest.Fresh(b, w, r, 5*time.Second, 50)
			ins, del = append(ins, a...), append(del, d...)
		}
		report(b, ins, del)
	})
}

// A process that finds entries of the change log missing (trimmed while
// it was stopped) builds its link index again instead of serving one that
// misses them.
func TestPostgresTrimmedChangesRebuild(t *testing.T) {
	url := storetest.PostgresDB(t)
	w, r := openPostgres(t, url), openPostgres(t, url)
	ctx := context.Background()
	if _, _, err := r.SearchEntities(ctx, "x", "", 0, 1); err != nil { // builds r's index
		t.Fatal(err)
	}
	store.StopWatching(r) // r is stopped while the log moves on and is trimmed
	for _, text := range []string{"Mexico sent troops.", "Mexico sent more troops."} {
		if _, err := w.Ingest(ctx, storetest.Doc(w.IRIs(), text, false)); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.ExecSQL(w, `DELETE FROM newsgraph_changes WHERE seq = 1`); err != nil {
		t.Fatal(err)
	}
	if err := store.ApplyChanges(r); err != nil {
		t.Fatal(err)
	}
	if store.HasLinkIndex(r) {
		t.Fatal("the index was kept over a gap in the change log")
	}
	hits, _, err := r.SearchEntities(ctx, "Mexico", kg.GPE, 0, 5)
	if err != nil || len(hits) != 1 {
		t.Errorf("search after the rebuild: %d hits, %v; want Mexico", len(hits), err)
	}
}

// openReplicated starts a primary and a streaming standby (storetest.Replicated)
// and opens a store on each, the standby's read-only, once it has replayed
// the primary's schema; both are closed when tb ends.
func openReplicated(tb testing.TB) (primary, replica *store.Store) {
	tb.Helper()
	primaryURL, standbyURL := storetest.Replicated(tb)
	primary, err := store.Open(store.Config{Backend: store.Postgres, Path: primaryURL})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { primary.Close() })
	storetest.WaitReplayed(tb, primaryURL, standbyURL)
	replica, err = store.Open(store.Config{Backend: store.Postgres, Path: standbyURL, ReadOnly: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { replica.Close() })
	return primary, replica
}

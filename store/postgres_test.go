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

// Two processes on one database: what one writes, the other's search
// finds within 2 s, and what one deletes, the other no longer finds.
func TestPostgresSharedDatabase(t *testing.T) {
	url := storetest.PostgresDB(t)
	open := func() *store.Store {
		s, err := store.Open(store.Config{Backend: store.Postgres, Path: url})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	writer, reader := open(), open()
	storetest.Fresh(t, writer, reader, 2*time.Second)
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
	primaryURL, standbyURL := storetest.Replicated(t)
	primary, err := store.Open(store.Config{Backend: store.Postgres, Path: primaryURL})
	if err != nil {
		t.Fatal(err)
	}
	defer primary.Close()
	storetest.WaitReplayed(t, primaryURL, standbyURL)
	replica, err := store.Open(store.Config{Backend: store.Postgres, Path: standbyURL, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer replica.Close()
	storetest.Fresh(t, primary, replica, 2*time.Second)
}

package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

func TestConformance(t *testing.T) {
	for _, backend := range []string{store.Memory, store.Bolt, store.LevelDB, store.Postgres} {
		t.Run(backend, func(t *testing.T) {
			storetest.Run(t, opener(backend))
		})
	}
}

// opener opens empty stores of one backend; on PostgreSQL it skips
// without a server.
func opener(backend string) storetest.Opener {
	return func(t *testing.T) *store.Store {
		t.Helper()
		path := t.TempDir()
		if backend == store.Postgres {
			path = storetest.PostgresDB(t) // skips without a server
		}
		s, err := store.Open(store.Config{Backend: backend, Path: path})
		if err != nil {
			t.Fatalf("open %s: %v", backend, err)
		}
		return s
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := store.Open(store.Config{Backend: "nosuch"}); err == nil {
		t.Error("unknown backend: no error")
	}
	if _, err := store.Open(store.Config{Backend: store.Bolt}); err == nil {
		t.Error("bbolt without a path: no error")
	}
}

func TestReopen(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(store.Config{Backend: store.Bolt, Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = store.Open(store.Config{Backend: store.Bolt, Path: dir})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	s.Close()
}

// A Gizmo query that never ends is interrupted when its context ends.
func TestGizmoInterrupted(t *testing.T) {
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, err := s.Gizmo(ctx, `while (true) {}`, 10); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("endless query: %v, want the deadline", err)
	}
}

// A bbolt database another process (or store) holds is refused clearly,
// instead of waiting for its lock forever.
func TestBoltInUse(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(store.Config{Backend: store.Bolt, Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := store.Open(store.Config{Backend: store.Bolt, Path: dir}); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("second open: %v, want an in-use error", err)
	}
}

package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

func TestConformance(t *testing.T) {
	for _, backend := range []string{store.Memory, store.Bolt, store.LevelDB, store.Postgres} {
		t.Run(backend, func(t *testing.T) {
			t.Parallel()
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

// Open creates nothing for a read-only use, and refuses a directory that
// holds another backend's database (Cayley would make a second, empty
// one beside it).
func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	bolt := filepath.Join(dir, "bolt.db")
	s, err := store.Open(store.Config{Backend: store.Bolt, Path: bolt})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, tc := range []struct {
		name string
		cfg  store.Config
		code string
		msg  string
	}{
		{"read-only, no such path", store.Config{Backend: store.Bolt, Path: filepath.Join(dir, "typo", "x"), ReadOnly: true}, kg.ENOTFOUND, "no database at"},
		{"read-only, empty directory", store.Config{Backend: store.LevelDB, Path: t.TempDir(), ReadOnly: true}, kg.ENOTFOUND, "no database at"},
		{"leveldb on a bbolt database", store.Config{Backend: store.LevelDB, Path: bolt}, kg.EINVALID, "is a bbolt database, not leveldb"},
		{"read-only leveldb on a bbolt database", store.Config{Backend: store.LevelDB, Path: bolt, ReadOnly: true}, kg.EINVALID, "is a bbolt database"},
		{"read-only memory", store.Config{Backend: store.Memory, ReadOnly: true}, kg.EINVALID, "memory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := store.Open(tc.cfg)
			if err == nil {
				s.Close()
			}
			if kg.ErrorCode(err) != tc.code || err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("Open: %v, want %s %q", err, tc.code, tc.msg)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "typo")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a read-only open created %s (%v)", filepath.Join(dir, "typo"), err)
	}
	if _, err := os.Stat(filepath.Join(bolt, ".newsgraph-leveldb")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a leveldb store was made inside the bbolt database (%v)", err)
	}
	s, err = store.Open(store.Config{Backend: store.Bolt, Path: bolt, ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open of the database: %v", err)
	}
	s.Close()
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
	if _, err := store.Open(store.Config{Backend: store.Bolt, Path: dir}); !errors.Is(err, store.ErrInUse) || !strings.Contains(err.Error(), dir) {
		t.Errorf("second open: %v, want store.ErrInUse naming %s", err, dir)
	}
}

// An ingest that times out while another write holds the lock gives up
// and writes nothing, even once the lock is free: it is never committed
// after its caller was told it timed out.
func TestIngestTimesOutWaiting(t *testing.T) {
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	release := store.HoldWrites(s)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	d := storetest.Doc(s.IRIs(), "Mexico sent troops. Blinken met Mexico.", true)
	res, err := s.Ingest(ctx, d)
	release()
	if !errors.Is(err, context.DeadlineExceeded) || res.Created {
		t.Fatalf("ingest behind a held lock = %+v, %v; want the deadline and nothing created", res, err)
	}
	if ok, err := s.HasArticle(context.Background(), d.Article.ID); ok || err != nil {
		t.Errorf("the timed-out ingest was written after all: %v, %v", ok, err)
	}
	ok, err := s.DeleteArticle(ctx, d.Article.ID)
	if ok || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("delete with an ended context = %v, %v; want the deadline", ok, err)
	}
}

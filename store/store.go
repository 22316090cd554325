package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cayleygraph/cayley/graph"
	cayleykv "github.com/cayleygraph/cayley/graph/kv"
	cayleybolt "github.com/cayleygraph/cayley/graph/kv/bbolt" // the default embedded backend
	cayleyleveldb "github.com/cayleygraph/cayley/graph/kv/leveldb"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // Cayley's SQL backend, PostgreSQL flavor
	hkv "github.com/hidal-go/hidalgo/kv"
	"go.etcd.io/bbolt"
	bbolterrors "go.etcd.io/bbolt/errors"

	"github.com/newsgraph/newsgraph/kg"
)

// nodesLabel (under the base IRI) labels the quads that say what an
// entity, a value or a statement is: stored once for every article.
const nodesLabel = "graph/nodes"

// Backends that Open accepts.
const (
	Bolt     = "bbolt"
	LevelDB  = "leveldb"
	Memory   = "memory"
	Postgres = "postgres"
)

// Config says which backend to open and where.
type Config struct {
	Backend string // Bolt (default), LevelDB, Memory or Postgres
	Path    string // directory of the database; a postgres:// URL for Postgres; ignored for Memory
	Base    string // base IRI of instance data
	// ReadOnly opens an existing graph for reading only: writes are
	// refused and nothing is created (a path with no database is
	// ENOTFOUND, a memory store EINVALID). On PostgreSQL it is how a
	// server opens a hot standby.
	ReadOnly bool
}

// Store is a newsgraph graph in a Cayley quad store. It is safe for
// concurrent use.
type Store struct {
	// qs is the quad store that writes. On the key-value backends
	// readers use quad stores of their own over the same database
	// (readers.go); on the others qs serves everyone.
	qs      graph.QuadStore
	kvdb    hkv.KV
	readers atomic.Pointer[readQuadStore]
	iris    kg.IRIs
	// writeLock (one token) serializes writes: the check-then-write of
	// ingest, so that two concurrent ingests of one article write it
	// once, and deletions. A channel, so that a writer waiting for it
	// gives up when its context ends.
	writeLock chan struct{}
	// linkIdx joins entities across articles (link.go): built on first
	// use, then kept current by every write, this process's and (on
	// PostgreSQL) others' (changes.go). linkMu serializes its building
	// and updates.
	linkIdx atomic.Pointer[linkIndex]
	linkMu  sync.Mutex
	// adjIdx holds every statement as an edge by its ends (adjacency.go),
	// built on first use and kept current like linkIdx; adjMu serializes
	// its building and updates.
	adjIdx atomic.Pointer[adjacency]
	adjMu  sync.Mutex
	// watch follows the change log of a shared database (changes.go).
	watch watcher
	// bulk, for PostgreSQL, writes with COPY (bulk.go); path is the
	// database's URL.
	bulk     *sqlBulk
	path     string
	readOnly bool
	// preds names predicate references (Ref.Key -> quad.Value): the
	// vocabulary is small and a reference always names the same value.
	preds sync.Map
	// memMu guards Cayley's memory store, which is not safe for reads
	// during writes (the other backends are transactional): reads hold it
	// shared, writes alone. Unused for the other backends.
	memMu  sync.RWMutex
	memory bool
}

// reading and writing take memMu for the memory backend; they return the
// unlock.
func (s *Store) reading() func() {
	if !s.memory {
		return func() {}
	}
	s.memMu.RLock()
	return s.memMu.RUnlock
}

func (s *Store) writing() func() {
	if !s.memory {
		return func() {}
	}
	s.memMu.Lock()
	return s.memMu.Unlock
}

// Open opens (creating if needed, unless cfg.ReadOnly) the store cfg
// names. A directory that holds a database of another backend is refused
// (EINVALID), as Cayley would make a second, empty one beside it.
func Open(cfg Config) (*Store, error) {
	s, err := open(cfg)
	if err != nil {
		return nil, err
	}
	s.readOnly = cfg.ReadOnly
	return s, nil
}

func open(cfg Config) (*Store, error) {
	iris := kg.NewIRIs(cfg.Base)
	switch cfg.Backend {
	case "", Bolt, "bolt":
		cfg.Backend = Bolt
	case LevelDB, Memory:
	case Postgres:
		return openSQL(cfg, iris)
	default:
		return nil, kg.Errorf(kg.EINVALID, "unknown backend %q (want bbolt, leveldb, memory or postgres)", cfg.Backend)
	}
	name := cfg.Backend
	if name == Memory {
		if cfg.ReadOnly {
			return nil, kg.Errorf(kg.EINVALID, "a memory store starts empty and keeps nothing: there is nothing to read")
		}
		qs, err := graph.NewQuadStore("memstore", "", nil)
		if err != nil {
			return nil, fmt.Errorf("open memory store: %w", err)
		}
		return newStore(qs, iris, func(s *Store) { s.memory = true }), nil
	}
	if cfg.Path == "" {
		return nil, kg.Errorf(kg.EINVALID, "the %s backend needs a database path", name)
	}
	switch kind := kindAt(cfg.Path); {
	case kind != "" && kind != name:
		return nil, kg.Errorf(kg.EINVALID, "%s is a %s database, not %s", cfg.Path, kind, name)
	case kind == "" && cfg.ReadOnly:
		return nil, kg.Errorf(kg.ENOTFOUND, "no database at %s", cfg.Path)
	}
	if err := os.MkdirAll(cfg.Path, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", cfg.Path, err)
	}
	marker := filepath.Join(cfg.Path, ".newsgraph-"+name)
	if _, err := os.Stat(marker); errors.Is(err, os.ErrNotExist) {
		if err := graph.InitQuadStore(name, cfg.Path, nil); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			return nil, fmt.Errorf("initialize %s store at %s: %w", name, cfg.Path, err)
		}
		if err := os.WriteFile(marker, []byte("newsgraph store\n"), 0o644); err != nil {
			return nil, fmt.Errorf("mark %s: %w", cfg.Path, err)
		}
	}
	if name == Bolt {
		if err := boltFree(filepath.Join(cfg.Path, "indexes.bolt")); err != nil {
			return nil, err
		}
	}
	openKV := cayleybolt.Open
	if name == LevelDB {
		openKV = cayleyleveldb.Open
	}
	db, err := openKV(cfg.Path, kvOptions)
	if err != nil {
		return nil, fmt.Errorf("open %s store at %s: %w", name, cfg.Path, err)
	}
	qs, err := cayleykv.New(db, kvOptions)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s store at %s: %w", name, cfg.Path, err)
	}
	s := newStore(qs, iris, func(s *Store) { s.kvdb = db })
	if err := s.renewReaders(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s store at %s: %w", name, cfg.Path, err)
	}
	return s, nil
}

// kindAt is the backend of the database in directory path (Bolt or
// LevelDB), "" when there is none: the marker Open leaves, or failing
// that (a database Cayley made) the files the backend keeps.
func kindAt(path string) string {
	for _, kind := range []string{Bolt, LevelDB} {
		if _, err := os.Stat(filepath.Join(path, ".newsgraph-"+kind)); err == nil {
			return kind
		}
	}
	if _, err := os.Stat(filepath.Join(path, "indexes.bolt")); err == nil {
		return Bolt
	}
	if _, err := os.Stat(filepath.Join(path, "CURRENT")); err == nil {
		return LevelDB
	}
	return ""
}

// kvOptions open Cayley's key-value quad stores without their bloom
// filters: they hold a fixed 100 million entries, 600 MB of memory
// whatever the graph's size, for no measurable gain in newsgraph's
// writes (1,000 articles load at the same rate without them;
// BENCHMARKS.md).
var kvOptions = graph.Options{cayleykv.OptNoBloom: true}

// newStore makes a Store on qs; set fills in what its backend adds.
func newStore(qs graph.QuadStore, iris kg.IRIs, set func(*Store)) *Store {
	s := &Store{qs: qs, iris: iris, writeLock: make(chan struct{}, 1)}
	set(s)
	return s
}

// Close closes the underlying store.
func (s *Store) Close() error {
	s.stopWatching()
	if s.bulk != nil {
		s.bulk.Close()
	}
	return s.qs.Close()
}

// IRIs returns the naming scheme of the store's data.
func (s *Store) IRIs() kg.IRIs { return s.iris }

// openSQL opens (creating its tables if needed) a graph in a SQL
// database through Cayley's SQL backend.
func openSQL(cfg Config, iris kg.IRIs) (*Store, error) {
	if cfg.Path == "" {
		return nil, kg.Errorf(kg.EINVALID, "the %s backend needs a database URL (--db postgres://user@host/db)", cfg.Backend)
	}
	bulk, err := openBulk(cfg.Path)
	if err != nil {
		return nil, fmt.Errorf("open %s store: %w", cfg.Backend, err)
	}
	err = bulk.prepare(context.Background(), cfg.ReadOnly, func() error {
		if err := graph.InitQuadStore(cfg.Backend, cfg.Path, nil); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			return fmt.Errorf("create the tables: %w", err)
		}
		return nil
	})
	if err != nil {
		bulk.Close()
		return nil, fmt.Errorf("open %s store: %w", cfg.Backend, err)
	}
	qs, err := graph.NewQuadStore(cfg.Backend, cfg.Path, nil)
	if err != nil {
		bulk.Close()
		return nil, fmt.Errorf("open %s store: %w", cfg.Backend, err)
	}
	return newStore(qs, iris, func(s *Store) { s.bulk, s.path = bulk, cfg.Path }), nil
}

// ErrInUse is Open's error when another process holds the database (a
// bbolt database is one process's): errors.Is(err, ErrInUse).
var ErrInUse = errors.New("in use by another process (a running newsgraph serve or load?)")

// boltFree fails clearly when another process holds the bbolt file (a
// running `newsgraph serve` on the same --db): Cayley would wait for the
// lock forever.
func boltFree(file string) error {
	if _, err := os.Stat(file); err != nil {
		return nil // a new database
	}
	db, err := bbolt.Open(file, 0o644, &bbolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		if errors.Is(err, bbolterrors.ErrTimeout) {
			return fmt.Errorf("%s is %w", filepath.Dir(file), ErrInUse)
		}
		return fmt.Errorf("open %s: %w", file, err)
	}
	return db.Close()
}

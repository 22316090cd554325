package store

import (
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	cayleykv "github.com/cayleygraph/cayley/graph/kv"
)

// Why readers have quad stores of their own
//
// Cayley's key-value quad store keeps a cache from IRIs to node ids
// (2,000 entries, filled by every lookup). A reader whose transaction
// began before a deletion committed can look up an IRI the deletion
// removed, find it in its older snapshot, and put the removed node's id
// back into the cache after the deletion emptied it. The next write that
// names the IRI then takes the id from the cache: it counts references
// on a node that no longer exists and writes quads that point at nothing.
// Exports show them as "%!s(<nil>) %!s(<nil>) %!s(<nil>) ." and the
// graph differs from a fresh load of its articles (issue 13; the oracle
// test storetest.Stress finds it within seconds on bbolt with 8 readers
// and 4 writers).
//
// Cayley offers no way to turn that cache off or to empty it, so the
// store keeps it out of harm's way: writes go through one quad store
// (Store.qs) that only the writer, under the write lock, ever uses, so its cache
// only learns what committed transactions say; readers use another quad
// store over the same database, which is replaced by a new one (with an
// empty cache) after every deletion and after a failed write. A reader
// that began before the deletion may still fill the old one, but no one
// takes ids from it any more. Additions need nothing: a reader can only
// cache ids of nodes that exist, and an addition never removes one.

// readQuadStore is the quad store readers use.
type readQuadStore struct{ qs graph.QuadStore }

// reader is the quad store for reads.
func (s *Store) reader() graph.QuadStore {
	if r := s.readers.Load(); r != nil {
		return r.qs
	}
	return s.qs
}

// renewReaders gives readers a quad store with an empty cache. It does
// nothing on the backends without such a cache (memory, SQL).
func (s *Store) renewReaders() error {
	if s.kvdb == nil {
		return nil
	}
	qs, err := cayleykv.New(s.kvdb, kvOptions)
	if err != nil {
		return fmt.Errorf("renew the readers' quad store: %w", err)
	}
	// The replaced quad store is not closed: closing it would close the
	// database that every quad store here shares.
	s.readers.Store(&readQuadStore{qs})
	return nil
}

// afterFailedWrite renews the writer's and the readers' quad stores after
// a write that did not commit, since Cayley caches the ids a write assigns
// before it commits, and returns err.
func (s *Store) afterFailedWrite(err error) error {
	if s.kvdb == nil {
		return err
	}
	qs, nerr := cayleykv.New(s.kvdb, kvOptions)
	if nerr != nil {
		return fmt.Errorf("%w (and renewing the quad store: %v)", err, nerr)
	}
	s.qs = qs
	if nerr := s.renewReaders(); nerr != nil {
		return fmt.Errorf("%w (and %v)", err, nerr)
	}
	return err
}

package store

import (
	"context"

	"github.com/cayleygraph/cayley/graph"
)

// RowWrites makes s write through Cayley's row-by-row ApplyDeltas even on
// PostgreSQL, for the benchmark that compares it with the bulk path.
func RowWrites(s *Store) { s.bulk = nil }

// QuadStoreOf exposes the Cayley quad store, for the benchmark that
// compares the GraphQL API with Cayley's own path queries.
func QuadStoreOf(s *Store) graph.QuadStore { return s.qs }

// Vocabulary terms the benchmark's path query follows.
var (
	PredSubject    = pSubject
	PredPredicate  = pPredicate
	PredObject     = pObject
	PredName       = pName
	PredConfidence = pConfidence
)

// HoldWrites takes the store's write lock until the returned function is
// called: a test's stand-in for a long write.
func HoldWrites(s *Store) (release func()) {
	s.writeLock <- struct{}{}
	return s.unlockWrites
}

// RebuildLinks drops the link index, to be built in full on next use: the
// benchmark's stand-in for the rebuild every write used to cause.
func RebuildLinks(s *Store) { s.rebuildLinks() }

// Hooks of the change log's test: stop following it, apply it now, see
// whether the link index is built, run SQL on the store's database.
func StopWatching(s *Store)            { s.stopWatching() }
func ApplyChanges(s *Store) error      { return s.applyChanges(context.Background()) }
func HasLinkIndex(s *Store) bool       { return s.linkIdx.Load() != nil }
func ExecSQL(s *Store, q string) error { _, err := s.bulk.db.Exec(q); return err }

// DropAdjacency drops the adjacency index, to be built again on next use.
func DropAdjacency(s *Store) { s.dropAdjacency() }

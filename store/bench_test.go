package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// benchStore opens a store of the backend holding n small articles.
func benchStore(b *testing.B, backend string, n int) (*store.Store, *kg.Document) {
	s, err := store.Open(store.Config{Backend: backend, Path: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	var last *kg.Document
	for i := 0; i < n; i++ {
		last = storetest.Doc(s.IRIs(), fmt.Sprintf("Article %d: Mexico sent troops. Blinken met Mexico.", i), true)
		if _, err := s.Ingest(context.Background(), last); err != nil {
			b.Fatal(err)
		}
	}
	return s, last
}

// BenchmarkIngest measures writing one article per iteration.
//
//	go test -run - -bench . ./store
func BenchmarkIngest(b *testing.B) {
	for _, backend := range []string{store.Bolt, store.LevelDB, store.Memory} {
		b.Run(backend, func(b *testing.B) {
			s, _ := benchStore(b, backend, 0)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				d := storetest.Doc(s.IRIs(), fmt.Sprintf("Bench %d: Mexico sent troops. Blinken met Mexico.", i), true)
				if _, err := s.Ingest(context.Background(), d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEntityStatements measures reading an entity's outgoing
// statements with their provenance, on 200 articles.
func BenchmarkEntityStatements(b *testing.B) {
	for _, backend := range []string{store.Bolt, store.LevelDB, store.Memory} {
		b.Run(backend, func(b *testing.B) {
			s, d := benchStore(b, backend, 200)
			f := kg.StatementFilter{Subject: d.Entities[1].ID}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, _, err := s.Statements(context.Background(), f, 0, 20); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package store_test

import (
	"context"
	"os"
	"runtime"
	"testing"

	"github.com/newsgraph/newsgraph/store"
)

// BenchmarkAdjacency builds the adjacency index of an existing bbolt
// graph (NEWSGRAPH_BENCH_DB, e.g. the 1.14M-quad graph of BENCHMARKS.md;
// skipped without it) and reports its statements, the heap it holds
// (measured, after a GC, against the store with its link index alone)
// and the estimate AdjacencySize gives:
//
//	NEWSGRAPH_BENCH_DB=/tmp/hub/g3k go test -run - -bench Adjacency -benchtime 2x ./store
func BenchmarkAdjacency(b *testing.B) {
	dir := os.Getenv("NEWSGRAPH_BENCH_DB")
	if dir == "" {
		b.Skip("NEWSGRAPH_BENCH_DB names no graph")
	}
	s, err := store.Open(store.Config{Backend: store.Bolt, Path: dir, ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.Canonical(ctx, "x"); err != nil { // the link index, which the adjacency index needs
		b.Fatal(err)
	}
	heap := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		store.DropAdjacency(s)
		if _, _, err := s.Edges(ctx, "x", true, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	held := float64(heap()) - float64(before)
	n, est, err := s.AdjacencySize(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(n), "statements")
	b.ReportMetric(held/1e6, "MB-held")
	b.ReportMetric(held/float64(n), "B-held/statement")
	b.ReportMetric(float64(est)/float64(n), "B-estimated/statement")
}

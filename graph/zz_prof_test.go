package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/store"
)

func BenchmarkZZSubgraph(b *testing.B) {
	dir := os.Getenv("PROF_DB")
	if dir == "" {
		b.Skip()
	}
	s, err := store.Open(store.Config{Backend: store.Bolt, Path: dir, ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	hits, _, err := s.SearchEntities(ctx, "a", "", 0, 300)
	if err != nil {
		b.Fatal(err)
	}
	t0 := time.Now()
	s.Edges(ctx, "x", true, 1)
	b.Logf("index built in %v", time.Since(t0))
	h := graph.NewHandler(graph.NewResolver(s, nil), graph.HandlerOptions{})
	srv := httptest.NewServer(h)
	defer srv.Close()
	q := `query($s: [ID!]!) { subgraph(seeds: $s, hops: 2, maxNodes: 100) { truncated nodes { ... on Entity { id } ... on Value { id } } edges { id predicate } } }`
	b.ResetTimer()
	edges := 0
	for i := 0; i < b.N; i++ {
		body, _ := json.Marshal(map[string]any{"query": q, "variables": map[string]any{"s": []string{hits[i%len(hits)].ID}}})
		resp, err := http.Post(srv.URL, "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		var out struct {
			Data struct{ Subgraph struct{ Edges []any } }
			Errors []any
		}
		json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if len(out.Errors) > 0 {
			b.Fatal(out.Errors)
		}
		edges += len(out.Data.Subgraph.Edges)
	}
	b.ReportMetric(float64(edges)/float64(b.N), "edges/op")
}

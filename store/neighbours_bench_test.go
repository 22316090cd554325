package store_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

// BenchmarkNeighbours compares the GraphQL query for an entity's outgoing
// statements (predicate, object name, confidence) through the real HTTP
// handler with the same question asked of Cayley in-process with path
// queries (the statements, then each one's predicate, object name and
// confidences), on 500 articles of 30 statements in bbolt. The ratio of
// the two is the API's overhead:
//
//	go test -run - -bench Neighbours -benchtime 200x ./store
func BenchmarkNeighbours(b *testing.B) {
	s, err := store.Open(store.Config{Backend: store.Bolt, Path: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := 0; i < 500; i += 50 {
		var docs []*kg.Document
		for j := i; j < i+50; j++ {
			docs = append(docs, benchDoc(s.IRIs(), j, 30))
		}
		if _, err := s.IngestBatch(ctx, docs); err != nil {
			b.Fatal(err)
		}
	}
	// "Person 7-3" is the subject of 10 statements, one per article
	// whose number ends in 7 within the first 50 multiples.
	id := s.IRIs().Entity(kg.Person, "Person 7-3")
	want := 0
	b.Run("cayley-path", func(b *testing.B) {
		qs := store.QuadStoreOf(s)
		for i := 0; i < b.N; i++ {
			sts, err := path.StartPath(qs, quad.IRI(id)).In(store.PredSubject).Iterate(ctx).AllValues(qs)
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for _, st := range sts {
				pred, err := path.StartPath(qs, st).Out(store.PredPredicate).Iterate(ctx).FirstValue(qs)
				if err != nil {
					b.Fatal(err)
				}
				name, err := path.StartPath(qs, st).Out(store.PredObject).Out(store.PredName).Iterate(ctx).FirstValue(qs)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := path.StartPath(qs, st).Out(store.PredConfidence).Iterate(ctx).AllValues(qs); err != nil {
					b.Fatal(err)
				}
				if pred == nil || name == nil {
					b.Fatalf("statement %v without predicate or object name", st)
				}
				n++
			}
			want = n
		}
	})
	b.Run("graphql", func(b *testing.B) {
		srv := httptest.NewServer(graph.NewHandler(graph.NewResolver(s, nil), graph.HandlerOptions{}))
		defer srv.Close()
		q, _ := json.Marshal(map[string]any{"query": `query($id: ID!) { entity(id: $id) { statements(direction: OUT, first: 100) {
		  edges { node { predicate confidence object { ... on Entity { name } ... on Value { name } } } } } } }`, "variables": map[string]any{"id": id}})
		for i := 0; i < b.N; i++ {
			resp, err := http.Post(srv.URL, "application/json", bytes.NewReader(q))
			if err != nil {
				b.Fatal(err)
			}
			var out struct {
				Data struct {
					Entity struct {
						Statements struct{ Edges []json.RawMessage }
					}
				}
			}
			json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			if n := len(out.Data.Entity.Statements.Edges); n != want || n == 0 {
				b.Fatalf("graphql gave %d statements, the path query %d", n, want)
			}
		}
	})
}

package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// A statements query racing a deletion lists a statement and then reads
// its subject, which the deletion may have removed in between: the
// answer must leave the statement out (or show it whole), never turn into
// a NOT_FOUND for the whole query (repro 10: 19 of 368 queries).
func TestStatementsDuringDeletes(t *testing.T) {
	for _, backend := range []string{store.Memory, store.Bolt} {
		t.Run(backend, func(t *testing.T) {
			s, err := store.Open(store.Config{Backend: backend, Path: filepath.Join(t.TempDir(), "db")})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			srv := httptest.NewServer(graph.Routes(graph.NewResolver(s, nil), s, graph.ServerOptions{Vocab: store.Vocab}))
			defer srv.Close()
			for _, q := range []string{
				`{ statements(first: 50, filter: {minConfidence: 0}) { edges { node { id predicate subject { name } object { __typename ... on Entity { name } } } } } }`,
				`{ statements(first: 50, filter: {minConfidence: 0}) { edges { ...E } } } fragment E on StatementEdge { node { subject { id mentions { text } } } }`,
				`{ subgraph(seeds: ["https://newsgraph.dev/id/entity/person/stays0-anders", "https://newsgraph.dev/id/entity/person/stays1-anders", "https://newsgraph.dev/id/entity/person/stays2-anders", "https://newsgraph.dev/id/entity/person/stays3-anders", "https://newsgraph.dev/id/entity/person/stays4-anders"]) { nodes { __typename } edges { subject { name } object { __typename } } } }`,
			} {
				storetest.ReadsDuringDeletes(t, s, 3, func(ctx context.Context) error {
					return queryOK(ctx, srv, q)
				})
			}
		})
	}
}

// queryOK posts a query and reports the errors of its answer.
func queryOK(ctx context.Context, srv *httptest.Server, query string) error {
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return fmt.Errorf("decode the answer: %w", err)
	}
	if len(out.Errors) > 0 {
		return fmt.Errorf("%d errors, the first %q (%v), data %s", len(out.Errors), out.Errors[0].Message, out.Errors[0].Extensions["code"], out.Data)
	}
	return nil
}

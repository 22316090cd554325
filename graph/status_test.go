package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/store"
)

// A request refused before it runs gets the HTTP status its error calls
// for, and a short answer that reveals nothing of the server: the
// README's statuses and the server's agree.
func TestStatuses(t *testing.T) {
	const (
		mutation = `{"query": "mutation { deleteArticle(id: \"x\") }"}`
		marker   = "/etc/secret-marker"
	)
	deep := `{"query": "{ entity(id: \"x\") { statements { edges { node { subject { statements { edges { node { subject { statements { edges { node { subject { name } } } } } } } } } } } } } }"}`
	costly := `{"query": "{ searchEntities(query: \"a\", first: 100) { edges { node { statements(first: 100) { edges { node { predicate subject { name } } } } } } } }"}`
	for _, tc := range []struct {
		name        string
		o           graph.HandlerOptions
		contentType string
		body        io.Reader
		auth        string
		status      int
		code        string
	}{
		{"over the complexity limit", graph.HandlerOptions{}, "application/json", strings.NewReader(costly), "", http.StatusUnprocessableEntity, "COMPLEXITY_LIMIT_EXCEEDED"},
		{"over the depth limit", graph.HandlerOptions{}, "application/json", strings.NewReader(deep), "", http.StatusUnprocessableEntity, "DEPTH_LIMIT_EXCEEDED"},
		{"mutation without the token", graph.HandlerOptions{WriteToken: "s3cret"}, "application/json", strings.NewReader(mutation), "", http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"mutation with a wrong token", graph.HandlerOptions{WriteToken: "s3cret"}, "application/json", strings.NewReader(mutation), "Bearer nope", http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"mutation on a read-only server", graph.HandlerOptions{ReadOnly: true}, "application/json", strings.NewReader(mutation), "", http.StatusForbidden, "FORBIDDEN"},
		{"introspection when it is off", graph.HandlerOptions{}, "application/json", strings.NewReader(`{"query": "{ __schema { types { name } } }"}`), "", http.StatusForbidden, "INTROSPECTION_DISABLED"},
		{"bad JSON", graph.HandlerOptions{}, "application/json", strings.NewReader(`{"query": "` + marker + `" `), "", http.StatusBadRequest, "INVALID"},
		{"JSON of the wrong shape", graph.HandlerOptions{}, "application/json", strings.NewReader(`{"query": ["` + marker + `"]}`), "", http.StatusBadRequest, "INVALID"},
		// No Content-Length: the limit applies as the body is read.
		{"too large, chunked", graph.HandlerOptions{MaxBodyBytes: 1000}, "application/json",
			io.MultiReader(strings.NewReader(`{"query": "`+marker), strings.NewReader(strings.Repeat("x", 2000)+`"}`)), "", http.StatusRequestEntityTooLarge, "TOO_LARGE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServerWith(t, tc.o)
			var logged bytes.Buffer
			defer log.SetOutput(log.Writer())
			log.SetOutput(&logged)
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/query", tc.body)
			req.Header.Set("Content-Type", tc.contentType)
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			var out gqlResponse
			json.Unmarshal(body, &out)
			if got, want := resp.StatusCode, tc.status; got != want {
				t.Errorf("status %d, want %d (%s)", got, want, body)
			}
			if got, want := code(out), tc.code; got != want {
				t.Errorf("code %q, want %q (%s)", got, want, body)
			}
			if strings.Contains(string(body), marker) || len(body) > 500 {
				t.Errorf("the answer echoes the request or runs long: %.300s", body)
			}
			if logged.Len() > 0 {
				t.Errorf("a client's error was logged: %s", logged.String())
			}
			if tc.status == http.StatusUnauthorized && !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without WWW-Authenticate: Bearer")
			}
		})
	}
}

// slowExtractor takes until the request's deadline to extract.
type slowExtractor struct{ x graph.Extractor }

func (x slowExtractor) Extract(ctx context.Context, a kg.Article) (*kg.Document, error) {
	<-ctx.Done()
	return x.x.Extract(context.WithoutCancel(ctx), a)
}

// An ingest that reaches the store after the request's deadline writes
// nothing and says so.
func TestMutationTimeout(t *testing.T) {
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tg, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	res := graph.NewResolver(s, slowExtractor{loader.New(tg, loader.Options{MaxBytes: 1 << 20})})
	srv := httptest.NewServer(graph.NewHandler(res, graph.HandlerOptions{Timeout: 50 * time.Millisecond}))
	defer srv.Close()
	r := post(t, srv, `mutation { ingestArticle(input: {text: "Mexico sent troops to the border."}) { created } }`, nil)
	if got, want := code(r), "TIMEOUT"; got != want || !strings.Contains(r.Errors[0].Message, "nothing was written") {
		t.Errorf("code %q (%+v), want %s saying nothing was written", got, r.Errors, want)
	}
	if _, n, err := s.Articles(context.Background(), 0, 1); err != nil || n != 0 {
		t.Errorf("%d articles stored (%v), want none", n, err)
	}
}

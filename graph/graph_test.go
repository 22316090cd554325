package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/store"
)

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	return newServerWith(t, graph.HandlerOptions{Introspection: true, MaxBodyBytes: 2 << 20})
}

func newServerWith(t *testing.T, o graph.HandlerOptions) *httptest.Server {
	t.Helper()
	srv, _ := newServerStore(t, o)
	return srv
}

// newServerStore is newServerWith and the memory store behind it.
func newServerStore(t *testing.T, o graph.HandlerOptions) (*httptest.Server, *store.Store) {
	t.Helper()
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	tg, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	res := graph.NewResolver(s, loader.New(tg, loader.Options{MaxBytes: 1 << 20}))
	srv := httptest.NewServer(graph.Routes(res, s, graph.ServerOptions{HandlerOptions: o, Gizmo: true, Vocab: store.Vocab}))
	t.Cleanup(srv.Close)
	return srv, s
}

func post(t *testing.T, srv *httptest.Server, query string, vars map[string]any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(srv.URL+"/query", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("decode response: %v", err)
	}
	return out
}

func sample(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "articles", "border-crossings.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const ingest = `mutation($text: String!) { ingestArticle(input: {text: $text, title: "Border", source: "test", publishedAt: "2023-12-28"}) {
  created statements entities warnings article { id title publishedAt } } }`

func TestIngestQueryDelete(t *testing.T) {
	srv := newServer(t)
	r := post(t, srv, ingest, map[string]any{"text": sample(t)})
	if len(r.Errors) > 0 {
		t.Fatalf("ingest: %v", r.Errors)
	}
	var ing struct {
		IngestArticle struct {
			Created    bool
			Statements int
			Article    struct{ ID, Title, PublishedAt string }
		}
	}
	json.Unmarshal(r.Data, &ing)
	if !ing.IngestArticle.Created || ing.IngestArticle.Statements == 0 || ing.IngestArticle.Article.PublishedAt != "2023-12-28T00:00:00Z" {
		t.Fatalf("ingest result = %+v", ing.IngestArticle)
	}
	// Re-ingest is idempotent.
	r = post(t, srv, ingest, map[string]any{"text": sample(t)})
	json.Unmarshal(r.Data, &ing)
	if ing.IngestArticle.Created {
		t.Errorf("second ingest created the article again")
	}

	r = post(t, srv, `{ searchEntities(query: "Obrador", first: 5) { edges { node { id name type aliases
	  statements(direction: OUT, predicate: "want") { edges { node { predicate relation object { ... on Value { name type } }
	  provenance { article { title } sentence text span { start end } } } } } } } pageInfo { totalCount hasNextPage } } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("search: %v", r.Errors)
	}
	var search struct {
		SearchEntities struct {
			Edges []struct {
				Node struct {
					ID, Name, Type string
					Statements     struct {
						Edges []struct {
							Node struct {
								Predicate  string
								Object     struct{ Name string }
								Provenance []struct {
									Article struct{ Title string }
									Text    string
								}
							}
						}
					}
				}
			}
			PageInfo struct{ TotalCount int }
		}
	}
	json.Unmarshal(r.Data, &search)
	if got := search.SearchEntities.PageInfo.TotalCount; got != 1 {
		t.Fatalf("searchEntities(Obrador) total = %d, want 1: %s", got, r.Data)
	}
	node := search.SearchEntities.Edges[0].Node
	if node.Name != "Andrés Manuel López Obrador" || node.Type != "PERSON" {
		t.Errorf("node = %s (%s)", node.Name, node.Type)
	}
	found := false
	for _, e := range node.Statements.Edges {
		if strings.Contains(e.Node.Object.Name, "reopen border crossings") && len(e.Node.Provenance) == 1 && e.Node.Provenance[0].Article.Title == "Border" {
			found = true
		}
	}
	if !found {
		t.Errorf("no 'want ... reopen border crossings' statement with provenance: %s", r.Data)
	}

	// The quantity object and the statements filter.
	r = post(t, srv, `{ statements(filter: {predicate: "send", minConfidence: 0.5}) { edges { node { subject { name } object { ... on Value { name type value unit } } } } } }`, nil)
	if !strings.Contains(string(r.Data), `"value":32000`) || !strings.Contains(string(r.Data), `"unit":"troops"`) {
		t.Errorf("statements(send) = %s %v", r.Data, r.Errors)
	}

	// Further arguments with their roles: "In May, Mexico agreed to take
	// in migrants from countries such as ...".
	r = post(t, srv, `{ statements(filter: {predicate: "agree to take in"}) { edges { node { time
	  arguments { role via value { ... on Value { name type } ... on Entity { name type } } } } } } }`, nil)
	if !strings.Contains(string(r.Data), `{"role":"TIME","via":"in","value":{"name":"May","type":"DATE"}}`) ||
		!strings.Contains(string(r.Data), `"time":"May"`) {
		t.Errorf("statements(agree to take in) arguments = %s %v", r.Data, r.Errors)
	}

	id := ing.IngestArticle.Article.ID
	r = post(t, srv, `mutation($id: ID!) { deleteArticle(id: $id) }`, map[string]any{"id": id})
	if string(r.Data) != `{"deleteArticle":true}` {
		t.Errorf("delete = %s %v", r.Data, r.Errors)
	}
	r = post(t, srv, `{ articles { pageInfo { totalCount } } statements { pageInfo { totalCount } } }`, nil)
	if !strings.Contains(string(r.Data), `"totalCount":0`) || strings.Contains(string(r.Data), `"totalCount":1`) {
		t.Errorf("after delete: %s", r.Data)
	}
}

func TestErrors(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		name, query string
		vars        map[string]any
		code        string
	}{
		{"empty article", ingest, map[string]any{"text": ""}, "INVALID"},
		{"binary article", ingest, map[string]any{"text": "\x00\x01\x02"}, "INVALID"},
		{"oversized article", ingest, map[string]any{"text": strings.Repeat("a ", 600_000)}, "TOO_LARGE"},
		{"bad date", `mutation { ingestArticle(input: {text: "Mexico sent troops.", publishedAt: "yesterday"}) { created } }`, nil, "INVALID"},
		{"bad cursor", `{ articles(after: "nope") { pageInfo { totalCount } } }`, nil, "INVALID"},
		{"unknown field", `{ nope }`, nil, "GRAPHQL_VALIDATION_FAILED"},
		{"syntax", `{ searchEntities(`, nil, "GRAPHQL_PARSE_FAILED"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, tc.query, tc.vars)
			if len(r.Errors) == 0 {
				t.Fatalf("no error; data %s", r.Data)
			}
			if got := r.Errors[0].Extensions["code"]; got != tc.code {
				t.Errorf("code = %v, want %s (%s)", got, tc.code, r.Errors[0].Message)
			}
		})
	}
}

func TestMissingIsNull(t *testing.T) {
	srv := newServer(t)
	r := post(t, srv, `{ entity(id: "https://example.org/none") { name } article(id: "x") { id } }`, nil)
	if len(r.Errors) > 0 || string(r.Data) != `{"entity":null,"article":null}` {
		t.Errorf("got %s %v", r.Data, r.Errors)
	}
}

func TestFirstIsCapped(t *testing.T) {
	srv := newServer(t)
	post(t, srv, ingest, map[string]any{"text": sample(t)})
	r := post(t, srv, `{ statements(first: 100000) { edges { cursor } pageInfo { totalCount } } }`, nil)
	var out struct {
		Statements struct {
			Edges    []struct{ Cursor string }
			PageInfo struct{ TotalCount int }
		}
	}
	json.Unmarshal(r.Data, &out)
	if n := len(out.Statements.Edges); n > graph.MaxFirst || n == 0 {
		t.Errorf("got %d edges, want 1..%d", n, graph.MaxFirst)
	}
}

func TestMalformedBody(t *testing.T) {
	srv := newServer(t)
	resp, err := http.Post(srv.URL+"/query", "application/json", strings.NewReader("\x00\x01 not json"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode < 400 || resp.StatusCode >= 500 {
		t.Errorf("status = %d, want 4xx", resp.StatusCode)
	}
}

// The server's threshold hides statements under it from the default
// views; a query that asks for a lower one sees them.
func TestMinConfidence(t *testing.T) {
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	res := graph.NewResolver(s, loader.New(p, loader.Options{}))
	srv := httptest.NewServer(graph.Routes(res, s, graph.ServerOptions{MinConfidence: 0.999, Vocab: store.Vocab}))
	t.Cleanup(srv.Close)
	post(t, srv, `mutation($t: String!) { ingestArticle(input: {text: $t}) { created } }`, map[string]any{"t": sample(t)})
	count := func(q string) int {
		t.Helper()
		r := post(t, srv, q, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("%s: %v", q, r.Errors)
		}
		var out struct {
			Statements struct{ PageInfo struct{ TotalCount int } }
		}
		json.Unmarshal(r.Data, &out)
		return out.Statements.PageInfo.TotalCount
	}
	if n := count(`{ statements { pageInfo { totalCount } } }`); n != 0 {
		t.Errorf("%d statements over a threshold of 0.999, want none", n)
	}
	if r := post(t, srv, `{ minConfidence }`, nil); string(r.Data) != `{"minConfidence":0.999}` {
		t.Errorf("minConfidence answers %s %v, want the server's 0.999", r.Data, r.Errors)
	}
	if n := count(`{ statements(filter: {minConfidence: 0}) { pageInfo { totalCount } } }`); n < 20 {
		t.Errorf("%d statements when all are asked for, want the article's", n)
	}
}

// An article's author, URL and the article it copies come back as stored.
func TestArticleAuthorURLCopy(t *testing.T) {
	srv, s := newServerStore(t, graph.HandlerOptions{MaxBodyBytes: 1 << 20})
	ctx := context.Background()
	iris := s.IRIs()
	orig := kg.Article{ID: iris.Article("Original story."), Text: "Original story.", Title: "Storm", Author: "Maria Okafor", URL: "https://tribune.example.com/storm"}
	cp := kg.Article{ID: iris.Article("Copied story."), Text: "Copied story.", Title: "Storm shuts bridge", CopyOf: orig.ID}
	if _, err := s.IngestBatch(ctx, []*kg.Document{{Article: orig}, {Article: cp}}); err != nil {
		t.Fatal(err)
	}
	r := post(t, srv, `query($a: ID!, $b: ID!) { a: article(id: $a) { author url copyOf } b: article(id: $b) { author url copyOf } }`,
		map[string]any{"a": orig.ID, "b": cp.ID})
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	want := fmt.Sprintf(`{"a":{"author":"Maria Okafor","url":"https://tribune.example.com/storm","copyOf":null},"b":{"author":null,"url":null,"copyOf":%q}}`, orig.ID)
	if got := string(r.Data); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

// ingestArticle reads a whole web page for its main text and metadata;
// a page in another language is an invalid input.
func TestIngestWebPage(t *testing.T) {
	srv := newServer(t)
	page, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "pages", "bridge.html"))
	if err != nil {
		t.Fatal(err)
	}
	const q = `mutation($text: String!) { ingestArticle(input: {text: $text}) { created article { title source author url publishedAt text } } }`
	r := post(t, srv, q, map[string]any{"text": string(page)})
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	var got struct {
		IngestArticle struct {
			Created bool
			Article struct{ Title, Source, Author, URL, PublishedAt, Text string }
		}
	}
	if err := json.Unmarshal(r.Data, &got); err != nil {
		t.Fatal(err)
	}
	a := got.IngestArticle.Article
	if a.Title != "Storm closes harbour bridge" || a.Source != "The Coastal Tribune" || a.Author != "Maria Okafor" ||
		!strings.HasPrefix(a.PublishedAt, "2024-03-14") || strings.Contains(a.Text, "Top stories") || strings.Contains(a.Text, "<") {
		t.Errorf("article %+v", a)
	}
	german, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "pages", "hafen.html"))
	if err != nil {
		t.Fatal(err)
	}
	r = post(t, srv, q, map[string]any{"text": string(german)})
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "INVALID" || !strings.Contains(r.Errors[0].Message, "not English") {
		t.Errorf("German page: %+v", r.Errors)
	}
}

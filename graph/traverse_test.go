package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

// secondArticle is written for these tests: it names Blinken by his
// surname only, so the two articles join on him.
const secondArticle = "On Friday, Blinken met with Alicia Bárcena in Washington. " +
	"Bárcena said Mexico would deploy more troops to its southern border with Guatemala."

// twoArticles loads the sample article and the second one, and returns
// the server and a query function that fails the test on errors.
func twoArticles(t *testing.T) (*httptest.Server, func(string, map[string]any) gqlResponse) {
	t.Helper()
	srv, _, q := twoArticlesStore(t)
	return srv, q
}

// twoArticlesStore is twoArticles with the store behind the server.
func twoArticlesStore(t *testing.T) (*httptest.Server, *store.Store, func(string, map[string]any) gqlResponse) {
	t.Helper()
	s, st := newServerStore(t, graph.HandlerOptions{Introspection: true, MaxBodyBytes: 2 << 20})
	q := func(query string, vars map[string]any) gqlResponse {
		t.Helper()
		r := post(t, s, query, vars)
		if len(r.Errors) > 0 {
			t.Fatalf("%s: %v", query, r.Errors)
		}
		return r
	}
	const ing = `mutation($text: String!, $date: String) { ingestArticle(input: {text: $text, publishedAt: $date}) { created } }`
	q(ing, map[string]any{"text": sample(t), "date": "2023-12-28"})
	q(ing, map[string]any{"text": secondArticle, "date": "2024-01-05"})
	return s, st, q
}

func entityID(t *testing.T, q func(string, map[string]any) gqlResponse, name string) string {
	t.Helper()
	r := q(`query($q: String!) { searchEntities(query: $q, first: 1) { edges { node { id name } } } }`, map[string]any{"q": name})
	var out struct {
		SearchEntities struct {
			Edges []struct{ Node struct{ ID, Name string } }
		}
	}
	json.Unmarshal(r.Data, &out)
	if len(out.SearchEntities.Edges) == 0 {
		t.Fatalf("no entity %q", name)
	}
	return out.SearchEntities.Edges[0].Node.ID
}

func TestCrossArticleEntity(t *testing.T) {
	_, q := twoArticles(t)
	r := q(`{ searchEntities(query: "Blinken") { pageInfo { totalCount } edges { node { name members { name rule }
	  articles: statements(direction: OUT, first: 50) { edges { node { predicate provenance { articleId } } } } } } } }`, nil)
	var out struct {
		SearchEntities struct {
			PageInfo struct{ TotalCount int }
			Edges    []struct {
				Node struct {
					Name     string
					Members  []struct{ Name, Rule string }
					Articles struct {
						Edges []struct {
							Node struct {
								Predicate  string
								Provenance []struct{ ArticleID string }
							}
						}
					}
				}
			}
		}
	}
	json.Unmarshal(r.Data, &out)
	if n := out.SearchEntities.PageInfo.TotalCount; n != 1 {
		t.Fatalf("searchEntities(Blinken) = %d entities, want one across both articles: %s", n, r.Data)
	}
	e := out.SearchEntities.Edges[0].Node
	// The sample article calls him "Blinken" too, so the alias rule joins
	// the second article's Blinken.
	if e.Name != "Antony Blinken" || len(e.Members) != 1 || e.Members[0].Name != "Blinken" || e.Members[0].Rule != "alias" {
		t.Errorf("entity %q members %+v, want Antony Blinken with Blinken joined as an alias", e.Name, e.Members)
	}
	articles := map[string]bool{}
	for _, s := range e.Articles.Edges {
		for _, p := range s.Node.Provenance {
			articles[p.ArticleID] = true
		}
	}
	if len(articles) != 2 {
		t.Errorf("Blinken's statements come from %d articles, want 2", len(articles))
	}
}

func TestSubgraphAndPath(t *testing.T) {
	srv, q := twoArticles(t)
	blinken := entityID(t, q, "Antony Blinken")
	barcena := entityID(t, q, "Alicia Bárcena")
	obrador := entityID(t, q, "Obrador")
	r := q(`query($s: [ID!]!) { subgraph(seeds: $s, hops: 1) { truncated nodes { ... on Entity { id name } ... on Value { id name } }
	  edges { predicate subject { name } } } }`, map[string]any{"s": []string{blinken}})
	var sg struct {
		Subgraph struct {
			Truncated bool
			Nodes     []struct{ ID, Name string }
			Edges     []struct {
				Predicate string
				Subject   struct{ Name string }
			}
		}
	}
	json.Unmarshal(r.Data, &sg)
	names := map[string]bool{}
	for _, n := range sg.Subgraph.Nodes {
		names[n.Name] = true
	}
	for _, want := range []string{"Antony Blinken", "Andrés Manuel López Obrador", "Alicia Bárcena"} {
		if !names[want] {
			t.Errorf("1-hop subgraph of Blinken lacks %s: %s", want, r.Data)
		}
	}
	if sg.Subgraph.Truncated || len(sg.Subgraph.Edges) < 3 {
		t.Errorf("subgraph: truncated %v, %d edges", sg.Subgraph.Truncated, len(sg.Subgraph.Edges))
	}
	// maxNodes cuts it short and says so.
	r = q(`query($s: [ID!]!) { subgraph(seeds: $s, hops: 2, maxNodes: 2) { truncated nodes { ... on Entity { id } ... on Value { id } } } }`,
		map[string]any{"s": []string{blinken}})
	if !strings.Contains(string(r.Data), `"truncated":true`) || strings.Count(string(r.Data), `"id"`) != 2 {
		t.Errorf("maxNodes 2: %s", r.Data)
	}
	// Limits are checked.
	bad := post(t, srv, `query($s: [ID!]!) { subgraph(seeds: $s, hops: 9) { truncated } }`, map[string]any{"s": []string{blinken}})
	if len(bad.Errors) == 0 || bad.Errors[0].Extensions["code"] != "INVALID" {
		t.Errorf("hops 9: %v, want an INVALID error", bad.Errors)
	}
	r = q(`query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, maxHops: 4) { length nodes { ... on Entity { name } ... on Value { name } }
	  statements { predicate provenance { text } } } }`, map[string]any{"a": obrador, "b": barcena})
	var p struct {
		ShortestPath *struct {
			Length     int
			Nodes      []struct{ Name string }
			Statements []struct {
				Predicate  string
				Provenance []struct{ Text string }
			}
		}
	}
	json.Unmarshal(r.Data, &p)
	if p.ShortestPath == nil || p.ShortestPath.Length < 1 || len(p.ShortestPath.Nodes) != p.ShortestPath.Length+1 ||
		p.ShortestPath.Length != 2 || p.ShortestPath.Nodes[1].Name != "Antony Blinken" ||
		p.ShortestPath.Nodes[0].Name != "Andrés Manuel López Obrador" || p.ShortestPath.Nodes[2].Name != "Alicia Bárcena" {
		// López Obrador met Blinken in the sample article, Blinken met
		// Bárcena in the second: the path crosses articles through him
		t.Fatalf("shortestPath(López Obrador, Bárcena) = %s", r.Data)
	}
	for _, st := range p.ShortestPath.Statements {
		if len(st.Provenance) == 0 || st.Provenance[0].Text == "" {
			t.Errorf("path statement %s without provenance", st.Predicate)
		}
	}
}

func TestCooccurringTimelineArticles(t *testing.T) {
	_, q := twoArticles(t)
	blinken := entityID(t, q, "Antony Blinken")
	r := q(`query($id: ID!) { entity(id: $id) {
	  cooccurring(first: 3) { entity { name } sentences articles }
	  timeline(first: 100) { publishedAt article { id } statement { predicate } } } }`, map[string]any{"id": blinken})
	var out struct {
		Entity struct {
			Cooccurring []struct {
				Entity              struct{ Name string }
				Sentences, Articles int
			}
			Timeline []struct {
				PublishedAt *string
				Statement   struct{ Predicate string }
			}
		}
	}
	json.Unmarshal(r.Data, &out)
	co := out.Entity.Cooccurring
	if len(co) == 0 || co[0].Sentences < 1 {
		t.Fatalf("cooccurring = %s", r.Data)
	}
	for i := 1; i < len(co); i++ {
		if co[i].Sentences > co[i-1].Sentences {
			t.Errorf("cooccurring not by shared sentences: %+v", co)
		}
	}
	found := false
	for _, c := range co {
		if c.Entity.Name == "Alicia Bárcena" && c.Articles == 2 {
			found = true // in both articles
		}
	}
	if !found {
		t.Errorf("Alicia Bárcena not among the top co-occurring in 2 articles: %+v", co)
	}
	tl := out.Entity.Timeline
	if len(tl) < 3 || tl[0].PublishedAt == nil || *tl[0].PublishedAt != "2023-12-28T00:00:00Z" ||
		*tl[len(tl)-1].PublishedAt != "2024-01-05T00:00:00Z" {
		t.Errorf("timeline = %s", r.Data)
	}
	for i := 1; i < len(tl); i++ {
		if *tl[i].PublishedAt < *tl[i-1].PublishedAt {
			t.Errorf("timeline out of order at %d", i)
		}
	}
	r = q(`query($id: ID!) { articles(mentioning: $id) { pageInfo { totalCount } } all: articles { pageInfo { totalCount } } }`,
		map[string]any{"id": entityID(t, q, "Joe Biden")})
	if !strings.Contains(string(r.Data), `"articles":{"pageInfo":{"totalCount":1}}`) || !strings.Contains(string(r.Data), `"all":{"pageInfo":{"totalCount":2}}`) {
		t.Errorf("articles(mentioning: Biden) = %s", r.Data)
	}
}

func TestExportEndpoint(t *testing.T) {
	srv, src, q := twoArticlesStore(t)
	blinken := entityID(t, q, "Antony Blinken")
	get := func(query string) (int, string, string) {
		t.Helper()
		resp, err := http.Get(srv.URL + "/export?" + query)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
	}
	code, ct, body := get("format=json")
	var whole struct{ Nodes, Links []map[string]any }
	if code != 200 || ct != "application/json" || json.Unmarshal([]byte(body), &whole) != nil || len(whole.Links) < 40 {
		t.Fatalf("whole graph as json: %d %s, %d links", code, ct, len(whole.Links))
	}
	code, _, body = get("format=json&hops=1&seed=" + url.QueryEscape(blinken))
	var sub struct{ Nodes, Links []map[string]any }
	if code != 200 || json.Unmarshal([]byte(body), &sub) != nil || len(sub.Nodes) < 3 || len(sub.Nodes) >= len(whole.Nodes) {
		t.Errorf("subgraph as json: %d, %d nodes of %d", code, len(sub.Nodes), len(whole.Nodes))
	}
	if code, _, body = get("format=nquads"); code != 200 || !strings.Contains(body, "owl#sameAs") {
		t.Errorf("nquads: %d, sameAs link missing", code)
	}
	for _, f := range []string{"jsonld", "graphml"} {
		if code, _, _ := get("format=" + f + "&seed=" + url.QueryEscape(blinken)); code != 200 {
			t.Errorf("%s: %d", f, code)
		}
	}
	// The whole graph streams to the same bytes as the command line's
	// export (export.WriteSource).
	for _, f := range export.Formats {
		var want bytes.Buffer
		if err := export.WriteSource(context.Background(), &want, f, src, store.Vocab); err != nil {
			t.Fatal(err)
		}
		if code, _, body := get("format=" + f); code != 200 || body != want.String() {
			t.Errorf("%s over HTTP: %d, %d bytes; want 200 and the %d bytes of export.WriteSource", f, code, len(body), want.Len())
		}
	}
	if code, _, _ := get("format=csv"); code != http.StatusBadRequest {
		t.Errorf("unknown format: %d, want 400", code)
	}
	if code, _, _ := get("format=json&hops=7&seed=" + url.QueryEscape(blinken)); code != http.StatusBadRequest {
		t.Errorf("hops 7: %d, want 400", code)
	}
}

func TestGizmo(t *testing.T) {
	srv, q := twoArticles(t)
	blinken := entityID(t, q, "Antony Blinken")
	gizmo := func(query string) (int, map[string]any) {
		t.Helper()
		resp, err := http.Post(srv.URL+"/gizmo", "application/javascript", strings.NewReader(query))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		json.NewDecoder(resp.Body).Decode(&out)
		return resp.StatusCode, out
	}
	code, out := gizmo(`g.V("<` + blinken + `>").Out("<https://newsgraph.dev/ns#name>").All()`)
	if code != 200 || !strings.Contains(fmt.Sprint(out["result"]), "Antony Blinken") {
		t.Errorf("name of Blinken: %d %v", code, out)
	}
	if _, out := gizmo(`g.V("<` + blinken + `>").Out("<https://newsgraph.dev/ns#name>").All()`); out["truncated"] != nil {
		t.Errorf("a whole answer marked truncated: %v", out)
	}
	resp, err := http.Post(srv.URL+"/gizmo?limit=2", "application/javascript", strings.NewReader(`g.V().All()`))
	if err != nil {
		t.Fatal(err)
	}
	var cut struct {
		Result    []any
		Truncated bool
	}
	json.NewDecoder(resp.Body).Decode(&cut)
	resp.Body.Close()
	if len(cut.Result) != 2 || !cut.Truncated {
		t.Errorf("an answer cut at the limit: %d results, truncated %v", len(cut.Result), cut.Truncated)
	}
	if code, out := gizmo(`g.V(`); code != http.StatusBadRequest || out["error"] == nil {
		t.Errorf("syntax error: %d %v", code, out)
	}
	// There is nothing to write with: the graph API has no such call.
	if code, _ := gizmo(`g.addQuad("<a>", "<b>", "<c>")`); code != http.StatusBadRequest {
		t.Errorf("a write attempt: %d, want 400", code)
	}
}

// failingSource writes a few entities, then fails: the export stops
// short.
type failingSource struct{ *store.Store }

func (f failingSource) WriteGraph(ctx context.Context, w kg.GraphWriter) error {
	for i := 0; i < 2000; i++ {
		if err := w.Entity(&kg.Entity{ID: fmt.Sprintf("urn:x:%d", i), Name: "x", Type: kg.Person}); err != nil {
			return err
		}
	}
	return fmt.Errorf("the disk went away")
}

// An export that fails after its first bytes went out is cut off: the
// client cannot take it for a whole graph. One that fails before says so
// with a status.
func TestExportFailure(t *testing.T) {
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h := graph.ExportHandler(graph.NewResolver(s, nil), failingSource{s}, store.Vocab)
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "?format=json")
	if err != nil {
		t.Fatal(err)
	}
	_, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	if err == nil {
		t.Errorf("a failed export read as whole (status %d)", resp.StatusCode)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rec := httptest.NewRecorder()
	graph.ExportHandler(graph.NewResolver(s, nil), s, store.Vocab).ServeHTTP(rec, httptest.NewRequest("GET", "/export", nil).WithContext(ctx))
	if rec.Code == http.StatusOK {
		t.Errorf("export with an ended context: 200, want an error status")
	}
}

// largestEntities ranks the entities by their statements, as many as
// Entity.statements counts at any confidence.
func TestLargestEntities(t *testing.T) {
	_, q := twoArticles(t)
	r := q(`{ largestEntities(first: 5) { entity { name type } statements } }`, nil)
	var out struct {
		LargestEntities []struct {
			Entity     struct{ Name, Type string }
			Statements int
		}
	}
	if err := json.Unmarshal(r.Data, &out); err != nil {
		t.Fatal(err)
	}
	ls := out.LargestEntities
	if len(ls) != 5 {
		t.Fatalf("largestEntities(first: 5) = %s", r.Data)
	}
	for i := 1; i < len(ls); i++ {
		if ls[i].Statements > ls[i-1].Statements {
			t.Errorf("not by statements: %+v", ls)
		}
	}
	// every one of them is an entity with at least one statement, and the
	// first has the most of any entity: Entity.statements agrees
	for _, l := range ls {
		if l.Statements < 1 || l.Entity.Type == "CONCEPT" {
			t.Errorf("ranked %+v", l)
		}
	}
	top := entityID(t, q, ls[0].Entity.Name)
	r = q(`query($id: ID!) { entity(id: $id) { statements(minConfidence: 0) { pageInfo { totalCount } } } }`, map[string]any{"id": top})
	var n struct {
		Entity struct {
			Statements struct{ PageInfo struct{ TotalCount int } }
		}
	}
	json.Unmarshal(r.Data, &n)
	if got, want := n.Entity.Statements.PageInfo.TotalCount, ls[0].Statements; got != want {
		t.Errorf("%s: %d statements by Entity.statements, %d by largestEntities", ls[0].Entity.Name, got, want)
	}
	t.Logf("largest: %+v", ls)
}

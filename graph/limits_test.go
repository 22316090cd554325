package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/store"
)

func code(r gqlResponse) string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

func TestDepthAndComplexityLimits(t *testing.T) {
	srv := newServer(t)
	deep := `{ entity(id: "x") { statements { edges { node { subject { statements { edges { node { subject {
	  statements { edges { node { subject { name } } } } } } } } } } } } } }`
	if r := post(t, srv, deep, nil); code(r) != "DEPTH_LIMIT_EXCEEDED" {
		t.Errorf("a 13-deep query: %+v, want DEPTH_LIMIT_EXCEEDED", r.Errors)
	}
	// A fragment does not hide depth.
	frag := `query { entity(id: "x") { ...A } } fragment A on Entity { statements { edges { node { subject { ...B } } } } }
	  fragment B on Entity { statements { edges { node { subject { statements { edges { node { subject { name } } } } } } } } }`
	if r := post(t, srv, frag, nil); code(r) != "DEPTH_LIMIT_EXCEEDED" {
		t.Errorf("depth through fragments: %+v", r.Errors)
	}
	costly := `{ searchEntities(query: "a", first: 100) { edges { node { statements(first: 100) { edges { node {
	  predicate subject { name } provenance { text sentence } } } } } } } }`
	if r := post(t, srv, costly, nil); code(r) != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Errorf("100 x 100 statements: %+v, want COMPLEXITY_LIMIT_EXCEEDED", r.Errors)
	}
	wide := `{ subgraph(seeds: ["x"], hops: 3, maxNodes: 500) { nodes { ... on Entity { statements(first: 100) { edges { node { predicate } } } } } } }`
	if r := post(t, srv, wide, nil); code(r) != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Errorf("a wide subgraph with statements per node: %+v, want COMPLEXITY_LIMIT_EXCEEDED", r.Errors)
	}
	fine := `{ searchEntities(query: "a", first: 20) { edges { node { statements(first: 20) { edges { node { predicate } } } } } } }`
	if r := post(t, srv, fine, nil); len(r.Errors) > 0 {
		t.Errorf("an ordinary query: %+v", r.Errors)
	}
}

func TestWriteAccess(t *testing.T) {
	const mutation = `mutation { ingestArticle(input: {text: "Mexico sent troops to the border."}) { created } }`
	postWith := func(srvURL, auth, q string) gqlResponse {
		t.Helper()
		body, _ := json.Marshal(map[string]any{"query": q})
		req, _ := http.NewRequest(http.MethodPost, srvURL, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out gqlResponse
		json.NewDecoder(resp.Body).Decode(&out)
		return out
	}
	tok := newServerWith(t, graph.HandlerOptions{WriteToken: "s3cret"})
	if r := postWith(tok.URL+"/query", "", mutation); code(r) != "UNAUTHENTICATED" {
		t.Errorf("no token: %+v", r.Errors)
	}
	if r := postWith(tok.URL+"/query", "Bearer wrong", mutation); code(r) != "UNAUTHENTICATED" {
		t.Errorf("wrong token: %+v", r.Errors)
	}
	if r := postWith(tok.URL+"/query", "Bearer s3cret", mutation); len(r.Errors) > 0 {
		t.Errorf("right token: %+v", r.Errors)
	}
	if r := postWith(tok.URL+"/query", "", `{ articles { pageInfo { totalCount } } }`); len(r.Errors) > 0 {
		t.Errorf("a query needs no token: %+v", r.Errors)
	}
	ro := newServerWith(t, graph.HandlerOptions{ReadOnly: true})
	if r := postWith(ro.URL+"/query", "", mutation); code(r) != "FORBIDDEN" {
		t.Errorf("read-only: %+v", r.Errors)
	}
}

func TestBadRequests(t *testing.T) {
	srv := newServerWith(t, graph.HandlerOptions{MaxBodyBytes: 1000})
	for _, tc := range []struct {
		name, contentType, body string
		want                    int
	}{
		{"too large", "application/json", `{"query": "` + strings.Repeat("x", 2000) + `"}`, http.StatusRequestEntityTooLarge},
		{"binary", "application/json", "\x00\x01\x02\xff", http.StatusBadRequest},
		{"not JSON", "application/json", "{query: nope", http.StatusBadRequest},
		{"no query", "application/json", `{}`, http.StatusUnprocessableEntity},
		{"unknown operation", "application/json", `{"query": "query A { articles { pageInfo { totalCount } } }", "operationName": "B"}`, http.StatusUnprocessableEntity},
		{"unknown field", "application/json", `{"query": "{ nosuch }"}`, http.StatusUnprocessableEntity},
		{"syntax", "application/json", `{"query": "{ articles { "}`, http.StatusUnprocessableEntity},
		{"wrong content type", "text/plain", `{"query": "{ articles { pageInfo { totalCount } } }"}`, http.StatusBadRequest},
		{"form", "application/x-www-form-urlencoded", `query=%7B+articles+%7B+pageInfo+%7B+totalCount+%7D+%7D+%7D`, http.StatusBadRequest},
		{"number for a String field", "application/json", `{"query": "mutation($i: ArticleInput!){ ingestArticle(input: $i){ created } }", "variables": {"i": {"text": 5}}}`, http.StatusUnprocessableEntity},
		{"number for a String variable", "application/json", `{"query": "query($q: String!){ searchEntities(query: $q){ pageInfo { totalCount } } }", "variables": {"q": 12}}`, http.StatusUnprocessableEntity},
		{"mutation with GET", "GET", `mutation { deleteArticle(id: "x") }`, http.StatusMethodNotAllowed},
		{"PUT", "PUT", `{"query": "{ articles { pageInfo { totalCount } } }"}`, http.StatusMethodNotAllowed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var req *http.Request
			switch tc.contentType {
			case "GET":
				req, _ = http.NewRequest(tc.contentType, srv.URL+"/query?query="+url.QueryEscape(tc.body), nil)
			case "PUT":
				req, _ = http.NewRequest(tc.contentType, srv.URL+"/query", strings.NewReader(tc.body))
				req.Header.Set("Content-Type", "application/json")
			default:
				req, _ = http.NewRequest(http.MethodPost, srv.URL+"/query", strings.NewReader(tc.body))
				req.Header.Set("Content-Type", tc.contentType)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var out gqlResponse
			json.NewDecoder(resp.Body).Decode(&out)
			if resp.StatusCode != tc.want {
				t.Errorf("status %d, want %d (%+v)", resp.StatusCode, tc.want, out.Errors)
			}
			if resp.StatusCode >= 400 && (len(out.Errors) == 0 || out.Errors[0].Message == "") {
				t.Errorf("status %d without an error message", resp.StatusCode)
			}
			if resp.StatusCode == http.StatusMethodNotAllowed && resp.Header.Get("Allow") == "" {
				t.Errorf("status 405 without an Allow header")
			}
			if resp.StatusCode >= 400 && len(out.Errors) > 0 && out.Errors[0].Extensions["code"] == nil {
				t.Errorf("status %d without extensions.code: %+v", resp.StatusCode, out.Errors)
			}
		})
	}
}

func TestCORS(t *testing.T) {
	h := graph.CORS([]string{"https://newsroom.example"}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	for _, tc := range []struct{ origin, want string }{
		{"https://newsroom.example", "https://newsroom.example"},
		{"https://evil.example", ""},
	} {
		req, _ := http.NewRequest(http.MethodOptions, "/query", nil)
		req.Header.Set("Origin", tc.origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		rec := newRecorder()
		h.ServeHTTP(rec, req)
		if got := rec.Header().Get("Access-Control-Allow-Origin"); got != tc.want {
			t.Errorf("origin %s: allowed %q, want %q", tc.origin, got, tc.want)
		}
	}
}

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }

// aliases repeats field under n aliases: { a0: field a1: field ... }.
func aliases(n int, field string) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a%d: %s", i, field)
	}
	b.WriteString(" }")
	return b.String()
}

// Queries within the body and depth limits that cost far more than their
// size: each was measured on 6,000 articles before its field got a cost.
func TestCostlyQueriesRefused(t *testing.T) {
	srv := newServer(t)
	for _, tc := range []struct {
		name, query string
	}{
		// RSS from 570 MB to 6.7 GB: 15,000 article texts.
		{"article text fan-out", aliases(150, "articles(first: 100) { edges { node { text } } }")},
		// 88 CPU-seconds and 6.9 GB: every alias reads every statement.
		{"statement scans", aliases(300, "statements { pageInfo { totalCount } }")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, tc.query, nil)
			if got, want := code(r), "COMPLEXITY_LIMIT_EXCEEDED"; got != want {
				t.Errorf("code %q (%+v), want %s", got, r.Errors, want)
			}
		})
	}
}

// ordinaryQueries are the queries the README and docs/api.md show and the
// explorer sends (its PLACE, NODE and STMT pieces put in).
func ordinaryQueries(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, doc := range []string{"README.md", "docs/api.md"} {
		text, err := os.ReadFile(filepath.Join("..", doc))
		if err != nil {
			t.Fatal(err)
		}
		for i, m := range regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllStringSubmatch(string(text), -1) {
			if q := strings.TrimSpace(m[1]); strings.HasPrefix(q, "{") {
				out[fmt.Sprintf("%s block %d", doc, i+1)] = q
			}
		}
	}
	app, err := os.ReadFile(filepath.Join("..", "explorer", "app.js"))
	if err != nil {
		t.Fatal(err)
	}
	js := string(app)
	piece := func(name string) string {
		m := regexp.MustCompile(`(?s)const ` + name + " = [\"`](.*?)[\"`];").FindStringSubmatch(js)
		if m == nil {
			t.Fatalf("explorer/app.js has no %s", name)
		}
		return m[1]
	}
	place := piece("PLACE")
	node := strings.ReplaceAll(piece("NODE"), "${PLACE}", place)
	stmt := strings.NewReplacer("${NODE}", node, "${PLACE}", place).Replace(piece("STMT"))
	for i, m := range regexp.MustCompile("(?s)gql\\(`(.*?)`").FindAllStringSubmatch(js, -1) {
		q := strings.NewReplacer("${NODE}", node, "${STMT}", stmt, "${PLACE}", place).Replace(m[1])
		out[fmt.Sprintf("explorer query %d", i+1)] = q
	}
	if len(out) < 8 {
		t.Fatalf("found %d queries in the README and the explorer, want at least 8", len(out))
	}
	return out
}

// dummyVariables gives each variable the query declares a value of its
// type: the limits are about the query's shape.
func dummyVariables(t *testing.T, q string) map[string]any {
	t.Helper()
	doc, err := parser.ParseQuery(&ast.Source{Input: q})
	if err != nil {
		t.Fatalf("parse %s: %v", q, err)
	}
	vars := map[string]any{}
	for _, op := range doc.Operations {
		for _, v := range op.VariableDefinitions {
			var val any = "https://newsgraph.dev/id/entity/none"
			switch v.Type.Name() {
			case "Float":
				val = 0.5
			case "Int":
				val = 1
			}
			if v.Type.Elem != nil {
				val = []any{val}
			}
			vars[v.Variable] = val
		}
	}
	return vars
}

// The limits leave what the README, docs/api.md and the explorer ask alone.
func TestOrdinaryQueriesPass(t *testing.T) {
	srv := newServer(t)
	for name, q := range ordinaryQueries(t) {
		t.Run(name, func(t *testing.T) {
			r := post(t, srv, q, dummyVariables(t, q))
			for _, e := range r.Errors {
				if e.Extensions["code"] != "NOT_FOUND" {
					t.Errorf("%s: %+v", q, e)
				}
			}
		})
	}
}

// The parsed-query cache is bounded in bytes, not entries: 1,000 distinct
// 3 MB queries used to fill it until the process died. Twelve distinct
// 1 MB queries that validate must not stay in memory.
func TestQueryCacheBounded(t *testing.T) {
	srv := newServerWith(t, graph.HandlerOptions{MaxBodyBytes: 2 << 20})
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	pad := strings.Repeat("x", 1<<20)
	before := heap()
	for i := range 12 {
		// Skipped: only the parse and the cache matter here.
		q := fmt.Sprintf(`{ searchEntities(query: "%d%s") @skip(if: true) { pageInfo { totalCount } } }`, i, pad)
		if r := post(t, srv, q, nil); len(r.Errors) > 0 {
			t.Fatalf("query %d: %+v", i, r.Errors)
		}
	}
	if grown := int64(heap()) - int64(before); grown > 4<<20 {
		t.Errorf("the heap grew by %d MB after 12 distinct 1 MB queries, want under 4 MB", grown>>20)
	}
}

// fanOut is a query of levels fragments, each spreading the next twice:
// a kilobyte that expands to 2^levels fields.
func fanOut(levels int) string {
	var b strings.Builder
	b.WriteString("{ ...F0 }")
	for i := range levels {
		fmt.Fprintf(&b, " fragment F%d on Query { ...F%d ...F%d }", i, i+1, i+1)
	}
	fmt.Fprintf(&b, " fragment F%d on Query { __typename }", levels)
	return b.String()
}

// Queries whose parse is cheap but whose validation or cost is not are
// refused before gqlgen validates them, from their shape alone.
func TestQueryShapeLimits(t *testing.T) {
	srv := newServer(t)
	for _, tc := range []struct {
		name, query string
	}{
		// 13 CPU-seconds of validation and complexity before the
		// complexity limit refused it.
		{"fragment fan-out", fanOut(26)},
		// Validation compares every two fields of one name: 2 s for
		// 5,000 (10 s for 10,000), and the query is valid.
		{"one field 5,000 times", "{" + strings.Repeat(" __typename", 5000) + " }"},
		// The same, with an error for every pair: 80,000 of them.
		{"400 conflicting aliases", conflicting(400)},
		// Validation compares every two fragments spread together: 1.3 s
		// for 1,000, 37 s for 4,000.
		{"1,000 fragments", func() string {
			var b strings.Builder
			b.WriteString("{")
			for i := range 1000 {
				fmt.Fprintf(&b, " ...F%d", i)
			}
			b.WriteString(" }")
			for i := range 1000 {
				fmt.Fprintf(&b, " fragment F%d on Query { a%d: __typename }", i, i)
			}
			return b.String()
		}()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, tc.query, nil)
			if got, want := code(r), "FIELD_LIMIT_EXCEEDED"; got != want {
				t.Errorf("code %q (%.300s), want %s", got, fmt.Sprint(r.Errors), want)
			}
		})
	}
}

// conflicting is n fields of one response name with different arguments.
func conflicting(n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a: articles(first: %d) { pageInfo { totalCount } }", i)
	}
	b.WriteString(" }")
	return b.String()
}

// Every list the API answers has a cap: an entity joined across 1,522
// articles listed them all, and as many names.
func TestListsCapped(t *testing.T) {
	srv, s := newServerStore(t, graph.HandlerOptions{})
	const hub = "https://newsgraph.dev/id/entity/person/hub"
	var nq strings.Builder
	entity := func(id, name string) {
		fmt.Fprintf(&nq, "<%s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <%sEntity> .\n", id, store.Vocab)
		fmt.Fprintf(&nq, "<%s> <%sname> %q .\n<%s> <%sentityType> \"PERSON\" .\n", id, store.Vocab, name, id, store.Vocab)
	}
	entity(hub, "Hub")
	for i := range 150 {
		fmt.Fprintf(&nq, "<%s> <%salias> \"Hub alias %d\" .\n", hub, store.Vocab, i)
		m := fmt.Sprintf("https://example.org/member/%d", i)
		entity(m, fmt.Sprintf("Member %d", i))
		fmt.Fprintf(&nq, "<%s> <http://www.w3.org/2002/07/owl#sameAs> <%s> .\n", m, hub)
	}
	// A statement whose reading has 30 further arguments.
	const st, prov = "https://example.org/statement/1", "https://example.org/provenance/1"
	fmt.Fprintf(&nq, "<%s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <%sStatement> .\n", st, store.Vocab)
	fmt.Fprintf(&nq, "<%s> <%spredicate> \"meet\" .\n<%s> <%ssubject> <%s> .\n<%s> <%sobject> <%s> .\n<%s> <%sprovenance> <%s> .\n",
		st, store.Vocab, st, store.Vocab, hub, st, store.Vocab, hub, st, store.Vocab, prov)
	for i := range 30 {
		a := fmt.Sprintf("https://example.org/argument/%d", i)
		fmt.Fprintf(&nq, "<%s> <%sargument> <%s> .\n<%s> <%sindex> \"%d\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", prov, store.Vocab, a, a, store.Vocab, i)
		fmt.Fprintf(&nq, "<%s> <%srole> \"OTHER\" .\n<%s> <%sargumentValue> <%s> .\n", a, store.Vocab, a, store.Vocab, hub)
	}
	if _, err := s.ImportNQuads(context.Background(), strings.NewReader(nq.String())); err != nil {
		t.Fatal(err)
	}
	t.Run("arguments", func(t *testing.T) {
		r := post(t, srv, `query($id: ID!) { statement(id: $id) { arguments { role } } }`, map[string]any{"id": st})
		var out struct {
			Statement struct{ Arguments []struct{ Role string } }
		}
		json.Unmarshal(r.Data, &out)
		if got, want := len(out.Statement.Arguments), graph.MaxArguments; got != want {
			t.Errorf("%d arguments, want %d (%+v)", got, want, r.Errors)
		}
	})
	t.Run("warnings", func(t *testing.T) {
		// Sentences over 200 words are skipped, each with a warning.
		text := strings.Repeat("Mexico"+strings.Repeat(" sent troops", 110)+".\n\n", 120)
		r := post(t, srv, `mutation($t: String!) { ingestArticle(input: {text: $t}) { warnings } }`, map[string]any{"t": text})
		var out struct{ IngestArticle struct{ Warnings []string } }
		json.Unmarshal(r.Data, &out)
		if got, want := len(out.IngestArticle.Warnings), graph.MaxWarnings; got != want {
			t.Errorf("%d warnings, want %d (%+v)", got, want, r.Errors)
		}
	})
	for _, tc := range []struct {
		name, args string
		want       int
	}{
		{"default", "", 20},
		{"asked for more than the most", "(first: 1000)", graph.MaxFirst},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, `query($id: ID!) { entity(id: $id) { aliases`+tc.args+` members`+tc.args+` { id } } }`, map[string]any{"id": hub})
			if len(r.Errors) > 0 {
				t.Fatalf("%+v", r.Errors)
			}
			var out struct {
				Entity struct {
					Aliases []string
					Members []struct{ ID string }
				}
			}
			json.Unmarshal(r.Data, &out)
			if got, want := len(out.Entity.Aliases), tc.want; got != want {
				t.Errorf("%d aliases, want %d", got, want)
			}
			if got, want := len(out.Entity.Members), tc.want; got != want {
				t.Errorf("%d members, want %d", got, want)
			}
		})
	}
}

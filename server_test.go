package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

// sampleServer serves the sample article from a memory store, with every
// route of `newsgraph serve`.
func sampleServer(t *testing.T) *httptest.Server {
	t.Helper()
	return articlesServer(t, []string{"testdata/articles/border-crossings.txt"},
		graph.ServerOptions{Gizmo: true, HandlerOptions: graph.HandlerOptions{Introspection: true}})
}

// The sample articles loaded in two orders give the same graph, byte for
// byte, cross-article links included.
func TestLoadOrder(t *testing.T) {
	files, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(files) < 10 {
		t.Fatalf("articles: %v (%d)", err, len(files))
	}
	export := func(order []string) string {
		s, err := store.Open(store.Config{Backend: store.Memory})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := load(context.Background(), loadConfig{maxBytes: 2 << 20}, s, order, io.Discard); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := s.ExportNQuads(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	reversed := slices.Clone(files)
	slices.Reverse(reversed)
	a, b := export(files), export(reversed)
	if a != b {
		t.Error("loading the sample articles in reverse order gave a different graph")
	}
	if !strings.Contains(a, "owl#sameAs") {
		t.Error("no cross-article link in the sample articles' graph")
	}
}

// Stopping the server lets a running request finish.
func TestGracefulShutdown(t *testing.T) {
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, serveConfig{addr: "127.0.0.1:0", loadConfig: loadConfig{maxBytes: 2 << 20}, server: graph.ServerOptions{Gizmo: true}}, s, pw)
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, pr)
	url := strings.Fields(strings.TrimPrefix(line, "newsgraph: GraphQL at "))[0]
	url = strings.TrimSuffix(strings.TrimSuffix(url, ","), "/query")
	// A Gizmo query that takes 600 ms (the memory backend allows a
	// second), then the stop.
	res := make(chan int, 1)
	go func() {
		resp, err := http.Post(url+"/gizmo", "application/javascript",
			strings.NewReader(`var t = Date.now(); while (Date.now() - t < 600) {}; g.V().All()`))
		if err != nil {
			res <- 0
			return
		}
		resp.Body.Close()
		res <- resp.StatusCode
	}()
	time.Sleep(300 * time.Millisecond)
	cancel()
	if code := <-res; code != http.StatusOK {
		t.Errorf("the request running at shutdown got %d, want 200", code)
	}
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
	if _, err := http.Get(url + "/query"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}

// Gizmo runs JavaScript: it is off unless serve is told --gizmo, and
// then needs the write token when one is set.
func TestGizmoAccess(t *testing.T) {
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	l, err := newLoader(kg.DefaultBase, 2<<20)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		o    graph.ServerOptions
		auth string
		want int
	}{
		{"off by default", graph.ServerOptions{}, "", http.StatusNotFound},
		{"on", graph.ServerOptions{Gizmo: true}, "", http.StatusOK},
		{"token set, none sent", graph.ServerOptions{Gizmo: true, HandlerOptions: graph.HandlerOptions{WriteToken: "s3cret"}}, "", http.StatusUnauthorized},
		{"token set, wrong one", graph.ServerOptions{Gizmo: true, HandlerOptions: graph.HandlerOptions{WriteToken: "s3cret"}}, "Bearer nope", http.StatusUnauthorized},
		{"token set and sent", graph.ServerOptions{Gizmo: true, HandlerOptions: graph.HandlerOptions{WriteToken: "s3cret"}}, "Bearer s3cret", http.StatusOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(serverRoutes(s, l, tc.o))
			defer srv.Close()
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/gizmo", strings.NewReader("g.V().All()"))
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var out struct{ Error string }
			json.NewDecoder(resp.Body).Decode(&out)
			if got, want := resp.StatusCode, tc.want; got != want || (got != http.StatusOK) != (out.Error != "") {
				t.Errorf("status %d (%q), want %d, and a message unless 200", got, out.Error, want)
			}
		})
	}
}

// A request's answer says what happened: an ingest whose write waits past
// the request's deadline is answered either with its success, when the
// write went on and committed, or with a timeout when nothing was
// written; never "timed out" for a write that commits afterwards.
func TestTimeoutAnswersWhatHappened(t *testing.T) {
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	l, err := newLoader(kg.DefaultBase, 2<<20)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(serverRoutes(s, l, graph.ServerOptions{HandlerOptions: graph.HandlerOptions{Timeout: 300 * time.Millisecond}}))
	defer srv.Close()
	// On the memory backend a Gizmo query holds the store's read lock
	// while it runs: the ingest's write waits for it, past the deadline.
	gctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	go s.Gizmo(gctx, `while (true) {}`, 1)
	time.Sleep(100 * time.Millisecond) // for the query to begin; not a bound
	body, _ := json.Marshal(map[string]any{"query": `mutation { ingestArticle(input: {text: "Mexico sent troops to the border."}) { created } }`})
	resp, err := http.Post(srv.URL+"/query", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Data   struct{ IngestArticle struct{ Created bool } }
		Errors []struct{ Extensions struct{ Code string } }
	}
	json.NewDecoder(resp.Body).Decode(&out)
	// Writes take turns: once this delete is through, the ingest's write
	// has committed or never will.
	if _, err := s.DeleteArticle(context.Background(), s.IRIs().Article("no such article")); err != nil {
		t.Fatal(err)
	}
	_, stored, err := s.Articles(context.Background(), 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	timedOut := len(out.Errors) > 0 && out.Errors[0].Extensions.Code == "TIMEOUT"
	switch {
	case out.Data.IngestArticle.Created && stored == 1:
	case timedOut && stored == 0:
	default:
		t.Errorf("answered %d %+v, and %d articles stored", resp.StatusCode, out, stored)
	}
}

// A client that sends its body a byte at a time is cut off: a body sent
// one byte every 2.8 s used to hold its connection open for as long as
// the client liked. The server is built as serve builds it.
func TestSlowBodyCut(t *testing.T) {
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	l, err := newLoader(kg.DefaultBase, 2<<20)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(nil)
	srv.Config = newHTTPServer(serverRoutes(s, l, graph.ServerOptions{}), 300*time.Millisecond)
	srv.Start()
	defer srv.Close()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	const size = 500
	fmt.Fprintf(conn, "POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", size)
	answered := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(conn).ReadString('\n')
		answered <- line
	}()
	sent := 0
	for ; sent < size; sent++ {
		select {
		case line := <-answered:
			t.Logf("cut after %d of %d bytes: %q", sent, size, line)
			return
		case <-time.After(20 * time.Millisecond):
		}
		if _, err := conn.Write([]byte(" ")); err != nil {
			return
		}
	}
	t.Errorf("the server took the whole %d-byte body, a byte every 20 ms", size)
}

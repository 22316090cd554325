package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/store"
)

// sampleServer serves the sample article from a memory store, with every
// route of `newsgraph serve`.
func sampleServer(t *testing.T) *httptest.Server {
	t.Helper()
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	cfg := config{maxBytes: 2 << 20}
	if err := load(context.Background(), cfg, s, []string{"testdata/articles/border-crossings.txt"}, io.Discard); err != nil {
		t.Fatal(err)
	}
	l, err := newLoader(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(routes(s, l, httpOptions{gizmo: true}))
	t.Cleanup(srv.Close)
	return srv
}

// TestPythonClient runs examples/test_client.py (standard library path)
// against a live server holding the sample article. It skips when
// python3 is not installed.
func TestPythonClient(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	srv := sampleServer(t)
	cmd := exec.Command(py, "test_client.py", srv.URL)
	cmd.Dir = "examples"
	cmd.Env = append(os.Environ(), "NEWSGRAPH_PLAIN=1", "PYTHONDONTWRITEBYTECODE=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python3 test_client.py: %v\n%s", err, out)
	}
	t.Logf("%s", out)
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
		if err := load(context.Background(), config{maxBytes: 2 << 20}, s, order, io.Discard); err != nil {
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
		done <- serve(ctx, config{addr: "127.0.0.1:0", maxBytes: 2 << 20, http: httpOptions{gizmo: true}}, s, pw)
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
	l, err := newLoader(config{maxBytes: 2 << 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		o    httpOptions
		auth string
		want int
	}{
		{"off by default", httpOptions{}, "", http.StatusNotFound},
		{"on", httpOptions{gizmo: true}, "", http.StatusOK},
		{"token set, none sent", httpOptions{gizmo: true, writeToken: "s3cret"}, "", http.StatusUnauthorized},
		{"token set, wrong one", httpOptions{gizmo: true, writeToken: "s3cret"}, "Bearer nope", http.StatusUnauthorized},
		{"token set and sent", httpOptions{gizmo: true, writeToken: "s3cret"}, "Bearer s3cret", http.StatusOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(routes(s, l, tc.o))
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

package graph_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/store"
)

func postGizmo(t *testing.T, url, query string) (int, string) {
	t.Helper()
	resp, err := http.Post(url+"/gizmo", "application/javascript", strings.NewReader(query))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct{ Error string }
	json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out.Error
}

// A query that doubles a string until the process dies is stopped by its
// memory budget (it reached 2.3 GB in its 10 s before the budget). The
// store is bbolt's: the memory backend's short deadline could stop the
// query first on a busy machine.
func TestGizmoMemoryBudget(t *testing.T) {
	s, err := store.Open(store.Config{Backend: store.Bolt, Path: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	srv := httptest.NewServer(http.StripPrefix("/gizmo", graph.GizmoHandler(s, graph.GizmoOptions{Memory: 16 << 20})))
	defer srv.Close()
	code, msg := postGizmo(t, srv.URL, `var s = "x"; while (true) { s = s + s; }`)
	if got, want := code, http.StatusUnprocessableEntity; got != want || !strings.Contains(msg, "memory") {
		t.Errorf("a string doubled forever: %d %q, want %d and a memory error", got, msg, want)
	}
}

// blockingGizmo holds every query until release is closed, and says when
// one has begun.
type blockingGizmo struct {
	begun   chan struct{}
	release chan struct{}
}

func (b blockingGizmo) Gizmo(ctx context.Context, q string, limit int) ([]any, error) {
	b.begun <- struct{}{}
	select {
	case <-b.release:
		return []any{}, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Gizmo queries run a few at a time, so that their memory budgets add up
// to a bound; one more is refused with 503 rather than queued.
func TestGizmoConcurrency(t *testing.T) {
	g := blockingGizmo{begun: make(chan struct{}, 8), release: make(chan struct{})}
	srv := httptest.NewServer(graph.GizmoHandler(g, graph.GizmoOptions{Concurrency: 1}))
	defer srv.Close()
	first := make(chan int, 1)
	go func() {
		code, _ := postGizmo(t, srv.URL, "g.V().All()")
		first <- code
	}()
	<-g.begun
	done := make(chan int, 1)
	go func() {
		code, _ := postGizmo(t, srv.URL, "g.V().All()")
		done <- code
	}()
	var second int
	select {
	case second = <-done:
	case <-g.begun:
		close(g.release)
		second = <-done
	}
	select {
	case <-g.release:
	default:
		close(g.release)
	}
	if got, want := second, http.StatusServiceUnavailable; got != want {
		t.Errorf("a second query while one runs: %d, want %d", got, want)
	}
	if got, want := <-first, http.StatusOK; got != want {
		t.Errorf("the first query: %d, want %d", got, want)
	}
}

// On the memory backend a Gizmo query holds the store's read lock while
// it runs, and a waiting write stalls every reader: the store stops such a
// query long before a caller's own deadline.
func TestGizmoMemoryBackendDeadline(t *testing.T) {
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), graph.GizmoTimeout)
	defer cancel()
	_, err = s.Gizmo(ctx, `while (true) {}`, 10)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("endless query: %v, want a deadline error", err)
	}
	if ctx.Err() != nil {
		t.Errorf("the query ran until the caller's own deadline (%s)", graph.GizmoTimeout)
	}
}

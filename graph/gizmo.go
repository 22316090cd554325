package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"runtime/metrics"
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph/kg"
)

// Gizmoer runs read-only Gizmo queries (Cayley's JavaScript traversal
// language).
type Gizmoer interface {
	// Gizmo returns once the query has stopped: when ctx ends, with ctx's
	// cause as its error.
	Gizmo(ctx context.Context, query string, limit int) ([]any, error)
}

// Limits of the Gizmo endpoint, the defaults of GizmoOptions.
const (
	GizmoMaxQuery    = 64 << 10
	GizmoMaxResults  = 1000
	GizmoTimeout     = 10 * time.Second
	GizmoMemory      = 64 << 20 // heap growth one query may cause, in bytes
	GizmoConcurrency = 2        // queries running at once
)

// GizmoOptions configure the Gizmo endpoint; zero fields take the
// defaults above.
type GizmoOptions struct {
	// Token, when set, is the bearer token a query needs: Gizmo runs the
	// client's JavaScript, which deserves the trust that writes do.
	Token       string
	Timeout     time.Duration
	Memory      uint64
	Concurrency int
}

// GizmoHandler serves POST /gizmo: the body is a Gizmo query (or JSON
// {"query": "..."}), the answer {"result": [...]} (with "truncated": true
// when there were more results than the limit) or {"error": "..."}.
// ?limit=N caps the results (default and most: GizmoMaxResults). Queries
// are read-only: Gizmo has no operation that writes.
//
// A query runs at most o.Timeout and may grow the heap by at most
// o.Memory bytes (422 beyond); o.Concurrency queries run at once and one
// more is refused with 503, so that the budgets add up to a bound.
func GizmoHandler(g Gizmoer, o GizmoOptions) http.Handler {
	if o.Timeout <= 0 {
		o.Timeout = GizmoTimeout
	}
	if o.Memory == 0 {
		o.Memory = GizmoMemory
	}
	if o.Concurrency <= 0 {
		o.Concurrency = GizmoConcurrency
	}
	running := make(chan struct{}, o.Concurrency)
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method != http.MethodPost {
			gizmoError(w, http.StatusMethodNotAllowed, "POST a Gizmo query")
			return
		}
		if o.Token != "" && !bearer(req.Header, o.Token) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
			gizmoError(w, http.StatusUnauthorized, "Gizmo queries need the write token: Authorization: Bearer <token>")
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, req.Body, GizmoMaxQuery))
		if err != nil {
			gizmoError(w, http.StatusRequestEntityTooLarge, "query larger than "+strconv.Itoa(GizmoMaxQuery)+" bytes")
			return
		}
		q := string(body)
		var wrapped struct{ Query string }
		if json.Unmarshal(body, &wrapped) == nil && wrapped.Query != "" {
			q = wrapped.Query
		}
		if q == "" {
			gizmoError(w, http.StatusBadRequest, "empty query")
			return
		}
		limit := GizmoMaxResults
		if v := req.URL.Query().Get("limit"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				gizmoError(w, http.StatusBadRequest, "limit must be a positive number")
				return
			}
			limit = min(n, GizmoMaxResults)
		}
		select {
		case running <- struct{}{}:
			defer func() { <-running }()
		default:
			w.Header().Set("Retry-After", "1")
			gizmoError(w, http.StatusServiceUnavailable, fmt.Sprintf("%d Gizmo queries are running, the most at once: try again shortly", o.Concurrency))
			return
		}
		ctx, cancel := context.WithTimeout(req.Context(), o.Timeout)
		defer cancel()
		ctx, stop := watchHeap(ctx, o.Memory)
		res, err := g.Gizmo(ctx, q, limit+1) // one more: was the answer cut?
		stop()
		truncated := len(res) > limit
		if truncated {
			res = res[:limit]
		}
		var over *overBudget
		if err != nil && errors.As(context.Cause(ctx), &over) {
			// The budget, when it ran out, is the better reason even if
			// a deadline stopped the query first.
			err = over
		}
		switch {
		case err == nil:
			w.Header().Set("Content-Type", "application/json")
			answer := map[string]any{"result": res}
			if truncated {
				answer["truncated"] = true // more results than the limit
			}
			json.NewEncoder(w).Encode(answer)
		case errors.As(err, &over):
			gizmoError(w, http.StatusUnprocessableEntity, over.Error()+" and was stopped")
		case errors.Is(err, context.DeadlineExceeded):
			gizmoError(w, http.StatusGatewayTimeout, "query ran longer than its time limit and was stopped")
		case kg.ErrorCode(err) == kg.EINVALID:
			gizmoError(w, http.StatusBadRequest, kg.ErrorMessage(err))
		default:
			log.Printf("gizmo: %v", err)
			gizmoError(w, http.StatusInternalServerError, "query failed")
		}
	})
}

// GizmoOff answers /gizmo on a server that does not run Gizmo queries.
func GizmoOff() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		gizmoError(w, http.StatusNotFound, "Gizmo is off on this server: start it with serve --gizmo")
	})
}

func gizmoError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// overBudget is the cause of a query stopped by watchHeap.
type overBudget struct{ budget uint64 }

func (e *overBudget) Error() string {
	return fmt.Sprintf("query used more than %d MB of memory", e.budget>>20)
}

// heapEvery is how often watchHeap looks at the heap: a string doubling
// in the interpreter takes longer than this once it is a few megabytes
// long, so a query overshoots its budget by about its last allocation (a
// little more when the watcher is held up: a busy machine, or the
// collector waiting for the interpreter's copy to end).
const heapEvery = 2 * time.Millisecond

// watchHeap returns a context that is cancelled, with an *overBudget
// cause, once the heap has grown by more than budget bytes since the
// call; stop ends the watch.
//
// Go keeps no account of memory per goroutine, so the growth is the whole
// process's: objects allocated and not yet swept, which includes garbage
// until the collector runs. Other requests allocating at the same time
// count against the query too: under load a query can be stopped early,
// never late. Gizmo is a power user's endpoint, off by default; a bound
// that errs that way is what it needs. A single operation of the
// interpreter that allocates gigabytes at once ("x".repeat(1e10)) is
// not stopped halfway: the budget can only act between operations.
func watchHeap(ctx context.Context, budget uint64) (_ context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(heapEvery)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
				metrics.Read(sample)
				if now := sample[0].Value.Uint64(); now > base && now-base > budget {
					cancel(&overBudget{budget})
					return
				}
			}
		}
	}()
	return ctx, func() {
		close(done)
		cancel(nil)
	}
}

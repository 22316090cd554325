package graph

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph/kg"
)

// Gizmoer runs read-only Gizmo queries (Cayley's JavaScript traversal
// language).
type Gizmoer interface {
	Gizmo(ctx context.Context, query string, limit int) ([]any, error)
}

// Limits of the Gizmo endpoint.
const (
	GizmoMaxQuery   = 64 << 10
	GizmoMaxResults = 1000
	GizmoTimeout    = 10 * time.Second
)

// GizmoHandler serves POST /gizmo: the body is a Gizmo query (or JSON
// {"query": "..."}), the answer {"result": [...]} or {"error": "..."}.
// ?limit=N caps the results (default and most: GizmoMaxResults). Queries
// are read-only: Gizmo has no operation that writes.
func GizmoHandler(g Gizmoer) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		reply := func(code int, v any) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(code)
			json.NewEncoder(w).Encode(v)
		}
		fail := func(code int, msg string) { reply(code, map[string]string{"error": msg}) }
		if req.Method != http.MethodPost {
			fail(http.StatusMethodNotAllowed, "POST a Gizmo query")
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, req.Body, GizmoMaxQuery))
		if err != nil {
			fail(http.StatusRequestEntityTooLarge, "query larger than "+strconv.Itoa(GizmoMaxQuery)+" bytes")
			return
		}
		q := string(body)
		var wrapped struct{ Query string }
		if json.Unmarshal(body, &wrapped) == nil && wrapped.Query != "" {
			q = wrapped.Query
		}
		if q == "" {
			fail(http.StatusBadRequest, "empty query")
			return
		}
		limit := GizmoMaxResults
		if v := req.URL.Query().Get("limit"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				fail(http.StatusBadRequest, "limit must be a positive number")
				return
			}
			limit = min(n, GizmoMaxResults)
		}
		ctx, cancel := context.WithTimeout(req.Context(), GizmoTimeout)
		defer cancel()
		res, err := g.Gizmo(ctx, q, limit)
		switch {
		case err == nil:
			reply(http.StatusOK, map[string]any{"result": res})
		case errors.Is(err, context.DeadlineExceeded):
			fail(http.StatusGatewayTimeout, "query ran longer than "+GizmoTimeout.String())
		case kg.ErrorCode(err) == kg.EINVALID:
			fail(http.StatusBadRequest, kg.ErrorMessage(err))
		default:
			log.Printf("gizmo: %v", err)
			fail(http.StatusInternalServerError, "query failed")
		}
	})
}

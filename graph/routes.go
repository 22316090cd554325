package graph

import (
	"net/http"
	"time"

	"github.com/newsgraph/newsgraph/explorer"
	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/playground"
)

// Backend is everything the server's endpoints need of a store.
type Backend interface {
	Store
	export.Source
	Gizmoer
}

// ServerOptions configure the endpoints Routes mounts.
type ServerOptions struct {
	HandlerOptions               // GraphQL at /query: limits and access
	ExportTimeout  time.Duration // GET /export's deadline (0: DefaultExportTimeout)
	Gizmo          bool          // serve Gizmo at /gizmo (with WriteToken when set)
	NoPlayground   bool          // no GraphiQL at /
	CORS           []string      // origins whose pages may call the API
	Vocab          string        // the vocabulary namespace exports write
	// MinConfidence hides the statements under it from the default views
	// (0: none hidden; serve's default is DefaultMinConfidence).
	MinConfidence float64
}

// Endpoint is a path Routes serves, and what is there.
type Endpoint struct{ Path, What string }

// Endpoints are the paths Routes serves, in the order serve's help lists
// them.
var Endpoints = []Endpoint{
	{"/query", "GraphQL (POST, GET)"},
	{"/", "the GraphiQL playground (its files under /playground/, all served offline)"},
	{"/explore/", "the explorer: search, neighbourhoods, paths, the sentence behind each edge, a map"},
	{"/export", "the graph or a subgraph as N-Quads, JSON-LD, node-link JSON or GraphML"},
	{"/gizmo", "Gizmo traversals (off unless asked for: a 404 says so)"},
}

// Routes is the whole server (Endpoints), as `newsgraph serve` runs it
// and the tests test it. The playground is off with o.NoPlayground and
// Gizmo on with o.Gizmo.
//
// Handlers get a deadline rather than http.TimeoutHandler, which answered
// "timed out" while the request went on (an ingest could commit after
// that answer) and buffered the whole response: they answer with what
// happened.
func Routes(r *Resolver, b Backend, o ServerOptions) http.Handler {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.ExportTimeout <= 0 {
		o.ExportTimeout = DefaultExportTimeout
	}
	r.svc.minConfidence = o.MinConfidence
	mux := http.NewServeMux()
	mux.Handle("/query", NewHandler(r, o.HandlerOptions))
	mux.Handle("/export", WithDeadline(ExportHandler(r, b, o.Vocab), o.ExportTimeout))
	if o.Gizmo {
		mux.Handle("/gizmo", GizmoHandler(b, GizmoOptions{Token: o.WriteToken}))
	} else {
		mux.Handle("/gizmo", GizmoOff())
	}
	if !o.NoPlayground {
		mux.Handle("/{$}", playground.Page())
		mux.Handle("/playground/", http.StripPrefix("/playground/", playground.Assets()))
	}
	mux.Handle("/explore/", http.StripPrefix("/explore/", explorer.Handler()))
	return CORS(o.CORS, mux)
}

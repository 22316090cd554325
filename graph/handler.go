package graph

import (
	"context"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
)

// HandlerOptions configure the HTTP handler.
type HandlerOptions struct {
	Introspection bool
	MaxBodyBytes  int64 // 0: DefaultMaxBodyBytes
	Complexity    int   // 0: DefaultMaxComplexity; see complexity() for the costs
	MaxDepth      int   // 0: DefaultMaxDepth
	ReadOnly      bool  // refuse mutations
	WriteToken    string
	// Timeout is the deadline of a request's context (0: none): reads
	// stop at it, and a write that has not begun is not begun; the
	// answer waits for the request to end and says what happened.
	Timeout time.Duration
}

// NewHandler returns the GraphQL endpoint.
func NewHandler(r *Resolver, o HandlerOptions) http.Handler {
	srv := handler.New(NewExecutableSchema(Config{Resolvers: r, Complexity: complexity()}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(withStatus{transport.GET{}})
	srv.AddTransport(withStatus{transport.POST{}})
	// Parsed and validated queries are kept: clients repeat theirs.
	cache := newQueryCache(QueryCacheBytes)
	srv.SetQueryCache(cache)
	srv.Use(shapeLimit{cache: cache})
	if o.Introspection {
		srv.Use(extension.Introspection{})
	} else {
		srv.Use(introspectionOff{})
	}
	if o.Complexity <= 0 {
		o.Complexity = DefaultMaxComplexity
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	// Depth first: it is the cheaper check, and the more telling error
	// for a deep query, which is usually costly too.
	srv.Use(depthLimit{Max: o.MaxDepth})
	srv.Use(extension.FixedComplexityLimit(o.Complexity))
	srv.Use(&stringVariables{})
	srv.Use(writeGuard{ReadOnly: o.ReadOnly, Token: o.WriteToken})
	srv.AroundOperations(withRequestCache)
	srv.SetErrorPresenter(ErrorPresenter)
	max := o.MaxBodyBytes
	if max <= 0 {
		max = DefaultMaxBodyBytes
	}
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if !readJSONBody(w, req, max) {
			return
		}
		if o.Timeout > 0 {
			ctx, cancel := context.WithTimeout(req.Context(), o.Timeout)
			defer cancel()
			req = req.WithContext(ctx)
		}
		srv.ServeHTTP(w, req)
	})
}

// DefaultMinConfidence is the confidence under which statements are
// hidden from the default views (statement lists, an entity's statements,
// traversals, the explorer), unless a query asks for them with
// minConfidence: the statement scorer's threshold (see the README).
const DefaultMinConfidence = 0.45

// DefaultTimeout bounds one request.
const DefaultTimeout = 30 * time.Second

// DefaultExportTimeout bounds GET /export, which streams a whole graph.
const DefaultExportTimeout = 10 * time.Minute

// WithDeadline gives each request's context a deadline d from its start:
// the handler sees it and decides what to answer (unlike
// http.TimeoutHandler, which answers for it and buffers its response).
func WithDeadline(h http.Handler, d time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		ctx, cancel := context.WithTimeout(req.Context(), d)
		defer cancel()
		h.ServeHTTP(w, req.WithContext(ctx))
	})
}

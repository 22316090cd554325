package graph

import (
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
)

// HandlerOptions configure the HTTP handler.
type HandlerOptions struct {
	Introspection bool
	MaxBodyBytes  int64
	Complexity    int
}

// NewHandler returns the GraphQL endpoint.
func NewHandler(r *Resolver, o HandlerOptions) http.Handler {
	srv := handler.New(NewExecutableSchema(Config{Resolvers: r}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	if o.Introspection {
		srv.Use(extension.Introspection{})
	}
	if o.Complexity > 0 {
		srv.Use(extension.FixedComplexityLimit(o.Complexity))
	}
	srv.SetErrorPresenter(ErrorPresenter)
	max := o.MaxBodyBytes
	if max <= 0 {
		max = 4 << 20
	}
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		req.Body = http.MaxBytesReader(w, req.Body, max)
		srv.ServeHTTP(w, req)
	})
}

// Playground returns the GraphiQL page that talks to endpoint.
func Playground(endpoint string) http.Handler {
	return playground.Handler("newsgraph", endpoint)
}

// DefaultTimeout bounds one request.
const DefaultTimeout = 30 * time.Second

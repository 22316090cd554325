package graph

import (
	"context"
	"crypto/subtle"
	"fmt"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/kg"
)

// Defaults of the server's limits (HandlerOptions).
const (
	DefaultMaxBodyBytes  = 4 << 20
	DefaultMaxComplexity = 50000
	DefaultMaxDepth      = 12
)

// Costs of fields that answer or read far more than a scalar, in the units
// of the complexity limit (a scalar field costs 1, about 100 bytes of
// answer).
const (
	// ArticleTextCost is an article's text: news articles are 1-10 KB,
	// 4 KB typically (the sample articles' median is 3.8 KB).
	ArticleTextCost = 50
	// EntityStatementsCost is what Entity.statements reads before its
	// page: all the entity's statements, to order them and count them
	// (thousands for a country in a large graph).
	EntityStatementsCost = 50
	// StatementScanCost is a statements list with no subject, object or
	// article to start from: its order and its totalCount need every
	// statement in the graph (2-4 s on 6,000 articles), whatever page is
	// asked for. At the default limit a query makes at most four.
	StatementScanCost = 10000
)

// complexity gives the fields whose cost grows with what they are asked
// for a cost to match: a list costs its size times what each element
// costs; a traversal, the nodes it may visit; text, its bytes; a scan,
// what it reads.
func complexity() ComplexityRoot {
	var c ComplexityRoot
	list := func(first *int, def int) int {
		n := def
		if first != nil {
			n = *first
		}
		return max(1, min(n, MaxFirst))
	}
	c.Query.SearchEntities = func(child int, _ string, _ *kg.EntityType, first *int, _ *string) int {
		return 1 + child*list(first, 20)
	}
	c.Query.Articles = func(child int, _ *string, first *int, _ *string) int { return 1 + child*list(first, 20) }
	c.Query.Statements = func(child int, f *model.StatementFilter, first *int, _ *string) int {
		if f == nil || f.Subject == nil && f.Object == nil && f.Article == nil {
			return StatementScanCost + child*list(first, 20)
		}
		return 1 + child*list(first, 20)
	}
	c.Query.Subgraph = func(child int, seeds []string, hops *int, _ *model.Direction, _ []string, _ []kg.EntityType, _ *float64, maxNodes *int) int {
		h, n := 1, 100
		if hops != nil {
			h = max(1, *hops)
		}
		if maxNodes != nil {
			n = max(1, *maxNodes)
		}
		return 10 + child*n*h
	}
	c.Query.ShortestPath = func(child int, _ string, _ string, maxHops *int, _ []string) int {
		h := 4
		if maxHops != nil {
			h = max(1, *maxHops)
		}
		return 100*h + child*h
	}
	c.Entity.Statements = func(child int, _ *model.Direction, _ *string, first *int, _ *string) int {
		return EntityStatementsCost + child*list(first, 20)
	}
	c.Article.Text = func(int) int { return ArticleTextCost }
	c.Entity.Cooccurring = func(child int, first *int) int { return 10 + child*list(first, 10) }
	c.Entity.Mentions = func(child int, first *int) int { return 1 + child*list(first, 100) }
	c.Statement.Provenance = func(child int, first *int) int { return 1 + child*list(first, 10) }
	c.Entity.Timeline = func(child int, first *int) int { return 10 + child*list(first, 50) }
	return c
}

// depthLimit refuses operations nested deeper than Max selections
// (fragments counted where they are spread): gqlgen has no such limit.
type depthLimit struct{ Max int }

func (depthLimit) ExtensionName() string { return "DepthLimit" }

func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if n := depth(oc.Operation.SelectionSet, oc.Doc.Fragments, 0); n > d.Max {
		return &gqlerror.Error{Message: fmt.Sprintf("operation is nested %d deep, over the limit of %d", n, d.Max),
			Extensions: map[string]any{"code": "DEPTH_LIMIT_EXCEEDED"}}
	}
	return nil
}

func depth(set ast.SelectionSet, frags ast.FragmentDefinitionList, seen int) int {
	if seen > 64 {
		return seen // a fragment cycle (validation refuses it anyway)
	}
	best := 0
	for _, s := range set {
		var n int
		switch s := s.(type) {
		case *ast.Field:
			n = 0
			if len(s.SelectionSet) > 0 {
				n = 1 + depth(s.SelectionSet, frags, seen+1)
			}
		case *ast.InlineFragment:
			n = depth(s.SelectionSet, frags, seen+1)
		case *ast.FragmentSpread:
			if f := frags.ForName(s.Name); f != nil {
				n = depth(f.SelectionSet, frags, seen+1)
			}
		}
		best = max(best, n)
	}
	return best
}

// writeGuard refuses mutations in read-only mode, and without the bearer
// token when one is set.
type writeGuard struct {
	ReadOnly bool
	Token    string
}

func (writeGuard) ExtensionName() string { return "WriteGuard" }

func (writeGuard) Validate(graphql.ExecutableSchema) error { return nil }

func (g writeGuard) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil || oc.Operation.Operation != ast.Mutation {
		return nil
	}
	if g.ReadOnly {
		return &gqlerror.Error{Message: "this server is read-only: mutations are off",
			Extensions: map[string]any{"code": "FORBIDDEN"}}
	}
	if g.Token == "" {
		return nil
	}
	if !bearer(oc.Headers, g.Token) {
		return &gqlerror.Error{Message: "mutations need the write token: Authorization: Bearer <token>",
			Extensions: map[string]any{"code": "UNAUTHENTICATED"}}
	}
	return nil
}

// bearer reports whether h carries Authorization: Bearer token.
func bearer(h http.Header, token string) bool {
	got, ok := strings.CutPrefix(h.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(token)) == 1
}

// CORS answers browsers from the allowed origins ("*" for any): their
// pages may call the API. Without origins it adds nothing, and browsers
// keep other sites' pages out.
func CORS(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	allowed := map[string]bool{}
	for _, o := range origins {
		allowed[strings.TrimRight(o, "/")] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin != "" && (allowed["*"] || allowed[origin]) {
			h := w.Header()
			if allowed["*"] {
				h.Set("Access-Control-Allow-Origin", "*")
			} else {
				h.Set("Access-Control-Allow-Origin", origin)
				h.Add("Vary", "Origin")
			}
			h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			h.Set("Access-Control-Allow-Headers", "Content-Type, Authorization")
			h.Set("Access-Control-Max-Age", "600")
		}
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}

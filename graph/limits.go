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
	"github.com/vektah/gqlparser/v2/parser"

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
	// PlaceScanCost is entitiesNear: it reads every stored place (each
	// GeoNames feature the graph's entities are, a few thousand in a
	// large graph) to measure its distance.
	PlaceScanCost = 1000
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
	c.Query.EntitiesNear = func(child int, _, _, _ float64, first *int) int {
		return PlaceScanCost + child*list(first, 20)
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
	c.Query.ShortestPath = func(child int, _ string, _ string, maxHops *int, _ []string, _ *float64) int {
		h := 4
		if maxHops != nil {
			h = max(1, *maxHops)
		}
		return 100*h + child*h
	}
	c.Entity.Statements = func(child int, _ *model.Direction, _ *string, _ *float64, first *int, _ *string) int {
		return EntityStatementsCost + child*list(first, 20)
	}
	c.Article.Text = func(int) int { return ArticleTextCost }
	// An alias is a name: a fifth of a scalar's bytes.
	c.Entity.Aliases = func(_ int, first *int) int { return 1 + list(first, 20)/5 }
	c.Entity.Members = func(child int, first *int) int { return 1 + child*list(first, 20) }
	c.Entity.Cooccurring = func(child int, first *int) int { return 10 + child*list(first, 10) }
	c.Query.LargestEntities = func(child int, first *int) int { return 10 + child*list(first, 10) }
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

// Limits of a query's shape, checked before gqlgen validates it.
const (
	// MaxFields bounds the fields a query expands to, fragments counted
	// where they are spread: complexity and depth are computed on the
	// expansion, and 26 fragments each spreading the next twice (a
	// kilobyte, 2^26 fields) took 13 CPU-seconds to be refused by them.
	MaxFields = 10000
	// MaxFieldPairs bounds the comparisons of fields under one response
	// name (gqlparser's OverlappingFieldsCanBeMerged compares every two,
	// and their subfields): the sum over the query's fields, merged by
	// response name and path, of their number squared. An ordinary query
	// names each field once and sums to its field count; 5,000 times
	// __typename took 2 s to validate, 10,000 times 10 s.
	MaxFieldPairs = 100000
	// MaxFragments bounds the named fragments of a query: validation
	// compares every two spread together (1,000 took 1.3 s, 4,000 37 s).
	MaxFragments = 100
)

// shapeLimit refuses queries over MaxFields, MaxFieldPairs or
// MaxFragments before they are validated: it runs before gqlgen's parse,
// parses the query itself (linear in its length) and counts with each
// fragment's count computed once. Queries in the cache were validated
// and are let through.
type shapeLimit struct {
	cache graphql.Cache[*ast.QueryDocument]
}

func (shapeLimit) ExtensionName() string { return "ShapeLimit" }

func (shapeLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (l shapeLimit) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if _, ok := l.cache.Get(ctx, p.Query); ok {
		return nil
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: p.Query})
	if err != nil {
		return nil // gqlgen's own parse reports it
	}
	refuse := func(format string, args ...any) *gqlerror.Error {
		return &gqlerror.Error{Message: fmt.Sprintf(format, args...), Extensions: map[string]any{"code": "FIELD_LIMIT_EXCEEDED"}}
	}
	if n := len(doc.Fragments); n > MaxFragments {
		return refuse("the query has %d fragments, over the limit of %d", n, MaxFragments)
	}
	sh := newShape(doc)
	var roots []ast.SelectionSet
	for _, op := range doc.Operations {
		roots = append(roots, op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		roots = append(roots, f.SelectionSet)
	}
	fields := 0
	for _, set := range roots {
		fields = min(fields+sh.fields(set), MaxFields+1)
	}
	if fields > MaxFields {
		return refuse("the query expands to over %d fields (fragments counted where they are spread)", MaxFields)
	}
	pairs := 0
	for _, set := range roots {
		pairs += sh.pairs([]ast.SelectionSet{set})
	}
	if pairs > MaxFieldPairs {
		return refuse("the query repeats fields under one name too often: %d pairs to compare, over the limit of %d", pairs, MaxFieldPairs)
	}
	return nil
}

// shape counts what a query document expands to.
type shape struct {
	frags    map[string]*ast.FragmentDefinition
	counted  map[string]int  // fields each fragment expands to
	visiting map[string]bool // fragments being expanded: a cycle counts 0
}

func newShape(doc *ast.QueryDocument) *shape {
	sh := &shape{frags: map[string]*ast.FragmentDefinition{}, counted: map[string]int{}, visiting: map[string]bool{}}
	for _, f := range doc.Fragments {
		sh.frags[f.Name] = f
	}
	return sh
}

// fields counts the fields set expands to, at most MaxFields+1.
func (sh *shape) fields(set ast.SelectionSet) int {
	n := 0
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			n += 1 + sh.fields(s.SelectionSet)
		case *ast.InlineFragment:
			n += sh.fields(s.SelectionSet)
		case *ast.FragmentSpread:
			n += sh.fragment(s.Name)
		}
		if n > MaxFields {
			return MaxFields + 1
		}
	}
	return n
}

func (sh *shape) fragment(name string) int {
	if n, ok := sh.counted[name]; ok {
		return n
	}
	f := sh.frags[name]
	if f == nil || sh.visiting[name] {
		return 0 // unknown fragments and cycles are validation's to refuse
	}
	sh.visiting[name] = true
	n := sh.fields(f.SelectionSet)
	delete(sh.visiting, name)
	sh.counted[name] = n
	return n
}

// pairs sums, over the fields of sets merged by response name (their
// subfields merged the same way, recursively), the square of how many
// fields each name has. Its work is the expansion's size, which fields
// has bounded.
func (sh *shape) pairs(sets []ast.SelectionSet) int {
	count := map[string]int{}
	children := map[string][]ast.SelectionSet{}
	var order []string
	var collect func(ast.SelectionSet)
	collect = func(set ast.SelectionSet) {
		for _, s := range set {
			switch s := s.(type) {
			case *ast.Field:
				name := s.Alias
				if name == "" {
					name = s.Name
				}
				if count[name] == 0 {
					order = append(order, name)
				}
				count[name]++
				if len(s.SelectionSet) > 0 {
					children[name] = append(children[name], s.SelectionSet)
				}
			case *ast.InlineFragment:
				collect(s.SelectionSet)
			case *ast.FragmentSpread:
				if f := sh.frags[s.Name]; f != nil && !sh.visiting[s.Name] {
					sh.visiting[s.Name] = true
					collect(f.SelectionSet)
					delete(sh.visiting, s.Name)
				}
			}
		}
	}
	for _, set := range sets {
		collect(set)
	}
	n := 0
	for _, name := range order {
		n += count[name] * count[name]
		if n > MaxFieldPairs {
			return n
		}
		if len(children[name]) > 0 {
			n += sh.pairs(children[name])
		}
	}
	return n
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

package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph/kg"
)

// requestCache remembers, for one GraphQL operation, the entities and the
// whole statements already read: a list of statements about one entity
// reads that entity once, not once per statement (the N+1 pattern), and a
// statement's provenance once for all the fields that need it.
type requestCache struct {
	mu         sync.Mutex
	entities   map[string]*kg.Entity
	statements map[string]*kg.Statement
}

type cacheKey struct{}

// withRequestCache is the operation middleware that gives each operation
// its cache.
func withRequestCache(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	c := &requestCache{entities: map[string]*kg.Entity{}, statements: map[string]*kg.Statement{}}
	return next(context.WithValue(ctx, cacheKey{}, c))
}

func cacheOf(ctx context.Context) *requestCache {
	c, _ := ctx.Value(cacheKey{}).(*requestCache)
	return c
}

// entity reads an entity, once per operation.
func (s *Service) entity(ctx context.Context, id string) (*kg.Entity, error) {
	c := cacheOf(ctx)
	if c != nil {
		c.mu.Lock()
		e, ok := c.entities[id]
		c.mu.Unlock()
		if ok {
			return e, nil
		}
	}
	e, err := s.store.Entity(ctx, id)
	if err != nil {
		return nil, err
	}
	if c != nil {
		c.mu.Lock()
		c.entities[id] = e
		c.mu.Unlock()
	}
	return e, nil
}

// full returns st with its provenance: st itself when it has it, else
// the store's whole statement, read once per operation.
func (s *Service) full(ctx context.Context, st *kg.Statement) (*kg.Statement, error) {
	if !st.Partial {
		return st, nil
	}
	c := cacheOf(ctx)
	if c != nil {
		c.mu.Lock()
		f, ok := c.statements[st.ID]
		c.mu.Unlock()
		if ok {
			return f, nil
		}
	}
	f, err := s.store.Statement(ctx, st.ID)
	if err != nil {
		return nil, err
	}
	if c != nil {
		c.mu.Lock()
		c.statements[st.ID] = f
		c.mu.Unlock()
	}
	return f, nil
}

// pinned reads now, into the operation's cache, the entities at the ends
// of a list of statements that the query asks for, so that each
// statement is shown with the ends it had when it was listed. A
// statement one of whose entities a concurrent deletion has removed since
// is left out: read later, its non-null subject would fail and, with it,
// the whole answer. at is where the statements sit in what the field
// being resolved returns (see asksEnds).
func (s *Service) pinned(ctx context.Context, sts []*kg.Statement, at ...selection) ([]*kg.Statement, error) {
	if cacheOf(ctx) == nil {
		return sts, nil
	}
	subject, object := asksEnds(ctx, at)
	if !subject && !object {
		return sts, nil
	}
	out := sts[:0:0]
next:
	for _, st := range sts {
		for _, end := range []struct {
			n     kg.Node
			asked bool
		}{{st.Subject, subject}, {st.Object, object}} {
			if !end.asked || !end.n.IsEntity() {
				continue
			}
			if _, err := s.entity(ctx, end.n.ID); kg.ErrorCode(err) == kg.ENOTFOUND {
				continue next
			} else if err != nil {
				return nil, err
			}
		}
		out = append(out, st)
	}
	return out, nil
}

// selection is a field of an object type.
type selection struct{ typ, field string }

// The statements of a StatementConnection, and of a Subgraph.
var (
	inConnection = []selection{{"StatementConnection", "edges"}, {"StatementEdge", "node"}}
	inSubgraph   = []selection{{"Subgraph", "edges"}}
)

// asksEnds says whether the field being resolved asks for the subjects
// and the objects of the statements it reaches through the fields at;
// both when it cannot tell.
func asksEnds(ctx context.Context, at []selection) (subject, object bool) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !graphql.HasOperationContext(ctx) {
		return true, true
	}
	oc := graphql.GetOperationContext(ctx)
	sets := []ast.SelectionSet{fc.Field.Selections}
	for _, step := range append(at, selection{"Statement", ""}) {
		var next []ast.SelectionSet
		for _, set := range sets {
			for _, f := range graphql.CollectFields(oc, set, []string{step.typ}) {
				switch {
				case step.field == "":
					subject = subject || f.Name == "subject"
					object = object || f.Name == "object"
				case f.Name == step.field:
					next = append(next, f.Selections)
				}
			}
		}
		sets = next
	}
	return subject, object
}

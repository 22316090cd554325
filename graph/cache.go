package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"

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

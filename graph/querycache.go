package graph

import (
	"container/list"
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Bounds of the parsed-query cache.
const (
	// QueryCacheBytes is the memory the cache may hold, as charged.
	QueryCacheBytes = 32 << 20
	// QueryCacheMaxQuery is the longest query kept: clients repeat
	// ordinary queries, which are a few kilobytes at most.
	QueryCacheMaxQuery = 64 << 10
	// queryCacheCharge is what an entry is charged per byte of its query:
	// a parsed and validated query of fields keeps 24-29 times its length
	// (measured on the explorer's queries and on wide ones).
	queryCacheCharge = 32
)

// queryCache keeps parsed and validated queries, the least recently used
// dropped first, within a budget in bytes: gqlgen's lru counts entries, and
// 1,000 distinct 3 MB queries filled it until the process died. Queries
// over QueryCacheMaxQuery are not kept at all.
type queryCache struct {
	mu     sync.Mutex
	budget int
	used   int
	order  *list.List // of *cachedQuery, the most recently used first
	byKey  map[string]*list.Element
}

type cachedQuery struct {
	key string
	doc *ast.QueryDocument
}

var _ graphql.Cache[*ast.QueryDocument] = (*queryCache)(nil)

func newQueryCache(budget int) *queryCache {
	return &queryCache{budget: budget, order: list.New(), byKey: map[string]*list.Element{}}
}

func charge(query string) int { return len(query) * queryCacheCharge }

// Get returns the document parsed from query, if it is kept.
func (c *queryCache) Get(_ context.Context, query string) (*ast.QueryDocument, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[query]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*cachedQuery).doc, true
}

// Add keeps doc, parsed from query, unless query is too long to keep.
func (c *queryCache) Add(_ context.Context, query string, doc *ast.QueryDocument) {
	if len(query) > QueryCacheMaxQuery || charge(query) > c.budget {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[query]; ok {
		e.Value.(*cachedQuery).doc = doc
		c.order.MoveToFront(e)
		return
	}
	c.byKey[query] = c.order.PushFront(&cachedQuery{key: query, doc: doc})
	c.used += charge(query)
	for c.used > c.budget {
		last := c.order.Back()
		q := c.order.Remove(last).(*cachedQuery)
		delete(c.byKey, q.key)
		c.used -= charge(q.key)
	}
}

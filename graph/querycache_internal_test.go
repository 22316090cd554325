package graph

import (
	"context"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
)

func TestQueryCache(t *testing.T) {
	ctx := context.Background()
	query := func(c byte, n int) string { return "{" + strings.Repeat(string(c), n) + "}" }
	small := 1000 // charged 32,000 bytes
	c := newQueryCache(4 * charge(query('a', small)))
	doc := &ast.QueryDocument{}
	for _, b := range []byte("abcd") {
		c.Add(ctx, query(b, small), doc)
	}
	if _, ok := c.Get(ctx, query('a', small)); !ok {
		t.Fatal("a query kept within the budget is gone")
	}
	c.Add(ctx, query('e', small), doc) // over the budget: b, the least recently used, goes
	c.Add(ctx, query('f', QueryCacheMaxQuery), doc)
	for _, tc := range []struct {
		name  string
		query string
		kept  bool
	}{
		{"recently used", query('a', small), true},
		{"least recently used", query('b', small), false},
		{"newest", query('e', small), true},
		{"over the longest kept", query('f', QueryCacheMaxQuery), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, got := c.Get(ctx, tc.query); got != tc.kept {
				t.Errorf("kept %v, want %v", got, tc.kept)
			}
		})
	}
	if got, want := c.used, 4*charge(query('a', small)); got != want {
		t.Errorf("charged %d bytes, want %d", got, want)
	}
	if got, want := c.order.Len(), len(c.byKey); got != want {
		t.Errorf("%d entries in order, %d by key", got, want)
	}
}

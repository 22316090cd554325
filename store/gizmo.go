package store

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"

	"github.com/newsgraph/newsgraph/kg"
)

// Gizmo runs a query in Cayley's Gizmo language (JavaScript traversals:
// g.V("<iri>").Out("<predicate>").All()) and returns at most limit
// results as JSON-ready values. Gizmo has no way to write, so a query
// cannot change the graph; ctx bounds its run (an endless loop is
// interrupted when ctx ends).
func (s *Store) Gizmo(ctx context.Context, q string, limit int) ([]any, error) {
	defer s.reading()()
	sess := gizmo.NewSession(s.reader())
	it, err := sess.Execute(ctx, q, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, kg.Errorf(kg.EINVALID, "gizmo: %v", err)
	}
	defer it.Close()
	out := []any{}
	for len(out) < limit && it.Next(ctx) {
		out = append(out, it.Result())
	}
	if err := it.Err(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("gizmo: %w", ctx.Err())
		}
		return nil, kg.Errorf(kg.EINVALID, "gizmo: %v", err)
	}
	return out, nil
}

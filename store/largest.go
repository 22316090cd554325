package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/kg"
)

// Largest lists the entities that are the subject or the object of the
// most statements (an entity and the members joined to it count as one),
// most first, then by name: at most limit of them. The counts are made
// once per state of the graph (one pass over the statements' subject and
// object quads) and kept until the next change to the link index.
func (s *Store) Largest(ctx context.Context, limit int) ([]kg.Ranked, error) {
	x, err := s.links(ctx)
	if err != nil {
		return nil, fmt.Errorf("largest entities: %w", err)
	}
	c := x.rankCache()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ranked == nil {
		ranked, err := s.rank(ctx, x)
		if err != nil {
			return nil, fmt.Errorf("largest entities: %w", err)
		}
		c.ranked = ranked
	}
	return c.ranked[:min(limit, len(c.ranked))], nil
}

// rank counts the statements of every entity of x.
func (s *Store) rank(ctx context.Context, x *linkIndex) ([]kg.Ranked, error) {
	counts := map[string]int{}
	for _, p := range []quad.IRI{pSubject, pObject} {
		err := s.eachQuad(ctx, quad.Predicate, p, func(q quad.Quad) {
			if iri, ok := q.Object.(quad.IRI); ok {
				if _, entity := x.entityName(string(iri)); entity {
					counts[x.canonical(string(iri))]++
				}
			}
		})
		if err != nil {
			return nil, err
		}
	}
	ranked := make([]kg.Ranked, 0, len(counts))
	for id, n := range counts {
		ranked = append(ranked, kg.Ranked{Entity: id, Statements: n})
	}
	name := func(id string) string {
		n, _ := x.entityName(id)
		return n
	}
	sort.Slice(ranked, func(i, j int) bool {
		a, b := ranked[i], ranked[j]
		if a.Statements != b.Statements {
			return a.Statements > b.Statements
		}
		if na, nb := name(a.Entity), name(b.Entity); na != nb {
			return na < nb
		}
		return a.Entity < b.Entity
	})
	return ranked, nil
}

// eachQuad calls f with every quad whose direction d is v, without
// holding them all.
func (s *Store) eachQuad(ctx context.Context, d quad.Direction, v quad.Value, f func(quad.Quad)) error {
	defer s.reading()()
	qs := s.reader()
	ref, err := qs.ValueOf(v)
	if err != nil || ref == nil {
		return err
	}
	it := qs.QuadIterator(d, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			return err
		}
		f(q)
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/kg"
)

// Entity returns the entity with IRI id, or the entity it was joined to
// across articles (see kg.LinkEntities): its name and type are the
// canonical entity's, its aliases every name of every member, and its
// Members say which entities were joined and by which rule.
func (s *Store) Entity(ctx context.Context, id string) (*kg.Entity, error) {
	x, err := s.links(ctx)
	if err != nil {
		return nil, err
	}
	c := x.canonical(id)
	e, err := x.record(ctx, s, c)
	if gone(err) && c != id {
		// the index predates the deletion of the entity it joined id to
		c = id
		e, err = x.record(ctx, s, c)
	}
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{e.Name: true}
	for _, a := range e.Aliases {
		seen[a] = true
	}
	for _, m := range x.cluster(c) {
		if m == c {
			continue
		}
		r, err := x.record(ctx, s, m)
		if gone(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		e.Members = append(e.Members, kg.Member{ID: m, Name: r.Name, Type: r.Type, Rule: x.ruleOf(m)})
		for _, n := range append([]string{r.Name}, r.Aliases...) {
			if !seen[n] {
				seen[n] = true
				e.Aliases = append(e.Aliases, n)
			}
		}
		// what other graphs call a member, the whole cluster is
		for _, iri := range r.SameAs {
			if !slices.Contains(e.SameAs, iri) {
				e.SameAs = append(e.SameAs, iri)
			}
		}
		if e.Location == nil {
			e.Location = r.Location
		}
	}
	// An imported graph holds the links as owl:sameAs quads between its
	// own entities: what the cluster already says is no outside IRI, and
	// an entity is never its own sameAs.
	e.SameAs = slices.DeleteFunc(e.SameAs, func(iri string) bool {
		return iri == c || slices.ContainsFunc(e.Members, func(m kg.Member) bool { return m.ID == iri })
	})
	sort.Strings(e.Aliases)
	sort.Strings(e.SameAs)
	return e, nil
}

// entityRecord is one stored entity as its articles gave it, before
// cross-article linking.
func (s *Store) entityRecord(ctx context.Context, id string) (*kg.Entity, error) {
	p, err := s.props(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	if len(p[rdfType]) == 0 || p.iri(rdfType) != string(classEntity) {
		return nil, kg.Errorf(kg.ENOTFOUND, "no entity %s", id)
	}
	e := &kg.Entity{ID: id, Name: p.str(pName), Type: kg.EntityType(p.str(pEntityType)), Aliases: p.strs(pAlias)}
	if e.Aliases == nil {
		e.Aliases = []string{}
	}
	// Names can differ slightly between articles that share an IRI; the
	// first in sort order is shown and the others become aliases.
	if names := p.strs(pName); len(names) > 1 {
		e.Name = names[0]
		e.Aliases = append(e.Aliases, names[1:]...)
	}
	e.SameAs = p.iris(owlSameAs)
	for _, iri := range e.SameAs {
		if l, err := s.place(ctx, iri); err != nil {
			return nil, fmt.Errorf("entity %s: %w", id, err)
		} else if l != nil {
			e.Location = l
			break
		}
	}
	return e, nil
}

// place reads the location of a place node (a GeoNames feature), or nil
// when iri is not one.
func (s *Store) place(ctx context.Context, iri string) (*kg.Geocode, error) {
	id, ok := kg.GeonamesID(iri)
	if !ok {
		return nil, nil
	}
	p, err := s.props(ctx, iri)
	if err != nil {
		return nil, err
	}
	if p.iri(rdfType) != string(classPlace) {
		return nil, nil
	}
	lat, _ := p.num(pLat)
	lon, _ := p.num(pLong)
	return &kg.Geocode{Lat: lat, Lon: lon, CountryCode: p.str(pCountryCode), Admin: p.str(pAdmin), GeonamesID: id, Kind: p.str(pPlaceKind)}, nil
}

// Mentions returns the mentions of an entity across articles, the
// mentions of the entities joined to it included.
func (s *Store) Mentions(ctx context.Context, id string) ([]kg.MentionRecord, error) {
	x, err := s.links(ctx)
	if err != nil {
		return nil, err
	}
	var ms []string
	for _, m := range x.cluster(id) {
		more, err := s.subjectsOf(ctx, pMentionOf, quad.IRI(m))
		if err != nil {
			return nil, fmt.Errorf("mentions of %s: %w", id, err)
		}
		ms = append(ms, more...)
	}
	out := make([]kg.MentionRecord, 0, len(ms))
	for _, m := range ms {
		p, err := s.props(ctx, m)
		if err != nil {
			return nil, err
		}
		if p.iri(rdfType) != string(classMention) {
			continue // deleted since it was listed
		}
		start, _ := p.num(pStart)
		end, _ := p.num(pEnd)
		sent, _ := p.num(pSentence)
		out = append(out, kg.MentionRecord{Mention: kg.Mention{Start: int(start), End: int(end), Text: p.str(pText),
			Sentence: int(sent), Rule: p.str(pRule)}, Article: p.iri(pArticle)})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Article != out[b].Article {
			return out[a].Article < out[b].Article
		}
		return out[a].Start < out[b].Start
	})
	return out, nil
}

// SearchEntities finds entities whose name or an alias contains query
// (case and accents ignored), optionally of one type. Exact names come
// first, then prefixes, then the rest, each by name.
func (s *Store) SearchEntities(ctx context.Context, query string, typ kg.EntityType, offset, limit int) ([]*kg.Entity, int, error) {
	x, err := s.links(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("search entities: %w", err)
	}
	q := kg.Fold(query)
	type hit struct {
		e    *searchEntry
		rank int
	}
	var hits []hit
	x.searchEntries(func(e *searchEntry) {
		if typ != "" && e.typ != typ {
			return
		}
		rank := -1
		for _, f := range e.folded {
			switch {
			case f == q:
				rank = 0
			case strings.HasPrefix(f, q) && (rank < 0 || rank > 1):
				rank = 1
			case strings.Contains(f, q) && rank < 0:
				rank = 2
			}
		}
		if rank >= 0 {
			hits = append(hits, hit{e, rank})
		}
	})
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].rank != hits[b].rank {
			return hits[a].rank < hits[b].rank
		}
		if hits[a].e.name != hits[b].e.name {
			return hits[a].e.name < hits[b].e.name
		}
		return hits[a].e.id < hits[b].e.id
	})
	out := make([]*kg.Entity, 0, limit)
	for i := offset; i < len(hits) && len(out) < limit; i++ {
		e, err := s.Entity(ctx, hits[i].e.id)
		if gone(err) {
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		out = append(out, e)
	}
	return out, len(hits), nil
}

// Node returns the node (entity or value) with IRI id.
func (s *Store) Node(ctx context.Context, id string) (kg.Node, error) {
	p, err := s.props(ctx, id)
	if err != nil {
		return kg.Node{}, err
	}
	if len(p) == 0 {
		return kg.Node{}, kg.Errorf(kg.ENOTFOUND, "no node %s", id)
	}
	n := kg.Node{ID: id, Name: p.str(pName), Type: kg.EntityType(p.str(pEntityType)), Unit: p.str(pUnit)}
	if names := p.strs(pName); len(names) > 0 {
		n.Name = names[0]
	}
	if v, ok := p.num(pValue); ok {
		n.Value = &v
	}
	return n, nil
}

package store

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/kg"
)

// Vocabularies whose sameAs the linker follows.
const (
	owlSameAs    = quad.IRI("http://www.w3.org/2002/07/owl#sameAs")
	schemaSameAs = quad.IRI("http://schema.org/sameAs")
)

// linkIndex is the result of kg.LinkEntities over the whole store: which
// entity stands for which.
type linkIndex struct {
	canon   map[string]string   // member -> canonical, for joined members only
	members map[string][]string // canonical -> its members, canonical first
	rule    map[string]string   // member -> the rule that joined it
	// search lists the canonical entities with every name of their
	// cluster, folded, for SearchEntities.
	search []searchEntry
	// records are the stored entities as read to link them: Entity
	// answers from them until the next write.
	records map[string]*kg.Entity
	// stale marks an index served while a newer one is built (see
	// links): its joins and search lag the last write by the rebuild, but
	// its records are not used, so an entity reads as stored now.
	stale bool
	// rank holds the entities by their statements, counted on the first
	// call of Largest after the index was built; a stale copy shares it.
	rank *rankCache
}

type rankCache struct {
	mu     sync.Mutex
	ranked []kg.Ranked
}

type searchEntry struct {
	id, name string
	typ      kg.EntityType
	folded   []string
}

func (x *linkIndex) canonical(id string) string {
	if c, ok := x.canon[id]; ok {
		return c
	}
	return id
}

// cluster is every IRI that stands for the same entity as id.
func (x *linkIndex) cluster(id string) []string {
	c := x.canonical(id)
	if m := x.members[c]; len(m) > 0 {
		return m
	}
	return []string{c}
}

// links returns the current link index, computing it after a write. The
// index is a function of the stored entities and sameAs quads only, so it
// does not depend on the order articles were loaded in. When building it
// took long (a large graph), a write does not make readers wait: they are
// served the index as it was while one rebuild runs in the background
// (articles written meanwhile are read, but their entities are joined and
// searchable once it is done, a second or so later).
func (s *Store) links(ctx context.Context) (*linkIndex, error) {
	return s.linkIndex(ctx, false)
}

// currentLinks is the link index as of the last write, built now if the
// one at hand is older: exports, which are read as one state of the
// graph, use it.
func (s *Store) currentLinks(ctx context.Context) (*linkIndex, error) {
	return s.linkIndex(ctx, true)
}

func (s *Store) linkIndex(ctx context.Context, current bool) (*linkIndex, error) {
	s.linkMu.Lock()
	if s.linkCache != nil && (s.linkGen == s.linkBuiltGen || s.slowLinks() && !current) {
		x := s.linkCache
		if s.linkGen != s.linkBuiltGen {
			if !s.linkBuilding {
				s.linkBuilding = true
				go s.rebuildLinks()
			}
			y := *x
			y.stale = true
			x = &y
		}
		s.linkMu.Unlock()
		return x, nil
	}
	defer s.linkMu.Unlock()
	gen := s.linkGen
	start := time.Now()
	x, err := s.buildLinks(ctx)
	if err != nil {
		return nil, err
	}
	s.linkCache, s.linkBuiltGen, s.linkCost = x, gen, time.Since(start)
	return x, nil
}

// Indexes are rebuilt on the next read after a write unless they are
// slow to build: over syncRelinkCost, for an index of more than
// syncRelinkEntities entities, which is then rebuilt in the background.
// The count keeps small graphs always fresh, however loaded the machine.
const (
	syncRelinkCost     = 100 * time.Millisecond
	syncRelinkEntities = 2000
)

// slowLinks reports whether the link index is rebuilt in the background;
// linkMu must be held.
func (s *Store) slowLinks() bool {
	return s.linkCost > syncRelinkCost && len(s.linkCache.records) > syncRelinkEntities
}

// rebuildLinks rebuilds the index in the background until it is current.
func (s *Store) rebuildLinks() {
	for {
		s.linkMu.Lock()
		gen := s.linkGen
		s.linkMu.Unlock()
		start := time.Now()
		x, err := s.buildLinks(context.Background())
		s.linkMu.Lock()
		if err == nil && gen >= s.linkBuiltGen {
			s.linkCache, s.linkBuiltGen, s.linkCost = x, gen, time.Since(start)
		}
		if err != nil || s.linkGen == s.linkBuiltGen {
			s.linkBuilding = false
			s.linkMu.Unlock()
			return
		}
		s.linkMu.Unlock()
	}
}

// buildLinks reads every entity and sameAs quad and links them.
func (s *Store) buildLinks(ctx context.Context) (*linkIndex, error) {
	ids, err := s.subjectsOf(ctx, rdfType, classEntity)
	if err != nil {
		return nil, fmt.Errorf("link entities: %w", err)
	}
	recs := make([]kg.LinkRecord, 0, len(ids))
	records := make(map[string]*kg.Entity, len(ids))
	for _, id := range ids {
		e, err := s.entityRecord(ctx, id)
		if gone(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		records[id] = e
		recs = append(recs, kg.LinkRecord{ID: e.ID, Type: e.Type, Name: e.Name, Aliases: e.Aliases})
	}
	var pairs [][2]string
	for _, p := range []quad.IRI{owlSameAs, schemaSameAs} {
		qs, err := s.quadsWith(ctx, quad.Predicate, p)
		if err != nil {
			return nil, fmt.Errorf("link entities: %w", err)
		}
		for _, q := range qs {
			a, okA := q.Subject.(quad.IRI)
			b, okB := q.Object.(quad.IRI)
			if okA && okB {
				pairs = append(pairs, [2]string{string(a), string(b)})
			}
		}
	}
	x := &linkIndex{canon: map[string]string{}, members: map[string][]string{}, rule: map[string]string{}, records: records,
		rank: &rankCache{}}
	for _, l := range kg.LinkEntities(recs, pairs) {
		x.canon[l.From] = l.To
		x.rule[l.From] = l.Rule
		if len(x.members[l.To]) == 0 {
			x.members[l.To] = []string{l.To}
		}
		x.members[l.To] = append(x.members[l.To], l.From)
	}
	for c, m := range x.members {
		sort.Strings(m[1:])
		x.members[c] = m
	}
	entries := map[string]*searchEntry{}
	for _, r := range recs {
		c := x.canonical(r.ID)
		e := entries[c]
		if e == nil {
			e = &searchEntry{id: c}
			entries[c] = e
		}
		if r.ID == c {
			e.name, e.typ = r.Name, r.Type
		}
		for _, n := range append([]string{r.Name}, r.Aliases...) {
			e.folded = append(e.folded, kg.Fold(n))
		}
	}
	for _, r := range recs {
		if e := entries[r.ID]; e != nil {
			x.search = append(x.search, *e)
		}
	}
	return x, nil
}

// relinked drops the link index after a write.
func (s *Store) relinked() {
	s.linkMu.Lock()
	s.linkGen++
	s.linkMu.Unlock()
}

// SameAs lists every link the store makes between entities, sorted: the
// owl:sameAs statements an export carries so that another graph can join
// the same entities.
func (s *Store) SameAs(ctx context.Context) ([]kg.Link, error) {
	x, err := s.currentLinks(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]kg.Link, 0, len(x.canon))
	for from, to := range x.canon {
		out = append(out, kg.Link{From: from, To: to, Rule: x.rule[from]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From < out[j].From })
	return out, nil
}

// record is a copy of the stored entity id as of the index, read from the
// store when the index does not have it or is stale.
func (x *linkIndex) record(ctx context.Context, s *Store, id string) (*kg.Entity, error) {
	r, ok := x.records[id]
	if !ok || x.stale {
		return s.entityRecord(ctx, id)
	}
	e := *r
	e.Aliases = append([]string(nil), r.Aliases...)
	e.SameAs = append([]string(nil), r.SameAs...)
	return &e, nil
}

// Canonical returns the IRI of the entity that stands for id across
// articles (id itself when nothing was joined to it, or for values).
func (s *Store) Canonical(ctx context.Context, id string) (string, error) {
	x, err := s.links(ctx)
	if err != nil {
		return "", err
	}
	return x.canonical(id), nil
}

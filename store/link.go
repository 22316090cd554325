package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/kg"
)

// Vocabularies whose sameAs the linker follows.
const (
	owlSameAs    = quad.IRI("http://www.w3.org/2002/07/owl#sameAs")
	schemaSameAs = quad.IRI("http://schema.org/sameAs")
)

// linkIndex is the result of kg.LinkEntities over the whole store: which
// entity stands for which, the names SearchEntities looks in, and the
// stored entities themselves. It is built once, in full, then kept
// current one change at a time (update): a write costs what its own
// entities and those they could be joined to cost, not what the graph
// costs. Its methods are safe for concurrent use.
//
// An update recomputes the links of a region that holds every entity the
// change could affect: kg.LinkEntities only ever joins entities that
// share a key (one's folded name and another's alias, of one type; the
// last word of a person's name; one's acronym and another's initials; a
// sameAs IRI), so the links inside a connected set of the key graph are
// the same whether computed over that set or over the whole graph. The conformance suite
// checks an index kept by updates against one built in full.
type linkIndex struct {
	mu      sync.RWMutex
	records map[string]*kg.Entity // every stored entity, as stored
	pairs   map[string][]string   // sameAs objects by subject (any subject)
	canon   map[string]string     // member -> canonical, for joined members only
	members map[string][]string   // canonical -> its members, canonical first
	rule    map[string]string     // member -> the rule that joined it
	// search holds the canonical entities with every name of their
	// cluster, folded, for SearchEntities.
	search map[string]*searchEntry
	// keys are the link keys of each node (entities and the IRIs of
	// sameAs pairs), byKey the nodes of each key.
	keys  map[string][]string
	byKey map[string]map[string]bool
	// rank holds the entities by their statements (largest.go), counted
	// on the first call of Largest since the last change; a change
	// replaces it.
	rank *rankCache
}

type rankCache struct {
	mu     sync.Mutex
	ranked []kg.Ranked
}

// rankCache is the ranking of the index's current state.
func (x *linkIndex) rankCache() *rankCache {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.rank
}

// entityName is the name of the stored entity id, and whether there is
// one.
func (x *linkIndex) entityName(id string) (string, bool) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	r, ok := x.records[id]
	if !ok {
		return "", false
	}
	return r.Name, true
}

type searchEntry struct {
	id, name string
	typ      kg.EntityType
	folded   []string
}

func newLinkIndex() *linkIndex {
	return &linkIndex{records: map[string]*kg.Entity{}, pairs: map[string][]string{}, canon: map[string]string{},
		members: map[string][]string{}, rule: map[string]string{}, search: map[string]*searchEntry{},
		keys: map[string][]string{}, byKey: map[string]map[string]bool{}, rank: &rankCache{}}
}

func (x *linkIndex) canonical(id string) string {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if c, ok := x.canon[id]; ok {
		return c
	}
	return id
}

// cluster is every IRI that stands for the same entity as id.
func (x *linkIndex) cluster(id string) []string {
	x.mu.RLock()
	defer x.mu.RUnlock()
	c := id
	if cc, ok := x.canon[id]; ok {
		c = cc
	}
	if m := x.members[c]; len(m) > 0 {
		return append([]string(nil), m...)
	}
	return []string{c}
}

// ruleOf is the rule that joined id to its cluster ("" when none did).
func (x *linkIndex) ruleOf(id string) string {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.rule[id]
}

// searchEntries calls f on every search entry, under the read lock.
func (x *linkIndex) searchEntries(f func(*searchEntry)) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	for _, e := range x.search {
		f(e)
	}
}

// record is a copy of the stored entity id, read from the store when the
// index does not have it.
func (x *linkIndex) record(ctx context.Context, s *Store, id string) (*kg.Entity, error) {
	x.mu.RLock()
	r, ok := x.records[id]
	x.mu.RUnlock()
	if !ok {
		return s.entityRecord(ctx, id)
	}
	e := *r
	e.Aliases = append([]string(nil), r.Aliases...)
	e.SameAs = append([]string(nil), r.SameAs...)
	return &e, nil
}

// linkKeys are the keys of node id (see linkIndex): nodes that share
// none are never joined, directly or through others. Some keys come in
// pairs (partner): a name is joined to the entities that have it as an
// alias, not to the others of the same name, and an acronym to the names
// with those initials, not names to each other.
func linkKeys(id string, r *kg.Entity, pairs []string) []string {
	keys := []string{"sa:" + id}
	for _, o := range pairs {
		keys = append(keys, "sa:"+o)
	}
	if r == nil {
		return keys
	}
	typ := string(r.Type) + "\x00"
	keys = append(keys, "an:"+typ+kg.Fold(r.Name))
	for _, a := range r.Aliases {
		keys = append(keys, "aa:"+typ+kg.Fold(a))
	}
	if r.Type == kg.Person {
		if t := strings.Fields(kg.Fold(r.Name)); len(t) > 0 {
			keys = append(keys, "pn:"+t[len(t)-1])
		}
	} else {
		if ac, ok := kg.Acronym(r.Name); ok {
			keys = append(keys, "ac:"+ac)
		}
		if in := kg.Initials(r.Name); in != "" && r.Type.IsNamed() {
			keys = append(keys, "ai:"+in)
		}
	}
	return keys
}

// partner is the key whose nodes a node with key k may be joined to.
func partner(k string) string {
	switch k[:3] {
	case "an:":
		return "aa:" + k[3:]
	case "aa:":
		return "an:" + k[3:]
	case "ac:":
		return "ai:" + k[3:]
	case "ai:":
		return "ac:" + k[3:]
	}
	return k
}

// setNode records what is known of node id now (r nil: not an entity),
// moving it between keys; x.mu must be held for writing.
func (x *linkIndex) setNode(id string, r *kg.Entity, pairs []string) {
	for _, k := range x.keys[id] {
		delete(x.byKey[k], id)
		if len(x.byKey[k]) == 0 {
			delete(x.byKey, k)
		}
	}
	if r == nil {
		delete(x.records, id)
	} else {
		x.records[id] = r
	}
	if r == nil && len(pairs) == 0 {
		delete(x.pairs, id)
		delete(x.keys, id)
		// still the object of someone's sameAs: a node of its own
		if len(x.byKey["sa:"+id]) > 0 {
			x.keys[id] = []string{"sa:" + id}
			x.byKey["sa:"+id][id] = true
		}
		return
	}
	if len(pairs) == 0 {
		delete(x.pairs, id)
	} else {
		x.pairs[id] = pairs
	}
	keys := linkKeys(id, r, pairs)
	x.keys[id] = keys
	for _, k := range keys {
		if x.byKey[k] == nil {
			x.byKey[k] = map[string]bool{}
		}
		x.byKey[k][id] = true
	}
	// A sameAs object is a node of its own (an outside IRI, or an entity
	// not read yet), reached through its own key.
	for _, o := range pairs {
		if _, ok := x.keys[o]; !ok {
			x.keys[o] = []string{"sa:" + o}
			if x.byKey["sa:"+o] == nil {
				x.byKey["sa:"+o] = map[string]bool{}
			}
			x.byKey["sa:"+o][o] = true
		}
	}
}

// region adds to set every node connected to ids through shared keys;
// x.mu must be held.
func (x *linkIndex) region(ids []string, set map[string]bool) {
	queue := append([]string(nil), ids...)
	for _, id := range ids {
		set[id] = true
	}
	seenKey := map[string]bool{}
	for len(queue) > 0 {
		id := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, k := range x.keys[id] {
			k = partner(k)
			if seenKey[k] {
				continue
			}
			seenKey[k] = true
			for o := range x.byKey[k] {
				if !set[o] {
					set[o] = true
					queue = append(queue, o)
				}
			}
		}
	}
}

// relink recomputes the links and search entries of the nodes in set, a
// union of whole regions; x.mu must be held for writing.
func (x *linkIndex) relink(set map[string]bool) {
	var recs []kg.LinkRecord
	var pairs [][2]string
	for id := range set {
		if c, ok := x.canon[id]; ok {
			delete(x.members, c)
		}
		delete(x.members, id)
		delete(x.canon, id)
		delete(x.rule, id)
		delete(x.search, id)
		if r := x.records[id]; r != nil {
			recs = append(recs, kg.LinkRecord{ID: r.ID, Type: r.Type, Name: r.Name, Aliases: r.Aliases})
		}
		for _, o := range x.pairs[id] {
			pairs = append(pairs, [2]string{id, o})
		}
	}
	// LinkEntities sorts the records; the pairs are sorted here so that
	// the same graph links the same way however its maps are ordered.
	sort.Slice(pairs, func(i, j int) bool {
		return pairs[i][0] < pairs[j][0] || pairs[i][0] == pairs[j][0] && pairs[i][1] < pairs[j][1]
	})
	for _, l := range kg.LinkEntities(recs, pairs) {
		x.canon[l.From] = l.To
		x.rule[l.From] = l.Rule
		if len(x.members[l.To]) == 0 {
			x.members[l.To] = []string{l.To}
		}
		x.members[l.To] = append(x.members[l.To], l.From)
	}
	for _, r := range recs {
		if m := x.members[r.ID]; len(m) > 0 {
			sort.Strings(m[1:])
		}
	}
	for _, r := range recs {
		c := r.ID
		if cc, ok := x.canon[r.ID]; ok {
			c = cc
		}
		e := x.search[c]
		if e == nil {
			e = &searchEntry{id: c}
			x.search[c] = e
		}
		if r.ID == c {
			e.name, e.typ = r.Name, r.Type
		}
		for _, n := range append([]string{r.Name}, r.Aliases...) {
			e.folded = append(e.folded, kg.Fold(n))
		}
	}
}

// links returns the link index, built in full on first use; writes, here
// or (on PostgreSQL) in other processes, keep it current (update).
func (s *Store) links(ctx context.Context) (*linkIndex, error) {
	if x := s.linkIdx.Load(); x != nil {
		return x, nil
	}
	s.linkMu.Lock()
	defer s.linkMu.Unlock()
	if x := s.linkIdx.Load(); x != nil {
		return x, nil
	}
	// Changes committed from here on are applied to the index even if
	// the build below already saw them: applying one twice is harmless.
	since, err := s.changeSeq(ctx)
	if err != nil {
		return nil, fmt.Errorf("link entities: %w", err)
	}
	x, err := s.buildLinks(ctx)
	if err != nil {
		return nil, err
	}
	s.linkIdx.Store(x)
	s.watchChanges(since)
	return x, nil
}

// currentLinks is the link index as of the last write here: exports use
// it. Local writes update the index before they return, so it is links.
func (s *Store) currentLinks(ctx context.Context) (*linkIndex, error) {
	return s.links(ctx)
}

// buildLinks reads every entity and sameAs quad and links them.
func (s *Store) buildLinks(ctx context.Context) (*linkIndex, error) {
	ids, err := s.subjectsOf(ctx, rdfType, classEntity)
	if err != nil {
		return nil, fmt.Errorf("link entities: %w", err)
	}
	x := newLinkIndex()
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
	}
	pairs := map[string][]string{}
	for _, p := range []quad.IRI{owlSameAs, schemaSameAs} {
		qs, err := s.quadsWith(ctx, quad.Predicate, p)
		if err != nil {
			return nil, fmt.Errorf("link entities: %w", err)
		}
		for _, q := range qs {
			a, okA := q.Subject.(quad.IRI)
			b, okB := q.Object.(quad.IRI)
			if okA && okB {
				pairs[string(a)] = appendNew(pairs[string(a)], string(b))
			}
		}
	}
	all := map[string]bool{}
	for id, r := range records {
		x.setNode(id, r, pairs[id])
		all[id] = true
	}
	for id, ps := range pairs {
		if records[id] == nil {
			x.setNode(id, nil, ps)
		}
		all[id] = true
		for _, o := range ps {
			all[o] = true
		}
	}
	x.relink(all)
	return x, nil
}

func appendNew(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// updateLinks brings the index up to date with a change to the nodes ids
// (entities whose names, aliases or type changed, subjects of sameAs
// quads added or deleted): it reads those nodes again and relinks the
// regions they were and are in. A nil index (not built yet) needs
// nothing: it will be built from the store.
func (s *Store) updateLinks(ctx context.Context, ids []string) error {
	s.linkMu.Lock()
	defer s.linkMu.Unlock()
	x := s.linkIdx.Load()
	if x == nil {
		return nil
	}
	if len(ids) == 0 {
		// Statements changed, if not entities: the ranking goes.
		x.mu.Lock()
		x.rank = &rankCache{}
		x.mu.Unlock()
		return nil
	}
	type node struct {
		r     *kg.Entity
		pairs []string
	}
	now := make(map[string]node, len(ids))
	for _, id := range ids {
		if _, ok := now[id]; ok {
			continue
		}
		r, err := s.entityRecord(ctx, id)
		if gone(err) {
			r, err = nil, nil
		}
		if err != nil {
			return fmt.Errorf("relink %s: %w", id, err)
		}
		p, err := s.props(ctx, id)
		if err != nil {
			return fmt.Errorf("relink %s: %w", id, err)
		}
		var pairs []string
		for _, v := range append(append([]quad.Value(nil), p[owlSameAs]...), p[schemaSameAs]...) {
			if o, ok := v.(quad.IRI); ok {
				pairs = appendNew(pairs, string(o))
			}
		}
		now[id] = node{r, pairs}
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	set := map[string]bool{}
	x.region(ids, set) // where the nodes were
	for id, n := range now {
		x.setNode(id, n.r, n.pairs)
	}
	x.region(ids, set) // where they are
	x.relink(set)
	x.rank = &rankCache{}
	return nil
}

// rebuildLinks drops the index, and the adjacency index with it, to be
// built again in full on next use (after a change they may have missed).
func (s *Store) rebuildLinks() {
	s.linkMu.Lock()
	s.linkIdx.Store(nil)
	s.linkMu.Unlock()
	s.dropAdjacency()
}

// linkSubjects are the nodes whose link records quads change: the
// subjects of entity types, names, aliases and sameAs links.
func linkSubjects(quads []quad.Quad) []string {
	seen := map[string]bool{}
	var out []string
	for _, q := range quads {
		switch q.Predicate {
		case rdfType:
			if q.Object != classEntity {
				continue
			}
		case pName, pAlias, pEntityType, owlSameAs, schemaSameAs:
		default:
			continue
		}
		if id, ok := q.Subject.(quad.IRI); ok && !seen[string(id)] {
			seen[string(id)] = true
			out = append(out, string(id))
		}
	}
	sort.Strings(out)
	return out
}

// SameAs lists every link the store makes between entities, sorted: the
// owl:sameAs statements an export carries so that another graph can join
// the same entities.
func (s *Store) SameAs(ctx context.Context) ([]kg.Link, error) {
	x, err := s.currentLinks(ctx)
	if err != nil {
		return nil, err
	}
	return x.links(), nil
}

func (x *linkIndex) links() []kg.Link {
	x.mu.RLock()
	defer x.mu.RUnlock()
	out := make([]kg.Link, 0, len(x.canon))
	for from, to := range x.canon {
		out = append(out, kg.Link{From: from, To: to, Rule: x.rule[from]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From < out[j].From })
	return out
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

// VerifyLinks builds the link index in full, from the store, and reports
// how the index kept current by writes differs from it (nil when it does
// not): the joins, their rules and the names search looks in. The
// conformance suite runs it after writes and deletions.
func (s *Store) VerifyLinks(ctx context.Context) error {
	x, err := s.links(ctx)
	if err != nil {
		return err
	}
	s.linkMu.Lock() // no update between the two
	defer s.linkMu.Unlock()
	full, err := s.buildLinks(ctx)
	if err != nil {
		return err
	}
	var diffs []string
	kept, want := x.links(), full.links()
	if fmt.Sprint(kept) != fmt.Sprint(want) {
		diffs = append(diffs, fmt.Sprintf("links: kept %v, full build %v", kept, want))
	}
	a, b := x.searchSummary(), full.searchSummary()
	for id, v := range b {
		if a[id] != v {
			diffs = append(diffs, fmt.Sprintf("search entry %s: kept %q, full build %q", id, a[id], v))
		}
	}
	for id, v := range a {
		if _, ok := b[id]; !ok {
			diffs = append(diffs, fmt.Sprintf("search entry %s: kept %q, not in the full build", id, v))
		}
	}
	if len(diffs) > 0 {
		sort.Strings(diffs)
		return fmt.Errorf("the link index kept by writes differs from a full build:\n%s", strings.Join(diffs, "\n"))
	}
	return nil
}

// searchSummary is each search entry as one comparable string.
func (x *linkIndex) searchSummary() map[string]string {
	x.mu.RLock()
	defer x.mu.RUnlock()
	out := make(map[string]string, len(x.search))
	for id, e := range x.search {
		f := append([]string(nil), e.folded...)
		sort.Strings(f)
		out[id] = fmt.Sprintf("%s|%s|%s", e.name, e.typ, strings.Join(f, ","))
	}
	return out
}

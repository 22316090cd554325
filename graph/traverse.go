package graph

import (
	"context"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader/gazetteer"
)

// Limits of the traversals.
const (
	MaxHops      = 3     // subgraph
	MaxPathHops  = 6     // shortestPath
	MaxNodes     = 500   // subgraph
	maxNeighbors = 10000 // statements read around one node
)

// TraversalOptions select the statements a traversal follows.
type TraversalOptions struct {
	Direction     model.Direction
	Predicates    []string // empty: all
	Types         []kg.EntityType
	MinConfidence float64
}

func (o TraversalOptions) follows(st *kg.Statement) bool {
	if st.Confidence < o.MinConfidence {
		return false
	}
	if len(o.Predicates) == 0 {
		return true
	}
	for _, p := range o.Predicates {
		if st.Predicate == p {
			return true
		}
	}
	return false
}

func (o TraversalOptions) reaches(n kg.Node) bool {
	if len(o.Types) == 0 {
		return true
	}
	for _, t := range o.Types {
		if n.Type == t {
			return true
		}
	}
	return false
}

// neighbors returns the statements around node id that o follows, and the
// node at their other end (canonical IRIs), in a fixed order.
func (s *Service) neighbors(ctx context.Context, id string, o TraversalOptions) ([]*kg.Statement, []kg.Node, error) {
	var sts []*kg.Statement
	var ends []kg.Node
	seen := map[string]bool{}
	try := func(f kg.StatementFilter, out bool) error {
		found, _, err := s.store.Statements(ctx, f, 0, maxNeighbors)
		if err != nil {
			return err
		}
		for _, st := range found {
			if seen[st.ID] || !o.follows(st) {
				continue
			}
			end := st.Object
			if !out {
				end = st.Subject
			}
			if end.ID, err = s.store.Canonical(ctx, end.ID); err != nil {
				return err
			}
			if !o.reaches(end) {
				continue
			}
			seen[st.ID] = true
			sts = append(sts, st)
			ends = append(ends, end)
		}
		return nil
	}
	if o.Direction != model.DirectionIn {
		if err := try(kg.StatementFilter{Subject: id}, true); err != nil {
			return nil, nil, err
		}
	}
	if o.Direction != model.DirectionOut {
		if err := try(kg.StatementFilter{Object: id}, false); err != nil {
			return nil, nil, err
		}
	}
	return sts, ends, nil
}

// seedNode resolves a traversal's starting point: an entity (through the
// entity it was joined to) or a value.
func (s *Service) seedNode(ctx context.Context, id string) (kg.Node, error) {
	c, err := s.store.Canonical(ctx, id)
	if err != nil {
		return kg.Node{}, err
	}
	n, err := s.store.Node(ctx, c)
	if err != nil {
		return kg.Node{}, err
	}
	return n, nil
}

// subgraph walks breadth first from the seeds through the nodes that
// carry a path (see carries; the others are leaves), checking the request
// context at every hop and stopping at maxNodes.
func (s *Service) subgraph(ctx context.Context, seeds []string, hops, maxNodes int, o TraversalOptions) (*model.Subgraph, error) {
	if hops < 0 || hops > MaxHops {
		return nil, kg.Errorf(kg.EINVALID, "hops must be between 0 and %d", MaxHops)
	}
	if maxNodes < 1 || maxNodes > MaxNodes {
		return nil, kg.Errorf(kg.EINVALID, "maxNodes must be between 1 and %d", MaxNodes)
	}
	if len(seeds) == 0 || len(seeds) > maxNodes {
		return nil, kg.Errorf(kg.EINVALID, "give between 1 and maxNodes seeds")
	}
	out := &model.Subgraph{Nodes: []model.Node{}, Edges: []*kg.Statement{}}
	have := map[string]bool{}
	edges := map[string]bool{}
	var frontier []string
	add := func(n kg.Node, seed bool) error {
		if have[n.ID] {
			return nil
		}
		have[n.ID] = true
		gn, err := s.node(ctx, n)
		if err != nil {
			return err
		}
		out.Nodes = append(out.Nodes, gn)
		if seed || carries(n) {
			frontier = append(frontier, n.ID)
		}
		return nil
	}
	for _, id := range seeds {
		n, err := s.seedNode(ctx, id)
		if err != nil {
			return nil, err
		}
		if err := add(n, true); err != nil {
			return nil, err
		}
	}
	for hop := 0; hop < hops && len(frontier) > 0; hop++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		current := frontier
		frontier = nil
		for _, id := range current {
			sts, ends, err := s.neighbors(ctx, id, o)
			if err != nil {
				return nil, err
			}
			for i, st := range sts {
				if !have[ends[i].ID] {
					if len(have) >= maxNodes {
						out.Truncated = true
						continue
					}
					if err := add(ends[i], false); err != nil {
						return nil, err
					}
				}
				if !edges[st.ID] {
					edges[st.ID] = true
					out.Edges = append(out.Edges, st)
				}
			}
		}
	}
	// Statements between nodes already found, from the last hop's
	// frontier, are part of the picture too.
	for _, id := range frontier {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sts, ends, err := s.neighbors(ctx, id, o)
		if err != nil {
			return nil, err
		}
		for i, st := range sts {
			if have[ends[i].ID] && !edges[st.ID] {
				edges[st.ID] = true
				out.Edges = append(out.Edges, st)
			}
		}
	}
	return out, nil
}

// shortestPath is a breadth-first search that follows statements either
// way through the nodes that carry a path (see carries), checking the
// request context at every hop.
func (s *Service) shortestPath(ctx context.Context, from, to string, maxHops int, predicates []string) (*model.Path, error) {
	if maxHops < 1 || maxHops > MaxPathHops {
		return nil, kg.Errorf(kg.EINVALID, "maxHops must be between 1 and %d", MaxPathHops)
	}
	start, err := s.seedNode(ctx, from)
	if err != nil {
		return nil, err
	}
	goal, err := s.seedNode(ctx, to)
	if err != nil {
		return nil, err
	}
	type step struct {
		prev string
		via  *kg.Statement
		node kg.Node
	}
	came := map[string]step{start.ID: {node: start}}
	frontier := []string{start.ID}
	o := TraversalOptions{Direction: model.DirectionBoth, Predicates: predicates}
	for hop := 0; hop < maxHops && len(frontier) > 0 && start.ID != goal.ID; hop++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var next []string
		for _, id := range frontier {
			sts, ends, err := s.neighbors(ctx, id, o)
			if err != nil {
				return nil, err
			}
			for i, st := range sts {
				if _, ok := came[ends[i].ID]; ok {
					continue
				}
				came[ends[i].ID] = step{prev: id, via: st, node: ends[i]}
				if carries(ends[i]) {
					next = append(next, ends[i].ID)
				}
			}
		}
		if _, ok := came[goal.ID]; ok {
			break
		}
		frontier = next
	}
	if _, ok := came[goal.ID]; !ok {
		return nil, nil
	}
	var nodes []kg.Node
	var sts []*kg.Statement
	for id := goal.ID; ; {
		st := came[id]
		nodes = append(nodes, st.node)
		if st.via == nil {
			break
		}
		sts = append(sts, st.via)
		id = st.prev
	}
	p := &model.Path{Length: len(sts), Statements: make([]*kg.Statement, 0, len(sts)), Nodes: make([]model.Node, 0, len(nodes))}
	for i := len(nodes) - 1; i >= 0; i-- {
		gn, err := s.node(ctx, nodes[i])
		if err != nil {
			return nil, err
		}
		p.Nodes = append(p.Nodes, gn)
	}
	for i := len(sts) - 1; i >= 0; i-- {
		p.Statements = append(p.Statements, sts[i])
	}
	return p, nil
}

func (s *Service) cooccurring(ctx context.Context, e *kg.Entity, first *int) ([]*model.Cooccurrence, error) {
	n, err := capped(first, 10)
	if err != nil {
		return nil, err
	}
	cs, err := s.store.Cooccurring(ctx, e.ID, n)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Cooccurrence, 0, len(cs))
	for _, c := range cs {
		other, err := s.store.Entity(ctx, c.Entity)
		if err != nil {
			return nil, err
		}
		out = append(out, &model.Cooccurrence{Entity: other, Sentences: c.Sentences, Articles: c.Articles})
	}
	return out, nil
}

// timeline lists an entity's statements once per article that states
// them, by publication date, undated articles last.
func (s *Service) timeline(ctx context.Context, e *kg.Entity, first *int) ([]*model.TimelineEntry, error) {
	n, err := capped(first, 50)
	if err != nil {
		return nil, err
	}
	sts, _, err := s.neighbors(ctx, e.ID, TraversalOptions{Direction: model.DirectionBoth})
	if err != nil {
		return nil, err
	}
	articles := map[string]*kg.Article{}
	var out []*model.TimelineEntry
	for _, st := range sts {
		seen := map[string]bool{}
		for _, p := range st.Provenance {
			if seen[p.Article] {
				continue
			}
			seen[p.Article] = true
			a, ok := articles[p.Article]
			if !ok {
				if a, err = s.store.Article(ctx, p.Article); err != nil {
					return nil, err
				}
				articles[p.Article] = a
			}
			out = append(out, &model.TimelineEntry{PublishedAt: publishedAt(a), Article: a, Statement: st})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Article, out[j].Article
		if a.PublishedAt.IsZero() != b.PublishedAt.IsZero() {
			return !a.PublishedAt.IsZero()
		}
		if !a.PublishedAt.Equal(b.PublishedAt) {
			return a.PublishedAt.Before(b.PublishedAt)
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return sentenceIn(out[i].Statement, a.ID) < sentenceIn(out[j].Statement, a.ID)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}

func sentenceIn(st *kg.Statement, article string) int {
	for _, p := range st.Provenance {
		if p.Article == article {
			return p.Sentence
		}
	}
	return 0
}

// articlesMentioning pages through the articles that mention an entity.
func (s *Service) articlesMentioning(ctx context.Context, id string, first *int, after *string) (*model.ArticleConnection, error) {
	offset, limit, err := page(first, after)
	if err != nil {
		return nil, err
	}
	ids, err := s.store.ArticlesMentioning(ctx, id)
	if err != nil {
		return nil, err
	}
	conn := &model.ArticleConnection{Edges: []*model.ArticleEdge{}}
	for i := offset; i < len(ids) && len(conn.Edges) < limit; i++ {
		a, err := s.store.Article(ctx, ids[i])
		if err != nil {
			return nil, err
		}
		conn.Edges = append(conn.Edges, &model.ArticleEdge{Cursor: cursor(i), Node: a})
	}
	conn.PageInfo = pageInfo(offset, len(conn.Edges), len(ids))
	return conn, nil
}

// capped reads a list size: def when absent, never above MaxFirst.
func capped(first *int, def int) (int, error) {
	n := def
	if first != nil {
		n = *first
	}
	if n < 0 {
		return 0, kg.Errorf(kg.EINVALID, "first must not be negative")
	}
	return min(n, MaxFirst), nil
}

// carries reports whether a traversal goes on through n: entities do, and
// specific phrases ("border security challenges", which two countries
// address); generic values do not: a single word ("President",
// "migrants"), a title ("US Secretary of State"), a quantity or a date
// are shared by unrelated statements, and two people who are both
// "President" are not connected by it.
func carries(n kg.Node) bool {
	if n.IsEntity() {
		return true
	}
	if n.Type != kg.Concept {
		return false
	}
	words := strings.Fields(n.Name)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if gazetteer.IsTitle(w) {
			return false
		}
	}
	return true
}

func members(e *kg.Entity) []*kg.Member {
	out := make([]*kg.Member, len(e.Members))
	for i := range e.Members {
		out[i] = &e.Members[i]
	}
	return out
}

func deref[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

func traversal(dir *model.Direction, predicates []string, types []kg.EntityType, minConfidence *float64) TraversalOptions {
	return TraversalOptions{Direction: deref(dir, model.DirectionBoth), Predicates: predicates, Types: types, MinConfidence: deref(minConfidence, 0)}
}

package graph

import (
	"context"
	"sort"

	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/traverse"
)

// TraversalOptions select the statements a traversal follows.
type TraversalOptions = traverse.Options

// fullNode is the API node for a walk's node: the entity, or the value
// read from the store (a walk knows values by their IRI only).
func (s *Service) fullNode(ctx context.Context, n kg.Node) (model.Node, error) {
	if n.IsEntity() {
		return s.node(ctx, n)
	}
	v, err := s.store.Node(ctx, n.ID)
	if err != nil {
		return nil, err
	}
	return v, nil
}

// fullNodes are the API nodes of a walk's nodes. With skipGone a node
// deleted since the walk found it is left out (see statementHeads).
func (s *Service) fullNodes(ctx context.Context, ns []kg.Node, skipGone bool) ([]model.Node, error) {
	out := make([]model.Node, 0, len(ns))
	for _, n := range ns {
		gn, err := s.fullNode(ctx, n)
		if skipGone && kg.ErrorCode(err) == kg.ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, gn)
	}
	return out, nil
}

// statementsByID reads whole statements (provenance and all) for edges,
// leaving out those deleted since the edges were chosen (see
// statementHeads).
func (s *Service) statementsByID(ctx context.Context, ids []string) ([]*kg.Statement, error) {
	out := make([]*kg.Statement, 0, len(ids))
	for _, id := range ids {
		st, err := s.store.Statement(ctx, id)
		if kg.ErrorCode(err) == kg.ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

// statementHeads reads statements for edges without their provenance
// (Partial): a traversal's answer often asks for no more, and the fields
// that need provenance read it (Service.full). With skipGone a statement
// deleted since the walk chose it (the walk answers from the store's
// in-memory adjacency index, which a deletion updates just after its
// commit) is left out rather than failing the request.
func (s *Service) statementHeads(ctx context.Context, ids []string, skipGone bool) ([]*kg.Statement, error) {
	out := make([]*kg.Statement, 0, len(ids))
	for _, id := range ids {
		st, err := s.store.StatementHead(ctx, id)
		if skipGone && kg.ErrorCode(err) == kg.ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

// subgraph is the subgraph around seeds (traverse.Around), its nodes read
// in full and its statements as heads.
func (s *Service) subgraph(ctx context.Context, seeds []string, hops, maxNodes int, o TraversalOptions) (*model.Subgraph, error) {
	sg, err := traverse.Around(ctx, s.store, seeds, hops, maxNodes, o)
	if err != nil {
		return nil, err
	}
	out := &model.Subgraph{Truncated: sg.Truncated}
	if out.Nodes, err = s.fullNodes(ctx, sg.Nodes, true); err != nil {
		return nil, err
	}
	if out.Edges, err = s.statementHeads(ctx, sg.Statements, true); err != nil {
		return nil, err
	}
	if out.Edges, err = s.pinned(ctx, out.Edges, inSubgraph...); err != nil {
		return nil, err
	}
	return out, nil
}

// shortestPath is the shortest path between two nodes
// (traverse.ShortestPath), its statements as heads; nil when there is
// none.
func (s *Service) shortestPath(ctx context.Context, from, to string, maxHops int, predicates []string, minConfidence float64) (*model.Path, error) {
	p, err := traverse.ShortestPath(ctx, s.store, from, to, maxHops, traverse.Options{Direction: traverse.Both, Predicates: predicates, MinConfidence: minConfidence})
	if err != nil || p == nil {
		return nil, err
	}
	out := &model.Path{Length: len(p.Statements)}
	if out.Nodes, err = s.fullNodes(ctx, p.Nodes, false); err != nil {
		return nil, err
	}
	if out.Statements, err = s.statementHeads(ctx, p.Statements, false); err != nil {
		return nil, err
	}
	return out, nil
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

// largestEntities lists the entities with the most statements.
func (s *Service) largestEntities(ctx context.Context, first *int) ([]*model.RankedEntity, error) {
	n, err := capped(first, 10)
	if err != nil {
		return nil, err
	}
	rs, err := s.store.Largest(ctx, n)
	if err != nil {
		return nil, err
	}
	out := make([]*model.RankedEntity, 0, len(rs))
	for _, r := range rs {
		e, err := s.store.Entity(ctx, r.Entity)
		if kg.ErrorCode(err) == kg.ENOTFOUND {
			continue // deleted since it was counted
		}
		if err != nil {
			return nil, err
		}
		out = append(out, &model.RankedEntity{Entity: e, Statements: r.Statements})
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
	steps, err := traverse.Neighbors(ctx, s.store, e.ID, TraversalOptions{Direction: traverse.Both, MinConfidence: s.minConfidence})
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(steps))
	for _, st := range steps {
		ids = append(ids, st.Edge.Statement)
	}
	sts, err := s.statementsByID(ctx, ids)
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

// members are the first of an entity's members (20 unless asked).
func members(e *kg.Entity, first *int) ([]*kg.Member, error) {
	n, err := capped(first, 20)
	if err != nil {
		return nil, err
	}
	out := make([]*kg.Member, min(n, len(e.Members)))
	for i := range out {
		out[i] = &e.Members[i]
	}
	return out, nil
}

// aliases are the first of an entity's aliases (20 unless asked).
func aliases(e *kg.Entity, first *int) ([]string, error) {
	n, err := capped(first, 20)
	if err != nil {
		return nil, err
	}
	return e.Aliases[:min(n, len(e.Aliases))], nil
}

func deref[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

func (s *Service) traversal(dir *model.Direction, predicates []string, types []kg.EntityType, minConfidence *float64) TraversalOptions {
	return TraversalOptions{Direction: direction(deref(dir, model.DirectionBoth)), Predicates: predicates, Types: types, MinConfidence: s.threshold(minConfidence)}
}

// direction is the walk's direction for the API's.
func direction(d model.Direction) traverse.Direction {
	switch d {
	case model.DirectionOut:
		return traverse.Out
	case model.DirectionIn:
		return traverse.In
	}
	return traverse.Both
}

package graph

import (
	"context"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/kg"
)

// Limits of the traversals.
const (
	MaxHops     = 3   // subgraph
	MaxPathHops = 6   // shortestPath
	MaxNodes    = 500 // subgraph
	// maxEdges caps the statements a subgraph returns (it says truncated).
	maxEdges = 2000
	// hubDegree: a node with more statements than this (a country in a
	// large graph) ends a path search instead of carrying it; expanding it
	// would read most of the graph for every question.
	hubDegree = 1000
)

// TraversalOptions select the statements a traversal follows.
type TraversalOptions struct {
	Direction     model.Direction
	Predicates    []string // empty: all
	Types         []kg.EntityType
	MinConfidence float64
}

func (o TraversalOptions) follows(e kg.Edge) bool {
	if e.Confidence < o.MinConfidence {
		return false
	}
	if len(o.Predicates) == 0 {
		return true
	}
	for _, p := range o.Predicates {
		if e.Predicate == p {
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

// walker reads the graph for one traversal: edges around nodes, and the
// nodes at their ends (canonical, read once).
type walker struct {
	s     *Service
	o     TraversalOptions
	limit int // statements read around one node
	nodes map[string]kg.Node
	steps map[string][]step
	// cut is set when a node had more statements than limit.
	cut bool
}

func (s *Service) walker(o TraversalOptions) *walker {
	return &walker{s: s, o: o, limit: maxEdges, nodes: map[string]kg.Node{}, steps: map[string][]step{}}
}

// node is the node a stored IRI stands for, as far as a walk needs it:
// its canonical IRI, its type, and its name's words, read off the IRI
// without a store read when the IRI is of the graph's own scheme (the
// name's words then come from its slug; see carries).
func (w *walker) node(ctx context.Context, id string) (kg.Node, error) {
	if n, ok := w.nodes[id]; ok {
		return n, nil
	}
	c, err := w.s.store.Canonical(ctx, id)
	if err != nil {
		return kg.Node{}, err
	}
	var n kg.Node
	if _, t, slug, ok := w.s.store.IRIs().Kind(c); ok {
		n = kg.Node{ID: c, Type: t, Name: strings.ReplaceAll(slug, "-", " ")}
	} else if n, err = w.s.store.Node(ctx, c); err != nil {
		return kg.Node{}, err
	}
	w.nodes[id], w.nodes[c] = n, n
	return n, nil
}

// step is one statement from a node to the node at its other end.
type step struct {
	edge kg.Edge
	to   kg.Node
}

// neighbors returns the statements around node id that the options
// follow, with the node at their other end, in a fixed order.
func (w *walker) neighbors(ctx context.Context, id string) ([]step, error) {
	if st, ok := w.steps[id]; ok {
		return st, nil
	}
	var out []step
	seen := map[string]bool{}
	for _, dirOut := range []bool{true, false} {
		if dirOut && w.o.Direction == model.DirectionIn || !dirOut && w.o.Direction == model.DirectionOut {
			continue
		}
		edges, total, err := w.s.store.Edges(ctx, id, dirOut, w.limit)
		if err != nil {
			return nil, err
		}
		if total > len(edges) {
			w.cut = true
		}
		for _, e := range edges {
			if seen[e.Statement] || !w.o.follows(e) {
				continue
			}
			end := e.Object
			if !dirOut {
				end = e.Subject
			}
			n, err := w.node(ctx, end)
			if err != nil {
				return nil, err
			}
			if !w.o.reaches(n) {
				continue
			}
			seen[e.Statement] = true
			out = append(out, step{e, n})
		}
	}
	w.steps[id] = out
	return out, nil
}

// degree counts the statements around id without reading them.
func (w *walker) degree(ctx context.Context, id string) (int, error) {
	n := 0
	for _, out := range []bool{true, false} {
		_, total, err := w.s.store.Edges(ctx, id, out, 0)
		if err != nil {
			return 0, err
		}
		n += total
	}
	return n, nil
}

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

// statementsByID reads whole statements (provenance and all) for edges.
func (s *Service) statementsByID(ctx context.Context, ids []string) ([]*kg.Statement, error) {
	out := make([]*kg.Statement, 0, len(ids))
	for _, id := range ids {
		st, err := s.store.Statement(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

// seedNode resolves a traversal's starting point: an entity (through the
// entity it was joined to) or a value.
func (s *Service) seedNode(ctx context.Context, id string) (kg.Node, error) {
	c, err := s.store.Canonical(ctx, id)
	if err != nil {
		return kg.Node{}, err
	}
	return s.store.Node(ctx, c)
}

// subgraph walks breadth first from the seeds through the nodes that
// carry a path (see carries; the others are leaves), checking the request
// context at every hop and stopping at maxNodes. It walks on edges and
// reads whole statements only for what it returns.
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
	w := s.walker(o)
	// Around a hub, a sample of its statements is enough to fill maxNodes;
	// reading thousands would be the whole cost (truncated says so).
	w.limit = min(maxEdges, max(200, 4*maxNodes))
	out := &model.Subgraph{Nodes: []model.Node{}}
	have := map[string]bool{}
	var edges []string
	haveEdge := map[string]bool{}
	var frontier []string
	add := func(n kg.Node, seed bool) error {
		if have[n.ID] {
			return nil
		}
		have[n.ID] = true
		gn, err := s.fullNode(ctx, n)
		if err != nil {
			return err
		}
		out.Nodes = append(out.Nodes, gn)
		if seed || carries(n) {
			frontier = append(frontier, n.ID)
		}
		return nil
	}
	addEdge := func(id string) {
		if haveEdge[id] {
			return
		}
		if len(edges) >= maxEdges {
			out.Truncated = true
			return
		}
		haveEdge[id] = true
		edges = append(edges, id)
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
	for hop := 0; hop < hops && len(frontier) > 0 && !out.Truncated; hop++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		current := frontier
		frontier = nil
		for _, id := range current {
			if out.Truncated {
				break // full: no more reading
			}
			steps, err := w.neighbors(ctx, id)
			if err != nil {
				return nil, err
			}
			for _, st := range steps {
				if !have[st.to.ID] {
					if len(have) >= maxNodes {
						out.Truncated = true
						continue
					}
					if err := add(st.to, false); err != nil {
						return nil, err
					}
				}
				addEdge(st.edge.Statement)
			}
		}
	}
	// Statements between nodes already found, from the last hop's
	// frontier, are part of the picture too.
	for _, id := range frontier {
		if out.Truncated {
			break
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		steps, err := w.neighbors(ctx, id)
		if err != nil {
			return nil, err
		}
		for _, st := range steps {
			if have[st.to.ID] {
				addEdge(st.edge.Statement)
			}
		}
	}
	if w.cut {
		out.Truncated = true
	}
	var err error
	if out.Edges, err = s.statementsByID(ctx, edges); err != nil {
		return nil, err
	}
	return out, nil
}

// shortestPath is a breadth-first search from both ends at once that
// follows statements either way through the nodes that carry a path (see
// carries; hubs with more than hubDegree statements end a path too),
// checking the request context at every hop.
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
	w := s.walker(TraversalOptions{Direction: model.DirectionBoth, Predicates: predicates})
	type link struct {
		prev string // the node one step nearer this side's end
		edge string // the statement between them
		node kg.Node
	}
	sides := [2]map[string]link{{start.ID: {node: start}}, {goal.ID: {node: goal}}}
	fronts := [2][]string{{start.ID}, {goal.ID}}
	meet := ""
	if start.ID == goal.ID {
		meet = start.ID
	}
	for hops := 0; meet == "" && hops < maxHops && len(fronts[0]) > 0 && len(fronts[1]) > 0; hops++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		side := 0 // grow the smaller frontier
		if len(fronts[1]) < len(fronts[0]) {
			side = 1
		}
		var next []string
		for _, id := range fronts[side] {
			if id != start.ID && id != goal.ID {
				d, err := w.degree(ctx, id)
				if err != nil {
					return nil, err
				}
				if d > hubDegree {
					continue
				}
			}
			steps, err := w.neighbors(ctx, id)
			if err != nil {
				return nil, err
			}
			for _, st := range steps {
				if _, ok := sides[side][st.to.ID]; ok {
					continue
				}
				sides[side][st.to.ID] = link{prev: id, edge: st.edge.Statement, node: st.to}
				if _, ok := sides[1-side][st.to.ID]; ok && meet == "" {
					meet = st.to.ID
				}
				if carries(st.to) {
					next = append(next, st.to.ID)
				}
			}
			if meet != "" {
				break
			}
		}
		fronts[side] = next
	}
	if meet == "" {
		return nil, nil
	}
	// From the start to the meeting node, then on to the goal.
	var nodes []kg.Node
	var edges []string
	for id := meet; ; {
		l := sides[0][id]
		nodes = append([]kg.Node{l.node}, nodes...)
		if l.edge == "" {
			break
		}
		edges = append([]string{l.edge}, edges...)
		id = l.prev
	}
	for id := meet; ; {
		l := sides[1][id]
		if l.edge == "" {
			break
		}
		edges = append(edges, l.edge)
		nodes = append(nodes, sides[1][l.prev].node)
		id = l.prev
	}
	p := &model.Path{Length: len(edges), Nodes: make([]model.Node, 0, len(nodes))}
	for _, n := range nodes {
		gn, err := s.fullNode(ctx, n)
		if err != nil {
			return nil, err
		}
		p.Nodes = append(p.Nodes, gn)
	}
	if p.Statements, err = s.statementsByID(ctx, edges); err != nil {
		return nil, err
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
	steps, err := s.walker(TraversalOptions{Direction: model.DirectionBoth}).neighbors(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(steps))
	for _, st := range steps {
		ids = append(ids, st.edge.Statement)
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

func traversal(dir *model.Direction, predicates []string, types []kg.EntityType, minConfidence *float64) TraversalOptions {
	return TraversalOptions{Direction: deref(dir, model.DirectionBoth), Predicates: predicates, Types: types, MinConfidence: deref(minConfidence, 0)}
}

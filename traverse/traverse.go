// Package traverse walks a stored graph: the subgraph around seeds,
// breadth first, and the shortest path between two nodes, searched from
// both ends. It works on kg types through a small Graph interface (the
// store is one), reading edges (a statement's ends, predicate and
// confidence) rather than whole statements: callers read in full only
// the statements a walk returns. GraphQL (package graph) and GET /export
// use it.
package traverse

import (
	"context"
	"strings"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/kg"
)

// Graph is what a walk reads.
type Graph interface {
	// Canonical is the entity that stands for id across articles.
	Canonical(ctx context.Context, id string) (string, error)
	Node(ctx context.Context, id string) (kg.Node, error)
	// Edges are at most limit statements whose subject (out) or object
	// (in) is id, the ones to prefer first (the store ranks them by
	// confidence, recency and the other end's degree, from memory), and
	// how many there are in all.
	Edges(ctx context.Context, id string, out bool, limit int) ([]kg.Edge, int, error)
	IRIs() kg.IRIs
}

// Limits of the walks.
const (
	MaxHops     = 3   // Subgraph
	MaxPathHops = 6   // ShortestPath
	MaxNodes    = 500 // Subgraph
	// MaxEdges caps the statements a subgraph returns (it says
	// truncated).
	MaxEdges = 2000
	// hubDegree: a node with more statements than this (a country in a
	// large graph) ends a path search instead of carrying it; expanding it
	// would read most of the graph for every question.
	hubDegree = 1000
)

// Direction is which way a walk follows statements.
type Direction uint8

// Directions.
const (
	Both Direction = iota
	Out            // from subject to object
	In             // from object to subject
)

// Options select the statements a walk follows.
type Options struct {
	Direction     Direction
	Predicates    []string // empty: all
	Types         []kg.EntityType
	MinConfidence float64
}

func (o Options) follows(e kg.Edge) bool {
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

func (o Options) reaches(n kg.Node) bool {
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

// Step is one statement from a node to the node at its other end.
type Step struct {
	Edge kg.Edge
	To   kg.Node
}

// walker reads the graph for one walk: edges around nodes, and the nodes
// at their ends (canonical, read once).
type walker struct {
	g     Graph
	o     Options
	limit int // statements read around one node
	nodes map[string]kg.Node
	steps map[string][]Step
	// cut is set when a node had more statements than limit.
	cut bool
}

func newWalker(g Graph, o Options) *walker {
	return &walker{g: g, o: o, limit: MaxEdges, nodes: map[string]kg.Node{}, steps: map[string][]Step{}}
}

// node is the node a stored IRI stands for, as far as a walk needs it:
// its canonical IRI, its type, and its name's words, read off the IRI
// without a store read when the IRI is of the graph's own scheme (the
// name's words then come from its slug; see Carries).
func (w *walker) node(ctx context.Context, id string) (kg.Node, error) {
	if n, ok := w.nodes[id]; ok {
		return n, nil
	}
	c, err := w.g.Canonical(ctx, id)
	if err != nil {
		return kg.Node{}, err
	}
	var n kg.Node
	if _, t, slug, ok := w.g.IRIs().Kind(c); ok {
		n = kg.Node{ID: c, Type: t, Name: strings.ReplaceAll(slug, "-", " ")}
	} else if n, err = w.g.Node(ctx, c); err != nil {
		return kg.Node{}, err
	}
	w.nodes[id], w.nodes[c] = n, n
	return n, nil
}

// neighbors returns the statements around node id that the options
// follow, with the node at their other end, in a fixed order.
func (w *walker) neighbors(ctx context.Context, id string) ([]Step, error) {
	if st, ok := w.steps[id]; ok {
		return st, nil
	}
	var out []Step
	seen := map[string]bool{}
	for _, dirOut := range []bool{true, false} {
		if dirOut && w.o.Direction == In || !dirOut && w.o.Direction == Out {
			continue
		}
		edges, total, err := w.g.Edges(ctx, id, dirOut, w.limit)
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
			out = append(out, Step{e, n})
		}
	}
	w.steps[id] = out
	return out, nil
}

// degree counts the statements around id without reading them.
func (w *walker) degree(ctx context.Context, id string) (int, error) {
	n := 0
	for _, out := range []bool{true, false} {
		_, total, err := w.g.Edges(ctx, id, out, 0)
		if err != nil {
			return 0, err
		}
		n += total
	}
	return n, nil
}

// Neighbors returns the statements around id that o follows (at most
// MaxEdges each way), with the node at their other end.
func Neighbors(ctx context.Context, g Graph, id string, o Options) ([]Step, error) {
	return newWalker(g, o).neighbors(ctx, id)
}

// seed resolves a walk's starting point: an entity (through the entity
// it was joined to) or a value.
func seed(ctx context.Context, g Graph, id string) (kg.Node, error) {
	c, err := g.Canonical(ctx, id)
	if err != nil {
		return kg.Node{}, err
	}
	return g.Node(ctx, c)
}

// Carries reports whether a walk goes on through n: entities do, and
// specific phrases ("border security challenges", which two countries
// address); generic values do not: a single word ("President",
// "migrants"), a title ("US Secretary of State"), a quantity or a date
// are shared by unrelated statements, and two people who are both
// "President" are not connected by it.
func Carries(n kg.Node) bool {
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

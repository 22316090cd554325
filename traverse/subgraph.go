package traverse

import (
	"context"
	"sort"

	"github.com/newsgraph/newsgraph/kg"
)

// Subgraph is what a walk found: its nodes (the seeds first; entities
// known by IRI, type and the words of their name, values by IRI), the IRIs
// of the statements between them, and whether a limit cut it short.
type Subgraph struct {
	Nodes      []kg.Node
	Statements []string
	Truncated  bool
}

// Around walks breadth first from the seeds through the nodes that carry
// a path (see Carries; the others are leaves), checking ctx at every hop
// and stopping at maxNodes nodes and MaxEdges statements. Around a hub it
// takes the first statements in the Graph's order, enough to fill
// maxNodes.
func Around(ctx context.Context, g Graph, seeds []string, hops, maxNodes int, o Options) (*Subgraph, error) {
	if hops < 0 || hops > MaxHops {
		return nil, kg.Errorf(kg.EINVALID, "hops must be between 0 and %d", MaxHops)
	}
	if maxNodes < 1 || maxNodes > MaxNodes {
		return nil, kg.Errorf(kg.EINVALID, "maxNodes must be between 1 and %d", MaxNodes)
	}
	if len(seeds) == 0 || len(seeds) > maxNodes {
		return nil, kg.Errorf(kg.EINVALID, "give between 1 and maxNodes seeds")
	}
	w := newWalker(g, o)
	w.limit = min(MaxEdges, max(200, 4*maxNodes))
	out := &Subgraph{}
	have := map[string]bool{}
	haveEdge := map[string]bool{}
	var frontier []string
	add := func(n kg.Node, seed bool) {
		if have[n.ID] {
			return
		}
		have[n.ID] = true
		out.Nodes = append(out.Nodes, n)
		if seed || Carries(n) {
			frontier = append(frontier, n.ID)
		}
	}
	addEdge := func(id string) {
		if haveEdge[id] {
			return
		}
		if len(out.Statements) >= MaxEdges {
			out.Truncated = true
			return
		}
		haveEdge[id] = true
		out.Statements = append(out.Statements, id)
	}
	for _, id := range seeds {
		n, err := seed(ctx, g, id)
		if err != nil {
			return nil, err
		}
		add(n, true)
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
			// When maxNodes cuts a node's neighbours short (a hub), the
			// most confident statements are the ones kept.
			for _, st := range ranked(steps) {
				if !have[st.To.ID] {
					if len(have) >= maxNodes {
						out.Truncated = true
						continue
					}
					add(st.To, false)
				}
				addEdge(st.Edge.Statement)
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
			if have[st.To.ID] {
				addEdge(st.Edge.Statement)
			}
		}
	}
	if w.cut {
		out.Truncated = true
	}
	return out, nil
}

// ranked is steps, the most confident first, in the Graph's order
// otherwise (each way; outgoing statements before incoming ones).
func ranked(steps []Step) []Step {
	out := append([]Step(nil), steps...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Edge.Confidence > out[j].Edge.Confidence })
	return out
}

// Path is a shortest path: its nodes from one end to the other, and the
// statements between them.
type Path struct {
	Nodes      []kg.Node
	Statements []string
}

// ShortestPath is a breadth-first search from both ends at once that
// follows statements either way through the nodes that carry a path (see
// Carries; hubs with more than hubDegree statements end a path too),
// checking ctx at every hop. It returns nil when there is no path of at
// most maxHops statements.
func ShortestPath(ctx context.Context, g Graph, from, to string, maxHops int, o Options) (*Path, error) {
	if maxHops < 1 || maxHops > MaxPathHops {
		return nil, kg.Errorf(kg.EINVALID, "maxHops must be between 1 and %d", MaxPathHops)
	}
	start, err := seed(ctx, g, from)
	if err != nil {
		return nil, err
	}
	goal, err := seed(ctx, g, to)
	if err != nil {
		return nil, err
	}
	o.Direction, o.Types = Both, nil
	w := newWalker(g, o)
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
				if _, ok := sides[side][st.To.ID]; ok {
					continue
				}
				sides[side][st.To.ID] = link{prev: id, edge: st.Edge.Statement, node: st.To}
				if _, ok := sides[1-side][st.To.ID]; ok && meet == "" && (Carries(st.To) || st.To.ID == start.ID || st.To.ID == goal.ID) {
					// the two searches meet on a node that carries a
					// walk: two people who are both "President" do not
					// meet there
					meet = st.To.ID
				}
				if Carries(st.To) {
					next = append(next, st.To.ID)
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
	p := &Path{}
	for id := meet; ; {
		l := sides[0][id]
		p.Nodes = append([]kg.Node{l.node}, p.Nodes...)
		if l.edge == "" {
			break
		}
		p.Statements = append([]string{l.edge}, p.Statements...)
		id = l.prev
	}
	for id := meet; ; {
		l := sides[1][id]
		if l.edge == "" {
			break
		}
		p.Statements = append(p.Statements, l.edge)
		p.Nodes = append(p.Nodes, sides[1][l.prev].node)
		id = l.prev
	}
	return p, nil
}

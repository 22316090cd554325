package traverse

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// fake is a graph of edges between entities named by one letter.
type fake struct {
	iris  kg.IRIs
	edges []kg.Edge
}

func (f *fake) id(name string) string { return f.iris.Entity(kg.Person, name) }

func (f *fake) add(s, p, o string) {
	f.edges = append(f.edges, kg.Edge{Statement: fmt.Sprintf("st%d", len(f.edges)), Subject: f.id(s), Predicate: p, Object: f.id(o), Confidence: 0.5})
}

func (f *fake) Canonical(_ context.Context, id string) (string, error) { return id, nil }
func (f *fake) IRIs() kg.IRIs                                          { return f.iris }
func (f *fake) Node(_ context.Context, id string) (kg.Node, error) {
	_, t, slug, _ := f.iris.Kind(id)
	return kg.Node{ID: id, Type: t, Name: slug}, nil
}
func (f *fake) Edges(_ context.Context, id string, out bool, limit int) ([]kg.Edge, int, error) {
	var es []kg.Edge
	for _, e := range f.edges {
		if out && e.Subject == id || !out && e.Object == id {
			es = append(es, e)
		}
	}
	n := len(es)
	return es[:min(limit, n)], n, nil
}

func names(ns []kg.Node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Name)
	}
	return out
}

func TestAroundAndShortestPath(t *testing.T) {
	g := &fake{iris: kg.NewIRIs("")}
	g.add("a", "meet", "b")
	g.add("b", "meet", "c")
	g.add("c", "sue", "d")
	g.add("e", "meet", "a")
	ctx := context.Background()
	tests := []struct {
		name string
		hops int
		o    Options
		want []string
	}{
		{"one hop, both ways", 1, Options{}, []string{"a", "b", "e"}},
		{"two hops", 2, Options{}, []string{"a", "b", "e", "c"}},
		{"out only", 2, Options{Direction: Out}, []string{"a", "b", "c"}},
		{"one predicate", 3, Options{Predicates: []string{"meet"}}, []string{"a", "b", "e", "c"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sg, err := Around(ctx, g, []string{g.id("a")}, tc.hops, 10, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if got := names(sg.Nodes); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("nodes %v, want %v", got, tc.want)
			}
		})
	}
	p, err := ShortestPath(ctx, g, g.id("e"), g.id("d"), 6, Options{})
	if err != nil || p == nil {
		t.Fatalf("path e-d: %v, %v", p, err)
	}
	if got, want := names(p.Nodes), []string{"e", "a", "b", "c", "d"}; !reflect.DeepEqual(got, want) {
		t.Errorf("path %v, want %v", got, want)
	}
	if len(p.Statements) != 4 {
		t.Errorf("path statements %v", p.Statements)
	}
	if p, err := ShortestPath(ctx, g, g.id("e"), g.id("d"), 3, Options{}); p != nil || err != nil {
		t.Errorf("a path of 4 within 3 hops: %v, %v", p, err)
	}
	if _, err := Around(ctx, g, []string{g.id("a")}, MaxHops+1, 10, Options{}); kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("too many hops: %v", err)
	}
	sg, err := Around(ctx, g, []string{g.id("a")}, 3, 2, Options{})
	if err != nil || !sg.Truncated || len(sg.Nodes) != 2 {
		t.Errorf("maxNodes 2: %+v, %v; want 2 nodes, truncated", sg, err)
	}
}

// TestPathNotThroughGenericValues: two people who are both "President"
// are not connected by it, whichever side of the search reaches it.
func TestPathNotThroughGenericValues(t *testing.T) {
	g := &fake{iris: kg.NewIRIs("")}
	president := g.iris.Value(kg.Concept, "President")
	for _, who := range []string{"a", "b"} {
		g.edges = append(g.edges, kg.Edge{Statement: "be-" + who, Subject: g.id(who), Predicate: "be", Object: president, Confidence: 0.5})
	}
	g.add("b", "meet", "c")
	// a's search is the wider, so c's grows first, then a's, then c's
	// reaches "President" from b, which a's search reached first
	g.add("a", "meet", "x1")
	g.add("a", "meet", "x2")
	g.add("x1", "meet", "y1")
	g.add("x2", "meet", "y2")
	ctx := context.Background()
	for _, pair := range [][2]string{{"a", "c"}, {"c", "a"}, {"a", "b"}} {
		if p, err := ShortestPath(ctx, g, g.id(pair[0]), g.id(pair[1]), 4, Options{}); p != nil || err != nil {
			t.Errorf("path %s-%s through a generic value: %+v, %v", pair[0], pair[1], p, err)
		}
	}
	g.add("a", "meet", "b")
	if p, err := ShortestPath(ctx, g, g.id("a"), g.id("c"), 4, Options{}); err != nil || p == nil || len(p.Statements) != 2 {
		t.Errorf("path a-c through b: %+v, %v", p, err)
	}
}

func TestCarries(t *testing.T) {
	for _, tc := range []struct {
		n    kg.Node
		want bool
	}{
		{kg.Node{Name: "Mexico", Type: kg.GPE}, true},
		{kg.Node{Name: "migrants", Type: kg.Concept}, false},
		{kg.Node{Name: "border security challenges", Type: kg.Concept}, true},
		{kg.Node{Name: "US Secretary of State", Type: kg.Concept}, false},
		{kg.Node{Name: "32,000 troops", Type: kg.Quantity}, false},
	} {
		if got := Carries(tc.n); got != tc.want {
			t.Errorf("Carries(%q) = %v, want %v", tc.n.Name, got, tc.want)
		}
	}
}

// Around a node with more neighbours than maxNodes, the most confident
// statements are kept.
func TestAroundKeepsTheMostConfident(t *testing.T) {
	g := &fake{iris: kg.NewIRIs("")}
	for i, o := range []string{"b", "c", "d", "e"} {
		g.add("a", "meet", o)
		g.edges[len(g.edges)-1].Confidence = []float64{0.3, 0.9, 0.5, 0.8}[i]
	}
	sg, err := Around(context.Background(), g, []string{g.id("a")}, 1, 3, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(sg.Nodes), []string{"a", "c", "e"}; !reflect.DeepEqual(got, want) || !sg.Truncated {
		t.Errorf("nodes %v (truncated %v), want %v, truncated", got, sg.Truncated, want)
	}
}

package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/traverse"
)

// fullRead is the store with Edges read from the store itself rather
// than from its adjacency index: what a walk would answer by reading
// every statement around a hub.
type fullRead struct{ *store.Store }

func (f fullRead) Edges(ctx context.Context, id string, out bool, limit int) ([]kg.Edge, int, error) {
	return f.ReadEdges(ctx, id, out, limit)
}

var hubNames = []string{"Mexico", "Canada", "Brazil", "Chile", "Peru"}

// hubArticle makes an article whose statements join a few of a small
// pool of people and places (so that some become hubs), with
// confidences from a small set (so that ties are ranked by recency and
// degree) and, most of the time, a publication date.
func hubArticle(iris kg.IRIs, r *rand.Rand, n int) *kg.Document {
	text := fmt.Sprintf("Hub article %d.", n)
	a := kg.Article{ID: iris.Article(text), Text: text}
	if r.IntN(4) > 0 {
		a.PublishedAt = time.Date(2026, 1, 1+r.IntN(20), 0, 0, 0, 0, time.UTC)
	}
	d := &kg.Document{Article: a}
	entity := func(name string, typ kg.EntityType) kg.Node {
		n := kg.Node{Name: name, Type: typ}
		n.ID = iris.Node(n)
		for _, e := range d.Entities {
			if e.ID == n.ID {
				return n
			}
		}
		at := 10 * len(d.Entities)
		d.Entities = append(d.Entities, kg.Entity{ID: n.ID, Name: name, Type: typ, Aliases: []string{},
			Mentions: []kg.Mention{{Start: at, End: at + 3, Text: name}}})
		return n
	}
	for i := 0; i < 1+r.IntN(3); i++ {
		sub := entity([]string{"Ana Reyes", "Tomas Okafor", "Ines Lindqvist", "Rui Costa"}[r.IntN(4)], kg.Person)
		obj := entity(hubNames[r.IntN(len(hubNames))], kg.GPE)
		if r.IntN(3) == 0 {
			obj = kg.Node{Name: []string{"border security talks", "trade"}[r.IntN(2)], Type: kg.Concept}
			obj.ID = iris.Node(obj)
		}
		pred := []string{"visit", "criticize", "discuss"}[r.IntN(3)]
		st := kg.Statement{Subject: sub, Predicate: pred, Relation: pred, Object: obj, Confidence: []float64{0.5, 0.7, 0.9}[r.IntN(3)],
			Text: text, Sentence: i, Span: kg.Span{Start: 0, End: len(text)}}
		if r.IntN(4) == 0 {
			st.Negated, st.Modality = true, "may"
		}
		st.ID = iris.Statement(sub.ID, pred, obj.ID, st.Negated, st.Modality)
		d.Statements = append(d.Statements, st)
	}
	return d
}

// The adjacency index that writes keep current holds what a full build
// from the store holds, after every ingest and deletion of a random
// sequence; and walks answered from it (subgraphs cut short around hubs,
// shortest paths) equal the walks that read every statement, ranked the
// same way.
func testIncrementalAdjacency(t *testing.T, s *store.Store) {
	ctx := context.Background()
	iris := s.IRIs()
	if _, _, err := s.Edges(ctx, "x", true, 1); err != nil { // builds the index: what follows updates it
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	var stored []*kg.Document
	check := func(step string) {
		t.Helper()
		if err := s.VerifyAdjacency(ctx); err != nil {
			t.Fatalf("after %s: %v", step, err)
		}
		if len(stored) == 0 {
			return
		}
		hub := iris.Node(kg.Node{Name: hubNames[r.IntN(len(hubNames))], Type: kg.GPE})
		for _, limit := range []int{1, 3, 50} {
			for _, out := range []bool{true, false} {
				got, gotN, err := s.Edges(ctx, hub, out, limit)
				if err != nil {
					t.Fatal(err)
				}
				want, wantN, err := s.ReadEdges(ctx, hub, out, limit)
				if err != nil {
					t.Fatal(err)
				}
				if gotN != wantN || !reflect.DeepEqual(got, want) {
					t.Fatalf("after %s: Edges(%s, out %v, %d) = %d %v from the index, %d %v read", step, hub, out, limit, gotN, got, wantN, want)
				}
			}
		}
		seed := stored[r.IntN(len(stored))].Statements[0].Subject.ID
		for _, maxNodes := range []int{2, 4, 100} {
			got, err := traverse.Around(ctx, s, []string{seed}, 2, maxNodes, traverse.Options{})
			if err != nil {
				t.Fatal(err)
			}
			want, err := traverse.Around(ctx, fullRead{s}, []string{seed}, 2, maxNodes, traverse.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("after %s: subgraph around %s (%d nodes) from the index\n%+v\nread\n%+v", step, seed, maxNodes, got, want)
			}
			// Heads come from the index too: what reading the statement gives.
			for _, id := range got.Statements {
				h, err := s.StatementHead(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				st, err := s.Statement(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				// (a head's entity ends are known by IRI and type only)
				g := fmt.Sprint(h.Subject.ID, h.Predicate, h.Object.ID, h.Object.Type, valueName(h.Object), h.Modality, h.Negated, h.Confidence)
				w := fmt.Sprint(st.Subject.ID, st.Predicate, st.Object.ID, st.Object.Type, valueName(st.Object), st.Modality, st.Negated, st.Confidence)
				if g != w {
					t.Fatalf("after %s: head of %s from the index %s, read %s", step, id, g, w)
				}
			}
		}
		to := stored[r.IntN(len(stored))].Statements[0].Subject.ID
		got, err := traverse.ShortestPath(ctx, s, seed, to, 4, traverse.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want, err := traverse.ShortestPath(ctx, fullRead{s}, seed, to, 4, traverse.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("after %s: path %s -> %s from the index %+v, read %+v", step, seed, to, got, want)
		}
	}
	for step := 0; step < 40; step++ {
		if len(stored) > 0 && r.IntN(3) == 0 {
			i := r.IntN(len(stored))
			if ok, err := s.DeleteArticle(ctx, stored[i].Article.ID); err != nil || !ok {
				t.Fatalf("delete %s: %v, %v", stored[i].Article.Text, ok, err)
			}
			stored = append(stored[:i], stored[i+1:]...)
			check(fmt.Sprintf("step %d (a deletion)", step))
			continue
		}
		d := hubArticle(iris, r, step)
		ingest(t, s, d)
		stored = append(stored, d)
		check(fmt.Sprintf("step %d (an ingest)", step))
	}
	// A hub's edges come ranked: confidence, then recency, then the
	// other end's degree.
	hub := iris.Node(kg.Node{Name: "Mexico", Type: kg.GPE})
	edges, n, err := s.Edges(ctx, hub, false, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(edges) {
		t.Errorf("Edges: %d edges, %d in all", len(edges), n)
	}
	for i := 1; i < len(edges); i++ {
		if edges[i].Confidence > edges[i-1].Confidence {
			t.Errorf("edge %d (%g) ranked after a less confident one (%g)", i, edges[i].Confidence, edges[i-1].Confidence)
		}
	}
}

func valueName(n kg.Node) string {
	if n.IsEntity() {
		return ""
	}
	return n.Name
}

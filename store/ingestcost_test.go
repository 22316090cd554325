package store_test

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

var (
	ingestCostSizes = flag.String("ingestcost.sizes", "1000,10000", "articles stored before BenchmarkIngestCost measures")
	ingestCostModes = flag.String("ingestcost.modes", "write,incremental,rebuild", "what BenchmarkIngestCost measures")
)

// BenchmarkIngestCost measures one ingest, the link index kept current,
// on a graph already holding 1,000 and 10,000 articles (about 3 and 30
// thousand entities): "write" is the ingest with no link index to keep,
// "incremental" what a write costs now, the index kept current, "rebuild"
// what it cost when every write rebuilt the index from the store. The
// ratio of the two sizes says whether a write's cost grows with the graph.
//
//	go test -run - -bench IngestCost -benchtime 20x -timeout 30m ./store
func BenchmarkIngestCost(b *testing.B) {
	var sizes []int
	for _, f := range splitComma(*ingestCostSizes) {
		var n int
		fmt.Sscan(f, &n)
		sizes = append(sizes, n)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			// One store per size, loaded once: each mode adds its own
			// few articles to it.
			s, err := store.Open(store.Config{Backend: store.Bolt, Path: b.TempDir()})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			ctx := context.Background()
			r := rand.New(rand.NewPCG(1, 2))
			next := 0
			doc := func() *kg.Document { next++; return syntheticDoc(s.IRIs(), r, next-1) }
			for next < n {
				var batch []*kg.Document
				for len(batch) < 200 && next < n {
					batch = append(batch, doc())
				}
				if _, err := s.IngestBatch(ctx, batch); err != nil {
					b.Fatal(err)
				}
			}
			for _, mode := range splitComma(*ingestCostModes) {
				b.Run(mode, func(b *testing.B) {
					if mode == "write" {
						store.RebuildLinks(s) // no index to keep
					} else if _, _, err := s.SearchEntities(ctx, "x", "", 0, 1); err != nil { // the index, built
						b.Fatal(err)
					}
					b.ResetTimer()
					for i := 0; i < b.N; i++ {
						if _, err := s.Ingest(ctx, doc()); err != nil {
							b.Fatal(err)
						}
						if mode == "write" {
							continue
						}
						if mode == "rebuild" {
							store.RebuildLinks(s)
						}
						if _, _, err := s.SearchEntities(ctx, "x", "", 0, 1); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

func splitComma(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}

// syntheticDoc is article i of a synthetic graph: three people, an
// organization and a place drawn from pools that grow with i (so that a
// larger graph has more entities, and names recur and link: surnames
// alone, acronyms), and two statements.
func syntheticDoc(iris kg.IRIs, r *rand.Rand, i int) *kg.Document {
	pool := 3*i/2 + 50
	text := fmt.Sprintf("Synthetic article %d.", i)
	var ents []kg.Entity
	var nodes []kg.Node
	add := func(name string, typ kg.EntityType) {
		e := kg.Entity{Name: name, Type: typ, Aliases: []string{}, Mentions: []kg.Mention{{Start: 0, End: 9, Text: name}}}
		e.ID = iris.Entity(typ, name)
		for _, x := range ents {
			if x.ID == e.ID {
				return
			}
		}
		ents = append(ents, e)
		nodes = append(nodes, kg.Node{ID: e.ID, Name: name, Type: typ})
	}
	for k := 0; k < 3; k++ {
		p := r.IntN(pool)
		if r.IntN(5) == 0 {
			add(fmt.Sprintf("Surname%d", p), kg.Person)
		} else {
			add(fmt.Sprintf("Given%d Surname%d", p%97, p), kg.Person)
		}
	}
	o := r.IntN(pool / 3)
	if r.IntN(4) == 0 {
		add(fmt.Sprintf("O%dA O%dB Agency", o, o), kg.Organization)
	} else {
		add(fmt.Sprintf("Org%d", o), kg.Organization)
	}
	add(fmt.Sprintf("Town%d", r.IntN(pool/5)), kg.GPE)
	var sts []kg.Statement
	for k := 0; k+1 < len(nodes) && k < 2; k++ {
		st := kg.Statement{Subject: nodes[k], Predicate: "meet", Relation: "met", Object: nodes[k+1], Confidence: 0.7,
			Text: text, Span: kg.Span{Start: 0, End: len(text)}}
		st.ID = iris.Statement(st.Subject.ID, st.Predicate, st.Object.ID, false, "")
		sts = append(sts, st)
	}
	return &kg.Document{Article: kg.Article{ID: iris.Article(text), Text: text, Source: "synthetic"}, Entities: ents, Statements: sts}
}

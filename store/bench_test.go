package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// benchStore opens a store of the backend holding n small articles.
func benchStore(b *testing.B, backend string, n int) (*store.Store, *kg.Document) {
	s, err := store.Open(store.Config{Backend: backend, Path: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	var last *kg.Document
	for i := 0; i < n; i++ {
		last = storetest.Doc(s.IRIs(), fmt.Sprintf("Article %d: Mexico sent troops. Blinken met Mexico.", i), true)
		if _, err := s.Ingest(context.Background(), last); err != nil {
			b.Fatal(err)
		}
	}
	return s, last
}

// BenchmarkIngest measures writing one article per iteration.
//
//	go test -run - -bench . ./store
func BenchmarkIngest(b *testing.B) {
	for _, backend := range []string{store.Bolt, store.LevelDB, store.Memory} {
		b.Run(backend, func(b *testing.B) {
			s, _ := benchStore(b, backend, 0)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				d := storetest.Doc(s.IRIs(), fmt.Sprintf("Bench %d: Mexico sent troops. Blinken met Mexico.", i), true)
				if _, err := s.Ingest(context.Background(), d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEntityStatements measures reading an entity's outgoing
// statements with their provenance, on 200 articles.
func BenchmarkEntityStatements(b *testing.B) {
	for _, backend := range []string{store.Bolt, store.LevelDB, store.Memory} {
		b.Run(backend, func(b *testing.B) {
			s, d := benchStore(b, backend, 200)
			f := kg.StatementFilter{Subject: d.Entities[1].ID}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, _, err := s.Statements(context.Background(), f, 0, 20); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchDoc is an article with n statements between 2n entities, about the
// shape of a long news article's document.
func benchDoc(iris kg.IRIs, id, n int) *kg.Document {
	text := fmt.Sprintf("benchmark article %d", id)
	d := &kg.Document{Article: kg.Article{ID: iris.Article(text), Text: text, Title: "bench", Source: "bench"}}
	for i := 0; i < n; i++ {
		s := kg.Node{Name: fmt.Sprintf("Person %d-%d", id%50, i), Type: kg.Person}
		o := kg.Node{Name: fmt.Sprintf("Place %d", (id+i)%500), Type: kg.GPE}
		s.ID, o.ID = iris.Node(s), iris.Node(o)
		d.Entities = append(d.Entities, kg.Entity{ID: s.ID, Name: s.Name, Type: s.Type, Aliases: []string{},
			Mentions: []kg.Mention{{Start: i, End: i + 5, Text: s.Name, Sentence: i}}})
		st := kg.Statement{Subject: s, Predicate: "visit", Relation: "visited", Object: o, Confidence: 0.7,
			Sentence: i, Span: kg.Span{Start: i, End: i + 9}, Text: fmt.Sprintf("sentence %d of article %d", i, id)}
		st.ID = iris.Statement(s.ID, st.Predicate, o.ID, false, "")
		d.Statements = append(d.Statements, st)
	}
	return d
}

// BenchmarkWriteBatch measures writing 64 articles of 30 statements per
// transaction (IngestBatch) on every backend; on PostgreSQL both through
// the COPY bulk path and through Cayley's row-by-row writes, reading the
// quads back through Cayley afterwards. PostgreSQL needs
// NEWSGRAPH_TEST_POSTGRES (see .ci/postgres.sh):
//
//	NEWSGRAPH_TEST_POSTGRES=postgres://... go test -run - -bench WriteBatch -benchtime 20x ./store
func BenchmarkWriteBatch(b *testing.B) {
	for _, backend := range []string{store.Bolt, store.LevelDB, store.Memory, "postgres-bulk", "postgres-rows"} {
		b.Run(backend, func(b *testing.B) {
			cfg := store.Config{Backend: backend, Path: b.TempDir()}
			if strings.HasPrefix(backend, store.Postgres) {
				cfg.Backend, cfg.Path = store.Postgres, storetest.PostgresDB(b)
			}
			s, err := store.Open(cfg)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			if backend == "postgres-rows" {
				store.RowWrites(s)
			}
			ctx := context.Background()
			quads := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				var docs []*kg.Document
				for j := 0; j < 64; j++ {
					docs = append(docs, benchDoc(s.IRIs(), i*64+j, 30))
				}
				res, err := s.IngestBatch(ctx, docs)
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range res {
					quads += r.Quads
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
			b.ReportMetric(float64(64*b.N)/b.Elapsed().Seconds(), "articles/s")
			st, err := s.Stats(ctx)
			if err != nil {
				b.Fatal(err)
			}
			if st.Articles != 64*b.N || st.Quads < quads*9/10 { // quads shared between articles are stored once
				b.Fatalf("read back %d articles, %d quads; wrote %d, %d", st.Articles, st.Quads, 16*b.N, quads)
			}
		})
	}
}

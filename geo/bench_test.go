package geo_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

// BenchmarkLoad measures decoding and indexing the embedded gazetteer,
// what the first geocoding of a process costs:
//
//	go test -run - -bench Load -benchmem ./geo
func BenchmarkLoad(b *testing.B) {
	data, err := geo.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g, err := geo.Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		geo.New(g)
	}
}

// BenchmarkExtract extracts the sample article without and with
// geocoding, in one run, for their ratio:
//
//	go test -run - -bench Extract ./geo
func BenchmarkExtract(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "testdata", "articles", "border-crossings.txt"))
	if err != nil {
		b.Fatal(err)
	}
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	g, err := geo.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		rs   []loader.Resolver
	}{{"plain", nil}, {"geo", []loader.Resolver{geo.New(g)}}} {
		l := loader.New(p, loader.Options{Resolvers: tc.rs})
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := l.Extract(context.Background(), kg.Article{Text: string(text)}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkResolve is geocoding alone, on the sample article's document.
func BenchmarkResolve(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "testdata", "articles", "border-crossings.txt"))
	if err != nil {
		b.Fatal(err)
	}
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	doc, err := loader.New(p, loader.Options{}).Extract(context.Background(), kg.Article{Text: string(text)})
	if err != nil {
		b.Fatal(err)
	}
	g, err := geo.Default()
	if err != nil {
		b.Fatal(err)
	}
	c := geo.New(g)
	iris := kg.NewIRIs("")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		d := *doc
		d.Entities = append([]kg.Entity(nil), doc.Entities...)
		d.Statements = append([]kg.Statement(nil), doc.Statements...)
		c.Resolve(&d, iris)
	}
}

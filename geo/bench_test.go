package geo_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/geo"
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

package store_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

// FuzzImportNQuads: any input is imported or refused with INVALID, never
// a panic, and what was imported exports, imports into an empty store and
// exports again to the same bytes.
//
//	go test -run - -fuzz FuzzImportNQuads -fuzztime 5m ./store
func FuzzImportNQuads(f *testing.F) {
	for _, s := range []string{
		"<http://a> <http://b> <http://c> .\n",
		"<http://a> <http://b> \"text\" <http://label> .\n",
		"<http://a> <http://b> \"with \\\"escapes\\\" and \\u00e9\"@fr .\n",
		"<http://a> <http://b> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
		"_:b1 <http://www.w3.org/2002/07/owl#sameAs> <http://x> .\n# comment\n",
		"<https://newsgraph.dev/id/entity/person/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://newsgraph.dev/ns#Entity> .\n" +
			"<https://newsgraph.dev/id/entity/person/x> <https://newsgraph.dev/ns#name> \"X\" .\n",
		"<a> <b> broken", "", "\x00\xff",
	} {
		f.Add(s)
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data string) {
		s, err := store.Open(store.Config{Backend: store.Memory})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.ImportNQuads(ctx, bytes.NewReader([]byte(data))); err != nil {
			if kg.ErrorCode(err) != kg.EINVALID {
				t.Fatalf("import of %q: %v, want INVALID or success", data, err)
			}
			return
		}
		var first bytes.Buffer
		if err := s.ExportNQuads(ctx, &first); err != nil {
			t.Fatalf("export: %v", err)
		}
		again, _ := store.Open(store.Config{Backend: store.Memory})
		defer again.Close()
		if _, err := again.ImportNQuads(ctx, bytes.NewReader(first.Bytes())); err != nil {
			t.Fatalf("re-import of our own export:\n%s\n%v", first.String(), err)
		}
		var second bytes.Buffer
		if err := again.ExportNQuads(ctx, &second); err != nil {
			t.Fatal(err)
		}
		if first.String() != second.String() {
			t.Fatalf("round trip changed the quads:\n%s\nvs\n%s", first.String(), second.String())
		}
	})
}

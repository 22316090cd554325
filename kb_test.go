package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

// TestLoadKB loads two articles from two sources with --kb: each names
// Boris Johnson otherwise, in words no rule of the cross-article linker
// joins, and the knowledge base's item joins them.
func TestLoadKB(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"wire.txt":  "Boris Johnson visited Kyiv on Monday, officials said.\n",
		"paper.txt": "Alexander Boris de Pfeffel Johnson was born in New York in 1964, his office said.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "graph.db")
	var out bytes.Buffer
	args := []string{"--db", db, "--progress=false", "--kb", "kb/testdata/test.tsv", filepath.Join(dir, "wire.txt"), filepath.Join(dir, "paper.txt")}
	if err := run(context.Background(), "load", args, nil, &out); err != nil {
		t.Fatalf("load: %v\n%s", err, out.String())
	}
	s, err := store.Open(store.Config{Backend: store.Bolt, Path: db})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	iris := s.IRIs()
	e, err := s.Entity(context.Background(), iris.Entity(kg.Person, "Boris Johnson"))
	if err != nil {
		t.Fatal(err)
	}
	want := iris.Entity(kg.Person, "Alexander Boris de Pfeffel Johnson")
	if e.ID != want || len(e.Members) != 1 || e.Members[0].Rule != kg.LinkSameAs {
		t.Errorf("Boris Johnson: %s, members %+v; want one entity (%s) joined by sameAs", e.ID, e.Members, want)
	}
	if len(e.SameAs) == 0 || e.SameAs[0] != "https://example.org/kb/boris-johnson" {
		t.Errorf("sameAs %v", e.SameAs)
	}
	// The places are linked too: Kyiv by GeoNames and by the knowledge
	// base, New York to the city (its GeoNames feature), not the state.
	for name, iri := range map[string]string{"Kyiv": "https://example.org/kb/kyiv", "New York": "https://example.org/kb/new-york-city"} {
		p, err := s.Entity(context.Background(), iris.Entity(kg.GPE, name))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, x := range p.SameAs {
			found = found || x == iri
		}
		if !found || p.Location == nil {
			t.Errorf("%s: sameAs %v, location %+v; want %s and a location", name, p.SameAs, p.Location, iri)
		}
	}
	if err := run(context.Background(), "load", []string{"--db", db, "--kb", "no/such/file.tsv", filepath.Join(dir, "wire.txt")}, nil, &out); err == nil {
		t.Error("load --kb with a missing file: no error")
	}
}

package store

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// An export larger than a run spills sorted runs to temporary files and
// merges them to the same bytes as one run in memory, removing the files.
func TestExportSpills(t *testing.T) {
	s, err := Open(Config{Backend: Bolt, Path: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := 0; i < 20; i++ {
		text := fmt.Sprintf("Report %d: Mexico sent troops.", i)
		ent := kg.Entity{Name: fmt.Sprintf("Person %d", i%7), Type: kg.Person, Aliases: []string{"P"},
			Mentions: []kg.Mention{{Start: 0, End: 6, Text: "Person"}}}
		ent.ID = s.iris.Entity(ent.Type, ent.Name)
		doc := &kg.Document{Article: kg.Article{ID: s.iris.Article(text), Text: text}, Entities: []kg.Entity{ent}}
		if _, err := s.Ingest(ctx, doc); err != nil {
			t.Fatal(err)
		}
	}
	var whole bytes.Buffer
	if err := s.ExportNQuads(ctx, &whole); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	defer func(n int) { exportRunBytes = n }(exportRunBytes)
	exportRunBytes = 2 << 10
	var spilled bytes.Buffer
	if err := s.ExportNQuads(ctx, &spilled); err != nil {
		t.Fatal(err)
	}
	if whole.String() != spilled.String() {
		t.Errorf("export in 2 KB runs differs from the export in one run:\n%s\nvs\n%s", spilled.String(), whole.String())
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if whole.Len() < 10*exportRunBytes {
		t.Errorf("the export (%d bytes) is too small to spill several runs", whole.Len())
	}
}

// After a deletion, entities read as stored now: a deleted article's
// aliases are gone at once, the link index being updated by the deletion
// itself.
func TestDeletedAliasesGoneAtOnce(t *testing.T) {
	s, err := Open(Config{Backend: Memory})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	doc := func(text string, aliases ...string) *kg.Document {
		e := kg.Entity{Name: "Antony Blinken", Type: kg.Person, Aliases: aliases, Mentions: []kg.Mention{{Start: 0, End: 7, Text: "Blinken"}}}
		e.ID = s.iris.Entity(e.Type, e.Name)
		return &kg.Document{Article: kg.Article{ID: s.iris.Article(text), Text: text}, Entities: []kg.Entity{e}}
	}
	a, b := doc("Blinken spoke.", "Blinken"), doc("Blinken, the Secretary, spoke.", "Secretary Blinken")
	for _, d := range []*kg.Document{a, b} {
		if _, err := s.Ingest(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Entity(ctx, a.Entities[0].ID); err != nil { // builds the index
		t.Fatal(err)
	}
	if _, err := s.DeleteArticle(ctx, b.Article.ID); err != nil {
		t.Fatal(err)
	}
	e, err := s.Entity(ctx, a.Entities[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := e.Aliases, []string{"Blinken"}; !reflect.DeepEqual(got, want) {
		t.Errorf("aliases right after the delete = %q, want %q", got, want)
	}
}

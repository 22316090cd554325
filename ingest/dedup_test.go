package ingest_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

const wireStory = `The harbour bridge was closed on Wednesday after winds of more than 120 kilometres an hour tore panels from its western span, the city's transport department said.
Engineers will inspect the bridge on Thursday morning, and the department expects it to reopen by the weekend if no structural damage is found.
Mayor Lena Brandt said the city would pay for ferries to carry commuters across the harbour until the bridge reopens.
The storm also cut power to about 4,000 homes in the northern suburbs, according to the electricity company, which said most would be reconnected by the evening.
Forecasters said the winds would ease overnight but warned of heavy rain on Friday in the hills north of the city.`

// The same wire story in two papers is stored once with its statements,
// and once as a copy linked to it, without statements of its own: its
// facts are not counted twice.
func TestLoadNearDuplicates(t *testing.T) {
	arts := []kg.ArticleJSON{
		{Title: "Storm closes harbour bridge", Source: "The Coastal Tribune", Text: wireStory},
		{Title: "Storm shuts bridge", Source: "Harbour Herald", URL: "https://herald.example.org/storm",
			Text: "By Wire Staff\n" + strings.Replace(wireStory, "kilometres", "km", 1) + "\nCopyright 2024 The Wire. All rights reserved."},
		{Title: "Ferries run", Source: "Harbour Herald", Text: "Commuters crowded onto ferries on Thursday as the harbour bridge stayed shut for a second day after the storm damaged its western span. " +
			"The ferry company added two boats to its morning timetable, and passengers said they waited up to forty minutes at the northern pier. " +
			"Shop owners near the bridge said trade had fallen sharply, and the chamber of commerce asked the city to waive parking fees in the old town until the bridge reopens."},
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for _, a := range arts {
		enc.Encode(a)
	}
	src := filepath.Join(t.TempDir(), "wire.jsonl")
	if err := os.WriteFile(src, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s := open(t, store.Config{Backend: store.Memory})
	// One worker: the first line is the original.
	sum, err := ingest.Run(ctx, ingest.Config{Sources: []string{src}, Workers: 1}, newLoader(t), s)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 3 || sum.Copies != 1 {
		t.Fatalf("summary %+v, want 3 created, 1 of them a copy", sum)
	}
	iris := s.IRIs()
	orig := iris.Article(kg.NormalizeText(arts[0].Text))
	cp, err := s.Article(ctx, iris.Article(kg.NormalizeText(arts[1].Text)))
	if err != nil {
		t.Fatal(err)
	}
	if cp.CopyOf != orig || cp.Source != "Harbour Herald" || cp.URL != "https://herald.example.org/storm" {
		t.Errorf("copy %+v, want a copy of %s with its own source and URL", cp, orig)
	}
	if sts, n, err := s.Statements(ctx, kg.StatementFilter{Article: cp.ID}, 0, 10); err != nil || n != 0 {
		t.Errorf("the copy has %d statements (%v), want none", n, sts)
	}
	if _, n, _ := s.Statements(ctx, kg.StatementFilter{Article: orig}, 0, 100); n == 0 {
		t.Error("the original has no statements")
	}
	// Loading again skips all three, copies included.
	again, err := ingest.Run(ctx, ingest.Config{Sources: []string{src}}, newLoader(t), s)
	if err != nil || again.Skipped != 3 {
		t.Errorf("second run %+v, %v", again, err)
	}
	// A later load finds a copy of a stored article with CopiesOfStored.
	later := filepath.Join(t.TempDir(), "later.jsonl")
	line, _ := json.Marshal(kg.ArticleJSON{Title: "Bridge closed", Source: "Evening Post", Text: "From our wires.\n" + wireStory})
	if err := os.WriteFile(later, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err = ingest.Run(ctx, ingest.Config{Sources: []string{later}, CopiesOfStored: true}, newLoader(t), s)
	if err != nil || sum.Created != 1 || sum.Copies != 1 {
		t.Errorf("later load: %+v, %v; want the article stored as a copy", sum, err)
	}
	// KeepCopies extracts the copy as an article of its own.
	s2 := open(t, store.Config{Backend: store.Memory})
	keep, err := ingest.Run(ctx, ingest.Config{Sources: []string{src}, KeepCopies: true}, newLoader(t), s2)
	if err != nil || keep.Created != 3 || keep.Copies != 0 {
		t.Errorf("KeepCopies: %+v, %v", keep, err)
	}
}

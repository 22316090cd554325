package geo

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// The evaluation's arithmetic, with an extractor that reads the text as
// a test would: Paris right, Texas wrong, Sandia (not in the gazetteer)
// linked anyway.
func TestEval(t *testing.T) {
	judged, err := ReadJudged("testdata/judged.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(judged) != 3 || judged[2].Geonames != 0 || judged[0].Geonames != 4717560 {
		t.Fatalf("judged %+v", judged)
	}
	var gotText string
	extract := func(_ context.Context, text string) (*kg.Document, error) {
		gotText = text
		at := func(s string) kg.Mention {
			i := len([]rune(text[:strings.Index(text, s)]))
			return kg.Mention{Start: i, End: i + len([]rune(s)), Text: s}
		}
		loc := func(id int) *kg.Geocode { return &kg.Geocode{GeonamesID: id, Kind: "city"} }
		return &kg.Document{Article: kg.Article{Text: text}, Entities: []kg.Entity{
			{Name: "Paris", Type: kg.GPE, Mentions: []kg.Mention{at("Paris")}, Location: loc(4717560)},
			{Name: "Texas", Type: kg.GPE, Mentions: []kg.Mention{at("Texas")}, Location: loc(1)},
			{Name: "Sandia", Type: kg.Location, Mentions: []kg.Mention{at("Sandia")}, Location: loc(2)},
		}}, nil
	}
	var out bytes.Buffer
	sc, err := Eval(context.Background(), "testdata", judged, extract, &out)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Rain fell in Paris, Texas.\n\nSnow fell on Sandia."; gotText != want {
		t.Errorf("text %q, want %q", gotText, want)
	}
	want := Scores{Mentions: 3, Linkable: 2, Linked: 3, Correct: 1, WrongLink: 2}
	if sc != want {
		t.Errorf("scores %+v, want %+v\n%s", sc, want, out.String())
	}
	if got := sc.Accuracy(); got < 0.33 || got > 0.34 {
		t.Errorf("accuracy %v, want 1/3", got)
	}
	if sc.Coverage() != 1 || sc.Recall() != 0.5 {
		t.Errorf("coverage %v, recall %v", sc.Coverage(), sc.Recall())
	}
}

func TestReadJudgedErrors(t *testing.T) {
	if _, err := ReadJudged("testdata/GUM_tiny.conllu"); err == nil {
		t.Error("a CoNLL-U file read as a judged set")
	}
}

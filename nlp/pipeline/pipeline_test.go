package pipeline

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
)

// The embedded models must load and give a sensible analysis of a plain
// news sentence (these are checks of the trained models, not of fixed
// output: any decent English parser agrees on them).
func TestEmbeddedModels(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	forms := strings.Fields("Mexico deployed 32,000 soldiers to the border on Tuesday .")
	words := make([]nlp.Word, len(forms))
	for i, f := range forms {
		words[i].Text = f
	}
	m.Annotate(words)
	want := map[int]struct {
		xpos, lemma string
		head        int
		rel         string
	}{
		0: {"NNP", "Mexico", 1, "nsubj"},
		1: {"VBD", "deploy", -1, "root"},
		3: {"NNS", "soldier", 1, "obj"},
		6: {"NN", "border", 1, "obl"},
	}
	for i, w := range want {
		a := words[i]
		if a.XPOS != w.xpos || a.Lemma != w.lemma || a.Head != w.head || a.Rel != w.rel {
			t.Errorf("%s: got %s %s head %d %s, want %+v", forms[i], a.XPOS, a.Lemma, a.Head, a.Rel, w)
		}
	}
}

// TestApposedSubject: "Its chairwoman, Mary Smith, met John Brown" has one
// subject with an apposition, whatever the parser says.
func TestApposedSubject(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	text := []string{"Its", "chairwoman", ",", "Mary", "Smith", ",", "met", "John", "Brown", "in", "Paris", "."}
	ws := make([]nlp.Word, len(text))
	for i, w := range text {
		ws[i].Text = w
	}
	m.Annotate(ws)
	n := 0
	for _, w := range ws {
		if w.Head == 6 && w.Rel == "nsubj" {
			n++
		}
	}
	if n != 1 || ws[3].Rel != "appos" || ws[3].Head != 1 {
		t.Errorf("subjects of met: %d, Mary: %s of %d; want one, appos of chairwoman", n, ws[3].Rel, ws[3].Head)
	}
	// a lone subject after a fronted phrase stays
	two := []nlp.Word{{Text: "Yesterday"}, {Text: ","}, {Text: "Mary"}, {Text: "Smith"}, {Text: "met"}, {Text: "John"}, {Text: "."}}
	m.Annotate(two)
	if two[2].Rel != "nsubj" {
		t.Errorf("Mary: %s, want nsubj", two[2].Rel)
	}
}

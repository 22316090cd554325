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

// TestExampleSubject: a phrase of examples set off by commas ("including
// many from India") is never the subject; the noun it exemplifies is, in
// both ways the parser gets it wrong.
func TestExampleSubject(t *testing.T) {
	type w struct {
		text, upos string
		head       int
		rel        string
	}
	build := func(ws ...w) []nlp.Word {
		out := make([]nlp.Word, len(ws))
		for i, x := range ws {
			out[i] = nlp.Word{Text: x.text, UPOS: x.upos, Head: x.head, Rel: x.rel}
		}
		return out
	}
	// "A team of engineers, including many, built it ." with "many" the
	// verb's subject and "team" hanging under it
	one := build(w{"A", "DET", 1, "det"}, w{"team", "NOUN", 6, "nsubj"}, w{"of", "ADP", 3, "case"},
		w{"engineers", "NOUN", 1, "nmod"}, w{",", "PUNCT", 6, "punct"}, w{"including", "VERB", 6, "case"},
		w{"many", "ADJ", 8, "nsubj"}, w{",", "PUNCT", 8, "punct"}, w{"built", "VERB", -1, "root"},
		w{"it", "PRON", 8, "obj"}, w{".", "PUNCT", 8, "punct"})
	exampleSubject(one)
	if one[1].Head != 8 || one[1].Rel != "nsubj" || one[6].Head != 1 || one[6].Rel != "nmod" || one[5].Head != 6 {
		t.Errorf("team: %d %s, many: %d %s, including: %d; want team nsubj of built, many nmod of team",
			one[1].Head, one[1].Rel, one[6].Head, one[6].Rel, one[5].Head)
	}
	// "A group, including many, attempted it ." read as a group that
	// attempted, the verb a clause of the noun
	two := build(w{"A", "DET", 1, "det"}, w{"group", "NOUN", -1, "root"}, w{",", "PUNCT", 5, "punct"},
		w{"including", "VERB", 5, "advcl"}, w{"many", "ADJ", 5, "nsubj"}, w{"attempted", "VERB", 1, "acl"},
		w{"it", "PRON", 5, "obj"}, w{".", "PUNCT", 1, "punct"})
	exampleSubject(two)
	if two[5].Head != -1 || two[1].Head != 5 || two[1].Rel != "nsubj" || two[4].Head != 1 || two[3].Head != 4 ||
		two[3].Rel != "case" || two[7].Head != 5 || !nlp.Acyclic(two) {
		t.Errorf("got %+v; want attempted the root, group its subject, many an nmod of group", two)
	}
	// a subject after a comma but with no "including" stays
	three := build(w{"Yesterday", "NOUN", 3, "obl:tmod"}, w{",", "PUNCT", 3, "punct"}, w{"Mary", "PROPN", 3, "nsubj"},
		w{"left", "VERB", -1, "root"}, w{".", "PUNCT", 3, "punct"})
	exampleSubject(three)
	if three[2].Head != 3 || three[2].Rel != "nsubj" {
		t.Errorf("Mary: %d %s, want nsubj of left", three[2].Head, three[2].Rel)
	}
}

// TestCodeNameTrees: "The shuttle STS-1 launched" with the number made the
// subject and the letters an apposition is repaired into one name, the
// phrase it belongs to the verb's subject; written apart ("STS - 1", or
// with no offsets, as a treebank gives words) nothing changes.
func TestCodeNameTrees(t *testing.T) {
	texts := []string{"The", "shuttle", "STS", "-", "1", "launched", "."}
	starts := []int{0, 4, 12, 15, 16, 18, 26}
	heads := []int{1, -1, 1, 4, 5, 1, 1}
	rels := []string{"det", "root", "appos", "punct", "nsubj", "parataxis", "punct"}
	build := func(offsets bool) []nlp.Word {
		ws := make([]nlp.Word, len(texts))
		for i := range ws {
			ws[i] = nlp.Word{Text: texts[i], Head: heads[i], Rel: rels[i], UPOS: "NOUN"}
			if offsets {
				ws[i].Start, ws[i].End = starts[i], starts[i]+len(texts[i])
			}
		}
		ws[3].UPOS, ws[6].UPOS = "PUNCT", "PUNCT"
		return ws
	}
	ws := build(true)
	codeNameTrees(ws, texts)
	if ws[5].Head != -1 || ws[1].Head != 5 || ws[1].Rel != "nsubj" || ws[4].Head != 2 || ws[4].Rel != "flat" ||
		ws[6].Head != 5 || !nlp.Acyclic(ws) {
		t.Errorf("repaired tree %+v; want launched the root, shuttle its subject, 1 a flat part of STS", ws)
	}
	apart := build(false)
	codeNameTrees(apart, texts)
	if apart[4].Head != 5 || apart[4].Rel != "nsubj" {
		t.Errorf("words without offsets changed: %+v", apart)
	}
	for _, c := range []struct {
		s    string
		want bool
	}{{"16", true}, {"4B", true}, {"1,000", false}, {"B4", false}, {"", false}} {
		if got := codeNumber(c.s); got != c.want {
			t.Errorf("codeNumber(%q) = %v", c.s, got)
		}
	}
}

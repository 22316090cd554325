package coref_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/coref"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/nlp/token"
)

// The loader hands over its analysed sentences and the names it found;
// Links says which name each pronoun or description stands for.
func ExampleModel_ResolveNames() {
	text := `"We will appeal," said Acme Corp. on Monday. Its chairwoman, Mary Smith, met John Brown in Paris. She thanked him.`
	models, _ := pipeline.Embedded()
	tagger := &pipeline.Pipeline{Models: models}
	var sents []nlp.Sentence
	for i, s := range token.Split(text) {
		tagger.Annotate(&s)
		ws := s.Words
		sents = append(sents, nlp.Sentence{Index: i, Words: ws})
	}
	// The names as the loader finds them: sentence, words [start, end), type.
	names := []coref.NameSpan{
		{Sent: 0, Start: 7, End: 9, Type: kg.Organization}, // Acme Corp.
		{Sent: 1, Start: 3, End: 5, Type: kg.Person},       // Mary Smith
		{Sent: 1, Start: 7, End: 9, Type: kg.Person},       // John Brown
		{Sent: 1, Start: 10, End: 11, Type: kg.GPE},        // Paris
	}
	model, _ := coref.Embedded()
	links := model.ResolveNames(sents, names)
	for si, s := range sents {
		for w, word := range s.Words {
			if i := links.Name(si, w); i >= 0 {
				n := names[i]
				fmt.Printf("%s -> %s\n", word.Text, text[sents[n.Sent].Words[n.Start].Start:sents[n.Sent].Words[n.End-1].End])
			}
		}
	}
	// Output:
	// We -> Acme Corp.
	// Its -> Acme Corp.
	// chairwoman -> Mary Smith
	// She -> Mary Smith
	// him -> John Brown
}

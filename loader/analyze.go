package loader

import (
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/token"
)

// Annotator sets part-of-speech tags, lemmas, dependency trees and entity
// labels on the words of one sentence (nlp/pipeline's Pipeline is
// newsgraph's own).
type Annotator interface {
	Annotate(s *nlp.Sentence)
}

// analyze splits text into sentences and annotates them; a sentence of
// more than maxWords words is left bare (the caller skips it with a
// warning): tagging and parsing 100,000 words that will be skipped would
// be most of the time a pathological text takes.
func analyze(a Annotator, text string, maxWords int) []nlp.Sentence {
	sents := token.Split(text)
	for i := range sents {
		s := &sents[i]
		if len(s.Words) > maxWords {
			continue
		}
		a.Annotate(s)
		fixTags(s.Words)
		fixInitial(s.Words)
	}
	return sents
}

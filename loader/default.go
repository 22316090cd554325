package loader

import (
	"github.com/newsgraph/newsgraph/loader/nlp"
	"github.com/newsgraph/newsgraph/loader/prose"
)

// DefaultTagger is newsgraph's own analyser (tokens, tags, lemmas and
// dependency parses from the models built into the binary) with prose's
// entity model for NER hints.
func DefaultTagger() (Tagger, error) {
	m, err := nlp.Embedded()
	if err != nil {
		return nil, err
	}
	ner, err := prose.NewNER()
	if err != nil {
		return nil, err
	}
	return &nlp.Tagger{Models: m, NER: ner}, nil
}

package ner

import (
	_ "embed" // the model files
	"fmt"
	"sync"

	"github.com/newsgraph/newsgraph/nlp"
)

var (
	//go:embed models/ner.zst
	modelZst []byte
	//go:embed models/gazetteer.zst
	gazetteerZst []byte
)

var embedded = sync.OnceValues(func() (*Model, error) {
	lex, err := nlp.EmbeddedLexicon()
	if err != nil {
		return nil, err
	}
	m, err := load(modelZst, gazetteerZst, lex)
	if err != nil {
		return nil, fmt.Errorf("embedded entity model: %w", err)
	}
	return m, nil
})

// Embedded returns the model built into the binary, loading it on first
// use.
func Embedded() (*Model, error) { return embedded() }

// embeddedResources are the lexicon and the embedded gazetteer, for
// training in cross-validation.
var embeddedResources = sync.OnceValues(func() (resources, error) {
	lex, err := nlp.EmbeddedLexicon()
	if err != nil {
		return resources{}, err
	}
	g, err := loadGazetteer(gazetteerZst)
	return resources{lex: lex, gaz: g}, err
})

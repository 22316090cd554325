package ner

import (
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
)

// BenchmarkLoad loads the model from its embedded files (the language
// models it shares are loaded once, outside the timing).
func BenchmarkLoad(b *testing.B) {
	lex, err := nlp.EmbeddedLexicon()
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := load(modelZst, gazetteerZst, lex); err != nil {
			b.Fatal(err)
		}
	}
}

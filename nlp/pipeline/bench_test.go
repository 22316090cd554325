package pipeline

import (
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/nlp/token"
)

// BenchmarkAnalyze tags, lemmatizes and parses the sample article on one
// goroutine; the words/s metric is the number to compare.
func BenchmarkAnalyze(b *testing.B) {
	text, err := os.ReadFile("../../testdata/articles/border-crossings.txt")
	if err != nil {
		b.Fatal(err)
	}
	m, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	sents := token.Split(string(text))
	words := 0
	for _, s := range sents {
		words += len(s.Words)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			m.Annotate(s.Words)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkLoad loads the embedded models (decompression, parsing,
// hash tables), as every process does once.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := LoadFS(os.DirFS("../models")); err != nil {
			b.Fatal(err)
		}
	}
}

package nlp

import (
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/loader/token"
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
	var sents [][]string
	words := 0
	for _, s := range token.Split(string(text)) {
		var ws []string
		for _, t := range s.Tokens {
			ws = append(ws, token.ASCII(t.Text))
		}
		sents = append(sents, ws)
		words += len(ws)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			m.Analyze(s)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkLoad loads the embedded models (decompression, parsing,
// hash tables), as every process does once.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := LoadFS(os.DirFS("models")); err != nil {
			b.Fatal(err)
		}
	}
}

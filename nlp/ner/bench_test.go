package ner_test

import (
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/ner"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/nlp/token"
)

// taggedArticles tokenizes and tags the sample article and the Wikinews
// articles of ../../testdata, as the loader would.
func taggedArticles(b *testing.B) ([][][]nlp.Word, int) {
	b.Helper()
	tg, err := pipeline.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	paths := []string{"../../testdata/articles/border-crossings.txt"}
	more, _ := os.ReadDir("../../../shared/data/articles/wikinews")
	for _, e := range more {
		paths = append(paths, "../../../shared/data/articles/wikinews/"+e.Name())
	}
	var docs [][][]nlp.Word
	n := 0
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		var doc [][]nlp.Word
		for _, s := range token.Split(string(text)) {
			ws := s.Words
			tg.Annotate(ws)
			doc = append(doc, ws)
			n += len(ws)
		}
		docs = append(docs, doc)
	}
	return docs, n
}

// BenchmarkLabelDocument labels tagged news articles with both passes on
// one goroutine (words/s).
//
//	go test -run - -bench . ./nlp/ner
func BenchmarkLabelDocument(b *testing.B) {
	docs, n := taggedArticles(b)
	m, err := ner.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			for _, ws := range d {
				m.Label(ws)
			}
			m.LabelDocument(d)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "words/s")
}

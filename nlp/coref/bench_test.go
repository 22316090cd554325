package coref

import (
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/nlp/token"
)

// sampleDoc analyses the sample article as the loader does and takes
// its names from the entity hints, as a stand-in for the loader's names.
func sampleDoc(tb testing.TB) (*Doc, int) {
	sents, names, words := sampleSentences(tb)
	return FromLoader(sents, names), words
}

func sampleSentences(tb testing.TB) ([]nlp.Sentence, []NameSpan, int) {
	tb.Helper()
	text, err := os.ReadFile("../../testdata/articles/border-crossings.txt")
	if err != nil {
		tb.Fatal(err)
	}
	tg, err := pipeline.Default()
	if err != nil {
		tb.Fatal(err)
	}
	var sents []nlp.Sentence
	var names []NameSpan
	words := 0
	for i, s := range token.Split(string(text)) {
		tg.Annotate(&s)
		ws := s.Words
		words += len(ws)
		sents = append(sents, nlp.Sentence{Index: i, Words: ws})
		for j := 0; j < len(ws); j++ {
			if len(ws[j].NER) < 3 || ws[j].NER[0] != 'B' {
				continue
			}
			k := j + 1
			for k < len(ws) && len(ws[k].NER) > 2 && ws[k].NER[0] == 'I' {
				k++
			}
			typ := kg.Organization
			switch ws[j].NER[2:] {
			case "PERSON":
				typ = kg.Person
			case "GPE":
				typ = kg.GPE
			}
			names = append(names, NameSpan{Sent: i, Start: j, End: k, Type: typ})
			j = k - 1
		}
	}
	return sents, names, words
}

// BenchmarkResolve resolves the mentions of the sample article (about
// 600 words) with the embedded model on one goroutine:
//
//	go test ./nlp/coref -run '^$' -bench Resolve -benchtime 2s
func BenchmarkResolve(b *testing.B) {
	d, words := sampleDoc(b)
	m, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Resolve(d)
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(len(d.Mentions)), "mentions")
}

// BenchmarkAdapter is what the loader will pay per article: building the
// document from its sentences and names (with Detect) and resolving it.
//
//	go test ./nlp/coref -run '^$' -bench Adapter -benchtime 2s
func BenchmarkAdapter(b *testing.B) {
	sents, names, words := sampleSentences(b)
	m, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Resolve(FromLoader(sents, names))
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

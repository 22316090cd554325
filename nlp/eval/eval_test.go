package eval

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"

	"github.com/newsgraph/newsgraph/nlp/conllu"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

func TestWordSpans(t *testing.T) {
	s := conllu.Sentence{Text: "They don't know.", Words: []conllu.Word{{Form: "They"}, {Form: "do"}, {Form: "n't"}, {Form: "know"}, {Form: "."}},
		Ranges: []conllu.Range{{First: 2, Last: 3, Form: "don't"}}}
	got := wordSpans(s)
	want := [][2]int{{0, 4}, {5, 7}, {7, 10}, {11, 15}, {15, 16}}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("spans %v, want %v", got, want)
		}
	}
}

const ewt = "../../../shared/data/ud-english-ewt/"

// The targets of the NLP core on EWT dev, checked when the treebank is
// there (training and evaluation data live outside the repository).
func TestEWTDevTargets(t *testing.T) {
	sents, err := conllu.ReadFile(ewt + "en_ewt-ud-dev.conllu")
	if err != nil {
		t.Skip("EWT dev not available:", err)
	}
	m, err := pipeline.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(m, sents)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(s)
	if s.UPOS < 95 || s.UAS < 86 || s.LAS < 83 {
		t.Errorf("below the targets (UPOS 95, UAS 86, LAS 83): %s", s)
	}
	var out bytes.Buffer
	if err := EvalTokenize(ewt+"en_ewt-ud-dev.conllu", &out); err != nil {
		t.Fatal(err)
	}
	t.Log(out.String())
	f1 := regexp.MustCompile(`TokenF1=([\d.]+)`).FindStringSubmatch(out.String())
	if len(f1) < 2 || mustFloat(f1[1]) < 98 {
		t.Errorf("token F1 below 98: %s", out.String())
	}
}

func mustFloat(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return -1
	}
	return f
}

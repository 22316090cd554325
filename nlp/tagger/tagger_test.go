package tagger

import (
	"bytes"
	"math/rand"
	"testing"

	"github.com/newsgraph/newsgraph/nlp/conllu"
	"github.com/newsgraph/newsgraph/nlp/internal/lexicon"
)

func toy(rng *rand.Rand, n int) []conllu.Sentence {
	dets, nouns, verbs := []string{"the", "a"}, []string{"cat", "dog", "court", "bank"}, []string{"sees", "ruled", "hits"}
	var out []conllu.Sentence
	for i := 0; i < n; i++ {
		out = append(out, conllu.Sentence{Words: []conllu.Word{
			{Form: dets[rng.Intn(2)], UPOS: "DET", XPOS: "DT"},
			{Form: nouns[rng.Intn(4)], UPOS: "NOUN", XPOS: "NN"},
			{Form: verbs[rng.Intn(3)], UPOS: "VERB", XPOS: "VBZ"},
			{Form: nouns[rng.Intn(4)], UPOS: "NOUN", XPOS: "NN"},
			{Form: ".", UPOS: "PUNCT", XPOS: "."},
		}})
	}
	return out
}

func TestTrainTagRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	tg, err := Train(toy(rng, 300), toy(rng, 10), nil, Options{Epochs: 6, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if a := Evaluate(tg, toy(rng, 20)); a.UPOS < 1 || a.XPOS < 1 {
		t.Fatalf("accuracy on a trivial language: %+v", a)
	}
	// An unseen noun between a determiner and a verb.
	got := tg.Tag([]string{"the", "zebra", "sees", "a", "court", "."})
	if got[1] != (Tag{"NOUN", "NN"}) {
		t.Errorf("unseen word tagged %v", got[1])
	}
	var buf bytes.Buffer
	if _, err := tg.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	tg2, err := Read(&buf, lexicon.Empty())
	if err != nil {
		t.Fatal(err)
	}
	if a := Evaluate(tg2, toy(rng, 20)); a.UPOS < 1 {
		t.Fatalf("after a round trip: %+v", a)
	}
	if len(tg2.Tag(nil)) != 0 {
		t.Error("tags for no words")
	}
	if _, err := Train(nil, nil, nil, Options{}); err == nil {
		t.Error("no training data: no error")
	}
}

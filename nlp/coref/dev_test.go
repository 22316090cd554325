package coref

import (
	"os"
	"testing"
)

// gumDir is GUM in the shared data beside the repository.
const gumDir = "../../../shared/data/gum"

// TestDevFigures checks the embedded model's figures on GUM dev, as
// `newsgraph eval-coref ../shared/data/gum` reports them (predicted trees;
// CoNLL-2012 score without singletons), less a small margin. It skips
// when the shared data is not there.
func TestDevFigures(t *testing.T) {
	if _, err := os.Stat(gumDir); err != nil {
		t.Skipf("no GUM data: %v", err)
	}
	docs, err := ReadCorpus([]string{gumDir}, "dev")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(docs), 11; got != want {
		t.Fatalf("dev documents: got %d, want %d", got, want)
	}
	analyse, err := PredictedTrees()
	if err != nil {
		t.Fatal(err)
	}
	model, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name           string
		src            MentionSource
		conll, pronoun float64 // reported, in percent
	}{
		{"gold mentions", GoldMentions, 62.87, 80.3},
		{"detected mentions", DetectedMentions, 43.29, 78.8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			exs := make([]Example, len(docs))
			for i, d := range docs {
				exs[i] = NewExample(d, analyse, tc.src)
			}
			const margin = 1.0
			conll := 100 * Score(model, exs, false).CoNLL()
			if conll < tc.conll-margin {
				t.Errorf("CoNLL F1 %.2f, reported %.2f", conll, tc.conll)
			}
			rules := 100 * Score(Rules{}, exs, false).CoNLL()
			if rules >= conll {
				t.Errorf("the hand rules (%.2f) do as well as the model (%.2f)", rules, conll)
			}
			acc := PronounAccuracy(model, exs)
			if got := 100 * float64(acc.Right) / float64(acc.Total); got < tc.pronoun-2*margin {
				t.Errorf("pronoun accuracy %.1f, reported %.1f", got, tc.pronoun)
			}
		})
	}
}

package ner_test

import (
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/nlp/ner"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

const gumDir = "../../../shared/data/gum"

// TestGUMDevTargets scores the embedded model on GUM's dev documents
// (never trained on), tagged by the pipeline's tagger as at run time. It
// skips when the data is absent. The floor is the figure the shipped
// model reached, less a margin for retraining noise; the UNER figure
// needs cross-validation (minutes):
//
//	newsgraph eval-ner --cv 5 ../shared/data/uner-english-ewt/en_ewt-ud-dev.iob2
func TestGUMDevTargets(t *testing.T) {
	if _, err := os.Stat(gumDir); err != nil {
		t.Skip("no GUM data:", err)
	}
	m, err := pipeline.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	sc, err := ner.Score(ner.EvalConfig{Paths: []string{gumDir}, Split: "dev", Tagger: m.TagOnly()})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("GUM dev: %s", sc)
	if got, floor := sc.F1(), 73.0; got < floor {
		t.Errorf("GUM dev F1 = %.2f, below %.0f", got, floor)
	}
}

package openie

import (
	"bytes"
	"testing"
)

func TestDefaultCalibrator(t *testing.T) {
	c, err := DefaultCalibrator()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Weights) < 20 {
		t.Fatalf("embedded calibration has %d weights: not trained", len(c.Weights))
	}
	// A clause with a verb and an object is worth more than the same
	// sentence's possessive.
	s := parsed("Mexico/PROPN/NNP/3/nmod:poss 's/PART/POS/1/case president/NOUN/NN/4/nsubj met/VERB/VBD/0/root Blinken/PROPN/NNP/4/obj")
	var clause, poss float64
	for _, tp := range ExtractWith(s, c) {
		switch tp.Kind {
		case Clause:
			clause = tp.Confidence
		case Possessive:
			poss = tp.Confidence
		}
	}
	if clause <= poss || clause <= 0 || clause >= 1 {
		t.Errorf("clause %.3f, possessive %.3f", clause, poss)
	}
}

func TestTrainCalibrator(t *testing.T) {
	// "good" tuples are right 90% of the time, "bad" ones 20%.
	var ex []Example
	for i := 0; i < 100; i++ {
		ex = append(ex, Example{[]string{"good"}, 0.9}, Example{[]string{"bad"}, 0.2})
	}
	c := TrainCalibrator(ex, 500, 0)
	if g, b := c.Confidence([]string{"good"}), c.Confidence([]string{"bad"}); g < 0.85 || g > 0.95 || b < 0.15 || b > 0.25 {
		t.Errorf("good %.3f (want 0.9), bad %.3f (want 0.2)", g, b)
	}
	j1, _ := c.JSON()
	j2, _ := TrainCalibrator(ex, 500, 0).JSON()
	if !bytes.Equal(j1, j2) {
		t.Error("training is not deterministic")
	}
	c2, err := ParseCalibrator(j1)
	if err != nil || c2.Confidence([]string{"good"}) != c.Confidence([]string{"good"}) {
		t.Errorf("round trip: %v", err)
	}
	if _, err := ParseCalibrator([]byte("{")); err == nil {
		t.Error("bad JSON accepted")
	}
}

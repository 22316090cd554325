package carb

import (
	"fmt"
	"io"
	"os"

	"github.com/newsgraph/newsgraph/loader/openie"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

// CalibrationConfig is what `newsgraph train calibration` is told.
type CalibrationConfig struct {
	Sentences, Gold string // CaRB's tokenized sentences and gold tuples
	Folds           int    // cross-validation folds for the held-out report
	Iterations      int
	L2              float64
	Log             io.Writer
}

type calSentence struct {
	line     string
	examples []openie.Example
	exts     []Extraction
}

// TrainCalibration learns the confidence model of the Open IE tuples on a
// CaRB split: every tuple the extractor makes, labelled with the F1 of its
// best gold match (precision alone, the obvious label, ranks short
// fragments too high: held out, CaRB F1 52.7 against 54.2 with F1). It reports CaRB with the hand-set confidences,
// with confidences from models trained on the other folds (held out: the
// honest figure), and returns the model trained on all sentences.
func TrainCalibration(m *pipeline.Models, cfg CalibrationConfig) (*openie.Calibrator, error) {
	if cfg.Folds < 2 {
		cfg.Folds = 5
	}
	if cfg.Iterations <= 0 {
		cfg.Iterations = 300
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	gf, err := os.Open(cfg.Gold)
	if err != nil {
		return nil, err
	}
	gold, err := ReadGold(gf)
	gf.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cfg.Gold, err)
	}
	labels := NewLabeler(gold)
	sf, err := os.Open(cfg.Sentences)
	if err != nil {
		return nil, err
	}
	defer sf.Close()
	var sents []calSentence
	err = benchmarkLines(sf, func(line string) {
		s := parseTokens(m, line)
		cs := calSentence{line: line}
		for _, tp := range openie.ExtractWith(s, nil) {
			rel, args := tp.Text(s)
			x := Extraction{Rel: rel, Args: args, Confidence: tp.Confidence}
			p, ok := labels.F1(line, x)
			if !ok {
				return // not in the gold: no label
			}
			cs.examples = append(cs.examples, openie.Example{Features: openie.Features(s, tp), Label: p})
			cs.exts = append(cs.exts, x)
		}
		sents = append(sents, cs)
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cfg.Sentences, err)
	}
	report := func(name string, conf func(i, j int) float64) {
		pred := NewSet()
		n := 0
		for i, cs := range sents {
			for j, x := range cs.exts {
				x.Confidence = conf(i, j)
				pred.Add(cs.line, x)
				n++
			}
		}
		sc, _ := Evaluate(gold, pred, false)
		fmt.Fprintf(cfg.Log, "%s: CaRB F1=%.1f AUC=%.1f P=%.1f R=%.1f (%d tuples)\n", name,
			100*Round3(sc.F1), 100*Round3(sc.AUC), 100*Round3(sc.P), 100*Round3(sc.R), n)
	}
	report("hand-set confidences", func(i, j int) float64 { return sents[i].exts[j].Confidence })
	held := make([][]float64, len(sents))
	for f := 0; f < cfg.Folds; f++ {
		var train []openie.Example
		for i, cs := range sents {
			if i%cfg.Folds != f {
				train = append(train, cs.examples...)
			}
		}
		c := openie.TrainCalibrator(train, cfg.Iterations, cfg.L2)
		for i, cs := range sents {
			if i%cfg.Folds == f {
				for _, e := range cs.examples {
					held[i] = append(held[i], Round3(c.Confidence(e.Features)))
				}
			}
		}
	}
	report(fmt.Sprintf("learned, %d-fold held out", cfg.Folds), func(i, j int) float64 { return held[i][j] })
	var all []openie.Example
	for _, cs := range sents {
		all = append(all, cs.examples...)
	}
	c := openie.TrainCalibrator(all, cfg.Iterations, cfg.L2)
	report("learned, all sentences (tuned on them)", func(i, j int) float64 { return Round3(c.Confidence(sents[i].examples[j].Features)) })
	return c, nil
}

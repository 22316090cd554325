package facts

import (
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/loader/openie"
)

// FeatureExtractor gives an article's statements and the scorer's
// features of each (loader.Loader.ExtractFeatures).
type FeatureExtractor func(ctx context.Context, article string) (*kg.Document, map[loader.StatementKey][]string, error)

// ScorerConfig is what `newsgraph train scorer` is told.
type ScorerConfig struct {
	Judged     []Judged
	Keys       []KeyFact
	Dev        map[string]bool // articles kept out of the shipped model, for eval-facts
	Folds      int             // cross-validation folds, by article
	Iterations int
	L2         float64
	Log        io.Writer
}

// Labels as training targets: the probability a reader agrees.
var target = map[string]float64{Correct: 1, Partial: 0.3, Wrong: 0}

type example struct {
	article string
	key     key
	label   string
	keyFact int
	ex      openie.Example
}

// TrainScorer learns the statement scorer from judged statements: every
// statement the extractor gives for a judged article that has a label is
// an example. It reports, cross-validated by article (a fold's articles
// scored by a model that never saw them), precision and key-fact recall
// at confidence thresholds, then returns the model trained on every
// judged article outside cfg.Dev.
func TrainScorer(ctx context.Context, cfg ScorerConfig, extract FeatureExtractor) (*openie.Calibrator, error) {
	if cfg.Folds < 2 {
		cfg.Folds = 5
	}
	if cfg.Iterations <= 0 {
		cfg.Iterations = 400
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	m := newMatcher(cfg.Judged)
	articles := map[string]bool{}
	for _, j := range cfg.Judged {
		articles[j.Article] = true
	}
	names := make([]string, 0, len(articles))
	for a := range articles {
		names = append(names, a)
	}
	sort.Strings(names)
	var exs []example
	for _, a := range names {
		doc, feats, err := extract(ctx, a)
		if err != nil {
			return nil, fmt.Errorf("extract %s: %w", a, err)
		}
		seen := map[key]bool{}
		for _, st := range doc.Statements {
			cur := fromStatement(a, st)
			k := keyOf(cur)
			if seen[k] {
				continue
			}
			seen[k] = true
			j, ok := m.match(cur)
			if !ok {
				continue
			}
			f := feats[loader.KeyOf(st)]
			exs = append(exs, example{a, k, j.Label, j.KeyFact, openie.Example{Features: f, Label: target[j.Label]}})
		}
	}
	fmt.Fprintf(cfg.Log, "%d judged statements extracted again, from %d articles\n", len(exs), len(names))
	// Cross-validation by article.
	fold := map[string]int{}
	for i, a := range names {
		fold[a] = i % cfg.Folds
	}
	held := make([]float64, len(exs))
	for f := 0; f < cfg.Folds; f++ {
		var train []openie.Example
		for _, e := range exs {
			if fold[e.article] != f {
				train = append(train, e.ex)
			}
		}
		m := openie.TrainCalibrator(train, cfg.Iterations, cfg.L2)
		for i, e := range exs {
			if fold[e.article] == f {
				held[i] = m.Confidence(e.ex.Features)
			}
		}
	}
	keysBy := map[string]int{}
	for _, k := range cfg.Keys {
		if articles[k.Article] {
			keysBy[k.Article]++
		}
	}
	totalKeys := 0
	for _, n := range keysBy {
		totalKeys += n
	}
	fmt.Fprintf(cfg.Log, "held out (%d folds by article): threshold, statements kept, precision, lenient, key facts\n", cfg.Folds)
	for _, th := range []float64{0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7} {
		var kept, correct, partial int
		found := map[[2]any]bool{}
		for i, e := range exs {
			if held[i] < th {
				continue
			}
			kept++
			switch e.label {
			case Correct:
				correct++
				if e.keyFact > 0 {
					found[[2]any{e.article, e.keyFact}] = true
				}
			case Partial:
				partial++
			}
		}
		fmt.Fprintf(cfg.Log, "  %.2f  %4d  precision=%.3f lenient=%.3f keyfacts=%.3f\n", th, kept,
			ratio(correct, kept), ratio(correct+partial, kept), ratio(len(found), totalKeys))
	}
	fmt.Fprintf(cfg.Log, "held out ranking: AUC %.3f (a correct statement above a wrong or partial one)\n", heldAUC(exs, held))
	var train []openie.Example
	for _, e := range exs {
		if !cfg.Dev[e.article] {
			train = append(train, e.ex)
		}
	}
	return openie.TrainCalibrator(train, cfg.Iterations, cfg.L2), nil
}

// heldAUC is the probability that a correct statement's held-out
// confidence is above that of a statement judged partial or wrong (ties
// count half): how well the scorer ranks, whatever the threshold.
func heldAUC(exs []example, held []float64) float64 {
	var pos, neg []float64
	for i, e := range exs {
		if e.label == Correct {
			pos = append(pos, held[i])
		} else {
			neg = append(neg, held[i])
		}
	}
	if len(pos) == 0 || len(neg) == 0 {
		return 0
	}
	sort.Float64s(neg)
	var sum float64
	for _, p := range pos {
		lo := sort.SearchFloat64s(neg, p)
		hi := lo
		for hi < len(neg) && neg[hi] == p {
			hi++
		}
		sum += float64(lo) + float64(hi-lo)/2
	}
	return sum / float64(len(pos)*len(neg))
}

package parser

import (
	"errors"
	"fmt"
	"io"
	"math/rand"
	"sort"

	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
)

// Example is a training or evaluation sentence: words, their (predicted
// or gold) tags, and the gold tree with 1-based heads (0 = root).
type Example struct {
	Input
	Heads []int
	Rels  []string
}

// Options control training.
type Options struct {
	Epochs  int
	Seed    int64
	Explore float64 // probability of following the model's own (possibly wrong) transition after epoch 1
	Prune   float32
	Log     io.Writer
}

// Score is attachment accuracy (fractions).
type Score struct {
	UAS, LAS float64
	Words    int
}

// Evaluate parses the examples and scores them against their trees.
func Evaluate(p *Parser, exs []Example) Score {
	var s Score
	ua, la := 0, 0
	for _, ex := range exs {
		heads, rels := p.Parse(ex.Input)
		for i := range heads {
			if heads[i] == ex.Heads[i] {
				ua++
				if rels[i] == ex.Rels[i] {
					la++
				}
			}
		}
		s.Words += len(ex.Words)
	}
	if s.Words > 0 {
		s.UAS, s.LAS = float64(ua)/float64(s.Words), float64(la)/float64(s.Words)
	}
	return s
}

type goldTree struct {
	sn     *sentence
	heads  []int // ROOT = n
	labels []int
}

// Train learns a parser, keeping the epoch with the best LAS on dev.
func Train(train, dev []Example, opt Options) (*Parser, error) {
	if len(train) == 0 {
		return nil, errors.New("parser: no training sentences")
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 15
	}
	set := map[string]bool{"root": true}
	for _, ex := range train {
		for _, r := range ex.Rels {
			set[r] = true
		}
	}
	labels := make([]string, 0, len(set))
	for l := range set {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	if len(labels) > 64 {
		return nil, fmt.Errorf("parser: %d relations, at most 64 supported", len(labels))
	}
	index := map[string]int{}
	for i, l := range labels {
		index[l] = i
	}
	nl := len(labels)
	p := &Parser{labels: labels, rootLabel: index["root"]}
	trees := make([]goldTree, 0, len(train))
	lifted, arcs := 0, 0
	for _, ex := range train {
		n := len(ex.Words)
		g := goldTree{sn: newSentence(ex.Input), heads: make([]int, n), labels: make([]int, n)}
		for i, h := range ex.Heads {
			if h == 0 {
				g.heads[i] = n
			} else {
				g.heads[i] = h - 1
			}
			g.labels[i] = index[ex.Rels[i]]
		}
		lifted += projectivize(g.heads)
		arcs += n
		trees = append(trees, g)
	}
	if opt.Log != nil {
		fmt.Fprintf(opt.Log, "parser: %d sentences, %d relations, %d of %d arcs lifted to projective\n",
			len(trees), nl, lifted, arcs)
	}
	tr := perceptron.NewTrainer(2 + 2*nl)
	rng := rand.New(rand.NewSource(opt.Seed))
	order := rng.Perm(len(trees))
	scores := make([]float32, 2+2*nl)
	cost := make([]int, 2+2*nl)
	var feats []uint64
	st := newState(0)
	var onStack []bool
	bestLAS := -1.0
	var best *perceptron.Model
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, steps := 0, 0
		for _, k := range order {
			g := trees[k]
			n := len(g.heads)
			st.reset(n)
			if cap(onStack) < n+1 {
				onStack = make([]bool, n+1)
			}
			onStack = onStack[:n+1]
			for !st.done() {
				feats = st.features(feats[:0], g.sn)
				clear(scores)
				tr.Scores(feats, scores)
				st.costs(g.heads, g.labels, nl, p.rootLabel, onStack, cost)
				pred, gold := -1, -1
				for c, sc := range scores {
					if cost[c] < 0 {
						continue
					}
					if pred < 0 || sc > scores[pred] {
						pred = c
					}
					if cost[c] == 0 && (gold < 0 || sc > scores[gold]) {
						gold = c
					}
				}
				tr.Tick()
				steps++
				next := pred
				if gold < 0 {
					// No transition is free of cost only when the tree is
					// unreachable; take the cheapest.
					for c := range cost {
						if cost[c] >= 0 && (gold < 0 || cost[c] < cost[gold]) {
							gold = c
						}
					}
				}
				if cost[pred] > cost[gold] {
					errs++
					tr.Update(feats, gold, pred)
					if epoch == 1 || rng.Float64() >= opt.Explore {
						next = gold
					}
				}
				typ, l := kind(next, nl)
				st.apply(typ, l)
			}
		}
		p.model = tr.Average(opt.Prune)
		sc := Score{LAS: 1}
		if len(dev) > 0 {
			sc = Evaluate(p, dev)
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "parser epoch %d: %.2f%% transitions wrong, dev UAS %.2f LAS %.2f, features %d\n", epoch,
				100*float64(errs)/float64(steps), 100*sc.UAS, 100*sc.LAS, p.model.Features())
		}
		if sc.LAS > bestLAS {
			bestLAS, best = sc.LAS, p.model
		}
	}
	p.model = best
	return p, nil
}

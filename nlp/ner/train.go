package ner

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
)

// TrainConfig is what `newsgraph train ner` is told.
type TrainConfig struct {
	GUM  string // directory of GUM CoNLL-U documents; its train split is used
	UNER string // Universal NER English EWT IOB2 file to train on as well; "" for none
	Out  string // model directory to write
	// Gazetteer sources; when Cities is "", the gazetteer file already in
	// Out is used.
	Gazetteer GazetteerSources
	Epochs    int
	Seed      int64
	MinCount  int // see Options.MinCount; 0 for the default
	// Tagger tags the training sentences as the loader's tagger does at
	// run time.
	Tagger Tagger
}

// Tagger sets the part-of-speech tags (UPOS and XPOS) of a sentence's
// words, given their Text; the pipeline's models are one. The labeller
// learns from the tags it will see at run time, not from gold ones.
type Tagger interface {
	Annotate(words []nlp.Word)
}

// Options control training.
type Options struct {
	Epochs int     // passes over the data
	Seed   int64   // shuffling seed; training is deterministic for a seed
	Prune  float32 // averaged weights below this magnitude are dropped
	Bags   int     // perceptrons averaged into each pass, each with its own shuffling (seeds Seed, Seed+1, ...)
	// MinCount, when above 1, leaves without weight every feature met on
	// fewer training words than this (a count cutoff): a feature seen
	// once or twice learns the words it was seen on rather than a rule.
	MinCount int
}

// unerWeight is how many times each UNER sentence is trained on: UNER's
// web text and its PER/ORG/LOC conventions are what the benchmark scores,
// and GUM has more sentences.
var unerWeight = 1

// DefaultOptions are the settings of the shipped model (chosen on GUM dev).
var DefaultOptions = Options{Epochs: 6, Seed: 1, Prune: 0.01, Bags: 1}

// Train trains the shipped model: GUM train and UNER EWT dev, and writes
// the model and gazetteer files to cfg.Out, reporting to out.
func Train(cfg TrainConfig, out io.Writer) error {
	start := time.Now()
	if cfg.GUM == "" {
		return errors.New("train ner needs the GUM directory")
	}
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return err
	}
	if cfg.Tagger == nil {
		return errors.New("train ner needs a tagger")
	}
	lex, err := nlp.EmbeddedLexicon()
	if err != nil {
		return err
	}
	if cfg.Gazetteer.Cities != "" {
		raw, err := BuildGazetteer(cfg.Gazetteer)
		if err != nil {
			return err
		}
		if err := writeCompressed(filepath.Join(cfg.Out, GazetteerFile), raw); err != nil {
			return err
		}
	}
	comp, err := os.ReadFile(filepath.Join(cfg.Out, GazetteerFile))
	if err != nil {
		return fmt.Errorf("no gazetteer sources given and %w", err)
	}
	g, err := loadGazetteer(comp)
	if err != nil {
		return err
	}
	res := resources{lex: lex, gaz: g}
	train, err := trainingData(cfg.GUM, cfg.UNER, cfg.Tagger)
	if err != nil {
		return err
	}
	opt := DefaultOptions
	if cfg.Epochs > 0 {
		opt.Epochs = cfg.Epochs
	}
	if cfg.Seed != 0 {
		opt.Seed = cfg.Seed
	}
	if cfg.MinCount != 0 {
		opt.MinCount = cfg.MinCount
	}
	m := trainModel(train, res, opt)
	var raw bytes.Buffer
	if _, err := m.WriteTo(&raw); err != nil {
		return err
	}
	comp, err = compress(raw.Bytes())
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(cfg.Out, ModelFile), comp, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(out, "ner: %d sentences, %d features, model %d bytes, in %s\n", len(train),
		m.first.weights.Features()+m.second.weights.Features(), len(comp), time.Since(start).Round(100*time.Millisecond))
	return nil
}

// trainingData reads GUM's train documents and the UNER file, tagged by
// our tagger; UNER sentences come unerWeight times.
func trainingData(gumDir, uner string, tg Tagger) ([]sentence, error) {
	var out []sentence
	if gumDir != "" {
		paths, err := gumFiles(gumDir, "train")
		if err != nil {
			return nil, err
		}
		if len(paths) == 0 {
			return nil, fmt.Errorf("no GUM train documents in %s", gumDir)
		}
		for _, p := range paths {
			s, err := readGUM(p)
			if err != nil {
				return nil, err
			}
			out = append(out, s...)
		}
	}
	if uner != "" {
		s, err := readIOB2(uner)
		if err != nil {
			return nil, err
		}
		out = append(out, repeat(s)...)
	}
	tagSentences(out, tg)
	return out, nil
}

// repeat returns unerWeight copies of sents, each copy's documents named
// apart so that document features never see a sentence's own copy.
func repeat(sents []sentence) []sentence {
	var out []sentence
	for k := 0; k < unerWeight; k++ {
		for _, s := range sents {
			s.doc = fmt.Sprintf("%s#%d", s.doc, k)
			out = append(out, s)
		}
	}
	return out
}

// tagSentences sets our tagger's tags on the tokens, as at run time.
func tagSentences(sents []sentence, tg Tagger) {
	for _, s := range sents {
		ws := words(s.toks)
		tg.Annotate(ws)
		for i := range s.toks {
			s.toks[i].UPOS, s.toks[i].XPOS = ws[i].UPOS, ws[i].XPOS
		}
	}
}

// example is a training sentence prepared for the trainer.
type example struct {
	ws   []word
	mode uint64
	gold []int
	// coarse examples are labelled PER/ORG/LOC only: where their gold
	// says O, the best NORP, EVENT or WORK labels under the current
	// weights are taken as gold.
	coarse bool
}

// jackknifeFolds is how many parts the training documents are cut into
// to give the second pass first-pass labels from models that did not see
// them.
const jackknifeFolds = 4

// trainModel trains both passes. The second pass learns from document
// features made of first-pass labels that are as good as at run time:
// each training document's first-pass labels come from a first pass
// trained on the other documents.
func trainModel(sents []sentence, res resources, opt Options) *Model {
	exs := make([]example, len(sents))
	for i, s := range sents {
		exs[i] = example{ws: describe(s.toks, res), mode: caseMode(s.toks), gold: encode(len(s.toks), s.gold), coarse: s.coarse}
	}
	docOf := map[string]int{}
	var docs [][]int // sentence indices of each document
	for i, s := range sents {
		d, ok := docOf[s.doc]
		if !ok {
			d = len(docs)
			docOf[s.doc] = d
			docs = append(docs, nil)
		}
		docs[d] = append(docs[d], i)
	}
	first := make([][]int, len(sents))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for f := 0; f < jackknifeFolds; f++ {
		wg.Add(1)
		go func(f int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var train []example
			var held []int
			for d, idx := range docs {
				for _, i := range idx {
					if d%jackknifeFolds == f {
						held = append(held, i)
					} else {
						train = append(train, exs[i])
					}
				}
			}
			p := trainPass(train, opt)
			var dec decoder
			for _, i := range held {
				dec.emissions(p.weights, exs[i].ws, exs[i].mode)
				first[i] = dec.viterbi(&p.trans, nil)
			}
		}(f)
	}
	m := &Model{res: res}
	m.first = trainPass(exs, opt)
	wg.Wait()
	for _, idx := range docs {
		toks := make([][]Token, len(idx))
		labels := make([][]int, len(idx))
		for k, i := range idx {
			toks[k], labels[k] = sents[i].toks, classesOf(first[i])
		}
		feats, ctx := docFeatures(toks, labels), docContexts(toks)
		for k, i := range idx {
			ws := append([]word(nil), exs[i].ws...)
			for j := range ws {
				ws[j].doc, ws[j].ctx = feats[k][j], ctx[k][j]
			}
			exs[i].ws = ws
		}
	}
	m.second = trainPass(exs, opt)
	return m
}

// trainPass learns one pass: opt.Bags perceptrons (see trainOne), each
// on its own shuffling of the data, whose averaged weights and
// transition scores are averaged again.
func trainPass(exs []example, opt Options) pass {
	bags := max(opt.Bags, 1)
	trs := make([]*perceptron.Trainer, bags)
	trans := make([][nLabels + 1][nLabels + 1]float32, bags)
	rare := rareFeatures(exs, opt.MinCount)
	var wg sync.WaitGroup
	for b := 0; b < bags; b++ {
		wg.Add(1)
		go func(b int) {
			defer wg.Done()
			trs[b], trans[b] = trainOne(exs, opt, opt.Seed+int64(b), rare)
		}(b)
	}
	wg.Wait()
	p := pass{weights: perceptron.AverageAll(trs, opt.Prune)}
	for _, t := range trans {
		for a := range t {
			for c := range t[a] {
				p.trans[a][c] += t[a][c] / float32(bags)
			}
		}
	}
	return p
}

// rareFeatures returns the features met on fewer than min words of exs,
// or nil when min is 1 or less.
func rareFeatures(exs []example, min int) map[uint64]bool {
	if min <= 1 {
		return nil
	}
	counts := map[uint64]int32{}
	var feats []uint64
	for _, ex := range exs {
		for i := range ex.ws {
			feats = features(feats[:0], ex.ws, i, ex.mode)
			for _, f := range feats {
				counts[f]++
			}
		}
	}
	rare := map[uint64]bool{}
	for f, n := range counts {
		if n < int32(min) {
			rare[f] = true
		}
	}
	return rare
}

// trainOne learns one pass with the structured perceptron: each sentence
// is decoded with the current weights, and where the best sequence is not
// the gold one, the features of the gold labels are rewarded and those of
// the predicted ones penalised, emissions and transitions alike. Weights
// are averaged over all steps. Features in rare are never given weight.
func trainOne(exs []example, opt Options, seed int64, rare map[uint64]bool) (*perceptron.Trainer, [nLabels + 1][nLabels + 1]float32) {
	tr := perceptron.NewTrainer(nLabels)
	var trans [nLabels + 1][nLabels + 1]float32
	var sum [nLabels + 1][nLabels + 1]float64
	rng := rand.New(rand.NewSource(seed))
	order := rng.Perm(len(exs))
	var d decoder
	var pred, latent []int
	steps := 0
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			ex := &exs[k]
			d.emissions(tr, ex.ws, ex.mode)
			pred = d.viterbi(&trans, pred)
			gold := ex.gold
			if ex.coarse {
				latent = d.constrained(&trans, func(i, l int) bool {
					if ex.gold[i] != 0 {
						return l == ex.gold[i]
					}
					return l == 0 || labelType(l) >= tNORP
				}, latent)
				gold = latent
			}
			tr.Tick()
			steps++
			for i := range pred {
				g, p := gold[i], pred[i]
				if g != p {
					d.feats = features(d.feats[:0], ex.ws, i, ex.mode)
					if rare != nil {
						for j, f := range d.feats {
							if rare[f] {
								d.feats[j] = 0 // Update skips it
							}
						}
					}
					tr.Update(d.feats, g, p)
				}
				gp, pp := -1, -1
				if i > 0 {
					gp, pp = gold[i-1], pred[i-1]
				}
				if g != p || gp != pp {
					trans[gp+1][g]++
					trans[pp+1][p]--
				}
			}
			if n := len(pred); n > 0 && gold[n-1] != pred[n-1] {
				trans[gold[n-1]+1][nLabels]++
				trans[pred[n-1]+1][nLabels]--
			}
			for a := range trans {
				for b := range trans[a] {
					sum[a][b] += float64(trans[a][b])
				}
			}
		}
	}
	var avg [nLabels + 1][nLabels + 1]float32
	for a := range trans {
		for b := range trans[a] {
			avg[a][b] = float32(sum[a][b] / float64(max(steps, 1)))
		}
	}
	return tr, avg
}

func writeCompressed(path string, raw []byte) error {
	comp, err := compress(raw)
	if err != nil {
		return err
	}
	return os.WriteFile(path, comp, 0o644)
}

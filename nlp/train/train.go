// Package train trains newsgraph's language models: `newsgraph train
// tagger` (lexicon, tagger, lemmatizer) and `newsgraph train parser`. The
// same inputs give byte-identical models.
package train

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/conllu"
	"github.com/newsgraph/newsgraph/nlp/internal/lexicon"
	"github.com/newsgraph/newsgraph/nlp/lemma"
	"github.com/newsgraph/newsgraph/nlp/parser"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/nlp/tagger"
)

// TrainConfig is what `newsgraph train` is told.
type TrainConfig struct {
	Train, Dev string // CoNLL-U files (Train: several, comma-separated)
	Out        string // model directory
	WordNet    string // WordNet dict directory, for the lexicon
	Epochs     int
	Folds      int     // jackknifing folds for the parser's training tags
	Prune      float32 // smallest averaged weight kept
	Seed       int64
	Log        io.Writer
}

// dictMin is how often a word must occur in training for the tagger to
// keep it to the tags it had there (tuned on EWT dev: 10, 20 and 50 give
// UPOS 95.29, 95.38 and 95.42).
const dictMin = 50

func writeFile(path string, w io.WriterTo) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := w.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

// treebanks reads the training and development treebanks.
func (cfg TrainConfig) treebanks() (train, dev []conllu.Sentence, err error) {
	for _, f := range strings.Split(cfg.Train, ",") {
		s, err := conllu.ReadFile(f)
		if err != nil {
			return nil, nil, err
		}
		train = append(train, s...)
	}
	if dev, err = conllu.ReadFile(cfg.Dev); err != nil {
		return nil, nil, err
	}
	return train, dev, nil
}

// TrainTagger trains the lexicon, the tagger and the lemmatizer and writes them to
// cfg.Out.
func TrainTagger(cfg TrainConfig) error {
	start := time.Now()
	train, dev, err := cfg.treebanks()
	if err != nil {
		return err
	}
	lex, err := lexicon.Build(cfg.WordNet)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(cfg.Out, nlp.LexiconFile), nlp.Compressed{Model: lex}); err != nil {
		return err
	}
	tg, err := tagger.Train(train, dev, lex, tagger.Options{Epochs: cfg.Epochs, Seed: cfg.Seed, Prune: 0.01, Dict: dictMin, Log: cfg.Log})
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(cfg.Out, nlp.TaggerFile), nlp.Compressed{Model: tg}); err != nil {
		return err
	}
	var exs []lemma.Example
	for _, s := range train {
		for _, w := range s.Words {
			exs = append(exs, lemma.Example{Form: w.Form, Tag: w.XPOS, Lemma: w.Lemma})
		}
	}
	if err := writeFile(filepath.Join(cfg.Out, nlp.LemmaFile), nlp.Compressed{Model: lemma.Train(exs, lex)}); err != nil {
		return err
	}
	a := tagger.Evaluate(tg, dev)
	fmt.Fprintf(cfg.Log, "tagger: dev UPOS=%.2f XPOS=%.2f in %s\n", 100*a.UPOS, 100*a.XPOS, time.Since(start).Round(time.Second))
	return nil
}

// TrainParser trains the parser on training sentences tagged by taggers
// that did not see them (k-fold jackknifing), so that it learns to live
// with the tagger's mistakes, and picks the epoch on dev tagged by the
// model directory's tagger.
func TrainParser(cfg TrainConfig) error {
	start := time.Now()
	train, dev, err := cfg.treebanks()
	if err != nil {
		return err
	}
	m, err := pipeline.LoadDir(cfg.Out)
	if err != nil {
		return fmt.Errorf("train parser needs the tagger in %s first: %w", cfg.Out, err)
	}
	folds := cfg.Folds
	if folds <= 0 {
		folds = 5
	}
	tagged, err := jackknife(train, m.Lexicon, folds, cfg.Seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(cfg.Log, "parser: jackknifed tags in %s\n", time.Since(start).Round(time.Second))
	trainEx := examples(train, tagged, m.Lexicon)
	devEx := examples(dev, tagAll(m.Tagger, dev), m.Lexicon)
	p, err := parser.Train(trainEx, devEx, parser.Options{Epochs: cfg.Epochs, Seed: cfg.Seed, Explore: 0.9, Prune: cfg.Prune, Log: cfg.Log})
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(cfg.Out, nlp.ParserFile), nlp.Compressed{Model: p}); err != nil {
		return err
	}
	sc := parser.Evaluate(p, devEx)
	fmt.Fprintf(cfg.Log, "parser: dev UAS=%.2f LAS=%.2f in %s\n", 100*sc.UAS, 100*sc.LAS, time.Since(start).Round(time.Second))
	return nil
}

// jackknife tags each training sentence with a tagger trained on the other
// folds.
func jackknife(train []conllu.Sentence, lex *lexicon.Lexicon, folds int, seed int64) ([]tagged, error) {
	out := make([]tagged, len(train))
	errs := make([]error, folds)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for f := 0; f < folds; f++ {
		wg.Add(1)
		go func(f int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var rest, held []conllu.Sentence
			var idx []int
			for i, s := range train {
				if i%folds == f {
					held = append(held, s)
					idx = append(idx, i)
				} else {
					rest = append(rest, s)
				}
			}
			tg, err := tagger.Train(rest, nil, lex, tagger.Options{Epochs: 8, Seed: seed, Prune: 0.01, Dict: dictMin})
			if err != nil {
				errs[f] = fmt.Errorf("jackknife fold %d: %w", f, err)
				return
			}
			for k, tags := range tagAll(tg, held) {
				out[idx[k]] = tags
			}
		}(f)
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// tagged is a sentence's tags and runner-up tags.
type tagged struct{ tags, alt []tagger.Tag }

func tagAll(tg *tagger.Tagger, sents []conllu.Sentence) []tagged {
	out := make([]tagged, len(sents))
	for i, s := range sents {
		forms := make([]string, len(s.Words))
		for j, w := range s.Words {
			forms[j] = w.Form
		}
		tags, alt, margins := tg.TagAlt(forms)
		for j := range alt {
			if margins[j] >= pipeline.AltMargin {
				alt[j] = tagger.Tag{}
			}
		}
		out[i].tags, out[i].alt = tags, alt
	}
	return out
}

func examples(sents []conllu.Sentence, tags []tagged, lex *lexicon.Lexicon) []parser.Example {
	out := make([]parser.Example, len(sents))
	for i, s := range sents {
		n := len(s.Words)
		ex := parser.Example{Input: parser.Input{Words: make([]string, n), XPOS: make([]string, n), UPOS: make([]string, n),
			Alt: make([]string, n), Class: make([]uint16, n)}, Heads: make([]int, n), Rels: make([]string, n)}
		for j, w := range s.Words {
			ex.Words[j], ex.Heads[j], ex.Rels[j] = w.Form, w.Head, w.Deprel
			ex.XPOS[j], ex.UPOS[j] = tags[i].tags[j].XPOS, tags[i].tags[j].UPOS
			ex.Class[j] = lex.Class(strings.ToLower(w.Form))
			if tags[i].alt != nil {
				ex.Alt[j] = tags[i].alt[j].XPOS
			}
		}
		out[i] = ex
	}
	return out
}

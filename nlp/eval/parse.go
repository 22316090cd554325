// Package eval scores newsgraph's language stages on treebanks:
// `newsgraph eval-parse` (tagger, lemmatizer, parser) and
// `newsgraph eval-tokenize` (tokenizer and sentence splitter).
package eval

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/conllu"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

// Scores are the figures of `newsgraph eval-parse`, in percent.
type Scores struct {
	UPOS, XPOS, Lemma, UAS, LAS float64
	Words                       int
	TokensPerSecond             float64 // tagging, lemmatizing and parsing on one core
}

func (s Scores) String() string {
	return fmt.Sprintf("UPOS=%.2f XPOS=%.2f LEMMA=%.2f UAS=%.2f LAS=%.2f tokens/s=%.0f",
		s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS, s.TokensPerSecond)
}

// EvalParse tags, lemmatizes and parses the gold words of a treebank with
// the models of dir (the embedded models when dir is "") and prints the
// scores, the CoNLL 2018 way: every word counts, punctuation included.
func EvalParse(path, dir string, out io.Writer) error {
	var m *pipeline.Models
	var err error
	start := time.Now()
	if dir == "" {
		m, err = pipeline.Embedded()
	} else {
		m, err = pipeline.LoadDir(dir)
	}
	if err != nil {
		return err
	}
	if m.Parser == nil {
		return errors.New("the model bundle has no parser")
	}
	fmt.Fprintf(out, "models loaded in %s\n", time.Since(start).Round(time.Millisecond))
	sents, err := conllu.ReadFile(path)
	if err != nil {
		return err
	}
	s, err := Parse(m, sents)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	fmt.Fprintf(out, "%d sentences, %d words\n%s\n", len(sents), s.Words, s)
	return nil
}

// Parse annotates the gold words of sents with m and scores the result.
func Parse(m *pipeline.Models, sents []conllu.Sentence) (Scores, error) {
	var s Scores
	if m.Parser == nil {
		return s, errors.New("the model bundle has no parser")
	}
	var up, xp, lem, ua, la int
	var busy time.Duration
	for _, snt := range sents {
		forms := make([]string, len(snt.Words))
		words := make([]nlp.Word, len(snt.Words))
		for i, w := range snt.Words {
			forms[i] = w.Form
			words[i].Text = w.Form
		}
		t0 := time.Now()
		m.AnnotateForms(words, forms)
		busy += time.Since(t0)
		for i, w := range snt.Words {
			a := words[i]
			if a.UPOS == w.UPOS {
				up++
			}
			if a.XPOS == w.XPOS {
				xp++
			}
			if a.Lemma == w.Lemma {
				lem++
			}
			if a.Head+1 == w.Head {
				ua++
				if a.Rel == w.Deprel {
					la++
				}
			}
		}
		s.Words += len(forms)
	}
	if s.Words == 0 {
		return s, errors.New("no words")
	}
	pct := func(k int) float64 { return 100 * float64(k) / float64(s.Words) }
	s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS = pct(up), pct(xp), pct(lem), pct(ua), pct(la)
	s.TokensPerSecond = float64(s.Words) / busy.Seconds()
	return s, nil
}

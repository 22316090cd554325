package nlp

import (
	"errors"

	"fmt"
	"github.com/newsgraph/newsgraph/loader/conllu"
	"io"
	"time"
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
	var m *Models
	var err error
	start := time.Now()
	if dir == "" {
		m, err = Embedded()
	} else {
		m, err = LoadDir(dir)
	}
	if err != nil {
		return err
	}
	if m.Parser == nil {
		return errors.New("the model bundle has no parser")
	}
	fmt.Fprintf(out, "models loaded in %s\n", time.Since(start).Round(time.Millisecond))
	sents, err := ReadTreebank(path)
	if err != nil {
		return err
	}
	s, err := m.Evaluate(sents)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	fmt.Fprintf(out, "%d sentences, %d words\n%s\n", len(sents), s.Words, s)
	return nil
}

// Evaluate analyses the gold words of sents and scores the result.
func (m *Models) Evaluate(sents []conllu.Sentence) (Scores, error) {
	var s Scores
	if m.Parser == nil {
		return s, errors.New("the model bundle has no parser")
	}
	var up, xp, lem, ua, la int
	var busy time.Duration
	for _, snt := range sents {
		forms := make([]string, len(snt.Words))
		for i, w := range snt.Words {
			forms[i] = w.Form
		}
		t0 := time.Now()
		a := m.Analyze(forms)
		busy += time.Since(t0)
		for i, w := range snt.Words {
			if a.UPOS[i] == w.UPOS {
				up++
			}
			if a.XPOS[i] == w.XPOS {
				xp++
			}
			if a.Lemma[i] == w.Lemma {
				lem++
			}
			if a.Head[i] == w.Head {
				ua++
				if a.Rel[i] == w.Deprel {
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

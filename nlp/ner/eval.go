package ner

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/nlp"
)

// Labeler sets NER hints ("B-TYPE", "I-TYPE", "O") on tagged words; the
// Model is one.
type Labeler interface {
	Label(words []nlp.Word)
}

// Scores counts exact span matches per coarse class (PER, ORG, LOC).
type Scores struct {
	TP, FP, FN map[string]int
}

func newScores() Scores {
	return Scores{TP: map[string]int{}, FP: map[string]int{}, FN: map[string]int{}}
}

func (s Scores) add(o Scores) {
	for k, v := range o.TP {
		s.TP[k] += v
	}
	for k, v := range o.FP {
		s.FP[k] += v
	}
	for k, v := range o.FN {
		s.FN[k] += v
	}
}

// coarseSpan is a span with a PER, ORG or LOC class.
type coarseSpan struct {
	start, end int
	class      string
}

// compare counts the matches of predicted against gold spans of one
// sentence.
func (s Scores) compare(gold, pred []coarseSpan) {
	g := map[coarseSpan]bool{}
	for _, x := range gold {
		g[x] = true
	}
	for _, x := range pred {
		if g[x] {
			s.TP[x.class]++
			delete(g, x)
		} else {
			s.FP[x.class]++
		}
	}
	for x := range g {
		s.FN[x.class]++
	}
}

func f1(tp, fp, fn int) (f, p, r float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return 100 * f, 100 * p, 100 * r
}

// F1 is the micro-averaged F1 over the classes, in percent.
func (s Scores) F1() float64 {
	f, _, _ := s.total()
	return f
}

func (s Scores) total() (f, p, r float64) {
	var tp, fp, fn int
	for _, c := range []string{"PER", "ORG", "LOC"} {
		tp, fp, fn = tp+s.TP[c], fp+s.FP[c], fn+s.FN[c]
	}
	return f1(tp, fp, fn)
}

// String is the summary line: "F1=.. P=.. R=.. PER=.. ORG=.. LOC=..".
func (s Scores) String() string {
	f, p, r := s.total()
	var b strings.Builder
	fmt.Fprintf(&b, "F1=%.2f P=%.2f R=%.2f", f, p, r)
	for _, c := range []string{"PER", "ORG", "LOC"} {
		cf, _, _ := f1(s.TP[c], s.FP[c], s.FN[c])
		fmt.Fprintf(&b, " %s=%.2f", c, cf)
	}
	return b.String()
}

// goldCoarse is the PER/ORG/LOC spans of a sentence's gold.
func goldCoarse(s sentence) []coarseSpan {
	var out []coarseSpan
	for _, x := range s.gold {
		if c := coarse(x.typ); c != "" {
			out = append(out, coarseSpan{x.start, x.end, c})
		}
	}
	return out
}

// words makes tagged syntax words of a sentence's tokens, with offsets
// that keep its spacing.
func words(toks []Token) []nlp.Word {
	ws := make([]nlp.Word, len(toks))
	pos := 0
	for i, t := range toks {
		if i > 0 && !t.Attached {
			pos++
		}
		ws[i] = nlp.Word{Text: t.Text, Start: pos, End: pos + len(t.Text), XPOS: t.XPOS, UPOS: t.UPOS, NER: "O"}
		pos += len(t.Text)
	}
	return ws
}

// hintSpans reads spans from BIO hints: B-X starts a span, I-X continues
// one of type X (and starts one after anything else).
func hintSpans(ws []nlp.Word) []coarseSpan {
	var out []coarseSpan
	for i := 0; i < len(ws); {
		p, typ, ok := strings.Cut(ws[i].NER, "-")
		if !ok || p != "B" && p != "I" {
			i++
			continue
		}
		j := i + 1
		for j < len(ws) && ws[j].NER == "I-"+typ {
			j++
		}
		if c := coarseOfName(typ); c != "" {
			out = append(out, coarseSpan{i, j, c})
		}
		i = j
	}
	return out
}

// DocumentLabeler labels a whole document at once.
type DocumentLabeler interface {
	LabelDocument(doc [][]nlp.Word)
}

// score labels the sentences with lab, a document at a time when it is a
// DocumentLabeler, and compares with the gold.
func score(lab Labeler, sents []sentence) Scores {
	sc := newScores()
	labelDocuments(lab, sents, func(s sentence, ws []nlp.Word) {
		sc.compare(goldCoarse(s), hintSpans(ws))
	})
	return sc
}

// labelDocuments labels the sentences with lab, a document at a time when
// it is a DocumentLabeler, and hands each sentence and its labelled words
// to f.
func labelDocuments(lab Labeler, sents []sentence, f func(s sentence, ws []nlp.Word)) {
	for a := 0; a < len(sents); {
		b := a + 1
		for b < len(sents) && sents[b].doc == sents[a].doc {
			b++
		}
		doc := make([][]nlp.Word, b-a)
		for i := range doc {
			doc[i] = words(sents[a+i].toks)
		}
		for _, ws := range doc {
			lab.Label(ws)
		}
		if dl, ok := lab.(DocumentLabeler); ok {
			dl.LabelDocument(doc)
		}
		for i, ws := range doc {
			f(sents[a+i], ws)
		}
		a = b
	}
}

// EvalConfig is what `newsgraph eval-ner` is told.
type EvalConfig struct {
	Paths []string // .iob2 files, GUM .conllu files, or directories of GUM documents
	Split string   // for directories: the GUM split to read ("dev", "test", "train"; "" for all)
	// CV > 1 cross-validates instead: the data is cut into CV folds by
	// document, and each fold is labelled by a model trained on the
	// others and on GUM's train split (from the GUM directory) and UNER.
	CV  int
	GUM string
	// UNER is a Universal NER IOB2 file each fold is trained on as well
	// ("" for none): for cross-validating GUM's train documents (Paths a
	// GUM directory, Split "train", GUM "").
	UNER string
	// Seed and MinCount, when not 0, replace DefaultOptions' in the
	// cross-validation's trainings.
	Seed     int64
	MinCount int
	// Labeler labels the words; nil for the model of Models (or the
	// embedded one when Models is "").
	Labeler Labeler
	Models  string
	// Tagger tags the sentences as the loader's tagger does.
	Tagger Tagger
	// Errors, when set, is given each document EvalText scores: its
	// name, its text and the gold and found PER/ORG/LOC spans (for an
	// error list).
	Errors func(doc, text string, gold, found []TextSpan)
}

// Eval scores entity spans on gold data and prints, as its last line,
// "F1=.. P=.. R=.. PER=.. ORG=.. LOC=..": exact span matches, micro-averaged
// over PER, ORG and LOC, our types collapsed (PERSON -> PER, ORGANIZATION
// -> ORG, GPE, LOCATION and FACILITY -> LOC; NORP, EVENT and WORK left out).
func Eval(cfg EvalConfig, out io.Writer) error {
	sents, err := readTagged(cfg)
	if err != nil {
		return err
	}
	if cfg.CV > 1 {
		return crossValidate(cfg, sents, out)
	}
	lab, err := labeler(cfg)
	if err != nil {
		return err
	}
	start := time.Now()
	sc := score(lab, sents)
	n := 0
	for _, s := range sents {
		n += len(s.toks)
	}
	fmt.Fprintf(out, "%d sentences, %d tokens, %.0f tokens/s\n", len(sents), n, float64(n)/time.Since(start).Seconds())
	fmt.Fprintln(out, sc)
	return nil
}

// Score is Eval without the report and without cross-validation: the
// span matches of the labeller on the gold data.
func Score(cfg EvalConfig) (Scores, error) {
	sents, err := readTagged(cfg)
	if err != nil {
		return Scores{}, err
	}
	lab, err := labeler(cfg)
	if err != nil {
		return Scores{}, err
	}
	return score(lab, sents), nil
}

// readTagged reads the gold sentences of cfg and tags them.
func readTagged(cfg EvalConfig) ([]sentence, error) {
	if cfg.Tagger == nil {
		return nil, errors.New("eval-ner needs a tagger")
	}
	var sents []sentence
	for _, p := range cfg.Paths {
		s, err := readAny(p, cfg.Split)
		if err != nil {
			return nil, err
		}
		sents = append(sents, s...)
	}
	if len(sents) == 0 {
		return nil, errors.New("no sentences")
	}
	tagSentences(sents, cfg.Tagger)
	return sents, nil
}

// labeler is the labeller cfg names.
func labeler(cfg EvalConfig) (Labeler, error) {
	switch {
	case cfg.Labeler != nil:
		return cfg.Labeler, nil
	case cfg.Models != "":
		return LoadDir(cfg.Models)
	}
	return Embedded()
}

// readAny reads a .iob2 file, a GUM .conllu file or a directory of them.
func readAny(path, split string) ([]sentence, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		paths, err := gumFiles(path, split)
		if err != nil {
			return nil, err
		}
		var out []sentence
		for _, p := range paths {
			s, err := readGUM(p)
			if err != nil {
				return nil, err
			}
			out = append(out, s...)
		}
		return out, nil
	}
	if strings.HasSuffix(path, ".iob2") {
		return readIOB2(path)
	}
	return readGUM(path)
}

// crossValidate trains one model per fold of the documents of sents.
func crossValidate(cfg EvalConfig, sents []sentence, out io.Writer) error {
	var gum []sentence
	if cfg.GUM != "" || cfg.UNER != "" {
		var err error
		if gum, err = trainingData(cfg.GUM, cfg.UNER, cfg.Tagger); err != nil {
			return err
		}
	}
	res, err := embeddedResources()
	if err != nil {
		return err
	}
	fold := map[string]int{}
	var docs []string
	for _, s := range sents {
		if _, ok := fold[s.doc]; !ok {
			fold[s.doc] = len(docs) % cfg.CV
			docs = append(docs, s.doc)
		}
	}
	opt := DefaultOptions
	if cfg.Seed != 0 {
		opt.Seed = cfg.Seed
	}
	if cfg.MinCount != 0 {
		opt.MinCount = cfg.MinCount
	}
	results := make([]Scores, cfg.CV)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for f := 0; f < cfg.CV; f++ {
		wg.Add(1)
		go func(f int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var held, rest []sentence
			for _, s := range sents {
				if fold[s.doc] == f {
					held = append(held, s)
				} else {
					rest = append(rest, s)
				}
			}
			train := append(append([]sentence(nil), gum...), repeat(rest)...)
			m := trainModel(train, res, opt)
			results[f] = score(m, held)
		}(f)
	}
	wg.Wait()
	total := newScores()
	for f, r := range results {
		fmt.Fprintf(out, "fold %d: %s\n", f+1, r)
		total.add(r)
	}
	fmt.Fprintf(out, "%d-fold cross-validation over %d documents, %d sentences\n", cfg.CV, len(docs), len(sents))
	fmt.Fprintln(out, total)
	return nil
}

// TextSpan is an entity mention in a text: code points [Start, End).
type TextSpan struct {
	Start, End int
	Type       string
}

// EvalText scores a whole extraction pipeline that reads plain text, such
// as the loader: each gold document is written out as text (tokens
// separated as they were, sentences as paragraphs), extract finds its
// mentions, and mentions of PER, ORG and LOC types are matched exactly
// against the gold spans. It prints the same last line as Eval.
func EvalText(cfg EvalConfig, extract func(text string) ([]TextSpan, error), out io.Writer) error {
	var sents []sentence
	for _, p := range cfg.Paths {
		s, err := readAny(p, cfg.Split)
		if err != nil {
			return err
		}
		sents = append(sents, s...)
	}
	if len(sents) == 0 {
		return errors.New("no sentences")
	}
	sc := newScores()
	docs := 0
	for a := 0; a < len(sents); {
		b := a + 1
		for b < len(sents) && sents[b].doc == sents[a].doc {
			b++
		}
		var text strings.Builder
		runes := 0
		var gold []coarseSpan
		for _, s := range sents[a:b] {
			if runes > 0 {
				text.WriteString("\n\n")
				runes += 2
			}
			starts, ends := make([]int, len(s.toks)), make([]int, len(s.toks))
			for i, t := range s.toks {
				if i > 0 && !t.Attached {
					text.WriteByte(' ')
					runes++
				}
				starts[i] = runes
				text.WriteString(t.Text)
				runes += len([]rune(t.Text))
				ends[i] = runes
			}
			for _, g := range goldCoarse(s) {
				gold = append(gold, coarseSpan{starts[g.start], ends[g.end-1], g.class})
			}
		}
		found, err := extract(text.String())
		if err != nil {
			return fmt.Errorf("document %s: %w", sents[a].doc, err)
		}
		var pred []coarseSpan
		seen := map[coarseSpan]bool{}
		for _, m := range found {
			c := coarseSpan{m.Start, m.End, coarseOfName(m.Type)}
			if c.class != "" && !seen[c] {
				seen[c] = true
				pred = append(pred, c)
			}
		}
		sc.compare(gold, pred)
		if cfg.Errors != nil {
			cfg.Errors(sents[a].doc, text.String(), textSpans(gold), textSpans(pred))
		}
		docs++
		a = b
	}
	fmt.Fprintf(out, "%d documents, %d sentences\n", docs, len(sents))
	fmt.Fprintln(out, sc)
	return nil
}

// textSpans converts coarse spans to the exported TextSpan form.
func textSpans(cs []coarseSpan) []TextSpan {
	out := make([]TextSpan, len(cs))
	for i, c := range cs {
		out[i] = TextSpan{c.start, c.end, c.class}
	}
	return out
}

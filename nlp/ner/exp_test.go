//go:build nerexp

// The experiments of the entity labeller: one training's GUM dev F1 moves
// by about ±2 with the shuffling seed, so a change is judged on the mean
// over several seeds. Built only with the nerexp tag (it needs the data
// folder and minutes of CPU):
//
//	SEEDS=1,2,3 go test -tags nerexp -run 'TestExp$' -v ./nlp/ner
//	  (also EPOCHS=n, BAGS=n; SAVE=dir writes the models, ERRORS=1|full lists the errors)
//	SAVED=dir go test -tags nerexp -run TestExpSaved -v ./nlp/ner
//	  (scores saved models; DOC=GUM_voyage_coron prints both passes' labels of a document)
//
// It tags with the tagger alone, without the pipeline's repairs (package
// pipeline imports this one), so its figures differ from eval-ner's by up
// to two points; compare its figures with each other.

package ner

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
	"github.com/newsgraph/newsgraph/nlp/tagger"
)

// expTagger tags with the embedded tagger.
type expTagger struct{ t *tagger.Tagger }

func (e expTagger) Annotate(ws []nlp.Word) {
	forms := make([]string, len(ws))
	for i, w := range ws {
		forms[i] = w.Text
	}
	tags := e.t.Tag(forms)
	for i, t := range tags {
		ws[i].UPOS, ws[i].XPOS = t.UPOS, t.XPOS
	}
}

func envInts(name string, def []int) []int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	var out []int
	for _, f := range strings.Split(v, ",") {
		n, _ := strconv.Atoi(f)
		out = append(out, n)
	}
	return out
}

// TestExp trains with DefaultOptions for each seed of SEEDS and scores GUM dev.
func TestExp(t *testing.T) {
	lex, err := nlp.EmbeddedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := nlp.EmbeddedModel(nlp.TaggerFile)
	var tg *tagger.Tagger
	if err := nlp.Decompress(b, func(r io.Reader) (err error) { tg, err = tagger.Read(r, lex); return }); err != nil {
		t.Fatal(err)
	}
	res, err := embeddedResources()
	if err != nil {
		t.Fatal(err)
	}
	gum := "../../../shared/data/gum"
	train, err := trainingData(gum, "../../../shared/data/uner-english-ewt/en_ewt-ud-dev.iob2", expTagger{tg})
	if err != nil {
		t.Fatal(err)
	}
	dev, err := readAny(gum, "dev")
	if err != nil {
		t.Fatal(err)
	}
	tagSentences(dev, expTagger{tg})
	seeds := envInts("SEEDS", []int{1, 2, 3})
	opt := DefaultOptions
	if e := envInts("EPOCHS", nil); e != nil {
		opt.Epochs = e[0]
	}
	if e := envInts("BAGS", nil); e != nil {
		opt.Bags = e[0]
	}
	results := make([]Scores, len(seeds))
	models := make([]*Model, len(seeds))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 1)
	start := time.Now()
	for k, s := range seeds {
		wg.Add(1)
		go func(k, s int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			o := opt
			o.Seed = int64(s)
			models[k] = trainModel(train, res, o)
			results[k] = score(models[k], dev)
			if dir := os.Getenv("SAVE"); dir != "" {
				os.MkdirAll(dir, 0o755)
				f, _ := os.Create(fmt.Sprintf("%s/%s-%d.bin", dir, os.Getenv("VARIANT"), s))
				models[k].WriteTo(f)
				f.Close()
			}
		}(k, s)
	}
	wg.Wait()
	sum := 0.0
	var fs []string
	for k, r := range results {
		t.Logf("seed %d: %s", seeds[k], r)
		sum += r.F1()
		fs = append(fs, fmt.Sprintf("%.2f", r.F1()))
	}
	t.Logf("VARIANT %s mean F1 %.2f over %v (%s) in %s", os.Getenv("VARIANT"), sum/float64(len(results)), seeds, strings.Join(fs, " "), time.Since(start).Round(time.Second))
	if os.Getenv("ERRORS") != "" {
		for _, m := range models {
			dumpErrors(t, m, dev)
		}
	}
}

func dumpErrors(t *testing.T, m *Model, sents []sentence) {
	kinds := map[string]int{}
	var lines []string
	labelDocuments(m, sents, func(s sentence, ws []nlp.Word) {
		gold, pred := goldCoarse(s), hintSpans(ws)
		text := func(c coarseSpan) string {
			var p []string
			for k := c.start; k < c.end; k++ {
				p = append(p, s.toks[k].Text)
			}
			return strings.Join(p, " ")
		}
		gm := map[coarseSpan]bool{}
		for _, g := range gold {
			gm[g] = true
		}
		pm := map[coarseSpan]bool{}
		for _, p := range pred {
			pm[p] = true
		}
		for _, g := range gold {
			if pm[g] {
				continue
			}
			kind := "missed"
			for _, p := range pred {
				if p.start == g.start && p.end == g.end {
					kind = "type " + g.class + "->" + p.class
				} else if p.start < g.end && g.start < p.end {
					kind = "boundary"
				}
			}
			kinds[kind]++
			lines = append(lines, fmt.Sprintf("%s\t%s\t%s %q", s.doc, kind, g.class, text(g)))
		}
		for _, p := range pred {
			if gm[p] {
				continue
			}
			over := false
			for _, g := range gold {
				if p.start < g.end && g.start < p.end {
					over = true
				}
			}
			if !over {
				kinds["spurious"]++
				lines = append(lines, fmt.Sprintf("%s\tspurious\t%s %q", s.doc, p.class, text(p)))
			}
		}
	})
	sort.Strings(lines)
	perDoc := map[string]int{}
	for _, l := range lines {
		if os.Getenv("ERRORS") == "full" {
			t.Log(l)
		}
		d, _, _ := strings.Cut(l, "\t")
		perDoc[strings.TrimPrefix(d, "GUM_")]++
	}
	t.Logf("errors %v %v", kinds, perDoc)
}

// TestExpSaved scores the models TestExp saved, for changes that need no
// training (the spans' typing after decoding).
func TestExpSaved(t *testing.T) {
	lex, _ := nlp.EmbeddedLexicon()
	b, _ := nlp.EmbeddedModel(nlp.TaggerFile)
	var tg *tagger.Tagger
	if err := nlp.Decompress(b, func(r io.Reader) (err error) { tg, err = tagger.Read(r, lex); return }); err != nil {
		t.Fatal(err)
	}
	res, _ := embeddedResources()
	dev, err := readAny("../../../shared/data/gum", "dev")
	if err != nil {
		t.Fatal(err)
	}
	tagSentences(dev, expTagger{tg})
	paths, _ := filepath.Glob(os.Getenv("SAVED") + "/*.bin")
	var models []*Model
	for _, p := range paths {
		f, _ := os.Open(p)
		m, err := readModel(perceptron.NewReader(f), res)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		models = append(models, m)
	}
	for _, h := range []bool{false} {
		sum := 0.0
		var fs []string
		for _, m := range models {
			f := score(m, dev).F1()
			sum += f
			fs = append(fs, fmt.Sprintf("%.2f", f))
		}
		t.Logf("%v mean %.2f (%s)", h, sum/float64(len(models)), strings.Join(fs, " "))
	}
	if d := os.Getenv("DOC"); d != "" {
		var doc [][]nlp.Word
		var first []string
		for _, s := range dev {
			if s.doc == d {
				ws := words(s.toks)
				models[0].Label(ws)
				var b strings.Builder
				for _, w := range ws {
					if w.NER != "O" {
						b.WriteString("[" + w.NER + "]")
					}
					b.WriteString(w.Text + " ")
				}
				first = append(first, b.String())
				doc = append(doc, ws)
			}
		}
		models[0].LabelDocument(doc)
		for k, ws := range doc {
			var b strings.Builder
			for _, w := range ws {
				if w.NER != "O" {
					b.WriteString("[" + w.NER + "]")
				}
				b.WriteString(w.Text + " ")
			}
			t.Logf("1: %s", first[k])
			t.Logf("2: %s", b.String())
		}
	}
	if os.Getenv("ERRORS") != "" {
		for _, m := range models {
			dumpErrors(t, m, dev)
		}
	}
}

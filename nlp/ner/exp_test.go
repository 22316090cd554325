//go:build nerexp

package ner

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/conllu"
	"github.com/newsgraph/newsgraph/nlp/tagger"
	"github.com/newsgraph/newsgraph/nlp/token"
)

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

// go test -tags nerexp -run TestExp -v ./nlp/ner
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
	res = expSetup(train, res)
	if os.Getenv("ONLYCLUS") != "" {
		return
	}
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
	hsum := 0.0
	harmonizeNames = true
	for k, m := range models {
		r := score(m, dev)
		t.Logf("harmonized seed %d: %s", seeds[k], r)
		hsum += r.F1()
	}
	harmonizeNames = false
	t.Logf("VARIANT %s harmonized mean F1 %.2f", os.Getenv("VARIANT"), hsum/float64(len(results)))
	t.Logf("VARIANT %s mean F1 %.2f over %v (%s) in %s", os.Getenv("VARIANT"), sum/float64(len(results)), seeds, strings.Join(fs, " "), time.Since(start).Round(time.Second))
	if os.Getenv("ERRORS") != "" {
		dumpErrors(t, models[0], dev)
	}
}

func dumpErrors(t *testing.T, m *Model, sents []sentence) {
	kinds := map[string]int{}
	var lines []string
	for a := 0; a < len(sents); {
		b := a + 1
		for b < len(sents) && sents[b].doc == sents[a].doc {
			b++
		}
		doc := make([][]nlp.Word, b-a)
		for i := range doc {
			doc[i] = words(sents[a+i].toks)
			m.Label(doc[i])
		}
		m.LabelDocument(doc)
		for i, ws := range doc {
			s := sents[a+i]
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
				} else if !(len(gold) > 0) {
				}
			}
		}
		a = b
	}
	sort.Strings(lines)
	for _, l := range lines {
		t.Log(l)
	}
	t.Logf("%v", kinds)
}

func expSetup(train []sentence, res resources) resources {
	if os.Getenv("CLUSTERS") == "" {
		return res
	}
	start := time.Now()
	var text [][]string
	ewt, err := os.Open("../../../shared/data/ud-english-ewt/en_ewt-ud-train.conllu")
	if err != nil {
		panic(err)
	}
	defer ewt.Close()
	ss, err := conllu.Read(ewt)
	if err != nil {
		panic(err)
	}
	for _, s := range ss {
		var f []string
		for _, w := range s.Words {
			f = append(f, token.ASCII(w.Form))
		}
		text = append(text, f)
	}
	for _, s := range train {
		if !s.coarse {
			var f []string
			for _, t := range s.toks {
				f = append(f, t.Text)
			}
			text = append(text, f)
		}
	}
	opt := DefaultClusterOptions
	if c := envInts("CLUSTERS", nil); c[0] > 1 {
		opt.Classes = c[0]
	}
	res.clus = LearnClusters(text, opt)
	fmt.Printf("clusters: %d words in %d classes from %d sentences in %s\n", len(res.clus), opt.Classes, len(text), time.Since(start).Round(time.Millisecond))
	if os.Getenv("SHOWCLUS") != "" {
		by := map[uint16][]string{}
		for w, c := range res.clus {
			by[c] = append(by[c], w)
		}
		for c := uint16(1); c <= 40; c++ {
			sort.Strings(by[c])
			fmt.Println(c, len(by[c]), strings.Join(by[c][:min(25, len(by[c]))], " "))
		}
	}
	return res
}

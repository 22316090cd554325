package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/eval/facts"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp/conllu"
	"github.com/newsgraph/newsgraph/webpage"
)

var evalFactsCommand = command{
	name: "eval-facts",
	args: "[--articles DIR] [--keyfacts FILE] [--unjudged FILE] [--shown FILE] [--lost FILE] [--article NAME...] JUDGED.tsv...",
	summary: "score the extractor against judged statements (docs/judging.md): precision, lenient\n" +
		"precision and key-fact recall; statements not judged yet can be written out for judging",
	run: runEvalFacts,
}

func runEvalFacts(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	dir := fs.String("articles", "testdata/articles", "directories of the judged articles, comma-separated (the first that holds an article is read)")
	keyFile := fs.String("keyfacts", "testdata/judged/keyfacts.tsv", "key facts (article, number, sentence, fact), comma-separated files; empty for none")
	unjudged := fs.String("unjudged", "", "write the statements not judged yet here, in the judged format with empty labels")
	shown := fs.String("shown", "", "write every statement shown here, with its label and note where judged (for reading what is right and wrong)")
	lost := fs.String("lost", "", "write the statements judged correct that are no longer extracted here, each noted with what its sentence now gives")
	minConf := fs.Float64("min-confidence", graph.DefaultMinConfidence, "hide statements under this confidence, as the server's views do")
	var more multi
	fs.Var(&more, "article", "an article to extract too, judged or not (repeatable)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("eval-facts needs at least one judged file")
	}
	judged, err := facts.ReadJudged(fs.Args()...)
	if err != nil {
		return err
	}
	keys, err := readKeyFacts(*keyFile)
	if err != nil {
		return err
	}
	l, err := newLoader(kg.DefaultBase, 2<<20)
	if err != nil {
		return err
	}
	extract := func(ctx context.Context, article string) (*kg.Document, error) {
		a, err := readJudgedArticle(*dir, article)
		if err != nil {
			return nil, err
		}
		return l.Extract(ctx, a)
	}
	r, err := facts.Score(ctx, judged, keys, extract, facts.Options{MinConfidence: *minConf, Articles: more})
	if err != nil {
		return err
	}
	for _, out := range []struct {
		path string
		js   []facts.Judged
		what string
	}{{*unjudged, r.Unjudged, "statements to judge"}, {*shown, r.Shown, "statements shown"}, {*lost, r.Lost, "lost correct statements"}} {
		if out.path == "" {
			continue
		}
		if err := writeJudgedFile(out.path, out.js); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%d %s written to %s\n", len(out.js), out.what, out.path)
	}
	r.Print(c.stdout)
	return nil
}

// writeJudgedFile writes judged lines to a file.
func writeJudgedFile(path string, js []facts.Judged) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := facts.WriteJudged(f, js); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// readJudgedArticle reads a judged article from the first of the
// comma-separated directories that holds it, as load reads it: a web page
// through its main text and metadata, an annotated CoNLL-U document (GUM's)
// as its sentences' text, any other file as text. Its source
// is its name, as the judged files give it.
func readJudgedArticle(dirs, name string) (kg.Article, error) {
	var first error
	for _, d := range strings.Split(dirs, ",") {
		path := filepath.Join(d, name)
		b, err := os.ReadFile(path)
		if err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		a := kg.Article{Text: string(b)}
		if strings.HasSuffix(name, ".conllu") {
			sents, err := conllu.Read(bytes.NewReader(b))
			if err != nil {
				return kg.Article{}, fmt.Errorf("judged article %s: %w", name, err)
			}
			a.Text = conllu.DocumentText(sents)
		} else if webpage.LooksLikeHTML(b) || strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm") {
			if a, err = ingest.ReadArticle(path, b); err != nil {
				return kg.Article{}, fmt.Errorf("judged article %s: %w", name, err)
			}
		}
		a.Source = name
		return a, nil
	}
	return kg.Article{}, fmt.Errorf("judged article %s: %w", name, first)
}

// readKeyFacts reads comma-separated key-fact files ("" for none).
func readKeyFacts(files string) ([]facts.KeyFact, error) {
	var keys []facts.KeyFact
	for _, f := range strings.Split(files, ",") {
		if f == "" {
			continue
		}
		k, err := facts.ReadKeyFacts(f)
		if err != nil {
			return nil, err
		}
		keys = append(keys, k...)
	}
	return keys, nil
}

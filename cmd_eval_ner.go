package main

import (
	"context"
	"errors"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/nlp/ner"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

var evalNERCommand = command{
	name: "eval-ner",
	args: "[--cv N] [--gum DIR] [--uner FILE] [--split dev] [--loader] FILE.iob2|FILE.conllu|GUMDIR...",
	summary: "score entity names (PER/ORG/LOC, exact spans) on Universal NER or GUM:\n" +
		"the labeller's spans, or with --loader the mentions of the graph the loader makes of the text",
	run: runEvalNER,
}

func runEvalNER(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	var cfg ner.EvalConfig
	fs.IntVar(&cfg.CV, "cv", 0, "cross-validate with this many folds (IOB2 data; each fold trained on the others and GUM train)")
	fs.StringVar(&cfg.GUM, "gum", "../shared/data/gum", "GUM directory, for training in cross-validation")
	fs.StringVar(&cfg.UNER, "uner", "", "Universal NER IOB2 file to train each fold on too (cross-validating GUM: --cv 5 --split train --gum '' --uner FILE GUMDIR)")
	fs.StringVar(&cfg.Split, "split", "", "GUM split of directories: dev, test or train (default all)")
	fs.Int64Var(&cfg.Seed, "seed", 0, "shuffling seed of the cross-validation's trainings (0: the default)")
	fs.IntVar(&cfg.MinCount, "min-count", 0, "feature count cutoff of the cross-validation's trainings (0: the default)")
	fs.StringVar(&cfg.Models, "models", "", "entity model directory (default: the model built into the binary)")
	useLoader := fs.Bool("loader", false, "score the loader's entity mentions (text in, graph out) instead of the labeller's spans")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("eval-ner needs a .iob2 file, GUM .conllu files or a GUM directory")
	}
	cfg.Paths = fs.Args()
	m, err := pipeline.Embedded()
	if err != nil {
		return err
	}
	if !*useLoader {
		cfg.Tagger = m.TagOnly()
		return ner.Eval(cfg, c.stdout)
	}
	p, err := pipeline.Default()
	if err != nil {
		return err
	}
	if cfg.Models != "" {
		// A model trained without the data scored (e.g. --uner "").
		if p.NER, err = ner.LoadDir(cfg.Models); err != nil {
			return err
		}
	}
	l := loader.New(p, loader.Options{})
	return ner.EvalText(cfg, func(text string) ([]ner.TextSpan, error) {
		doc, err := l.Extract(ctx, kg.Article{Text: text})
		if err != nil {
			return nil, err
		}
		if doc.Article.Text != text {
			return nil, errors.New("the loader changed the text: offsets would not match")
		}
		var out []ner.TextSpan
		for _, e := range doc.Entities {
			for _, m := range e.Mentions {
				if isNameMention(m.Rule) {
					out = append(out, ner.TextSpan{Start: m.Start, End: m.End, Type: string(e.Type)})
				}
			}
		}
		return out, nil
	}, c.stdout)
}

// isNameMention reports a mention the labeller's spans are comparable
// with: not a pronoun or description the coreference stage resolved, nor
// a demonym the loader reads as its country ("the Indian government":
// India, a GPE mention of a word no NER data calls a place's name).
func isNameMention(rule string) bool {
	return rule != "pronoun" && rule != "description" && rule != "demonym"
}

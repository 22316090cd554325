package main

import (
	"context"
	"errors"
	"strings"

	"github.com/newsgraph/newsgraph/nlp/coref"
)

var evalCorefCommand = command{
	name:    "eval-coref",
	args:    "[--splits dev] [--gold-trees] GUM.conllu|DIR...",
	summary: "score coreference (MUC, B³, CEAF-e and their average, the CoNLL-2012 score) on GUM documents",
	run:     runEvalCoref,
}

func runEvalCoref(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	var cfg coref.EvalConfig
	fs.StringVar(&cfg.Model, "model", "", "model file (default: the model built into the binary)")
	splits := fs.String("splits", "dev", "GUM partitions to score, comma-separated (dev, test, train)")
	fs.BoolVar(&cfg.GoldTrees, "gold-trees", false, "use the treebank's trees instead of newsgraph's parses")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("eval-coref needs GUM CoNLL-U files or a directory of them")
	}
	cfg.Files = fs.Args()
	cfg.Splits = strings.Split(*splits, ",")
	return coref.Eval(cfg, c.stdout)
}

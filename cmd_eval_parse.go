package main

import (
	"context"
	"errors"

	nlpeval "github.com/newsgraph/newsgraph/nlp/eval"
)

var evalParseCommand = command{
	name:    "eval-parse",
	args:    "[--models DIR] FILE.conllu",
	summary: "score the tagger, lemmatizer and parser on a treebank (every word counts, punctuation included)",
	run:     runEvalParse,
}

func runEvalParse(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	models := fs.String("models", "", "model directory (default: the models built into the binary)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("eval-parse needs one CoNLL-U file")
	}
	return nlpeval.EvalParse(fs.Arg(0), *models, c.stdout)
}

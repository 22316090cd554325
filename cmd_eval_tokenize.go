package main

import (
	"context"
	"errors"

	nlpeval "github.com/newsgraph/newsgraph/nlp/eval"
)

var evalTokenizeCommand = command{
	name:    "eval-tokenize",
	args:    "FILE.conllu",
	summary: "score the tokenizer and sentence splitter on a treebank",
	run:     runEvalTokenize,
}

func runEvalTokenize(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("eval-tokenize needs one CoNLL-U file")
	}
	return nlpeval.EvalTokenize(fs.Arg(0), c.stdout)
}

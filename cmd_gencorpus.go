package main

import (
	"bufio"
	"context"
	"encoding/json"

	"github.com/newsgraph/newsgraph/corpus"
)

var genCorpusCommand = command{
	name:    "gen-corpus",
	args:    "[--articles N] [--seed S]",
	summary: "print N generated news articles as JSON lines (for benchmarks and load tests)",
	run:     runGenCorpus,
}

func runGenCorpus(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	n := fs.Int("articles", 1000, "how many articles")
	seed := fs.Uint64("seed", 1, "generator seed")
	if err := parse(fs, args); err != nil {
		return err
	}
	bw := bufio.NewWriter(c.stdout)
	enc := json.NewEncoder(bw)
	if err := corpus.Generate(*n, *seed, func(a corpus.Article) error { return enc.Encode(a) }); err != nil {
		return err
	}
	return bw.Flush()
}

package main

import (
	"context"
	"errors"
	"os"

	"github.com/newsgraph/newsgraph/eval/carb"
)

var evalCarbCommand = command{
	name:    "eval-carb",
	args:    "GOLD.tsv PRED.tabbed",
	summary: "score Open IE extractions (extract --format carb) with the CaRB scorer",
	run:     runEvalCarb,
}

func runEvalCarb(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return errors.New("eval-carb needs GOLD.tsv and PRED.tabbed")
	}
	gold, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer gold.Close()
	pred, err := os.Open(fs.Arg(1))
	if err != nil {
		return err
	}
	defer pred.Close()
	_, _, err = carb.Report(gold, pred, c.stdout)
	return err
}

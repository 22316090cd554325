package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"

	"github.com/newsgraph/newsgraph/eval/carb"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

var extractCommand = command{
	name: "extract",
	args: "[--format jsonl|article|carb] [FILE...]",
	summary: "extract entities and statements, print JSON lines (stdin without FILE); inputs are read as load reads\n" +
		"them (JSON lines, web pages for their main text and metadata, feeds, web archives, directories);\n" +
		"an input that fails is reported and the others go on (exit 1 if any failed);\n" +
		"article: print each input (each item of a feed) as it will be ingested, {title, author, publishedAt,\nsource, url, text};\n" +
		"carb: Open IE tuples of tokenized sentences, one a line, in CaRB's tabbed format",
	run: runExtract,
}

func runExtract(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	format := fs.String("format", "jsonl", "output format: jsonl, article, or carb (input: one tokenized sentence per line)")
	base := fs.String("base", kg.DefaultBase, "base IRI of the graph's nodes")
	maxBytes := fs.Int("max-bytes", ingest.DefaultMaxBytes, "largest article accepted, in bytes")
	if err := parse(fs, args); err != nil {
		return err
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	switch *format {
	case "jsonl":
		return extractJSONL(ctx, c, files, *base, *maxBytes)
	case "article":
		return extractArticles(ctx, c, files, *maxBytes)
	case "carb":
		return extractCarb(c, files)
	}
	return fmt.Errorf("unknown extract format %q (want jsonl, article or carb)", *format)
}

// extractJSONL extracts each article and prints its document.
func extractJSONL(ctx context.Context, c cmdIO, files []string, base string, maxBytes int) error {
	l, err := newLoader(base, maxBytes)
	if err != nil {
		return err
	}
	return eachArticle(ctx, c, files, maxBytes, func(origin string, a kg.Article) error {
		doc, err := l.Extract(ctx, a)
		if err != nil {
			return err
		}
		for _, w := range doc.Warnings {
			log.Printf("%s: warning: %s", origin, w)
		}
		if err := doc.WriteJSONL(c.stdout); err != nil {
			return errOutput{err}
		}
		return nil
	})
}

// extractArticles prints each input as the article it will be ingested
// as, one JSON object a line; an article that load would refuse is
// reported instead (its text is checked as the loader checks it).
func extractArticles(ctx context.Context, c cmdIO, files []string, maxBytes int) error {
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	check := loader.New(nil, loader.Options{MaxBytes: maxBytes}) // Validate needs no language stages
	return eachArticle(ctx, c, files, maxBytes, func(origin string, a kg.Article) error {
		if err := check.Validate(a.Text); err != nil {
			return err
		}
		a.Text = kg.NormalizeText(a.Text)
		if err := enc.Encode(a.JSON()); err != nil {
			return errOutput{err}
		}
		return nil
	})
}

// errOutput marks an error of the output, which ends extract.
type errOutput struct{ error }

// eachArticle calls fn with each article of files, read as load reads
// them (package ingest: JSON lines a line at a time, a web archive's
// pages, a feed's items, directories walked); standard input ("-") is one
// article, text or a web page. An article that cannot be read, or that fn
// refuses, is reported on standard error and the others go on; the error
// says how many failed.
func eachArticle(ctx context.Context, c cmdIO, files []string, maxBytes int, fn func(origin string, a kg.Article) error) error {
	failed, total := 0, 0
	var werr error
	do := func(origin string, a kg.Article, err error) bool {
		total++
		if err == nil {
			if err = fn(origin, a); err != nil && ctx.Err() != nil {
				werr = ctx.Err()
				return false
			}
			var out errOutput
			if errors.As(err, &out) {
				werr = out.error
				return false
			}
		}
		if err != nil {
			failed++
			log.Printf("failed: %s: %v", origin, err)
		}
		return true
	}
	for _, f := range files {
		if f == "-" {
			arts, err := readInputArticles(f, c.stdin, maxBytes)
			if err != nil {
				do(f, kg.Article{}, err)
			}
			for _, a := range arts {
				if !do(f, a, nil) {
					return werr
				}
			}
			continue
		}
		ignored, err := ingest.Articles(ctx, ingest.Config{Sources: []string{f}, MaxBytes: maxBytes}, do)
		if werr != nil {
			return werr
		}
		for _, ig := range ignored {
			log.Printf("not read: %s: %s", ig.Path, ig.Reason)
		}
		if err != nil {
			failed++
			total++
			log.Printf("failed: %s: %v", f, err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d articles failed", failed, total)
	}
	return nil
}

// readInputArticles reads a file ("-" for stdin) as articles: a feed's
// items, a web page for its main text and metadata, any other file as text
// (ingest.ReadArticles).
func readInputArticles(name string, stdin io.Reader, max int) ([]kg.Article, error) {
	text, err := readArticle(name, stdin, max)
	if err != nil {
		return nil, err
	}
	arts, err := ingest.ReadArticles(name, []byte(text))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for i := range arts {
		if name == "-" && arts[i].Source == "-" {
			arts[i].Source, arts[i].Title = "", ""
		}
	}
	return arts, nil
}

// extractCarb runs the Open IE extractor on tokenized sentences, one per
// line, and prints CaRB's tabbed format.
func extractCarb(c cmdIO, files []string) error {
	m, err := pipeline.Embedded()
	if err != nil {
		return err
	}
	for _, name := range files {
		f, err := openInput(name, c.stdin)
		if err != nil {
			return err
		}
		err = carb.ExtractTuples(m, f, c.stdout)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// readArticle reads a file ("-" for stdin), refusing more than max bytes.
func readArticle(name string, stdin io.Reader, max int) (string, error) {
	r, err := openInput(name, stdin)
	if err != nil {
		return "", err
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	if len(b) > max {
		return "", fmt.Errorf("%s: article is over the limit of %d bytes", name, max)
	}
	return string(b), nil
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"

	"github.com/newsgraph/newsgraph/eval/carb"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

var extractCommand = command{
	name: "extract",
	args: "[--format jsonl|article|carb] [FILE...]",
	summary: "extract entities and statements, print JSON lines (stdin without FILE); a web page (.html, or\n" +
		"markup) is read for its main text and metadata first;\n" +
		"article: print each input (each item of a feed) as it will be ingested, {title, author, publishedAt,\nsource, url, text};\n" +
		"carb: Open IE tuples of tokenized sentences, one a line, in CaRB's tabbed format",
	run: runExtract,
}

func runExtract(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	format := fs.String("format", "jsonl", "output format: jsonl, article, or carb (input: one tokenized sentence per line)")
	base := fs.String("base", kg.DefaultBase, "base IRI of the graph's nodes")
	maxBytes := fs.Int("max-bytes", 2<<20, "largest article accepted, in bytes")
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
		return extractArticles(c, files, *maxBytes)
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
	for _, f := range files {
		arts, err := readInputArticles(f, c.stdin, maxBytes)
		if err != nil {
			return err
		}
		for _, a := range arts {
			doc, err := l.Extract(ctx, a)
			if err != nil {
				return fmt.Errorf("%s: %w", f, err)
			}
			for _, w := range doc.Warnings {
				log.Printf("%s: warning: %s", f, w)
			}
			if err := doc.WriteJSONL(c.stdout); err != nil {
				return err
			}
		}
	}
	return nil
}

// extractArticles prints each input as the article it will be ingested
// as, one JSON object a line.
func extractArticles(c cmdIO, files []string, maxBytes int) error {
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	for _, f := range files {
		arts, err := readInputArticles(f, c.stdin, maxBytes)
		if err != nil {
			return err
		}
		for _, a := range arts {
			a.Text = kg.NormalizeText(a.Text)
			if err := enc.Encode(a.JSON()); err != nil {
				return err
			}
		}
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

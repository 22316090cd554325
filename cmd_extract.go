package main

import (
	"context"
	"fmt"
	"io"
	"log"

	"github.com/newsgraph/newsgraph/eval/carb"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

var extractCommand = command{
	name: "extract",
	args: "[--format jsonl|carb] [FILE...]",
	summary: "extract entities and statements, print JSON lines (stdin without FILE);\n" +
		"carb: Open IE tuples of tokenized sentences, one a line, in CaRB's tabbed format",
	run: runExtract,
}

func runExtract(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	format := fs.String("format", "jsonl", "output format: jsonl, or carb (input: one tokenized sentence per line)")
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
	case "carb":
		return extractCarb(c, files)
	}
	return fmt.Errorf("unknown extract format %q (want jsonl or carb)", *format)
}

// extractJSONL extracts each article and prints its document.
func extractJSONL(ctx context.Context, c cmdIO, files []string, base string, maxBytes int) error {
	l, err := newLoader(base, maxBytes)
	if err != nil {
		return err
	}
	for _, f := range files {
		text, err := readArticle(f, c.stdin, maxBytes)
		if err != nil {
			return err
		}
		doc, err := l.Extract(ctx, kg.Article{Text: text, Source: f})
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
	return nil
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

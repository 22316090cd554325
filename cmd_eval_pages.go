package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/eval/pages"
)

var evalPagesCommand = command{
	name: "eval-pages",
	args: "[--reader trafilatura|readability] [-v] DIR",
	summary: "score main-text, title, date and author extraction on a set of saved web pages (DIR/html/*.html\n" +
		"and DIR/evaldata.json, trafilatura's evaluation format) by the benchmark's snippet rule",
	run: runEvalPages,
}

func runEvalPages(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	reader := fs.String("reader", "trafilatura", "trafilatura (newsgraph's reader, package webpage) or readability (go-readability, for comparison)")
	verbose := fs.Bool("v", false, "a line per page")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("eval-pages takes one DIR")
	}
	var read pages.Reader
	switch *reader {
	case "trafilatura":
		read = pages.Trafilatura
	case "readability":
		read = pages.Readability
	default:
		return fmt.Errorf("unknown reader %q (want trafilatura or readability)", *reader)
	}
	set, err := pages.Load(fs.Arg(0))
	if err != nil {
		return err
	}
	w := c.stdout
	if !*verbose {
		w = nil
	}
	s, err := pages.Eval(fs.Arg(0), set, read, w)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s: %s\n", *reader, s)
	return nil
}

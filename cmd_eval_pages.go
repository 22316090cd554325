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
		"and DIR/evaldata.json, trafilatura's evaluation format) by the benchmark's snippet rule; the two halves\n" +
		"of the set (by a hash of the file name) and the whole",
	run: runEvalPages,
}

func runEvalPages(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	reader := fs.String("reader", "trafilatura", "trafilatura (newsgraph's reader, package webpage), go-trafilatura (the library alone) or readability (go-readability), for comparison")
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
	case "go-trafilatura":
		read = pages.Library
	case "readability":
		read = pages.Readability
	default:
		return fmt.Errorf("unknown reader %q (want trafilatura, go-trafilatura or readability)", *reader)
	}
	set, err := pages.Load(fs.Arg(0))
	if err != nil {
		return err
	}
	w := c.stdout
	if !*verbose {
		w = nil
	}
	a, b := pages.Halves(set)
	sa, err := pages.Eval(fs.Arg(0), a, read, w)
	if err != nil {
		return err
	}
	sb, err := pages.Eval(fs.Arg(0), b, read, w)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s, half A: %s\n", *reader, sa)
	fmt.Fprintf(c.stdout, "%s, half B: %s\n", *reader, sb)
	fmt.Fprintf(c.stdout, "%s, all:    %s\n", *reader, sa.Add(sb))
	return nil
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/store"
)

var loadCommand = command{
	name: "load",
	args: "[--db PATH|URL] [--workers N] [--batch N] FILE|DIR|FILE.jsonl|PAGE.html|FEED.rss|CRAWL.warc.gz|-...",
	summary: "ingest articles (text files, JSON lines of {text, title, author, source, url, publishedAt}, saved web\n" +
		"pages read for their main text and metadata, RSS/Atom feeds' items, web archives' HTML responses)\n" +
		"in parallel, skipping those already stored; resumes where a killed load stopped; prints what it\n" +
		"could not read and the loader's warnings",
	run: runLoad,
}

// loadConfig is how articles are loaded (load, and serve --load).
type loadConfig struct {
	base     string
	maxBytes int
	workers  int
	batch    int
	progress bool
	stdin    io.Reader
	kb       string // knowledge base to link entities to (package kb)
	// keepCopies extracts near-duplicates as articles of their own
	// (ingest.Config.KeepCopies).
	keepCopies bool
	// copiesOfStored finds copies of stored articles too
	// (ingest.Config.CopiesOfStored).
	copiesOfStored bool
	// strict makes a load in which some articles failed an error (the
	// load command, unless --allow-failures); serve --load goes on.
	strict bool
}

// check refuses limits that mean nothing (they used to be replaced by
// the defaults without a word).
func (c *loadConfig) check() error {
	for _, f := range []struct {
		name string
		v    int
	}{{"--max-bytes", c.maxBytes}, {"--workers", c.workers}, {"--batch", c.batch}} {
		if f.v < 0 {
			return fmt.Errorf("%s %d: must not be negative", f.name, f.v)
		}
	}
	return nil
}

func addLoadFlags(fs *flag.FlagSet, c *loadConfig) {
	fs.IntVar(&c.maxBytes, "max-bytes", ingest.DefaultMaxBytes, "largest article accepted, in bytes")
	fs.IntVar(&c.workers, "workers", 0, "extraction goroutines (0: one per core)")
	fs.IntVar(&c.batch, "batch", 64, "articles per write transaction")
	fs.BoolVar(&c.progress, "progress", true, "report progress on standard error")
	fs.BoolVar(&c.keepCopies, "keep-copies", false, "extract near-duplicate articles (a syndicated story in several outlets) as articles of their own\ninstead of storing them as copies of the first, without statements")
	fs.BoolVar(&c.copiesOfStored, "copies-of-stored", false, "find near-duplicates of the articles already stored too, not only within this load (reads every stored article once first)")
	fs.StringVar(&c.kb, "kb", "", "knowledge base to link entities to: a TSV of iri, label, aliases, type, country, geonames (docs/geo.md)")
}

func runLoad(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	sc := addStoreFlags(fs)
	sc.inUse = "a database is one process's: stop the server and load, or send the articles to the\n" +
		"running server (the ingestArticle mutation; see serve --write-token), or load at start\n" +
		"with serve --load."
	lc := loadConfig{stdin: c.stdin}
	addLoadFlags(fs, &lc)
	allowFailures := fs.Bool("allow-failures", false, "exit 0 when some articles failed (by default a load with any failure exits 1, after loading all the others)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := lc.check(); err != nil {
		return err
	}
	lc.strict = !*allowFailures
	if fs.NArg() == 0 {
		return errors.New("load needs at least one FILE or DIR")
	}
	lc.base = sc.base
	sc.notes = c.stdout
	return withStore(sc, func(s *store.Store) error { return load(ctx, lc, s, fs.Args(), c.stdout) })
}

// shownWarnings is how many of the loader's warnings load prints.
const shownWarnings = 20

// load ingests every article (package ingest) and prints the summary; an
// article that fails is reported and the rest go on. It returns an error
// when the load could not go on, when every article failed, or, when
// cfg.strict, when any failed.
func load(ctx context.Context, cfg loadConfig, s *store.Store, paths []string, out io.Writer) error {
	l, err := cfg.newLoader()
	if err != nil {
		return err
	}
	icfg := ingest.Config{Sources: paths, Stdin: cfg.stdin, Workers: cfg.workers, Batch: cfg.batch, MaxBytes: cfg.maxBytes, KeepCopies: cfg.keepCopies, CopiesOfStored: cfg.copiesOfStored}
	if cfg.progress {
		icfg.Progress = ingest.NewProgress(os.Stderr)
	}
	sum, err := ingest.Run(ctx, icfg, l, s)
	if err != nil && ctx.Err() != nil {
		err = fmt.Errorf("interrupted after writing %d articles: run the same load again to go on (what is stored is skipped)", sum.Created)
	}
	if err != nil && sum.Read == 0 {
		return err // nothing read (a path that does not exist...): no summary
	}
	fmt.Fprintf(out, "loaded %d articles (%d of them copies of another, %d already present, %d failed) of %d read: %d statements, %d entities, %d quads, %d warnings, in %s (%.1f articles/s)\n",
		sum.Created, sum.Copies, sum.Skipped, sum.Failed, sum.Read, sum.Statements, sum.Entities, sum.Quads, sum.Warnings,
		sum.Elapsed.Round(time.Millisecond), float64(sum.Read)/max(sum.Elapsed.Seconds(), 1e-9))
	for _, f := range sum.Failures {
		fmt.Fprintf(out, "  failed: %s: %s\n", f.Origin, f.Reason)
	}
	if more := sum.Failed - len(sum.Failures); more > 0 {
		fmt.Fprintf(out, "  ... and %d more failures\n", more)
	}
	for i, w := range sum.WarningList {
		if i == shownWarnings {
			fmt.Fprintf(out, "  ... and %d more warnings\n", sum.Warnings-shownWarnings)
			break
		}
		fmt.Fprintf(out, "  warning: %s: %s\n", w.Origin, w.Message)
	}
	for _, ig := range sum.Ignored {
		fmt.Fprintf(out, "  not read: %s: %s\n", ig.Path, ig.Reason)
	}
	if more := sum.IgnoredCount - len(sum.Ignored); more > 0 {
		fmt.Fprintf(out, "  ... and %d more files not read\n", more)
	}
	if err != nil {
		return err
	}
	if sum.Failed > 0 && sum.Created == 0 && sum.Skipped == 0 {
		return fmt.Errorf("all %d articles failed", sum.Failed)
	}
	if sum.Failed > 0 && cfg.strict {
		return fmt.Errorf("%d of %d articles failed (the others are loaded; --allow-failures exits 0)", sum.Failed, sum.Read)
	}
	return nil
}

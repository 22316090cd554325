// Command newsgraph builds a knowledge graph from news articles, stores it
// in Cayley and serves it over GraphQL.
//
//	newsgraph extract [--format jsonl|carb] [FILE...]   entities and statements as JSON lines
//	newsgraph load [--db PATH] FILE|DIR|FILE.jsonl|-...  ingest articles (text, HTML, JSON lines)
//	newsgraph serve [--db PATH] [--addr HOST:PORT]        the server (endpoints below)
//	newsgraph export [--db PATH] [--format F]             the whole graph
//	newsgraph import [--db PATH] FILE.nq...               merge N-Quads
//	newsgraph gen-corpus [--articles N]                   generated articles, for benchmarks
//	newsgraph loadtest [--url URL] [--clients N]          drive a server with concurrent clients
//	newsgraph train tagger|parser|calibration|coref|geo|kb ...  train a model, build a gazetteer
//	newsgraph eval-parse|eval-tokenize|eval-carb|eval-coref|eval-ner|eval-facts|eval-geo ...  score a stage
//
// serve answers at /query (GraphQL), / (the playground), /explore/ (the
// explorer), /export and, with --gizmo, /gizmo: graph.Endpoints lists them.
//
// Each command is in a file of its own (cmd_*.go; serve in server.go)
// with its own flags; `newsgraph COMMAND -h` lists them.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// command is one of newsgraph's commands.
type command struct {
	name, args, summary string
	run                 func(ctx context.Context, cmd command, c cmdIO, args []string) error
}

// cmdIO is what a command reads and writes.
type cmdIO struct {
	stdin  io.Reader
	stdout io.Writer
}

// commands, in the order the help lists them.
var commands = []command{
	extractCommand, loadCommand, serveCommand, exportCommand, importCommand,
	genCorpusCommand, loadtestCommand, trainCommand,
	evalParseCommand, evalTokenizeCommand, evalCarbCommand, evalCorefCommand, evalNERCommand, evalFactsCommand,
	evalGeoCommand, evalPagesCommand,
}

func main() {
	log.SetFlags(0)
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage())
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1], os.Args[2:], os.Stdin, os.Stdout); err != nil {
		log.Printf("newsgraph %s: %v", os.Args[1], err)
		os.Exit(1)
	}
}

// run runs command name with args.
func run(ctx context.Context, name string, args []string, stdin io.Reader, stdout io.Writer) error {
	switch name {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage())
		return nil
	}
	for _, c := range commands {
		if c.name == name {
			err := c.run(ctx, c, cmdIO{stdin: stdin, stdout: stdout}, args)
			if errors.Is(err, errHelp) {
				return nil // the command's help was asked for and printed
			}
			return err
		}
	}
	return fmt.Errorf("unknown command %q\n%s", name, usage())
}

// usage is the help of every command.
func usage() string {
	var b strings.Builder
	b.WriteString("usage: newsgraph COMMAND [flags] [args]\n\ncommands:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %s %s\n", c.name, c.args)
		for _, l := range strings.Split(c.summary, "\n") {
			fmt.Fprintf(&b, "      %s\n", l)
		}
	}
	b.WriteString(`
Run "newsgraph COMMAND -h" for a command's flags.
`)
	return b.String()
}

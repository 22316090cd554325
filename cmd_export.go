package main

import (
	"bufio"
	"context"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/store"
)

var exportCommand = command{
	name:    "export",
	args:    "[--db PATH|URL] [--format nquads|jsonld|json|graphml]",
	summary: "print the whole graph: nquads (default, the stored quads: a lossless round trip), jsonld, json, graphml",
	run:     runExport,
}

func runExport(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	sc := addStoreFlags(fs)
	sc.inUse = "while the server runs, export through it, which streams the same formats:\n" +
		"  curl -o graph.nq 'http://localhost:8080/export?format=nquads'   (GET /export; format=jsonld|json|graphml)\n" +
		"or stop the server and run export again."
	format := fs.String("format", "nquads", "output format: nquads, jsonld, json (networkx node-link) or graphml")
	if err := parse(fs, args); err != nil {
		return err
	}
	sc.readOnly = true // a path with no database is a mistake, not an empty graph
	return withStore(sc, func(s *store.Store) error {
		bw := bufio.NewWriter(c.stdout)
		if err := export.WriteSource(ctx, bw, *format, s, store.Vocab); err != nil {
			return err
		}
		return bw.Flush()
	})
}

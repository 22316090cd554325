package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/store"
)

var importCommand = command{
	name:    "import",
	args:    "[--db PATH|URL] FILE.nq|-...",
	summary: "merge N-Quads (another newsgraph's export, any RDF with owl:sameAs); a bad file is refused whole",
	run:     runImport,
}

func runImport(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	sc := addStoreFlags(fs)
	sc.inUse = "a database is one process's: stop the server, import, and serve again\n" +
		"(with serve --read-only when it should take no writes). To read the graph while it\n" +
		"serves, use GET /export (curl 'http://localhost:8080/export?format=nquads')."
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("import needs an N-Quads file (- for standard input)")
	}
	return withStore(sc, func(s *store.Store) error {
		for _, name := range fs.Args() {
			r, err := openInput(name, c.stdin)
			if err != nil {
				return err
			}
			n, err := s.ImportNQuads(ctx, r)
			r.Close()
			if err != nil {
				return fmt.Errorf("import %s: %w", name, err)
			}
			fmt.Fprintf(c.stdout, "%s: %d quads\n", name, n)
		}
		return nil
	})
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/store"
)

var serveCommand = command{
	name:    "serve",
	args:    "[--db PATH|URL] [--addr HOST:PORT] [--load FILE|DIR...] [--gizmo]",
	summary: "serve the graph over HTTP:\n" + endpoints(),
	run:     runServe,
}

// endpoints lists what serve serves, one path a line.
func endpoints() string {
	var b strings.Builder
	for i, e := range graph.Endpoints {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "  %-10s %s", e.Path, e.What)
	}
	return b.String()
}

// serveConfig is what serve is told.
type serveConfig struct {
	addr            string
	load            []string
	loadConfig      loadConfig
	server          graph.ServerOptions
	noIntrospection bool
	readTimeout     time.Duration
}

func addServeFlags(fs *flag.FlagSet, c *serveConfig) {
	o := &c.server
	fs.StringVar(&c.addr, "addr", "localhost:8080", "address to listen on")
	fs.Var((*multi)(&c.load), "load", "file or directory of articles to load before serving (repeatable)")
	fs.BoolVar(&o.ReadOnly, "read-only", false, "serve queries only: no mutations")
	fs.StringVar(&o.WriteToken, "write-token", os.Getenv("NEWSGRAPH_WRITE_TOKEN"), "bearer token mutations (and Gizmo) need (default $NEWSGRAPH_WRITE_TOKEN)")
	fs.BoolVar(&c.noIntrospection, "no-introspection", false, "turn GraphQL introspection off")
	fs.BoolVar(&o.NoPlayground, "no-playground", false, "do not serve the playground at /")
	fs.BoolVar(&o.Gizmo, "gizmo", false, "serve Gizmo queries at /gizmo (JavaScript run by the server: with the write token when one is set)")
	fs.Var((*multi)(&o.CORS), "cors-origin", "origin whose pages may call the API, or * (repeatable; default none)")
	fs.Int64Var(&o.MaxBodyBytes, "max-body", graph.DefaultMaxBodyBytes, "largest request body, in bytes")
	fs.IntVar(&o.Complexity, "max-complexity", graph.DefaultMaxComplexity, "largest query cost (lists cost their size; traversals their reach)")
	fs.IntVar(&o.MaxDepth, "max-depth", graph.DefaultMaxDepth, "deepest query nesting")
	fs.DurationVar(&o.Timeout, "timeout", graph.DefaultTimeout, "longest a request may run (its context's deadline)")
	fs.DurationVar(&o.ExportTimeout, "export-timeout", graph.DefaultExportTimeout, "longest GET /export (it streams the whole graph)")
	fs.DurationVar(&c.readTimeout, "read-timeout", DefaultReadTimeout, "longest a request, headers and body, may take to arrive")
	fs.Float64Var(&o.MinConfidence, "min-confidence", graph.DefaultMinConfidence, "hide statements under this confidence from the default views (queries may ask for others; 0 shows all)")
}

func runServe(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	sc := addStoreFlags(fs)
	cfg := serveConfig{loadConfig: loadConfig{stdin: c.stdin}}
	addServeFlags(fs, &cfg)
	addLoadFlags(fs, &cfg.loadConfig)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.loadConfig.check(); err != nil {
		return err
	}
	cfg.loadConfig.base = sc.base
	cfg.server.Introspection = !cfg.noIntrospection
	// A read-only server opens its store read-only: it may be a
	// PostgreSQL hot standby, where nothing can be written.
	sc.readOnly = cfg.server.ReadOnly
	if sc.readOnly && len(cfg.load) > 0 {
		return fmt.Errorf("--load writes to the store: it cannot go with --read-only")
	}
	sc.notes, sc.noteNew = c.stdout, true
	return withStore(sc, func(s *store.Store) error { return serve(ctx, cfg, s, c.stdout) })
}

// serverRoutes is graph.Routes over a store and a loader.
func serverRoutes(s *store.Store, l *loader.Loader, o graph.ServerOptions) http.Handler {
	o.Vocab = store.Vocab
	return graph.Routes(graph.NewResolver(s, l), s, o)
}

// DefaultReadTimeout bounds receiving one request, headers and body.
const DefaultReadTimeout = 30 * time.Second

// newHTTPServer is the server serve runs h with. Its read deadlines cut off
// clients that send slowly (a body a byte every few seconds held its
// connection open indefinitely): the headers must arrive within 10 s (or
// the read timeout, if shorter) and the whole request within the read
// timeout. Once a handler has read its body, net/http lifts the read
// deadline, so a long request is bounded by its own context instead. There
// is no write timeout: exports stream large answers.
func newHTTPServer(h http.Handler, readTimeout time.Duration) *http.Server {
	if readTimeout <= 0 {
		readTimeout = DefaultReadTimeout
	}
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: min(10*time.Second, readTimeout),
		ReadTimeout:       readTimeout,
		IdleTimeout:       2 * time.Minute,
	}
}

// serve loads cfg.load, then serves until ctx ends; running requests then
// get 10 s to finish.
func serve(ctx context.Context, cfg serveConfig, s *store.Store, out io.Writer) error {
	if len(cfg.load) > 0 {
		if err := load(ctx, cfg.loadConfig, s, cfg.load, out); err != nil {
			return err
		}
	}
	l, err := cfg.loadConfig.newLoader()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	srv := newHTTPServer(serverRoutes(s, l, cfg.server), cfg.readTimeout)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	// The store's indexes are built now rather than by the first
	// requests, which would wait for them (or give up at their deadline
	// on a large graph); requests that come first wait as before.
	warm, stopWarming := context.WithCancel(ctx)
	warmed := make(chan struct{})
	go func() {
		defer close(warmed)
		if err := s.Warm(warm); err != nil && warm.Err() == nil {
			log.Printf("newsgraph: building the indexes: %v (the first requests will try again)", err)
		}
	}()
	defer func() { stopWarming(); <-warmed }() // the store is closed after serve returns
	addr := ln.Addr().String()
	fmt.Fprintf(out, "newsgraph: GraphQL at http://%s/query, playground at http://%s/, explorer at http://%s/explore/\n", addr, addr, addr)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(shut)
	}
}

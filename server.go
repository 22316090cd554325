// Command newsgraph builds a knowledge graph from news articles and serves
// it over GraphQL.
//
//	newsgraph extract [--format jsonl] [FILE...]
//	newsgraph load [--db PATH] [--backend bbolt|leveldb|memory] FILE|DIR...
//	newsgraph serve [--db PATH] [--addr HOST:PORT] [--load FILE|DIR...] [--gizmo]
//	newsgraph export [--db PATH] --format nquads
//	newsgraph train tagger|parser --train FILE --dev FILE --out DIR
//	newsgraph eval-parse FILE.conllu
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/eval/carb"
	"github.com/newsgraph/newsgraph/explorer"
	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/loadtest"
	nlpeval "github.com/newsgraph/newsgraph/nlp/eval"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/nlp/train"
	"github.com/newsgraph/newsgraph/store"
)

// config is everything the commands can be told.
type config struct {
	db       string
	backend  string
	base     string
	addr     string
	format   string
	load     []string
	maxBytes int
	workers  int
	batch    int
	progress bool
	articles int
	seed     uint64
	stdin    io.Reader
	duration time.Duration
	url      string // loadtest
	clients  int    // loadtest
	mix      string // loadtest
	http     httpOptions
}

// httpOptions are serve's limits and access rules.
type httpOptions struct {
	readOnly        bool
	writeToken      string
	noIntrospection bool
	noPlayground    bool
	gizmo           bool
	cors            []string
	maxBody         int64
	maxComplexity   int
	maxDepth        int
	timeout         time.Duration
	exportTimeout   time.Duration
	readTimeout     time.Duration
}

const usage = `usage: newsgraph COMMAND [flags] [args]

commands:
  extract [--format jsonl|carb] [FILE...]
                                          extract entities and statements, print JSON lines (stdin without FILE);
                                          carb: Open IE tuples of tokenized sentences, CaRB's tabbed format
  load [--db PATH|URL] [--workers N] [--batch N] FILE|DIR|FILE.jsonl|-...
                                          ingest articles (text files, or JSON lines of {text, title, source,
                                          publishedAt}) in parallel, skipping those already stored
  gen-corpus [--articles N] [--seed S]    print N generated news articles as JSON lines (for benchmarks)
  loadtest [--url URL] [--clients N] [--duration D] [--mix search=1,statements=1,subgraph=1,path=1,ingest=1]
                                          drive a server with concurrent clients; latency percentiles, errors, lost writes
  serve [--db PATH] [--addr HOST:PORT] [--load FILE|DIR...] [--gizmo]
                                          serve GraphQL at /query and the playground at /;
                                          --gizmo: Gizmo queries at /gizmo too (off by default);
                                          --timeout D: longest run of a request, --read-timeout D: longest
                                          a request may take to arrive (slow clients are cut off)
  export [--db PATH] [--format F]         print the whole graph: nquads (default), jsonld, json, graphml
  import [--db PATH] FILE.nq...           merge N-Quads (another newsgraph's export, any RDF with owl:sameAs)
  train tagger|parser --train FILE --dev FILE --out DIR
                                          train a model on a CoNLL-U treebank
  train calibration --sentences FILE --gold FILE
                                          learn the Open IE confidences on a CaRB split
  eval-parse FILE.conllu                  score tagger, lemmatizer and parser on a treebank
  eval-tokenize FILE.conllu               score the tokenizer and sentence splitter on a treebank
  eval-carb GOLD.tsv PRED.tabbed          score Open IE extractions with the CaRB scorer

Run "newsgraph COMMAND -h" for a command's flags.
`

func main() {
	log.SetFlags(0)
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1], os.Args[2:], os.Stdin, os.Stdout); err != nil {
		log.Printf("newsgraph %s: %v", os.Args[1], err)
		os.Exit(1)
	}
}

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

func run(ctx context.Context, cmd string, args []string, stdin io.Reader, stdout io.Writer) error {
	cfg := config{stdin: stdin}
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.StringVar(&cfg.db, "db", "newsgraph.db", "database directory, or a postgres:// URL for --backend postgres")
	fs.StringVar(&cfg.backend, "backend", store.Bolt, "store backend: bbolt, leveldb, memory or postgres")
	fs.StringVar(&cfg.base, "base", kg.DefaultBase, "base IRI of the graph's nodes")
	fs.IntVar(&cfg.maxBytes, "max-bytes", 2<<20, "largest article accepted, in bytes")
	switch cmd {
	case "extract":
		fs.StringVar(&cfg.format, "format", "jsonl", "output format: jsonl, or carb (input: one tokenized sentence per line)")
	case "export":
		fs.StringVar(&cfg.format, "format", "nquads", "output format: nquads, jsonld, json (networkx node-link) or graphml")
	case "import":
	case "load", "serve":
		if cmd == "serve" {
			fs.StringVar(&cfg.addr, "addr", "localhost:8080", "address to listen on")
			fs.Var((*multi)(&cfg.load), "load", "file or directory of articles to load before serving (repeatable)")
			fs.BoolVar(&cfg.http.readOnly, "read-only", false, "serve queries only: no mutations")
			fs.StringVar(&cfg.http.writeToken, "write-token", os.Getenv("NEWSGRAPH_WRITE_TOKEN"), "bearer token mutations need (default $NEWSGRAPH_WRITE_TOKEN)")
			fs.BoolVar(&cfg.http.noIntrospection, "no-introspection", false, "turn GraphQL introspection off")
			fs.BoolVar(&cfg.http.noPlayground, "no-playground", false, "do not serve the playground at /")
			fs.BoolVar(&cfg.http.gizmo, "gizmo", false, "serve Gizmo queries (Cayley's JavaScript) at /gizmo; they need the write token when one is set")
			fs.Var((*multi)(&cfg.http.cors), "cors-origin", "origin whose pages may call the API, or * (repeatable; default none)")
			fs.Int64Var(&cfg.http.maxBody, "max-body", graph.DefaultMaxBodyBytes, "largest request body, in bytes")
			fs.IntVar(&cfg.http.maxComplexity, "max-complexity", graph.DefaultMaxComplexity, "largest query cost (lists cost their size; traversals their reach)")
			fs.IntVar(&cfg.http.maxDepth, "max-depth", graph.DefaultMaxDepth, "deepest query nesting")
			fs.DurationVar(&cfg.http.timeout, "timeout", graph.DefaultTimeout, "longest a request may run (its context's deadline)")
			fs.DurationVar(&cfg.http.exportTimeout, "export-timeout", graph.DefaultExportTimeout, "longest GET /export (it streams the whole graph)")
			fs.DurationVar(&cfg.http.readTimeout, "read-timeout", DefaultReadTimeout, "longest a request, headers and body, may take to arrive")
		}
		fs.IntVar(&cfg.workers, "workers", 0, "extraction goroutines (0: one per core)")
		fs.IntVar(&cfg.batch, "batch", 64, "articles per write transaction")
		fs.BoolVar(&cfg.progress, "progress", true, "report progress on standard error")
	case "loadtest":
		fs.StringVar(&cfg.url, "url", "http://localhost:8080", "the server to drive")
		fs.IntVar(&cfg.clients, "clients", 16, "concurrent clients")
		fs.DurationVar(&cfg.duration, "duration", 30*time.Second, "how long to run")
		fs.StringVar(&cfg.mix, "mix", "search=1,statements=1,subgraph=1,path=1", "weights of search, statements, subgraph, path, ingest")
		fs.Uint64Var(&cfg.seed, "seed", 1, "request seed")
	case "gen-corpus":
		fs.IntVar(&cfg.articles, "articles", 1000, "how many articles")
		fs.Uint64Var(&cfg.seed, "seed", 1, "generator seed")
	case "train":
		return runTrain(args, stdout)
	case "eval-parse":
		return evalParse(args, stdout)
	case "eval-carb":
		return evalCarb(args, stdout)
	case "eval-tokenize":
		if len(args) != 1 {
			return errors.New("eval-tokenize needs one CoNLL-U file")
		}
		return nlpeval.EvalTokenize(args[0], stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		return fmt.Errorf("unknown command %q\n%s", cmd, usage)
	}
	if err := fs.Parse(interleave(fs, args)); err != nil {
		return err
	}
	switch cmd {
	case "extract":
		return extract(ctx, cfg, fs.Args(), stdin, stdout)
	case "load":
		if fs.NArg() == 0 {
			return errors.New("load needs at least one FILE or DIR")
		}
		return withStore(cfg, func(s *store.Store) error { return load(ctx, cfg, s, fs.Args(), stdout) })
	case "serve":
		return withStore(cfg, func(s *store.Store) error { return serve(ctx, cfg, s, stdout) })
	case "gen-corpus":
		return genCorpus(cfg, stdout)
	case "loadtest":
		return runLoadtest(ctx, cfg, stdout)
	case "export":
		return withStore(cfg, func(s *store.Store) error { return exportGraph(ctx, cfg.format, s, stdout) })
	case "import":
		if len(fs.Args()) == 0 {
			return errors.New("import needs an N-Quads file (- for standard input)")
		}
		return withStore(cfg, func(s *store.Store) error { return importQuads(ctx, s, fs.Args(), stdin, stdout) })
	}
	return nil
}

// interleave lets flags follow positional arguments: "load DIR --db x".
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && a != "-" {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") {
				if f := fs.Lookup(name); f != nil {
					if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !bf.IsBoolFlag() {
						if i+1 < len(args) {
							flags = append(flags, args[i+1])
							i++
						}
					}
				}
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, pos...)
}

func newLoader(cfg config) (*loader.Loader, error) {
	tg, err := pipeline.Default()
	if err != nil {
		return nil, err
	}
	return loader.New(tg, loader.Options{Base: cfg.base, MaxBytes: cfg.maxBytes}), nil
}

func withStore(cfg config, f func(*store.Store) error) error {
	s, err := store.Open(store.Config{Backend: cfg.backend, Path: cfg.db, Base: cfg.base})
	if err != nil {
		return err
	}
	ferr := f(s)
	if err := s.Close(); err != nil && ferr == nil {
		return fmt.Errorf("close store: %w", err)
	}
	return ferr
}

func extract(ctx context.Context, cfg config, files []string, stdin io.Reader, stdout io.Writer) error {
	if cfg.format == "carb" {
		return extractCarb(files, stdin, stdout)
	}
	if cfg.format != "jsonl" {
		return fmt.Errorf("unknown extract format %q (want jsonl or carb)", cfg.format)
	}
	l, err := newLoader(cfg)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		files = []string{"-"}
	}
	for _, f := range files {
		text, err := readArticle(f, stdin, cfg.maxBytes)
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
		if err := doc.WriteJSONL(stdout); err != nil {
			return err
		}
	}
	return nil
}

// extractCarb runs the Open IE extractor on tokenized sentences, one per
// line, and prints CaRB's tabbed format.
func extractCarb(files []string, stdin io.Reader, stdout io.Writer) error {
	m, err := pipeline.Embedded()
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return carb.ExtractTuples(m, stdin, stdout)
	}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		err = carb.ExtractTuples(m, f, stdout)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// readArticle reads a file ("-" for stdin), refusing more than max bytes.
func readArticle(name string, stdin io.Reader, max int) (string, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	if len(b) > max {
		return "", fmt.Errorf("%s: article is over the limit of %d bytes", name, max)
	}
	return string(b), nil
}

// load ingests every article (package ingest) and prints the summary; an
// article that fails is reported and the rest go on. It returns an error
// when the load could not go on, or when every article failed.
func load(ctx context.Context, cfg config, s *store.Store, paths []string, out io.Writer) error {
	l, err := newLoader(cfg)
	if err != nil {
		return err
	}
	icfg := ingest.Config{Sources: paths, Stdin: cfg.stdin, Workers: cfg.workers, Batch: cfg.batch, MaxBytes: cfg.maxBytes}
	if cfg.progress {
		icfg.Progress = ingest.NewProgress(os.Stderr)
	}
	sum, err := ingest.Run(ctx, icfg, l, s)
	fmt.Fprintf(out, "loaded %d articles (%d already present, %d failed) of %d read: %d statements, %d entities, %d quads, %d warnings, in %s (%.1f articles/s)\n",
		sum.Created, sum.Skipped, sum.Failed, sum.Read, sum.Statements, sum.Entities, sum.Quads, sum.Warnings,
		sum.Elapsed.Round(time.Millisecond), float64(sum.Read)/max(sum.Elapsed.Seconds(), 1e-9))
	for _, f := range sum.Failures {
		fmt.Fprintf(out, "  failed: %s: %s\n", f.Origin, f.Reason)
	}
	if more := sum.Failed - len(sum.Failures); more > 0 {
		fmt.Fprintf(out, "  ... and %d more failures\n", more)
	}
	if err != nil {
		return err
	}
	if sum.Failed > 0 && sum.Created == 0 && sum.Skipped == 0 {
		return fmt.Errorf("all %d articles failed", sum.Failed)
	}
	return nil
}

// routes mounts the endpoints: GraphQL at /query, exports at /export,
// Gizmo at /gizmo (when o.gizmo; a 404 saying so otherwise), the
// playground at /.
func routes(s *store.Store, l *loader.Loader, o httpOptions) http.Handler {
	if o.timeout <= 0 {
		o.timeout = graph.DefaultTimeout
	}
	if o.exportTimeout <= 0 {
		o.exportTimeout = graph.DefaultExportTimeout
	}
	mux := http.NewServeMux()
	res := graph.NewResolver(s, l)
	// No http.TimeoutHandler: it answered "timed out" while the request
	// went on (an ingest could commit after that answer) and buffered the
	// whole response. Handlers get a deadline instead, and answer with
	// what happened.
	mux.Handle("/query", graph.NewHandler(res, graph.HandlerOptions{Introspection: !o.noIntrospection,
		MaxBodyBytes: o.maxBody, Complexity: o.maxComplexity, MaxDepth: o.maxDepth, ReadOnly: o.readOnly, WriteToken: o.writeToken,
		Timeout: o.timeout}))
	mux.Handle("/export", graph.WithDeadline(graph.ExportHandler(res, s, store.Vocab), o.exportTimeout))
	if o.gizmo {
		mux.Handle("/gizmo", graph.GizmoHandler(s, graph.GizmoOptions{Token: o.writeToken}))
	} else {
		mux.Handle("/gizmo", graph.GizmoOff())
	}
	if !o.noPlayground {
		mux.Handle("/{$}", graph.Playground("/query"))
	}
	mux.Handle("/explore/", http.StripPrefix("/explore/", explorer.Handler()))
	return graph.CORS(o.cors, mux)
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
func newHTTPServer(h http.Handler, o httpOptions) *http.Server {
	if o.readTimeout <= 0 {
		o.readTimeout = DefaultReadTimeout
	}
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: min(10*time.Second, o.readTimeout),
		ReadTimeout:       o.readTimeout,
		IdleTimeout:       2 * time.Minute,
	}
}

func serve(ctx context.Context, cfg config, s *store.Store, out io.Writer) error {
	if len(cfg.load) > 0 {
		if err := load(ctx, cfg, s, cfg.load, out); err != nil {
			return err
		}
	}
	l, err := newLoader(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	srv := newHTTPServer(routes(s, l, cfg.http), cfg.http)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	addr := ln.Addr().String()
	fmt.Fprintf(out, "newsgraph: GraphQL at http://%s/query, playground at http://%s/, explorer at http://%s/explore/\n", addr, addr, addr)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		// Running requests get 10 s to finish; new ones are refused.
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(shut)
	}
}

// runLoadtest drives a server (package loadtest) and prints the report.
func runLoadtest(ctx context.Context, cfg config, out io.Writer) error {
	lc := loadtest.Config{URL: cfg.url, Clients: cfg.clients, Duration: cfg.duration, Seed: cfg.seed, Mix: map[string]int{}}
	for _, part := range strings.Split(cfg.mix, ",") {
		k, v, _ := strings.Cut(part, "=")
		n, err := strconv.Atoi(v)
		if err != nil || !slices.Contains(loadtest.Kinds, k) {
			return fmt.Errorf("bad --mix part %q (want kind=weight with kinds %s)", part, strings.Join(loadtest.Kinds, ", "))
		}
		lc.Mix[k] = n
	}
	res, err := loadtest.Run(ctx, lc)
	if err != nil {
		return err
	}
	res.Report(out, lc)
	if res.Lost > 0 || res.Statuses[http.StatusInternalServerError] > 0 {
		return fmt.Errorf("%d lost writes, %d server errors", res.Lost, res.Statuses[http.StatusInternalServerError])
	}
	return nil
}

// genCorpus writes generated articles as JSON lines.
func genCorpus(cfg config, w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	if err := corpus.Generate(cfg.articles, cfg.seed, func(a corpus.Article) error { return enc.Encode(a) }); err != nil {
		return err
	}
	return bw.Flush()
}

// exportGraph writes the whole graph: the store's own quads for N-Quads
// (a lossless round trip), a view of it for the other formats.
func exportGraph(ctx context.Context, format string, s *store.Store, w io.Writer) error {
	bw := bufio.NewWriter(w)
	if err := export.WriteSource(ctx, bw, format, s, store.Vocab); err != nil {
		return err
	}
	return bw.Flush()
}

// importQuads merges N-Quads files into the store.
func importQuads(ctx context.Context, s *store.Store, files []string, stdin io.Reader, out io.Writer) error {
	for _, name := range files {
		var r io.Reader = stdin
		if name != "-" {
			f, err := os.Open(name)
			if err != nil {
				return err
			}
			defer f.Close()
			r = f
		}
		n, err := s.ImportNQuads(ctx, r)
		if err != nil {
			return fmt.Errorf("import %s: %w", name, err)
		}
		fmt.Fprintf(out, "%s: %d quads\n", name, n)
	}
	return nil
}

// train runs `newsgraph train tagger|parser`.
func runTrain(args []string, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "calibration" {
		return trainCalibration(args[1:], stdout)
	}
	if len(args) == 0 || (args[0] != "tagger" && args[0] != "parser") {
		return errors.New("train needs a stage: tagger, parser or calibration")
	}
	fs := flag.NewFlagSet("train "+args[0], flag.ContinueOnError)
	cfg := train.TrainConfig{Log: stdout}
	fs.StringVar(&cfg.Train, "train", "", "training treebank (CoNLL-U)")
	fs.StringVar(&cfg.Dev, "dev", "", "development treebank (CoNLL-U), for choosing the epoch")
	fs.StringVar(&cfg.Out, "out", "loader/nlp/models", "model directory to write")
	fs.StringVar(&cfg.WordNet, "wordnet", "/usr/share/wordnet", "WordNet 3.0 dict directory (tagger only)")
	fs.IntVar(&cfg.Epochs, "epochs", 0, "training epochs (0: the stage's default)")
	fs.Int64Var(&cfg.Seed, "seed", 1, "shuffling seed")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if cfg.Train == "" || cfg.Dev == "" {
		return errors.New("train needs --train and --dev")
	}
	if args[0] == "tagger" {
		return train.TrainTagger(cfg)
	}
	return train.TrainParser(cfg)
}

// trainCalibration runs `newsgraph train calibration`: the Open IE
// confidence model, learned on a CaRB split.
func trainCalibration(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("train calibration", flag.ContinueOnError)
	cfg := carb.CalibrationConfig{Log: stdout}
	fs.StringVar(&cfg.Sentences, "sentences", "", "CaRB sentences, one tokenized sentence per line")
	fs.StringVar(&cfg.Gold, "gold", "", "CaRB gold tuples (tab-separated)")
	fs.IntVar(&cfg.Folds, "folds", 5, "cross-validation folds for the held-out report")
	fs.IntVar(&cfg.Iterations, "iterations", 300, "gradient steps")
	fs.Float64Var(&cfg.L2, "l2", 0.03, "L2 penalty")
	out := fs.String("out", "loader/openie/calibration.json", "where to write the model")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if cfg.Sentences == "" || cfg.Gold == "" {
		return errors.New("train calibration needs --sentences and --gold")
	}
	m, err := pipeline.Embedded()
	if err != nil {
		return err
	}
	c, err := carb.TrainCalibration(m, cfg)
	if err != nil {
		return err
	}
	b, err := c.JSON()
	if err != nil {
		return err
	}
	return os.WriteFile(*out, b, 0o644)
}

// evalParse runs `newsgraph eval-parse FILE.conllu`.
func evalParse(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("eval-parse", flag.ContinueOnError)
	models := fs.String("models", "", "model directory (default: the models built into the binary)")
	if err := fs.Parse(interleave(fs, args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("eval-parse needs one CoNLL-U file")
	}
	return nlpeval.EvalParse(fs.Arg(0), *models, stdout)
}

// evalCarb runs `newsgraph eval-carb GOLD PRED`.
func evalCarb(args []string, stdout io.Writer) error {
	if len(args) != 2 {
		return errors.New("eval-carb needs GOLD.tsv and PRED.tabbed")
	}
	gold, err := os.Open(args[0])
	if err != nil {
		return err
	}
	defer gold.Close()
	pred, err := os.Open(args[1])
	if err != nil {
		return err
	}
	defer pred.Close()
	_, _, err = carb.Report(gold, pred, stdout)
	return err
}

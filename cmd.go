package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/store"
)

// errHelp is a command's answer to -h: its flags were printed.
var errHelp = errors.New("help requested")

// flags is a command's flag set, printing its help to stdout.
func flags(c command, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprintf(out, "usage: newsgraph %s %s\n\n%s\n\nflags:\n", c.name, c.args, c.summary)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args, which may have flags after positional arguments
// ("load DIR --db x").
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(interleave(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return err
	}
	return nil
}

// interleave moves flags before positional arguments.
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

// multi is a repeatable string flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// storeConfig is where the graph is: the flags of the commands that open
// a store.
type storeConfig struct {
	db, backend, base string
	// readOnly opens the store read-only (export; serve --read-only: a
	// replica will do), which refuses a path with no database.
	readOnly bool
	// notes, when set, is told what the command should know of the
	// store it opened: that it keeps nothing, and with noteNew that it
	// is new and empty (a server started on a mistyped --db).
	notes   io.Writer
	noteNew bool
	// inUse is the command's advice when another process holds the
	// database (store.ErrInUse).
	inUse string
}

func addStoreFlags(fs *flag.FlagSet) *storeConfig {
	c := &storeConfig{}
	fs.StringVar(&c.db, "db", "", "database directory (default "+defaultDB+"), or a postgres:// URL for --backend postgres")
	fs.StringVar(&c.backend, "backend", store.Bolt, "store backend: bbolt, leveldb, memory or postgres")
	fs.StringVar(&c.base, "base", kg.DefaultBase, "base IRI of the graph's nodes")
	return c
}

// defaultDB is the database directory of the embedded backends when
// --db is not given.
const defaultDB = "newsgraph.db"

// withStore opens the store, runs f and closes it.
func withStore(c *storeConfig, f func(*store.Store) error) error {
	cfg := store.Config{Backend: c.backend, Path: c.db, Base: c.base, ReadOnly: c.readOnly}
	fresh := false
	switch c.backend {
	case store.Memory:
		if c.db != "" {
			return fmt.Errorf("--backend memory keeps the graph in memory and writes nothing to --db %s: drop --db, or use --backend bbolt", c.db)
		}
		if c.notes != nil {
			fmt.Fprintln(c.notes, "note: --backend memory keeps nothing: the graph is gone when this command ends")
		}
	case store.Postgres:
	default:
		if cfg.Path == "" {
			cfg.Path = defaultDB
		}
		_, err := os.Stat(cfg.Path)
		fresh = errors.Is(err, os.ErrNotExist)
	}
	s, err := store.Open(cfg)
	if errors.Is(err, store.ErrInUse) {
		advice := c.inUse
		if advice == "" {
			advice = "stop it, or use another --db"
		}
		return fmt.Errorf("%w;\n%s", err, advice)
	}
	if err != nil {
		return err
	}
	if fresh && c.noteNew && c.notes != nil {
		fmt.Fprintf(c.notes, "note: no database at %s: created an empty one\n", cfg.Path)
	}
	ferr := f(s)
	if err := s.Close(); err != nil && ferr == nil {
		return fmt.Errorf("close store: %w", err)
	}
	return ferr
}

// newLoader is the loader on the models built into the binary, with
// geocoding on the embedded gazetteer and then the resolvers given (a
// knowledge base's linker).
func newLoader(base string, maxBytes int, more ...loader.Resolver) (*loader.Loader, error) {
	p, err := pipeline.Default()
	if err != nil {
		return nil, err
	}
	g, err := geo.Default()
	if err != nil {
		return nil, err
	}
	rs := append([]loader.Resolver{geo.New(g)}, more...)
	return loader.New(p, loader.Options{Base: base, MaxBytes: maxBytes, Resolvers: rs}), nil
}

// newLoader is the loader articles are loaded with: --kb adds the
// knowledge base's linker.
func (c loadConfig) newLoader() (*loader.Loader, error) {
	var more []loader.Resolver
	if c.kb != "" {
		k, err := kb.Open(c.kb)
		if err != nil {
			return nil, fmt.Errorf("--kb: %w", err)
		}
		more = append(more, k)
	}
	return newLoader(c.base, c.maxBytes, more...)
}

// openInput opens a file, or stdin for "-".
func openInput(name string, stdin io.Reader) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(stdin), nil
	}
	return os.Open(name)
}

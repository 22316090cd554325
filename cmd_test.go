package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/store"
)

// Every command's help exits 0 (run returns nil), with -h and --help, and
// starts with its usage; serve's lists every path the server serves.
func TestHelp(t *testing.T) {
	for _, c := range commands {
		for _, flag := range []string{"-h", "--help"} {
			t.Run(c.name+flag, func(t *testing.T) {
				var out bytes.Buffer
				if err := run(context.Background(), c.name, []string{flag}, strings.NewReader(""), &out); err != nil {
					t.Fatalf("newsgraph %s %s: %v", c.name, flag, err)
				}
				if !strings.HasPrefix(out.String(), "usage: newsgraph "+c.name) {
					t.Errorf("help starts %.80q", out.String())
				}
			})
		}
	}
	var out bytes.Buffer
	if err := run(context.Background(), "serve", []string{"--help"}, nil, &out); err != nil {
		t.Fatal(err)
	}
	for _, e := range graph.Endpoints {
		if !strings.Contains(out.String(), "  "+e.Path+" ") {
			t.Errorf("serve --help does not list %s:\n%s", e.Path, out.String())
		}
	}
}

// Every path serve's help lists is served (with Gizmo on), and nothing
// else answers but what those paths hold.
func TestEndpointsServed(t *testing.T) {
	srv := sampleServer(t)
	for _, e := range graph.Endpoints {
		resp, err := http.Get(srv.URL + e.Path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(body) == "404 page not found\n" {
			t.Errorf("GET %s: the mux has no route", e.Path)
		}
	}
	resp, err := http.Get(srv.URL + "/no-such-path")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /no-such-path: %s", resp.Status)
	}
}

// A path that does not exist fails the load before it prints a summary; a
// directory's HTML files are loaded, its other files named as not read,
// and the loader's warnings printed.
func TestLoadReports(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	var out bytes.Buffer
	err := run(context.Background(), "load", []string{"--progress=false", "--db", db, filepath.Join(dir, "missing")}, nil, &out)
	if err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("load of a missing path: error %v", err)
	}
	if out.Len() > 0 {
		t.Errorf("load of a missing path printed %q before failing", out.String())
	}

	articles := filepath.Join(dir, "articles")
	if err := os.Mkdir(articles, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"a.html":    "<html><body><p>Joe Biden met Justin Trudeau in Ottawa on Monday.</p><p>They discussed trade.</p></body></html>",
		"b.txt":     "Angela Merkel visited Paris on Tuesday. " + strings.Repeat("word ", 250) + "end.",
		"notes.md":  "# not an article",
		".DS_Store": "x",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(articles, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out.Reset()
	if err := run(context.Background(), "load", []string{"--progress=false", "--db", db, articles}, nil, &out); err != nil {
		t.Fatalf("load: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{
		"loaded 2 articles",
		"warning: " + filepath.Join(articles, "b.txt") + ": sentence 1 has",
		"not read: " + filepath.Join(articles, "notes.md") + ": not an article file",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("load output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, ".DS_Store") {
		t.Errorf("load output names a hidden file:\n%s", got)
	}
}

// export and import on a database another process holds say how to do
// without it: GET /export, serve --read-only.
func TestInUseAdvice(t *testing.T) {
	db := t.TempDir()
	if err := run(context.Background(), "load", []string{"--progress=false", "--db", db, "testdata/articles/clock.txt"}, nil, io.Discard); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(store.Config{Backend: store.Bolt, Path: db})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "--db", db}, "GET /export"},
		{[]string{"import", "--db", db, "-"}, "serve --read-only"},
		{[]string{"load", "--db", db, "testdata/articles/clock.txt"}, "ingestArticle"},
	} {
		t.Run(tc.args[0], func(t *testing.T) {
			err := run(context.Background(), tc.args[0], tc.args[1:], strings.NewReader(""), io.Discard)
			if !errors.Is(err, store.ErrInUse) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s on a database in use: %v, want store.ErrInUse and %q", tc.args[0], err, tc.want)
			}
		})
	}
}

// A command that only reads refuses a path with no database instead of
// creating an empty one; no command opens a database with another
// backend's; --backend memory refuses a --db it would not write; a server
// started on a new path says so (repro 09).
func TestStoreMistakes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "real.db")
	if err := run(context.Background(), "load", []string{"--progress=false", "--db", db, "testdata/articles/clock.txt"}, nil, io.Discard); err != nil {
		t.Fatal(err)
	}
	typo := filepath.Join(dir, "typo", "graph.db")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"export of no database", []string{"export", "--db", typo}, "no database at " + typo},
		{"export with another backend", []string{"export", "--db", db, "--backend", "leveldb"}, "is a bbolt database"},
		{"load with another backend", []string{"load", "--progress=false", "--db", db, "--backend", "leveldb", "testdata/articles/clock.txt"}, "is a bbolt database"},
		{"load in memory with --db", []string{"load", "--progress=false", "--db", db, "--backend", "memory", "testdata/articles/clock.txt"}, "--backend memory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), tc.args[0], tc.args[1:], strings.NewReader(""), &out)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%v: %v, want an error with %q (output %.200q)", tc.args, err, tc.want, out.String())
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "typo")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("export created %s (%v)", typo, err)
	}
	if _, err := os.Stat(filepath.Join(db, ".newsgraph-leveldb")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a leveldb store was made inside the bbolt database (%v)", err)
	}
	var notes bytes.Buffer
	fresh := filepath.Join(dir, "new.db")
	if err := withStore(&storeConfig{db: fresh, backend: store.Bolt, notes: &notes, noteNew: true}, func(*store.Store) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if want := "no database at " + fresh + ": created an empty one"; !strings.Contains(notes.String(), want) {
		t.Errorf("a new database: notes %q, want %q", notes.String(), want)
	}
	notes.Reset()
	if err := withStore(&storeConfig{backend: store.Memory, notes: &notes}, func(*store.Store) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(notes.String(), "keeps nothing") {
		t.Errorf("the memory backend: notes %q, want a note that it keeps nothing", notes.String())
	}
}

// A load in which some articles failed loads the others and exits 1
// (scripts must tell it from a clean load), unless --allow-failures;
// negative limits are refused.
func TestLoadFailuresExit(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(good, []byte("Angela Merkel visited Rome on Friday."), 0o644)
	os.WriteFile(empty, nil, 0o644)
	var out bytes.Buffer
	err := run(context.Background(), "load", []string{"--progress=false", "--db", filepath.Join(dir, "a"), good, empty}, nil, &out)
	if err == nil || !strings.Contains(err.Error(), "1 of 2 articles failed") {
		t.Errorf("load with a failure: error %v, want 1 of 2 failed", err)
	}
	if !strings.Contains(out.String(), "loaded 1 articles") {
		t.Errorf("load with a failure did not load the good article:\n%s", out.String())
	}
	if err := run(context.Background(), "load", []string{"--progress=false", "--allow-failures", "--db", filepath.Join(dir, "b"), good, empty}, nil, io.Discard); err != nil {
		t.Errorf("load --allow-failures: %v", err)
	}
	for _, flag := range []string{"--batch", "--workers", "--max-bytes"} {
		err := run(context.Background(), "load", []string{"--progress=false", flag, "-1", "--db", filepath.Join(dir, "c"), good}, nil, io.Discard)
		if err == nil || !strings.Contains(err.Error(), flag+" -1: must not be negative") {
			t.Errorf("load %s -1: error %v", flag, err)
		}
	}
}

// An interrupted load says so and how to go on, not "context canceled".
func TestLoadInterrupted(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := run(ctx, "load", []string{"--progress=false", "--db", filepath.Join(dir, "db"), "testdata/articles/clock.txt"}, nil, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "interrupted after writing 0 articles: run the same load again") {
		t.Errorf("error %v, want an interrupted load", err)
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/store"
)

// TestMain lets a test run this binary as a `newsgraph` command in a
// child process (NEWSGRAPH_TEST_COMMAND="load --db ... FILE"), to kill it.
func TestMain(m *testing.M) {
	if cmd := os.Getenv("NEWSGRAPH_TEST_COMMAND"); cmd != "" {
		args := strings.Fields(cmd)
		if err := run(context.Background(), args[0], args[1:], os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// A bulk load killed with SIGKILL mid-way: the store opens, every article
// is wholly there or not at all, and running the load again completes the
// set, to the same graph as a load that was never interrupted.
// killArticles is how many articles TestKilledLoad loads: enough that the
// load is killed with most of them still to write.
const killArticles = 160

func TestKilledLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills a loader process")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "corpus.jsonl")
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	corpus.Generate(killArticles, 9, func(a corpus.Article) error { return enc.Encode(a) })
	if err := os.WriteFile(src, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "db")
	load := func() *exec.Cmd {
		c := exec.Command(os.Args[0], "-test.run=^$")
		c.Env = append(os.Environ(), "NEWSGRAPH_TEST_COMMAND=load --db "+db+" --batch 8 --progress=false "+src)
		return c
	}
	// Kill it once some batches are in.
	c := load()
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	for i := 0; i < 600 && !killed; i++ {
		time.Sleep(50 * time.Millisecond)
		if st, err := os.Stat(filepath.Join(db, "indexes.bolt")); err == nil && st.Size() > 4<<20 {
			c.Process.Signal(syscall.SIGKILL)
			killed = true
		}
	}
	err := c.Wait()
	if !killed {
		t.Fatalf("the load ended before it could be killed: %v", err)
	}

	// The reference: the same load, never interrupted, on a memory store.
	ref, _ := store.Open(store.Config{Backend: store.Memory})
	defer ref.Close()
	if err := load2(ref, src); err != nil {
		t.Fatal(err)
	}
	want := quadsByArticle(t, ref)

	s, err := store.Open(store.Config{Backend: store.Bolt, Path: db})
	if err != nil {
		t.Fatalf("the store does not open after the kill: %v", err)
	}
	got := quadsByArticle(t, s)
	s.Close()
	present := 0
	for art, n := range got {
		if !strings.Contains(art, "/article/") {
			continue
		}
		present++
		if n != want[art] {
			t.Errorf("article %s: %d of its %d quads after the kill", art, n, want[art])
		}
	}
	// Running the load again completes the set.
	c = load()
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("second load: %v\n%s", err, out)
	}
	s, err = store.Open(store.Config{Backend: store.Bolt, Path: db})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var a, bb bytes.Buffer
	s.ExportNQuads(context.Background(), &a)
	ref.ExportNQuads(context.Background(), &bb)
	if a.String() != bb.String() {
		t.Errorf("after the second load the graph differs from an uninterrupted load (%d and %d bytes of N-Quads)", a.Len(), bb.Len())
	}
	t.Logf("killed after %d of %d articles; the second load completed the set", present, killArticles)
}

func load2(s *store.Store, src string) error {
	return load(context.Background(), loadConfig{maxBytes: 2 << 20, batch: 8}, s, []string{src}, io.Discard)
}

// quadsByArticle counts the exported quads by label.
func quadsByArticle(t *testing.T, s *store.Store) map[string]int {
	t.Helper()
	var b bytes.Buffer
	if err := s.ExportNQuads(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	r := nquads.NewReader(&b, false)
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if l, ok := q.Label.(quad.IRI); ok {
			out[string(l)]++
		}
	}
	return out
}

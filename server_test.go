package main

import (
	"context"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/store"
)

// TestPythonClient runs examples/test_client.py (standard library path)
// against a live server holding the sample article. It skips when
// python3 is not installed.
func TestPythonClient(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cfg := config{maxBytes: 2 << 20}
	if err := load(context.Background(), cfg, s, []string{"testdata/articles/border-crossings.txt"}, io.Discard); err != nil {
		t.Fatal(err)
	}
	l, err := newLoader(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(routes(s, l, httpOptions{}))
	defer srv.Close()
	cmd := exec.Command(py, "test_client.py", srv.URL)
	cmd.Dir = "examples"
	cmd.Env = append(os.Environ(), "NEWSGRAPH_PLAIN=1", "PYTHONDONTWRITEBYTECODE=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python3 test_client.py: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

// The sample articles loaded in two orders give the same graph, byte for
// byte, cross-article links included.
func TestLoadOrder(t *testing.T) {
	files, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(files) < 10 {
		t.Fatalf("articles: %v (%d)", err, len(files))
	}
	export := func(order []string) string {
		s, err := store.Open(store.Config{Backend: store.Memory})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := load(context.Background(), config{maxBytes: 2 << 20}, s, order, io.Discard); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := s.ExportNQuads(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	reversed := slices.Clone(files)
	slices.Reverse(reversed)
	a, b := export(files), export(reversed)
	if a != b {
		t.Error("loading the sample articles in reverse order gave a different graph")
	}
	if !strings.Contains(a, "owl#sameAs") {
		t.Error("no cross-article link in the sample articles' graph")
	}
}

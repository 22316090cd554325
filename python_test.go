package main

import (
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

var updateNotebook = flag.Bool("update-notebook", false, "write the notebook Jupyter executed back to examples/notebook.ipynb")

// python finds the Python to run the client's tests with: $NEWSGRAPH_PYTHON,
// or python3.
func python(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("NEWSGRAPH_PYTHON"); p != "" {
		return p
	}
	p, err := exec.LookPath("python3")
	if err != nil {
		missing(t, "python3 not installed (apt-get install python3 python3-pandas python3-networkx)")
	}
	return p
}

// TestPythonClient runs the Python client's tests (python/tests) against a
// live server holding the sample article: with plain lists and dicts, and
// with pandas and networkx when the Python has them (the test log says
// which ran).
func TestPythonClient(t *testing.T) {
	py := python(t)
	srv := sampleServer(t)
	cmd := exec.Command(py, "-m", "unittest", "discover", "-v", "-s", "tests")
	cmd.Dir = "python"
	cmd.Env = append(os.Environ(), "NEWSGRAPH_URL="+srv.URL, "PYTHONDONTWRITEBYTECODE=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s -m unittest: %v\n%s", py, err, out)
	}
	t.Logf("%s", out)
}

// TestNotebook executes examples/notebook.ipynb in Jupyter (jupyter
// nbconvert --execute, which fails on any cell's error) against a live
// server holding the sample articles. The saved outputs should be what
// Jupyter gives: the test logs the cells whose outputs changed, and
// -update-notebook writes Jupyter's back. It skips without Jupyter
// (apt-get install jupyter-nbconvert python3-ipykernel python3-pandas
// python3-networkx).
func TestNotebook(t *testing.T) {
	jupyter, err := exec.LookPath("jupyter")
	if err != nil {
		missing(t, "jupyter not installed (apt-get install jupyter-nbconvert python3-ipykernel python3-pandas python3-networkx)")
	}
	files, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("sample articles: %v", err)
	}
	srv := articlesServer(t, files, graph.ServerOptions{Gizmo: true, MinConfidence: graph.DefaultMinConfidence})
	dir := t.TempDir()
	pythonPath, _ := filepath.Abs("python")
	cmd := exec.Command(jupyter, "nbconvert", "--to", "notebook", "--execute", "--output-dir", dir,
		"--ExecutePreprocessor.timeout=300", "--ExecutePreprocessor.record_timing=False", "notebook.ipynb")
	cmd.Dir = "examples"
	cmd.Env = append(os.Environ(), "NEWSGRAPH_URL="+srv.URL, "PYTHONPATH="+pythonPath, "PYTHONDONTWRITEBYTECODE=1",
		"PYDEVD_DISABLE_FILE_VALIDATION=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("jupyter nbconvert --execute: %v\n%s", err, out)
	}
	executed, err := os.ReadFile(filepath.Join(dir, "notebook.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	saved, err := os.ReadFile("examples/notebook.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	got, want := outputs(t, executed), outputs(t, saved)
	if len(got) != len(want) {
		t.Fatalf("executed notebook has %d code cells, saved %d", len(got), len(want))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Logf("code cell %d: Jupyter's output differs from the saved one (go test -run TestNotebook -update-notebook . saves it)", i+1)
		}
	}
	if *updateNotebook {
		if err := os.WriteFile("examples/notebook.ipynb", executed, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// outputs are the outputs of a notebook's code cells.
func outputs(t *testing.T, nb []byte) []any {
	t.Helper()
	var v struct {
		Cells []struct {
			CellType string `json:"cell_type"`
			Outputs  any    `json:"outputs"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(nb, &v); err != nil {
		t.Fatalf("notebook: %v", err)
	}
	var out []any
	for _, c := range v.Cells {
		if c.CellType == "code" {
			out = append(out, c.Outputs)
		}
	}
	return out
}

// articlesServer serves an in-memory store holding the articles of files.
func articlesServer(t *testing.T, files []string, o graph.ServerOptions) *httptest.Server {
	t.Helper()
	return loadedServer(t, loadConfig{maxBytes: 2 << 20}, files, o)
}

// loadedServer is articlesServer with the load's configuration given
// (a knowledge base, for example).
func loadedServer(t *testing.T, cfg loadConfig, files []string, o graph.ServerOptions) *httptest.Server {
	t.Helper()
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := load(context.Background(), cfg, s, files, io.Discard); err != nil {
		t.Fatal(err)
	}
	l, err := newLoader(kg.DefaultBase, cfg.maxBytes)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(serverRoutes(s, l, o))
	t.Cleanup(srv.Close)
	return srv
}

// missing skips a test whose tool is not installed, or fails it when
// $NEWSGRAPH_NO_SKIP is set: .ci/run sets it, having installed every tool,
// so that CI never passes by skipping.
func missing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("NEWSGRAPH_NO_SKIP") != "" {
		t.Fatalf("%s, and NEWSGRAPH_NO_SKIP is set", why)
	}
	t.Skip(why)
}

package graph

import (
	"bufio"
	"context"
	"errors"
	"log"
	"net/http"
	"strconv"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/traverse"
)

// ExportHandler serves GET /export?format=nquads|jsonld|json|graphml, of
// the whole graph, or of the subgraph around seed=ID (repeatable) with
// hops, direction, predicate (repeatable), minConfidence and maxNodes as
// in the subgraph query. The whole graph is streamed as it is read
// (export.WriteSource), so memory does not grow with the graph; a
// failure after the first bytes aborts the response rather than end it
// as if it were whole. The request's context bounds it (serve's
// --export-timeout).
func ExportHandler(r *Resolver, src export.Source, vocab string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method != http.MethodGet && req.Method != http.MethodHead {
			http.Error(w, "use GET", http.StatusMethodNotAllowed)
			return
		}
		q := req.URL.Query()
		format := q.Get("format")
		if format == "" {
			format = "nquads"
		}
		ct, ok := export.ContentType[format]
		if !ok {
			http.Error(w, "unknown format "+strconv.Quote(format)+" (want nquads, jsonld, json or graphml)", http.StatusBadRequest)
			return
		}
		out := &startedWriter{w: w, contentType: ct}
		bw := bufio.NewWriterSize(out, 64<<10)
		err := func() error {
			seeds := q["seed"]
			if len(seeds) == 0 {
				return export.WriteSource(req.Context(), bw, format, src, vocab)
			}
			g, err := r.svc.subgraphView(req.Context(), seeds, q)
			if err != nil {
				return err
			}
			return export.Write(bw, format, g, src.IRIs(), vocab)
		}()
		if err == nil {
			err = bw.Flush()
		}
		if err == nil {
			if !out.started {
				w.Header().Set("Content-Type", ct)
				w.WriteHeader(http.StatusOK)
			}
			return
		}
		if out.started {
			log.Printf("export: failed after the response began: %v", err)
			panic(http.ErrAbortHandler) // the client sees a broken response, not a short one
		}
		code := http.StatusInternalServerError
		switch {
		case kg.ErrorCode(err) == kg.EINVALID:
			code = http.StatusBadRequest
		case kg.ErrorCode(err) == kg.ENOTFOUND:
			code = http.StatusNotFound
		case errors.Is(err, context.DeadlineExceeded):
			code = http.StatusServiceUnavailable
			err = kg.Errorf(kg.EINTERNAL, "export timed out")
		default:
			log.Printf("export: %v", err)
			err = kg.Errorf(kg.EINTERNAL, "export failed")
		}
		http.Error(w, kg.ErrorMessage(err), code)
	})
}

// startedWriter sends the status and content type with the first bytes,
// and remembers that it did.
type startedWriter struct {
	w           http.ResponseWriter
	contentType string
	started     bool
}

func (s *startedWriter) Write(p []byte) (int, error) {
	if !s.started {
		s.started = true
		s.w.Header().Set("Content-Type", s.contentType)
		s.w.WriteHeader(http.StatusOK)
	}
	return s.w.Write(p)
}

// subgraphView is the subgraph of the query parameters as an export view.
func (s *Service) subgraphView(ctx context.Context, seeds []string, q map[string][]string) (*kg.Graph, error) {
	num := func(name string, def int) (int, error) {
		v := ""
		if vs := q[name]; len(vs) > 0 {
			v = vs[0]
		}
		if v == "" {
			return def, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return 0, kg.Errorf(kg.EINVALID, "%s must be a number", name)
		}
		return n, nil
	}
	hops, err := num("hops", 1)
	if err != nil {
		return nil, err
	}
	maxNodes, err := num("maxNodes", 100)
	if err != nil {
		return nil, err
	}
	o := TraversalOptions{Direction: traverse.Both, Predicates: q["predicate"]}
	if d := q["direction"]; len(d) > 0 {
		dir := model.Direction(d[0])
		if !dir.IsValid() {
			return nil, kg.Errorf(kg.EINVALID, "direction must be OUT, IN or BOTH")
		}
		o.Direction = direction(dir)
	}
	if c := q["minConfidence"]; len(c) > 0 {
		if o.MinConfidence, err = strconv.ParseFloat(c[0], 64); err != nil {
			return nil, kg.Errorf(kg.EINVALID, "minConfidence must be a number")
		}
	}
	sg, err := s.subgraph(ctx, seeds, hops, maxNodes, o)
	if err != nil {
		return nil, err
	}
	g := &kg.Graph{Statements: sg.Edges}
	for _, n := range sg.Nodes {
		switch n := n.(type) {
		case *kg.Entity:
			g.Entities = append(g.Entities, n)
		case kg.Node:
			g.Values = append(g.Values, n)
		}
	}
	for _, st := range g.Statements {
		for _, n := range []*kg.Node{&st.Subject, &st.Object} {
			if n.IsEntity() {
				if n.ID, err = s.store.Canonical(ctx, n.ID); err != nil {
					return nil, err
				}
			}
		}
	}
	return g, nil
}

package graph

import (
	"bytes"
	"context"
	"io"
	"log"
	"net/http"
	"strconv"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/kg"
)

// Exporter is what the export endpoint needs of a store besides Store:
// the whole graph as a view and as its own quads.
type Exporter interface {
	Graph(ctx context.Context) (*kg.Graph, error)
	ExportNQuads(ctx context.Context, w io.Writer) error
	IRIs() kg.IRIs
}

// ExportHandler serves GET /export?format=nquads|jsonld|json|graphml, of
// the whole graph, or of the subgraph around seed=ID (repeatable) with
// hops, direction, predicate (repeatable), minConfidence and maxNodes as
// in the subgraph query.
func ExportHandler(r *Resolver, x Exporter, vocab string) http.Handler {
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
		var buf bytes.Buffer
		err := func() error {
			seeds := q["seed"]
			if len(seeds) == 0 && format == "nquads" {
				return x.ExportNQuads(req.Context(), &buf)
			}
			var g *kg.Graph
			var err error
			if len(seeds) == 0 {
				g, err = x.Graph(req.Context())
			} else {
				g, err = r.svc.subgraphView(req.Context(), seeds, q)
			}
			if err != nil {
				return err
			}
			return export.Write(&buf, format, g, x.IRIs(), vocab)
		}()
		if err != nil {
			code := http.StatusInternalServerError
			switch kg.ErrorCode(err) {
			case kg.EINVALID:
				code = http.StatusBadRequest
			case kg.ENOTFOUND:
				code = http.StatusNotFound
			default:
				log.Printf("export: %v", err)
				err = kg.Errorf(kg.EINTERNAL, "export failed")
			}
			http.Error(w, kg.ErrorMessage(err), code)
			return
		}
		w.Header().Set("Content-Type", ct)
		w.Write(buf.Bytes())
	})
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
	o := TraversalOptions{Direction: model.DirectionBoth, Predicates: q["predicate"]}
	if d := q["direction"]; len(d) > 0 {
		o.Direction = model.Direction(d[0])
		if !o.Direction.IsValid() {
			return nil, kg.Errorf(kg.EINVALID, "direction must be OUT, IN or BOTH")
		}
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

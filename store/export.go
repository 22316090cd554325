package store

import (
	"bufio"
	"bytes"
	"container/heap"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	_ "github.com/cayleygraph/quad/voc/xsd" // the xsd: prefix, for fullType and shortType
	"github.com/newsgraph/newsgraph/kg"
)

// Export memory bounds: lines are sorted in runs of at most
// exportRunBytes, spilled to temporary files and merged; node values are
// cached up to exportCacheNodes at a time.
var (
	exportRunBytes   = 64 << 20
	exportCacheNodes = 1 << 18
)

// ExportNQuads writes every quad as N-Quads, and the links the store makes
// between entities of different articles as owl:sameAs quads (labelled
// {base}graph/links), sorted and without duplicates so that the same
// graph always exports to the same bytes. Memory stays bounded whatever
// the graph's size: lines are sorted in runs that spill to temporary
// files (in os.TempDir) and are merged as they are written.
//
// The export opens with the line ExportHeader and ends with a count of its
// quads (ExportEnd), comments in N-Quads: ImportNQuads refuses an export
// that lacks its end or whose count differs, so that a copy cut short
// (valid N-Quads up to the cut) is never taken for the whole graph.
func (s *Store) ExportNQuads(ctx context.Context, w io.Writer) error {
	if _, err := io.WriteString(w, ExportHeader+"\n"); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	cw := &lineCounter{w: w}
	if err := s.exportQuads(ctx, cw); err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, ExportEnd+"\n", cw.lines); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// ExportHeader opens an export; ExportEnd (with the number of quads) ends
// it.
const (
	ExportHeader = "# newsgraph export: N-Quads, ending with their count"
	ExportEnd    = "# end of the newsgraph export: %d quads"
)

// lineCounter counts the lines written through it.
type lineCounter struct {
	w     io.Writer
	lines int
}

func (c *lineCounter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.lines += bytes.Count(p[:n], []byte{'\n'})
	return n, err
}

// exportQuads writes the export's quads, sorted, one a line.
func (s *Store) exportQuads(ctx context.Context, w io.Writer) error {
	runs := &lineRuns{max: exportRunBytes}
	defer runs.remove()
	if err := s.exportLines(ctx, runs.add); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	links, err := s.SameAs(ctx)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	label := quad.IRI(s.iris.Base + "graph/links")
	for _, l := range links {
		if err := runs.add(quad.Quad{Subject: quad.IRI(l.From), Predicate: owlSameAs, Object: quad.IRI(l.To), Label: label}.NQuad()); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	if err := runs.merge(ctx, w); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// exportLines gives every stored quad, as an N-Quads line, to add. Quads
// are read as references and their nodes named in batches through a
// cache: most quads share their label, predicate and often subject with
// the quads around them.
func (s *Store) exportLines(ctx context.Context, add func(string) error) error {
	unlock := s.reading()
	defer unlock()
	qs := s.reader()
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	names := map[any]quad.Value{}
	const batch = 1024
	pending := make([][4]graph.Ref, 0, batch)
	flush := func() error {
		var missing []graph.Ref
		seen := map[any]bool{}
		for _, p := range pending {
			for _, r := range p {
				if r == nil {
					continue
				}
				k := r.Key()
				if _, ok := names[k]; !ok && !seen[k] {
					seen[k] = true
					missing = append(missing, r)
				}
			}
		}
		vals, err := valuesOf(ctx, qs, missing)
		if err != nil {
			return err
		}
		if len(names)+len(vals) > exportCacheNodes {
			clear(names)
		}
		for r, v := range vals {
			names[r.Key()] = v
		}
		for _, p := range pending {
			var q quad.Quad
			for d, r := range p {
				if r == nil {
					continue
				}
				v, ok := names[r.Key()]
				if !ok {
					v = vals[r]
				}
				q.Set(quad.Directions[d], v)
			}
			if q.Subject == nil || q.Predicate == nil || q.Object == nil {
				return fmt.Errorf("a stored quad has a node without a value: %v", p)
			}
			q.Object = fullType(q.Object)
			if err := add(q.NQuad()); err != nil {
				return err
			}
		}
		pending = pending[:0]
		return nil
	}
	for it.Next(ctx) {
		r := it.Result()
		var p [4]graph.Ref
		for d, dir := range quad.Directions {
			ref, err := qs.QuadDirection(r, dir)
			if err != nil {
				return err
			}
			p[d] = ref
		}
		pending = append(pending, p)
		if len(pending) == batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	return ctx.Err()
}

// lineRuns sorts lines with bounded memory: runs of up to max bytes are
// sorted and, when there is more than one, written to temporary files;
// merge writes them all in order without duplicates.
type lineRuns struct {
	max   int
	lines []string
	bytes int
	files []*os.File
}

func (r *lineRuns) add(l string) error {
	r.lines = append(r.lines, l)
	r.bytes += len(l) + 16
	if r.bytes >= r.max {
		return r.spill()
	}
	return nil
}

// sorted sorts the lines in memory and drops repeats.
func (r *lineRuns) sorted() []string {
	slices.Sort(r.lines)
	return slices.Compact(r.lines)
}

func (r *lineRuns) spill() error {
	f, err := os.CreateTemp("", "newsgraph-export-*.nq")
	if err != nil {
		return err
	}
	r.files = append(r.files, f)
	bw := bufio.NewWriterSize(f, 1<<20)
	for _, l := range r.sorted() {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	r.lines, r.bytes = r.lines[:0], 0
	return nil
}

// remove deletes the temporary files.
func (r *lineRuns) remove() {
	for _, f := range r.files {
		f.Close()
		os.Remove(f.Name())
	}
}

// merge writes every line once, in order.
func (r *lineRuns) merge(ctx context.Context, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	if len(r.files) == 0 {
		for _, l := range r.sorted() {
			bw.WriteString(l)
			if err := bw.WriteByte('\n'); err != nil {
				return err
			}
		}
		return bw.Flush()
	}
	if len(r.lines) > 0 {
		if err := r.spill(); err != nil {
			return err
		}
	}
	h := &runHeap{}
	for _, f := range r.files {
		rd := bufio.NewReaderSize(f, 1<<16)
		if l, err := rd.ReadString('\n'); err == nil {
			h.items = append(h.items, runHead{l, rd})
		} else if err != io.EOF {
			return err
		}
	}
	heap.Init(h)
	last := ""
	for n := 0; h.Len() > 0; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		top := &h.items[0]
		if top.line != last {
			last = top.line
			if _, err := bw.WriteString(top.line); err != nil {
				return err
			}
		}
		l, err := top.r.ReadString('\n')
		switch {
		case err == nil:
			top.line = l
			heap.Fix(h, 0)
		case err == io.EOF:
			heap.Pop(h)
		default:
			return err
		}
	}
	return bw.Flush()
}

// runHead is the next line of one run.
type runHead struct {
	line string
	r    *bufio.Reader
}

type runHeap struct{ items []runHead }

func (h *runHeap) Len() int           { return len(h.items) }
func (h *runHeap) Less(i, j int) bool { return h.items[i].line < h.items[j].line }
func (h *runHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *runHeap) Push(x any)         { h.items = append(h.items, x.(runHead)) }
func (h *runHeap) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}

// WriteGraph gives w the whole graph as a view for export, one item at a
// time so that memory holds IRIs, not the graph: one entity per cluster
// of joined entities, then every value a statement joins, then every
// statement with its subject and object on the canonical entities, each
// group sorted by IRI.
func (s *Store) WriteGraph(ctx context.Context, w kg.GraphWriter) error {
	x, err := s.currentLinks(ctx)
	if err != nil {
		return err
	}
	ids, err := s.subjectsOf(ctx, rdfType, classEntity)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, id := range ids {
		if x.canonical(id) != id {
			continue
		}
		e, err := s.Entity(ctx, id)
		if gone(err) {
			continue
		}
		if err != nil {
			return err
		}
		if err := w.Entity(e); err != nil {
			return err
		}
	}
	sids, err := s.subjectsOf(ctx, rdfType, classStatement)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	values := map[string]bool{}
	for i, id := range sids {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		e, err := s.edge(ctx, id)
		if gone(err) {
			continue
		}
		if err != nil {
			return err
		}
		for _, n := range []string{e.Subject, e.Object} {
			entity, _, _, ok := s.iris.Kind(n)
			if !ok && !values[n] {
				// an IRI of another scheme (an import): its type says
				nd, err := s.Node(ctx, n)
				if err != nil && !gone(err) {
					return err
				}
				entity = nd.IsEntity()
			}
			if !entity {
				values[n] = true
			}
		}
	}
	vids := make([]string, 0, len(values))
	for v := range values {
		vids = append(vids, v)
	}
	sort.Strings(vids)
	for _, id := range vids {
		n, err := s.Node(ctx, id)
		if gone(err) {
			continue
		}
		if err != nil {
			return err
		}
		if err := w.Value(n); err != nil {
			return err
		}
	}
	for i, id := range sids {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		st, err := s.Statement(ctx, id)
		if gone(err) {
			continue
		}
		if err != nil {
			return err
		}
		for _, n := range []*kg.Node{&st.Subject, &st.Object} {
			if n.IsEntity() {
				n.ID = x.canonical(n.ID)
			}
		}
		if err := w.Statement(st); err != nil {
			return err
		}
	}
	return nil
}

// fullType writes a typed literal's datatype as the full IRI RDF tools
// read ("http://www.w3.org/2001/XMLSchema#dateTime"); the store keeps
// Cayley's short form ("xsd:dateTime"), which import restores (shortType).
func fullType(v quad.Value) quad.Value {
	switch t := v.(type) {
	case quad.TypedString:
		t.Type = t.Type.Full()
		return t
	case quad.TypedStringer: // numbers, times, booleans
		ts := t.TypedString()
		ts.Type = ts.Type.Full()
		return ts
	}
	return v
}

// shortType is a typed literal in the form the store keeps: the short
// datatype, and the native value (a number, a time) where there is one.
func shortType(v quad.Value) quad.Value {
	if t, ok := v.(quad.TypedString); ok {
		t.Type = t.Type.Short()
		if n, err := t.ParseValue(); err == nil {
			return n // the native value the reader gives the short form
		}
		return t
	}
	return v
}

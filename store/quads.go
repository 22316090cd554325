package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/kg"
)

// gone reports whether err says that what was read no longer exists. A
// list read takes several transactions, so an item listed by one can be
// deleted before the next reads it: lists skip such items instead of
// failing (a delete running beside them is not an error).
func gone(err error) bool { return kg.ErrorCode(err) == kg.ENOTFOUND }

// quadsWith returns the quads whose direction d holds v.
func (s *Store) quadsWith(ctx context.Context, d quad.Direction, v quad.Value) ([]quad.Quad, error) {
	defer s.reading()()
	qs := s.reader()
	ref, err := qs.ValueOf(v)
	if err != nil {
		return nil, err
	}
	if ref == nil {
		return nil, nil
	}
	it := qs.QuadIterator(d, ref).Iterate()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	return out, ctx.Err()
}

func (s *Store) has(ctx context.Context, sub quad.Value, p, o quad.Value) (bool, error) {
	qs, err := s.quadsWith(ctx, quad.Subject, sub)
	if err != nil {
		return false, err
	}
	for _, q := range qs {
		if q.Predicate == p && q.Object == o {
			return true, nil
		}
	}
	return false, nil
}

// props is the outgoing edges of one node, by predicate, without
// duplicates (the same edge from several articles counts once).
type props map[quad.IRI][]quad.Value

func (p props) str(k quad.IRI) string {
	for _, v := range p[k] {
		return fmt.Sprint(quad.NativeOf(v))
	}
	return ""
}

func (p props) iri(k quad.IRI) string {
	for _, v := range p[k] {
		if i, ok := v.(quad.IRI); ok {
			return string(i)
		}
	}
	return ""
}

func (p props) num(k quad.IRI) (float64, bool) {
	for _, v := range p[k] {
		switch x := v.(type) {
		case quad.Int:
			return float64(x), true
		case quad.Float:
			return float64(x), true
		}
	}
	return 0, false
}

// iris is the IRIs among the values of k, sorted.
func (p props) iris(k quad.IRI) []string {
	var out []string
	for _, v := range p[k] {
		if i, ok := v.(quad.IRI); ok {
			out = append(out, string(i))
		}
	}
	sort.Strings(out)
	return out
}

func (p props) strs(k quad.IRI) []string {
	var out []string
	for _, v := range p[k] {
		out = append(out, fmt.Sprint(quad.NativeOf(v)))
	}
	sort.Strings(out)
	return out
}

func (s *Store) props(ctx context.Context, node string) (props, error) {
	defer s.reading()()
	qs := s.reader()
	ref, err := qs.ValueOf(quad.IRI(node))
	if err != nil || ref == nil {
		return props{}, err
	}
	// Only predicates and objects are needed: their references come with
	// each quad, and their values are looked up in one batch (predicates,
	// the small vocabulary, from a cache).
	type link struct{ p, o graph.Ref }
	var links []link
	seen := map[link]bool{}
	it := qs.QuadIterator(quad.Subject, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		r := it.Result()
		pr, err := qs.QuadDirection(r, quad.Predicate)
		if err != nil {
			return nil, err
		}
		or, err := qs.QuadDirection(r, quad.Object)
		if err != nil {
			return nil, err
		}
		l := link{pr, or}
		if !seen[l] {
			seen[l] = true
			links = append(links, l)
		}
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	refsToName := make([]graph.Ref, 0, 2*len(links))
	for _, l := range links {
		if _, ok := s.predName(l.p); !ok {
			refsToName = append(refsToName, l.p)
		}
		refsToName = append(refsToName, l.o)
	}
	vals, err := valuesOf(ctx, qs, refsToName)
	if err != nil {
		return nil, err
	}
	p := props{}
	for _, l := range links {
		pv, ok := s.predName(l.p)
		if !ok {
			pv = vals[l.p]
			s.cachePred(l.p, pv)
		}
		pred, ok := pv.(quad.IRI)
		if !ok {
			continue
		}
		if o := vals[l.o]; o != nil {
			p[pred] = append(p[pred], o)
		}
	}
	return p, ctx.Err()
}

// valuesOf names references of qs in one batch when qs can.
func valuesOf(ctx context.Context, qs graph.QuadStore, rs []graph.Ref) (map[graph.Ref]quad.Value, error) {
	out := make(map[graph.Ref]quad.Value, len(rs))
	if len(rs) == 0 {
		return out, nil
	}
	if bn, ok := qs.(refs.BatchNamer); ok {
		vs, err := bn.ValuesOf(ctx, rs)
		if err != nil {
			return nil, err
		}
		for i, r := range rs {
			out[r] = vs[i]
		}
		return out, nil
	}
	for _, r := range rs {
		v, err := qs.NameOf(r)
		if err != nil {
			return nil, err
		}
		out[r] = v
	}
	return out, nil
}

func (s *Store) predName(r graph.Ref) (quad.Value, bool) {
	k := r.Key()
	v, ok := s.preds.Load(k)
	if !ok {
		return nil, false
	}
	return v.(quad.Value), true
}

func (s *Store) cachePred(r graph.Ref, v quad.Value) {
	if v != nil {
		s.preds.Store(r.Key(), v)
	}
}

// subjectsOf returns the distinct subjects of quads with predicate p and
// object o, sorted.
func (s *Store) subjectsOf(ctx context.Context, p quad.IRI, o quad.Value) ([]string, error) {
	defer s.reading()()
	qs := s.reader()
	oref, err := qs.ValueOf(o)
	if err != nil || oref == nil {
		return nil, err
	}
	pref, err := qs.ValueOf(p)
	if err != nil || pref == nil {
		return nil, err
	}
	pk := pref.Key()
	var subs []graph.Ref
	seen := map[any]bool{}
	it := qs.QuadIterator(quad.Object, oref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		r := it.Result()
		qp, err := qs.QuadDirection(r, quad.Predicate)
		if err != nil {
			return nil, err
		}
		if qp == nil || qp.Key() != pk {
			continue
		}
		sr, err := qs.QuadDirection(r, quad.Subject)
		if err != nil {
			return nil, err
		}
		if !seen[sr.Key()] {
			seen[sr.Key()] = true
			subs = append(subs, sr)
		}
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	vals, err := valuesOf(ctx, qs, subs)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(subs))
	for _, r := range subs {
		if i, ok := vals[r].(quad.IRI); ok {
			out = append(out, string(i))
		}
	}
	sort.Strings(out)
	return out, ctx.Err()
}

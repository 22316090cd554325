package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/kg"
)

// Statement returns the statement with IRI id and all its provenance.
func (s *Store) Statement(ctx context.Context, id string) (*kg.Statement, error) {
	p, err := s.props(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("statement %s: %w", id, err)
	}
	if p.iri(rdfType) != string(classStatement) {
		return nil, kg.Errorf(kg.ENOTFOUND, "no statement %s", id)
	}
	st := &kg.Statement{ID: id, Predicate: p.str(pPredicate), Modality: p.str(pModality)}
	st.Negated = p.str(pNegated) == "true"
	if st.Subject, err = s.Node(ctx, p.iri(pSubject)); err != nil {
		return nil, err
	}
	if st.Object, err = s.Node(ctx, p.iri(pObject)); err != nil {
		return nil, err
	}
	for _, pv := range p[pProvenance] {
		pi, ok := pv.(quad.IRI)
		if !ok {
			continue
		}
		pp, err := s.props(ctx, string(pi))
		if err != nil {
			return nil, err
		}
		sent, _ := pp.num(pSentence)
		start, _ := pp.num(pStart)
		end, _ := pp.num(pEnd)
		conf, _ := pp.num(pConfidence)
		prov := kg.Provenance{Article: pp.iri(pArticle), Sentence: int(sent), Span: kg.Span{Start: int(start), End: int(end)},
			Text: pp.str(pText), Relation: pp.str(pRelation), Confidence: conf}
		if prov.Arguments, err = s.arguments(ctx, pp); err != nil {
			return nil, err
		}
		st.Provenance = append(st.Provenance, prov)
		if conf > st.Confidence {
			st.Confidence = conf
		}
		if a := pp.iri(pAttributedTo); a != "" && st.AttributedTo == nil {
			if n, err := s.Node(ctx, a); err == nil {
				st.AttributedTo = &n
			}
		}
		if st.Time == "" {
			st.Time = pp.str(pTime)
			st.Date = pp.str(pDate)
		}
		if st.Place == "" {
			st.Place = pp.str(pPlace)
		}
	}
	sort.Slice(st.Provenance, func(a, b int) bool {
		x, y := st.Provenance[a], st.Provenance[b]
		if x.Article != y.Article {
			return x.Article < y.Article
		}
		return x.Sentence < y.Sentence || x.Sentence == y.Sentence && x.Span.Start < y.Span.Start
	})
	if len(st.Provenance) > 0 {
		first := st.Provenance[0]
		st.Relation, st.Sentence, st.Span, st.Text = first.Relation, first.Sentence, first.Span, first.Text
		st.Arguments = first.Arguments
	}
	return st, nil
}

// arguments reads the further arguments of one reading of a statement, in
// their order.
func (s *Store) arguments(ctx context.Context, pp props) ([]kg.Argument, error) {
	type indexed struct {
		i int
		a kg.Argument
	}
	var out []indexed
	for _, av := range pp[pArgument] {
		ai, ok := av.(quad.IRI)
		if !ok {
			continue
		}
		ap, err := s.props(ctx, string(ai))
		if err != nil {
			return nil, err
		}
		v, err := s.Node(ctx, ap.iri(pArgValue))
		if err != nil {
			return nil, fmt.Errorf("argument %s: %w", ai, err)
		}
		i, _ := ap.num(pIndex)
		out = append(out, indexed{int(i), kg.Argument{Role: kg.Role(ap.str(pRole)), Via: ap.str(pVia), Value: v}})
	}
	sort.Slice(out, func(a, b int) bool { return out[a].i < out[b].i })
	args := make([]kg.Argument, len(out))
	for i, x := range out {
		args[i] = x.a
	}
	return args, nil
}

// Statements returns the statements that match f, most confident first,
// and how many match in all. They are Partial: read from their own nodes
// (Statement reads the rest).
func (s *Store) Statements(ctx context.Context, f kg.StatementFilter, offset, limit int) ([]*kg.Statement, int, error) {
	x, err := s.links(ctx)
	if err != nil {
		return nil, 0, err
	}
	inCluster := func(id, of string) bool { return x.canonical(id) == x.canonical(of) }
	var inPlace map[string]bool
	if f.Place != (kg.PlaceFilter{}) {
		if inPlace, err = s.statementsInPlace(ctx, f.Place); err != nil {
			return nil, 0, fmt.Errorf("statements: %w", err)
		}
	}
	var ids []string
	switch {
	case f.Subject != "":
		ids, err = s.statementsAbout(ctx, pSubject, x.cluster(f.Subject))
	case f.Object != "":
		ids, err = s.statementsAbout(ctx, pObject, x.cluster(f.Object))
	case f.Article != "":
		var provs []string
		provs, err = s.subjectsOf(ctx, pArticle, quad.IRI(f.Article))
		seen := map[string]bool{}
		for _, pv := range provs {
			sts, err2 := s.subjectsOf(ctx, pProvenance, quad.IRI(pv))
			if err2 != nil {
				return nil, 0, err2
			}
			for _, st := range sts {
				if !seen[st] {
					seen[st] = true
					ids = append(ids, st)
				}
			}
		}
		sort.Strings(ids)
	case inPlace != nil:
		for id := range inPlace {
			ids = append(ids, id)
		}
		sort.Strings(ids)
	default:
		ids, err = s.subjectsOf(ctx, rdfType, classStatement)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("statements: %w", err)
	}
	// Filter and order on the statements' own nodes (one read each), and
	// read whole statements only for the page.
	type found struct {
		kg.Edge
		pp props
	}
	var all []found
	for i, id := range ids {
		if i > 0 && id == ids[i-1] || inPlace != nil && !inPlace[id] {
			continue
		}
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, err
			}
		}
		e, pp, err := s.edgeProps(ctx, id)
		if gone(err) {
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		if f.Subject != "" && !inCluster(e.Subject, f.Subject) || f.Object != "" && !inCluster(e.Object, f.Object) ||
			f.Predicate != "" && e.Predicate != f.Predicate || e.Confidence < f.MinConfidence {
			continue
		}
		all = append(all, found{e, pp})
	}
	sort.SliceStable(all, func(a, b int) bool {
		if all[a].Confidence != all[b].Confidence {
			return all[a].Confidence > all[b].Confidence
		}
		return all[a].Statement < all[b].Statement
	})
	total := len(all)
	if offset > len(all) {
		offset = len(all)
	}
	all = all[offset:]
	if len(all) > limit {
		all = all[:limit]
	}
	out := make([]*kg.Statement, 0, len(all))
	for _, e := range all {
		st, err := s.head(ctx, e.Edge, e.pp)
		if gone(err) {
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		out = append(out, st)
	}
	return out, total, nil
}

// statementsAbout returns the statements whose p (subject or object) is
// one of ids, sorted.
func (s *Store) statementsAbout(ctx context.Context, p quad.IRI, ids []string) ([]string, error) {
	var out []string
	for _, id := range ids {
		more, err := s.subjectsOf(ctx, p, quad.IRI(id))
		if err != nil {
			return nil, err
		}
		out = append(out, more...)
	}
	sort.Strings(out)
	return out, nil
}

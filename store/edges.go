package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/kg"
)

// Cooccurring returns the entities mentioned in the same sentences and
// articles as id (its joined entities counted as one), by shared
// sentences, then shared articles, then IRI.
func (s *Store) Cooccurring(ctx context.Context, id string, limit int) ([]kg.Cooccurrence, error) {
	x, err := s.links(ctx)
	if err != nil {
		return nil, err
	}
	self := x.canonical(id)
	mine, err := s.Mentions(ctx, self)
	if err != nil {
		return nil, err
	}
	type place struct {
		article  string
		sentence int
	}
	here := map[place]bool{}
	articles := map[string]bool{}
	for _, m := range mine {
		here[place{m.Article, m.Sentence}] = true
		articles[m.Article] = true
	}
	arts := make([]string, 0, len(articles))
	for a := range articles {
		arts = append(arts, a)
	}
	sort.Strings(arts)
	sents := map[string]map[place]bool{}
	arti := map[string]map[string]bool{}
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ms, err := s.subjectsOf(ctx, pArticle, quad.IRI(a))
		if err != nil {
			return nil, fmt.Errorf("cooccurring %s: %w", id, err)
		}
		for _, m := range ms {
			p, err := s.props(ctx, m)
			if err != nil {
				return nil, err
			}
			if p.iri(rdfType) != string(classMention) {
				continue // a provenance: it has an article too
			}
			other := x.canonical(p.iri(pMentionOf))
			if other == self || other == "" {
				continue
			}
			if arti[other] == nil {
				arti[other], sents[other] = map[string]bool{}, map[place]bool{}
			}
			arti[other][a] = true
			n, _ := p.num(pSentence)
			if pl := (place{a, int(n)}); here[pl] {
				sents[other][pl] = true
			}
		}
	}
	out := make([]kg.Cooccurrence, 0, len(arti))
	for e, as := range arti {
		out = append(out, kg.Cooccurrence{Entity: e, Sentences: len(sents[e]), Articles: len(as)})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Sentences != b.Sentences {
			return a.Sentences > b.Sentences
		}
		if a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		return a.Entity < b.Entity
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// ArticlesMentioning returns the IRIs of the articles that mention id or
// an entity joined to it, sorted.
func (s *Store) ArticlesMentioning(ctx context.Context, id string) ([]string, error) {
	ms, err := s.Mentions(ctx, id)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, m := range ms {
		if !seen[m.Article] {
			seen[m.Article] = true
			out = append(out, m.Article)
		}
	}
	sort.Strings(out)
	return out, nil
}

// Edges returns at most limit of the statements whose subject (out) or
// object (in) is id or an entity joined to it, as edges (ends, predicate
// and best confidence), ranked as the adjacency index ranks them
// (adjacency.go: confidence, recency, the other end's degree), and how
// many there are in all. It answers from the index without reading the
// store: traversals read whole statements only for what they return.
func (s *Store) Edges(ctx context.Context, id string, out bool, limit int) ([]kg.Edge, int, error) {
	x, err := s.links(ctx)
	if err != nil {
		return nil, 0, err
	}
	a, err := s.adjacencyIndex(ctx)
	if err != nil {
		return nil, 0, err
	}
	edges, total := a.edges(x.cluster(id), out, limit)
	return edges, total, nil
}

// StatementHead returns the statement with IRI id without its provenance
// (Partial): its own node and its value ends, what a traversal returns;
// the API reads the rest only for the fields that need it. Once the
// adjacency index is built the statement's own node comes from it (only
// value ends are read); a statement it does not hold yet (written by
// another process a moment ago) is read from the store.
func (s *Store) StatementHead(ctx context.Context, id string) (*kg.Statement, error) {
	if a := s.adjIdx.Load(); a != nil {
		if st, ok := a.statement(id); ok {
			h := &kg.Statement{ID: st.id, Predicate: st.predicate, Modality: st.modality, Confidence: st.confidence, Negated: st.negated, Partial: true}
			var err error
			if h.Subject, err = s.end(ctx, st.subject); err != nil {
				return nil, err
			}
			if h.Object, err = s.end(ctx, st.object); err != nil {
				return nil, err
			}
			return h, nil
		}
	}
	e, pp, err := s.edgeProps(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.head(ctx, e, pp)
}

// edge reads one statement as an edge: one stored node.
func (s *Store) edge(ctx context.Context, sid string) (kg.Edge, error) {
	e, _, err := s.edgeProps(ctx, sid)
	return e, err
}

// head is a statement from its own node's properties (Partial). Its ends
// are read only when they are values: an entity end is its IRI and type
// (the entity is read by whoever needs its name).
func (s *Store) head(ctx context.Context, e kg.Edge, pp props) (*kg.Statement, error) {
	if pp.iri(rdfType) != string(classStatement) {
		return nil, kg.Errorf(kg.ENOTFOUND, "no statement %s", e.Statement)
	}
	st := &kg.Statement{ID: e.Statement, Predicate: e.Predicate, Modality: pp.str(pModality), Confidence: e.Confidence,
		Negated: pp.str(pNegated) == "true", Partial: true}
	var err error
	if st.Subject, err = s.end(ctx, e.Subject); err != nil {
		return nil, err
	}
	if st.Object, err = s.end(ctx, e.Object); err != nil {
		return nil, err
	}
	return st, nil
}

// end is a statement's end: read when it is a value, known by its IRI
// when it is an entity.
func (s *Store) end(ctx context.Context, iri string) (kg.Node, error) {
	if entity, t, _, ok := s.iris.Kind(iri); ok && entity {
		return kg.Node{ID: iri, Type: t}, nil
	}
	return s.Node(ctx, iri)
}

func (s *Store) edgeProps(ctx context.Context, sid string) (kg.Edge, props, error) {
	pp, err := s.props(ctx, sid)
	if err != nil {
		return kg.Edge{}, nil, err
	}
	e, err := s.edgeFrom(ctx, sid, pp)
	return e, pp, err
}

// edgeFrom is statement sid as an edge, from its node's properties pp.
func (s *Store) edgeFrom(ctx context.Context, sid string, pp props) (kg.Edge, error) {
	if pp.iri(rdfType) != string(classStatement) {
		return kg.Edge{}, kg.Errorf(kg.ENOTFOUND, "no statement %s", sid)
	}
	e := kg.Edge{Statement: sid, Subject: pp.iri(pSubject), Predicate: pp.str(pPredicate), Object: pp.iri(pObject)}
	found := false
	for _, v := range pp[pConfidence] {
		if f, ok := v.(quad.Float); ok && (!found || float64(f) > e.Confidence) {
			e.Confidence, found = float64(f), true
		}
	}
	if !found && len(pp) > 0 {
		// written before statements carried their confidence
		st, err := s.Statement(ctx, sid)
		if err != nil {
			return kg.Edge{}, err
		}
		e.Confidence = st.Confidence
	}
	return e, nil
}

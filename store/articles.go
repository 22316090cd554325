package store

import (
	"context"
	"fmt"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/kg"
)

// Article returns the article with IRI id.
func (s *Store) Article(ctx context.Context, id string) (*kg.Article, error) {
	p, err := s.props(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	if p.iri(rdfType) != string(classArticle) {
		return nil, kg.Errorf(kg.ENOTFOUND, "no article %s", id)
	}
	a := &kg.Article{ID: id, Title: p.str(pTitle), Source: p.str(pSource), Author: p.str(pAuthor), URL: p.str(pURL), Place: p.str(pPlace), Text: p.str(pText)}
	a.CopyOf = p.iri(pCopyOf)
	for _, v := range p[pPublishedAt] {
		if t, ok := v.(quad.Time); ok {
			a.PublishedAt = time.Time(t).UTC()
		}
	}
	return a, nil
}

// Articles lists articles by IRI.
func (s *Store) Articles(ctx context.Context, offset, limit int) ([]*kg.Article, int, error) {
	ids, err := s.subjectsOf(ctx, rdfType, classArticle)
	if err != nil {
		return nil, 0, fmt.Errorf("articles: %w", err)
	}
	var out []*kg.Article
	for i := offset; i < len(ids) && len(out) < limit; i++ {
		a, err := s.Article(ctx, ids[i])
		if gone(err) {
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		out = append(out, a)
	}
	return out, len(ids), nil
}

// Stats counts what the store holds.
type Stats struct {
	Articles, Entities, Statements, Quads int
}

// Stats returns counts of articles, entities, statements and quads.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	for _, c := range []struct {
		class quad.IRI
		n     *int
	}{{classArticle, &st.Articles}, {classEntity, &st.Entities}, {classStatement, &st.Statements}} {
		ids, err := s.subjectsOf(ctx, rdfType, c.class)
		if err != nil {
			return st, err
		}
		*c.n = len(ids)
	}
	unlock := s.reading()
	gs, err := s.reader().Stats(ctx, true)
	unlock()
	if err != nil {
		return st, err
	}
	st.Quads = int(gs.Quads.Value)
	return st, nil
}

// HasArticle reports whether the article with IRI id is stored.
func (s *Store) HasArticle(ctx context.Context, id string) (bool, error) {
	return s.has(ctx, quad.IRI(id), rdfType, classArticle)
}

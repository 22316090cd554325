package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

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

// Entity returns the entity with IRI id, or the entity it was joined to
// across articles (see kg.LinkEntities): its name and type are the
// canonical entity's, its aliases every name of every member, and its
// Members say which entities were joined and by which rule.
func (s *Store) Entity(ctx context.Context, id string) (*kg.Entity, error) {
	x, err := s.links(ctx)
	if err != nil {
		return nil, err
	}
	c := x.canonical(id)
	e, err := x.record(ctx, s, c)
	if gone(err) && c != id {
		// the index predates the deletion of the entity it joined id to
		c = id
		e, err = x.record(ctx, s, c)
	}
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{e.Name: true}
	for _, a := range e.Aliases {
		seen[a] = true
	}
	for _, m := range x.cluster(c) {
		if m == c {
			continue
		}
		r, err := x.record(ctx, s, m)
		if gone(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		e.Members = append(e.Members, kg.Member{ID: m, Name: r.Name, Type: r.Type, Rule: x.rule[m]})
		for _, n := range append([]string{r.Name}, r.Aliases...) {
			if !seen[n] {
				seen[n] = true
				e.Aliases = append(e.Aliases, n)
			}
		}
	}
	sort.Strings(e.Aliases)
	return e, nil
}

// entityRecord is one stored entity as its articles gave it, before
// cross-article linking.
func (s *Store) entityRecord(ctx context.Context, id string) (*kg.Entity, error) {
	p, err := s.props(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	if len(p[rdfType]) == 0 || p.iri(rdfType) != string(classEntity) {
		return nil, kg.Errorf(kg.ENOTFOUND, "no entity %s", id)
	}
	e := &kg.Entity{ID: id, Name: p.str(pName), Type: kg.EntityType(p.str(pEntityType)), Aliases: p.strs(pAlias)}
	if e.Aliases == nil {
		e.Aliases = []string{}
	}
	// Names can differ slightly between articles that share an IRI; the
	// first in sort order is shown and the others become aliases.
	if names := p.strs(pName); len(names) > 1 {
		e.Name = names[0]
		for _, n := range names[1:] {
			e.Aliases = append(e.Aliases, n)
		}
	}
	return e, nil
}

// Mentions returns the mentions of an entity across articles, the
// mentions of the entities joined to it included.
func (s *Store) Mentions(ctx context.Context, id string) ([]kg.MentionRecord, error) {
	x, err := s.links(ctx)
	if err != nil {
		return nil, err
	}
	var ms []string
	for _, m := range x.cluster(id) {
		more, err := s.subjectsOf(ctx, pMentionOf, quad.IRI(m))
		if err != nil {
			return nil, fmt.Errorf("mentions of %s: %w", id, err)
		}
		ms = append(ms, more...)
	}
	out := make([]kg.MentionRecord, 0, len(ms))
	for _, m := range ms {
		p, err := s.props(ctx, m)
		if err != nil {
			return nil, err
		}
		if p.iri(rdfType) != string(classMention) {
			continue // deleted since it was listed
		}
		start, _ := p.num(pStart)
		end, _ := p.num(pEnd)
		sent, _ := p.num(pSentence)
		out = append(out, kg.MentionRecord{Mention: kg.Mention{Start: int(start), End: int(end), Text: p.str(pText),
			Sentence: int(sent), Rule: p.str(pRule)}, Article: p.iri(pArticle)})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Article != out[b].Article {
			return out[a].Article < out[b].Article
		}
		return out[a].Start < out[b].Start
	})
	return out, nil
}

// SearchEntities finds entities whose name or an alias contains query
// (case and accents ignored), optionally of one type. Exact names come
// first, then prefixes, then the rest, each by name.
func (s *Store) SearchEntities(ctx context.Context, query string, typ kg.EntityType, offset, limit int) ([]*kg.Entity, int, error) {
	x, err := s.links(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("search entities: %w", err)
	}
	q := kg.Fold(query)
	type hit struct {
		e    *searchEntry
		rank int
	}
	var hits []hit
	for i := range x.search {
		e := &x.search[i]
		if typ != "" && e.typ != typ {
			continue
		}
		rank := -1
		for _, f := range e.folded {
			switch {
			case f == q:
				rank = 0
			case strings.HasPrefix(f, q) && (rank < 0 || rank > 1):
				rank = 1
			case strings.Contains(f, q) && rank < 0:
				rank = 2
			}
		}
		if rank >= 0 {
			hits = append(hits, hit{e, rank})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].rank != hits[b].rank {
			return hits[a].rank < hits[b].rank
		}
		if hits[a].e.name != hits[b].e.name {
			return hits[a].e.name < hits[b].e.name
		}
		return hits[a].e.id < hits[b].e.id
	})
	out := make([]*kg.Entity, 0, limit)
	for i := offset; i < len(hits) && len(out) < limit; i++ {
		e, err := s.Entity(ctx, hits[i].e.id)
		if gone(err) {
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		out = append(out, e)
	}
	return out, len(hits), nil
}

// Node returns the node (entity or value) with IRI id.
func (s *Store) Node(ctx context.Context, id string) (kg.Node, error) {
	p, err := s.props(ctx, id)
	if err != nil {
		return kg.Node{}, err
	}
	if len(p) == 0 {
		return kg.Node{}, kg.Errorf(kg.ENOTFOUND, "no node %s", id)
	}
	n := kg.Node{ID: id, Name: p.str(pName), Type: kg.EntityType(p.str(pEntityType)), Unit: p.str(pUnit)}
	if names := p.strs(pName); len(names) > 0 {
		n.Name = names[0]
	}
	if v, ok := p.num(pValue); ok {
		n.Value = &v
	}
	return n, nil
}

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
		if i > 0 && id == ids[i-1] {
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

// Article returns the article with IRI id.
func (s *Store) Article(ctx context.Context, id string) (*kg.Article, error) {
	p, err := s.props(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	if p.iri(rdfType) != string(classArticle) {
		return nil, kg.Errorf(kg.ENOTFOUND, "no article %s", id)
	}
	a := &kg.Article{ID: id, Title: p.str(pTitle), Source: p.str(pSource), Text: p.str(pText)}
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

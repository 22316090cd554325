package store

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/kg"
)

// DeleteArticle removes every quad labelled with the article, and with
// them every statement, mention and entity no other article supports. It
// reports whether the article existed; an IRI that names something other
// than an article (an entity, the label of shared quads) is refused with
// ENOTFOUND and deletes nothing.
func (s *Store) DeleteArticle(ctx context.Context, id string) (bool, error) {
	if err := s.writable(); err != nil {
		return false, err
	}
	if err := s.lockWrites(ctx); err != nil {
		return false, fmt.Errorf("delete %s: %w", id, err)
	}
	defer s.unlockWrites()
	if s.bulk != nil {
		return s.deleteSQL(ctx, id)
	}
	qs, err := s.deletion(ctx, id)
	if err != nil || len(qs) == 0 {
		return false, deleteError(id, err)
	}
	deltas := make([]graph.Delta, 0, len(qs))
	for _, q := range qs {
		deltas = append(deltas, graph.Delta{Quad: q, Action: graph.Delete})
	}
	unlock := s.writing()
	err = s.qs.ApplyDeltas(deltas, graph.IgnoreOpts{IgnoreMissing: true})
	unlock()
	if err != nil {
		return false, fmt.Errorf("delete %s: %w", id, s.afterFailedWrite(err))
	}
	// Readers' caches may name nodes this deletion removed.
	if err := s.renewReaders(); err != nil {
		return true, fmt.Errorf("delete %s: %w", id, err)
	}
	arts, stmts := edgeChanges(qs)
	s.changed(ctx, 0, linkSubjects(qs), arts, stmts)
	return true, nil
}

// deleteSQL deletes an article on PostgreSQL, where other processes may
// write at the same time: what to delete is read while holding, alone,
// the lock every write shares (sqlBulk.deleting).
func (s *Store) deleteSQL(ctx context.Context, id string) (bool, error) {
	var nodes, arts, stmts []string
	seq, err := s.bulk.deleting(ctx, func() ([]quad.Quad, *change, error) {
		qs, err := s.deletion(ctx, id)
		nodes = linkSubjects(qs)
		arts, stmts = edgeChanges(qs)
		return qs, &change{op: "delete", article: id, nodes: nodes}, err
	})
	if err != nil {
		return false, deleteError(id, err)
	}
	if seq == 0 {
		return false, nil
	}
	s.changed(ctx, seq, nodes, arts, stmts)
	return true, nil
}

// deletion is what deleting article id deletes: its quads and the
// shared quads left without a use (orphans); none when it is not stored.
func (s *Store) deletion(ctx context.Context, id string) ([]quad.Quad, error) {
	exists, err := s.HasArticle(ctx, id)
	if err != nil {
		return nil, err
	}
	if !exists {
		if s.iris.IsArticle(id) {
			return nil, nil // deleted before, or never loaded
		}
		return nil, kg.Errorf(kg.ENOTFOUND, "no article %s", id)
	}
	qs, err := s.quadsWith(ctx, quad.Label, quad.IRI(id))
	if err != nil || len(qs) == 0 {
		return nil, err
	}
	orphans, err := s.orphans(ctx, qs)
	if err != nil {
		return nil, err
	}
	return append(qs, orphans...), nil
}

// deleteError gives err the context of deleting id; "no such article"
// is said as it is.
func deleteError(id string, err error) error {
	if err == nil || gone(err) {
		return err
	}
	return fmt.Errorf("delete %s: %w", id, err)
}

// orphans are the shared quads (see nodesLabel) that no article needs once
// the quads gone are deleted: statements left without a reading, and
// entities and values left without a mention, a statement, an argument or
// an attribution, with the direct edges of the statements.
func (s *Store) orphans(ctx context.Context, gone []quad.Quad) (out []quad.Quad, err error) {
	goneSet := map[quad.Quad]bool{}
	for _, q := range gone {
		goneSet[q] = true
	}
	// survives reports whether some quad with predicate p and object o
	// stays.
	survives := func(p quad.IRI, o quad.Value) (bool, error) {
		qs, err := s.quadsWith(ctx, quad.Object, o)
		if err != nil {
			return false, err
		}
		for _, q := range qs {
			if q.Predicate == p && !goneSet[q] {
				return true, nil
			}
		}
		return false, nil
	}
	sharedOf := func(iri quad.Value) ([]quad.Quad, error) {
		qs, err := s.quadsWith(ctx, quad.Subject, iri)
		if err != nil {
			return nil, err
		}
		var out []quad.Quad
		for _, q := range qs {
			if q.Label == quad.IRI(s.iris.Base+nodesLabel) {
				out = append(out, q)
			}
		}
		return out, nil
	}
	// A quad deleted twice in one ApplyDeltas call would be counted off
	// its nodes twice.
	defer func() { out = uniqueQuads(out) }()
	deadStatements := map[quad.Value]bool{}
	nodes := map[quad.Value]bool{}  // entities and values to look at
	places := map[quad.Value]bool{} // places an entity or article referred to
	for _, q := range gone {
		switch q.Predicate {
		case pProvenance:
			if deadStatements[q.Subject] {
				continue
			}
			ok, err := s.hasOther(ctx, q.Subject, pProvenance, goneSet)
			if err != nil {
				return nil, err
			}
			if !ok {
				deadStatements[q.Subject] = true
			}
		case pMentionOf, pArgValue, pAttributedTo:
			nodes[q.Object] = true
		case pLocation:
			places[q.Object] = true
		case pClaimedBy:
			// the property goes with the last article that claims it
			ok, err := s.hasOther(ctx, q.Subject, pClaimedBy, goneSet)
			if err != nil {
				return nil, err
			}
			if ok {
				continue
			}
			sh, err := sharedOf(q.Subject)
			if err != nil {
				return nil, err
			}
			var prop quad.Quad
			for _, c := range sh {
				switch c.Predicate {
				case pClaimSubject:
					prop.Subject = c.Object
				case pClaimPredicate:
					prop.Predicate = c.Object
				case pClaimObject:
					prop.Object = c.Object
				}
			}
			out = append(out, sh...)
			if prop.Subject != nil && prop.Predicate != nil && prop.Object != nil {
				prop.Label = quad.IRI(s.iris.Base + nodesLabel)
				out = append(out, prop)
				goneSet[prop] = true
				if prop.Predicate == owlSameAs {
					places[prop.Object] = true
				}
			}
		}
	}
	for st := range deadStatements {
		sh, err := sharedOf(st)
		if err != nil {
			return nil, err
		}
		var subj, obj quad.Value
		var pred string
		for _, q := range sh {
			switch q.Predicate {
			case pSubject:
				subj = q.Object
			case pObject:
				obj = q.Object
			case pPredicate:
				pred = fmt.Sprint(quad.NativeOf(q.Object))
			}
		}
		out = append(out, sh...)
		for _, q := range sh {
			goneSet[q] = true
		}
		nodes[subj], nodes[obj] = true, true
		// The direct edge goes with the last statement that makes it (a
		// negated and a plain reading share it).
		if subj != nil && obj != nil {
			edge := quad.Quad{Subject: subj, Predicate: quad.IRI(s.iris.Predicate(pred)), Object: obj, Label: quad.IRI(s.iris.Base + nodesLabel)}
			kept := false
			others, err := s.quadsWith(ctx, quad.Object, subj)
			if err != nil {
				return nil, err
			}
			for _, o := range others {
				if o.Predicate == pSubject && !deadStatements[o.Subject] && !goneSet[o] {
					p2, err := s.props(ctx, iriOf(o.Subject))
					if err != nil {
						return nil, err
					}
					if p2.str(pPredicate) == pred && p2.iri(pObject) == iriOf(obj) {
						kept = true
						break
					}
				}
			}
			if !kept {
				out = append(out, edge)
			}
		}
	}
	for n := range nodes {
		if n == nil {
			continue
		}
		needed := false
		for _, p := range []quad.IRI{pMentionOf, pSubject, pObject, pArgValue, pAttributedTo} {
			ok, err := survives(p, n)
			if err != nil {
				return nil, err
			}
			if ok {
				needed = true
				break
			}
		}
		if needed {
			continue
		}
		sh, err := sharedOf(n)
		if err != nil {
			return nil, err
		}
		for _, q := range sh {
			if q.Predicate == rdfType || q.Predicate == pName || q.Predicate == pEntityType || q.Predicate == pAlias ||
				q.Predicate == pValue || q.Predicate == pUnit {
				out = append(out, q)
			}
		}
	}
	// A place goes with the last entity sameAs it and article filed from
	// it.
	for pl := range places {
		needed := false
		for _, p := range []quad.IRI{owlSameAs, pLocation} {
			ok, err := survives(p, pl)
			if err != nil {
				return nil, err
			}
			needed = needed || ok
		}
		if needed {
			continue
		}
		sh, err := sharedOf(pl)
		if err != nil {
			return nil, err
		}
		out = append(out, sh...)
	}
	return out, nil
}

// uniqueQuads drops repeated quads, keeping the first of each.
func uniqueQuads(qs []quad.Quad) []quad.Quad {
	seen := make(map[quad.Quad]bool, len(qs))
	out := qs[:0]
	for _, q := range qs {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}

// iriOf is the IRI in v, or "".
func iriOf(v quad.Value) string {
	if i, ok := v.(quad.IRI); ok {
		return string(i)
	}
	return ""
}

// hasOther reports whether sub has a p quad that is not in gone.
func (s *Store) hasOther(ctx context.Context, sub quad.Value, p quad.IRI, gone map[quad.Quad]bool) (bool, error) {
	qs, err := s.quadsWith(ctx, quad.Subject, sub)
	if err != nil {
		return false, err
	}
	for _, q := range qs {
		if q.Predicate == p && !gone[q] {
			return true, nil
		}
	}
	return false, nil
}

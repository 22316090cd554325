package store

import (
	"context"
	"fmt"
	"log"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/kg"
)

// Ingest writes a document. Ingesting an article that is already stored
// changes nothing and reports Created false.
func (s *Store) Ingest(ctx context.Context, doc *kg.Document) (kg.IngestResult, error) {
	res, err := s.IngestBatch(ctx, []*kg.Document{doc})
	if len(res) == 0 {
		return kg.IngestResult{Article: doc.Article}, err
	}
	return res[0], err
}

// IngestBatch writes documents in one transaction (one ApplyDeltas call, or
// one COPY transaction on PostgreSQL): after a crash each article is
// wholly there or not at all. Articles already stored, or twice in the
// batch, are skipped and reported with Created false.
func (s *Store) IngestBatch(ctx context.Context, docs []*kg.Document) ([]kg.IngestResult, error) {
	res := make([]kg.IngestResult, len(docs))
	for i, doc := range docs {
		res[i] = kg.IngestResult{Article: doc.Article, Statements: len(doc.Statements), Entities: len(doc.Entities)}
		if doc.Article.ID == "" {
			return res, kg.Errorf(kg.EINVALID, "document has no article id")
		}
		// Checked before the transaction: a string the database cannot
		// take would otherwise fail the whole batch without naming the
		// article.
		if err := doc.Article.CheckUTF8(); err != nil {
			return res, err
		}
	}
	if err := s.writable(); err != nil {
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	// A request that timed out while waiting for the lock writes
	// nothing: it is never committed after its caller was told otherwise.
	if err := s.lockWrites(ctx); err != nil {
		return res, err
	}
	defer s.unlockWrites()
	var quads, created []quad.Quad
	var ids []string
	seen := map[string]bool{}
	for i, doc := range docs {
		if seen[doc.Article.ID] {
			continue
		}
		seen[doc.Article.ID] = true
		exists, err := s.has(ctx, quad.IRI(doc.Article.ID), rdfType, classArticle)
		if err != nil {
			return res, fmt.Errorf("ingest %s: %w", doc.Article.ID, err)
		}
		if exists {
			continue
		}
		q := s.documentQuads(doc)
		res[i].Quads = len(q)
		res[i].Created = true
		quads = append(quads, q...)
		created = append(created, q[0]) // the article's type (documentQuads)
		ids = append(ids, doc.Article.ID)
	}
	if len(quads) == 0 {
		return res, nil
	}
	nodes := linkSubjects(quads)
	seq, made, err := s.write(ctx, quads, &change{op: "ingest", article: strings.Join(ids, " "), nodes: nodes}, created)
	if err != nil {
		for i := range res {
			res[i].Created = false
		}
		return res, fmt.Errorf("write %d articles: %w", len(docs), err)
	}
	if made != nil {
		// Another process wrote some of these articles at the same time
		// and was first.
		for i := range res {
			if res[i].Created && !made[quad.IRI(docs[i].Article.ID)] {
				res[i].Created, res[i].Quads = false, 0
			}
		}
	}
	arts, stmts := edgeChanges(quads)
	s.changed(ctx, seq, nodes, arts, stmts)
	return res, nil
}

// writable refuses writes to a store opened read-only.
func (s *Store) writable() error {
	if s.readOnly {
		return kg.Errorf(kg.EINVALID, "the store is open read-only (a replica?): write through the primary")
	}
	return nil
}

// changed brings this process's link and adjacency indexes up to date
// after its own write, logged as entry seq on a shared database: nodes
// are those whose link records changed, articles and stmts the
// statements the write touched. A failure to read them does not undo
// the committed write: the indexes are then built again, in full, on
// next use.
func (s *Store) changed(ctx context.Context, seq int64, nodes, articles, stmts []string) {
	ctx = context.WithoutCancel(ctx)
	if err := s.updateLinks(ctx, nodes); err != nil {
		log.Printf("newsgraph: relinking after a write: %v (rebuilding the link index)", err)
		s.rebuildLinks()
	} else if err := s.refreshEdges(ctx, articles, stmts); err != nil {
		log.Printf("newsgraph: updating the adjacency index after a write: %v (rebuilding it)", err)
		s.dropAdjacency()
	}
	s.wrote(seq)
}

// lockWrites takes the write lock, or fails when ctx ends first (even if
// the lock came free at the same moment).
func (s *Store) lockWrites(ctx context.Context) error {
	select {
	case s.writeLock <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	if err := ctx.Err(); err != nil {
		s.unlockWrites()
		return err
	}
	return nil
}

func (s *Store) unlockWrites() { <-s.writeLock }

// write adds quads in one transaction. On PostgreSQL it logs c in the
// same transaction and returns its sequence number, and which subjects
// of created it inserted (see sqlBulk.write); elsewhere nil, as the
// write lock makes each write see the ones before it.
func (s *Store) write(ctx context.Context, quads []quad.Quad, c *change, created []quad.Quad) (int64, map[quad.Value]bool, error) {
	if s.bulk != nil {
		return s.bulk.write(ctx, quads, c, created)
	}
	deltas := make([]graph.Delta, len(quads))
	for i, q := range quads {
		deltas[i] = graph.Delta{Quad: q, Action: graph.Add}
	}
	unlock := s.writing()
	err := s.qs.ApplyDeltas(deltas, graph.IgnoreOpts{IgnoreDup: true})
	unlock()
	if err != nil {
		return 0, nil, s.afterFailedWrite(err)
	}
	return 0, nil, nil
}

// claimIRI names the claim that sub has property p with value o.
func (s *Store) claimIRI(sub, p quad.IRI, o quad.Value) quad.IRI {
	return quad.IRI(s.iris.Claim(string(sub), string(p), o.String()))
}

// documentQuads is the quad form of a document, as the package doc
// describes.
func (s *Store) documentQuads(doc *kg.Document) []quad.Quad {
	a := doc.Article
	label := quad.IRI(a.ID)
	var out []quad.Quad
	add := func(sub quad.Value, p quad.IRI, o quad.Value) {
		out = append(out, quad.Quad{Subject: sub, Predicate: p, Object: o, Label: label})
	}
	// What entities, values and statements are, whatever article says so,
	// is stored once, under the shared label: reading a node that a
	// thousand articles mention reads its few properties, not a thousand
	// copies. DeleteArticle removes these when no article needs them.
	nodes := quad.IRI(s.iris.Base + nodesLabel)
	shared := func(sub quad.Value, p quad.IRI, o quad.Value) {
		out = append(out, quad.Quad{Subject: sub, Predicate: p, Object: o, Label: nodes})
	}
	art := quad.IRI(a.ID)
	add(art, rdfType, classArticle)
	add(art, pHash, quad.String(kg.ArticleHash(a.Text)))
	add(art, pText, quad.String(a.Text))
	if a.Title != "" {
		add(art, pTitle, quad.String(a.Title))
	}
	if a.Source != "" {
		add(art, pSource, quad.String(a.Source))
	}
	if a.Author != "" {
		add(art, pAuthor, quad.String(a.Author))
	}
	if a.URL != "" {
		add(art, pURL, quad.String(a.URL))
	}
	if a.CopyOf != "" {
		add(art, pCopyOf, quad.IRI(a.CopyOf))
	}
	if a.Place != "" {
		add(art, pPlace, quad.String(a.Place))
	}
	if !a.PublishedAt.IsZero() {
		add(art, pPublishedAt, quad.Time(a.PublishedAt.UTC()))
	}
	// A place is what GeoNames says of it, the same for every article:
	// shared, and deleted with the last entity or article that refers to
	// it (orphans).
	place := func(l *kg.Geocode) quad.IRI {
		iri := quad.IRI(kg.GeonamesIRI(l.GeonamesID))
		shared(iri, rdfType, classPlace)
		shared(iri, pLat, quad.Float(l.Lat))
		shared(iri, pLong, quad.Float(l.Lon))
		shared(iri, pCountryCode, quad.String(l.CountryCode))
		if l.Admin != "" {
			shared(iri, pAdmin, quad.String(l.Admin))
		}
		shared(iri, pPlaceKind, quad.String(l.Kind))
		return iri
	}
	if a.Location != nil {
		add(art, pLocation, place(a.Location))
	}
	// A property that articles may give a shared node differently (two
	// spellings of a name that share an IRI, the aliases each article
	// uses) is a claim: the property itself is shared, and a claim node,
	// also shared, names it; each article that makes the claim adds one
	// quad of its own to the claim node, so that deleting the last such
	// article deletes the property (orphans).
	claimed := map[quad.IRI]bool{}
	claim := func(sub quad.IRI, p quad.IRI, o quad.Value) {
		shared(sub, p, o)
		c := s.claimIRI(sub, p, o)
		if claimed[c] {
			return
		}
		claimed[c] = true
		shared(c, rdfType, classClaim)
		shared(c, pClaimSubject, sub)
		shared(c, pClaimPredicate, p)
		shared(c, pClaimObject, o)
		add(c, pClaimedBy, art)
	}
	for _, e := range doc.Entities {
		ent := quad.IRI(e.ID)
		shared(ent, rdfType, classEntity)
		claim(ent, pName, quad.String(e.Name))
		shared(ent, pEntityType, quad.String(string(e.Type)))
		for _, al := range e.Aliases {
			claim(ent, pAlias, quad.String(al))
		}
		// An entity's GeoNames feature and knowledge-base items are
		// owl:sameAs claims: the cross-article linker joins what they
		// join, and an export carries them.
		if e.Location != nil {
			claim(ent, owlSameAs, place(e.Location))
		}
		for _, iri := range e.SameAs {
			claim(ent, owlSameAs, quad.IRI(iri))
		}
		for _, m := range e.Mentions {
			mi := quad.IRI(s.iris.Mention(a.ID, m))
			add(mi, rdfType, classMention)
			add(mi, pMentionOf, ent)
			add(mi, pArticle, art)
			add(mi, pStart, quad.Int(m.Start))
			add(mi, pEnd, quad.Int(m.End))
			add(mi, pText, quad.String(m.Text))
			add(mi, pSentence, quad.Int(m.Sentence))
			if m.Rule != "" {
				add(mi, pRule, quad.String(m.Rule))
			}
		}
	}
	node := func(n kg.Node) quad.IRI {
		iri := quad.IRI(n.ID)
		if n.IsEntity() {
			shared(iri, rdfType, classEntity)
		} else {
			shared(iri, rdfType, classValue)
		}
		claim(iri, pName, quad.String(n.Name))
		shared(iri, pEntityType, quad.String(string(n.Type)))
		if n.Value != nil {
			claim(iri, pValue, quad.Float(*n.Value))
		}
		if n.Unit != "" {
			claim(iri, pUnit, quad.String(n.Unit))
		}
		return iri
	}
	for _, st := range doc.Statements {
		si := quad.IRI(st.ID)
		sub, obj := node(st.Subject), node(st.Object)
		shared(si, rdfType, classStatement)
		shared(si, pSubject, sub)
		shared(si, pPredicate, quad.String(st.Predicate))
		shared(si, pObject, obj)
		shared(si, pNegated, quad.Bool(st.Negated))
		// The reading's confidence on the statement too, so that a
		// traversal reads one node per statement (Edges).
		add(si, pConfidence, quad.Float(st.Confidence))
		if st.Modality != "" {
			shared(si, pModality, quad.String(st.Modality))
		}
		shared(sub, quad.IRI(s.iris.Predicate(st.Predicate)), obj)
		pi := quad.IRI(s.iris.Provenance(st.ID, a.ID, st.Sentence, st.Span))
		add(si, pProvenance, pi)
		add(pi, rdfType, classProvenance)
		add(pi, pArticle, art)
		add(pi, pSentence, quad.Int(st.Sentence))
		add(pi, pStart, quad.Int(st.Span.Start))
		add(pi, pEnd, quad.Int(st.Span.End))
		add(pi, pText, quad.String(st.Text))
		add(pi, pRelation, quad.String(st.Relation))
		add(pi, pConfidence, quad.Float(st.Confidence))
		if st.Time != "" {
			add(pi, pTime, quad.String(st.Time))
		}
		if st.Date != "" {
			add(pi, pDate, quad.String(st.Date))
		}
		if st.Place != "" {
			add(pi, pPlace, quad.String(st.Place))
		}
		if st.AttributedTo != nil {
			add(pi, pAttributedTo, node(*st.AttributedTo))
		}
		for i, a := range st.Arguments {
			ai := quad.IRI(string(pi) + "/argument/" + strconv.Itoa(i))
			add(pi, pArgument, ai)
			add(ai, rdfType, classArgument)
			add(ai, pIndex, quad.Int(i))
			add(ai, pRole, quad.String(string(a.Role)))
			if a.Via != "" {
				add(ai, pVia, quad.String(a.Via))
			}
			add(ai, pArgValue, node(a.Value))
		}
	}
	return out
}

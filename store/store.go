package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bbolt" // the default embedded backend
	_ "github.com/cayleygraph/cayley/graph/kv/leveldb"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // Cayley's SQL backend, PostgreSQL flavor
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/kg"
)

// Backends that Open accepts.
const (
	Bolt     = "bbolt"
	LevelDB  = "leveldb"
	Memory   = "memory"
	Postgres = "postgres"
)

// Config says which backend to open and where.
type Config struct {
	Backend string // Bolt (default), LevelDB, Memory or Postgres
	Path    string // directory of the database; a postgres:// URL for Postgres; ignored for Memory
	Base    string // base IRI of instance data
}

// Store is a newsgraph graph in a Cayley quad store. It is safe for
// concurrent use.
type Store struct {
	qs   graph.QuadStore
	iris kg.IRIs
	// writeMu serializes the check-then-write of ingest, so two
	// concurrent ingests of one article write it once.
	writeMu sync.Mutex
	// linkCache joins entities across articles; computed on the first
	// read after a write (links.go).
	linkMu    sync.Mutex
	linkCache *linkIndex
	// bulk, for PostgreSQL, writes with COPY (bulk.go).
	bulk *sqlBulk
}

// Open opens (creating if needed) the store cfg names.
func Open(cfg Config) (*Store, error) {
	iris := kg.NewIRIs(cfg.Base)
	switch cfg.Backend {
	case "", Bolt, "bolt":
		cfg.Backend = Bolt
	case LevelDB, Memory:
	case Postgres:
		return openSQL(cfg, iris)
	default:
		return nil, kg.Errorf(kg.EINVALID, "unknown backend %q (want bbolt, leveldb, memory or postgres)", cfg.Backend)
	}
	name := cfg.Backend
	if name == Memory {
		qs, err := graph.NewQuadStore("memstore", "", nil)
		if err != nil {
			return nil, fmt.Errorf("open memory store: %w", err)
		}
		return &Store{qs: qs, iris: iris}, nil
	}
	if cfg.Path == "" {
		return nil, kg.Errorf(kg.EINVALID, "the %s backend needs a database path", name)
	}
	if err := os.MkdirAll(cfg.Path, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", cfg.Path, err)
	}
	marker := filepath.Join(cfg.Path, ".newsgraph-"+name)
	if _, err := os.Stat(marker); errors.Is(err, os.ErrNotExist) {
		if err := graph.InitQuadStore(name, cfg.Path, nil); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			return nil, fmt.Errorf("initialize %s store at %s: %w", name, cfg.Path, err)
		}
		if err := os.WriteFile(marker, []byte("newsgraph store\n"), 0o644); err != nil {
			return nil, fmt.Errorf("mark %s: %w", cfg.Path, err)
		}
	}
	qs, err := graph.NewQuadStore(name, cfg.Path, nil)
	if err != nil {
		return nil, fmt.Errorf("open %s store at %s: %w", name, cfg.Path, err)
	}
	return &Store{qs: qs, iris: iris}, nil
}

// Close closes the underlying store.
func (s *Store) Close() error {
	if s.bulk != nil {
		s.bulk.Close()
	}
	return s.qs.Close()
}

// IRIs returns the naming scheme of the store's data.
func (s *Store) IRIs() kg.IRIs { return s.iris }

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
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var quads []quad.Quad
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
	}
	if len(quads) == 0 {
		return res, nil
	}
	if err := s.write(ctx, quads); err != nil {
		for i := range res {
			res[i].Created = false
		}
		return res, fmt.Errorf("write %d articles: %w", len(docs), err)
	}
	s.relinked()
	return res, nil
}

// write adds quads in one transaction.
func (s *Store) write(ctx context.Context, quads []quad.Quad) error {
	if s.bulk != nil {
		return s.bulk.write(ctx, quads)
	}
	deltas := make([]graph.Delta, len(quads))
	for i, q := range quads {
		deltas[i] = graph.Delta{Quad: q, Action: graph.Add}
	}
	return s.qs.ApplyDeltas(deltas, graph.IgnoreOpts{IgnoreDup: true})
}

// DeleteArticle removes every quad labelled with the article, and with
// them every statement, mention and entity no other article supports. It
// reports whether the article existed.
func (s *Store) DeleteArticle(ctx context.Context, id string) (bool, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	qs, err := s.quadsWith(ctx, quad.Label, quad.IRI(id))
	if err != nil {
		return false, fmt.Errorf("delete %s: %w", id, err)
	}
	if len(qs) == 0 {
		return false, nil
	}
	deltas := make([]graph.Delta, len(qs))
	for i, q := range qs {
		deltas[i] = graph.Delta{Quad: q, Action: graph.Delete}
	}
	if err := s.qs.ApplyDeltas(deltas, graph.IgnoreOpts{IgnoreMissing: true}); err != nil {
		return false, fmt.Errorf("delete %s: %w", id, err)
	}
	s.relinked()
	return true, nil
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
	if !a.PublishedAt.IsZero() {
		add(art, pPublishedAt, quad.Time(a.PublishedAt.UTC()))
	}
	for _, e := range doc.Entities {
		ent := quad.IRI(e.ID)
		add(ent, rdfType, classEntity)
		add(ent, pName, quad.String(e.Name))
		add(ent, pEntityType, quad.String(string(e.Type)))
		for _, al := range e.Aliases {
			add(ent, pAlias, quad.String(al))
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
			add(iri, rdfType, classEntity)
		} else {
			add(iri, rdfType, classValue)
		}
		add(iri, pName, quad.String(n.Name))
		add(iri, pEntityType, quad.String(string(n.Type)))
		if n.Value != nil {
			add(iri, pValue, quad.Float(*n.Value))
		}
		if n.Unit != "" {
			add(iri, pUnit, quad.String(n.Unit))
		}
		return iri
	}
	for _, st := range doc.Statements {
		si := quad.IRI(st.ID)
		sub, obj := node(st.Subject), node(st.Object)
		add(si, rdfType, classStatement)
		add(si, pSubject, sub)
		add(si, pPredicate, quad.String(st.Predicate))
		add(si, pObject, obj)
		add(si, pNegated, quad.Bool(st.Negated))
		// The reading's confidence on the statement too, so that a
		// traversal reads one node per statement (Edges).
		add(si, pConfidence, quad.Float(st.Confidence))
		if st.Modality != "" {
			add(si, pModality, quad.String(st.Modality))
		}
		add(sub, quad.IRI(s.iris.Predicate(st.Predicate)), obj)
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

// openSQL opens (creating its tables if needed) a graph in a SQL
// database through Cayley's SQL backend.
func openSQL(cfg Config, iris kg.IRIs) (*Store, error) {
	if cfg.Path == "" {
		return nil, kg.Errorf(kg.EINVALID, "the %s backend needs a database URL (--db postgres://user@host/db)", cfg.Backend)
	}
	bulk, err := openBulk(cfg.Path)
	if err != nil {
		return nil, fmt.Errorf("open %s store: %w", cfg.Backend, err)
	}
	// Several loaders may start at once on an empty database: one creates
	// the tables, under a lock, and the others find them.
	err = bulk.locked(context.Background(), func() error {
		if err := graph.InitQuadStore(cfg.Backend, cfg.Path, nil); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			return fmt.Errorf("initialize %s store: %w", cfg.Backend, err)
		}
		return nil
	})
	if err != nil {
		bulk.Close()
		return nil, err
	}
	qs, err := graph.NewQuadStore(cfg.Backend, cfg.Path, nil)
	if err != nil {
		bulk.Close()
		return nil, fmt.Errorf("open %s store: %w", cfg.Backend, err)
	}
	return &Store{qs: qs, iris: iris, bulk: bulk}, nil
}

// HasArticle reports whether the article with IRI id is stored.
func (s *Store) HasArticle(ctx context.Context, id string) (bool, error) {
	return s.has(ctx, quad.IRI(id), rdfType, classArticle)
}

package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cayleygraph/cayley/graph"
	cayleykv "github.com/cayleygraph/cayley/graph/kv"
	cayleybolt "github.com/cayleygraph/cayley/graph/kv/bbolt" // the default embedded backend
	cayleyleveldb "github.com/cayleygraph/cayley/graph/kv/leveldb"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // Cayley's SQL backend, PostgreSQL flavor
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"go.etcd.io/bbolt"
	bbolterrors "go.etcd.io/bbolt/errors"

	"github.com/newsgraph/newsgraph/kg"
)

// nodesLabel (under the base IRI) labels the quads that say what an
// entity, a value or a statement is: stored once for every article.
const nodesLabel = "graph/nodes"

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
	// qs is the quad store that writes. On the key-value backends
	// readers use quad stores of their own over the same database
	// (readers.go); on the others qs serves everyone.
	qs      graph.QuadStore
	kvdb    hkv.KV
	readers atomic.Pointer[readQuadStore]
	iris    kg.IRIs
	// writeLock (one token) serializes writes: the check-then-write of
	// ingest, so that two concurrent ingests of one article write it
	// once, and deletions. A channel, so that a writer waiting for it
	// gives up when its context ends.
	writeLock chan struct{}
	// linkCache joins entities across articles; computed on the first
	// read after a write (links.go).
	linkMu       sync.Mutex
	linkCache    *linkIndex
	linkGen      int           // writes so far
	linkBuiltGen int           // the writes linkCache knows of
	linkCost     time.Duration // how long linkCache took to build
	linkBuilding bool          // a background rebuild is running
	// bulk, for PostgreSQL, writes with COPY (bulk.go).
	bulk *sqlBulk
	// preds names predicate references (Ref.Key -> quad.Value): the
	// vocabulary is small and a reference always names the same value.
	preds sync.Map
	// memMu guards Cayley's memory store, which is not safe for reads
	// during writes (the other backends are transactional): reads hold it
	// shared, writes alone. Unused for the other backends.
	memMu  sync.RWMutex
	memory bool
}

// reading and writing take memMu for the memory backend; they return the
// unlock.
func (s *Store) reading() func() {
	if !s.memory {
		return func() {}
	}
	s.memMu.RLock()
	return s.memMu.RUnlock
}

func (s *Store) writing() func() {
	if !s.memory {
		return func() {}
	}
	s.memMu.Lock()
	return s.memMu.Unlock
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
		return newStore(qs, iris, func(s *Store) { s.memory = true }), nil
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
	if name == Bolt {
		if err := boltFree(filepath.Join(cfg.Path, "indexes.bolt")); err != nil {
			return nil, err
		}
	}
	openKV := cayleybolt.Open
	if name == LevelDB {
		openKV = cayleyleveldb.Open
	}
	db, err := openKV(cfg.Path, kvOptions)
	if err != nil {
		return nil, fmt.Errorf("open %s store at %s: %w", name, cfg.Path, err)
	}
	qs, err := cayleykv.New(db, kvOptions)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s store at %s: %w", name, cfg.Path, err)
	}
	s := newStore(qs, iris, func(s *Store) { s.kvdb = db })
	if err := s.renewReaders(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s store at %s: %w", name, cfg.Path, err)
	}
	return s, nil
}

// kvOptions open Cayley's key-value quad stores without their bloom
// filters: they hold a fixed 100 million entries, 600 MB of memory
// whatever the graph's size, for no measurable gain in newsgraph's
// writes (1,000 articles load at the same rate without them;
// BENCHMARKS.md).
var kvOptions = graph.Options{cayleykv.OptNoBloom: true}

// newStore makes a Store on qs; set fills in what its backend adds.
func newStore(qs graph.QuadStore, iris kg.IRIs, set func(*Store)) *Store {
	s := &Store{qs: qs, iris: iris, writeLock: make(chan struct{}, 1)}
	set(s)
	return s
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
	// A request that timed out while waiting for the lock writes
	// nothing: it is never committed after its caller was told otherwise.
	if err := s.lockWrites(ctx); err != nil {
		return res, err
	}
	defer s.unlockWrites()
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

// write adds quads in one transaction.
func (s *Store) write(ctx context.Context, quads []quad.Quad) error {
	if s.bulk != nil {
		return s.bulk.write(ctx, quads)
	}
	deltas := make([]graph.Delta, len(quads))
	for i, q := range quads {
		deltas[i] = graph.Delta{Quad: q, Action: graph.Add}
	}
	unlock := s.writing()
	err := s.qs.ApplyDeltas(deltas, graph.IgnoreOpts{IgnoreDup: true})
	unlock()
	if err != nil {
		return s.afterFailedWrite(err)
	}
	return nil
}

// DeleteArticle removes every quad labelled with the article, and with
// them every statement, mention and entity no other article supports. It
// reports whether the article existed; an IRI that names something other
// than an article (an entity, the label of shared quads) is refused with
// ENOTFOUND and deletes nothing.
func (s *Store) DeleteArticle(ctx context.Context, id string) (bool, error) {
	if err := s.lockWrites(ctx); err != nil {
		return false, fmt.Errorf("delete %s: %w", id, err)
	}
	defer s.unlockWrites()
	exists, err := s.HasArticle(ctx, id)
	if err != nil {
		return false, fmt.Errorf("delete %s: %w", id, err)
	}
	if !exists {
		if s.iris.IsArticle(id) {
			return false, nil // deleted before, or never loaded
		}
		return false, kg.Errorf(kg.ENOTFOUND, "no article %s", id)
	}
	qs, err := s.quadsWith(ctx, quad.Label, quad.IRI(id))
	if err != nil {
		return false, fmt.Errorf("delete %s: %w", id, err)
	}
	if len(qs) == 0 {
		return false, nil
	}
	orphans, err := s.orphans(ctx, qs)
	if err != nil {
		return false, fmt.Errorf("delete %s: %w", id, err)
	}
	deltas := make([]graph.Delta, 0, len(qs)+len(orphans))
	for _, q := range append(qs, orphans...) {
		deltas = append(deltas, graph.Delta{Quad: q, Action: graph.Delete})
	}
	unlock := s.writing()
	err = s.qs.ApplyDeltas(deltas, graph.IgnoreOpts{IgnoreMissing: true})
	unlock()
	if err != nil {
		return false, fmt.Errorf("delete %s: %w", id, s.afterFailedWrite(err))
	}
	s.relinked()
	// Readers' caches may name nodes this deletion removed.
	if err := s.renewReaders(); err != nil {
		return true, fmt.Errorf("delete %s: %w", id, err)
	}
	return true, nil
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
	nodes := map[quad.Value]bool{} // entities and values to look at
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

// claimIRI names the claim that sub has property p with value o.
func (s *Store) claimIRI(sub, p quad.IRI, o quad.Value) quad.IRI {
	return quad.IRI(s.iris.Claim(string(sub), string(p), o.String()))
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
	if !a.PublishedAt.IsZero() {
		add(art, pPublishedAt, quad.Time(a.PublishedAt.UTC()))
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
	return newStore(qs, iris, func(s *Store) { s.bulk = bulk }), nil
}

// HasArticle reports whether the article with IRI id is stored.
func (s *Store) HasArticle(ctx context.Context, id string) (bool, error) {
	return s.has(ctx, quad.IRI(id), rdfType, classArticle)
}

// boltFree fails clearly when another process holds the bbolt file (a
// running `newsgraph serve` on the same --db): Cayley would wait for the
// lock forever.
func boltFree(file string) error {
	if _, err := os.Stat(file); err != nil {
		return nil // a new database
	}
	db, err := bbolt.Open(file, 0o644, &bbolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		if errors.Is(err, bbolterrors.ErrTimeout) {
			return kg.Errorf(kg.EINVALID, "%s is in use by another process (a running newsgraph serve or load?); stop it or use another --db", filepath.Dir(file))
		}
		return fmt.Errorf("open %s: %w", file, err)
	}
	return db.Close()
}

package store

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/kg"
)

// adjacency is every statement as a light edge, in memory, by the nodes
// at its ends: what a traversal needs to choose among a hub's statements
// without reading them (Edges). Like the link index it is built in full
// on first use, then kept current one article at a time: this process's
// ingests and deletions, and on PostgreSQL the change log of the others
// (changes.go). Its methods are safe for concurrent use.
//
// Edges around a node are ranked (rankEdges): the most confident first,
// then the most recent (the latest publication date of the articles
// that state it; undated last), then the one whose other end has the
// most statements, then by statement IRI.
type adjacency struct {
	mu sync.RWMutex
	// stmts are the statements by IRI; out and in the statements whose
	// subject (out) or object (in) is a node, as stored.
	stmts map[string]*adjStatement
	out   map[string][]*adjStatement
	in    map[string][]*adjStatement
	// byArticle are the statements each article states: a deletion in
	// another process leaves nothing in the store to find them by.
	byArticle map[string][]string
	// dates are the articles' publication dates (noDate when none).
	dates map[string]int64
	// names interns the IRIs the edges hold: a hub's IRI, a predicate
	// and an article are held once, not once per statement.
	names map[string]string
}

// adjStatement is one statement as an edge.
type adjStatement struct {
	id, subject, predicate, object string
	modality                       string
	negated                        bool
	confidence                     float64 // the best of its readings
	recency                        int64   // Unix seconds; noDate when no article is dated
	articles                       []string
}

// noDate is the recency of a statement no dated article states: it
// ranks after every dated one.
const noDate = math.MinInt64

func newAdjacency() *adjacency {
	return &adjacency{stmts: map[string]*adjStatement{}, out: map[string][]*adjStatement{}, in: map[string][]*adjStatement{},
		byArticle: map[string][]string{}, dates: map[string]int64{}, names: map[string]string{}}
}

// intern is s held once: predicates and articles are few and shared
// by many statements.
func (a *adjacency) intern(s string) string {
	if v, ok := a.names[s]; ok {
		return v
	}
	a.names[s] = s
	return s
}

// node is the IRI of node id as the index already holds it (a hub's IRI
// is held once, not once per statement), or id.
func (a *adjacency) node(id string) string {
	if l := a.out[id]; len(l) > 0 {
		return l[0].subject
	}
	if l := a.in[id]; len(l) > 0 {
		return l[0].object
	}
	return id
}

// put replaces what the index holds of statement id with st (nil: the
// statement is gone); a.mu must be held for writing. Dates are not
// touched: the caller drops those no statement needs (dropDates).
func (a *adjacency) put(id string, st *adjStatement) {
	if old := a.stmts[id]; old != nil {
		a.out[old.subject] = without(a.out[old.subject], old)
		if len(a.out[old.subject]) == 0 {
			delete(a.out, old.subject)
		}
		a.in[old.object] = without(a.in[old.object], old)
		if len(a.in[old.object]) == 0 {
			delete(a.in, old.object)
		}
		for _, art := range old.articles {
			a.byArticle[art] = slices.DeleteFunc(a.byArticle[art], func(s string) bool { return s == old.id })
			if len(a.byArticle[art]) == 0 {
				delete(a.byArticle, art)
				delete(a.names, art)
			}
		}
		delete(a.stmts, id)
	}
	if st == nil {
		return
	}
	st.subject, st.predicate, st.object, st.modality = a.node(st.subject), a.intern(st.predicate), a.node(st.object), a.intern(st.modality)
	for i, art := range st.articles {
		st.articles[i] = a.intern(art)
		a.byArticle[st.articles[i]] = append(a.byArticle[st.articles[i]], st.id)
	}
	a.stmts[st.id] = st
	a.out[st.subject] = append(a.out[st.subject], st)
	a.in[st.object] = append(a.in[st.object], st)
}

// dropDates forgets the dates of articles no statement holds; a.mu must
// be held for writing.
func (a *adjacency) dropDates() {
	for art := range a.dates {
		if _, ok := a.byArticle[art]; !ok {
			delete(a.dates, art)
		}
	}
}

func without(xs []*adjStatement, x *adjStatement) []*adjStatement {
	return slices.DeleteFunc(xs, func(y *adjStatement) bool { return y == x })
}

// statement is a copy of statement id as the index holds it.
func (a *adjacency) statement(id string) (adjStatement, bool) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	st, ok := a.stmts[id]
	if !ok {
		return adjStatement{}, false
	}
	return *st, true
}

// degree is how many statements have node id at one end.
func (a *adjacency) degree(id string) int {
	return len(a.out[id]) + len(a.in[id])
}

// edges are at most limit of the statements whose subject (out) or
// object (in) is one of ids, ranked, and how many there are in all.
func (a *adjacency) edges(ids []string, out bool, limit int) ([]kg.Edge, int) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	side := a.in
	if out {
		side = a.out
	}
	var all []rankedEdge
	seen := map[*adjStatement]bool{}
	for _, id := range ids {
		for _, st := range side[id] {
			if seen[st] {
				continue
			}
			seen[st] = true
			other := st.subject
			if out {
				other = st.object
			}
			all = append(all, rankedEdge{
				Edge:    kg.Edge{Statement: st.id, Subject: st.subject, Predicate: st.predicate, Object: st.object, Confidence: st.confidence},
				recency: st.recency, degree: a.degree(other),
			})
		}
	}
	return topEdges(all, limit), len(all)
}

// rankedEdge is an edge with what ranks it beyond its confidence.
type rankedEdge struct {
	kg.Edge
	recency int64
	degree  int // of the node at its other end
}

// rankEdges sorts edges in the order Edges gives them: confidence,
// recency and the other end's degree, each highest first, then
// statement IRI.
func rankEdges(es []rankedEdge) {
	sort.Slice(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Confidence != b.Confidence {
			return a.Confidence > b.Confidence
		}
		if a.recency != b.recency {
			return a.recency > b.recency
		}
		if a.degree != b.degree {
			return a.degree > b.degree
		}
		return a.Statement < b.Statement
	})
}

// topEdges are the first limit of es, ranked.
func topEdges(es []rankedEdge, limit int) []kg.Edge {
	rankEdges(es)
	out := make([]kg.Edge, 0, min(limit, len(es)))
	for _, e := range es[:min(limit, len(es))] {
		out = append(out, e.Edge)
	}
	return out
}

// adjacencyIndex returns the adjacency index, built in full on first
// use; writes, here or (on PostgreSQL) in other processes, keep it
// current (refreshEdges).
func (s *Store) adjacencyIndex(ctx context.Context) (*adjacency, error) {
	if a := s.adjIdx.Load(); a != nil {
		return a, nil
	}
	// The link index first: building it starts following the change
	// log, whose entries from here on reach this index too (a change
	// applied while this one is built waits for adjMu, and applying it
	// again is harmless).
	if _, err := s.links(ctx); err != nil {
		return nil, err
	}
	s.adjMu.Lock()
	defer s.adjMu.Unlock()
	if a := s.adjIdx.Load(); a != nil {
		return a, nil
	}
	a, err := s.buildAdjacency(ctx)
	if err != nil {
		return nil, err
	}
	s.adjIdx.Store(a)
	return a, nil
}

// Warm builds the store's in-memory indexes (the link index and the
// adjacency index) if they are not built: a server calls it as it
// starts, so that its first requests do not build them.
func (s *Store) Warm(ctx context.Context) error {
	_, err := s.adjacencyIndex(ctx)
	return err
}

// buildAdjacency reads every statement.
func (s *Store) buildAdjacency(ctx context.Context) (*adjacency, error) {
	ids, err := s.subjectsOf(ctx, rdfType, classStatement)
	if err != nil {
		return nil, fmt.Errorf("build the adjacency index: %w", err)
	}
	a := newAdjacency()
	dates := &articleDates{read: a.dates}
	for i, id := range ids {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		st, err := s.adjStatement(ctx, dates, id)
		if err != nil {
			return nil, fmt.Errorf("build the adjacency index: %w", err)
		}
		a.put(id, st)
	}
	a.dropDates()
	return a, nil
}

// articleDates are publication dates read once per build or update:
// those read (read), and those known from before (known, unless stale).
type articleDates struct {
	read, known map[string]int64
	stale       map[string]bool
}

// get is the date of article art, read from s when not known.
func (d *articleDates) get(ctx context.Context, s *Store, art string) (int64, error) {
	if v, ok := d.read[art]; ok {
		return v, nil
	}
	if v, ok := d.known[art]; ok && !d.stale[art] {
		return v, nil
	}
	v, err := s.articleDate(ctx, art)
	if err != nil {
		return 0, err
	}
	d.read[art] = v
	return v, nil
}

// adjStatement reads statement id as an edge (nil when it is not
// stored), with the dates of its articles.
func (s *Store) adjStatement(ctx context.Context, dates *articleDates, id string) (*adjStatement, error) {
	pp, err := s.props(ctx, id)
	if err != nil {
		return nil, err
	}
	if pp.iri(rdfType) != string(classStatement) {
		return nil, nil
	}
	e, err := s.edgeFrom(ctx, id, pp)
	if gone(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	st := &adjStatement{id: id, subject: e.Subject, predicate: e.Predicate, object: e.Object, confidence: e.Confidence, recency: noDate,
		modality: pp.str(pModality), negated: pp.str(pNegated) == "true"}
	for _, v := range pp[pProvenance] {
		pi, ok := v.(quad.IRI)
		if !ok {
			continue
		}
		p, err := s.props(ctx, string(pi))
		if err != nil {
			return nil, err
		}
		art := p.iri(pArticle)
		if art == "" || slices.Contains(st.articles, art) {
			continue
		}
		st.articles = append(st.articles, art)
		d, err := dates.get(ctx, s, art)
		if err != nil {
			return nil, err
		}
		st.recency = max(st.recency, d)
	}
	sort.Strings(st.articles)
	return st, nil
}

// articleDate is the Unix time of article art's publication, noDate when
// it has none.
func (s *Store) articleDate(ctx context.Context, art string) (int64, error) {
	p, err := s.props(ctx, art)
	if err != nil {
		return 0, err
	}
	for _, v := range p[pPublishedAt] {
		if t, ok := v.(quad.Time); ok {
			return time.Time(t).Unix(), nil
		}
	}
	return noDate, nil
}

// refreshEdges brings the adjacency index up to date with a change to
// the statements of articles (ingested or deleted, here or in another
// process): it reads them again, dropping those no longer stored. The
// writer knows them (stmts, from its quads); for another process's
// change (stmts nil) they are found through the articles' readings in
// the store (an ingest) and the index's record of each article (a
// deletion). A nil index (not built yet) needs nothing: it will be built
// from the store.
func (s *Store) refreshEdges(ctx context.Context, articles, stmts []string) error {
	s.adjMu.Lock()
	defer s.adjMu.Unlock()
	a := s.adjIdx.Load()
	if a == nil {
		return nil
	}
	set := map[string]bool{}
	for _, id := range stmts {
		set[id] = true
	}
	a.mu.RLock()
	for _, art := range articles {
		for _, id := range a.byArticle[art] {
			set[id] = true
		}
	}
	a.mu.RUnlock()
	for _, art := range articles {
		if stmts != nil {
			break
		}
		// Stored now (an ingest in another process): its readings name
		// its statements.
		found, err := s.statementsOfArticle(ctx, art)
		if err != nil {
			return fmt.Errorf("refresh the edges of %s: %w", art, err)
		}
		for _, id := range found {
			set[id] = true
		}
	}
	ids := make([]string, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	// The changed articles' dates are read again (new, or gone); the
	// others' are known (only adjMu's holder writes a).
	dates := &articleDates{read: map[string]int64{}, known: a.dates, stale: map[string]bool{}}
	for _, art := range articles {
		dates.stale[art] = true
	}
	now := make([]*adjStatement, len(ids))
	for i, id := range ids {
		st, err := s.adjStatement(ctx, dates, id)
		if err != nil {
			return fmt.Errorf("refresh the edges of %s: %w", id, err)
		}
		now[i] = st
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for i, id := range ids {
		a.put(id, now[i])
	}
	for art, d := range dates.read {
		if _, ok := a.byArticle[art]; ok {
			a.dates[a.intern(art)] = d
		}
	}
	a.dropDates()
	return nil
}

// statementsOfArticle are the statements article art states, found
// through its readings (provenance).
func (s *Store) statementsOfArticle(ctx context.Context, art string) ([]string, error) {
	subs, err := s.subjectsOf(ctx, pArticle, quad.IRI(art))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, sub := range subs {
		if !strings.HasPrefix(sub, s.iris.Base+"provenance/") {
			continue // a mention
		}
		sts, err := s.subjectsOf(ctx, pProvenance, quad.IRI(sub))
		if err != nil {
			return nil, err
		}
		out = append(out, sts...)
	}
	return out, nil
}

// dropAdjacency drops the index, to be built again in full on next use
// (after an import, which may bring any quads, or a change it missed).
func (s *Store) dropAdjacency() {
	s.adjMu.Lock()
	s.adjIdx.Store(nil)
	s.adjMu.Unlock()
}

// edgeChanges are the statements and articles a write's quads touch:
// the subjects of readings (every statement an article states has one
// of its own, labelled with the article).
func edgeChanges(quads []quad.Quad) (articles, stmts []string) {
	seenA, seenS := map[string]bool{}, map[string]bool{}
	for _, q := range quads {
		if q.Predicate != pProvenance {
			continue
		}
		if id, ok := q.Subject.(quad.IRI); ok && !seenS[string(id)] {
			seenS[string(id)] = true
			stmts = append(stmts, string(id))
		}
		if l, ok := q.Label.(quad.IRI); ok && !seenA[string(l)] {
			seenA[string(l)] = true
			articles = append(articles, string(l))
		}
	}
	return articles, stmts
}

// ReadEdges is what Edges answers, read from the store without the
// adjacency index: every statement around id, with the articles that
// state it and the degree of its other end. The conformance suite checks
// the index against it.
func (s *Store) ReadEdges(ctx context.Context, id string, out bool, limit int) ([]kg.Edge, int, error) {
	x, err := s.links(ctx)
	if err != nil {
		return nil, 0, err
	}
	p := pObject
	if out {
		p = pSubject
	}
	ids, err := s.statementsAbout(ctx, p, x.cluster(id))
	if err != nil {
		return nil, 0, err
	}
	ids = slices.Compact(ids)
	dates := &articleDates{read: map[string]int64{}}
	all := make([]rankedEdge, 0, len(ids))
	for _, sid := range ids {
		st, err := s.adjStatement(ctx, dates, sid)
		if err != nil {
			return nil, 0, err
		}
		if st == nil {
			continue
		}
		other := st.subject
		if out {
			other = st.object
		}
		n := 0
		for _, q := range []quad.IRI{pSubject, pObject} {
			about, err := s.subjectsOf(ctx, q, quad.IRI(other))
			if err != nil {
				return nil, 0, err
			}
			n += len(about)
		}
		all = append(all, rankedEdge{Edge: kg.Edge{Statement: sid, Subject: st.subject, Predicate: st.predicate, Object: st.object, Confidence: st.confidence},
			recency: st.recency, degree: n})
	}
	return topEdges(all, limit), len(all), nil
}

// VerifyAdjacency builds the adjacency index in full, from the store,
// and reports how the index kept current by writes differs from it (nil
// when it does not): every statement's ends, predicate, confidence,
// articles and recency, and the statements around every node.
func (s *Store) VerifyAdjacency(ctx context.Context) error {
	kept, err := s.adjacencyIndex(ctx)
	if err != nil {
		return err
	}
	s.adjMu.Lock() // no update between the two
	defer s.adjMu.Unlock()
	full, err := s.buildAdjacency(ctx)
	if err != nil {
		return err
	}
	a, b := kept.summary(), full.summary()
	var diffs []string
	for k, v := range b {
		if a[k] != v {
			diffs = append(diffs, fmt.Sprintf("%s: kept %q, full build %q", k, a[k], v))
		}
	}
	for k, v := range a {
		if _, ok := b[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s: kept %q, not in the full build", k, v))
		}
	}
	if len(diffs) > 0 {
		sort.Strings(diffs)
		if len(diffs) > 20 {
			diffs = append(diffs[:20], fmt.Sprintf("... %d more", len(diffs)-20))
		}
		return fmt.Errorf("the adjacency index kept by writes differs from a full build:\n%s", strings.Join(diffs, "\n"))
	}
	return nil
}

// summary is the index as comparable strings: each statement, each
// node's statements either way, each article's statements and date.
func (a *adjacency) summary() map[string]string {
	a.mu.RLock()
	defer a.mu.RUnlock()
	out := map[string]string{}
	for id, st := range a.stmts {
		out["statement "+id] = fmt.Sprintf("%s %s %s %q %v %g %d %v", st.subject, st.predicate, st.object, st.modality, st.negated, st.confidence, st.recency, st.articles)
	}
	list := func(sts []*adjStatement) string {
		ids := make([]string, 0, len(sts))
		for _, st := range sts {
			ids = append(ids, st.id)
		}
		sort.Strings(ids)
		return strings.Join(ids, " ")
	}
	for n, sts := range a.out {
		out["out "+n] = list(sts)
	}
	for n, sts := range a.in {
		out["in "+n] = list(sts)
	}
	for art, ids := range a.byArticle {
		ids = slices.Clone(ids)
		sort.Strings(ids)
		out["article "+art] = strings.Join(ids, " ")
	}
	for art, d := range a.dates {
		out["date "+art] = fmt.Sprint(d)
	}
	return out
}

// AdjacencySize is the number of statements in the adjacency index and
// an estimate of the memory it holds (the index's own structures and
// the strings it interns; Go's map overhead is estimated per entry), for
// BENCHMARKS.md. It builds the index if needed.
func (s *Store) AdjacencySize(ctx context.Context) (statements int, bytes int64, err error) {
	a, err := s.adjacencyIndex(ctx)
	if err != nil {
		return 0, 0, err
	}
	a.mu.RLock()
	defer a.mu.RUnlock()
	const mapEntry = 48 // key header, value word, and a map's per-entry share
	ptr := int64(unsafe.Sizeof(uintptr(0)))
	for _, n := range a.names {
		bytes += int64(len(n)) + mapEntry
	}
	for _, st := range a.stmts {
		bytes += int64(unsafe.Sizeof(*st)) + int64(cap(st.articles))*16 + mapEntry
	}
	for _, l := range a.out {
		bytes += int64(cap(l))*ptr + 24 + mapEntry
	}
	for _, l := range a.in {
		bytes += int64(cap(l))*ptr + 24 + mapEntry
	}
	for _, l := range a.byArticle {
		bytes += int64(cap(l))*16 + 24 + mapEntry
	}
	bytes += int64(len(a.dates)) * (8 + mapEntry)
	return len(a.stmts), bytes, nil
}

package graph

import (
	"context"
	"encoding/base64"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/webpage"
)

// Store is what the API needs of a graph store.
type Store interface {
	Ingest(ctx context.Context, doc *kg.Document) (kg.IngestResult, error)
	DeleteArticle(ctx context.Context, id string) (bool, error)
	Entity(ctx context.Context, id string) (*kg.Entity, error)
	Mentions(ctx context.Context, id string) ([]kg.MentionRecord, error)
	SearchEntities(ctx context.Context, query string, typ kg.EntityType, offset, limit int) ([]*kg.Entity, int, error)
	Node(ctx context.Context, id string) (kg.Node, error)
	Statement(ctx context.Context, id string) (*kg.Statement, error)
	// StatementHead is a statement without its provenance (Partial).
	StatementHead(ctx context.Context, id string) (*kg.Statement, error)
	Statements(ctx context.Context, f kg.StatementFilter, offset, limit int) ([]*kg.Statement, int, error)
	Article(ctx context.Context, id string) (*kg.Article, error)
	Articles(ctx context.Context, offset, limit int) ([]*kg.Article, int, error)
	IRIs() kg.IRIs
	// Canonical is the IRI that stands for id across articles.
	Canonical(ctx context.Context, id string) (string, error)
	Cooccurring(ctx context.Context, id string, limit int) ([]kg.Cooccurrence, error)
	// EntitiesNear lists located entities within km of a point, nearest
	// first, and how many there are.
	EntitiesNear(ctx context.Context, lat, lon, km float64, limit int) ([]kg.Nearby, int, error)
	ArticlesMentioning(ctx context.Context, id string) ([]string, error)
	// Edges are at most limit of the statements around id without their
	// provenance, for traversals (out: id is their subject, else their
	// object), and how many there are in all.
	Edges(ctx context.Context, id string, out bool, limit int) ([]kg.Edge, int, error)
	// Largest lists at most limit entities by their statements, most first.
	Largest(ctx context.Context, limit int) ([]kg.Ranked, error)
}

// Extractor turns article text into a document.
type Extractor interface {
	Extract(ctx context.Context, a kg.Article) (*kg.Document, error)
}

// MaxFirst caps every list a client can ask for.
const MaxFirst = 100

// Caps of the lists that take no first.
const (
	MaxArguments = 20  // of a statement
	MaxWarnings  = 100 // of an ingest
)

// Service carries out API requests against a store.
type Service struct {
	store     Store
	extractor Extractor
	// extracting holds a token per extraction running: as many as there
	// are cores. Extraction is all computation, so thirty ingests at once
	// would each take thirty times as long; in turn, they finish one
	// after another (and queries keep some of the processor).
	extracting chan struct{}
	// minConfidence is the threshold of the default views: statements
	// under it are hidden unless a query asks (ServerOptions).
	minConfidence float64
}

// threshold is the confidence a query asked for, or the server's.
func (s *Service) threshold(asked *float64) float64 {
	if asked != nil {
		return *asked
	}
	return s.minConfidence
}

// defaultMinConfidence is the server's threshold, for clients to start at.
func (s *Service) defaultMinConfidence() float64 { return s.minConfidence }

// NewResolver returns the root resolver over a store and an extractor.
func NewResolver(s Store, x Extractor) *Resolver {
	return &Resolver{svc: &Service{store: s, extractor: x, extracting: make(chan struct{}, runtime.GOMAXPROCS(0))}}
}

// page turns first/after into an offset and a limit.
func page(first *int, after *string) (offset, limit int, err error) {
	limit = 20
	if first != nil {
		limit = *first
	}
	if limit < 0 {
		return 0, 0, kg.Errorf(kg.EINVALID, "first must not be negative")
	}
	if limit > MaxFirst {
		limit = MaxFirst
	}
	if after != nil && *after != "" {
		b, err := base64.RawURLEncoding.DecodeString(*after)
		if err != nil || !strings.HasPrefix(string(b), "o:") {
			return 0, 0, kg.Errorf(kg.EINVALID, "invalid cursor %q", *after)
		}
		n, err := strconv.Atoi(string(b[2:]))
		if err != nil || n < 0 {
			return 0, 0, kg.Errorf(kg.EINVALID, "invalid cursor %q", *after)
		}
		offset = n + 1
	}
	return offset, limit, nil
}

func cursor(i int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(i)))
}

func pageInfo(offset, n, total int) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: offset+n < total, TotalCount: total}
	if n > 0 {
		c := cursor(offset + n - 1)
		pi.EndCursor = &c
	}
	return pi
}

func (s *Service) searchEntities(ctx context.Context, query string, typ *kg.EntityType, first *int, after *string) (*model.EntityConnection, error) {
	offset, limit, err := page(first, after)
	if err != nil {
		return nil, err
	}
	var t kg.EntityType
	if typ != nil {
		t = *typ
	}
	es, total, err := s.store.SearchEntities(ctx, query, t, offset, limit)
	if err != nil {
		return nil, err
	}
	conn := &model.EntityConnection{Edges: []*model.EntityEdge{}, PageInfo: pageInfo(offset, len(es), total)}
	for i, e := range es {
		conn.Edges = append(conn.Edges, &model.EntityEdge{Cursor: cursor(offset + i), Node: e})
	}
	return conn, nil
}

// notFoundIsNil maps a not-found error to a null result.
func notFoundIsNil[T any](v *T, err error) (*T, error) {
	if kg.ErrorCode(err) == kg.ENOTFOUND {
		return nil, nil
	}
	return v, err
}

func (s *Service) statements(ctx context.Context, f kg.StatementFilter, first *int, after *string) (*model.StatementConnection, error) {
	offset, limit, err := page(first, after)
	if err != nil {
		return nil, err
	}
	if f.MinConfidence < 0 || f.MinConfidence > 1 {
		return nil, kg.Errorf(kg.EINVALID, "minConfidence must be between 0 and 1")
	}
	sts, total, err := s.store.Statements(ctx, f, offset, limit)
	if err != nil {
		return nil, err
	}
	if sts, err = s.pinned(ctx, sts, inConnection...); err != nil {
		return nil, err
	}
	conn := &model.StatementConnection{Edges: []*model.StatementEdge{}, PageInfo: pageInfo(offset, len(sts), total)}
	for i, st := range sts {
		conn.Edges = append(conn.Edges, &model.StatementEdge{Cursor: cursor(offset + i), Node: st})
	}
	return conn, nil
}

func (s *Service) filterOf(f *model.StatementFilter) kg.StatementFilter {
	out := kg.StatementFilter{MinConfidence: s.minConfidence}
	if f == nil {
		return out
	}
	if f.Subject != nil {
		out.Subject = *f.Subject
	}
	if f.Object != nil {
		out.Object = *f.Object
	}
	if f.Predicate != nil {
		out.Predicate = *f.Predicate
	}
	if f.Article != nil {
		out.Article = *f.Article
	}
	if f.MinConfidence != nil {
		out.MinConfidence = *f.MinConfidence
	}
	if p := f.Place; p != nil {
		if p.CountryCode != nil {
			out.Place.CountryCode = strings.ToUpper(*p.CountryCode)
		}
		if p.Near != nil {
			out.Place.Near, out.Place.Lat, out.Place.Lon, out.Place.Km = true, p.Near.Lat, p.Near.Lon, p.Near.Km
		}
	}
	return out
}

// entitiesNear lists the located entities near a point.
func (s *Service) entitiesNear(ctx context.Context, lat, lon, km float64, first *int) ([]*kg.Nearby, error) {
	_, limit, err := page(first, nil)
	if err != nil {
		return nil, err
	}
	near, _, err := s.store.EntitiesNear(ctx, lat, lon, km, limit)
	if err != nil {
		return nil, err
	}
	out := make([]*kg.Nearby, len(near))
	for i := range near {
		out[i] = &near[i]
	}
	return out, nil
}

// entityStatements lists an entity's statements in one direction. BOTH
// lists outgoing statements first, then incoming ones.
func (s *Service) entityStatements(ctx context.Context, e *kg.Entity, dir *model.Direction, predicate *string, minConfidence *float64, first *int, after *string) (*model.StatementConnection, error) {
	minConf := s.threshold(minConfidence)
	d := model.DirectionBoth
	if dir != nil {
		d = *dir
	}
	pred := ""
	if predicate != nil {
		pred = *predicate
	}
	if d != model.DirectionBoth {
		f := kg.StatementFilter{Predicate: pred, MinConfidence: minConf}
		if d == model.DirectionOut {
			f.Subject = e.ID
		} else {
			f.Object = e.ID
		}
		return s.statements(ctx, f, first, after)
	}
	offset, limit, err := page(first, after)
	if err != nil {
		return nil, err
	}
	out, nOut, err := s.store.Statements(ctx, kg.StatementFilter{Subject: e.ID, Predicate: pred, MinConfidence: minConf}, 0, offset+limit)
	if err != nil {
		return nil, err
	}
	in, nIn, err := s.store.Statements(ctx, kg.StatementFilter{Object: e.ID, Predicate: pred, MinConfidence: minConf}, 0, offset+limit)
	if err != nil {
		return nil, err
	}
	all := append(out, in...)
	if offset > len(all) {
		offset = len(all)
	}
	all = all[offset:]
	if len(all) > limit {
		all = all[:limit]
	}
	if all, err = s.pinned(ctx, all, inConnection...); err != nil {
		return nil, err
	}
	conn := &model.StatementConnection{Edges: []*model.StatementEdge{}, PageInfo: pageInfo(offset, len(all), nOut+nIn)}
	for i, st := range all {
		conn.Edges = append(conn.Edges, &model.StatementEdge{Cursor: cursor(offset + i), Node: st})
	}
	return conn, nil
}

func (s *Service) mentions(ctx context.Context, e *kg.Entity, first *int) ([]*model.Mention, error) {
	n, err := capped(first, MaxFirst)
	if err != nil {
		return nil, err
	}
	ms, err := s.store.Mentions(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	if len(ms) > n {
		ms = ms[:n]
	}
	out := make([]*model.Mention, len(ms))
	for i, m := range ms {
		out[i] = &model.Mention{Article: m.Article, Sentence: m.Sentence, Start: m.Start, End: m.End, Text: m.Text}
		if m.Rule != "" {
			r := m.Rule
			out[i].Rule = &r
		}
	}
	return out, nil
}

// node returns an entity or a value for a statement end.
func (s *Service) node(ctx context.Context, n kg.Node) (model.Node, error) {
	if n.IsEntity() {
		e, err := s.entity(ctx, n.ID)
		if err != nil {
			return nil, err
		}
		return e, nil
	}
	return n, nil
}

func (s *Service) subject(ctx context.Context, st *kg.Statement) (*kg.Entity, error) {
	if st.Subject.IsEntity() {
		return s.entity(ctx, st.Subject.ID)
	}
	// A concept subject ("border crossings") has no entity behind it; it is
	// shown as an entity of type CONCEPT with the same IRI.
	return &kg.Entity{ID: st.Subject.ID, Name: st.Subject.Name, Type: st.Subject.Type, Aliases: []string{}}, nil
}

func (s *Service) provenance(ctx context.Context, st *kg.Statement, first *int) ([]*model.Provenance, error) {
	n, err := capped(first, 10)
	if err != nil {
		return nil, err
	}
	st, err = s.full(ctx, st)
	if err != nil {
		return nil, err
	}
	if len(st.Provenance) > n {
		p := *st
		p.Provenance = st.Provenance[:n]
		st = &p
	}
	out := make([]*model.Provenance, len(st.Provenance))
	for i, p := range st.Provenance {
		span := p.Span
		out[i] = &model.Provenance{ArticleID: p.Article, Sentence: p.Sentence, Span: &span,
			Text: p.Text, Relation: p.Relation, Confidence: p.Confidence}
	}
	return out, nil
}

func (s *Service) articles(ctx context.Context, first *int, after *string) (*model.ArticleConnection, error) {
	offset, limit, err := page(first, after)
	if err != nil {
		return nil, err
	}
	as, total, err := s.store.Articles(ctx, offset, limit)
	if err != nil {
		return nil, err
	}
	conn := &model.ArticleConnection{Edges: []*model.ArticleEdge{}, PageInfo: pageInfo(offset, len(as), total)}
	for i, a := range as {
		conn.Edges = append(conn.Edges, &model.ArticleEdge{Cursor: cursor(offset + i), Node: a})
	}
	return conn, nil
}

// Ingest extracts and stores one article. Extractions take turns, at most
// one a core; one that waits past ctx's end gives up.
func (s *Service) Ingest(ctx context.Context, a kg.Article) (kg.IngestResult, error) {
	select {
	case s.extracting <- struct{}{}:
	case <-ctx.Done():
		return kg.IngestResult{}, ctx.Err()
	}
	doc, err := s.extractor.Extract(ctx, a)
	<-s.extracting
	if err != nil {
		return kg.IngestResult{}, err
	}
	res, err := s.store.Ingest(ctx, doc)
	res.Warnings = doc.Warnings
	return res, err
}

func (s *Service) ingestArticle(ctx context.Context, in model.ArticleInput) (*model.IngestResult, error) {
	a := kg.Article{Text: in.Text}
	// A whole web page is read for its main text and metadata (package
	// webpage); what the request gives wins over what the page says.
	if webpage.LooksLikeHTML([]byte(in.Text)) {
		p, err := webpage.Read(strings.NewReader(in.Text), webpage.Options{})
		if err != nil {
			return nil, kg.Errorf(kg.EINVALID, "web page: %v", err)
		}
		a = p.Article()
	}
	if in.Title != nil && *in.Title != "" {
		a.Title = *in.Title
	}
	if in.Source != nil && *in.Source != "" {
		a.Source = *in.Source
	}
	if in.PublishedAt != nil && *in.PublishedAt != "" {
		t, err := kg.ParseDate(*in.PublishedAt)
		if err != nil {
			return nil, err
		}
		a.PublishedAt = t
	}
	res, err := s.Ingest(ctx, a)
	if err != nil {
		return nil, err
	}
	// The article is stored: the request's deadline, if it has passed,
	// must not turn that into an error. One article is a short read.
	stored, err := s.store.Article(context.WithoutCancel(ctx), res.Article.ID)
	if err != nil {
		return nil, err
	}
	warnings := res.Warnings
	if warnings == nil {
		warnings = []string{}
	}
	warnings = warnings[:min(len(warnings), MaxWarnings)]
	return &model.IngestResult{Article: stored, Created: res.Created, Statements: res.Statements, Entities: res.Entities, Warnings: warnings}, nil
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func publishedAt(a *kg.Article) *string {
	if a.PublishedAt.IsZero() {
		return nil
	}
	s := a.PublishedAt.Format(time.RFC3339)
	return &s
}

func attributedTo(ctx context.Context, s *Service, st *kg.Statement) (model.Node, error) {
	st, err := s.full(ctx, st)
	if err != nil {
		return nil, err
	}
	if st.AttributedTo == nil {
		return nil, nil
	}
	return s.node(ctx, *st.AttributedTo)
}

func (s *Service) arguments(ctx context.Context, st *kg.Statement) ([]*kg.Argument, error) {
	st, err := s.full(ctx, st)
	if err != nil {
		return nil, err
	}
	out := make([]*kg.Argument, min(len(st.Arguments), MaxArguments))
	for i := range out {
		out[i] = &st.Arguments[i]
	}
	return out, nil
}

func (s *Service) relation(ctx context.Context, st *kg.Statement) (string, error) {
	st, err := s.full(ctx, st)
	if err != nil {
		return "", err
	}
	return st.Relation, nil
}

// qualifier reads a qualifier (time, place) of the whole statement.
func (s *Service) qualifier(ctx context.Context, st *kg.Statement, get func(*kg.Statement) string) (*string, error) {
	st, err := s.full(ctx, st)
	if err != nil {
		return nil, err
	}
	return optional(get(st)), nil
}

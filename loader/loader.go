package loader

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/kg"
)

// Options are the loader's limits and naming.
type Options struct {
	Base             string // base IRI; kg.DefaultBase when empty
	MaxBytes         int    // largest article accepted; 0 means 2 MiB
	MaxSentenceWords int    // longer sentences are skipped with a warning; 0 means 200
	// Resolvers run in order on each finished document (Extract only):
	// geocoding (package geo), linking to a knowledge base (package kb).
	Resolvers []Resolver
}

// Resolver is a stage after the loader's own: it reads a finished
// document and adds to it (locations, sameAs links), renaming entities
// through kg.Document.RenameEntity if it must.
type Resolver interface {
	Resolve(doc *kg.Document, iris kg.IRIs)
}

// Loader extracts documents from article text. It is safe for concurrent
// use if its Annotator is.
type Loader struct {
	annotator Annotator
	iris      kg.IRIs
	opts      Options
}

// New returns a loader that annotates sentences with a.
func New(a Annotator, opts Options) *Loader {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 2 << 20
	}
	if opts.MaxSentenceWords <= 0 {
		opts.MaxSentenceWords = 200
	}
	return &Loader{annotator: a, iris: kg.NewIRIs(opts.Base), opts: opts}
}

// IRIs returns the naming scheme the loader uses.
func (l *Loader) IRIs() kg.IRIs { return l.iris }

// ArticleID is the IRI Extract gives the article with this text (its
// text as read: markup stripped, normalized), without extracting it.
func (l *Loader) ArticleID(text string) string { return l.iris.Article(articleText(text)) }

// Extract reads one article, stage by stage: the text is cleaned
// (clean.go), split and annotated by the language stages (annotate.go),
// its names found (mentions.go) and grouped into entities (cluster.go),
// pronouns and descriptions resolved (coref.go) and statements made of
// each sentence's clauses (statements.go, attribution.go); the entities
// come last (entities.go), with every mention the resolution found. The
// article's ID is set from its text.
func (l *Loader) Extract(ctx context.Context, a kg.Article) (*kg.Document, error) {
	doc, _, err := l.extract(ctx, a, false)
	if err == nil {
		for _, r := range l.opts.Resolvers {
			r.Resolve(doc, l.iris)
		}
	}
	return doc, err
}

// ExtractFeatures is Extract with the scorer's features of each
// statement (scorer.go), for training the scorer.
func (l *Loader) ExtractFeatures(ctx context.Context, a kg.Article) (*kg.Document, map[StatementKey][]string, error) {
	return l.extract(ctx, a, true)
}

func (l *Loader) extract(ctx context.Context, a kg.Article, features bool) (*kg.Document, map[StatementKey][]string, error) {
	text, warnings, err := l.Clean(a.Text)
	if err != nil {
		return nil, nil, err
	}
	a.Text = text
	a.ID = l.iris.Article(a.Text)
	doc := &kg.Document{Article: a, Warnings: warnings}
	d := newDocState(a.Text, l.iris)
	if features {
		d.features = map[StatementKey][]string{}
	}
	var roles map[int]int
	d.sents, roles = analyze(l.annotator, a.Text, l.opts.MaxSentenceWords)
	if date := sentenceRoles(a.Text, d.sents, roles); doc.Article.PublishedAt.IsZero() {
		doc.Article.PublishedAt = date
	}
	d.anchor = doc.Article.PublishedAt
	for i, s := range d.sents {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, fmt.Errorf("extract %s: %w", a.ID, err)
			}
		}
		switch {
		case len(s.Words) > l.opts.MaxSentenceWords:
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("sentence %d has %d words, over the limit of %d: skipped", i, len(s.Words), l.opts.MaxSentenceWords))
			d.sents[i].Words = nil
		case roles[i] == roleDateline:
			// the place the story was filed from: its names are the
			// article's, it states nothing
			if doc.Article.Place == "" {
				doc.Article.Place = datelinePlace(s.Words)
			}
			d.mentions = append(d.mentions, findMentions(s)...)
			d.quiet[i] = true
		case roles[i] == roleSpeaker:
			// who speaks the rest of the paragraph: their name counts,
			// their turn's statements are theirs (speakerTurn)
			d.mentions = append(d.mentions, speakerMentions(s)...)
			d.quiet[i] = true
			d.turns[i] = true
		case roles[i] != roleText:
			d.sents[i].Words = nil // a date line, a byline, a caption
		default:
			d.mentions = append(d.mentions, findMentions(s)...)
		}
	}
	d.interview = len(d.turns) >= 3
	if d.interview {
		d.mentions = append(d.mentions, d.unnamedSpeakers()...)
	}
	d.trimTitleMentions(text)
	d.clusters = clusterMentions(d.mentions)
	if err := d.resolveCoreference(); err != nil {
		return nil, nil, fmt.Errorf("extract %s: %w", a.ID, err)
	}
	d.index()
	// Who says what is settled for every sentence before any statement
	// is made: a quotation's speaker may be named a sentence later.
	type pending struct {
		titles []kg.Statement
		x      *sentenceExtractor // nil for a heading
	}
	var todo []pending
	var xs []*sentenceExtractor
	for _, s := range d.sents {
		if len(s.Words) == 0 || d.quiet[s.Index] {
			continue
		}
		d.resolveAll(s)
		p := pending{titles: d.titleStatements(s)}
		if !heading(s.Words) {
			// (a section heading, "Warhol's photographic legacy", names a
			// topic; it states nothing)
			p.x = &sentenceExtractor{doc: d, sent: s, ws: s.Words, headline: s.Index == 0 && headline(a.Text, s)}
			p.x.attributed = p.x.attribution()
			xs = append(xs, p.x)
		}
		todo = append(todo, p)
	}
	d.carryQuotations(xs)
	for _, p := range todo {
		doc.Statements = append(doc.Statements, p.titles...)
		if p.x != nil {
			doc.Statements = append(doc.Statements, p.x.statements()...)
		}
	}
	doc.Entities = d.entities()
	for i := range doc.Statements {
		st := &doc.Statements[i]
		st.Subject.ID = l.iris.Node(st.Subject)
		st.Object.ID = l.iris.Node(st.Object)
		if st.AttributedTo != nil {
			st.AttributedTo.ID = l.iris.Node(*st.AttributedTo)
		}
		for j := range st.Arguments {
			st.Arguments[j].Value.ID = l.iris.Node(st.Arguments[j].Value)
		}
		st.ID = l.iris.Statement(st.Subject.ID, st.Predicate, st.Object.ID, st.Negated, st.Modality)
	}
	doc.Statements = dedupe(doc.Statements)
	return doc, d.features, nil
}

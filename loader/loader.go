package loader

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp"
)

// Options are the loader's limits and naming.
type Options struct {
	Base             string // base IRI; kg.DefaultBase when empty
	MaxBytes         int    // largest article accepted; 0 means 2 MiB
	MaxSentenceWords int    // longer sentences are skipped with a warning; 0 means 200
	// Patterns makes statements with the earlier verb-group patterns on
	// the tags instead of the Open IE tuples of the dependency parses
	// (package openie). Kept for comparison; see the README.
	Patterns bool
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

// articleText is the text an article is read as: HTML stripped to its
// text, stray control characters replaced, normalized (kg.NormalizeText).
func articleText(text string) string {
	if looksLikeHTML(text) {
		text = htmlToText(text)
	}
	return kg.NormalizeText(stripControls(text))
}

// Validate checks article text before extraction: it must be non-empty,
// valid UTF-8, text rather than binary data, and within the size limit.
func (l *Loader) Validate(text string) error {
	if len(text) > l.opts.MaxBytes {
		return kg.Errorf(kg.ETOOLARGE, "article is %d bytes, over the limit of %d", len(text), l.opts.MaxBytes)
	}
	if strings.TrimSpace(text) == "" {
		return kg.Errorf(kg.EINVALID, "article text is empty")
	}
	if !utf8.ValidString(text) {
		return kg.Errorf(kg.EINVALID, "article text is not valid UTF-8")
	}
	if bytes.IndexByte([]byte(text), 0) >= 0 {
		return kg.Errorf(kg.EINVALID, "article text contains NUL bytes: binary data is not accepted")
	}
	control, letters := 0, 0
	for _, r := range text {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			control++
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if control*20 > utf8.RuneCountInString(text) {
		return kg.Errorf(kg.EINVALID, "article text is mostly control characters: binary data is not accepted")
	}
	if letters == 0 {
		return kg.Errorf(kg.EINVALID, "article text has no letters")
	}
	return nil
}

// Extract reads one article. The article's ID is set from its text.
func (l *Loader) Extract(ctx context.Context, a kg.Article) (*kg.Document, error) {
	if err := l.Validate(a.Text); err != nil {
		return nil, err
	}
	var warnings []string
	if looksLikeHTML(a.Text) {
		warnings = append(warnings, "HTML markup stripped: the article is its text")
		if err := l.Validate(htmlToText(a.Text)); err != nil {
			return nil, fmt.Errorf("after stripping HTML: %w", err)
		}
	}
	a.Text = articleText(a.Text)
	a.ID = l.iris.Article(a.Text)
	d := newDocState(a.Text, l.iris)
	sents := analyze(l.annotator, a.Text, l.opts.MaxSentenceWords)
	doc := &kg.Document{Article: a, Warnings: warnings}
	for i, s := range sents {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("extract %s: %w", a.ID, err)
			}
		}
		if len(s.Words) > l.opts.MaxSentenceWords {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("sentence %d has %d words, over the limit of %d: skipped", i, len(s.Words), l.opts.MaxSentenceWords))
			sents[i].Words = nil
			continue
		}
		if caption(s.Words) {
			sents[i].Words = nil // "Image: Nick Moreau." credits a picture
			continue
		}
		d.mentions = append(d.mentions, findMentions(s)...)
	}
	d.sents = sents
	d.clusters = clusterMentions(d.mentions)
	d.index()
	for _, s := range sents {
		if len(s.Words) == 0 {
			continue
		}
		d.resolveAll(s)
		x := &sentenceExtractor{doc: d, sent: s, ws: s.Words}
		doc.Statements = append(doc.Statements, d.titleStatements(s)...)
		switch {
		case l.opts.Patterns:
			doc.Statements = append(doc.Statements, x.extract()...)
		case heading(s.Words):
			// a section heading ("Warhol's photographic legacy") names a
			// topic; it states nothing
		default:
			doc.Statements = append(doc.Statements, x.extractParsed()...)
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
	return doc, nil
}

// dedupe keeps the first of statements that say the same thing in the
// same sentence.
func dedupe(sts []kg.Statement) []kg.Statement {
	seen := map[string]bool{}
	out := sts[:0]
	for _, st := range sts {
		key := fmt.Sprintf("%s|%d", st.ID, st.Sentence)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, st)
	}
	return out
}

// docState is what the extractor knows of one article while reading it.
type docState struct {
	text     string
	iris     kg.IRIs
	runeAt   []int // byte offset -> code point offset
	sents    []nlp.Sentence
	mentions []mention
	clusters []*cluster
	// named maps sentence and word to the entity a name there refers to.
	named map[[2]int]int
	// extra holds mentions found by pronoun and description resolution.
	extra []extraMention
}

type extraMention struct {
	entity     int
	sent       int
	start, end int // words
	rule       string
}

func newDocState(text string, iris kg.IRIs) *docState {
	runeAt := make([]int, len(text)+1)
	n := 0
	for i := range text {
		runeAt[i] = n
		n++
	}
	runeAt[len(text)] = n
	// Fill continuation bytes with the offset of their rune.
	for i := 1; i < len(text); i++ {
		if !utf8.RuneStart(text[i]) {
			runeAt[i] = runeAt[i-1]
		}
	}
	return &docState{text: text, iris: iris, runeAt: runeAt, named: map[[2]int]int{}}
}

func (d *docState) runeOffset(b int) int { return d.runeAt[b] }

func (d *docState) index() {
	for _, m := range d.mentions {
		if m.entity < 0 {
			continue
		}
		for k := m.start; k < m.end; k++ {
			d.named[[2]int{m.sent, k}] = m.entity
		}
	}
}

// entityAt returns the entity named at a word, or -1.
func (d *docState) entityAt(sent, word int) int {
	if e, ok := d.named[[2]int{sent, word}]; ok {
		return e
	}
	return -1
}

func (d *docState) node(e int) kg.Node {
	c := d.clusters[e]
	return kg.Node{Name: c.name, Type: c.typ}
}

func (d *docState) addMention(e int, s nlp.Sentence, start, end int, rule string) {
	d.extra = append(d.extra, extraMention{entity: e, sent: s.Index, start: start, end: end, rule: rule})
}

// positions returns every mention of entity e as (sentence, word) pairs in
// text order, named and resolved.
func (d *docState) lastMentionBefore(e, sent, word int) (int, int, bool) {
	bs, bw, found := -1, -1, false
	consider := func(s, w int) {
		if s < sent || s == sent && w < word {
			if !found || s > bs || s == bs && w > bw {
				bs, bw, found = s, w, true
			}
		}
	}
	for _, i := range d.clusters[e].members {
		consider(d.mentions[i].sent, d.mentions[i].start)
	}
	for _, m := range d.extra {
		if m.entity == e {
			consider(m.sent, m.start)
		}
	}
	return bs, bw, found
}

// pronoun resolves a third-person pronoun at (sent, word): he/she to the
// person mentioned last, it/its to the organization or place mentioned
// last, within the three sentences before it. First and second person and
// "they" stay unresolved.
func (d *docState) pronoun(sent, word int) int {
	w := strings.ToLower(d.sents[sent].Words[word].Text)
	var want func(c *cluster) bool
	var g, other byte
	switch w {
	case "he", "him", "his", "himself":
		g, other = 'm', 'f'
	case "she", "her", "hers", "herself":
		g, other = 'f', 'm'
	case "it", "its", "itself":
		want = func(c *cluster) bool { return c.typ == kg.Organization || c.typ == kg.GPE }
	default:
		return -1
	}
	if g != 0 {
		// "she" is not a man the text has called "he" or "Mr."
		want = func(c *cluster) bool { return c.typ == kg.Person && c.gender != other }
	}
	if d.inQuote(sent, word) {
		return -1
	}
	e := d.latest(sent, word, 3, want)
	if e >= 0 && g != 0 && d.clusters[e].gender == 0 {
		d.clusters[e].gender = g
	}
	return e
}

// inQuote reports whether a word is inside quotation marks.
func (d *docState) inQuote(sent, word int) bool {
	n := 0
	for _, w := range d.sents[sent].Words[:word] {
		if isQuote(w.Text) {
			n++
		}
	}
	return n%2 == 1
}

// latest returns the entity satisfying want that was mentioned last before
// (sent, word), no more than window sentences back, or -1.
func (d *docState) latest(sent, word, window int, want func(*cluster) bool) int {
	best, bs, bw := -1, -1, -1
	for e, c := range d.clusters {
		if !want(c) {
			continue
		}
		s, w, ok := d.lastMentionBefore(e, sent, word)
		if !ok || sent-s > window {
			continue
		}
		if s > bs || s == bs && w > bw {
			best, bs, bw = e, s, w
		}
	}
	return best
}

// description resolves a definite description to an entity: "the
// president" or "Mexico's president" to the person the article gives that
// title, "the country" or "the nation" to the country mentioned last, "the
// company" to the organization mentioned last.
func (d *docState) description(sent int, p phrase) int {
	ws := d.sents[sent].Words
	head := ws[p.head]
	lh := strings.ToLower(head.Text)
	if head.XPOS != "NN" && !(head.XPOS == "NNP" && isTitleNoun(lh)) {
		return -1
	}
	first := strings.ToLower(ws[p.start].Text)
	definite := first == "the" || first == "this" || first == "that"
	possessed := false
	for k := p.start; k < p.head; k++ {
		if ws[k].XPOS == "POS" {
			possessed = true
		}
	}
	if !definite && !possessed {
		return -1
	}
	// Only the bare head with its determiner or possessor: "the
	// president", "Mexico's president"; not "the president's office".
	if p.head != p.end-1 {
		return -1
	}
	switch lh {
	case "country", "nation":
		return d.latest(sent, p.start, 4, func(c *cluster) bool { return c.typ == kg.GPE && isCountry(c.name) })
	case "city", "state":
		return d.latest(sent, p.start, 3, func(c *cluster) bool { return c.typ == kg.GPE && !isCountry(c.name) })
	case "company", "firm", "organization", "organisation", "agency", "group", "ministry":
		return d.latest(sent, p.start, 3, func(c *cluster) bool { return c.typ == kg.Organization })
	}
	if !isTitleNoun(lh) {
		return -1
	}
	hasTitle := func(c *cluster) bool {
		if c.typ != kg.Person {
			return false
		}
		for _, t := range c.titles {
			if t == lh {
				return true
			}
		}
		return false
	}
	if e := d.latest(sent, p.start, 1000, hasTitle); e >= 0 {
		return e
	}
	// Introduced before the name: the first titled person mentioned after.
	best, bs := -1, 1<<30
	for e, c := range d.clusters {
		if !hasTitle(c) {
			continue
		}
		for _, i := range c.members {
			m := d.mentions[i]
			if (m.sent > sent || m.sent == sent && m.start > p.start) && m.sent < bs {
				best, bs = e, m.sent
			}
		}
	}
	return best
}

// titleStatements states the titles the text gives people: "US Secretary
// of State Antony Blinken" -> Antony Blinken is US Secretary of State.
func (d *docState) titleStatements(s nlp.Sentence) []kg.Statement {
	var out []kg.Statement
	for _, m := range d.mentions {
		if m.sent != s.Index || m.titleStart >= m.start || m.entity < 0 {
			continue
		}
		title := d.text[s.Words[m.titleStart].Start:s.Words[m.start-1].End]
		switch strings.ToLower(strings.TrimSuffix(title, ".")) {
		case "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady":
			continue
		}
		if d.longerTitle(m.entity, title) {
			continue // "Secretary Blinken" after "Secretary of State Antony Blinken"
		}
		out = append(out, kg.Statement{
			Subject:    d.node(m.entity),
			Predicate:  "be",
			Relation:   "is",
			Object:     kg.Node{Name: title, Type: kg.Concept},
			Confidence: 0.85,
			Sentence:   s.Index,
			Span:       kg.Span{Start: d.runeOffset(s.Words[m.titleStart].Start), End: d.runeOffset(s.Words[m.end-1].End)},
			Text:       d.text[s.Start:s.End],
		})
	}
	return out
}

// entities lists the article's entities with their mentions and aliases,
// in order of first mention.
func (d *docState) entities() []kg.Entity {
	type pos struct{ s, w int }
	out := make([]kg.Entity, 0, len(d.clusters))
	first := make([]pos, 0, len(d.clusters))
	for e, c := range d.clusters {
		ent := kg.Entity{Name: c.name, Type: c.typ}
		ent.ID = d.iris.Entity(c.typ, c.name)
		aliases := map[string]bool{}
		fp := pos{1 << 30, 0}
		addAlias := func(a string) {
			if a != c.name && !aliases[a] {
				aliases[a] = true
				ent.Aliases = append(ent.Aliases, a)
			}
		}
		var ms []kg.Mention
		for _, i := range c.members {
			m := d.mentions[i]
			ws := d.sents[m.sent].Words
			ms = append(ms, kg.Mention{Start: d.runeOffset(ws[m.start].Start), End: d.runeOffset(ws[m.end-1].End),
				Text: d.text[ws[m.start].Start:ws[m.end-1].End], Sentence: m.sent, Rule: m.rule})
			addAlias(d.text[ws[m.start].Start:ws[m.end-1].End])
			if m.titleStart < m.start {
				addAlias(d.text[ws[m.titleStart].Start:ws[m.end-1].End])
			}
			if m.sent < fp.s || m.sent == fp.s && m.start < fp.w {
				fp = pos{m.sent, m.start}
			}
		}
		for _, m := range d.extra {
			if m.entity != e {
				continue
			}
			ws := d.sents[m.sent].Words
			ms = append(ms, kg.Mention{Start: d.runeOffset(ws[m.start].Start), End: d.runeOffset(ws[m.end-1].End),
				Text: d.text[ws[m.start].Start:ws[m.end-1].End], Sentence: m.sent, Rule: m.rule})
		}
		sort.Slice(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
		// Resolution may reach the same words twice (once for the
		// attribution, once for the statement).
		uniq := ms[:0]
		for _, m := range ms {
			if n := len(uniq); n > 0 && m.Start == uniq[n-1].Start && m.End == uniq[n-1].End {
				continue
			}
			uniq = append(uniq, m)
		}
		ent.Mentions = uniq
		if ent.Aliases == nil {
			ent.Aliases = []string{}
		}
		out = append(out, ent)
		first = append(first, fp)
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		pa, pb := first[idx[a]], first[idx[b]]
		return pa.s < pb.s || pa.s == pb.s && pa.w < pb.w
	})
	sorted := make([]kg.Entity, len(out))
	for i, k := range idx {
		sorted[i] = out[k]
	}
	// Two clusters can land on one IRI (the same name typed by two rules);
	// merge them so each entity appears once.
	merged := sorted[:0]
	at := map[string]int{}
	for _, e := range sorted {
		if k, ok := at[e.ID]; ok {
			merged[k].Mentions = append(merged[k].Mentions, e.Mentions...)
			sort.Slice(merged[k].Mentions, func(a, b int) bool { return merged[k].Mentions[a].Start < merged[k].Mentions[b].Start })
			continue
		}
		at[e.ID] = len(merged)
		merged = append(merged, e)
	}
	return merged
}

// longerTitle reports whether entity e carries a longer title that
// contains title.
func (d *docState) longerTitle(e int, title string) bool {
	t := strings.ToLower(title)
	for _, i := range d.clusters[e].members {
		if o := strings.ToLower(d.mentions[i].title); len(o) > len(t) && strings.Contains(o, t) {
			return true
		}
	}
	return false
}

// resolveAll records every pronoun and definite description of a sentence
// that resolves to an entity as a mention of it, whether or not a
// statement uses it, so that later resolution sees the right salience.
func (d *docState) resolveAll(s nlp.Sentence) {
	ws := s.Words
	for i, w := range ws {
		if w.XPOS == "PRP" || w.XPOS == "PRP$" {
			if e := d.pronoun(s.Index, i); e >= 0 {
				d.addMention(e, s, i, i+1, "pronoun")
			}
			continue
		}
		if !isNounTag(w.XPOS) || i == 0 || i+1 < len(ws) && isNounTag(ws[i+1].XPOS) {
			continue
		}
		start := i - 1
		if ws[start].XPOS == "POS" && start > 0 {
			start-- // "Mexico 's president"
		} else if ws[start].XPOS != "DT" {
			continue
		}
		if e := d.description(s.Index, phrase{start: start, end: i + 1, head: i}); e >= 0 {
			d.addMention(e, s, start, i+1, "description")
		}
	}
}

// caption reports a picture or sound credit: a short sentence with
// "Image:", "Photo:", "Audio:", "Video:" or "Credit:" in it.
func caption(ws []nlp.Word) bool {
	if len(ws) > 16 {
		return false
	}
	for i := 0; i+1 < len(ws); i++ {
		if ws[i+1].Text == ":" {
			switch strings.ToLower(ws[i].Text) {
			case "image", "images", "photo", "photos", "photograph", "picture", "audio", "video", "credit", "credits":
				return true
			}
		}
	}
	return false
}

// heading reports a line that is a title rather than a sentence: no
// closing punctuation and no finite verb.
func heading(ws []nlp.Word) bool {
	if len(ws) == 0 {
		return true
	}
	switch ws[len(ws)-1].Text {
	case ".", "!", "?", "\"", "'", "”", "’", ")", "…":
		return false
	}
	for _, w := range ws {
		switch w.XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			return false
		}
	}
	return true
}

// stripControls replaces control characters other than line breaks and
// tabs by spaces (Validate has refused texts that are mostly made of
// them).
func stripControls(s string) string {
	if strings.IndexFunc(s, isStrayControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isStrayControl(r) {
			return ' '
		}
		return r
	}, s)
}

func isStrayControl(r rune) bool {
	return unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t'
}

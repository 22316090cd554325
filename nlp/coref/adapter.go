package coref

import (
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp"
)

// NameSpan is a named mention as the loader finds it: a span of words of
// one of its sentences, typed.
type NameSpan struct {
	Sent       int // index into the loader's sentences
	Start, End int // word indices, [Start, End)
	Type       kg.EntityType
	// Group is the loader's entity for the name plus one (0: none): names
	// the loader has clustered stay together (see Mention.Group).
	Group int
}

// FromLoader builds the resolver's document from the loader's analysed
// sentences and the names it found. The document's first len(names)
// mentions are the names, in the order given, so that Result.Cluster[i]
// for i < len(names) is the entity of names[i]; after them come the
// pronouns and noun phrases that Detect finds, less those whose head word
// lies inside a name. A sentence the loader skipped (no words) has no
// mentions.
//
// A loader wires it in through Model.ResolveNames (d being its
// per-article state, after clusterMentions):
//
//	names := make([]coref.NameSpan, len(d.mentions))
//	for i, m := range d.mentions {
//		names[i] = coref.NameSpan{Sent: m.sent, Start: m.start, End: m.end, Type: m.typ, Group: m.entity + 1}
//	}
//	links := model.ResolveNames(d.sents, names)
//	// a pronoun or description headed by word w of sentence s refers to
//	// d.mentions[links.Name(s, w)].entity (when Name is not -1); names
//	// with the same links.First are one entity.
func FromLoader(sents []nlp.Sentence, names []NameSpan) *Doc {
	d := &Doc{Sents: sents}
	inName := make([]map[int]bool, len(sents))
	for _, n := range names {
		s := d.Sents[n.Sent]
		h := spanHead(s, n.Start, n.End)
		d.Mentions = append(d.Mentions, Mention{Sent: n.Sent, Start: n.Start, End: n.End, Head: h, Kind: Name, Type: typeOf(n.Type), Group: n.Group})
		if inName[n.Sent] == nil {
			inName[n.Sent] = map[int]bool{}
		}
		for k := n.Start; k < n.End; k++ {
			inName[n.Sent][k] = true
		}
	}
	for _, m := range Detect(d.Sents) {
		if inName[m.Sent][m.Head] {
			continue
		}
		d.Mentions = append(d.Mentions, m)
	}
	return d
}

// typeOf maps the graph's entity types to the resolver's.
func typeOf(t kg.EntityType) Type {
	switch t {
	case kg.Person:
		return Person
	case kg.Organization:
		return Organization
	case kg.GPE, kg.Location:
		return Place
	case "":
		return Unknown
	}
	return Thing
}

// Links are an article's coreference in the loader's terms: which of its
// names each pronoun or description refers to, and which names the model
// put on one entity.
type Links struct {
	byHead map[[2]int]int     // (sentence, head word) -> index into the names
	margin map[[2]int]float32 // (sentence, head word) -> the link's Result.Margin
	first  []int              // per name, the first name of its entity
}

// ResolveNames resolves an article given as the loader's sentences and
// names (see FromLoader).
func (m *Model) ResolveNames(sents []nlp.Sentence, names []NameSpan) *Links {
	d := FromLoader(sents, names)
	r := m.Resolve(d)
	return linksOf(d, r, len(names))
}

// ResolveNames is Model.ResolveNames with the hand rules, the baseline
// the model is measured against.
func (r Rules) ResolveNames(sents []nlp.Sentence, names []NameSpan) *Links {
	d := FromLoader(sents, names)
	return linksOf(d, r.Resolve(d), len(names))
}

func linksOf(d *Doc, r Result, nNames int) *Links {
	l := &Links{byHead: map[[2]int]int{}, margin: map[[2]int]float32{}, first: make([]int, nNames)}
	// The names of each cluster, in text order (the names come in the
	// loader's order, which is text order).
	named := map[int][]int{}
	for i := 0; i < nNames; i++ {
		c := r.Cluster[i]
		named[c] = append(named[c], i)
		l.first[i] = named[c][0]
	}
	before := func(a, b Mention) bool { return a.Sent < b.Sent || a.Sent == b.Sent && a.Start < b.Start }
	for k := nNames; k < len(d.Mentions); k++ {
		m := d.Mentions[k]
		ns := named[r.Cluster[k]]
		if len(ns) == 0 {
			continue
		}
		best := -1
		for _, i := range ns {
			if before(d.Mentions[i], m) {
				best = i // the nearest name before it
			}
		}
		if best < 0 {
			best = ns[0] // a speaker named after the quotation
		}
		l.byHead[[2]int{m.Sent, m.Head}] = best
		l.margin[[2]int{m.Sent, m.Head}] = r.Margin[k]
	}
	return l
}

// Name returns the index of the name that the pronoun or description with
// its head word at (sent, word) refers to, or -1.
func (l *Links) Name(sent, word int) int {
	if i, ok := l.byHead[[2]int{sent, word}]; ok {
		return i
	}
	return -1
}

// Margin returns how sure the model was of the link of the pronoun or
// description with its head word at (sent, word): Result.Margin, 0 when
// it has no link.
func (l *Links) Margin(sent, word int) float32 { return l.margin[[2]int{sent, word}] }

// First returns the first name of the entity name i belongs to (i itself
// when it is the first): names with the same First are one entity.
func (l *Links) First(i int) int { return l.first[i] }

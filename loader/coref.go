package loader

import (
	"strings"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp"
)

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

package loader

import (
	"strings"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader/openie"
	"github.com/newsgraph/newsgraph/loader/syntax"
)

// extractParsed turns the sentence's Open IE tuples (package openie, on
// the dependency parse) into statements: arguments become the entities,
// quantities, dates or concepts they name (resolve), predicates are
// lemmatized, passives with an agent are made active, and the sentence's
// time, attribution and condition qualify every statement. Tuples of the
// weak kinds (possessives, adjectival attributes) stay out of the graph.
func (x *sentenceExtractor) extractParsed() []kg.Statement {
	ws := x.ws
	s := openie.Sentence{Words: make([]string, len(ws)), UPOS: make([]string, len(ws)), XPOS: make([]string, len(ws)),
		Lemma: make([]string, len(ws)), Head: make([]int, len(ws)), Rel: make([]string, len(ws))}
	for i, w := range ws {
		s.Words[i], s.UPOS[i], s.XPOS[i], s.Lemma[i], s.Head[i], s.Rel[i] = w.Text, w.UPOS, w.Tag, w.Lemma, w.Head, w.Rel
	}
	attributed := x.attribution()
	when := x.sentenceTime()
	conditional := -1
	for i, w := range ws {
		if l := strings.ToLower(w.Text); l == "if" || l == "unless" {
			conditional = i
			break
		}
	}
	var out []kg.Statement
	for _, tp := range openie.Extract(s) {
		if tp.Kind == openie.Possessive || tp.Kind == openie.Attribute || len(tp.Args) == 0 || len(tp.Subject.Words) == 0 {
			continue
		}
		subj, obj := tp.Subject, tp.Args[0]
		passive, agent := false, -1
		for _, k := range tp.Rel {
			if ws[k].Rel == "aux:pass" {
				passive = true
			}
		}
		if passive {
			for i, a := range tp.Args {
				if a.Head >= 0 && ws[a.Head].Rel == "obl:agent" {
					agent = i
				}
			}
		}
		prep := tp.Prep
		if passive && agent >= 0 {
			// "were turned away by the US": the US turned them away.
			obj, subj = subj, tp.Args[agent]
			if agent == 0 {
				prep = -1
			}
		}
		if len(obj.Words) == 0 || fragment(ws, subj) || fragment(ws, obj) || misparsed(ws, subj, obj, tp.Kind) {
			continue
		}
		if tp.Verb >= 0 && reportingVerbs[verbLemma(ws[tp.Verb])] && obj.Head >= 0 && ws[obj.Head].Rel == "ccomp" {
			// "X said that Y": Y's own statements carry the attribution
			// (appendStatement); the saying itself is not a fact.
			continue
		}
		sa := x.resolve(x.namePhrase(subj))
		oa := x.resolve(x.namePhrase(obj))
		if !sa.ok || !oa.ok {
			continue
		}
		op := phraseOf(obj)
		g := vgroup{start: op.start, end: op.start, main: tp.Verb, first: tp.Verb, negated: tp.Negated, modal: tp.Modal, passive: passive}
		if len(tp.Rel) > 0 {
			g.start, g.end = tp.Rel[0], tp.Rel[len(tp.Rel)-1]+1
		}
		pred, rel := x.predicate(tp, prep, passive && agent < 0)
		if sa.resolved == "pronoun" && (pred == "be" || strings.HasPrefix(pred, "be ")) {
			// "it is one of the five pillars": what "it" stands for in a
			// copula is the resolver's weakest guess
			continue
		}
		conf := tp.Confidence + 0.2
		if sa.resolved != "" {
			conf -= 0.1
		}
		st := x.statement(sa, pred, rel, oa, g, conf)
		out = x.appendStatement(out, st, when, attributed, conditional, max(tp.Verb, 0))
	}
	return out
}

// fragment reports a subject that cannot be one: it starts with a
// preposition or is a bare relative or demonstrative word the parse left
// unresolved ("by a user labelled ...", "that").
func fragment(ws []syntax.Word, a openie.Arg) bool {
	first := ws[a.Words[0]]
	if first.Tag == "IN" || first.Tag == "TO" || first.UPOS == "PUNCT" {
		return true
	}
	if len(a.Words) == 1 {
		switch strings.ToLower(first.Text) {
		case "that", "which", "who", "whom", "this", "these", "those":
			return true
		}
	}
	return false
}

// misparsed reports tuples whose shape no correct parse gives: a subject
// that is not headed by a noun or pronoun ("Prompted" think by ...) or
// that holds a finite verb, a time expression as subject ("Thursday" be
// "January 12, 2006": times are qualifiers), or a predicate nominal that
// holds a finite verb ("the site" be "As of 15:11 the site was ...").
func misparsed(ws []syntax.Word, subj, obj openie.Arg, kind openie.Kind) bool {
	switch ws[subj.Head].UPOS {
	case "NOUN", "PROPN", "PRON", "NUM", "X":
	default:
		return true
	}
	finite := func(a openie.Arg) bool {
		for _, k := range a.Words {
			switch ws[k].Tag {
			case "VBD", "VBZ", "VBP", "MD":
				return true
			}
		}
		return false
	}
	if finite(subj) || datePhrase(ws, subj.Words[0]) > subj.Words[0] {
		return true
	}
	copular := kind == openie.Apposition
	for _, k := range obj.Words {
		if ws[k].Rel == "cop" {
			copular = true
		}
	}
	if obj.Head >= 0 && ws[obj.Head].Rel != "ccomp" && ws[obj.Head].Rel != "xcomp" && (copular || kind == openie.Apposition) && finite(obj) {
		return true
	}
	return false
}

func phraseOf(a openie.Arg) phrase {
	return phrase{start: a.Words[0], end: a.Words[len(a.Words)-1] + 1, head: a.Head}
}

// namePhrase is phraseOf with the head moved onto the name when the
// parser headed a titled name by its title ("Chancellor Olaf Scholz":
// flat(Chancellor, Olaf, Scholz)): the rightmost word of the head's flat
// or compound parts that belongs to an entity.
func (x *sentenceExtractor) namePhrase(a openie.Arg) phrase {
	p := phraseOf(a)
	if x.doc.entityAt(x.sent.Index, p.head) >= 0 {
		return p
	}
	best := -1
	for i, w := range x.ws {
		if w.Head == p.head && (w.Rel == "flat" || w.Rel == "compound") && i > p.head && x.doc.entityAt(x.sent.Index, i) >= 0 {
			best = i
		}
	}
	if best >= 0 {
		p.head = best
	}
	return p
}

// predicate gives a tuple's lemmatized predicate ("meet with", "want to
// see", "be closed" for an agentless passive) and its relation as written.
func (x *sentenceExtractor) predicate(tp openie.Tuple, prep int, agentless bool) (pred, rel string) {
	ws := x.ws
	var parts, surface []string
	for _, k := range tp.Rel {
		w := ws[k]
		surface = append(surface, w.Text)
		switch {
		case w.Rel == "aux" || w.Rel == "advmod" || w.Tag == "MD":
			// auxiliaries, negation and adverbs are flags or dropped
		case w.Rel == "aux:pass":
			if agentless {
				parts = append(parts, "be")
			}
		case w.Rel == "cop":
			parts = append(parts, "be")
		case w.Tag == "TO" || w.Rel == "mark":
			parts = append(parts, strings.ToLower(w.Text))
		case w.Rel == "compound:prt":
			parts = append(parts, strings.ToLower(w.Text))
		case strings.HasPrefix(w.Tag, "VB"):
			if agentless && k == tp.Verb {
				parts = append(parts, strings.ToLower(w.Text))
			} else {
				parts = append(parts, verbLemma(w))
			}
		default:
			parts = append(parts, strings.ToLower(w.Lemma))
		}
	}
	if prep >= 0 {
		parts = append(parts, strings.ToLower(ws[prep].Text))
		surface = append(surface, ws[prep].Text)
	}
	if len(parts) == 0 {
		parts, surface = []string{"be"}, []string{"is"}
	}
	return strings.Join(parts, " "), strings.Join(surface, " ")
}

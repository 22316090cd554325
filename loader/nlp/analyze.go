package nlp

import (
	"strings"

	"github.com/newsgraph/newsgraph/loader/parser"
	"github.com/newsgraph/newsgraph/loader/tagger"
)

// AltMargin is the tagger score margin under which the parser is also
// shown the tagger's runner-up tag (on EWT dev, about one word in ten gets
// one, and the runner-up is right for nearly half of the tagger's
// mistakes).
const AltMargin = 32

// PromoteMargin bounds how far behind a runner-up finite verb may be for
// promoteVerb to take it (on EWT dev: UAS 86.28 without promotion, 86.31
// within 32, 86.29 within 64, 86.24 with any runner-up; 64 is the
// smallest that fixes "The United States imposed sanctions").
const PromoteMargin = 64

// Analysis is what the models say about the words of one sentence; all
// slices have one entry per word. Head is 1-based, 0 for the root.
type Analysis struct {
	UPOS, XPOS, Lemma []string
	Head              []int
	Rel               []string
}

// Analyze tags, lemmatizes and, when the bundle has a parser, parses one
// tokenized sentence.
func (m *Models) Analyze(words []string) Analysis {
	n := len(words)
	a := Analysis{UPOS: make([]string, n), XPOS: make([]string, n), Lemma: make([]string, n)}
	tags, alt, margins := m.Tagger.TagAlt(words)
	promoteVerb(tags, alt, margins)
	alts, classes := make([]string, n), make([]uint16, n)
	for i, t := range tags {
		a.UPOS[i], a.XPOS[i] = t.UPOS, t.XPOS
		if margins[i] < AltMargin {
			alts[i] = alt[i].XPOS
		}
		classes[i] = m.Lexicon.Class(strings.ToLower(words[i]))
		a.Lemma[i] = m.Lemma.Lemma(words[i], t.XPOS)
	}
	if m.Parser != nil {
		a.Head, a.Rel = m.Parser.Parse(parser.Input{Words: words, XPOS: a.XPOS, UPOS: a.UPOS, Alt: alts, Class: classes})
	}
	return a
}

// promoteVerb gives a sentence without a finite verb the finite verb the
// tagger hesitated over: in a headline such as "Hackers attack Church of
// Scientology website" the tagger, used to determiners, calls "attack" a
// noun with a verb as its close runner-up, and in "The United States
// imposed sanctions" it reads "imposed" as a participle. Only a finite
// verb right after a noun or pronoun, within PromoteMargin, and only when
// the sentence has no finite verb at all, is promoted.
func promoteVerb(tags, alt []tagger.Tag, margins []float32) {
	for _, t := range tags {
		switch t.XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			return
		}
	}
	for i := 1; i < len(tags); i++ {
		if margins[i] >= PromoteMargin {
			continue
		}
		switch alt[i].XPOS {
		case "VBP", "VBZ", "VBD":
			if strings.HasPrefix(tags[i-1].XPOS, "NN") || tags[i-1].XPOS == "PRP" {
				tags[i], alt[i] = alt[i], tags[i]
				margins[i] = 0 // the parser should see the doubt
				return
			}
		}
	}
}

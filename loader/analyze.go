package loader

import (
	"github.com/newsgraph/newsgraph/loader/syntax"
	"github.com/newsgraph/newsgraph/loader/token"
)

// Tagger sets part-of-speech tags, lemmas, dependency trees and entity
// hints on the words of one sentence. DefaultTagger is newsgraph's own
// analyser; the syntax layer is replaceable behind this interface.
type Tagger interface {
	Tag(words []syntax.Word)
}

// analyze splits text into sentences and tags them; a sentence of more
// than maxWords words is left untagged (the caller skips it with a
// warning): tagging and parsing 100,000 words that will be skipped would
// be most of the time a pathological text takes.
func analyze(tg Tagger, text string, maxWords int) []syntax.Sentence {
	var out []syntax.Sentence
	for i, s := range token.Split(text) {
		words := make([]syntax.Word, len(s.Tokens))
		for j, t := range s.Tokens {
			words[j] = syntax.Word{Text: t.Text, Start: t.Start, End: t.End}
		}
		if len(words) > maxWords {
			out = append(out, syntax.Sentence{Index: i, Start: s.Start, End: s.End, Words: words})
			continue
		}
		tg.Tag(words)
		fixTags(words)
		fixInitial(words)
		out = append(out, syntax.Sentence{Index: i, Start: s.Start, End: s.End, Words: words})
	}
	return out
}

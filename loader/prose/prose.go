// Package prose adapts github.com/jdkato/prose/v3's averaged-perceptron
// part-of-speech tagger and maximum-entropy entity labeller to the loader's
// Tagger interface. It tags tokens made by package token; it does not
// tokenize or segment itself.
package prose

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/tag"
	ptoken "github.com/jdkato/prose/v3/token"

	"github.com/newsgraph/newsgraph/loader/syntax"
	"github.com/newsgraph/newsgraph/loader/token"
)

// Tagger tags words with prose's English models. It is safe for concurrent
// use.
type Tagger struct {
	tagger *tag.Tagger
	ner    *ner.Extracter
}

// New loads prose's models.
func New() (*Tagger, error) {
	tg, err := tag.New()
	if err != nil {
		return nil, fmt.Errorf("load prose tagger: %w", err)
	}
	ex, err := ner.New()
	if err != nil {
		return nil, fmt.Errorf("load prose entity model: %w", err)
	}
	return &Tagger{tagger: tg, ner: ex}, nil
}

// Tag sets Tag and NER on every word of one sentence.
func (t *Tagger) Tag(words []syntax.Word) {
	toks := make([]ptoken.Token, len(words))
	for i, w := range words {
		toks[i] = ptoken.Token{Text: token.ASCII(w.Text), Start: w.Start}
	}
	t.tagger.TagTokens(toks)
	t.ner.Label(toks)
	for i := range words {
		words[i].Tag = toks[i].Tag
		words[i].NER = toks[i].Label
	}
}

// NER labels entities with prose's maximum-entropy model, over the Penn
// tags already on the words (from newsgraph's own tagger). It is safe for
// concurrent use.
type NER struct{ ner *ner.Extracter }

// NewNER loads prose's entity model.
func NewNER() (*NER, error) {
	ex, err := ner.New()
	if err != nil {
		return nil, fmt.Errorf("load prose entity model: %w", err)
	}
	return &NER{ner: ex}, nil
}

// Label sets NER on every word of one sentence. Words far from any
// possible name are labelled "O" without asking the model, which is most
// of the cost of analysis.
func (n *NER) Label(words []syntax.Word) {
	toks := make([]ptoken.Token, len(words))
	for i, w := range words {
		toks[i] = ptoken.Token{Text: token.ASCII(w.Text), Start: w.Start, Tag: w.Tag, Label: "O"}
	}
	// The model sees one word on each side and its own previous label,
	// so it is asked only about windows around the words that may be
	// names, with two words of context before and one after.
	for a := 0; a < len(words); {
		if !mayBeName(words, a) {
			a++
			continue
		}
		start, end := max(0, a-2), a+1
		for end < len(words) && (mayBeName(words, end) || end+1 < len(words) && mayBeName(words, end+1)) {
			end++
		}
		end = min(len(words), end+1)
		n.ner.Label(toks[start:end])
		a = end
	}
	for i := range words {
		words[i].NER = toks[i].Label
	}
}

// mayBeName reports whether word i could be (part of) a name: a proper
// noun, or capitalized after the first word.
func mayBeName(words []syntax.Word, i int) bool {
	w := words[i]
	if strings.HasPrefix(w.Tag, "NNP") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w.Text)
	return i > 0 && unicode.IsUpper(r)
}

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

// Label sets NER on every word of one sentence. A sentence with no
// capitalized word after its first, and no proper noun, cannot hold a
// name: it is labelled "O" throughout without asking the model, which is
// most of the cost of analysis.
func (n *NER) Label(words []syntax.Word) {
	if !mayHoldName(words) {
		for i := range words {
			words[i].NER = "O"
		}
		return
	}
	toks := make([]ptoken.Token, len(words))
	for i, w := range words {
		toks[i] = ptoken.Token{Text: token.ASCII(w.Text), Start: w.Start, Tag: w.Tag}
	}
	n.ner.Label(toks)
	for i := range words {
		words[i].NER = toks[i].Label
	}
}

func mayHoldName(words []syntax.Word) bool {
	for i, w := range words {
		if strings.HasPrefix(w.Tag, "NNP") {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(w.Text); i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// Package prose adapts github.com/jdkato/prose/v3's maximum-entropy entity
// labeller to the pipeline's EntityLabeler: it labels words that newsgraph's
// own stages tokenized and tagged.
package prose

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/ner"
	ptoken "github.com/jdkato/prose/v3/token"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/token"
)

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
func (n *NER) Label(words []nlp.Word) {
	toks := make([]ptoken.Token, len(words))
	for i, w := range words {
		toks[i] = ptoken.Token{Text: token.ASCII(w.Text), Start: w.Start, Tag: w.XPOS, Label: "O"}
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
func mayBeName(words []nlp.Word, i int) bool {
	w := words[i]
	if strings.HasPrefix(w.XPOS, "NNP") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w.Text)
	return i > 0 && unicode.IsUpper(r)
}

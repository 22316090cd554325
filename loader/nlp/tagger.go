package nlp

import (
	"github.com/newsgraph/newsgraph/loader/syntax"
	"github.com/newsgraph/newsgraph/loader/token"
)

// EntityLabeler sets the NER hints of words that already carry their
// part-of-speech tags.
type EntityLabeler interface {
	Label(words []syntax.Word)
}

// Tagger fills in the words of a sentence with the models' tags, lemmas
// and dependency tree, then asks an entity labeler for NER hints. It
// implements the loader's Tagger interface and is safe for concurrent use
// when the labeler is.
type Tagger struct {
	Models *Models
	NER    EntityLabeler // may be nil
}

// Tag analyses one sentence in place.
func (t *Tagger) Tag(words []syntax.Word) {
	forms := make([]string, len(words))
	for i, w := range words {
		forms[i] = token.ASCII(w.Text)
	}
	a := t.Models.Analyze(forms)
	for i := range words {
		w := &words[i]
		w.Tag, w.UPOS, w.Lemma = a.XPOS[i], a.UPOS[i], a.Lemma[i]
		w.Head, w.Rel = -1, ""
		if a.Head != nil {
			w.Head, w.Rel = a.Head[i]-1, a.Rel[i]
		}
	}
	if t.NER != nil {
		t.NER.Label(words)
	}
}

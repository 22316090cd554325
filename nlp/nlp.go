// Package nlp holds the sentence type that every language stage fills in
// and every consumer reads, and the trained models built into the binary.
//
// The stages, one package each, run in this order:
//
//	nlp/token     text → sentences of words with their offsets
//	nlp/tagger    UPOS and Penn (XPOS) tags, and the tagger's doubts
//	nlp/lemma     lemmas
//	nlp/parser    dependency heads and relations
//	nlp/ner       named-entity labels
//
// nlp/pipeline loads the models and runs the stages over a text. Each
// stage reads the fields the stages before it set and sets its own; none
// changes what an earlier stage set, so a Sentence read at any point is
// consistent. Training and evaluation live apart (nlp/conllu, train/,
// eval/): nothing here reads a treebank.
package nlp

import "slices"

// Word is one token of a sentence and what the stages found out about it.
type Word struct {
	Text       string
	Start, End int    // byte offsets into the text: text[Start:End] == Text
	UPOS       string // Universal Dependencies part of speech
	XPOS       string // Penn Treebank tag
	// Alt is the Penn tag the tagger ranked second when it was unsure
	// (the parser learns when to doubt a tag); "" when it was sure.
	Alt   string
	Lemma string
	Head  int    // index of the head word in the sentence, -1 for the root or before parsing
	Rel   string // Universal Dependencies relation to the head
	NER   string // IOB entity label: "B-PERSON", "I-GPE", "O"; "" before recognition
}

// Sentence is a sentence of a text.
type Sentence struct {
	Index      int // position in the text, from 0
	Start, End int // byte offsets into the text
	Words      []Word
}

// Below reports whether word k is in the subtree of word h of a parsed
// sentence (k itself included; a cycle ends the walk).
func Below(ws []Word, k, h int) bool {
	for steps := 0; k >= 0 && steps <= len(ws); steps++ {
		if k == h {
			return true
		}
		k = ws[k].Head
	}
	return false
}

// HasChild reports whether word h of a parsed sentence has a dependent
// with one of the relations rels.
func HasChild(ws []Word, h int, rels ...string) bool {
	for _, w := range ws {
		if w.Head == h && slices.Contains(rels, w.Rel) {
			return true
		}
	}
	return false
}

// Acyclic reports whether every word of a parsed sentence reaches a root
// (a word with no head) by its heads, with no cycle on the way.
func Acyclic(ws []Word) bool {
	for k := range ws {
		h, steps := k, 0
		for ; h >= 0 && h < len(ws) && steps <= len(ws); steps++ {
			h = ws[h].Head
		}
		if h != -1 {
			return false
		}
	}
	return true
}

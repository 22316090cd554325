// Package syntax holds the word and sentence types that the loader's
// stages share: a word with its offsets, part-of-speech tags, lemma,
// dependency head and relation, and named-entity hint. It has no behaviour of its own; the tagger that fills
// these fields lives behind the loader's Tagger interface.
package syntax

// Word is a token with what the tagger found out about it.
type Word struct {
	Text       string
	Start, End int    // byte offsets into the article text
	Tag        string // Penn Treebank tag
	UPOS       string // Universal Dependencies part of speech
	Lemma      string
	Head       int    // index of the head word in the sentence, -1 for the root
	Rel        string // Universal Dependencies relation to the head
	NER        string // IOB entity hint from the tagger: "B-PERSON", "I-GPE", "O"
}

// Sentence is a sentence of an article.
type Sentence struct {
	Index      int
	Start, End int // byte offsets into the article text
	Words      []Word
}

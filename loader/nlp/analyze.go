package nlp

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
	for i, t := range m.Tagger.Tag(words) {
		a.UPOS[i], a.XPOS[i] = t.UPOS, t.XPOS
		a.Lemma[i] = m.Lemma.Lemma(words[i], t.XPOS)
	}
	if m.Parser != nil {
		a.Head, a.Rel = m.Parser.Parse(words, a.XPOS, a.UPOS)
	}
	return a
}

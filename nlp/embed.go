package nlp

import (
	_ "embed" // the model files
)

// The model files built into the binary (see models/README.md), as byte
// slices: they are used where they lie in the binary, with no copy.
var (
	//go:embed models/lexicon.zst
	lexiconZst []byte
	//go:embed models/tagger.zst
	taggerZst []byte
	//go:embed models/lemma.zst
	lemmaZst []byte
	//go:embed models/parser.zst
	parserZst []byte
)

// EmbeddedModel returns the model file of that name (LexiconFile,
// TaggerFile, ...) built into the binary.
func EmbeddedModel(name string) ([]byte, bool) {
	b, ok := map[string][]byte{LexiconFile: lexiconZst, TaggerFile: taggerZst, LemmaFile: lemmaZst, ParserFile: parserZst}[name]
	return b, ok
}

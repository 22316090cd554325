package nlp

import (
	_ "embed" // the model files
	"fmt"
	"io"
	"sync"

	"github.com/newsgraph/newsgraph/nlp/internal/lexicon"
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

// EmbeddedLexicon is the word-class lexicon built into the binary, read
// once and shared by every model that uses it.
var EmbeddedLexicon = sync.OnceValues(func() (*lexicon.Lexicon, error) {
	var lex *lexicon.Lexicon
	err := Decompress(lexiconZst, func(r io.Reader) (err error) { lex, err = lexicon.Read(r); return })
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", LexiconFile, err)
	}
	return lex, nil
})

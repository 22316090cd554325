package nlp

import (
	_ "embed" // the model files
	"fmt"
	"io/fs"
	"sync"
)

// The model files, embedded as byte slices: they are used where they lie in
// the binary, with no copy.
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

var embedded = sync.OnceValues(func() (*Models, error) {
	files := map[string][]byte{LexiconFile: lexiconZst, TaggerFile: taggerZst, LemmaFile: lemmaZst, ParserFile: parserZst}
	m, err := load(func(name string) ([]byte, error) {
		if b, ok := files[name]; ok {
			return b, nil
		}
		return nil, fs.ErrNotExist
	})
	if err != nil {
		return nil, fmt.Errorf("embedded models: %w", err)
	}
	if m.Parser == nil {
		return nil, fmt.Errorf("embedded models: no parser")
	}
	return m, nil
})

// Embedded returns the models built into the binary, loading them on first
// use.
func Embedded() (*Models, error) { return embedded() }

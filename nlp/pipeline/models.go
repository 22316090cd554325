package pipeline

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/internal/lexicon"
	"github.com/newsgraph/newsgraph/nlp/lemma"
	"github.com/newsgraph/newsgraph/nlp/parser"
	"github.com/newsgraph/newsgraph/nlp/tagger"
)

// Models is a loaded model bundle. Parser is nil in a bundle that has
// only been through `train tagger`.
type Models struct {
	Lexicon *lexicon.Lexicon
	Tagger  *tagger.Tagger
	Lemma   *lemma.Lemmatizer
	Parser  *parser.Parser
}

// LoadDir loads the models of a directory.
func LoadDir(dir string) (*Models, error) { return LoadFS(os.DirFS(dir)) }

// LoadFS loads the models of a file system.
func LoadFS(fsys fs.FS) (*Models, error) {
	return load(func(name string) ([]byte, error) { return fs.ReadFile(fsys, name) })
}

// load loads the models whose files file returns.
func load(file func(name string) ([]byte, error)) (*Models, error) {
	return loadWith(file, nil)
}

// loadWith is load with the lexicon given, when lex is not nil.
func loadWith(file func(name string) ([]byte, error), lex *lexicon.Lexicon) (*Models, error) {
	m := &Models{Lexicon: lex}
	open := func(name string, read func(io.Reader) error) error {
		comp, err := file(name)
		if err != nil {
			return err
		}
		if err := nlp.Decompress(comp, read); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	}
	if m.Lexicon == nil {
		if err := open(nlp.LexiconFile, func(r io.Reader) (err error) { m.Lexicon, err = lexicon.Read(r); return }); err != nil {
			return nil, err
		}
	}
	// The parser is most of the bytes: read it alongside the others.
	var wg sync.WaitGroup
	var perr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		perr = open(nlp.ParserFile, func(r io.Reader) (err error) { m.Parser, err = parser.Read(r); return })
		if isNotExist(perr) {
			perr = nil
		}
	}()
	err := open(nlp.TaggerFile, func(r io.Reader) (err error) { m.Tagger, err = tagger.Read(r, m.Lexicon); return })
	if err == nil {
		err = open(nlp.LemmaFile, func(r io.Reader) (err error) { m.Lemma, err = lemma.Read(r, m.Lexicon); return })
	}
	wg.Wait()
	if err != nil {
		return nil, err
	}
	if perr != nil {
		return nil, perr
	}
	return m, nil
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// embedded are the models built into the binary, loaded once.
var embedded = sync.OnceValues(func() (*Models, error) {
	lex, err := nlp.EmbeddedLexicon()
	if err != nil {
		return nil, err
	}
	m, err := loadWith(func(name string) ([]byte, error) {
		if b, ok := nlp.EmbeddedModel(name); ok {
			return b, nil
		}
		return nil, fs.ErrNotExist
	}, lex)
	if err != nil {
		return nil, fmt.Errorf("embedded models: %w", err)
	}
	if m.Parser == nil {
		return nil, fmt.Errorf("embedded models: no parser")
	}
	return m, nil
})

// Embedded returns the models built into the binary, loading them on
// first use.
func Embedded() (*Models, error) { return embedded() }

package nlp

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/newsgraph/newsgraph/loader/lemma"
	"github.com/newsgraph/newsgraph/loader/lexicon"
	"github.com/newsgraph/newsgraph/loader/parser"
	"github.com/newsgraph/newsgraph/loader/tagger"
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

// LoadFS loads the models of a file system (a directory or the embedded
// bundle).
func LoadFS(fsys fs.FS) (*Models, error) {
	m := &Models{}
	open := func(name string, read func(io.Reader) error) error {
		f, err := fsys.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := decompress(f, read); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	}
	if err := open(LexiconFile, func(r io.Reader) (err error) { m.Lexicon, err = lexicon.Read(r); return }); err != nil {
		return nil, err
	}
	if err := open(TaggerFile, func(r io.Reader) (err error) { m.Tagger, err = tagger.Read(r, m.Lexicon); return }); err != nil {
		return nil, err
	}
	if err := open(LemmaFile, func(r io.Reader) (err error) { m.Lemma, err = lemma.Read(r, m.Lexicon); return }); err != nil {
		return nil, err
	}
	err := open(ParserFile, func(r io.Reader) (err error) { m.Parser, err = parser.Read(r); return })
	if err != nil && !isNotExist(err) {
		return nil, err
	}
	return m, nil
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

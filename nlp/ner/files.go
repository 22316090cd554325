package ner

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/klauspost/compress/zstd"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/internal/lexicon"
	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
)

// Model file names inside a model directory.
const (
	ModelFile     = "ner.zst"
	GazetteerFile = "gazetteer.zst"
)

// compress makes one zstd frame of data, the same bytes for the same data.
func compress(data []byte) ([]byte, error) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return nil, err
	}
	defer enc.Close()
	return enc.EncodeAll(data, nil), nil
}

func decompress(data []byte) ([]byte, error) {
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<30))
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	return dec.DecodeAll(data, nil)
}

// load reads a model from its compressed model and gazetteer files.
func load(model, gaz []byte, lex *lexicon.Lexicon) (*Model, error) {
	var g *Gazetteer
	var gerr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		g, gerr = loadGazetteer(gaz)
	}()
	raw, err := decompress(model)
	var m *Model
	if err == nil {
		m, err = readModel(perceptron.NewBytes(raw), resources{})
	}
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ModelFile, err)
	}
	if gerr != nil {
		return nil, gerr
	}
	m.res = resources{lex: lex, gaz: g}
	return m, nil
}

func loadGazetteer(comp []byte) (*Gazetteer, error) {
	raw, err := decompress(comp)
	if err == nil {
		var g *Gazetteer
		if g, err = readGazetteer(raw); err == nil {
			return g, nil
		}
	}
	return nil, fmt.Errorf("%s: %w", GazetteerFile, err)
}

// LoadDir loads the model of a directory, with the lexicon of the
// embedded language models.
func LoadDir(dir string) (*Model, error) {
	var files [2][]byte
	for i, name := range []string{ModelFile, GazetteerFile} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		files[i] = b
	}
	lex, err := nlp.EmbeddedLexicon()
	if err != nil {
		return nil, err
	}
	return load(files[0], files[1], lex)
}

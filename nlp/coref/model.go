package coref

import (
	"bytes"
	_ "embed" // the trained model
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// ModelFile is the name of the model in a model directory.
const ModelFile = "coref.zst"

// Model is a trained mention-ranking model. It is safe for concurrent
// use.
type Model struct {
	w *weights
}

const modelMagic = "NGCOREF2\n"

// WriteTo writes the model, zstd-compressed. The output depends only on
// the weights.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	raw := append([]byte(modelMagic), m.w.encode()...)
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return 0, err
	}
	defer enc.Close()
	n, err := w.Write(enc.EncodeAll(raw, nil))
	return int64(n), err
}

// ReadModel reads a model written by WriteTo.
func ReadModel(b []byte) (*Model, error) {
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	raw, err := dec.DecodeAll(b, nil)
	if err != nil {
		return nil, fmt.Errorf("coref model: %w", err)
	}
	rest, ok := bytes.CutPrefix(raw, []byte(modelMagic))
	if !ok {
		return nil, errors.New("coref model: not a model file")
	}
	w, err := decodeWeights(rest)
	if err != nil {
		return nil, fmt.Errorf("coref model: %w", err)
	}
	return &Model{w: w}, nil
}

// LoadModel reads a model file.
func LoadModel(path string) (*Model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, err := ReadModel(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

//go:embed models/coref.zst
var embeddedModel []byte

var embedded = sync.OnceValues(func() (*Model, error) { return ReadModel(embeddedModel) })

// Embedded returns the model built into the binary, loading it on first
// use.
func Embedded() (*Model, error) { return embedded() }

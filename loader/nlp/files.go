package nlp

import (
	"bytes"
	"fmt"
	"io"

	"github.com/klauspost/compress/zstd"

	"github.com/newsgraph/newsgraph/loader/perceptron"
)

// Model file names inside a model directory. Every file is one zstd
// frame that records its decompressed size, so that loading decompresses
// into a buffer allocated once: on a machine where fresh memory is slow,
// growing the output as it goes costs more than the decompression.
const (
	LexiconFile = "lexicon.zst"
	TaggerFile  = "tagger.zst"
	LemmaFile   = "lemma.zst"
	ParserFile  = "parser.zst"
)

// compressed writes a model zstd-compressed.
type compressed struct{ io.WriterTo }

func (c compressed) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	if _, err := c.WriterTo.WriteTo(&buf); err != nil {
		return 0, err
	}
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBetterCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return 0, err
	}
	defer enc.Close()
	n, err := w.Write(enc.EncodeAll(buf.Bytes(), nil))
	return int64(n), err
}

// maxModelBytes bounds the decompressed size a model file may claim.
const maxModelBytes = 1 << 30

// decompress decompresses a model file and hands it to read. The models
// keep slices of the decompressed bytes rather than copies.
func decompress(comp []byte, read func(io.Reader) error) error {
	var h zstd.Header
	if err := h.Decode(comp); err != nil {
		return err
	}
	size := uint64(2*len(comp) + 1<<16)
	if h.HasFCS {
		if h.FrameContentSize > maxModelBytes {
			return fmt.Errorf("model claims %d bytes", h.FrameContentSize)
		}
		size = h.FrameContentSize
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxModelBytes))
	if err != nil {
		return err
	}
	defer dec.Close()
	out, err := dec.DecodeAll(comp, make([]byte, 0, size))
	if err != nil {
		return err
	}
	return read(perceptron.NewBytes(out))
}

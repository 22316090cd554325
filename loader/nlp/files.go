package nlp

import (
	"io"

	"github.com/klauspost/compress/zstd"
)

// Model file names inside a model directory. Every file is
// zstd-compressed: it decompresses several times faster than gzip, which
// is most of the models' load time.
const (
	LexiconFile = "lexicon.zst"
	TaggerFile  = "tagger.zst"
	LemmaFile   = "lemma.zst"
	ParserFile  = "parser.zst"
)

// compressed writes a model zstd-compressed.
type compressed struct{ io.WriterTo }

func (c compressed) WriteTo(w io.Writer) (int64, error) {
	zw, err := zstd.NewWriter(w, zstd.WithEncoderLevel(zstd.SpeedBetterCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return 0, err
	}
	if _, err := c.WriterTo.WriteTo(zw); err != nil {
		zw.Close()
		return 0, err
	}
	return 0, zw.Close()
}

// decompress reads a model file.
func decompress(r io.Reader, read func(io.Reader) error) error {
	zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(false))
	if err != nil {
		return err
	}
	defer zr.Close()
	return read(zr)
}

package nlp

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/klauspost/compress/zstd"

	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
)

// Model file names inside a model directory.
const (
	LexiconFile = "lexicon.zst"
	TaggerFile  = "tagger.zst"
	LemmaFile   = "lemma.zst"
	ParserFile  = "parser.zst"
)

// A model file is a small container of zstd frames: a magic line, the
// number of frames, each frame's compressed and decompressed size
// (uvarints), then the frames. The frames decompress in parallel into
// one buffer allocated once: loading a model is most of a process's
// start-up, and on a machine where fresh memory is slow, growing the
// output as it goes costs more than the decompression.
const (
	containerMagic = "NGZ1\n"
	chunkSize      = 4 << 20
	maxModelBytes  = 1 << 30
)

// Compressed writes the model m in the container format.
type Compressed struct{ Model io.WriterTo }

// WriteTo writes the container.
func (c Compressed) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	if _, err := c.Model.WriteTo(&buf); err != nil {
		return 0, err
	}
	raw := buf.Bytes()
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBetterCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return 0, err
	}
	defer enc.Close()
	var frames [][]byte
	head := []byte(containerMagic)
	n := (len(raw) + chunkSize - 1) / chunkSize
	head = binary.AppendUvarint(head, uint64(n))
	for i := 0; i < n; i++ {
		chunk := raw[i*chunkSize : min(len(raw), (i+1)*chunkSize)]
		f := enc.EncodeAll(chunk, nil)
		frames = append(frames, f)
		head = binary.AppendUvarint(head, uint64(len(f)))
		head = binary.AppendUvarint(head, uint64(len(chunk)))
	}
	total, err := w.Write(head)
	for _, f := range frames {
		if err != nil {
			break
		}
		var k int
		k, err = w.Write(f)
		total += k
	}
	return int64(total), err
}

// Decompress decompresses a model file and hands it to read. The models
// keep slices of the decompressed bytes rather than copies.
func Decompress(file []byte, read func(io.Reader) error) error {
	rest, ok := bytes.CutPrefix(file, []byte(containerMagic))
	if !ok {
		return errors.New("not a model file")
	}
	n, k := binary.Uvarint(rest)
	if k <= 0 || n > 1<<16 {
		return errors.New("bad frame count")
	}
	rest = rest[k:]
	type frame struct{ comp, out []byte }
	frames := make([]frame, n)
	total := uint64(0)
	sizes := make([][2]uint64, n)
	for i := range sizes {
		for j := range sizes[i] {
			v, k := binary.Uvarint(rest)
			if k <= 0 {
				return errors.New("bad frame table")
			}
			sizes[i][j], rest = v, rest[k:]
		}
		total += sizes[i][1]
	}
	if total > maxModelBytes {
		return fmt.Errorf("model claims %d bytes", total)
	}
	out := modelBuffer(int(total))
	off := uint64(0)
	for i, sz := range sizes {
		if sz[0] > uint64(len(rest)) {
			return errors.New("truncated model file")
		}
		frames[i] = frame{comp: rest[:sz[0]], out: out[off : off : off+sz[1]]}
		rest, off = rest[sz[0]:], off+sz[1]
	}
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range frames {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxModelBytes))
			if err != nil {
				errs[i] = err
				return
			}
			defer dec.Close()
			got, err := dec.DecodeAll(frames[i].comp, frames[i].out)
			if err == nil && len(got) != cap(frames[i].out) {
				// DecodeAll filled the frame's slice of out in place only if
				// the sizes agree
				err = errors.New("frame size does not match its table entry")
			}
			errs[i] = err
		}(i)
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return read(perceptron.NewBytes(out))
}

package perceptron

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// Weight is one class weight of a feature.
type Weight struct {
	Class uint16
	W     float32
}

// Model is a read-only averaged perceptron. It is safe for concurrent use.
type Model struct {
	nClasses int
	nFeats   int
	mask     uint64
	slots    []slot // open addressing on the feature hash
	weights  []Weight
	keys     []uint64 // full hashes, in the order of their rows, for writing
}

// slot is one entry of the hash table: a 32-bit fingerprint of the
// feature (the hash's high half, never 0; 0 marks an empty slot) and where
// its weights are: weights[off] holds the row length in its Class field,
// the row follows. Slots are 8 bytes so that more of the table stays in
// cache.
type slot struct {
	fp  uint32
	off uint32
}

func fingerprint(key uint64) uint32 { return uint32(key>>32) | 1 }

type builder struct{ m *Model }

func newBuilder(nClasses, nFeats int) *builder {
	size := 1
	for size < nFeats*2 {
		size <<= 1
	}
	if size < 16 {
		size = 16
	}
	return &builder{m: &Model{nClasses: nClasses, mask: uint64(size - 1), slots: make([]slot, size)}}
}

func (b *builder) add(key uint64, row []Weight) {
	m := b.m
	off := uint32(len(m.weights))
	m.weights = append(m.weights, Weight{Class: uint16(len(row))})
	m.weights = append(m.weights, row...)
	m.nFeats++
	m.keys = append(m.keys, key)
	fp := fingerprint(key)
	for s := key & m.mask; ; s = (s + 1) & m.mask {
		if m.slots[s].fp == 0 {
			m.slots[s] = slot{fp: fp, off: off}
			return
		}
	}
}

func (b *builder) model() *Model { return b.m }

// Classes is the number of classes.
func (m *Model) Classes() int { return m.nClasses }

// Features is the number of features with weights.
func (m *Model) Features() int { return m.nFeats }

// Prune returns a copy of the model without the weights whose magnitude
// is below threshold, and without features left with none.
func (m *Model) Prune(threshold float32) *Model {
	b := newBuilder(m.nClasses, m.nFeats)
	off := uint32(0)
	var row []Weight
	for _, k := range m.keys {
		n := uint32(m.weights[off].Class)
		row = row[:0]
		for _, w := range m.weights[off+1 : off+1+n] {
			if w.W >= threshold || w.W <= -threshold {
				row = append(row, w)
			}
		}
		off += 1 + n
		if len(row) > 0 {
			b.add(k, row)
		}
	}
	return b.model()
}

// Scores adds the weights of feats to scores (len = classes).
//
// The table is far larger than the processor's caches, so lookups are
// memory-bound. Each chunk of features is read in two passes: the first
// only touches the slots, with no branches, so that the processor can have
// many cache misses in flight at once; the second probes and adds.
func (m *Model) Scores(feats []uint64, scores []float32) {
	const chunk = 64
	var first [chunk]slot
	for len(feats) > 0 {
		c := feats[:min(chunk, len(feats))]
		feats = feats[len(c):]
		for i, f := range c {
			first[i] = m.slots[f&m.mask]
		}
		for i, f := range c {
			if f == 0 {
				continue
			}
			fp := fingerprint(f)
			sl := first[i]
			for s := f & m.mask; ; s = (s + 1) & m.mask {
				if s != f&m.mask {
					sl = m.slots[s]
				}
				if sl.fp == fp {
					n := uint32(m.weights[sl.off].Class)
					for _, w := range m.weights[sl.off+1 : sl.off+1+n] {
						scores[w.Class] += w.W
					}
					break
				}
				if sl.fp == 0 {
					break
				}
			}
		}
	}
}

const magic = "NGPERC2\n"

// WriteTo writes the model: a header (classes, features, weight scale),
// the feature hashes in ascending order as deltas, each feature's number
// of weights, then all classes and all weights, the weights quantized to
// 16 bits. Output is deterministic.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	cw := &countWriter{w: bw}
	type feat struct {
		key uint64
		off uint32
	}
	feats := make([]feat, 0, m.nFeats)
	off := uint32(0)
	var maxAbs float32
	for _, k := range m.keys {
		feats = append(feats, feat{k, off})
		n := uint32(m.weights[off].Class)
		for _, wt := range m.weights[off+1 : off+1+n] {
			maxAbs = max(maxAbs, wt.W, -wt.W)
		}
		off += 1 + n
	}
	sort.Slice(feats, func(i, j int) bool { return feats[i].key < feats[j].key })
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) {
		n := binary.PutUvarint(buf[:], v)
		cw.Write(buf[:n])
	}
	cw.Write([]byte(magic))
	put(uint64(m.nClasses))
	put(uint64(len(feats)))
	put(uint64(math.Float32bits(scale)))
	prev := uint64(0)
	for _, f := range feats {
		put(f.key - prev)
		prev = f.key
	}
	for _, f := range feats {
		put(uint64(m.weights[f.off].Class))
	}
	row := func(f feat) []Weight { return m.weights[f.off+1 : f.off+1+uint32(m.weights[f.off].Class)] }
	for _, f := range feats {
		for _, wt := range row(f) {
			put(uint64(wt.Class))
		}
	}
	var b2 [2]byte
	for _, f := range feats {
		for _, wt := range row(f) {
			binary.LittleEndian.PutUint16(b2[:], uint16(int16(math.Round(float64(wt.W/scale)))))
			cw.Write(b2[:])
		}
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	return cw.n, cw.err
}

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	br, ok := r.(*bufio.Reader) // keep the caller's buffer: it may read on after us
	if !ok {
		br = bufio.NewReaderSize(r, 1<<16)
	}
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("perceptron: not a model file")
	}
	get := func() (uint64, error) { return binary.ReadUvarint(br) }
	nc, err := get()
	if err != nil {
		return nil, fmt.Errorf("perceptron: header: %w", err)
	}
	nf, err := get()
	if err != nil || nf > 1<<28 || nc > 1<<16 {
		return nil, fmt.Errorf("perceptron: header: bad sizes")
	}
	sb, err := get()
	if err != nil {
		return nil, fmt.Errorf("perceptron: header: %w", err)
	}
	scale := math.Float32frombits(uint32(sb))
	keys := make([]uint64, nf)
	key := uint64(0)
	for i := range keys {
		d, err := get()
		if err != nil {
			return nil, fmt.Errorf("perceptron: feature %d: %w", i, err)
		}
		key += d
		if key == 0 {
			return nil, errors.New("perceptron: zero feature hash")
		}
		keys[i] = key
	}
	lens := make([]uint16, nf)
	total := 0
	for i := range lens {
		n, err := get()
		if err != nil || n == 0 || n > nc {
			return nil, fmt.Errorf("perceptron: feature %d: bad row length", i)
		}
		lens[i] = uint16(n)
		total += int(n)
	}
	m := &Model{nClasses: int(nc), nFeats: int(nf), keys: keys, weights: make([]Weight, total+int(nf))}
	// Rows are laid out in file order: a length entry, then the weights.
	pos := 0
	for i := range lens {
		m.weights[pos].Class = lens[i]
		pos += 1 + int(lens[i])
	}
	pos = 0
	for i := range lens {
		for j := 1; j <= int(lens[i]); j++ {
			c, err := get()
			if err != nil || c >= nc {
				return nil, fmt.Errorf("perceptron: feature %d: bad class", i)
			}
			m.weights[pos+j].Class = uint16(c)
		}
		pos += 1 + int(lens[i])
	}
	raw := make([]byte, 2*total)
	if _, err := io.ReadFull(br, raw); err != nil {
		return nil, fmt.Errorf("perceptron: weights: %w", err)
	}
	pos, k := 0, 0
	for i := range lens {
		for j := 1; j <= int(lens[i]); j++ {
			m.weights[pos+j].W = float32(int16(binary.LittleEndian.Uint16(raw[2*k:]))) * scale
			k++
		}
		pos += 1 + int(lens[i])
	}
	m.index()
	return m, nil
}

// index builds the hash table over m.keys and m.weights.
func (m *Model) index() {
	size := 16
	for size < 2*m.nFeats {
		size <<= 1
	}
	m.mask = uint64(size - 1)
	m.slots = make([]slot, size)
	off := uint32(0)
	for _, key := range m.keys {
		fp := fingerprint(key)
		for s := key & m.mask; ; s = (s + 1) & m.mask {
			if m.slots[s].fp == 0 {
				m.slots[s] = slot{fp: fp, off: off}
				break
			}
		}
		off += 1 + uint32(m.weights[off].Class)
	}
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

// Stats describes the model's size.
func (m *Model) Stats() string {
	var maxAbs float32
	for off := 0; off < len(m.weights); {
		n := int(m.weights[off].Class)
		for _, w := range m.weights[off+1 : off+1+n] {
			maxAbs = max(maxAbs, w.W, -w.W)
		}
		off += 1 + n
	}
	return fmt.Sprintf("%d classes, %d features, %d weights, %d slots, max |w| %.1f", m.nClasses, m.nFeats,
		len(m.weights)-m.nFeats, len(m.slots), maxAbs)
}

package coref

import (
	"encoding/binary"
	"errors"
	"math"
	"math/bits"
	"sort"
)

// weights is the trained scorer: one weight per hashed feature, in an
// open-addressing table sized to a power of two and at most half full, so
// that a look-up is a multiply, a shift and one or two probes. The
// resolver looks up tens of features for each of tens of candidates of
// every mention, and this table is several times faster at it than the
// multi-class perceptron.Model, which is built for far larger models.
type weights struct {
	// slots hold a feature's fingerprint (the high half of its hash, with
	// the low bit set so that it is never 0, which marks an empty slot)
	// and its weight's bits, in one word: a look-up touches one cache
	// line.
	slots []uint64
	shift uint
	n     int
	// keys and vals are the features and weights in ascending hash order,
	// as the model file lists them.
	keys []uint64
	vals []float32
}

func fingerprint(k uint64) uint64 { return k>>32 | 1 }

// newWeights builds the table; keys must be ascending and distinct.
func newWeights(keys []uint64, vals []float32) *weights {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	w := &weights{slots: make([]uint64, size), shift: uint(64 - bits.TrailingZeros(uint(size))), n: len(keys), keys: keys, vals: vals}
	for i, k := range keys {
		s := w.home(k)
		for w.slots[s] != 0 {
			s = (s + 1) & (size - 1)
		}
		w.slots[s] = fingerprint(k)<<32 | uint64(math.Float32bits(vals[i]))
	}
	return w
}

// home is the first slot to probe: the low half of the hash, spread.
func (w *weights) home(k uint64) int { return int((uint64(uint32(k)) * 0x9E3779B97F4A7C15) >> w.shift) }

// Score sums the weights of feats.
func (w *weights) Score(feats []uint64) float32 {
	var sum float32
	mask := len(w.slots) - 1
	for _, f := range feats {
		fp := fingerprint(f)
		for s := w.home(f); ; s = (s + 1) & mask {
			e := w.slots[s]
			if e>>32 == fp {
				sum += math.Float32frombits(uint32(e))
				break
			}
			if e == 0 {
				break
			}
		}
	}
	return sum
}

// Features is the number of features with a weight.
func (w *weights) Features() int { return w.n }

// sorted returns the features and their weights in ascending hash order.
func (w *weights) sorted() ([]uint64, []float32) { return w.keys, w.vals }

// encode writes the features in ascending order as varint gaps, each with
// its weight quantized to 16 bits of a common scale.
func (w *weights) encode() []byte {
	keys, vals := w.sorted()
	var maxAbs float32
	for _, v := range vals {
		maxAbs = max(maxAbs, v, -v)
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	out := binary.AppendUvarint(nil, uint64(len(keys)))
	out = binary.LittleEndian.AppendUint32(out, math.Float32bits(scale))
	prev := uint64(0)
	for i, k := range keys {
		out = binary.AppendUvarint(out, k-prev)
		prev = k
		out = binary.LittleEndian.AppendUint16(out, uint16(int16(math.Round(float64(vals[i]/scale)))))
	}
	return out
}

func decodeWeights(b []byte) (*weights, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) || len(b) < k+4 {
		return nil, errors.New("bad weights header")
	}
	b = b[k:]
	scale := math.Float32frombits(binary.LittleEndian.Uint32(b))
	b = b[4:]
	keys := make([]uint64, n)
	vals := make([]float32, n)
	prev := uint64(0)
	for i := range keys {
		gap, k := binary.Uvarint(b)
		if k <= 0 || len(b) < k+2 || gap == 0 && i > 0 || prev+gap == 0 {
			return nil, errors.New("bad weights")
		}
		prev += gap
		keys[i] = prev
		vals[i] = float32(int16(binary.LittleEndian.Uint16(b[k:]))) * scale
		b = b[k+2:]
	}
	if len(b) != 0 {
		return nil, errors.New("trailing bytes after the weights")
	}
	return newWeights(keys, vals), nil
}

// trainer is an averaged perceptron over one score: Update adds d to the
// weights of a feature vector, and the average is kept lazily, as each
// weight's sum over the steps it survived.
type trainer struct {
	acc  map[uint64]*accum
	step int64
}

type accum struct {
	w, total float64
	ts       int64
}

func newTrainer() *trainer { return &trainer{acc: map[uint64]*accum{}} }

// Score sums the current weights of feats.
func (t *trainer) Score(feats []uint64) float32 {
	var s float64
	for _, f := range feats {
		if a, ok := t.acc[f]; ok {
			s += a.w
		}
	}
	return float32(s)
}

// Tick counts one decision.
func (t *trainer) Tick() { t.step++ }

// Update adds d to the weight of every feature of feats.
func (t *trainer) Update(feats []uint64, d float64) {
	for _, f := range feats {
		a, ok := t.acc[f]
		if !ok {
			a = &accum{ts: t.step}
			t.acc[f] = a
		}
		a.total += a.w * float64(t.step-a.ts)
		a.ts = t.step
		a.w += d
	}
}

// average returns the averaged weights, without those whose magnitude is
// below prune.
func (t *trainer) average(prune float64) *weights {
	steps := float64(max(t.step, 1))
	keys := make([]uint64, 0, len(t.acc))
	for k := range t.acc {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	var ks []uint64
	var vs []float32
	for _, k := range keys {
		a := t.acc[k]
		avg := (a.total + a.w*float64(t.step-a.ts)) / steps
		if math.Abs(avg) < prune {
			continue
		}
		ks = append(ks, k)
		vs = append(vs, float32(avg))
	}
	return newWeights(ks, vs)
}

// meanWeights averages models: a feature missing from one counts as 0
// there.
func meanWeights(ws []*weights) *weights {
	sum := map[uint64]float64{}
	for _, w := range ws {
		ks, vs := w.sorted()
		for i, k := range ks {
			sum[k] += float64(vs[i])
		}
	}
	keys := make([]uint64, 0, len(sum))
	for k := range sum {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	vals := make([]float32, len(keys))
	for i, k := range keys {
		vals[i] = float32(sum[k] / float64(len(ws)))
	}
	return newWeights(keys, vals)
}

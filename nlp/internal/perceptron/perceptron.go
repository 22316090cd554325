// Package perceptron is the averaged multi-class perceptron that the tagger
// and the parser learn with, over hashed sparse features.
//
// Training keeps, for each feature, only the classes it was ever updated
// for, so that a parser with a hundred transitions and millions of
// features fits in memory. Training ends with Average, which returns a
// compact read-only Model: an open-addressing table from feature hash to a
// short run of (class, weight) pairs. Models serialize to a small binary
// format (see Model.WriteTo) that loads in tens of milliseconds.
package perceptron

import (
	"math"
	"sort"
)

// Feature hashing. Feature values are 64-bit hashes; 0 is reserved for
// "no feature" and is never looked up.

const (
	prime1 = 0x9E3779B97F4A7C15
	prime2 = 0xC2B2AE3D27D4EB4F
)

func mix(h uint64) uint64 {
	h ^= h >> 31
	h *= prime2
	h ^= h >> 29
	h *= prime1
	h ^= h >> 32
	if h == 0 {
		h = 1
	}
	return h
}

// Str hashes a string (FNV-1a, then mixed); it is stable across runs and
// machines.
func Str(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return mix(h)
}

// StrBytes is Str of string(b), without the string.
func StrBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return mix(h)
}

// F1 is the feature of template t with one value.
func F1(t, a uint64) uint64 { return mix(t*prime1 ^ a) }

// F2 is the feature of template t with two values.
func F2(t, a, b uint64) uint64 { return mix(mix(t*prime1^a)*prime2 ^ b) }

// F3 is the feature of template t with three values.
func F3(t, a, b, c uint64) uint64 { return mix(mix(mix(t*prime1^a)*prime2^b)*prime1 ^ c) }

type update struct {
	class int32
	w     float32
	total float64 // sum of w over the steps before ts
	ts    int64   // step at which w last changed
}

// Trainer accumulates perceptron weights.
type Trainer struct {
	nClasses int
	index    map[uint64]int32
	rows     [][]update
	step     int64
}

// NewTrainer returns a trainer for n classes (at most MaxClasses).
func NewTrainer(n int) *Trainer {
	if n > MaxClasses {
		panic("perceptron: too many classes")
	}
	return &Trainer{nClasses: n, index: make(map[uint64]int32, 1<<16)}
}

// Classes is the number of classes.
func (t *Trainer) Classes() int { return t.nClasses }

// Scores adds the current weights of feats to scores (len = classes).
func (t *Trainer) Scores(feats []uint64, scores []float32) {
	for _, f := range feats {
		if f == 0 {
			continue
		}
		i, ok := t.index[f]
		if !ok {
			continue
		}
		for _, e := range t.rows[i] {
			scores[e.class] += e.w
		}
	}
}

// Tick counts one training instance; averaging weighs weights by the
// number of instances they survived.
func (t *Trainer) Tick() { t.step++ }

// Update moves the weights of feats towards gold and away from pred.
func (t *Trainer) Update(feats []uint64, gold, pred int) {
	if gold == pred {
		return
	}
	for _, f := range feats {
		if f == 0 {
			continue
		}
		i, ok := t.index[f]
		if !ok {
			i = int32(len(t.rows))
			t.index[f] = i
			t.rows = append(t.rows, nil)
		}
		t.bump(i, gold, 1)
		t.bump(i, pred, -1)
	}
}

func (t *Trainer) bump(i int32, class int, d float32) {
	row := t.rows[i]
	for k := range row {
		if row[k].class == int32(class) {
			e := &row[k]
			e.total += float64(e.w) * float64(t.step-e.ts)
			e.ts = t.step
			e.w += d
			return
		}
	}
	t.rows[i] = append(row, update{class: int32(class), w: d, ts: t.step})
}

// Average returns the averaged model. Weights whose magnitude is below
// prune are dropped, and so are features left with no weight. Features are
// laid out in hash order, so the result does not depend on map order.
func (t *Trainer) Average(prune float32) *Model {
	steps := float64(t.step)
	if steps == 0 {
		steps = 1
	}
	keys := make([]uint64, 0, len(t.index))
	for key := range t.index {
		keys = append(keys, key)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var kept []uint64
	var rows [][]Weight
	for _, key := range keys {
		var row []Weight
		for _, e := range t.rows[t.index[key]] {
			total := e.total + float64(e.w)*float64(t.step-e.ts)
			avg := float32(total / steps)
			if float32(math.Abs(float64(avg))) < prune || avg == 0 {
				continue
			}
			row = append(row, Weight{Class: uint16(e.class), W: avg})
		}
		if len(row) > 0 {
			kept = append(kept, key)
			rows = append(rows, row)
		}
	}
	return build(t.nClasses, kept, rows)
}

// Features is the number of distinct features seen in updates.
func (t *Trainer) Features() int { return len(t.rows) }

// AverageAll returns the model whose weights are the mean of the averaged
// weights of several trainers (the same classes), as Average does for one:
// perceptrons trained on differently shuffled data disagree on rare
// features, and their mean is steadier than any of them.
func AverageAll(ts []*Trainer, prune float32) *Model {
	if len(ts) == 1 {
		return ts[0].Average(prune)
	}
	sums := map[uint64][]float64{}
	n := ts[0].nClasses
	for _, t := range ts {
		steps := float64(max(t.step, 1))
		for key, i := range t.index {
			row := sums[key]
			if row == nil {
				row = make([]float64, n)
				sums[key] = row
			}
			for _, e := range t.rows[i] {
				row[e.class] += (e.total + float64(e.w)*float64(t.step-e.ts)) / steps
			}
		}
	}
	keys := make([]uint64, 0, len(sums))
	for key := range sums {
		keys = append(keys, key)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var kept []uint64
	var rows [][]Weight
	k := float64(len(ts))
	for _, key := range keys {
		var row []Weight
		for c, s := range sums[key] {
			avg := float32(s / k)
			if float32(math.Abs(float64(avg))) < prune || avg == 0 {
				continue
			}
			row = append(row, Weight{Class: uint16(c), W: avg})
		}
		if len(row) > 0 {
			kept = append(kept, key)
			rows = append(rows, row)
		}
	}
	return build(n, kept, rows)
}

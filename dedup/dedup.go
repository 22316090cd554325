// Package dedup recognizes near-identical texts: the same story syndicated
// by several outlets, each copy with its own headline, byline or footer.
// A text's signature is a MinHash of its word shingles (runs of four
// words); two texts whose signatures agree on most of their values share
// most of their shingles (the share estimates the Jaccard similarity of
// the two sets). An Index finds a near-duplicate among the texts added to
// it through locality-sensitive hashing: the signature is cut into bands,
// and only texts that agree on a whole band are compared.
//
// Short texts are not signed: two short reports can share most of their
// words without being copies of each other.
package dedup

import (
	"encoding/binary"
	"hash/fnv"
	"strings"
	"sync"
	"unicode"
)

const (
	shingle = 4  // words a shingle
	size    = 64 // values a signature
	bands   = 16 // of size/bands values each
	rows    = size / bands
	// MinShingles is the fewest shingles a text needs to be signed (about
	// sixty words).
	MinShingles = 56
	// Threshold is the estimated Jaccard similarity from which two texts
	// are near-duplicates.
	Threshold = 0.75
)

// Signature is a text's MinHash signature.
type Signature [size]uint64

// Sign returns the signature of text, and false when the text is too short
// to be signed.
func Sign(text string) (Signature, bool) {
	var sig Signature
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	n := len(words) - shingle + 1
	if n < MinShingles {
		return sig, false
	}
	seen := make(map[uint64]bool, n)
	for i := 0; i < n; i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+shingle] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		if seen[x] {
			continue
		}
		seen[x] = true
		for j := range sig {
			if v := mix(x ^ seeds[j]); v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig, true
}

// seeds make the signature's hash functions, one a value.
var seeds = func() [size]uint64 {
	var s [size]uint64
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x = mix(x + uint64(i))
		s[i] = x
	}
	return s
}()

// mix is SplitMix64's finalizer: a good 64-bit mixing function.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Similarity estimates the Jaccard similarity of the shingles of the two
// texts signed.
func Similarity(a, b Signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / size
}

// Index finds near-duplicates among the texts added to it. It is safe for
// concurrent use.
type Index struct {
	mu    sync.Mutex
	sigs  map[string]Signature
	bands [bands]map[uint64][]string
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	x := &Index{sigs: map[string]Signature{}}
	for i := range x.bands {
		x.bands[i] = map[uint64][]string{}
	}
	return x
}

func bandKey(sig Signature, b int) uint64 {
	var buf [8 * rows]byte
	for r := 0; r < rows; r++ {
		binary.LittleEndian.PutUint64(buf[8*r:], sig[b*rows+r])
	}
	h := fnv.New64a()
	h.Write(buf[:])
	return h.Sum64()
}

// FindOrAdd returns the id of a text added before that sig's text nearly
// duplicates (the most similar), and true; or adds sig under id and
// returns false. Checking and adding are one step, so that of two copies
// given at once from two goroutines one is the original and the other its
// copy. A text is never a near-duplicate of itself: adding an id again
// finds only the other texts (the same id is the same text, not a copy of
// it) and adds nothing; Contains tells whether an id is there.
func (x *Index) FindOrAdd(id string, sig Signature) (string, bool) {
	var keys [bands]uint64
	for b := range keys {
		keys[b] = bandKey(sig, b)
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	best, bestSim := "", 0.0
	for b, k := range keys {
		for _, other := range x.bands[b][k] {
			if other == id {
				continue
			}
			if s := Similarity(sig, x.sigs[other]); s >= Threshold && (s > bestSim || s == bestSim && other < best) {
				best, bestSim = other, s
			}
		}
	}
	if best != "" {
		return best, true
	}
	if _, ok := x.sigs[id]; ok {
		return "", false
	}
	x.sigs[id] = sig
	for b, k := range keys {
		x.bands[b][k] = append(x.bands[b][k], id)
	}
	return "", false
}

// Contains reports whether a text was added under id.
func (x *Index) Contains(id string) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	_, ok := x.sigs[id]
	return ok
}

// Len is how many texts the index holds.
func (x *Index) Len() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return len(x.sigs)
}

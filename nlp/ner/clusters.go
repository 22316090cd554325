package ner

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Word clusters group words that occur between the same kinds of words:
// "town", "island" and "province" fall together, and so do "said" and
// "told". The labeller uses a word's cluster and its neighbours' as
// features, so that what it learned about one word carries over to the
// others of its cluster ("the island of X" teaches "the town of X").
//
// They are learned, without labels, from plain text by the exchange
// algorithm (Kneser and Ney 1993, Martin, Liermann and Ney 1998): every
// word starts in a class; each pass moves each word to the class that
// most raises the likelihood of the text under a class bigram model,
// Σ N(c,d) log N(c,d) − 2 Σ N(c) log N(c), until few words move.

// Clusters maps lower-cased words to their cluster (1 to n; 0 is none).
type Clusters map[string]uint16

// ClusterOptions control LearnClusters.
type ClusterOptions struct {
	Classes int // how many clusters
	MinFreq int // words seen fewer times get no cluster
	Passes  int // at most this many passes over the vocabulary
}

// DefaultClusterOptions are the settings of the shipped clusters.
var DefaultClusterOptions = ClusterOptions{Classes: 256, MinFreq: 3, Passes: 12}

// LearnClusters clusters the words of sentences (each a list of tokens).
// It is deterministic.
func LearnClusters(sents [][]string, opt ClusterOptions) Clusters {
	freq := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			freq[strings.ToLower(w)]++
		}
	}
	// Words by frequency, then alphabetically; rare words share one id
	// (the last) that is clustered like a word but not kept.
	var vocab []string
	for w, n := range freq {
		if n >= opt.MinFreq {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if freq[vocab[i]] != freq[vocab[j]] {
			return freq[vocab[i]] > freq[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	id := make(map[string]int, len(vocab))
	for i, w := range vocab {
		id[w] = i
	}
	rare, bound := len(vocab), len(vocab)+1 // bound: the sentence boundary
	nw := len(vocab) + 2
	// Bigrams by word, to the right and to the left (self-bigrams left out).
	type pair struct{ w, n int }
	right := make([]map[int]int, nw)
	left := make([]map[int]int, nw)
	for i := range right {
		right[i], left[i] = map[int]int{}, map[int]int{}
	}
	count := make([]int, nw)
	idOf := func(w string) int {
		if k, ok := id[strings.ToLower(w)]; ok {
			return k
		}
		return rare
	}
	for _, s := range sents {
		prev := bound
		count[bound]++
		for _, w := range append(s, "") {
			k := bound
			if w != "" {
				k = idOf(w)
				count[k]++
			}
			if k != prev {
				right[prev][k]++
				left[k][prev]++
			}
			prev = k
		}
	}
	sorted := func(m map[int]int) []pair {
		out := make([]pair, 0, len(m))
		for w, n := range m {
			out = append(out, pair{w, n})
		}
		sort.Slice(out, func(i, j int) bool { return out[i].w < out[j].w })
		return out
	}
	rights, lefts := make([][]pair, nw), make([][]pair, nw)
	for i := range right {
		rights[i], lefts[i] = sorted(right[i]), sorted(left[i])
	}
	nc := opt.Classes
	class := make([]int, nw)
	for i := range class {
		class[i] = i % nc
	}
	// The boundary and the rare words stay in classes of their own
	// making: they are moved like words but never reported.
	big := make([]float64, nc*nc) // N(c,d)
	uni := make([]float64, nc)
	for w := 0; w < nw; w++ {
		uni[class[w]] += float64(count[w])
		for _, p := range rights[w] {
			big[class[w]*nc+class[p.w]] += float64(p.n)
		}
	}
	g := func(x float64) float64 {
		if x <= 0 {
			return 0
		}
		return x * math.Log(x)
	}
	r, l := make([]float64, nc), make([]float64, nc)
	var rnz, lnz []int
	for pass := 0; pass < opt.Passes; pass++ {
		moved := 0
		for w := 0; w < nw; w++ {
			// w's bigram counts by the class of the other word.
			rnz, lnz = rnz[:0], lnz[:0]
			for _, p := range rights[w] {
				c := class[p.w]
				if r[c] == 0 {
					rnz = append(rnz, c)
				}
				r[c] += float64(p.n)
			}
			for _, p := range lefts[w] {
				c := class[p.w]
				if l[c] == 0 {
					lnz = append(lnz, c)
				}
				l[c] += float64(p.n)
			}
			n := float64(count[w])
			a := class[w]
			for _, d := range rnz {
				big[a*nc+d] -= r[d]
			}
			for _, d := range lnz {
				big[d*nc+a] -= l[d]
			}
			uni[a] -= n
			best, bestGain := a, math.Inf(-1)
			for b := 0; b < nc; b++ {
				gain := -2 * (g(uni[b]+n) - g(uni[b]))
				for _, d := range rnz {
					x := big[b*nc+d]
					gain += g(x+r[d]) - g(x)
				}
				for _, d := range lnz {
					x := big[d*nc+b]
					gain += g(x+l[d]) - g(x)
				}
				if gain > bestGain+1e-9 || gain >= bestGain-1e-9 && b == a {
					best, bestGain = b, gain
				}
			}
			for _, d := range rnz {
				big[best*nc+d] += r[d]
				r[d] = 0
			}
			for _, d := range lnz {
				big[d*nc+best] += l[d]
				l[d] = 0
			}
			uni[best] += n
			if best != a {
				class[w] = best
				moved++
			}
		}
		if moved < len(vocab)/200 {
			break
		}
	}
	out := make(Clusters, len(vocab))
	for i, w := range vocab {
		out[w] = uint16(class[i] + 1)
	}
	return out
}

// writeClusters writes lines "word<TAB>cluster", sorted by word.
func (c Clusters) bytes() []byte {
	ws := make([]string, 0, len(c))
	for w := range c {
		ws = append(ws, w)
	}
	sort.Strings(ws)
	var b bytes.Buffer
	for _, w := range ws {
		fmt.Fprintf(&b, "%s\t%d\n", w, c[w])
	}
	return b.Bytes()
}

// readClusters reads what bytes wrote.
func readClusters(data []byte) (Clusters, error) {
	c := Clusters{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		w, n, ok := strings.Cut(sc.Text(), "\t")
		k, err := strconv.Atoi(n)
		if !ok || err != nil || k <= 0 || k > math.MaxUint16 {
			return nil, fmt.Errorf("clusters: line %d: want word<TAB>cluster", line)
		}
		c[w] = uint16(k)
	}
	return c, sc.Err()
}

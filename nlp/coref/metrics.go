package coref

import (
	"fmt"
	"math"
)

// Span identifies a mention for scoring: a predicted mention counts as
// the key's mention only when its span is the same.
type Span struct{ Sent, Start, End int }

// PRF is precision, recall and F1 as fractions (0..1).
type PRF struct{ P, R, F float64 }

func (s PRF) String() string { return fmt.Sprintf("P=%.2f R=%.2f F1=%.2f", 100*s.P, 100*s.R, 100*s.F) }

// Scores are the three coreference metrics of the CoNLL-2012 shared task.
type Scores struct {
	MUC, B3, CEAFe PRF
}

// CoNLL is the CoNLL-2012 score: the mean F1 of MUC, B³ and CEAF-e.
func (s Scores) CoNLL() float64 { return (s.MUC.F + s.B3.F + s.CEAFe.F) / 3 }

func (s Scores) String() string {
	return fmt.Sprintf("MUC %v\nB3 %v\nCEAFe %v\nCoNLL F1=%.2f", s.MUC, s.B3, s.CEAFe, 100*s.CoNLL())
}

// ratio is a numerator and denominator summed over documents.
type ratio struct{ num, den float64 }

func (r ratio) value() float64 {
	if r.den == 0 {
		return 0
	}
	return r.num / r.den
}

func prf(p, r ratio) PRF {
	s := PRF{P: p.value(), R: r.value()}
	if s.P+s.R > 0 {
		s.F = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// Scorer adds up the metrics over documents the way the CoNLL reference
// scorer does: numerators and denominators are summed over the corpus
// before dividing. Each metric follows its original definition (Vilain
// et al. 1995; Bagga and Baldwin 1998; Luo 2005, with the entity-based
// similarity φ4 and the optimal one-to-one alignment of Kuhn and
// Munkres), with no special treatment of mentions found on one side only,
// as Pradhan et al. (2014) describe.
type Scorer struct {
	mucP, mucR, b3P, b3R, ceafP, ceafR ratio
}

// Add scores one document: key and response are its clusters. A mention
// should be in at most one cluster of each side.
func (s *Scorer) Add(key, response [][]Span) {
	kOf, rOf := clusterOf(key), clusterOf(response)
	// MUC: each cluster counts its size minus the number of parts the
	// other side splits it into (a mention the other side lacks is a part
	// of its own).
	muc := func(cs [][]Span, other map[Span]int) ratio {
		var r ratio
		for _, c := range cs {
			parts := map[int]bool{}
			alone := 0
			for _, m := range c {
				if o, ok := other[m]; ok {
					parts[o] = true
				} else {
					alone++
				}
			}
			r.num += float64(len(c) - len(parts) - alone)
			r.den += float64(len(c) - 1)
		}
		return r
	}
	add(&s.mucR, muc(key, rOf))
	add(&s.mucP, muc(response, kOf))
	// B³: each mention scores the share of its cluster that the other
	// side puts with it.
	overlap := make([]map[int]int, len(key)) // key cluster -> response cluster -> shared mentions
	for i, c := range key {
		overlap[i] = map[int]int{}
		for _, m := range c {
			if j, ok := rOf[m]; ok {
				overlap[i][j]++
			}
		}
	}
	var b3R, b3P ratio
	for i, c := range key {
		for j, n := range overlap[i] {
			b3R.num += float64(n*n) / float64(len(c))
			b3P.num += float64(n*n) / float64(len(response[j]))
		}
		b3R.den += float64(len(c))
	}
	for _, c := range response {
		b3P.den += float64(len(c))
	}
	add(&s.b3R, b3R)
	add(&s.b3P, b3P)
	// CEAF-e: the best one-to-one alignment of key and response entities
	// under φ4(K, R) = 2|K ∩ R| / (|K| + |R|).
	sim := make([][]float64, len(key))
	for i, c := range key {
		sim[i] = make([]float64, len(response))
		for j, n := range overlap[i] {
			sim[i][j] = 2 * float64(n) / float64(len(c)+len(response[j]))
		}
	}
	best := maxAssignment(sim, len(key), len(response))
	add(&s.ceafR, ratio{best, float64(len(key))})
	add(&s.ceafP, ratio{best, float64(len(response))})
}

func add(r *ratio, x ratio) { r.num += x.num; r.den += x.den }

// Scores returns the metrics of the documents added so far.
func (s *Scorer) Scores() Scores {
	return Scores{MUC: prf(s.mucP, s.mucR), B3: prf(s.b3P, s.b3R), CEAFe: prf(s.ceafP, s.ceafR)}
}

func clusterOf(cs [][]Span) map[Span]int {
	m := map[Span]int{}
	for i, c := range cs {
		for _, x := range c {
			m[x] = i
		}
	}
	return m
}

// maxAssignment returns the largest total similarity of a one-to-one
// assignment of n rows to m columns (sim is n×m, non-negative), by the
// Hungarian method with potentials, in O(k³) for k = max(n, m).
func maxAssignment(sim [][]float64, n, m int) float64 {
	k := max(n, m)
	if k == 0 {
		return 0
	}
	cost := func(i, j int) float64 { // minimise the negated similarity, padding with zeros
		if i < n && j < m {
			return -sim[i][j]
		}
		return 0
	}
	inf := math.Inf(1)
	u := make([]float64, k+1)
	v := make([]float64, k+1)
	p := make([]int, k+1) // p[j]: the row matched to column j (1-based), 0 for none
	way := make([]int, k+1)
	minv := make([]float64, k+1)
	used := make([]bool, k+1)
	for i := 1; i <= k; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = inf
			used[j] = false
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, 0
			for j := 1; j <= k; j++ {
				if used[j] {
					continue
				}
				cur := cost(i0-1, j-1) - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= k; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	total := 0.0
	for j := 1; j <= k; j++ {
		if i := p[j]; i > 0 && i <= n && j <= m {
			total += sim[i-1][j-1]
		}
	}
	return total
}

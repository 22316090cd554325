// Package carb scores Open IE extractions against the CaRB benchmark
// (Bhardwaj, Aggarwal and Mausam 2019): the lenient binary tuple matcher,
// precision by greedy one-to-one matching, recall by each gold tuple's best
// match (CaRB) or one-to-one (CaRB(1-1), as OpenIE6 reports it), over every
// confidence threshold; the area under the precision-recall curve and the
// best F1.
//
// It follows the reference scorer's arithmetic step by step, including its
// quirks (predicted arguments beyond the gold's are not counted; a
// predicted "be" may match any form of "be"; subject and object may swap
// when the gold relation contains "said"), so that its figures agree with
// it to the third decimal.
package carb

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Extraction is one tuple: a relation and its arguments (arg1 first).
type Extraction struct {
	Rel        string
	Args       []string
	Confidence float64
}

// Set maps a sentence to its extractions, sentences in file order.
type Set struct {
	order []string
	by    map[string][]Extraction
}

func newSet() *Set { return &Set{by: map[string][]Extraction{}} }

func (s *Set) add(sentence string, e Extraction) {
	if _, ok := s.by[sentence]; !ok {
		s.order = append(s.order, sentence)
	}
	s.by[sentence] = append(s.by[sentence], e)
}

// Sentences is the number of sentences.
func (s *Set) Sentences() int { return len(s.order) }

// pyStrip is Python's str.strip(): leading and trailing whitespace.
func pyStrip(s string) string { return strings.TrimSpace(s) }

// ReadGold reads the benchmark's gold file: sentence, relation, arguments,
// tab-separated; context arguments ("C: ...") are dropped.
func ReadGold(r io.Reader) (*Set, error) {
	s := newSet()
	err := lines(r, func(n int, line string) error {
		data := strings.Split(pyStrip(line), "\t")
		if len(data) < 2 {
			return fmt.Errorf("gold line %d: %d fields", n, len(data))
		}
		var args []string
		for _, a := range data[2:] {
			if !strings.Contains(a, "C: ") {
				args = append(args, pyStrip(a))
			}
		}
		s.add(pyStrip(data[0]), Extraction{Rel: pyStrip(data[1]), Args: args, Confidence: 1})
		return nil
	})
	return s, err
}

// ReadTabbed reads extractions: sentence, confidence, relation, arguments,
// tab-separated; blank lines are skipped.
func ReadTabbed(r io.Reader) (*Set, error) {
	s := newSet()
	err := lines(r, func(n int, line string) error {
		if pyStrip(line) == "" {
			return nil
		}
		data := strings.Split(pyStrip(line), "\t")
		if len(data) < 3 {
			return fmt.Errorf("line %d: %d fields, want sentence, confidence, relation and arguments", n, len(data))
		}
		conf, err := strconv.ParseFloat(data[1], 64)
		if err != nil {
			return fmt.Errorf("line %d: confidence %q: %w", n, data[1], err)
		}
		s.add(data[0], Extraction{Rel: data[2], Args: data[3:], Confidence: conf})
		return nil
	})
	return s, err
}

func lines(r io.Reader, fn func(int, string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(n, sc.Text()); err != nil {
			return err
		}
	}
	return sc.Err()
}

var ptb = []struct{ plain, escaped string }{
	{"(", "-LRB-"}, {")", "-RRB-"}, {"[", "-LSB-"}, {"]", "-RSB-"}, {"{", "-LCB-"}, {"}", "-RCB-"},
}

// normKey is how the scorer matches sentences: no spaces, PTB escapes
// undone, ASCII punctuation removed.
func normKey(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	for _, p := range ptb {
		s = strings.ReplaceAll(s, p.escaped, p.plain)
	}
	return strings.Map(func(r rune) rune {
		if r < 128 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r) {
			return -1
		}
		return r
	}, s)
}

var beForms = []string{"be", "is", "am", "are", "was", "were", "been", "being"}

func contains(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

func remove(ws []string, w string) []string {
	for i, x := range ws {
		if x == w {
			return append(ws[:i:i], ws[i+1:]...)
		}
	}
	return ws
}

// overlap counts gold words found in pred, each pred word used once.
func overlap(gold, pred []string) int {
	pw := append([]string(nil), pred...)
	m := 0
	for _, w := range gold {
		if contains(pw, w) {
			m++
			pw = remove(pw, w)
		}
	}
	return m
}

// lenient is the lenient tuple match: [precision, recall] of word overlap.
func lenient(ref, ex Extraction) [2]float64 {
	pw, gw := strings.Fields(ex.Rel), strings.Fields(ref.Rel)
	pn, rn := len(pw), len(gw)
	m := 0
	for _, w := range gw {
		if contains(pw, w) {
			m++
			pw = remove(pw, w)
		}
	}
	if contains(pw, "be") {
		for _, f := range beForms {
			if contains(gw, f) {
				m++ // the predicate's "be" stands for this form
				break
			}
		}
	}
	if m == 0 {
		return [2]float64{}
	}
	p0, r0 := m, m
	for i, a := range ref.Args {
		gw := strings.Fields(a)
		rn += len(gw)
		if len(ex.Args) <= i {
			if i < 2 {
				return [2]float64{}
			}
			continue
		}
		pw := strings.Fields(ex.Args[i])
		pn += len(pw)
		k := overlap(gw, pw)
		p0 += k
		r0 += k
	}
	var out [2]float64
	if pn > 0 {
		out[0] = float64(p0) / float64(pn)
	}
	if rn > 0 {
		out[1] = float64(r0) / float64(rn)
	}
	return out
}

func binarize(e Extraction) Extraction {
	if len(e.Args) >= 2 {
		e.Args = []string{e.Args[0], strings.Join(e.Args[1:], " ")}
	}
	return e
}

// match is the binary lenient tuple match: arguments after the first are
// one object; for reporting verbs, subject and object may swap.
func match(ref, ex Extraction) [2]float64 {
	r, e := binarize(ref), binarize(ex)
	s := lenient(r, e)
	reporting := false
	for _, v := range []string{"said", "told", "added", "adds", "says"} {
		if strings.Contains(ref.Rel, v) {
			reporting = true
		}
	}
	if !reporting {
		return s
	}
	e2 := ex
	if len(ex.Args) >= 2 {
		e2.Args = []string{strings.Join(ex.Args[1:], " "), ex.Args[0]}
	}
	t := lenient(r, e2)
	if t[0] > s[0] || t[0] == s[0] && t[1] > s[1] {
		return t
	}
	return s
}

// greedy matches gold rows to the selected predictions one to one, each
// time taking the largest remaining score k (the first found on ties).
func greedy(S [][][2]float64, sel []int, k int) float64 {
	total := 0.0
	usedR := make([]bool, len(S))
	usedC := map[int]bool{}
	for it := 0; it < min(len(S), len(sel)); it++ {
		best, bi, bj := -1.0, -1, -1
		for i := range S {
			if usedR[i] {
				continue
			}
			for _, j := range sel {
				if usedC[j] {
					continue
				}
				if S[i][j][k] > best {
					best, bi, bj = S[i][j][k], i, j
				}
			}
		}
		usedR[bi], usedC[bj] = true, true
		total += S[bi][bj][k]
	}
	return total
}

// Score is one scorer's result (fractions).
type Score struct {
	AUC, P, R, F1 float64
}

// Curve is a point of the precision-recall curve.
type Curve struct{ Precision, Recall, Confidence float64 }

// Evaluate scores pred against gold: standard CaRB, or CaRB(1-1) with
// single.
func Evaluate(gold, pred *Set, single bool) (Score, []Curve) {
	g := rekey(gold)
	p := rekey(pred)
	confSet := map[float64]bool{}
	for _, k := range p.order {
		for _, e := range p.by[k] {
			confSet[e.Confidence] = true
		}
	}
	th := make([]float64, 0, len(confSet))
	for c := range confSet {
		th = append(th, c)
	}
	sort.Float64s(th)
	idx := map[float64]int{}
	for i, c := range th {
		idx[c] = i
	}
	n := len(th)
	pn, pl, rn, rl := make([]float64, n), make([]int, n), make([]float64, n), make([]int, n)
	for _, sent := range g.order {
		G := g.by[sent]
		X := p.by[sent]
		S := make([][][2]float64, len(G))
		for i, gx := range G {
			S[i] = make([][2]float64, len(X))
			for j, x := range X {
				S[i][j] = match(gx, x)
			}
		}
		confs := make([]float64, len(X))
		for j, x := range X {
			confs[j] = x.Confidence
		}
		sort.Float64s(confs)
		prev := 0
		for _, conf := range confs {
			c := idx[conf]
			var sel []int
			for j, x := range X {
				if x.Confidence >= conf {
					sel = append(sel, j)
				}
			}
			var rnum float64
			if single {
				rnum = greedy(S, sel, 1)
			} else {
				for _, row := range S {
					best := 0.0
					for _, j := range sel {
						best = max(best, row[j][1])
					}
					rnum += best
				}
			}
			pnum := greedy(S, sel, 0)
			for k := prev; k <= c; k++ {
				pn[k] += pnum
				pl[k] += len(sel)
				rn[k] += rnum
				rl[k] += len(S)
			}
			prev = max(prev, c+1)
		}
		for k := prev; k < n; k++ {
			rl[k] += len(S)
		}
	}
	P, R, F := make([]float64, n), make([]float64, n), make([]float64, n)
	for k := 0; k < n; k++ {
		P[k] = 1
		if pl[k] > 0 {
			P[k] = pn[k] / float64(pl[k])
		}
		if rl[k] > 0 {
			R[k] = rn[k] / float64(rl[k])
		}
		if P[k]+R[k] > 0 {
			F[k] = 2 * P[k] * R[k] / (P[k] + R[k])
		}
	}
	var s Score
	if n > 0 {
		b := 0
		for k := range F {
			if F[k] > F[b] {
				b = k
			}
		}
		s.P, s.R, s.F1 = P[b], R[b], F[b]
	}
	xs, ys := append(append([]float64(nil), R...), 0), append(append([]float64(nil), P...), 1)
	for i := 0; i+1 < len(xs); i++ {
		s.AUC += (xs[i] - xs[i+1]) * (ys[i] + ys[i+1]) / 2
	}
	curve := make([]Curve, n)
	for k := range curve {
		curve[k] = Curve{P[k], R[k], th[k]}
	}
	return s, curve
}

// rekey keys a set by normalized sentence; like the reference, a later
// sentence with the same key replaces an earlier one's extractions.
func rekey(s *Set) *Set {
	out := newSet()
	for _, k := range s.order {
		nk := normKey(k)
		if _, ok := out.by[nk]; !ok {
			out.order = append(out.order, nk)
		}
		out.by[nk] = s.by[k]
	}
	return out
}

// Round3 rounds to three decimals, as the reference prints.
func Round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// Report scores pred against gold both ways and prints them: a line per
// scorer, percentages, CaRB last-but-one and CaRB(1-1) last.
func Report(goldR, predR io.Reader, out io.Writer) (carb, oneToOne Score, err error) {
	gold, err := ReadGold(goldR)
	if err != nil {
		return carb, oneToOne, fmt.Errorf("gold: %w", err)
	}
	pred, err := ReadTabbed(predR)
	if err != nil {
		return carb, oneToOne, fmt.Errorf("predictions: %w", err)
	}
	carb, _ = Evaluate(gold, pred, false)
	oneToOne, _ = Evaluate(gold, pred, true)
	fmt.Fprintf(out, "%d gold sentences, %d with predictions\n", gold.Sentences(), pred.Sentences())
	for _, r := range []struct {
		name string
		s    Score
	}{{"CaRB(1-1)", oneToOne}, {"CaRB", carb}} {
		fmt.Fprintf(out, "%s: F1=%.1f AUC=%.1f P=%.1f R=%.1f\n", r.name, 100*Round3(r.s.F1), 100*Round3(r.s.AUC), 100*Round3(r.s.P), 100*Round3(r.s.R))
	}
	return carb, oneToOne, nil
}

// Bucket is the mean precision of the extractions whose confidence lies
// in [Low, High): each extraction's best match against its sentence's
// gold tuples, by the scorer's matcher.
type Bucket struct {
	Low, High float64
	N         int
	Precision float64
}

// Calibration measures precision by confidence: bounds are ascending
// bucket edges (the last bucket is open above).
func Calibration(gold, pred *Set, bounds []float64) []Bucket {
	g := rekey(gold)
	out := make([]Bucket, len(bounds))
	for i, b := range bounds {
		out[i].Low, out[i].High = b, math.Inf(1)
		if i+1 < len(bounds) {
			out[i].High = bounds[i+1]
		}
	}
	for _, k := range pred.order {
		G := g.by[normKey(k)]
		for _, x := range pred.by[k] {
			best := 0.0
			for _, gx := range G {
				best = max(best, match(gx, x)[0])
			}
			for i := range out {
				if x.Confidence >= out[i].Low && x.Confidence < out[i].High {
					out[i].N++
					out[i].Precision += best
				}
			}
		}
	}
	for i := range out {
		if out[i].N > 0 {
			out[i].Precision /= float64(out[i].N)
		}
	}
	return out
}

// NewSet returns an empty set, for building predictions in memory.
func NewSet() *Set { return newSet() }

// Add appends an extraction of sentence.
func (s *Set) Add(sentence string, e Extraction) { s.add(sentence, e) }

// Labeler scores each predicted extraction against its sentence's gold
// tuples, by the scorer's matcher: the label a confidence model learns to
// predict.
type Labeler struct{ by map[string][]Extraction }

// NewLabeler indexes gold by normalized sentence.
func NewLabeler(gold *Set) *Labeler { return &Labeler{by: rekey(gold).by} }

// F1 is the best harmonic mean of match precision and recall of x against
// one of its sentence's gold tuples.
func (l *Labeler) F1(sentence string, x Extraction) (float64, bool) {
	G, ok := l.by[normKey(sentence)]
	best := 0.0
	for _, g := range G {
		if m := match(g, x); m[0]+m[1] > 0 {
			best = max(best, 2*m[0]*m[1]/(m[0]+m[1]))
		}
	}
	return best, ok
}

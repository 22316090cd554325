package openie

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"github.com/newsgraph/newsgraph/nlp"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Calibrator turns a tuple's features into a confidence: a logistic model
// of how right the tuple is, learned from the CaRB dev split (newsgraph
// train calibration). Its label for each tuple is the F1 of the tuple's
// best match among the gold tuples (word overlap of relation and
// arguments), so a confidence of 0.7 means that tuples like it matched a
// gold tuple about 70% on average.
type Calibrator struct {
	Bias    float64            `json:"bias"`
	Weights map[string]float64 `json:"weights"`
}

//go:embed calibration.json
var calibrationJSON []byte

var (
	defaultOnce sync.Once
	defaultCal  *Calibrator
	defaultErr  error
)

// DefaultCalibrator is the calibration shipped with newsgraph.
func DefaultCalibrator() (*Calibrator, error) {
	defaultOnce.Do(func() {
		defaultCal, defaultErr = ParseCalibrator(calibrationJSON)
	})
	return defaultCal, defaultErr
}

// ParseCalibrator reads a calibrator's JSON form.
func ParseCalibrator(b []byte) (*Calibrator, error) {
	var c Calibrator
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("calibration: %w", err)
	}
	return &c, nil
}

// Confidence is the model's probability for a tuple with these features.
func (c *Calibrator) Confidence(features []string) float64 {
	z := c.Bias
	for _, f := range features {
		z += c.Weights[f]
	}
	return 1 / (1 + math.Exp(-z))
}

// Features describes a tuple for the calibrator: its kind, shape and the
// parse around it. tp.Confidence must be the hand-set prior (ExtractWith
// with no calibrator).
func Features(s []nlp.Word, tp Tuple) []string {
	return newTree(columnsOf(s)).features(tp)
}

func bucket(n int, edges ...int) string {
	for _, e := range edges {
		if n <= e {
			return strconv.Itoa(e)
		}
	}
	return "more"
}

func (t *tree) features(tp Tuple) []string {
	s := t.s
	f := make([]string, 0, 32)
	add := func(parts ...string) { f = append(f, strings.Join(parts, "")) }
	kind := [...]string{"clause", "apposition", "possessive", "attribute"}[tp.Kind]
	nargs := bucket(len(tp.Args), 0, 1, 2)
	add("kind=", kind)
	add("nargs=", nargs)
	add("kind=", kind, "&nargs=", nargs)
	add("prior=", strconv.FormatFloat(math.Round(tp.Confidence*20)/20, 'f', 2, 64))
	if tp.Prep >= 0 {
		add("prep")
	}
	if tp.Negated {
		add("negated")
	}
	if tp.Modal != "" {
		add("modal")
	}
	add("sent=", bucket(len(s.Words), 10, 20, 30, 40))
	add("rellen=", bucket(len(tp.Rel), 1, 2, 3, 5))
	for _, k := range tp.Rel {
		switch s.Rel[k] {
		case "cop":
			add("cop")
		case "aux:pass":
			add("passive")
		}
	}
	phrase := func(name string, a Arg) {
		if len(a.Words) == 0 {
			add(name, "=empty")
			return
		}
		add(name, "len=", bucket(len(a.Words), 1, 2, 3, 5, 8, 12))
		if a.Head >= 0 {
			add(name, "upos=", s.UPOS[a.Head])
			add(name, "rel=", s.Rel[a.Head])
			switch s.XPOS[a.Head] {
			case "PRP", "WP", "WDT", "DT", "EX", "CD":
				add(name, "xpos=", s.XPOS[a.Head])
			}
		}
		for _, k := range a.Words {
			if s.Words[k] == "," {
				add(name, "comma")
				break
			}
		}
		if a.Words[len(a.Words)-1]-a.Words[0]+1 != len(a.Words) {
			add(name, "gap")
		}
	}
	phrase("subj", tp.Subject)
	if len(tp.Args) > 0 {
		phrase("arg0", tp.Args[0])
	}
	if v := tp.Verb; v >= 0 {
		add("verb=", s.XPOS[v])
		add("vrel=", s.Rel[v])
		if len(tp.Args) > 0 && tp.Args[0].Head >= 0 {
			add("vrel=", s.Rel[v], "&arg0rel=", s.Rel[tp.Args[0].Head])
		}
		if h := tp.Subject.Head; h >= 0 {
			if h > v {
				add("subjafter")
			}
			add("subjdist=", bucket(abs(v-h), 1, 2, 4, 8, 16))
		}
	} else {
		add("verb=none")
	}
	sort.Strings(f)
	return f
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Example is one tuple for training a calibrator: its features and its
// label in [0, 1].
type Example struct {
	Features []string
	Label    float64
}

// TrainCalibrator fits a logistic model to soft labels by gradient
// descent on the mean cross-entropy with an L2 penalty: deterministic
// for the same examples.
func TrainCalibrator(examples []Example, iterations int, l2 float64) *Calibrator {
	index := map[string]int{}
	var names []string
	rows := make([][]int, len(examples))
	for i, e := range examples {
		for _, f := range e.Features {
			j, ok := index[f]
			if !ok {
				j = len(names)
				index[f] = j
				names = append(names, f)
			}
			rows[i] = append(rows[i], j)
		}
	}
	w := make([]float64, len(names))
	g := make([]float64, len(names))
	// Adam keeps the step sizes sensible for rare and common features alike.
	m, v := make([]float64, len(names)+1), make([]float64, len(names)+1)
	var b float64
	const rate, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
	n := float64(len(examples))
	for it := 1; it <= iterations; it++ {
		for j := range g {
			g[j] = l2 * w[j]
		}
		var gb float64
		for i, e := range examples {
			z := b
			for _, j := range rows[i] {
				z += w[j]
			}
			d := (1/(1+math.Exp(-z)) - e.Label) / n
			gb += d
			for _, j := range rows[i] {
				g[j] += d
			}
		}
		step := func(k int, grad float64) float64 {
			m[k] = beta1*m[k] + (1-beta1)*grad
			v[k] = beta2*v[k] + (1-beta2)*grad*grad
			mh := m[k] / (1 - math.Pow(beta1, float64(it)))
			vh := v[k] / (1 - math.Pow(beta2, float64(it)))
			return rate * mh / (math.Sqrt(vh) + eps)
		}
		for j := range w {
			w[j] -= step(j, g[j])
		}
		b -= step(len(names), gb)
	}
	c := &Calibrator{Bias: round4(b), Weights: map[string]float64{}}
	for j, name := range names {
		if r := round4(w[j]); r != 0 {
			c.Weights[name] = r
		}
	}
	return c
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// JSON is the calibrator's stored form: indented, keys sorted.
func (c *Calibrator) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

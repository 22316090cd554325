package coref

import (
	"math"
	"testing"
)

// spans names mentions by letters: mention 'a' is word 0 of sentence 0.
func spans(groups ...string) [][]Span {
	var out [][]Span
	for _, g := range groups {
		var c []Span
		for _, r := range g {
			c = append(c, Span{Start: int(r - 'a'), End: int(r-'a') + 1})
		}
		out = append(out, c)
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestMetrics(t *testing.T) {
	for _, tc := range []struct {
		name          string
		key, response [][]Span
		want          Scores
	}{
		{
			// The worked example of Pradhan et al. (2014), figure 1:
			// MUC R = ((3-2)+(4-3))/(2+3); P = (1+0+1)/(1+1+3).
			// B³ R = (4/3+1/3+1/4+4/4)/7 = 35/84; P = (4/2+1/2+1/2+4/4)/8.
			// CEAF-e: φ4(abc,ab)=4/5 and φ4(defg,fghi)=4/8 align best, 1.3.
			name:     "pradhan2014",
			key:      spans("abc", "defg"),
			response: spans("ab", "cd", "fghi"),
			want: Scores{
				MUC:   PRF{P: 2.0 / 5, R: 2.0 / 5},
				B3:    PRF{P: 4.0 / 8, R: 35.0 / 84},
				CEAFe: PRF{P: 1.3 / 3, R: 1.3 / 2},
			},
		},
		{
			name: "identical", key: spans("ab", "cde"), response: spans("ab", "cde"),
			want: Scores{MUC: PRF{P: 1, R: 1}, B3: PRF{P: 1, R: 1}, CEAFe: PRF{P: 1, R: 1}},
		},
		{
			// Everything in one entity: MUC R = (0+1)/(0+1), P = (3-2)/2
			// (the key splits abc in two); B³ P = (1/3 + 4/3)/3; CEAF-e
			// aligns bc with abc: 2·2/5 = 0.8, over 2 key and 1 response
			// entities.
			name: "merged", key: spans("a", "bc"), response: spans("abc"),
			want: Scores{MUC: PRF{P: 0.5, R: 1}, B3: PRF{P: 5.0 / 9, R: 1}, CEAFe: PRF{P: 0.8, R: 0.4}},
		},
		{
			// A response mention the key lacks (d) and a key mention the
			// response lacks (c): MUC R = (3-2)/2, P = (3-2)/2 (d is a part
			// of its own); B³: c and d are in no cluster of the other
			// side, so R = (2²/3)/3 = 4/9 and P = (2²/3)/3 = 4/9; CEAF-e
			// φ4 = 2·2/6.
			name: "twinless", key: spans("abc"), response: spans("abd"),
			want: Scores{MUC: PRF{P: 0.5, R: 0.5}, B3: PRF{P: 4.0 / 9, R: 4.0 / 9}, CEAFe: PRF{P: 4.0 / 6, R: 4.0 / 6}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var s Scorer
			s.Add(tc.key, tc.response)
			got := s.Scores()
			for _, m := range []struct {
				name      string
				got, want PRF
			}{{"MUC", got.MUC, tc.want.MUC}, {"B3", got.B3, tc.want.B3}, {"CEAFe", got.CEAFe, tc.want.CEAFe}} {
				if !near(m.got.P, m.want.P) || !near(m.got.R, m.want.R) {
					t.Errorf("%s: got P=%.4f R=%.4f, want P=%.4f R=%.4f", m.name, m.got.P, m.got.R, m.want.P, m.want.R)
				}
				if f := 2 * m.want.P * m.want.R / (m.want.P + m.want.R); !near(m.got.F, f) {
					t.Errorf("%s: got F=%.4f, want %.4f", m.name, m.got.F, f)
				}
			}
		})
	}
}

func TestMetricsSumOverDocuments(t *testing.T) {
	// Two documents add numerators and denominators: MUC recall of
	// "abc"/"ab"+"c" (1/2) and "de"/"de" (1/1) is 2/3, not the mean 3/4.
	var s Scorer
	s.Add(spans("abc"), spans("ab", "c"))
	s.Add(spans("de"), spans("de"))
	if got, want := s.Scores().MUC.R, 2.0/3; !near(got, want) {
		t.Errorf("MUC R = %.4f, want %.4f", got, want)
	}
}

func TestMaxAssignment(t *testing.T) {
	for _, tc := range []struct {
		name string
		sim  [][]float64
		n, m int
		want float64
	}{
		// Greedy takes 0.9 and is left with 0.1; the optimum is 0.8+0.8.
		{"greedy fails", [][]float64{{0.9, 0.8}, {0.8, 0.1}}, 2, 2, 1.6},
		{"more columns", [][]float64{{0.1, 0.5, 0.4}, {0.2, 0.6, 0.0}}, 2, 3, 0.4 + 0.6},
		{"more rows", [][]float64{{1}, {0.5}, {0.7}}, 3, 1, 1},
		{"empty", nil, 0, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := maxAssignment(tc.sim, tc.n, tc.m); !near(got, tc.want) {
				t.Errorf("got %.4f, want %.4f", got, tc.want)
			}
		})
	}
}

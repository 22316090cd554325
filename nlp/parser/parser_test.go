package parser

import (
	"bytes"
	"math/rand"
	"testing"

	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
)

// randomTree returns the heads (ROOT = n) of a random projective tree.
func randomTree(rng *rand.Rand, n int) []int {
	heads := make([]int, n)
	var span func(lo, hi int) int
	span = func(lo, hi int) int {
		r := lo + rng.Intn(hi-lo)
		for _, side := range [][2]int{{lo, r}, {r + 1, hi}} {
			for a := side[0]; a < side[1]; {
				b := a + 1 + rng.Intn(side[1]-a)
				heads[span(a, b)] = r
				a = b
			}
		}
		return r
	}
	heads[span(0, n)] = n
	return heads
}

// Following only zero-cost transitions must rebuild any projective gold
// tree exactly: the dynamic oracle is then correct on the gold path.
func TestOracleRebuildsProjectiveTrees(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	const nl, root = 3, 2
	for trial := 0; trial < 500; trial++ {
		n := 1 + rng.Intn(12)
		gh := randomTree(rng, n)
		gl := make([]int, n)
		for i := range gl {
			if gh[i] == n {
				gl[i] = root
			} else {
				gl[i] = rng.Intn(2)
			}
		}
		st := newState(n)
		cost := make([]int, 2+2*nl)
		onStack := make([]bool, n+1)
		for steps := 0; !st.done(); steps++ {
			if steps > 4*n+4 {
				t.Fatalf("tree %v: no end", gh)
			}
			st.costs(gh, gl, nl, root, onStack, cost)
			next := -1
			for c := range cost {
				if cost[c] == 0 {
					next = c
					break
				}
			}
			if next < 0 {
				t.Fatalf("tree %v: no zero-cost transition in %v", gh, cost)
			}
			typ, l := kind(next, nl)
			st.apply(typ, l)
		}
		for i := 0; i < n; i++ {
			if st.head[i] != gh[i] || st.label[i] != gl[i] {
				t.Fatalf("tree %v labels %v: got heads %v labels %v", gh, gl, st.head[:n], st.label[:n])
			}
		}
	}
}

func TestProjectivize(t *testing.T) {
	// 0 <- 2 crosses 1 -> 3: word 3's arc from 1 spans word 2, whose head
	// (ROOT) is outside.
	heads := []int{2, 2, 4, 1}
	if n := projectivize(heads); n == 0 {
		t.Fatal("nothing lifted")
	}
	for d, h := range heads {
		if h >= len(heads) {
			continue
		}
		for k := min(h, d) + 1; k < max(h, d); k++ {
			if !dominates(heads, h, k) {
				t.Fatalf("still non-projective: %v", heads)
			}
		}
	}
	proj := []int{1, 3, 1, 4}
	if n := projectivize(proj); n != 0 {
		t.Errorf("lifted %d arcs of a projective tree", n)
	}
}

func toyTreebank(rng *rand.Rand, n int) []Example {
	// Determiner-noun-verb-noun sentences with a fixed tree.
	dets, nouns, verbs := []string{"the", "a"}, []string{"cat", "dog", "court", "bank"}, []string{"sees", "ruled", "hit"}
	var out []Example
	for i := 0; i < n; i++ {
		out = append(out, Example{
			Input: Input{
				Words: []string{dets[rng.Intn(2)], nouns[rng.Intn(4)], verbs[rng.Intn(3)], nouns[rng.Intn(4)], "."},
				XPOS:  []string{"DT", "NN", "VBZ", "NNS", "."},
				UPOS:  []string{"DET", "NOUN", "VERB", "NOUN", "PUNCT"},
			},
			Heads: []int{2, 3, 0, 3, 3},
			Rels:  []string{"det", "nsubj", "root", "obj", "punct"},
		})
	}
	return out
}

func TestTrainParseRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	p, err := Train(toyTreebank(rng, 200), toyTreebank(rng, 20), Options{Epochs: 3, Seed: 1, Explore: 0.9})
	if err != nil {
		t.Fatal(err)
	}
	dev := toyTreebank(rng, 20)
	if s := Evaluate(p, dev); s.LAS < 1 {
		t.Fatalf("LAS on a trivial language = %v", s.LAS)
	}
	var buf bytes.Buffer
	if _, err := p.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	q, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if s := Evaluate(q, dev); s.LAS < 1 {
		t.Fatalf("LAS after a round trip = %v", s.LAS)
	}
	if h, r := q.Parse(Input{}); h != nil || r != nil {
		t.Error("empty sentence gave a tree")
	}
}

func TestSingleRoot(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	p, err := Train(toyTreebank(rng, 50), nil, Options{Epochs: 1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	// Unseen words and tags make several headless words likely; whatever
	// the model does, there must be exactly one root.
	words := []string{"zz", "yy", "xx", "ww", "vv", "uu"}
	tags := []string{"FW", "FW", "FW", "FW", "FW", "FW"}
	heads, rels := p.Parse(Input{Words: words, XPOS: tags, UPOS: tags, Alt: []string{"NN", "", "", "", "", ""}})
	roots := 0
	for i, h := range heads {
		if h == 0 {
			roots++
			if rels[i] != "root" {
				t.Errorf("root word %d has relation %q", i, rels[i])
			}
		}
	}
	if roots != 1 {
		t.Errorf("%d roots: %v %v", roots, heads, rels)
	}
}

// TestNormHashes checks the hashes of the stack-buffer path against those
// of the strings normWord builds (the model's features were trained on
// them).
func TestNormHashes(t *testing.T) {
	for _, s := range []string{"", "a", "The", "U.S.", "1,200", "B2B", "McCain's", "ab", "Café", "naïve", "日本",
		"a\xffb", "Abcdefghijklmnopqrstuvwxyz0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", "@#$%^&*()"} {
		norm := normWord(s)
		w, suf := normHashes(s)
		if w != perceptron.Str(norm) || suf != perceptron.Str(norm[max(0, len(norm)-3):]) {
			t.Errorf("normHashes(%q) differs from the hashes of %q", s, norm)
		}
	}
}

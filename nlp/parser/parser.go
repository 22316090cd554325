// Package parser is newsgraph's dependency parser: a greedy arc-eager
// transition system (root at the end of the buffer) with labelled
// transitions scored by an averaged perceptron over the rich non-local
// feature set of Zhang and Nivre (2011), trained with the dynamic oracle
// of Goldberg and Nivre (2012) on UD English EWT. It produces projective
// trees with Universal Dependencies relations.
package parser

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
)

// Parser parses tagged sentences. It is safe for concurrent use.
type Parser struct {
	labels    []string
	rootLabel int
	model     *perceptron.Model
}

// Labels is the relation set, indexed by label number.
func (p *Parser) Labels() []string { return p.labels }

// Input is a tagged sentence.
type Input struct {
	Words, XPOS, UPOS []string
	// Alt is the tagger's runner-up Penn tag where it was unsure and ""
	// elsewhere (nil for none): the parser learns when to doubt a tag.
	Alt []string
	// Class is each word's lexicon class (what parts of speech a dictionary
	// allows it), nil for none: evidence about the word that does not go
	// through the tagger.
	Class []uint16
}

func newSentence(in Input) *sentence {
	words, xpos, upos := in.Words, in.XPOS, in.UPOS
	n := len(words)
	sn := &sentence{w: make([]uint64, n+1), p: make([]uint64, n+1), u: make([]uint64, n+1), a: make([]uint64, n+1), c: make([]uint64, n+1),
		suf: make([]uint64, n+1), punct: make([]int, n+2), verbs: make([]int, n+2)}
	for i := 0; i < n; i++ {
		sn.w[i], sn.suf[i] = normHashes(words[i])
		sn.p[i] = perceptron.Str(xpos[i])
		sn.u[i] = perceptron.Str(upos[i])
		sn.c[i] = noClass
		if in.Class != nil {
			sn.c[i] = uint64(in.Class[i]) + 1
		}
		sn.a[i] = noAlt
		if in.Alt != nil && in.Alt[i] != "" {
			sn.a[i] = perceptron.Str(in.Alt[i])
		}
		sn.punct[i+1], sn.verbs[i+1] = sn.punct[i], sn.verbs[i]
		if upos[i] == "PUNCT" {
			sn.punct[i+1]++
		}
		if upos[i] == "VERB" || upos[i] == "AUX" {
			sn.verbs[i+1]++
		}
	}
	sn.punct[n+1], sn.verbs[n+1] = sn.punct[n], sn.verbs[n]
	sn.suf[n], sn.a[n], sn.c[n] = sn.w[n], noAlt, noClass
	sn.w[n], sn.p[n], sn.u[n] = perceptron.Str("<ROOT>"), perceptron.Str("<ROOT>"), perceptron.Str("<ROOT>")
	return sn
}

// normHashes returns the hashes of normWord(s) and of its last three
// bytes. A short ASCII word, nearly every word, is normalized in a buffer
// on the stack rather than in new strings.
func normHashes(s string) (norm, suf uint64) {
	var buf [32]byte
	if len(s) > len(buf) {
		return normHashesOf(normWord(s))
	}
	b := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return normHashesOf(normWord(s))
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '0' && c <= '9':
			c = '0'
		}
		b[i] = c
	}
	return perceptron.StrBytes(b), perceptron.StrBytes(b[max(0, len(b)-3):])
}

func normHashesOf(norm string) (uint64, uint64) {
	return perceptron.Str(norm), perceptron.Str(norm[max(0, len(norm)-3):])
}

// normWord lower-cases a word and writes its digits as 0.
func normWord(s string) string {
	b := []byte(strings.ToLower(s))
	for i, c := range b {
		if c >= '0' && c <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}

// Parse returns, for each word, its head (1-based; 0 for the root) and
// relation.
func (p *Parser) Parse(in Input) (heads []int, rels []string) {
	n := len(in.Words)
	if n == 0 {
		return nil, nil
	}
	sn := newSentence(in)
	st := newState(n)
	nl := len(p.labels)
	scores := make([]float32, 2+2*nl)
	var feats []uint64
	rootScore := map[int]float32{}
	for !st.done() {
		if typ := st.forced(); typ >= 0 {
			// the only valid transition needs no scores
			st.apply(typ, -1)
			continue
		}
		feats = st.features(feats[:0], sn)
		clear(scores)
		p.model.Scores(feats, scores)
		best, bestScore := -1, float32(0)
		for c, sc := range scores {
			typ, l := kind(c, nl)
			if (best < 0 || sc > bestScore) && st.valid(typ, l, p.rootLabel) {
				best, bestScore = c, sc
			}
		}
		typ, l := kind(best, nl)
		if typ == leftArc && l == p.rootLabel {
			rootScore[st.s0()] = bestScore
		}
		st.apply(typ, l)
	}
	p.singleRoot(st, rootScore)
	heads = make([]int, n)
	rels = make([]string, n)
	for i := 0; i < n; i++ {
		h := st.head[i]
		if h == n {
			heads[i] = 0
		} else {
			heads[i] = h + 1
		}
		rels[i] = p.labels[st.label[i]]
	}
	return heads, rels
}

// singleRoot keeps one root, the one attached with the highest score, and
// attaches the others to it as parataxis: UD trees have exactly one root,
// and the transition system can end with several headless words.
func (p *Parser) singleRoot(st *state, rootScore map[int]float32) {
	if len(rootScore) < 2 {
		return
	}
	best := -1
	for w, sc := range rootScore {
		if best < 0 || sc > rootScore[best] || sc == rootScore[best] && w < best {
			best = w
		}
	}
	rel := p.rootLabel
	for i, l := range p.labels {
		if l == "parataxis" {
			rel = i
		}
	}
	for w := range rootScore {
		if w != best {
			st.head[w], st.label[w] = best, rel
		}
	}
}

const magic = "NGPARSE1\n"

// WriteTo writes the parser's labels and model.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	bw.WriteString(magic)
	fmt.Fprintf(bw, "%d\n", len(p.labels))
	for _, l := range p.labels {
		bw.WriteString(l + "\n")
	}
	if _, err := p.model.WriteTo(bw); err != nil {
		return 0, err
	}
	return 0, bw.Flush()
}

// Read reads a parser written by WriteTo.
func Read(r io.Reader) (*Parser, error) {
	br := perceptron.NewReader(r)
	line, err := br.ReadString('\n')
	if err != nil || line != magic {
		return nil, errors.New("parser: not a parser model")
	}
	var n int
	if _, err := fmt.Fscanf(br, "%d\n", &n); err != nil || n <= 0 || n > 255 {
		return nil, errors.New("parser: bad label count")
	}
	p := &Parser{rootLabel: -1}
	for i := 0; i < n; i++ {
		line, err := br.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("parser: label %d: %w", i, err)
		}
		l := strings.TrimSuffix(line, "\n")
		if l == "root" {
			p.rootLabel = i
		}
		p.labels = append(p.labels, l)
	}
	if p.rootLabel < 0 {
		return nil, errors.New("parser: no root label")
	}
	if p.model, err = perceptron.Read(br); err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	if p.model.Classes() != 2+2*n {
		return nil, errors.New("parser: model classes do not match the labels")
	}
	return p, nil
}

// Features is the number of features with weights.
func (p *Parser) Features() int { return p.model.Features() }

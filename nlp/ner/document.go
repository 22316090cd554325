package ner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
)

// classesOf maps labels to their types, nTypes for O.
func classesOf(labels []int) []int {
	out := make([]int, len(labels))
	for i, l := range labels {
		out[i] = nTypes
		if l > 0 {
			out[i] = labelType(l)
		}
	}
	return out
}

// docFeatures computes, for every token of a document, from the types
// the first pass gave each token (nTypes for none), what the first pass
// said about the same word (lower-cased) in the rest of the
// document: the type it was most often given (or none), how consistently,
// whether it occurs more than once more, and whether it is written with a
// capital elsewhere in mid-sentence. The value is 0 for a word that
// occurs nowhere else.
func docFeatures(doc [][]Token, first [][]int) [][]uint64 {
	// first[s][i] is a type, nTypes for none.
	type tally struct {
		types [nTypes + 1]int
		caps  int
	}
	counts := map[string]*tally{}
	key := func(t Token) (string, bool) {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsLetter(r) {
			return "", false
		}
		return strings.ToLower(t.Text), true
	}
	capMid := func(toks []Token, i int) bool { return i > 0 && isCap(toks[i].Text) }
	for s, toks := range doc {
		for i, t := range toks {
			k, ok := key(t)
			if !ok {
				continue
			}
			c := counts[k]
			if c == nil {
				c = &tally{}
				counts[k] = c
			}
			c.types[first[s][i]]++
			if capMid(toks, i) {
				c.caps++
			}
		}
	}
	out := make([][]uint64, len(doc))
	for s, toks := range doc {
		out[s] = make([]uint64, len(toks))
		for i, t := range toks {
			k, ok := key(t)
			if !ok {
				continue
			}
			c := *counts[k]
			c.types[first[s][i]]--
			if capMid(toks, i) {
				c.caps--
			}
			total, best := 0, 0
			for x, n := range c.types {
				total += n
				if n > c.types[best] {
					best = x
				}
			}
			if total == 0 {
				continue
			}
			purity := uint64(2)
			switch {
			case c.types[best] == total:
				purity = 0
			case 2*c.types[best] >= total:
				purity = 1
			}
			var many, caps uint64
			if total > 1 {
				many = 1
			}
			if c.caps > 0 {
				caps = 1
			}
			out[s][i] = docValue(best, purity, many, caps)
		}
	}
	return out
}

// docValue packs a document feature; docMajority unpacks its type and
// purity (0: all other occurrences agree).
func docValue(best int, purity, many, caps uint64) uint64 {
	return 1 + ((uint64(best)*3+purity)*2+many)*2 + caps
}

func docMajority(v uint64) (best int, purity uint64) {
	x := (v - 1) / 4
	return int(x / 3), x % 3
}

// maxContexts bounds how many neighbours of a word's other occurrences
// docContexts keeps on each side.
const maxContexts = 16

// docContexts gathers, for every capitalized token of a document, the
// words beside the same word (lower-cased) where it occurs elsewhere in
// the document: "Coron" seen after "in" and "to" in other sentences is a
// place even where this sentence only says "Coron is". The values are
// hashed (side, neighbour) pairs; nil for a word that occurs nowhere else.
// Unlike docFeatures they need no labels, so they cost no first pass.
func docContexts(doc [][]Token) [][][]uint64 {
	type occ struct{ s, i int }
	where := map[string][]occ{}
	for s, toks := range doc {
		for i, t := range toks {
			if isCap(t.Text) {
				k := strings.ToLower(t.Text)
				where[k] = append(where[k], occ{s, i})
			}
		}
	}
	// side describes the neighbour j of an occurrence: the word, and
	// whether it is a title, an organization's or a place's word, or
	// written with a capital (a longer name).
	side := func(dst []uint64, toks []Token, j int, d uint64) []uint64 {
		if j < 0 || j >= len(toks) {
			return append(dst, perceptron.F1(d, none))
		}
		lower := strings.ToLower(toks[j].Text)
		dst = append(dst, perceptron.F1(d, perceptron.Str(lower)), perceptron.F1(d+10, perceptron.Str(shape(toks[j].Text, 1))))
		if c := cueOf(lower); c != 0 {
			dst = append(dst, perceptron.F1(d+20, c))
		}
		return dst
	}
	out := make([][][]uint64, len(doc))
	for s, toks := range doc {
		out[s] = make([][]uint64, len(toks))
	}
	for _, occs := range where {
		if len(occs) < 2 {
			continue
		}
		// The neighbours of every occurrence, then each occurrence gets
		// those of the others.
		around := make([][]uint64, len(occs))
		for k, o := range occs {
			toks := doc[o.s]
			around[k] = side(side(nil, toks, o.i-1, 1), toks, o.i+1, 2)
		}
		for k, o := range occs {
			var ctx []uint64
			for j, vals := range around {
				for _, v := range vals {
					if j != k && len(ctx) < maxContexts && !slices.Contains(ctx, v) {
						ctx = append(ctx, v)
					}
				}
			}
			out[o.s][o.i] = ctx
		}
	}
	return out
}

package ner

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
	"github.com/newsgraph/newsgraph/nlp/token"
)

// Gazetteer kinds, one bit each: a name can be several (Jordan is a
// country and a first name).
const (
	gCountry = 1 << iota
	gState
	gCity // the loader's short list of major cities
	gRegion
	gOrg
	gDemonym
	gCity1 // GeoNames, population 100,000 or more
	gCity2 // 15,000 or more
	gCity3 // 1,000 or more
	gFirst // first name
	gName  // any part of a person's name (first, middle or last)
	nKinds = 11
)

// gazKinds are the kind names of the gazetteer file.
var gazKinds = map[string]uint16{"city1": gCity1, "city2": gCity2, "city3": gCity3, "first": gFirst, "name": gName}

// gazMaxLen is the longest name matched, in tokens.
const gazMaxLen = 6

// Gazetteer maps token sequences (lower-cased, as our tokenizer splits
// them) to the kinds of name they can be. Lookups hash tokens, so no
// string is built at run time.
type Gazetteer struct {
	// names holds the kinds of each name, and the bit isPrefix for every
	// proper prefix of a name, so that a longer match is only tried while
	// one can exist.
	names map[uint64]uint16
}

const isPrefix = 1 << 15

const tGazKey = 0x9a2f

func gazKey(h uint64, lower string) uint64 {
	if h == 0 {
		return perceptron.Str(lower)
	}
	return perceptron.F2(tGazKey, h, perceptron.Str(lower))
}

func newGazetteer(size int) *Gazetteer {
	g := &Gazetteer{names: make(map[uint64]uint16, size)}
	gazetteer.Each(func(name string, e gazetteer.Entry) {
		var k uint16
		switch e.Kind {
		case gazetteer.Country:
			k = gCountry
		case gazetteer.State:
			k = gState
		case gazetteer.City:
			k = gCity
		case gazetteer.Region:
			k = gRegion
		case gazetteer.Org:
			k = gOrg
		case gazetteer.Demonym:
			k = gDemonym
		default:
			return
		}
		var toks []string
		for _, t := range token.Tokenize(name) {
			toks = append(toks, strings.ToLower(token.ASCII(t.Text)))
		}
		g.add(toks, k)
	})
	return g
}

func (g *Gazetteer) add(toks []string, kind uint16) {
	if len(toks) == 0 || len(toks) > gazMaxLen {
		return
	}
	var h uint64
	for i, t := range toks {
		h = gazKey(h, t)
		if i < len(toks)-1 {
			g.names[h] |= isPrefix
		}
	}
	g.names[h] |= kind
}

// readGazetteer adds the names of a gazetteer file (lines "kind<TAB>tokens",
// tokens separated by single spaces) to the built-in ones.
func readGazetteer(data []byte) (*Gazetteer, error) {
	g := newGazetteer(bytes.Count(data, []byte{'\n'}) * 5 / 4)
	sc := bufio.NewScanner(bytes.NewReader(data))
	var toks []string
	for n := 1; sc.Scan(); n++ {
		kind, name, ok := strings.Cut(sc.Text(), "\t")
		k, known := gazKinds[kind]
		if !ok || !known {
			return nil, fmt.Errorf("gazetteer line %d: %q", n, sc.Text())
		}
		toks = append(toks[:0], strings.Split(name, " ")...)
		g.add(toks, k)
	}
	return g, sc.Err()
}

// match calls fn for every name starting at token i of lowers (the hashes
// of the lower-cased tokens), with its length and kinds.
func (g *Gazetteer) match(lowers []uint64, i int, fn func(n int, kinds uint16)) {
	var h uint64
	for n := 1; n <= gazMaxLen && i+n <= len(lowers); n++ {
		if h == 0 {
			h = lowers[i]
		} else {
			h = perceptron.F2(tGazKey, h, lowers[i+n-1])
		}
		k := g.names[h]
		if k&^isPrefix != 0 {
			fn(n, k&^isPrefix)
		}
		if k&isPrefix == 0 {
			return
		}
	}
}

// kindsOf returns the kinds of the name written as toks, 0 if it is none.
func (g *Gazetteer) kindsOf(toks []Token) uint16 {
	if len(toks) > gazMaxLen {
		return 0
	}
	var h uint64
	for _, t := range toks {
		h = gazKey(h, strings.ToLower(t.Text))
	}
	return g.names[h] &^ isPrefix
}

package parser

import "github.com/newsgraph/newsgraph/nlp/internal/perceptron"

// sentence is what the features read of the words: hashed word forms and
// tags, with ROOT at index n.
type sentence struct {
	w, p, u []uint64 // lower-cased form, PTB tag, UPOS
	a       []uint64 // the tagger's runner-up PTB tag, or noAlt
	c       []uint64 // lexicon class + 1, or noClass
	suf     []uint64 // last three letters of the lower-cased form
	punct   []int    // punct[i]: punctuation marks among words 0..i-1
	verbs   []int    // verbs[i]: verbs among words 0..i-1
}

// between counts what lies strictly between words a < b, capped at 3.
func between(prefix []int, a, b int) uint64 {
	if a < 0 || b <= a+1 {
		return 0
	}
	return uint64(min(prefix[b]-prefix[a+1], 3))
}

const (
	absent  = 0x2545F4914F6CDD1D // value of a position that does not exist
	noAlt   = 0x7A3B9C1D5E2F4A6B // the tagger was sure
	noClass = 0x3C6EF372FE94F82B // no lexicon
)

// Feature templates, after Zhang and Nivre (2011), "Transition-based
// dependency parsing with rich non-local features", with second-stack and
// UPOS additions.
const (
	tS0w = iota + 1
	tS0p
	tS0wp
	tN0w
	tN0p
	tN0wp
	tN1w
	tN1p
	tN1wp
	tN2w
	tN2p
	tN2wp
	tS0wpN0wp
	tS0wpN0w
	tS0wN0wp
	tS0wpN0p
	tS0pN0wp
	tS0wN0w
	tS0pN0p
	tN0pN1p
	tN0pN1pN2p
	tS0pN0pN1p
	tS0hpS0pN0p
	tS0pS0lpN0p
	tS0pS0rpN0p
	tS0pN0pN0lp
	tS0wD
	tS0pD
	tN0wD
	tN0pD
	tS0wN0wD
	tS0pN0pD
	tS0wVr
	tS0pVr
	tS0wVl
	tS0pVl
	tN0wVl
	tN0pVl
	tS0hw
	tS0hp
	tS0l
	tS0lw
	tS0lp
	tS0ll
	tS0rw
	tS0rp
	tS0rl
	tN0lw
	tN0lp
	tN0ll
	tS0h2w
	tS0h2p
	tS0hl
	tS0l2w
	tS0l2p
	tS0l2l
	tS0r2w
	tS0r2p
	tS0r2l
	tN0l2w
	tN0l2p
	tN0l2l
	tS0pS0lpS0l2p
	tS0pS0rpS0r2p
	tS0pS0hpS0h2p
	tN0pN0lpN0l2p
	tS0wSr
	tS0pSr
	tS0wSl
	tS0pSl
	tN0wNl
	tN0pNl
	tS1w
	tS1p
	tS1wp
	tS1pS0p
	tS1pS0pN0p
	tS1wS0wN0p
	tS0uN0u
	tS0uN0uN1u
	tS1uS0uN0u
	tS0hasHead
	tN3p
	tS2pS1pS0p
	tS1lpS1pS0p
	tS1rpS1pS0p
	tN0wN1w
	tS0wN0pN1p
	tPunctBetween
	tVerbBetween
	tS0sufN0p
	tS0pN0suf
	tS0sufN0suf
	tS0pN0pBetween
	tHeadlessN0p
	tHeadlessS0pN0p
	tDepthN0p
	tN0a
	tS0a
	tN1a
	tN0aS0p
	tS0aN0p
	tN0pN0a
	tS0pS0a
	tN0aS0w
	tS0c
	tN0c
	tN1c
	tS0cN0c
	tS0cN0p
	tS0pN0c
)

func distance(a, b int) uint64 {
	d := b - a
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	default:
		return 7
	}
}

// features appends the features of the configuration.
func (st *state) features(dst []uint64, sn *sentence) []uint64 {
	at := func(i int, x []uint64) uint64 {
		if i < 0 || i > st.n {
			return absent
		}
		return x[i]
	}
	lab := func(i int) uint64 {
		if i < 0 || st.label[i] < 0 {
			return absent
		}
		return uint64(st.label[i]) + 1
	}
	hd := func(i int) int {
		if i < 0 {
			return -1
		}
		return st.head[i]
	}
	child := func(c [][2]int, i, k int) int {
		if i < 0 {
			return -1
		}
		return c[i][k]
	}
	s0 := st.s0()
	s1, s2 := -1, -1
	if k := len(st.stack); k >= 2 {
		s1 = st.stack[k-2]
		if k >= 3 {
			s2 = st.stack[k-3]
		}
	}
	n0 := st.b
	n1, n2, n3 := n0+1, n0+2, n0+3
	if n1 > st.n {
		n1 = -1
	}
	if n2 > st.n {
		n2 = -1
	}
	if n3 > st.n {
		n3 = -1
	}
	w, p, u := sn.w, sn.p, sn.u
	s0w, s0p, n0w, n0p := at(s0, w), at(s0, p), at(n0, w), at(n0, p)
	n1w, n1p, n2w, n2p := at(n1, w), at(n1, p), at(n2, w), at(n2, p)
	s0h, s0l, s0r, n0l := hd(s0), child(st.lc, s0, 0), child(st.rc, s0, 0), child(st.lc, n0, 0)
	s0h2, s0l2, s0r2, n0l2 := hd(s0h), child(st.lc, s0, 1), child(st.rc, s0, 1), child(st.lc, n0, 1)
	s0hp, s0lp, s0rp, n0lp := at(s0h, p), at(s0l, p), at(s0r, p), at(n0l, p)
	var d, vr, vl, nvl, sr, sl, nl uint64 = absent, absent, absent, absent, absent, absent, absent
	if s0 >= 0 {
		d = distance(s0, n0)
		vr, vl = uint64(st.nr[s0]), uint64(st.nl[s0])
		sr, sl = st.rs[s0], st.ls[s0]
	}
	nvl, nl = uint64(st.nl[n0]), st.ls[n0]
	if n0 == st.n {
		d = 99
	}
	F1, F2, F3 := perceptron.F1, perceptron.F2, perceptron.F3
	dst = append(dst,
		F1(tS0w, s0w), F1(tS0p, s0p), F2(tS0wp, s0w, s0p),
		F1(tN0w, n0w), F1(tN0p, n0p), F2(tN0wp, n0w, n0p),
		F1(tN1w, n1w), F1(tN1p, n1p), F2(tN1wp, n1w, n1p),
		F1(tN2w, n2w), F1(tN2p, n2p), F2(tN2wp, n2w, n2p),
		F3(tS0wpN0wp, F2(0, s0w, s0p), n0w, n0p), F3(tS0wpN0w, s0w, s0p, n0w), F3(tS0wN0wp, s0w, n0w, n0p),
		F3(tS0wpN0p, s0w, s0p, n0p), F3(tS0pN0wp, s0p, n0w, n0p), F2(tS0wN0w, s0w, n0w), F2(tS0pN0p, s0p, n0p),
		F2(tN0pN1p, n0p, n1p),
		F3(tN0pN1pN2p, n0p, n1p, n2p), F3(tS0pN0pN1p, s0p, n0p, n1p), F3(tS0hpS0pN0p, s0hp, s0p, n0p),
		F3(tS0pS0lpN0p, s0p, s0lp, n0p), F3(tS0pS0rpN0p, s0p, s0rp, n0p), F3(tS0pN0pN0lp, s0p, n0p, n0lp),
		F2(tS0wD, s0w, d), F2(tS0pD, s0p, d), F2(tN0wD, n0w, d), F2(tN0pD, n0p, d),
		F3(tS0wN0wD, s0w, n0w, d), F3(tS0pN0pD, s0p, n0p, d),
		F2(tS0wVr, s0w, vr), F2(tS0pVr, s0p, vr), F2(tS0wVl, s0w, vl), F2(tS0pVl, s0p, vl),
		F2(tN0wVl, n0w, nvl), F2(tN0pVl, n0p, nvl),
		F1(tS0hw, at(s0h, w)), F1(tS0hp, s0hp), F1(tS0l, lab(s0)),
		F1(tS0lw, at(s0l, w)), F1(tS0lp, s0lp), F1(tS0ll, lab(s0l)),
		F1(tS0rw, at(s0r, w)), F1(tS0rp, s0rp), F1(tS0rl, lab(s0r)),
		F1(tN0lw, at(n0l, w)), F1(tN0lp, n0lp), F1(tN0ll, lab(n0l)),
		F1(tS0h2w, at(s0h2, w)), F1(tS0h2p, at(s0h2, p)), F1(tS0hl, lab(s0h)),
		F1(tS0l2w, at(s0l2, w)), F1(tS0l2p, at(s0l2, p)), F1(tS0l2l, lab(s0l2)),
		F1(tS0r2w, at(s0r2, w)), F1(tS0r2p, at(s0r2, p)), F1(tS0r2l, lab(s0r2)),
		F1(tN0l2w, at(n0l2, w)), F1(tN0l2p, at(n0l2, p)), F1(tN0l2l, lab(n0l2)),
		F3(tS0pS0lpS0l2p, s0p, s0lp, at(s0l2, p)), F3(tS0pS0rpS0r2p, s0p, s0rp, at(s0r2, p)),
		F3(tS0pS0hpS0h2p, s0p, s0hp, at(s0h2, p)), F3(tN0pN0lpN0l2p, n0p, n0lp, at(n0l2, p)),
		F2(tS0wSr, s0w, sr), F2(tS0pSr, s0p, sr), F2(tS0wSl, s0w, sl), F2(tS0pSl, s0p, sl),
		F2(tN0wNl, n0w, nl), F2(tN0pNl, n0p, nl),
	)
	s1w, s1p, s0u, n0u := at(s1, w), at(s1, p), at(s0, u), at(n0, u)
	hasHead := uint64(0)
	if s0 >= 0 && st.head[s0] >= 0 {
		hasHead = 1
	}
	dst = append(dst,
		F1(tS1w, s1w), F1(tS1p, s1p), F2(tS1wp, s1w, s1p), F2(tS1pS0p, s1p, s0p), F3(tS1pS0pN0p, s1p, s0p, n0p),
		F3(tS1wS0wN0p, s1w, s0w, n0p), F2(tS0uN0u, s0u, n0u), F3(tS0uN0uN1u, s0u, n0u, at(n1, u)),
		F3(tS1uS0uN0u, at(s1, u), s0u, n0u), F3(tS0hasHead, hasHead, s0p, n0p), F1(tN3p, at(n3, p)),
		F3(tS2pS1pS0p, at(s2, p), s1p, s0p),
		F3(tS1lpS1pS0p, at(child(st.lc, s1, 0), p), s1p, s0p), F3(tS1rpS1pS0p, at(child(st.rc, s1, 0), p), s1p, s0p),
		F2(tN0wN1w, n0w, n1w), F3(tS0wN0pN1p, s0w, n0p, n1p),
	)
	pb, vb := between(sn.punct, s0, n0), between(sn.verbs, s0, n0)
	dst = append(dst,
		F3(tPunctBetween, s0p, n0p, pb), F3(tVerbBetween, s0p, n0p, vb),
		F2(tS0sufN0p, at(s0, sn.suf), n0p), F2(tS0pN0suf, s0p, at(n0, sn.suf)),
		F2(tS0sufN0suf, at(s0, sn.suf), at(n0, sn.suf)), F3(tS0pN0pBetween, F2(0, s0p, n0p), pb, vb),
	)
	headless := uint64(0)
	for _, k := range st.stack {
		if st.head[k] < 0 {
			headless++
		}
	}
	headless = min(headless, 3)
	depth := uint64(min(len(st.stack), 6))
	dst = append(dst, F2(tHeadlessN0p, headless, n0p), F3(tHeadlessS0pN0p, headless, s0p, n0p), F2(tDepthN0p, depth, n0p))
	s0a, n0a := at(s0, sn.a), at(n0, sn.a)
	dst = append(dst, F1(tN0a, n0a), F1(tS0a, s0a), F1(tN1a, at(n1, sn.a)), F2(tN0aS0p, n0a, s0p), F2(tS0aN0p, s0a, n0p),
		F2(tN0pN0a, n0p, n0a), F2(tS0pS0a, s0p, s0a), F2(tN0aS0w, n0a, s0w))
	s0c, n0c := at(s0, sn.c), at(n0, sn.c)
	dst = append(dst, F2(tS0c, s0c, s0p), F2(tN0c, n0c, n0p), F2(tN1c, at(n1, sn.c), n1p), F2(tS0cN0c, s0c, n0c),
		F2(tS0cN0p, s0c, n0p), F2(tS0pN0c, s0p, n0c))
	return dst
}

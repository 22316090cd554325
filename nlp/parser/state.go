package parser

// Transitions of the arc-eager system with the root at the end of the
// buffer (Ballesteros and Nivre 2013): every word gets its head from a
// LEFT-ARC or RIGHT-ARC, the root is attached by LEFT-ARC from the final
// ROOT token, and parsing ends when only ROOT is left.
const (
	shift  = 0
	reduce = 1
	// then LEFT-ARC for each label, then RIGHT-ARC for each label
)

// state is a parser configuration over n words; word n is ROOT.
type state struct {
	n      int
	stack  []int
	b      int // front of the buffer; the buffer is b..n
	head   []int
	label  []int
	lc, rc [][2]int // two leftmost and two rightmost children, -1 when none
	nl, nr []int    // number of left and right children
	ls, rs []uint64 // label sets of left and right children
}

func newState(n int) *state {
	s := &state{}
	s.reset(n)
	return s
}

func (s *state) reset(n int) {
	s.n = n
	s.stack = s.stack[:0]
	s.b = 0
	grow := func(x []int) []int {
		if cap(x) < n+1 {
			return make([]int, n+1)
		}
		return x[:n+1]
	}
	s.head, s.label, s.nl, s.nr = grow(s.head), grow(s.label), grow(s.nl), grow(s.nr)
	if cap(s.lc) < n+1 {
		s.lc, s.rc = make([][2]int, n+1), make([][2]int, n+1)
		s.ls, s.rs = make([]uint64, n+1), make([]uint64, n+1)
	}
	s.lc, s.rc, s.ls, s.rs = s.lc[:n+1], s.rc[:n+1], s.ls[:n+1], s.rs[:n+1]
	for i := 0; i <= n; i++ {
		s.head[i], s.label[i] = -1, -1
		s.nl[i], s.nr[i] = 0, 0
		s.lc[i], s.rc[i] = [2]int{-1, -1}, [2]int{-1, -1}
		s.ls[i], s.rs[i] = 0, 0
	}
}

func (s *state) done() bool { return s.b == s.n && len(s.stack) == 0 }

func (s *state) s0() int {
	if len(s.stack) == 0 {
		return -1
	}
	return s.stack[len(s.stack)-1]
}

func (s *state) addArc(h, d, l int) {
	s.head[d], s.label[d] = h, l
	if d < h {
		s.nl[h]++
		s.ls[h] |= 1 << uint(l&63)
		c := &s.lc[h]
		switch {
		case c[0] == -1 || d < c[0]:
			c[1], c[0] = c[0], d
		case c[1] == -1 || d < c[1]:
			c[1] = d
		}
	} else {
		s.nr[h]++
		s.rs[h] |= 1 << uint(l&63)
		c := &s.rc[h]
		switch {
		case c[0] == -1 || d > c[0]:
			c[1], c[0] = c[0], d
		case c[1] == -1 || d > c[1]:
			c[1] = d
		}
	}
}

// kind splits a transition class into its type and label.
func kind(class, nLabels int) (typ, label int) {
	switch {
	case class < 2:
		return class, -1
	case class < 2+nLabels:
		return leftArc, class - 2
	default:
		return rightArc, class - 2 - nLabels
	}
}

const (
	leftArc  = 2
	rightArc = 3
)

// valid reports whether the transition can be applied. rootLabel is the
// index of the "root" relation: arcs from ROOT carry it and no other arc
// does.
func (s *state) valid(typ, label, rootLabel int) bool {
	s0 := s.s0()
	switch typ {
	case shift:
		return s.b < s.n
	case reduce:
		return s0 >= 0 && s.head[s0] >= 0
	case leftArc:
		if s0 < 0 || s.head[s0] >= 0 {
			return false
		}
		return (s.b == s.n) == (label == rootLabel)
	case rightArc:
		return s0 >= 0 && s.b < s.n && label != rootLabel
	}
	return false
}

// forced returns the transition type when only one transition is valid
// and it carries no label: SHIFT when the stack is empty, REDUCE when the
// buffer holds only ROOT and the top of the stack has its head. Otherwise
// (including the LEFT-ARC that attaches a word to ROOT, whose score
// singleRoot needs) it returns -1.
func (s *state) forced() int {
	s0 := s.s0()
	switch {
	case s0 < 0 && s.b < s.n:
		return shift
	case s0 >= 0 && s.b == s.n && s.head[s0] >= 0:
		return reduce
	}
	return -1
}

func (s *state) apply(typ, label int) {
	switch typ {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case reduce:
		s.stack = s.stack[:len(s.stack)-1]
	case leftArc:
		s0 := s.s0()
		s.addArc(s.b, s0, label)
		s.stack = s.stack[:len(s.stack)-1]
	case rightArc:
		s.addArc(s.s0(), s.b, label)
		s.stack = append(s.stack, s.b)
		s.b++
	}
}

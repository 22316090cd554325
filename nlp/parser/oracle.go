package parser

// costs fills cost[class] with the number of gold arcs the transition makes
// unreachable (the dynamic oracle of Goldberg and Nivre 2012 for
// arc-eager, with labels), or -1 for transitions that are not valid. gh
// and gl are the gold heads (ROOT = n) and label indexes.
func (s *state) costs(gh, gl []int, nLabels, rootLabel int, onStack []bool, cost []int) {
	for i := range cost {
		cost[i] = -1
	}
	clear(onStack)
	for _, k := range s.stack {
		onStack[k] = true
	}
	s0, b, n := s.s0(), s.b, s.n
	if s.valid(shift, -1, rootLabel) {
		c := 0
		if gh[b] >= 0 && gh[b] < n && onStack[gh[b]] {
			c++
		}
		for _, k := range s.stack {
			if s.head[k] < 0 && gh[k] == b {
				c++
			}
		}
		cost[shift] = c
	}
	if s.valid(reduce, -1, rootLabel) {
		c := 0
		for k := b; k < n; k++ {
			if gh[k] == s0 {
				c++
			}
		}
		cost[reduce] = c
	}
	if s0 >= 0 && s.head[s0] < 0 {
		c := 0
		if gh[s0] > b {
			c++
		}
		for k := b; k < n; k++ {
			if gh[k] == s0 {
				c++
			}
		}
		for l := 0; l < nLabels; l++ {
			if !s.valid(leftArc, l, rootLabel) {
				continue
			}
			lc := c
			if gh[s0] == b && gl[s0] != l {
				lc++
			}
			cost[2+l] = lc
		}
	}
	if s0 >= 0 && b < n {
		c := 0
		if gh[b] != s0 && (gh[b] > b || gh[b] >= 0 && onStack[gh[b]]) {
			c++
		}
		for _, k := range s.stack {
			if s.head[k] < 0 && gh[k] == b {
				c++
			}
		}
		for l := 0; l < nLabels; l++ {
			if !s.valid(rightArc, l, rootLabel) {
				continue
			}
			lc := c
			if gh[b] == s0 && gl[b] != l {
				lc++
			}
			cost[2+nLabels+l] = lc
		}
	}
}

// projectivize lifts non-projective arcs until the tree is projective:
// the shortest crossing arc at a time, its dependent re-attached to its
// head's head. heads uses ROOT = n and is changed in place. It returns
// the number of lifts.
func projectivize(heads []int) int {
	n := len(heads)
	lifts := 0
	for {
		best, bestLen := -1, 1<<30
		for d, h := range heads {
			if h < 0 || h >= n {
				continue
			}
			lo, hi := min(h, d), max(h, d)
			l := hi - lo
			if l >= bestLen {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(heads, h, k) {
					best, bestLen = d, l
					break
				}
			}
		}
		if best < 0 || lifts > 4*n {
			return lifts
		}
		heads[best] = heads[heads[best]]
		lifts++
	}
}

// dominates reports whether h is an ancestor of k.
func dominates(heads []int, h, k int) bool {
	n := len(heads)
	for steps := 0; k >= 0 && k < n && steps <= n; steps++ {
		k = heads[k]
		if k == h {
			return true
		}
	}
	return false
}

package nlp

import "testing"

func TestAcyclic(t *testing.T) {
	tree := func(heads ...int) []Word {
		ws := make([]Word, len(heads))
		for i, h := range heads {
			ws[i].Head = h
		}
		return ws
	}
	for _, c := range []struct {
		ws   []Word
		want bool
	}{
		{tree(1, -1, 1), true},
		{tree(), true},
		{tree(1, 0), false},        // a cycle, no root
		{tree(1, 2, 1, -1), false}, // a cycle beside a root
		{tree(5, -1), false},       // a head out of range
	} {
		if got := Acyclic(c.ws); got != c.want {
			t.Errorf("Acyclic(%v) = %v, want %v", c.ws, got, c.want)
		}
	}
}

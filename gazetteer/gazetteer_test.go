package gazetteer

import "testing"

// A short acronym names its organization only in capitals: "Who" opening
// a question is no World Health Organization; a name spelled both ways
// matches both ways.
func TestShortAcronymsInCapitals(t *testing.T) {
	if _, ok := Lookup("WHO"); !ok {
		t.Fatal("WHO not found")
	}
	if e, ok := Lookup("Who"); ok {
		t.Errorf("Who = %+v, want nothing", e)
	}
	for _, n := range []string{"Mexico", "mexico", "NATO"} {
		if _, ok := Lookup(n); !ok {
			t.Errorf("%s not found", n)
		}
	}
}

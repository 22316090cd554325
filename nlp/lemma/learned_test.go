package lemma

import (
	"bytes"
	"testing"

	"github.com/newsgraph/newsgraph/nlp/internal/lexicon"
)

func TestLearnedLemmatizer(t *testing.T) {
	exs := []Example{
		{"walked", "VBD", "walk"}, {"talked", "VBD", "talk"}, {"jumped", "VBD", "jump"},
		{"went", "VBD", "go"}, {"cats", "NNS", "cat"}, {"dogs", "NNS", "dog"}, {"boxes", "NNS", "box"},
		{"I", "PRP", "I"}, {"Mexico", "NNP", "Mexico"}, {"n't", "RB", "not"},
	}
	l := Train(exs, nil)
	cases := []struct{ form, tag, want string }{
		{"went", "VBD", "go"},         // seen
		{"N'T", "RB", "not"},          // seen, case-insensitive
		{"parked", "VBD", "park"},     // suffix rule
		{"hats", "NNS", "hat"},        // suffix rule
		{"Obrador", "NNP", "Obrador"}, // proper noun kept
		{"Mexicans", "NNPS", "Mexican"},
		{"deployed", "VBD", "deploy"},
	}
	for _, c := range cases {
		if got := l.Lemma(c.form, c.tag); got != c.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", c.form, c.tag, got, c.want)
		}
	}
	var buf bytes.Buffer
	if _, err := l.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	l2, err := Read(&buf, lexicon.Empty())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if got := l2.Lemma(c.form, c.tag); got != c.want {
			t.Errorf("after round trip: Lemma(%q, %s) = %q, want %q", c.form, c.tag, got, c.want)
		}
	}
	if _, err := Read(bytes.NewBufferString("junk"), nil); err == nil {
		t.Error("junk: no error")
	}
}

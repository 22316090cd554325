package tagger

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
	"unicode"

	"github.com/newsgraph/newsgraph/nlp/conllu"
	"github.com/newsgraph/newsgraph/nlp/internal/lexicon"
	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
)

func toy(rng *rand.Rand, n int) []conllu.Sentence {
	dets, nouns, verbs := []string{"the", "a"}, []string{"cat", "dog", "court", "bank"}, []string{"sees", "ruled", "hits"}
	var out []conllu.Sentence
	for i := 0; i < n; i++ {
		out = append(out, conllu.Sentence{Words: []conllu.Word{
			{Form: dets[rng.Intn(2)], UPOS: "DET", XPOS: "DT"},
			{Form: nouns[rng.Intn(4)], UPOS: "NOUN", XPOS: "NN"},
			{Form: verbs[rng.Intn(3)], UPOS: "VERB", XPOS: "VBZ"},
			{Form: nouns[rng.Intn(4)], UPOS: "NOUN", XPOS: "NN"},
			{Form: ".", UPOS: "PUNCT", XPOS: "."},
		}})
	}
	return out
}

func TestTrainTagRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	tg, err := Train(toy(rng, 300), toy(rng, 10), nil, Options{Epochs: 6, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if a := Evaluate(tg, toy(rng, 20)); a.UPOS < 1 || a.XPOS < 1 {
		t.Fatalf("accuracy on a trivial language: %+v", a)
	}
	// An unseen noun between a determiner and a verb.
	got := tg.Tag([]string{"the", "zebra", "sees", "a", "court", "."})
	if got[1] != (Tag{"NOUN", "NN"}) {
		t.Errorf("unseen word tagged %v", got[1])
	}
	var buf bytes.Buffer
	if _, err := tg.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	tg2, err := Read(&buf, lexicon.Empty())
	if err != nil {
		t.Fatal(err)
	}
	if a := Evaluate(tg2, toy(rng, 20)); a.UPOS < 1 {
		t.Fatalf("after a round trip: %+v", a)
	}
	if len(tg2.Tag(nil)) != 0 {
		t.Error("tags for no words")
	}
	if _, err := Train(nil, nil, nil, Options{}); err == nil {
		t.Error("no training data: no error")
	}
}

// TestAffixAndShapeHashes checks the hashes describe computes in place
// against the strings they stand for (the model's features were trained on
// those hashes): prefixes and suffixes by letters, shapes by strings.Builder.
func TestAffixAndShapeHashes(t *testing.T) {
	shapeOf := func(s string) string {
		var b strings.Builder
		var last rune
		n := 0
		for _, r := range s {
			var c rune
			switch {
			case unicode.IsUpper(r):
				c = 'X'
			case unicode.IsLower(r):
				c = 'x'
			case unicode.IsDigit(r):
				c = 'd'
			default:
				c = r
			}
			if c == last && (c == 'X' || c == 'x' || c == 'd') {
				continue
			}
			last = c
			b.WriteRune(c)
			n++
			if n > 8 {
				break
			}
		}
		return b.String()
	}
	for _, s := range []string{"", "a", "ab", "McCain", "U.S.", "1990s", "café", "naïve", "über-cool", "日本語の", "—", "a\xffb", "\xff\xfe", "x\xe2\x82", "Kim Jong-un", "«»…", "A.B.C.D.E.F.G.H.I.J"} {
		lower := strings.ToLower(s)
		var w word
		affixes(&w, lower)
		runes := []rune(lower)
		for k := 1; k <= 3; k++ {
			want := uint64(0)
			if len(runes) >= k {
				want = perceptron.Str(string(runes[:k]))
			}
			if w.pre[k-1] != want {
				t.Errorf("%q: prefix %d hash differs", s, k)
			}
		}
		for k := 1; k <= 4; k++ {
			want := uint64(0)
			if len(runes) >= k {
				want = perceptron.Str(string(runes[len(runes)-k:]))
			}
			if w.suf[k-1] != want {
				t.Errorf("%q: suffix %d hash differs", s, k)
			}
		}
		if got, want := shapeHash(s), perceptron.Str(shapeOf(s)); got != want {
			t.Errorf("%q: shape hash differs (shape %q)", s, shapeOf(s))
		}
	}
}

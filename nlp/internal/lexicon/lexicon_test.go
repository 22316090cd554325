package lexicon

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fakeWordNet writes a tiny WordNet dict directory.
func fakeWordNet(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"index.noun": "  1 This software and database is being provided\ncourt n 1 0\ncrossing n 1 0\ntroop n 1 0\nmouse n 1 0\nus_army n 1 0\n",
		"index.verb": "  1 licence\ndeploy v 1 0\nstop v 1 0\ncross v 1 0\nsee v 1 0\n",
		"index.adj":  "big a 1 0\n",
		"index.adv":  "quickly r 1 0\n",
		"noun.exc":   "mice mouse\n",
		"verb.exc":   "saw see\nseen see\n",
		"adj.exc":    "",
		"adv.exc":    "",
		"data.noun":  "  1 licence\n08641944 15 n 02 Mexico 0 United_Mexican_States 0 | a republic\n01 15 n 01 court 0 | a tribunal\n02 15 n 02 Court 0 court 0 | x\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBuildAndLookup(t *testing.T) {
	l, err := Build(fakeWordNet(t))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		word string
		pos  POS
		want []string
	}{
		{"troops", Noun, []string{"troop"}},
		{"mice", Noun, []string{"mouse"}},
		{"deployed", Verb, []string{"deploy"}},
		{"stopped", Verb, []string{"stop"}},
		{"crossing", Verb, []string{"cross"}},
		{"crossing", Noun, []string{"crossing"}},
		{"saw", Verb, []string{"see"}},
		{"bigger", Adj, []string{"big"}},
		{"unknownword", Noun, nil},
	}
	for _, c := range cases {
		if got := l.Bases(c.word, c.pos); !slices.Equal(got, c.want) {
			t.Errorf("Bases(%q, %d) = %q, want %q", c.word, c.pos, got, c.want)
		}
	}
	if c := l.Class("crossing"); c&NounBase == 0 || c&VerbGer == 0 {
		t.Errorf("Class(crossing) = %b", c)
	}
	if c := l.Class("deployed"); c != VerbPast {
		t.Errorf("Class(deployed) = %b", c)
	}
	if l.Class("mexico")&Proper == 0 || l.Class("court")&Proper != 0 {
		t.Errorf("proper: mexico %b, court %b", l.Class("mexico"), l.Class("court"))
	}
	if l.Words() != 10 {
		t.Errorf("Words() = %d (multiword lemmas and the licence header must be skipped)", l.Words())
	}
	var buf bytes.Buffer
	if _, err := l.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	l2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if l2.Words() != l.Words() || !slices.Equal(l2.Bases("mice", Noun), []string{"mouse"}) || l2.Class("mexico")&Proper == 0 {
		t.Error("round trip lost words")
	}
}

func TestBuildErrors(t *testing.T) {
	if _, err := Build(t.TempDir()); err == nil {
		t.Error("empty directory: no error")
	}
	if _, err := Read(bytes.NewBufferString("garbage")); err == nil {
		t.Error("garbage: no error")
	}
}

// TestClassAgreesWithBases checks Class against its definition in terms of
// Bases (an inflected class when Bases finds a base and the word is not a
// lemma itself), which Class computes without building the lists.
func TestClassAgreesWithBases(t *testing.T) {
	l, err := Build(fakeWordNet(t))
	if err != nil {
		t.Fatal(err)
	}
	byBases := func(word string) uint16 {
		var c uint16
		is := func(p POS) bool { return l.lemmas[p][word] }
		if is(Noun) {
			c |= NounBase
		}
		if word != "" && !is(Noun) && len(l.Bases(word, Noun)) > 0 {
			c |= NounPlural
		}
		if is(Verb) {
			c |= VerbBase
		}
		if !is(Verb) && len(l.Bases(word, Verb)) > 0 {
			switch {
			case strings.HasSuffix(word, "ing"):
				c |= VerbGer
			case strings.HasSuffix(word, "s"):
				c |= Verb3rd
			default:
				c |= VerbPast
			}
		}
		if is(Adj) {
			c |= AdjBase
		}
		if !is(Adj) && len(l.Bases(word, Adj)) > 0 {
			c |= AdjComp
		}
		if is(Adv) {
			c |= AdvBase
		}
		if l.proper[word] {
			c |= Proper
		}
		return c
	}
	words := []string{"", "s", "court", "courts", "crossing", "crossings", "crosses", "crossed", "troop", "troops",
		"mouse", "mice", "mouses", "deploy", "deploys", "deployed", "deploying", "stop", "stops", "stopped", "stopping",
		"see", "saw", "seen", "seeing", "big", "bigger", "biggest", "quickly", "mexico", "unknownword", "ed", "ing"}
	for _, pass := range []string{"first", "remembered"} {
		for _, w := range words {
			if got, want := l.Class(w), byBases(w); got != want {
				t.Errorf("%s Class(%q) = %b, want %b", pass, w, got, want)
			}
		}
	}
}

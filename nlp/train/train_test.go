package train

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/eval"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

// fakeWordNet writes a WordNet dict directory with a handful of words.
func fakeWordNet(t *testing.T) string {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"index.noun": "court n 1 0\ntroop n 1 0\nborder n 1 0\ntalk n 1 0\n",
		"index.verb": "deploy v 1 0\nrule v 1 0\nclose v 1 0\n",
		"index.adj":  "new a 1 0\n", "index.adv": "sharply r 1 0\n",
		"noun.exc": "", "verb.exc": "fell fall\n", "adj.exc": "", "adv.exc": "",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func trainTiny(t *testing.T, wn string) string {
	t.Helper()
	out := t.TempDir()
	cfg := TrainConfig{Train: "testdata/tiny.conllu", Dev: "testdata/tiny.conllu", Out: out, WordNet: wn,
		Epochs: 3, Folds: 2, Seed: 1, Log: io.Discard}
	if err := TrainTagger(cfg); err != nil {
		t.Fatal(err)
	}
	if err := TrainParser(cfg); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTrainingIsDeterministicAndLoads(t *testing.T) {
	wn := fakeWordNet(t)
	a, b := trainTiny(t, wn), trainTiny(t, wn)
	for _, name := range []string{nlp.LexiconFile, nlp.TaggerFile, nlp.LemmaFile, nlp.ParserFile} {
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		y, _ := os.ReadFile(filepath.Join(b, name))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	m, err := pipeline.LoadDir(a)
	if err != nil {
		t.Fatal(err)
	}
	words := []nlp.Word{{Text: "Mexico"}, {Text: "deployed"}, {Text: "troops"}, {Text: "."}}
	m.Annotate(words)
	for _, w := range words {
		if w.Lemma == "" || w.Head < -1 || w.Head >= len(words) || w.Rel == "" {
			t.Fatalf("annotation %+v", words)
		}
	}
	var out bytes.Buffer
	if err := eval.EvalParse("testdata/tiny.conllu", a, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	if !regexp.MustCompile(`^UPOS=[\d.]+ XPOS=[\d.]+ LEMMA=[\d.]+ UAS=[\d.]+ LAS=[\d.]+ tokens/s=\d+$`).MatchString(last) {
		t.Errorf("last line %q", last)
	}
}

func TestTrainErrors(t *testing.T) {
	cfg := TrainConfig{Train: "testdata/missing.conllu", Dev: "testdata/tiny.conllu", Out: t.TempDir(), Log: io.Discard}
	if err := TrainTagger(cfg); err == nil {
		t.Error("missing treebank: no error")
	}
	cfg.Train = "testdata/tiny.conllu"
	if err := TrainParser(cfg); err == nil || !strings.Contains(err.Error(), "tagger") {
		t.Errorf("parser without a tagger: %v", err)
	}
	if _, err := pipeline.LoadDir(t.TempDir()); err == nil {
		t.Error("empty model directory: no error")
	}
}

// The embedded models must load and give a sensible analysis of a plain
// news sentence (these are checks of the trained models, not of fixed
// output: any decent English parser agrees on them).

package nlp

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/loader/carb"
	"github.com/newsgraph/newsgraph/loader/conllu"
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
	for _, name := range []string{LexiconFile, TaggerFile, LemmaFile, ParserFile} {
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		y, _ := os.ReadFile(filepath.Join(b, name))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	m, err := LoadDir(a)
	if err != nil {
		t.Fatal(err)
	}
	an := m.Analyze([]string{"Mexico", "deployed", "troops", "."})
	if len(an.Head) != 4 || len(an.Lemma) != 4 {
		t.Fatalf("analysis %+v", an)
	}
	var out bytes.Buffer
	if err := EvalParse("testdata/tiny.conllu", a, &out); err != nil {
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
	if _, err := LoadDir(t.TempDir()); err == nil {
		t.Error("empty model directory: no error")
	}
}

// The embedded models must load and give a sensible analysis of a plain
// news sentence (these are checks of the trained models, not of fixed
// output: any decent English parser agrees on them).
func TestEmbeddedModels(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Mexico deployed 32,000 soldiers to the border on Tuesday .")
	a := m.Analyze(words)
	want := map[int]struct {
		xpos, lemma string
		head        int
		rel         string
	}{
		0: {"NNP", "Mexico", 2, "nsubj"},
		1: {"VBD", "deploy", 0, "root"},
		3: {"NNS", "soldier", 2, "obj"},
		6: {"NN", "border", 2, "obl"},
	}
	for i, w := range want {
		if a.XPOS[i] != w.xpos || a.Lemma[i] != w.lemma || a.Head[i] != w.head || a.Rel[i] != w.rel {
			t.Errorf("%s: got %s %s head %d %s, want %+v", words[i], a.XPOS[i], a.Lemma[i], a.Head[i], a.Rel[i], w)
		}
	}
}

func TestWordSpans(t *testing.T) {
	s := conllu.Sentence{Text: "They don't know.", Words: []conllu.Word{{Form: "They"}, {Form: "do"}, {Form: "n't"}, {Form: "know"}, {Form: "."}},
		Ranges: []conllu.Range{{First: 2, Last: 3, Form: "don't"}}}
	got := wordSpans(s)
	want := [][2]int{{0, 4}, {5, 7}, {7, 10}, {11, 15}, {15, 16}}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("spans %v, want %v", got, want)
		}
	}
}

const ewt = "../../../shared/data/ud-english-ewt/"

// The targets of the NLP core on EWT dev, checked when the treebank is
// there (training and evaluation data live outside the repository).
func TestEWTDevTargets(t *testing.T) {
	sents, err := ReadTreebank(ewt + "en_ewt-ud-dev.conllu")
	if err != nil {
		t.Skip("EWT dev not available:", err)
	}
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	s, err := m.Evaluate(sents)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(s)
	if s.UPOS < 95 || s.UAS < 86 || s.LAS < 83 {
		t.Errorf("below the targets (UPOS 95, UAS 86, LAS 83): %s", s)
	}
	var out bytes.Buffer
	if err := EvalTokenize(ewt+"en_ewt-ud-dev.conllu", &out); err != nil {
		t.Fatal(err)
	}
	t.Log(out.String())
	f1 := regexp.MustCompile(`TokenF1=([\d.]+)`).FindStringSubmatch(out.String())
	if len(f1) < 2 || mustFloat(f1[1]) < 98 {
		t.Errorf("token F1 below 98: %s", out.String())
	}
}

func mustFloat(s string) float64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return -1
	}
	return f
}

func TestExtractCarbFormat(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	in := "Mexico deployed 32,000 soldiers to the border -LRB- its largest deployment -RRB- .\n\nThe court ruled on Monday .\n"
	var out bytes.Buffer
	if err := m.ExtractCarb(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	found := false
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) < 4 {
			t.Fatalf("line %q: %d fields", l, len(f))
		}
		if !strings.Contains(in, f[0]+"\n") {
			t.Errorf("sentence field %q is not an input line", f[0])
		}
		if c := mustFloat(f[1]); c <= 0 || c > 1 {
			t.Errorf("confidence %q", f[1])
		}
		if f[2] == "deployed" && f[3] == "Mexico" && len(f) > 4 && f[4] == "32,000 soldiers" {
			found = true
		}
	}
	if !found {
		t.Errorf("no (Mexico; deployed; 32,000 soldiers) in\n%s", out.String())
	}
}

const carbDir = "../../../shared/data/carb/"

// On CaRB dev: the targets, and confidence that means something
// (precision rises with it). Skips without the benchmark.
func TestCarbDevTargets(t *testing.T) {
	in, err := os.ReadFile(carbDir + "dev.txt")
	if err != nil {
		t.Skip("CaRB dev not available:", err)
	}
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var pred bytes.Buffer
	if err := m.ExtractCarb(bytes.NewReader(in), &pred); err != nil {
		t.Fatal(err)
	}
	goldBytes, err := os.ReadFile(carbDir + "gold_dev.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var report bytes.Buffer
	c, _, err := carb.Report(bytes.NewReader(goldBytes), bytes.NewReader(pred.Bytes()), &report)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(report.String())
	if c.F1 < 0.45 || c.AUC < 0.25 {
		t.Errorf("CaRB F1 %.3f, AUC %.3f: below the targets 0.45 and 0.25", c.F1, c.AUC)
	}
	gold, _ := carb.ReadGold(bytes.NewReader(goldBytes))
	ps, _ := carb.ReadTabbed(bytes.NewReader(pred.Bytes()))
	buckets := carb.Calibration(gold, ps, []float64{0, 0.3, 0.5, 0.6, 0.7})
	for i := 1; i < len(buckets); i++ {
		t.Logf("confidence %.1f+: %d tuples, precision %.2f", buckets[i].Low, buckets[i].N, buckets[i].Precision)
		if buckets[i].N > 0 && buckets[i-1].N > 0 && buckets[i].Precision < buckets[i-1].Precision {
			t.Errorf("precision falls from %.2f to %.2f as confidence rises past %.1f", buckets[i-1].Precision, buckets[i].Precision, buckets[i].Low)
		}
	}
}

func TestContainer(t *testing.T) {
	raw := bytes.Repeat([]byte("newsgraph model bytes "), 400000) // several frames
	var file bytes.Buffer
	if _, err := (compressed{bytes.NewReader(raw)}).WriteTo(&file); err != nil {
		t.Fatal(err)
	}
	var got []byte
	read := func(r io.Reader) (err error) { got, err = io.ReadAll(r); return }
	if err := decompress(file.Bytes(), read); err != nil || !bytes.Equal(got, raw) {
		t.Fatalf("round trip: %v, %d bytes of %d", err, len(got), len(raw))
	}
	b := file.Bytes()
	for name, bad := range map[string][]byte{
		"empty":     nil,
		"magic":     []byte("NGZ9\n"),
		"truncated": b[:len(b)/2],
		"garbage":   append(append([]byte(nil), b[:12]...), bytes.Repeat([]byte{0xff}, 64)...),
	} {
		if err := decompress(bad, read); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

package facts

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

func st(sent int, subj, pred, obj string) kg.Statement {
	return kg.Statement{Sentence: sent, Subject: kg.Node{Name: subj}, Predicate: pred, Object: kg.Node{Name: obj}}
}

func withModality(s kg.Statement, m string) kg.Statement {
	s.Modality = m
	return s
}

func TestScore(t *testing.T) {
	dir := t.TempDir()
	judged := Header() + "\n" +
		"a.txt\t1\tMexico\tdeploy\t32,000 troops\tfalse\t\t\t\t\tcorrect\t1\t\n" +
		"a.txt\t2\tIt\tbe\twhat\tfalse\t\t\t\t\twrong\t\tfragment\n" +
		"a.txt\t3\tBlinken\tmeet with\tLópez Obrador\tfalse\t\t\t\t\tpartial\t\tno time\n" +
		"a.txt\t4\tUS\treopen\tcrossings\tfalse\t\t\t\t\tcorrect\t2\t\n"
	keys := "article\tnumber\tsentence\tfact\n" +
		"a.txt\t1\t1\tMexico | deployed | 32,000 troops\n" +
		"a.txt\t2\t4\tthe US | reopened | the crossings\n" +
		"a.txt\t3\t5\tsomething | not | extracted\n"
	jp, kp := filepath.Join(dir, "j.tsv"), filepath.Join(dir, "k.tsv")
	os.WriteFile(jp, []byte(judged), 0o644)
	os.WriteFile(kp, []byte(keys), 0o644)
	js, err := ReadJudged(jp)
	if err != nil {
		t.Fatal(err)
	}
	ks, err := ReadKeyFacts(kp)
	if err != nil {
		t.Fatal(err)
	}
	extract := func(ctx context.Context, a string) (*kg.Document, error) {
		return &kg.Document{Statements: []kg.Statement{
			st(1, "Mexico", "deploy", "32,000  Troops"), // case and spaces do not matter
			st(2, "It", "be", "what"),
			st(3, "Blinken", "meet with", "López Obrador"),
			st(3, "Blinken", "meet with", "López Obrador"), // twice: counted once
			st(6, "Bárcena", "say", "something new"),
			withModality(st(4, "US", "reopen", "crossings"), "want"), // judged as a plain fact: not the same statement
		}}, nil
	}
	r, err := Score(context.Background(), js, ks, extract, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Statements != 5 || r.Matched != 3 || r.Correct != 1 || r.Partial != 1 || r.Wrong != 1 || len(r.Unjudged) != 2 {
		t.Errorf("report %+v", r)
	}
	if r.Missing != 1 || r.KeyFactsFound != 1 || r.KeyFacts != 3 {
		t.Errorf("missing %d, key facts %d of %d; want 1, 1 of 3", r.Missing, r.KeyFactsFound, r.KeyFacts)
	}
	var out bytes.Buffer
	r.Print(&out)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if got, want := lines[len(lines)-1], "precision=0.333 lenient=0.667 keyfacts=0.333"; got != want {
		t.Errorf("last line %q, want %q", got, want)
	}
	out.Reset()
	if err := WriteJudged(&out, r.Unjudged); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "a.txt\t6\tBárcena\tsay\tsomething new\tfalse") {
		t.Errorf("unjudged lines:\n%s", out.String())
	}
}

// A reader that keeps a paragraph more shifts the sentence numbers after
// it: a judged statement still matches the same statement in a nearby
// sentence, the nearest one, and only once.
func TestScoreShiftedSentences(t *testing.T) {
	dir := t.TempDir()
	judged := Header() + "\n" +
		"a.txt\t3\tMexico\tdeploy\t32,000 troops\tfalse\t\t\t\t\tcorrect\t\t\n" +
		"a.txt\t9\tMexico\tdeploy\t32,000 troops\tfalse\t\t\t\t\twrong\t\tlater, a different claim\n"
	js := readJudgedText(t, dir, judged)
	extract := func(ctx context.Context, a string) (*kg.Document, error) {
		return &kg.Document{Statements: []kg.Statement{
			st(4, "Mexico", "deploy", "32,000 troops"),  // sentence 3 then
			st(10, "Mexico", "deploy", "32,000 troops"), // sentence 9 then
			st(11, "Mexico", "deploy", "32,000 troops"), // no judged statement left
		}}, nil
	}
	r, err := Score(context.Background(), js, nil, extract, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Matched != 2 || r.Correct != 1 || r.Wrong != 1 || len(r.Unjudged) != 1 || r.Missing != 0 {
		t.Errorf("report %+v", r)
	}
}

func TestReadJudgedErrors(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bad.tsv")
	os.WriteFile(p, []byte(Header()+"\na.txt\t1\tX\tsay\tY\tfalse\t\t\t\t\tmaybe\t\t\n"), 0o644)
	if _, err := ReadJudged(p); err == nil || !strings.Contains(err.Error(), "bad.tsv:2") {
		t.Errorf("a bad label: %v, want an error at line 2", err)
	}
}

func TestHeldAUC(t *testing.T) {
	ex := func(label string) example { return example{label: label} }
	exs := []example{ex(Correct), ex(Correct), ex(Wrong), ex(Partial)}
	for _, c := range []struct {
		held []float64
		want float64
	}{
		{[]float64{0.9, 0.8, 0.1, 0.2}, 1},   // every correct above
		{[]float64{0.1, 0.2, 0.9, 0.8}, 0},   // every correct below
		{[]float64{0.5, 0.5, 0.5, 0.5}, 0.5}, // ties count half
		{[]float64{0.9, 0.1, 0.5, 0.05}, 0.75},
	} {
		if got := heldAUC(exs, c.held); got != c.want {
			t.Errorf("heldAUC(%v) = %v, want %v", c.held, got, c.want)
		}
	}
	if got := heldAUC(exs[:2], []float64{1, 1}); got != 0 {
		t.Errorf("no negatives: %v", got)
	}
}

// TestLost: a judged-correct statement no longer extracted is listed once,
// with what its sentence, shifted as its neighbours shifted, now gives.
func TestLost(t *testing.T) {
	dir := t.TempDir()
	judged := Header() + "\n" +
		"a.txt\t2\tMexico\tdeploy\ttroops\tfalse\t\t\t\t\tcorrect\t\t\n" +
		"a.txt\t5\tMexico\tsend\t32,000 troops\tfalse\t\t\t\t\tcorrect\t\t\n" +
		"a.txt\t5\tMexico\tsend\t32,000 troops\tfalse\t\t\t\t\tcorrect\t\t\n"
	js := readJudgedText(t, dir, judged)
	extract := func(ctx context.Context, a string) (*kg.Document, error) {
		return &kg.Document{Statements: []kg.Statement{
			st(3, "Mexico", "deploy", "troops"), // sentence 2 then: one more sentence before
			st(6, "Mexico", "send", "32,000"),   // sentence 5 then, its object cut
		}}, nil
	}
	r, err := Score(context.Background(), js, nil, extract, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Lost) != 1 {
		t.Fatalf("lost %+v, want the one 'send' statement", r.Lost)
	}
	if got, want := r.Lost[0].Note, "now: Mexico | send | 32,000"; got != want {
		t.Errorf("note %q, want %q", got, want)
	}
}

// readJudgedText writes a judged file's text into dir and reads it back.
func readJudgedText(t *testing.T, dir, text string) []Judged {
	t.Helper()
	jp := filepath.Join(dir, "j.tsv")
	if err := os.WriteFile(jp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	js, err := ReadJudged(jp)
	if err != nil {
		t.Fatal(err)
	}
	return js
}

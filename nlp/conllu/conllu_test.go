package conllu

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `# sent_id = doc-0001
# text = They don't know.
2-3	don't	_	_	_	_	_	_	_	_
1	They	they	PRON	PRP	_	3	nsubj	_	_
2	do	do	AUX	VBP	_	3	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
4.1	knew	know	VERB	VBD	_	_	_	4:conj	_
5	.	.	PUNCT	.	_	4	punct	_	_

`

func TestRead(t *testing.T) {
	sents, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 {
		t.Fatalf("got %d sentences", len(sents))
	}
	s := sents[0]
	if s.ID != "doc-0001" || s.Text != "They don't know." || len(s.Words) != 5 || len(s.Ranges) != 1 {
		t.Fatalf("sentence = %+v", s)
	}
	if w := s.Words[3]; w.Form != "know" || w.Head != 0 || w.Deprel != "root" || w.SpaceAfter() {
		t.Errorf("word 4 = %+v", w)
	}
	forms, space := s.Tokens()
	if strings.Join(forms, "|") != "They|don't|know|." || space[2] || !space[1] {
		t.Errorf("tokens %q %v", forms, space)
	}
	var buf bytes.Buffer
	if err := Write(&buf, sents); err != nil {
		t.Fatal(err)
	}
	again, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 1 || len(again[0].Words) != 5 || again[0].Words[2] != s.Words[2] || len(again[0].Ranges) != 1 {
		t.Errorf("round trip = %+v", again)
	}
}

func TestReadErrors(t *testing.T) {
	for name, in := range map[string]string{
		"columns":    "1\tword\n",
		"id":         "2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n",
		"head":       "1\ta\ta\tX\tX\t_\tx\troot\t_\t_\n",
		"head range": "1\ta\ta\tX\tX\t_\t5\troot\t_\t_\n",
		"range":      "2-1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n",
	} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestDocumentText(t *testing.T) {
	doc := `# newdoc id = d
# newpar
# newpar_block = head (1 s)
# text = A Title
1	A	a	DET	DT	_	2	det	_	_
2	Title	title	NOUN	NN	_	0	root	_	_

# newpar
# text = One.
1	One	one	NUM	CD	_	0	root	_	SpaceAfter=No
2	.	.	PUNCT	.	_	1	punct	_	_

# text = Two.
1	Two	two	NUM	CD	_	0	root	_	SpaceAfter=No
2	.	.	PUNCT	.	_	1	punct	_	_

# newpar id = p3
# speaker = Smith
# text = Three.
1	Three	three	NUM	CD	_	0	root	_	SpaceAfter=No
2	.	.	PUNCT	.	_	1	punct	_	_

`
	sents, err := Read(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := DocumentText(sents), "A Title\n\nOne. Two.\n\nSmith: Three."; got != want {
		t.Errorf("DocumentText = %q, want %q", got, want)
	}
	// a transcript's turns: the speaker opens the paragraph, a change of
	// speaker opens a new one
	turns := []Sentence{
		{Text: "Argument", Par: true},
		{Text: "We will hear argument.", Par: true, Speaker: "ChiefJusticeJohnRoberts"},
		{Text: "Thank you.", Speaker: "ChiefJusticeJohnRoberts"},
		{Text: "Thank you.", Speaker: "#GeneralElizabethBPrelogar"},
		{Text: "The State agrees.", Par: true, Speaker: "#GeneralElizabethBPrelogar"},
	}
	want := "Argument\n\nChief Justice John Roberts: We will hear argument. Thank you.\n\n" +
		"General Elizabeth B Prelogar: Thank you.\n\nThe State agrees."
	if got := DocumentText(turns); got != want {
		t.Errorf("DocumentText of turns = %q, want %q", got, want)
	}
}

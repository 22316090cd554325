package ner

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
)

func TestAllowed(t *testing.T) {
	per, org := tPerson, tOrg
	for _, tc := range []struct {
		name string
		a, b int
		want bool
	}{
		{"start with O", -1, 0, true},
		{"start with B", -1, label(per, pB), true},
		{"start with I", -1, label(per, pI), false},
		{"B then I", label(per, pB), label(per, pI), true},
		{"B then L", label(per, pB), label(per, pL), true},
		{"B then other type's L", label(per, pB), label(org, pL), false},
		{"B then O", label(per, pB), 0, false},
		{"L then B", label(per, pL), label(org, pB), true},
		{"U then U", label(per, pU), label(org, pU), true},
		{"O then L", 0, label(per, pL), false},
		{"end after I", label(per, pI), -1, false},
		{"end after L", label(per, pL), -1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := allowed(tc.a, tc.b); got != tc.want {
				t.Errorf("allowed(%d, %d) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestEncodeSpans(t *testing.T) {
	spans := []span{{0, 1, tPerson}, {2, 5, tPlace}, {5, 7, tOrg}}
	labels := encode(8, spans)
	if got := spansOf(labels); !reflect.DeepEqual(got, spans) {
		t.Errorf("spansOf(encode(%v)) = %v", spans, got)
	}
}

func TestViterbi(t *testing.T) {
	// The emissions alone prefer B-PERSON at both words, which BILOU
	// forbids; the best valid sequence is B-PERSON L-PERSON.
	var d decoder
	d.emit = make([][nLabels]float32, 2)
	d.emit[0][label(tPerson, pB)] = 3
	d.emit[0][label(tPerson, pU)] = 1
	d.emit[1][label(tPerson, pB)] = 3
	d.emit[1][label(tPerson, pL)] = 2
	d.emit[1][label(tOrg, pL)] = 2.5
	var trans [nLabels + 1][nLabels + 1]float32
	got := d.viterbi(&trans, nil)
	if want := []int{label(tPerson, pB), label(tPerson, pL)}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// A transition score can overrule the emissions.
	trans[label(tPerson, pB)+1][label(tPerson, pL)] = -10
	got = d.viterbi(&trans, got)
	if want := []int{label(tPerson, pU), label(tPerson, pB)}; reflect.DeepEqual(got, want) {
		t.Errorf("got %v, an invalid sequence", got)
	}
	for i := range got {
		a := -1
		if i > 0 {
			a = got[i-1]
		}
		if !allowed(a, got[i]) {
			t.Errorf("invalid sequence %v", got)
		}
	}
}

func TestShapeAndCase(t *testing.T) {
	for _, tc := range []struct{ in, long, short string }{
		{"McCain", "XxXxx", "XxXx"},
		{"al-Qaeda", "xx-Xxx", "x-Xx"},
		{"1990s", "ddx", "dx"},
		{"U.S.", "X.X.", "X.X."},
	} {
		if got := shape(tc.in, 2); got != tc.long {
			t.Errorf("shape(%q, 2) = %q, want %q", tc.in, got, tc.long)
		}
		if got := shape(tc.in, 1); got != tc.short {
			t.Errorf("shape(%q, 1) = %q, want %q", tc.in, got, tc.short)
		}
	}
	toks := func(s string) []Token {
		var out []Token
		for _, w := range strings.Fields(s) {
			out = append(out, Token{Text: w})
		}
		return out
	}
	for _, tc := range []struct {
		text string
		want uint64
	}{
		{"where can i get morcillas in tampa bay", caseLower},
		{"Scientology Defector Arrested After Leaving Organization", caseTitle},
		{"The defector was arrested in Los Angeles on Tuesday", caseNormal},
	} {
		if got := caseMode(toks(tc.text)); got != tc.want {
			t.Errorf("caseMode(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

func TestCompoundAndGazetteerFeatures(t *testing.T) {
	g := newGazetteer(0)
	g.add([]string{"hong", "kong"}, gCity1)
	toks := []Token{{Text: "Kim"}, {Text: "Jong"}, {Text: "-", Attached: true}, {Text: "un", Attached: true},
		{Text: "visited"}, {Text: "Hong"}, {Text: "Kong"}}
	ws := describe(toks, resources{gaz: g})
	if ws[0].comp != 0 {
		t.Errorf("Kim is not part of a hyphenated word")
	}
	for i := 1; i <= 3; i++ {
		if ws[i].comp != perceptron.Str("jong-un") || ws[i].compShape != perceptron.Str("Xx-x") {
			t.Errorf("token %d (%s): not described as part of Jong-un", i, toks[i].Text)
		}
	}
	if ws[1].compPos != 1 || ws[2].compPos != 2 || ws[3].compPos != 3 {
		t.Errorf("positions in Jong-un: %d %d %d", ws[1].compPos, ws[2].compPos, ws[3].compPos)
	}
	city := uint64(0)
	for b := 0; b < nKinds; b++ {
		if gCity1 == 1<<b {
			city = uint64(b) << 3
		}
	}
	if !slices.Contains(ws[5].gaz, city+pB) || !slices.Contains(ws[6].gaz, city|pL) || len(ws[4].gaz) != 0 {
		t.Errorf("Hong Kong gazetteer features %v %v", ws[5].gaz, ws[6].gaz)
	}
}

func TestReadGUM(t *testing.T) {
	sents, err := readGUM("testdata/gum/GUM_news_tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	got := [][]span{sents[0].gold, sents[1].gold}
	want := [][]span{
		{{0, 2, tPerson}, {5, 7, tPlace}, {9, 12, tOrg}},
		{{0, 2, tPerson}, {3, 5, tPerson}}, // a coordination is two names; "the President" is none
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("named spans %v, want %v", got, want)
	}
	if sents[0].toks[12].Attached != true || sents[0].toks[11].Attached {
		t.Errorf("spacing not read from SpaceAfter")
	}
}

func TestReadIOB2(t *testing.T) {
	sents, err := readIOB2("testdata/tiny.iob2")
	if err != nil {
		t.Fatal(err)
	}
	s := sents[0]
	if want := []span{{3, 5, tPlace}, {6, 9, tOrg}, {10, 11, tPlace}}; !reflect.DeepEqual(s.gold, want) {
		t.Errorf("spans %v, want %v", s.gold, want)
	}
	var att []bool
	for _, tk := range s.toks[6:10] {
		att = append(att, tk.Attached)
	}
	if want := []bool{false, true, true, true}; !reflect.DeepEqual(att, want) {
		t.Errorf("Al-Qaeda's attachments %v, want %v", att, want)
	}
}

// capsTagger tags a capitalized word a proper noun and any other a noun:
// enough for tests of training's mechanics (the pipeline's tagger cannot
// be imported here, as the pipeline imports this package).
type capsTagger struct{}

func (capsTagger) Annotate(words []nlp.Word) {
	for i := range words {
		words[i].UPOS, words[i].XPOS = "NOUN", "NN"
		if isCap(words[i].Text) {
			words[i].UPOS, words[i].XPOS = "PROPN", "NNP"
		}
	}
}

// trainTiny trains on the test data into a fresh directory.
func trainTiny(t *testing.T) string {
	t.Helper()
	out := t.TempDir()
	gaz, err := compress([]byte("city1\tlos angeles\ncity1\tparis\nfirst\tdaniel\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, GazetteerFile), gaz, 0o644); err != nil {
		t.Fatal(err)
	}

	var log bytes.Buffer
	if err := Train(TrainConfig{GUM: "testdata/gum", UNER: "testdata/tiny.iob2", Out: out, Epochs: 3, Tagger: capsTagger{}}, &log); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTrainingIsDeterministicAndLoads(t *testing.T) {
	a, b := trainTiny(t), trainTiny(t)
	x, err := os.ReadFile(filepath.Join(a, ModelFile))
	if err != nil {
		t.Fatal(err)
	}
	y, err := os.ReadFile(filepath.Join(b, ModelFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x, y) {
		t.Errorf("%s differs between two runs on the same data", ModelFile)
	}
	if _, err := LoadDir(a); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Eval(EvalConfig{Paths: []string{"testdata/tiny.iob2"}, Models: a, Tagger: capsTagger{}}, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	if !regexp.MustCompile(`^F1=[\d.]+ P=[\d.]+ R=[\d.]+ PER=[\d.]+ ORG=[\d.]+ LOC=[\d.]+$`).MatchString(last) {
		t.Errorf("last line %q", last)
	}
}

func TestModelRoundTrip(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := readModel(perceptron.NewBytes(buf.Bytes()), m.res)
	if err != nil {
		t.Fatal(err)
	}
	toks := []Token{{Text: "Angela", UPOS: "PROPN", XPOS: "NNP"}, {Text: "Merkel", UPOS: "PROPN", XPOS: "NNP"},
		{Text: "visited", UPOS: "VERB", XPOS: "VBD"}, {Text: "Paris", UPOS: "PROPN", XPOS: "NNP"}}
	if got, want := r.Spans(toks), m.Spans(toks); !reflect.DeepEqual(got, want) {
		t.Errorf("read model: %v, written model: %v", got, want)
	}
	if _, err := readModel(strings.NewReader("NGNER0\n"), resources{}); err == nil {
		t.Error("a bad magic line was accepted")
	}
}

// toks makes tokens of a text whose tokens are separated by spaces, "+"
// joining a token to the one before ("Jong +- +un"); a "/NNP" suffix
// sets the Penn tag.
func toks(s string) []Token {
	var out []Token
	for _, f := range strings.Fields(s) {
		t := Token{}
		if rest, ok := strings.CutPrefix(f, "+"); ok {
			t.Attached, f = true, rest
		}
		t.Text, t.XPOS, _ = strings.Cut(f, "/")
		out = append(out, t)
	}
	return out
}

func TestWholeWords(t *testing.T) {
	for _, tc := range []struct {
		name, text         string
		start, end         int // the model's span
		wantStart, wantEnd int
	}{
		{"hyphenated given name", "Kim Jong +- +un visited", 0, 2, 0, 4},
		{"name particle", "by al +- +Qaeda .", 3, 4, 1, 4},
		{"capitalized first part", "Jean +- +Marie Le Pen said", 2, 5, 0, 5},
		{"prefix is no name", "the pro +- +Russian forces", 3, 4, 3, 4},
		{"already whole", "Cheng Chung +- +tai was", 0, 4, 0, 4},
		{"spaced dash is no word", "Paris - London", 0, 1, 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := toks(tc.text)
			s, e := wholeWords(ts, tc.start, tc.end, 0, len(ts))
			if s != tc.wantStart || e != tc.wantEnd {
				t.Errorf("wholeWords(%q, %d, %d) = %d, %d, want %d, %d", tc.text, tc.start, tc.end, s, e, tc.wantStart, tc.wantEnd)
			}
		})
	}
}

func TestOrgInContext(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		start, end int
		want       bool
	}{
		{"kind before", "the Iraqi newspaper Az +- +Zaman reported", 3, 6, true},
		{"news agency after", "the Yonhap news agency reported", 1, 2, true},
		{"paper after", "the Saudi Gazette daily said", 1, 3, true},
		{"kind as part of a name", "the Daily/NNP Mail said", 2, 3, false},
		{"possessive between", "the agency 's chief John Smith", 4, 6, false},
		{"a place", "troops entered Kabul on Monday", 2, 3, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := orgInContext(toks(tc.text), tc.start, tc.end); got != tc.want {
				t.Errorf("orgInContext(%q, %d, %d) = %v, want %v", tc.text, tc.start, tc.end, got, tc.want)
			}
		})
	}
}

func TestOrgByName(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       bool
	}{
		{"college", "Trinity College", true},
		{"office", "the War Office", true},
		{"abbreviation", "Acme Corp.", true},
		{"one word", "Office", false},
		{"kind first", "College Station", false},
		{"place", "Busuanga Island", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := orgByName(toks(tc.text)); got != tc.want {
				t.Errorf("orgByName(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

func TestIsTitle(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Secretary of State", true},
		{"President", true},
		{"Antony Blinken", false},
		{"State", false},
	} {
		t.Run(tc.text, func(t *testing.T) {
			if got := isTitle(toks(tc.text)); got != tc.want {
				t.Errorf("isTitle(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

// TestCountCutoff: with Options.MinCount, a feature met on fewer training
// words than the cutoff gets no weight; without it, every feature of a
// mistake does.
func TestCountCutoff(t *testing.T) {
	sent := func(text string) example {
		var toks []Token
		for _, w := range strings.Fields(text) {
			toks = append(toks, Token{Text: w})
		}
		ws := words(toks)
		capsTagger{}.Annotate(ws)
		for i := range toks {
			toks[i].UPOS, toks[i].XPOS = ws[i].UPOS, ws[i].XPOS
		}
		return example{ws: describe(toks, resources{gaz: newGazetteer(0)}), mode: caseMode(toks),
			gold: encode(len(toks), []span{{start: 0, end: 1, typ: tPerson}})}
	}
	exs := []example{sent("Merkel smiled ."), sent("Merkel smiled ."), sent("Zorblax smiled .")}
	rare := rareFeatures(exs, 2)
	var feats []uint64
	for _, ex := range exs[:2] {
		for i := range ex.ws {
			for _, f := range features(feats[:0], ex.ws, i, ex.mode) {
				if rare[f] {
					t.Errorf("a feature of a sentence seen twice is rare")
				}
			}
		}
	}
	n := 0
	for _, f := range features(feats[:0], exs[2].ws, 0, exs[2].mode) {
		if rare[f] {
			n++
		}
	}
	if n == 0 {
		t.Errorf("no feature of Zorblax, seen once, is rare")
	}
	if rareFeatures(exs, 1) != nil {
		t.Errorf("a cutoff of 1 drops features")
	}
	all := trainPass(exs, Options{Epochs: 2, Seed: 1}).weights.Features()
	cut := trainPass(exs, Options{Epochs: 2, Seed: 1, MinCount: 2}).weights.Features()
	if cut == 0 || cut >= all {
		t.Errorf("features with the cutoff %d, without %d: want fewer, not none", cut, all)
	}
}

// TestPlaceInContext: a town of the gazetteer read as a person is a place
// after a preposition of place, unless it is a first name too.
func TestPlaceInContext(t *testing.T) {
	g := newGazetteer(0)
	g.add([]string{"dover"}, gCity2|gName)
	g.add([]string{"lincoln"}, gCity1|gFirst|gName)
	g.add([]string{"smallville"}, gCity3)
	m := &Model{res: resources{gaz: g}}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"a man from Dover", true},
		{"police in Dover", true},
		{"the mayor of Dover", false},        // "of" as often puts a person
		{"a letter from Lincoln", false},     // a first name
		{"a woman from Smallville", false},   // too small a town to be sure
		{"a letter from Dover Smith", false}, // not the town's whole name
	} {
		t.Run(tc.text, func(t *testing.T) {
			var toks []Token
			for _, w := range strings.Fields(tc.text) {
				toks = append(toks, Token{Text: w})
			}
			start := len(toks) - 1
			if tc.text == "a letter from Dover Smith" {
				start--
			}
			if got := m.placeInContext(toks, start, len(toks)); got != tc.want {
				t.Errorf("placeInContext = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestAgentOfPassive: a name read as a place that acts as the agent of a
// passive verb is an organization, unless the gazetteer knows the place.
func TestAgentOfPassive(t *testing.T) {
	g := newGazetteer(0)
	g.add([]string{"dover"}, gCity2)
	m := &Model{res: resources{gaz: g}}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"was/VBD claimed/VBN by/IN Qaeda/NNP", true},
		{"was/VBD claimed/VBN by/IN Dover/NNP", false}, // a town the gazetteer knows
		{"the/DT road/NN by/IN Qaeda/NNP", false},      // no passive verb
		{"was/VBD claimed/VBN in/IN Qaeda/NNP", false}, // no agent
	} {
		t.Run(tc.text, func(t *testing.T) {
			var toks []Token
			for _, w := range strings.Fields(tc.text) {
				text, tag, _ := strings.Cut(w, "/")
				toks = append(toks, Token{Text: text, XPOS: tag})
			}
			if got := m.agentOfPassive(toks, len(toks)-1, len(toks)); got != tc.want {
				t.Errorf("agentOfPassive = %v, want %v", got, tc.want)
			}
		})
	}
}

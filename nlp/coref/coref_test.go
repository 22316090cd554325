package coref

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/nlp/token"
)

func TestReadGUM(t *testing.T) {
	docs, err := ReadGUM("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(docs), 2; got != want {
		t.Fatalf("documents: got %d, want %d", got, want)
	}
	var got []string
	for _, m := range docs[0].Mentions {
		var ws []string
		for _, w := range docs[0].Sents[m.Sent].Words[m.Start:m.End] {
			ws = append(ws, w.Form)
		}
		got = append(got, m.Entity+":"+m.Type+":"+strings.Join(ws, " "))
	}
	want := "1:person:Mary Smith 2:person:John 1:person:She 2:person:him 2:person:his 3:object:his help"
	if strings.Join(got, " ") != want {
		t.Errorf("mentions:\ngot  %s\nwant %s", strings.Join(got, " "), want)
	}
	if got, want := Split("GUM_news_iodine"), "dev"; got != want {
		t.Errorf("Split: got %s, want %s", got, want)
	}
}

func TestReadGUMErrors(t *testing.T) {
	for _, tc := range []struct{ name, misc string }{
		{"left open", "Entity=(1-person"},
		{"closed but not open", "Entity=2)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "bad.conllu")
			body := "# sent_id = d-1\n1\tX\tx\tNOUN\tNN\t_\t0\troot\t_\t" + tc.misc + "\n\n"
			if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := ReadGUM(path); err == nil {
				t.Error("no error")
			}
		})
	}
}

// TestTrainDeterministic trains twice on the tiny corpus with its own
// trees: the model files must be byte for byte the same.
func TestTrainDeterministic(t *testing.T) {
	var files [2][]byte
	for i := range files {
		m, err := Train(TrainConfig{Data: []string{"testdata/tiny.conllu"}, Epochs: 3, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		files[i] = b.Bytes()
		back, err := ReadModel(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if got, want := back.w.Features(), m.w.Features(); got != want {
			t.Errorf("features read back: got %d, want %d", got, want)
		}
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two trainings on the same input gave different model files")
	}
}

// analyse tokenizes, tags and parses text as the loader does.
func analyse(t *testing.T, text string) []nlp.Sentence {
	t.Helper()
	m, err := pipeline.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tg := &pipeline.Pipeline{Models: m}
	var out []nlp.Sentence
	for i, s := range token.Split(text) {
		tg.Annotate(&s)
		ws := s.Words
		out = append(out, nlp.Sentence{Index: i, Start: s.Start, End: s.End, Words: ws})
	}
	return out
}

// TestResolve checks the cases the graph depends on, end to end through
// the adapter and the embedded model: the mention found by its words
// should fall in the same entity as the name.
func TestResolve(t *testing.T) {
	model, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text string
		names      []string // names the loader would give, with types
		types      []string
		mention    string // the words of a mention
		nth        int    // which occurrence of them, from 0
		want       string // the name it should corefer with; "" for none
	}{
		{
			name:  "pronoun of the other gender",
			text:  "Mary Smith met John Brown in Paris. She thanked him.",
			names: []string{"Mary Smith", "John Brown", "Paris"}, types: []string{"PERSON", "PERSON", "GPE"},
			mention: "She", want: "Mary Smith",
		},
		{
			name:  "him",
			text:  "Mary Smith met John Brown in Paris. She thanked him.",
			names: []string{"Mary Smith", "John Brown", "Paris"}, types: []string{"PERSON", "PERSON", "GPE"},
			mention: "him", want: "John Brown",
		},
		{
			name:  "first person inside a quotation is the speaker",
			text:  "\"We will build a new factory,\" said Acme Corporation on Monday.",
			names: []string{"Acme Corporation"}, types: []string{"ORGANIZATION"},
			mention: "We", want: "Acme Corporation",
		},
		{
			name:  "surname",
			text:  "Secretary of State Antony Blinken arrived in Mexico on Monday. Blinken met officials there.",
			names: []string{"Antony Blinken", "Mexico", "Blinken"}, types: []string{"PERSON", "GPE", "PERSON"},
			mention: "Blinken", nth: 1, want: "Antony Blinken",
		},
		{
			name:  "no one named in a fronted clause without a subject",
			text:  "John Byron went to school in London. Placed under the care of a Dr. Henry Bailey, he was encouraged to exercise.",
			names: []string{"John Byron", "London", "Henry Bailey"}, types: []string{"PERSON", "GPE", "PERSON"},
			mention: "he", want: "John Byron",
		},
		{
			name:  "the name of a role is not its holder",
			text:  "Joshua Norton proclaimed himself Norton I, Emperor of the United States. In 1859 he laid claim to the position of Emperor of the United States. He had no political power.",
			names: []string{"Joshua Norton", "Norton I", "Emperor of the United States", "Emperor of the United States"}, types: []string{"PERSON", "PERSON", "PERSON", "PERSON"},
			mention: "Emperor", nth: 1, want: "",
		},
		{
			name:  "a pronoun after the name of a role",
			text:  "Joshua Norton proclaimed himself Norton I, Emperor of the United States. In 1859 he laid claim to the position of Emperor of the United States. He had no political power.",
			names: []string{"Joshua Norton", "Norton I", "Emperor of the United States", "Emperor of the United States"}, types: []string{"PERSON", "PERSON", "PERSON", "PERSON"},
			mention: "He", want: "Joshua Norton",
		},
		{
			name:  "its for an organization",
			text:  "The European Space Agency said on Monday that its budget would grow.",
			names: []string{"European Space Agency"}, types: []string{"ORGANIZATION"},
			mention: "its", want: "European Space Agency",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sents := analyse(t, tc.text)
			var spans []NameSpan
			find := func(words string, from int) (int, int, int, bool) {
				want := strings.Fields(words)
				for si, s := range sents {
					for k := range s.Words {
						if si*1000+k < from || k+len(want) > len(s.Words) {
							continue
						}
						ok := true
						for x, w := range want {
							if s.Words[k+x].Text != w {
								ok = false
							}
						}
						if ok {
							return si, k, k + len(want), true
						}
					}
				}
				return 0, 0, 0, false
			}
			from := 0
			for i, n := range tc.names {
				si, a, b, ok := find(n, from)
				if !ok {
					t.Fatalf("name %q not in the text", n)
				}
				from = si*1000 + b
				spans = append(spans, NameSpan{Sent: si, Start: a, End: b, Type: kgType(tc.types[i])})
			}
			doc := FromLoader(sents, spans)
			res := model.Resolve(doc)
			si, a, b, ok := find(tc.mention, 0)
			for n := 0; n < tc.nth && ok; n++ {
				si, a, b, ok = find(tc.mention, si*1000+b)
			}
			if !ok {
				t.Fatalf("mention %q not in the text", tc.mention)
			}
			k := -1
			for i, m := range doc.Mentions {
				if m.Sent == si && m.Start <= a && a < m.End && m.Head == a {
					k = i
				}
			}
			if k < 0 {
				t.Fatalf("%q is not a mention", tc.mention)
			}
			got := ""
			for i, n := range tc.names {
				if res.Cluster[i] == res.Cluster[k] && i != k {
					got = n
					break
				}
			}
			if got != tc.want {
				t.Errorf("%q corefers with %q, want %q", tc.mention, got, tc.want)
			}
		})
	}
}

func kgType(s string) kg.EntityType { return kg.EntityType(s) }

// TestMargin: the margin of a link is how far the chosen entity leads the
// best other candidate entity. A pronoun with one possible antecedent is
// sure (+Inf); with two people before it, its margin is finite and not
// negative, and the Links the loader reads carry it.
func TestMargin(t *testing.T) {
	model, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	sents := analyse(t, "Mary Smith arrived. She smiled. Mary Smith met Anna Brown in Paris. She thanked her.")
	var spans []NameSpan
	for si, s := range sents {
		for k := 0; k+1 < len(s.Words); k++ {
			if n := s.Words[k].Text + " " + s.Words[k+1].Text; n == "Mary Smith" || n == "Anna Brown" {
				spans = append(spans, NameSpan{Sent: si, Start: k, End: k + 2, Type: kg.Person})
			}
		}
	}
	if len(spans) != 3 {
		t.Fatalf("names: %+v", spans)
	}
	doc := FromLoader(sents, spans)
	res := model.Resolve(doc)
	links := linksOf(doc, res, len(spans))
	if m := links.Margin(1, 0); !math.IsInf(float64(m), 1) {
		t.Errorf("'She' after the only person: margin %v, want +Inf", m)
	}
	if links.Name(3, 0) < 0 {
		t.Fatalf("'She' of the last sentence unresolved")
	}
	if m := links.Margin(3, 0); m < 0 || math.IsInf(float64(m), 1) {
		t.Errorf("'She' between two women: margin %v, want finite and not negative", m)
	}
	for i, m := range doc.Mentions {
		if res.Antecedent[i] < 0 && m.Group == 0 && res.Margin[i] != 0 {
			t.Errorf("mention %d starts an entity with margin %v, want 0", i, res.Margin[i])
		}
	}
}

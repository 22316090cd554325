package openie

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
)

// parsed builds a sentence from "word/UPOS/XPOS/head/rel" items with
// 1-based heads (0 = root), as a hand-checked UD parse.
func parsed(spec string) []nlp.Word {
	var s []nlp.Word
	for _, item := range strings.Fields(spec) {
		f := strings.Split(item, "/")
		h := 0
		for _, c := range f[3] {
			h = h*10 + int(c-'0')
		}
		s = append(s, nlp.Word{Text: f[0], UPOS: f[1], XPOS: f[2], Lemma: strings.ToLower(f[0]), Head: h - 1, Rel: f[4]})
	}
	return s
}

func render(s []nlp.Word) []string {
	var out []string
	for _, tp := range Extract(s) {
		rel, args := tp.Text(s)
		out = append(out, args[0]+" | "+rel+" | "+strings.Join(args[1:], " | "))
	}
	return out
}

func has(t *testing.T, got []string, want string) {
	t.Helper()
	for _, g := range got {
		if g == want {
			return
		}
	}
	t.Errorf("no %q in %q", want, got)
}

func TestClauses(t *testing.T) {
	// Mexico deployed troops and police to the border .
	s := parsed("Mexico/PROPN/NNP/2/nsubj deployed/VERB/VBD/0/root troops/NOUN/NNS/2/obj and/CCONJ/CC/5/cc police/NOUN/NN/3/conj " +
		"to/ADP/IN/8/case the/DET/DT/8/det border/NOUN/NN/2/obl ./PUNCT/./2/punct")
	got := render(s)
	has(t, got, "Mexico | deployed | troops | to the border")
	has(t, got, "Mexico | deployed | police | to the border")

	// He was born in Hawaii and became a senator .
	s = parsed("He/PRON/PRP/3/nsubj:pass was/AUX/VBD/3/aux:pass born/VERB/VBN/0/root in/ADP/IN/5/case Hawaii/PROPN/NNP/3/obl " +
		"and/CCONJ/CC/7/cc became/VERB/VBD/3/conj a/DET/DT/9/det senator/NOUN/NN/7/obj")
	got = render(s)
	has(t, got, "He | was born in | Hawaii")
	has(t, got, "He | became | a senator")

	// It will open and close the gate : the second verb shares the
	// auxiliary, the first the object.
	s = parsed("It/PRON/PRP/3/nsubj will/AUX/MD/3/aux open/VERB/VB/0/root and/CCONJ/CC/5/cc close/VERB/VB/3/conj the/DET/DT/7/det gate/NOUN/NN/5/obj")
	got = render(s)
	has(t, got, "It | will close | the gate")
	has(t, got, "It | will open | the gate")

	// They were able to reinforce the hotel .
	s = parsed("They/PRON/PRP/3/nsubj were/AUX/VBD/3/cop able/ADJ/JJ/0/root to/PART/TO/5/mark reinforce/VERB/VB/3/xcomp the/DET/DT/7/det hotel/NOUN/NN/5/obj")
	got = render(s)
	has(t, got, "They | were able to reinforce | the hotel")
	if len(got) != 1 {
		t.Errorf("able to reinforce: %q, want one tuple", got)
	}

	// The RTC will have to sell or merge thrifts .
	s = parsed("The/DET/DT/2/det RTC/PROPN/NNP/4/nsubj will/AUX/MD/4/aux have/VERB/VB/0/root to/PART/TO/6/mark sell/VERB/VB/4/xcomp " +
		"or/CCONJ/CC/8/cc merge/VERB/VB/6/conj thrifts/NOUN/NNS/8/obj")
	got = render(s)
	has(t, got, "The RTC | will have to merge | thrifts")
	has(t, got, "The RTC | will have to sell | thrifts")

	// Paris is the capital of France .
	s = parsed("Paris/PROPN/NNP/4/nsubj is/AUX/VBZ/4/cop the/DET/DT/4/det capital/NOUN/NN/0/root of/ADP/IN/6/case France/PROPN/NNP/4/nmod")
	has(t, render(s), "Paris | is the capital of | France")

	// The man who left did not return .
	s = parsed("The/DET/DT/2/det man/NOUN/NN/7/nsubj who/PRON/WP/4/nsubj left/VERB/VBD/2/acl:relcl did/AUX/VBD/7/aux not/PART/RB/7/advmod return/VERB/VB/0/root")
	got = render(s)
	has(t, got, "The man | left | ")
	for _, tp := range Extract(s) {
		if tp.Verb == 6 && !tp.Negated {
			t.Error("negation lost")
		}
	}

	// Chrysler has had to close the plants .
	s = parsed("Chrysler/PROPN/NNP/3/nsubj has/AUX/VBZ/3/aux had/VERB/VBN/0/root to/PART/TO/5/mark close/VERB/VB/3/xcomp the/DET/DT/7/det plants/NOUN/NNS/5/obj")
	got = render(s)
	has(t, got, "Chrysler | has had to close | the plants")
	if len(got) != 1 {
		t.Errorf("control verb kept a tuple of its own: %q", got)
	}

	// He was considered to be the patron saint .
	s = parsed("He/PRON/PRP/3/nsubj:pass was/AUX/VBD/3/aux:pass considered/VERB/VBN/0/root to/PART/TO/8/mark be/AUX/VB/8/cop the/DET/DT/8/det patron/NOUN/NN/8/compound saint/NOUN/NN/3/xcomp")
	has(t, render(s), "He | was considered to be | the patron saint")

	// Obama , the president , spoke .
	s = parsed("Obama/PROPN/NNP/6/nsubj ,/PUNCT/,/4/punct the/DET/DT/4/det president/NOUN/NN/1/appos ,/PUNCT/,/4/punct spoke/VERB/VBD/0/root")
	has(t, render(s), "Obama | be | the president")

	// Mexico 's new president arrived .
	s = parsed("Mexico/PROPN/NNP/4/nmod:poss 's/PART/POS/1/case new/ADJ/JJ/4/amod president/NOUN/NN/5/nsubj arrived/VERB/VBD/0/root")
	got = render(s)
	has(t, got, "Mexico | has | new president")
	has(t, got, "president | be | new")
	for _, tp := range Extract(s) {
		if rel, _ := tp.Text(s); rel == "has" && tp.Kind != Possessive || rel == "be" && tp.Kind != Attribute {
			t.Errorf("%q: kind %d", rel, tp.Kind)
		}
	}
}

func TestPrepositionalPredicate(t *testing.T) {
	// The talks are under pressure .
	s := parsed("The/DET/DT/2/det talks/NOUN/NNS/5/nsubj are/AUX/VBP/5/cop under/ADP/IN/5/case pressure/NOUN/NN/0/root")
	has(t, render(s), "The talks | are under | pressure")
}

func TestSharedObject(t *testing.T) {
	// Engineers designed and built the bridge .
	s := parsed("Engineers/NOUN/NNS/2/nsubj designed/VERB/VBD/0/root and/CCONJ/CC/4/cc built/VERB/VBD/2/conj the/DET/DT/6/det bridge/NOUN/NN/2/obj")
	got := render(s)
	has(t, got, "Engineers | designed | the bridge")
	has(t, got, "Engineers | built | the bridge")
}

func TestAttributesAndPossessives(t *testing.T) {
	// Officials met for several hours on the city 's new budget .
	s := parsed("Officials/NOUN/NNS/2/nsubj met/VERB/VBD/0/root for/ADP/IN/5/case several/ADJ/JJ/5/amod hours/NOUN/NNS/2/obl " +
		"on/ADP/IN/11/case the/DET/DT/8/det city/NOUN/NN/11/nmod:poss 's/PART/POS/8/case new/ADJ/JJ/11/amod budget/NOUN/NN/2/obl")
	got := render(s)
	has(t, got, "the city | has | new budget")
	has(t, got, "budget | be | new")
	for _, g := range got {
		if strings.Contains(g, "several") && strings.HasPrefix(g, "hours") {
			t.Errorf("a quantifier became an attribute: %q", g)
		}
		if strings.Contains(g, "| has | on") {
			t.Errorf("a possessive kept its head's preposition: %q", g)
		}
	}
}

// A parse whose heads loop gives a tree whose walks end.
func TestTreeCycle(t *testing.T) {
	s := columns{Words: []string{"a", "b", "c"}, UPOS: []string{"NOUN", "VERB", "NOUN"}, XPOS: make([]string, 3),
		Lemma: []string{"a", "b", "c"}, Head: []int{1, 2, 0}, Rel: []string{"nsubj", "obj", "root"}}
	tr := newTree(s)
	for i := range s.Words {
		tr.span(i, nil) // returns
	}
	for i, k := range tr.kids {
		if len(k) != 0 {
			t.Errorf("word %d has children %v in a loop", i, k)
		}
	}
}

// TestFrontedRelative: a relative pronoun's preposition ("in which") joins
// the relation as a phrase after the verb would ("was born in the town"),
// but a phrase that does follow the verb comes first.
func TestFrontedRelative(t *testing.T) {
	// the town in which he was born
	s := parsed("the/DET/DT/2/det town/NOUN/NN/0/root in/ADP/IN/4/case which/PRON/WDT/7/obl he/PRON/PRP/7/nsubj:pass " +
		"was/AUX/VBD/7/aux:pass born/VERB/VBN/2/acl:relcl")
	has(t, render(s), "he | was born in | the town")
	// a period in which crime declined in the city
	s = parsed("a/DET/DT/2/det period/NOUN/NN/0/root in/ADP/IN/4/case which/PRON/WDT/6/obl crime/NOUN/NN/6/nsubj " +
		"declined/VERB/VBD/2/acl:relcl in/ADP/IN/9/case the/DET/DT/9/det city/NOUN/NN/6/obl")
	has(t, render(s), "crime | declined in | the city | a period")
}

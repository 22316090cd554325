package pipeline

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
)

// The embedded models must load and give a sensible analysis of a plain
// news sentence (these are checks of the trained models, not of fixed
// output: any decent English parser agrees on them).
func TestEmbeddedModels(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	forms := strings.Fields("Mexico deployed 32,000 soldiers to the border on Tuesday .")
	words := make([]nlp.Word, len(forms))
	for i, f := range forms {
		words[i].Text = f
	}
	m.Annotate(words)
	want := map[int]struct {
		xpos, lemma string
		head        int
		rel         string
	}{
		0: {"NNP", "Mexico", 1, "nsubj"},
		1: {"VBD", "deploy", -1, "root"},
		3: {"NNS", "soldier", 1, "obj"},
		6: {"NN", "border", 1, "obl"},
	}
	for i, w := range want {
		a := words[i]
		if a.XPOS != w.xpos || a.Lemma != w.lemma || a.Head != w.head || a.Rel != w.rel {
			t.Errorf("%s: got %s %s head %d %s, want %+v", forms[i], a.XPOS, a.Lemma, a.Head, a.Rel, w)
		}
	}
}

// TestApposedSubject: "Its chairwoman, Mary Smith, met John Brown" has one
// subject with an apposition, whatever the parser says.
func TestApposedSubject(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	text := []string{"Its", "chairwoman", ",", "Mary", "Smith", ",", "met", "John", "Brown", "in", "Paris", "."}
	ws := make([]nlp.Word, len(text))
	for i, w := range text {
		ws[i].Text = w
	}
	m.Annotate(ws)
	n := 0
	for _, w := range ws {
		if w.Head == 6 && w.Rel == "nsubj" {
			n++
		}
	}
	if n != 1 || ws[3].Rel != "appos" || ws[3].Head != 1 {
		t.Errorf("subjects of met: %d, Mary: %s of %d; want one, appos of chairwoman", n, ws[3].Rel, ws[3].Head)
	}
	// a lone subject after a fronted phrase stays
	two := []nlp.Word{{Text: "Yesterday"}, {Text: ","}, {Text: "Mary"}, {Text: "Smith"}, {Text: "met"}, {Text: "John"}, {Text: "."}}
	m.Annotate(two)
	if two[2].Rel != "nsubj" {
		t.Errorf("Mary: %s, want nsubj", two[2].Rel)
	}
}

// TestExampleSubject: a phrase of examples set off by commas ("including
// many from India") is never the subject; the noun it exemplifies is, in
// both ways the parser gets it wrong.
func TestExampleSubject(t *testing.T) {
	type w struct {
		text, upos string
		head       int
		rel        string
	}
	build := func(ws ...w) []nlp.Word {
		out := make([]nlp.Word, len(ws))
		for i, x := range ws {
			out[i] = nlp.Word{Text: x.text, UPOS: x.upos, Head: x.head, Rel: x.rel}
		}
		return out
	}
	// "A team of engineers, including many, built it ." with "many" the
	// verb's subject and "team" hanging under it
	one := build(w{"A", "DET", 1, "det"}, w{"team", "NOUN", 6, "nsubj"}, w{"of", "ADP", 3, "case"},
		w{"engineers", "NOUN", 1, "nmod"}, w{",", "PUNCT", 6, "punct"}, w{"including", "VERB", 6, "case"},
		w{"many", "ADJ", 8, "nsubj"}, w{",", "PUNCT", 8, "punct"}, w{"built", "VERB", -1, "root"},
		w{"it", "PRON", 8, "obj"}, w{".", "PUNCT", 8, "punct"})
	exampleSubject(one)
	if one[1].Head != 8 || one[1].Rel != "nsubj" || one[6].Head != 1 || one[6].Rel != "nmod" || one[5].Head != 6 {
		t.Errorf("team: %d %s, many: %d %s, including: %d; want team nsubj of built, many nmod of team",
			one[1].Head, one[1].Rel, one[6].Head, one[6].Rel, one[5].Head)
	}
	// "A group, including many, attempted it ." read as a group that
	// attempted, the verb a clause of the noun
	two := build(w{"A", "DET", 1, "det"}, w{"group", "NOUN", -1, "root"}, w{",", "PUNCT", 5, "punct"},
		w{"including", "VERB", 5, "advcl"}, w{"many", "ADJ", 5, "nsubj"}, w{"attempted", "VERB", 1, "acl"},
		w{"it", "PRON", 5, "obj"}, w{".", "PUNCT", 1, "punct"})
	exampleSubject(two)
	if two[5].Head != -1 || two[1].Head != 5 || two[1].Rel != "nsubj" || two[4].Head != 1 || two[3].Head != 4 ||
		two[3].Rel != "case" || two[7].Head != 5 || !nlp.Acyclic(two) {
		t.Errorf("got %+v; want attempted the root, group its subject, many an nmod of group", two)
	}
	// a subject after a comma but with no "including" stays
	three := build(w{"Yesterday", "NOUN", 3, "obl:tmod"}, w{",", "PUNCT", 3, "punct"}, w{"Mary", "PROPN", 3, "nsubj"},
		w{"left", "VERB", -1, "root"}, w{".", "PUNCT", 3, "punct"})
	exampleSubject(three)
	if three[2].Head != 3 || three[2].Rel != "nsubj" {
		t.Errorf("Mary: %d %s, want nsubj of left", three[2].Head, three[2].Rel)
	}
}

// word builds a parsed word for the repair tests.
func word(text, xpos, upos, lemma string, head int, rel string) nlp.Word {
	return nlp.Word{Text: text, XPOS: xpos, UPOS: upos, Lemma: lemma, Head: head, Rel: rel}
}

// TestAmountNoun: an amount of money cut from the noun it measures ("on
// $ 5,000 bond", the noun a sibling of "$") is the noun's modifier again.
func TestAmountNoun(t *testing.T) {
	ws := []nlp.Word{word("She", "PRP", "PRON", "she", 2, "nsubj:pass"), word("was", "VBD", "AUX", "be", 2, "aux:pass"),
		word("freed", "VBN", "VERB", "free", -1, "root"), word("on", "IN", "ADP", "on", 4, "case"),
		word("$", "$", "SYM", "$", 2, "obl"), word("5,000", "CD", "NUM", "5000", 4, "nummod"),
		word("bond", "NN", "NOUN", "bond", 2, "obl"), word(".", ".", "PUNCT", ".", 2, "punct")}
	amountNoun(ws)
	if ws[6].Head != 2 || ws[6].Rel != "obl" || ws[4].Head != 6 || ws[3].Head != 6 || !nlp.Acyclic(ws) {
		t.Errorf("bond: %d %s, $: %d %s, on: %d; want bond the obl, $ and on under it",
			ws[6].Head, ws[6].Rel, ws[4].Head, ws[4].Rel, ws[3].Head)
	}
	// a noun with its own preposition is another phrase: "paid $ 5 for bread"
	two := []nlp.Word{word("He", "PRP", "PRON", "he", 1, "nsubj"), word("paid", "VBD", "VERB", "pay", -1, "root"),
		word("$", "$", "SYM", "$", 1, "obj"), word("5", "CD", "NUM", "5", 2, "nummod"),
		word("for", "IN", "ADP", "for", 5, "case"), word("bread", "NN", "NOUN", "bread", 1, "obl")}
	amountNoun(two)
	if two[5].Head != 1 || two[2].Head != 1 || two[2].Rel != "obj" {
		t.Errorf("bread: %d, $: %d %s; want both unchanged", two[5].Head, two[2].Head, two[2].Rel)
	}
}

// TestMannerAdverb: a manner adverb before a verb's prepositional phrase
// is the verb's ("responded quickly to the calls"); a focusing one stays
// on the phrase ("mainly to the calls").
func TestMannerAdverb(t *testing.T) {
	for _, tc := range []struct {
		adverb string
		want   int
	}{{"quickly", 1}, {"mainly", 5}} {
		t.Run(tc.adverb, func(t *testing.T) {
			ws := []nlp.Word{word("They", "PRP", "PRON", "they", 1, "nsubj"),
				word("responded", "VBD", "VERB", "respond", -1, "root"), word(tc.adverb, "RB", "ADV", tc.adverb, 5, "advmod"),
				word("to", "IN", "ADP", "to", 5, "case"), word("the", "DT", "DET", "the", 5, "det"),
				word("calls", "NNS", "NOUN", "call", 1, "obl"), word(".", ".", "PUNCT", ".", 1, "punct")}
			mannerAdverb(ws)
			if got := ws[2].Head; got != tc.want {
				t.Errorf("%s: head %d, want %d", tc.adverb, got, tc.want)
			}
		})
	}
}

// TestNounInfinitive: an infinitive after a noun that takes one ("fined
// for failure to stop") is the noun's, not a purpose of the verb; after
// another noun ("fined for speeding to scare him") it stays the verb's.
func TestNounInfinitive(t *testing.T) {
	for _, tc := range []struct {
		noun string
		head int
		rel  string
	}{{"failure", 4, "acl"}, {"speeding", 2, "advcl"}} {
		t.Run(tc.noun, func(t *testing.T) {
			ws := []nlp.Word{word("He", "PRP", "PRON", "he", 2, "nsubj:pass"), word("was", "VBD", "AUX", "be", 2, "aux:pass"),
				word("fined", "VBN", "VERB", "fine", -1, "root"), word("for", "IN", "ADP", "for", 4, "case"),
				word(tc.noun, "NN", "NOUN", tc.noun, 2, "obl"), word("to", "TO", "PART", "to", 6, "mark"),
				word("stop", "VB", "VERB", "stop", 2, "advcl"), word(".", ".", "PUNCT", ".", 2, "punct")}
			nounInfinitive(ws)
			if ws[6].Head != tc.head || ws[6].Rel != tc.rel {
				t.Errorf("stop: %d %s, want %d %s", ws[6].Head, ws[6].Rel, tc.head, tc.rel)
			}
		})
	}
}

// TestObjectBeforeModal: "she decided prices will rise" parsed as
// "decided prices" and a conjunct "rise" with no subject is one clause,
// "prices will rise", that "decided" takes; with "and" between it stays.
func TestObjectBeforeModal(t *testing.T) {
	build := func(and bool) []nlp.Word {
		ws := []nlp.Word{word("She", "PRP", "PRON", "she", 1, "nsubj"), word("decided", "VBD", "VERB", "decide", -1, "root"),
			word("prices", "NNS", "NOUN", "price", 1, "obj"), word("will", "MD", "AUX", "will", 4, "aux"),
			word("rise", "VB", "VERB", "rise", 1, "conj"), word(".", ".", "PUNCT", ".", 1, "punct")}
		if and {
			ws = slices.Insert(ws, 3, word("and", "CC", "CCONJ", "and", 5, "cc"))
			ws[4].Head, ws[5].Head = 5, 1
		}
		return ws
	}
	ws := build(false)
	objectBeforeModal(ws)
	if ws[2].Head != 4 || ws[2].Rel != "nsubj" || ws[4].Head != 1 || ws[4].Rel != "ccomp" {
		t.Errorf("prices: %d %s, rise: %d %s; want prices the subject of rise, rise ccomp of decided",
			ws[2].Head, ws[2].Rel, ws[4].Head, ws[4].Rel)
	}
	ws = build(true)
	objectBeforeModal(ws)
	if ws[2].Rel != "obj" || ws[5].Rel != "conj" {
		t.Errorf("with and: prices %s, rise %s; want obj and conj unchanged", ws[2].Rel, ws[5].Rel)
	}
}

// TestPrepositionAsNoun: "inside" taken for a noun and an indirect object
// before the verb's object introduces that object.
func TestPrepositionAsNoun(t *testing.T) {
	ws := []nlp.Word{word("Men", "NNS", "NOUN", "man", 2, "nsubj:pass"), word("are", "VBP", "AUX", "be", 2, "aux:pass"),
		word("allowed", "VBN", "VERB", "allow", -1, "root"), word("inside", "NN", "NOUN", "inside", 2, "iobj"),
		word("the", "DT", "DET", "the", 5, "det"), word("shops", "NNS", "NOUN", "shop", 2, "obj")}
	prepositionAsNoun(ws)
	if ws[3].Head != 5 || ws[3].Rel != "case" || ws[5].Rel != "obl" {
		t.Errorf("inside: %d %s, shops: %s; want inside the case of shops, shops obl", ws[3].Head, ws[3].Rel, ws[5].Rel)
	}
}

// TestRelativeThenVerb: "A tool , which holds a part , could be used ."
// with "used" a conjunct inside the relative clause and the noun the
// root: "used" is the root and the tool its subject.
func TestRelativeThenVerb(t *testing.T) {
	ws := []nlp.Word{word("A", "DT", "DET", "a", 1, "det"), word("tool", "NN", "NOUN", "tool", -1, "root"),
		word(",", ",", "PUNCT", ",", 4, "punct"), word("which", "WDT", "PRON", "which", 4, "nsubj"),
		word("holds", "VBZ", "VERB", "hold", 1, "acl:relcl"), word("a", "DT", "DET", "a", 6, "det"),
		word("part", "NN", "NOUN", "part", 4, "obj"), word(",", ",", "PUNCT", ",", 10, "punct"),
		word("could", "MD", "AUX", "could", 10, "aux"), word("be", "VB", "AUX", "be", 10, "aux:pass"),
		word("used", "VBN", "VERB", "use", 4, "conj"), word(".", ".", "PUNCT", ".", 1, "punct")}
	relativeThenVerb(ws)
	if ws[10].Head != -1 || ws[1].Head != 10 || ws[1].Rel != "nsubj:pass" || ws[11].Head != 10 || ws[4].Head != 1 {
		t.Errorf("used: %d, tool: %d %s, '.': %d, holds: %d; want used the root, tool its subject",
			ws[10].Head, ws[1].Head, ws[1].Rel, ws[11].Head, ws[4].Head)
	}
	// with "and" the verb is the relative clause's own
	ws[7] = word("and", "CC", "CCONJ", "and", 10, "cc")
	ws[10].Head, ws[10].Rel, ws[1].Head, ws[1].Rel, ws[11].Head = 4, "conj", -1, "root", 1
	relativeThenVerb(ws)
	if ws[10].Head != 4 || ws[1].Head != -1 {
		t.Errorf("with and: used %d, tool %d; want unchanged", ws[10].Head, ws[1].Head)
	}
}

// TestSubjectBeforeMark: "asked Ann whether the firm left" with "Ann" a
// second subject of "left", before "whether": Ann is asked.
func TestSubjectBeforeMark(t *testing.T) {
	ws := []nlp.Word{word("They", "PRP", "PRON", "they", 1, "nsubj"), word("asked", "VBD", "VERB", "ask", -1, "root"),
		word("Ann", "NNP", "PROPN", "Ann", 6, "nsubj"), word("whether", "IN", "SCONJ", "whether", 6, "mark"),
		word("the", "DT", "DET", "the", 5, "det"), word("firm", "NN", "NOUN", "firm", 6, "nsubj"),
		word("left", "VBD", "VERB", "leave", 1, "ccomp"), word(".", ".", "PUNCT", ".", 1, "punct")}
	subjectBeforeMark(ws)
	if ws[2].Head != 1 || ws[2].Rel != "obj" || ws[5].Head != 6 || ws[5].Rel != "nsubj" {
		t.Errorf("Ann: %d %s, firm: %d %s; want Ann the object of asked, firm the subject of left",
			ws[2].Head, ws[2].Rel, ws[5].Head, ws[5].Rel)
	}
}

// TestContentThat: "reports that access to it is restored" read as reports
// that access (a relative clause) is the reports' clause, "access" its
// subject; a true relative clause ("reports that mention it") stays.
func TestContentThat(t *testing.T) {
	ws := []nlp.Word{word("We", "PRP", "PRON", "we", 1, "nsubj"), word("got", "VBD", "VERB", "get", -1, "root"),
		word("reports", "NNS", "NOUN", "report", 1, "obj"), word("that", "WDT", "PRON", "that", 4, "nsubj"),
		word("access", "VBP", "VERB", "access", 2, "acl:relcl"), word("to", "IN", "ADP", "to", 6, "case"),
		word("it", "PRP", "PRON", "it", 4, "obl"), word("is", "VBZ", "AUX", "be", 8, "aux:pass"),
		word("restored", "VBN", "VERB", "restore", 1, "conj"), word(".", ".", "PUNCT", ".", 1, "punct")}
	ws[4].Alt = "NN"
	contentThat(ws)
	if ws[8].Head != 2 || ws[8].Rel != "acl" || ws[4].Head != 8 || ws[4].Rel != "nsubj:pass" || ws[4].XPOS != "NN" ||
		ws[3].Rel != "mark" || ws[6].Rel != "nmod" {
		t.Errorf("restored: %d %s, access: %d %s %s, that: %s, it: %s; want access the subject of restored, restored the reports' clause",
			ws[8].Head, ws[8].Rel, ws[4].Head, ws[4].Rel, ws[4].XPOS, ws[3].Rel, ws[6].Rel)
	}
	rel := []nlp.Word{word("We", "PRP", "PRON", "we", 1, "nsubj"), word("got", "VBD", "VERB", "get", -1, "root"),
		word("reports", "NNS", "NOUN", "report", 1, "obj"), word("that", "WDT", "PRON", "that", 4, "nsubj"),
		word("mention", "VBP", "VERB", "mention", 2, "acl:relcl"), word("it", "PRP", "PRON", "it", 4, "obj"),
		word(".", ".", "PUNCT", ".", 1, "punct")}
	contentThat(rel)
	if rel[4].Rel != "acl:relcl" || rel[3].Rel != "nsubj" {
		t.Errorf("mention: %s, that: %s; want the relative clause kept", rel[4].Rel, rel[3].Rel)
	}
}

// TestCodeNameTrees: "The shuttle STS-1 launched" with the number made the
// subject and the letters an apposition is repaired into one name, the
// phrase it belongs to the verb's subject; written apart ("STS - 1", or
// with no offsets, as a treebank gives words) nothing changes.
func TestCodeNameTrees(t *testing.T) {
	texts := []string{"The", "shuttle", "STS", "-", "1", "launched", "."}
	starts := []int{0, 4, 12, 15, 16, 18, 26}
	heads := []int{1, -1, 1, 4, 5, 1, 1}
	rels := []string{"det", "root", "appos", "punct", "nsubj", "parataxis", "punct"}
	build := func(offsets bool) []nlp.Word {
		ws := make([]nlp.Word, len(texts))
		for i := range ws {
			ws[i] = nlp.Word{Text: texts[i], Head: heads[i], Rel: rels[i], UPOS: "NOUN"}
			if offsets {
				ws[i].Start, ws[i].End = starts[i], starts[i]+len(texts[i])
			}
		}
		ws[3].UPOS, ws[6].UPOS = "PUNCT", "PUNCT"
		return ws
	}
	ws := build(true)
	codeNameTrees(ws, texts)
	if ws[5].Head != -1 || ws[1].Head != 5 || ws[1].Rel != "nsubj" || ws[4].Head != 2 || ws[4].Rel != "flat" ||
		ws[6].Head != 5 || !nlp.Acyclic(ws) {
		t.Errorf("repaired tree %+v; want launched the root, shuttle its subject, 1 a flat part of STS", ws)
	}
	apart := build(false)
	codeNameTrees(apart, texts)
	if apart[4].Head != 5 || apart[4].Rel != "nsubj" {
		t.Errorf("words without offsets changed: %+v", apart)
	}
	for _, c := range []struct {
		s    string
		want bool
	}{{"16", true}, {"4B", true}, {"1,000", false}, {"B4", false}, {"", false}} {
		if got := codeNumber(c.s); got != c.want {
			t.Errorf("codeNumber(%q) = %v", c.s, got)
		}
	}
}

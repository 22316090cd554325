package loader

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp"
)

// labelled builds a sentence from "word/XPOS/label" items (label "O" or
// "B-GPE"...); a word starting with an apostrophe or written "-" is
// attached to the word before it, as is the word after a "-".
func labelled(spec string) nlp.Sentence {
	var s nlp.Sentence
	pos := 0
	attachNext := false
	for i, item := range strings.Fields(spec) {
		parts := strings.Split(item, "/")
		w := nlp.Word{Text: parts[0], XPOS: parts[1], NER: parts[2]}
		attached := strings.HasPrefix(w.Text, "'") || w.Text == "-" || attachNext
		if i > 0 && !attached {
			pos++
		}
		attachNext = w.Text == "-"
		w.Start, w.End = pos, pos+len(w.Text)
		pos = w.End
		s.Words = append(s.Words, w)
	}
	return s
}

func names(ms []mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.name+"|"+string(m.typ))
	}
	return out
}

// The loader keeps the labeller's names and types and adds no names the
// labeller did not see: a place of two words is no person for its shape,
// capitals and acronyms the labeller left alone name nothing, and two
// names the labeller wrote side by side stay two.
func TestMentionsFollowTheLabeller(t *testing.T) {
	for _, c := range []struct{ spec, want string }{
		// a place the gazetteer does not know, two words: still a place
		{"I/PRP/O live/VBP/O in/IN/O Palo/NNP/B-GPE Alto/NNP/I-GPE ./././O", "Palo Alto|GPE"},
		// capitals and acronyms no one labelled
		{"the/DT/O website/NN/O Insurgency/NNP/O Wiki/NNP/O is/VBZ/O new/JJ/O", ""},
		{"they/PRP/O work/VBP/O in/IN/O DH/NNP/O projects/NNS/O", ""},
		{"Great/JJ/O Service/NNP/O !/./O", ""},
		// ", Inc." after the company's name
		{"Atlantic/NNP/B-ORGANIZATION Lottery/NNP/I-ORGANIZATION Corporation/NNP/I-ORGANIZATION ,/,/O Inc./NNP/O et/FW/O al./FW/O",
			"Atlantic Lottery Corporation|ORGANIZATION"},
		// a title before a possessive is part of the name
		{"a/DT/O Fellow/NN/O at/IN/O King/NNP/B-ORGANIZATION 's/POS/I-ORGANIZATION College/NNP/I-ORGANIZATION ,/,/O",
			"King's College|ORGANIZATION"},
		// a connector between two names the labeller read apart
		{"Lord/NNP/O Diplock/NNP/B-PERSON and/CC/O Browning/NNP/B-PERSON and/CC/O War/NNP/B-ORGANIZATION Office/NNP/I-ORGANIZATION :/:/O",
			"Diplock|PERSON Browning|PERSON War Office|ORGANIZATION"},
		// two people side by side
		{"Coach/NN/O :/:/O Melanie/NNP/B-PERSON King/NNP/I-PERSON Brandon/NNP/B-PERSON Luna/NNP/I-PERSON", "Melanie King|PERSON Brandon Luna|PERSON"},
		// lower-case web text: the labeller's name
		{"i/PRP/O live/VBP/O in/IN/O malaysia/NN/B-GPE ,/,/O", "malaysia|GPE"},
		// a capital the labeller left out after its name, unless it names a
		// kind of organization
		{"visitors/NNS/O per/IN/O month/NN/O (/-LRB-/O Google/NNP/B-ORGANIZATION Analytics/NNP/O )/-RRB-/O", "Google|ORGANIZATION"},
		{"the/DT/O UK/NNP/B-GPE Government/NNP/O said/VBD/O", "UK Government|GPE"},
		// a code name nobody labelled: a designation, no person
		{"The/DT/O shuttle/NN/O STS/NNP/O -/HYPH/O 1/CD/O launched/VBD/O", "STS-1|ORGANIZATION"},
		// a two-letter state code nobody labelled in capitals
		{"THEN/RB/O POOP/VB/O IN/NNP/O IT/PRP/O", ""},
	} {
		s := labelled(c.spec)
		if got := strings.Join(names(findMentions(s)), " "); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.spec, got, c.want)
		}
	}
}

// A field label before a colon ("Email:", "Price:") is no speaker's turn.
func TestFieldLabelIsNoSpeaker(t *testing.T) {
	if ms := speakerMentions(labelled("Email/NN/O :/:/O")); len(ms) != 0 {
		t.Errorf("Email: gave %v", names(ms))
	}
	if ms := speakerMentions(labelled("Richman/NNP/O :/:/O")); len(ms) != 1 || ms[0].typ != kg.Person {
		t.Errorf("Richman: gave %v, want a person", names(ms))
	}
}

// A name the labeller typed at a sentence's start that the article names
// nowhere else is an entity of its own ("Tasmania was excluded").
func TestInitialNameAlone(t *testing.T) {
	s := labelled("Tasmania/NNP/B-GPE was/VBD/O excluded/VBN/O ./././O")
	ms := findMentions(s)
	if len(ms) != 1 || ms[0].rule != "initial" {
		t.Fatalf("mentions %v", names(ms))
	}
	cs := clusterMentions(ms)
	if len(cs) != 1 || cs[0].typ != kg.GPE || len(cs[0].members) != 1 {
		t.Errorf("clusters %+v", cs)
	}
}

package loader

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp"
)

// tagged builds the words of a sentence written "word/TAG word/TAG ..."
// (or "word/TAG/rel" with the word's dependency relation);
// a word written "~word/TAG" is joined to the one before it without a
// space ("T-shirt" is "T/NNP ~-/HYPH ~shirt/NN"). Lemmas are the
// lower-cased words with a plural -s dropped, enough for these checks.
func tagged(s string) []nlp.Word {
	var ws []nlp.Word
	pos := 0
	for i, f := range strings.Fields(s) {
		joined := strings.HasPrefix(f, "~")
		f = strings.TrimPrefix(f, "~")
		if i > 0 && !joined {
			pos++
		}
		rel := ""
		if parts := strings.Split(f, "/"); len(parts) == 3 && parts[0] != "" {
			rel, f = parts[2], parts[0]+"/"+parts[1]
		}
		k := strings.LastIndex(f, "/")
		text, tag := f[:k], f[k+1:]
		lemma := strings.ToLower(text)
		if tag == "NNS" {
			lemma = strings.TrimSuffix(lemma, "s")
		}
		ws = append(ws, nlp.Word{Text: text, Start: pos, End: pos + len(text), XPOS: tag, Lemma: lemma, Head: -1, Rel: rel})
		pos += len(text)
	}
	return ws
}

func concept(start, end, head int) arg {
	return arg{node: kg.Node{Type: kg.Concept, Name: "x"}, phrase: phrase{start: start, end: end, head: head}, ok: true}
}

func TestClauseSubject(t *testing.T) {
	tests := []struct {
		name, words string
		start, end  int
		want        bool
	}{
		{"a verb first", "be/VB the/DT first/JJ U.S./NNP city/NN to/TO elect/VB a/DT mayor/NN", 0, 5, true},
		{"an adverb and a preposition", "notably/RB among/IN black/JJ voters/NNS", 0, 4, true},
		{"an adverb and a comma", "now/RB ,/, in/IN November/NNP ,/, Trump/NNP finds/NNS", 0, 7, true},
		{"a free relative", "What/WP voters/NNS make/VBP of/IN this/DT", 0, 2, true},
		{"a pronoun and its verb", "it/PRP 's/VBZ stuff/NN", 0, 3, true},
		{"a relative pronoun inside", "99/CD of/IN which/WDT have/VBP capped/VBN rents/NNS", 0, 3, true},
		{"a quantity", "up/RB to/TO 10,000/CD migrants/NNS", 0, 4, false},
		{"a demonstrative", "that/DT family/NN", 0, 2, false},
		{"a noun phrase", "the/DT new/JJ government/NN entity/NN", 0, 4, false},
		{"a gerund", "burning/VBG gas/NN", 0, 2, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ws := tagged(tc.words)
			if got := clauseSubject(ws, phrase{start: tc.start, end: tc.end, head: tc.end - 1}); got != tc.want {
				t.Errorf("clauseSubject(%q) = %v, want %v", tc.words, got, tc.want)
			}
		})
	}
}

func TestTimeSubject(t *testing.T) {
	tests := []struct {
		name, words string
		end, head   int
		want        bool
	}{
		{"a stretch of time", "only/RB two/CD weeks/NNS assemble/VBP a/DT robot/NN", 3, 2, true},
		{"hours", "many/JJ hours/NNS", 2, 1, true},
		{"a part of a day", "this/DT morning/NN", 2, 1, true},
		{"a date the parse left to quantities", "26/CD December/NNP 2019/CD", 3, 2, true},
		{"a team", "the/DT team/NN", 2, 1, false},
		{"a number of people", "two/CD officers/NNS", 2, 1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := timeSubject(tagged(tc.words), concept(0, tc.end, tc.head)); got != tc.want {
				t.Errorf("timeSubject(%q) = %v, want %v", tc.words, got, tc.want)
			}
		})
	}
	date := arg{node: kg.Node{Type: kg.Date, Name: "2019-12-26"}, phrase: phrase{0, 1, 0}}
	if !timeSubject(tagged("yesterday/NN"), date) {
		t.Error("a date is a subject")
	}
}

func TestBareObject(t *testing.T) {
	tests := []struct {
		name, pred, word string
		want             bool
	}{
		{"an adjective the verb's object lost", "keep", "open/JJ", true},
		{"what was made clear", "make", "clear/JJ", true},
		{"a wh-word", "know", "why/WRB", true},
		{"an adverb after a passive", "be allowed", "inside/RB", true},
		{"a copula", "be", "illegal/JJ", false},
		{"a linking verb", "remain", "closed/JJ", false},
		{"a control verb's copula", "want to be", "rich/JJ", false},
		{"a passive's adjective", "be pronounced", "dead/JJ", false},
		{"a noun", "keep", "door/NN", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := bareObject(tagged(tc.word), tc.pred, concept(0, 1, 0)); got != tc.want {
				t.Errorf("bareObject(%s | %s) = %v, want %v", tc.pred, tc.word, got, tc.want)
			}
		})
	}
}

func TestClauseObject(t *testing.T) {
	tests := []struct {
		name, verb, words string
		want              bool
	}{
		{"a clause after a verb that takes none", "burn", "it/PRP releases/VBZ carbon/NN", true},
		{"a verb for an object", "be", "follows/VBZ", true},
		{"a quotation", "have", "I/PRP 've/VBP never/RB blindsided/VBN my/PRP$ grandmother/NN", true},
		{"what is known", "know", "somebody/NN is/VBZ watching/VBG him/PRP", false},
		{"what is felt", "feel", "Mohamed/NNP had/VBD been/VBN subject/JJ to/IN Islamophobia/NNP", false},
		{"a relative clause of the object", "use", "this/DT sketchbook/NN that/WDT she/PRP carried/VBD", false},
		{"a noun's clause", "redouble", "efforts/NNS to/TO ensure/VB that/IN populations/NNS receive/VBP doses/NNS", false},
		{"a noun the tagger took for a verb", "explain", "their/PRP$ split/VBD", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ws := tagged(tc.words)
			if got := clauseObject(ws, tc.verb, concept(0, len(ws), 0)); got != tc.want {
				t.Errorf("clauseObject(%s | %s) = %v, want %v", tc.verb, tc.words, got, tc.want)
			}
		})
	}
}

func TestCutAtHyphen(t *testing.T) {
	ws := tagged("a/DT NASA/NNP T/NNP ~-/HYPH ~shirt/NN from/IN the/DT Spokesman/NNP ~-/HYPH ~Review/NNP and/CC Rutgers/NNP University/NNP –/SYM New/NNP Brunswick/NNP")
	tests := []struct {
		name string
		a    arg
		want bool
	}{
		{"before a hyphen", concept(1, 3, 2), true},
		{"after a hyphen", concept(9, 10, 9), true},
		{"the whole word", concept(1, 5, 4), false},
		{"a name before an en dash", concept(11, 13, 12), false},
		{"an entity whose name is whole", arg{node: kg.Node{Type: kg.Organization, Name: "Spokesman-Review"}, phrase: phrase{7, 8, 7}}, false},
		{"an entity cut", arg{node: kg.Node{Type: kg.Organization, Name: "Spokesman"}, phrase: phrase{7, 8, 7}}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cutAtHyphen(ws, tc.a); got != tc.want {
				t.Errorf("cutAtHyphen(%v) = %v, want %v", tc.a.phrase, got, tc.want)
			}
		})
	}
}

func TestSiteNotice(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"This website uses cookies to improve your experience .", true},
		{"Continued use of the website gives consent to our use of cookies .", true},
		{"Some comments may be republished on the website or in our newspaper .", true},
		{"Our advertising department can be reached at ads@example.com .", true},
		{"The bakery sold cookies to the mayor .", false},
		{"The website was blocked in Turkey for more than two years .", false},
		{"Readers can email the mayor at mayor@city.gov .", false},
	}
	for _, tc := range tests {
		var ws []nlp.Word
		for _, w := range strings.Fields(tc.sentence) {
			ws = append(ws, nlp.Word{Text: w})
		}
		if got := siteNotice(ws); got != tc.want {
			t.Errorf("siteNotice(%q) = %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

func TestGarbledPredicate(t *testing.T) {
	tests := []struct {
		name, words string
		want        bool
	}{
		{"a time before the verb", "on/IN/case Wednesday/NNP/obl will/MD/aux travel/VB/root", true},
		{"a pronoun before the verb", "it/PRP/nsubj was/VBD/aux took/VBD/root", true},
		{"a past form after to", "appear/VBP/root to/TO/mark taken/VBN/xcomp", true},
		{"two copulas", "is/VBZ/cop be/VB/cop", true},
		{"a verb group", "has/VBZ/aux had/VBN/root to/TO/mark close/VB/xcomp", false},
		{"a copular adjective", "were/VBD/cop able/JJ/root to/TO/mark reinforce/VB/xcomp", false},
		{"a particle", "took/VBD/root down/RP/compound:prt", false},
		{"a passive", "was/VBD/aux:pass turned/VBN/root away/RB/advmod", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ws := tagged(tc.words)
			var rel []int
			for k := range ws {
				rel = append(rel, k)
			}
			if got := garbledPredicate(ws, rel); got != tc.want {
				t.Errorf("garbledPredicate(%q) = %v, want %v", tc.words, got, tc.want)
			}
		})
	}
}

func TestShouted(t *testing.T) {
	tests := []struct {
		node kg.Node
		want bool
	}{
		{kg.Node{Type: kg.Concept, Name: "ACCIDENT"}, true},
		{kg.Node{Type: kg.Concept, Name: "ARRESTS"}, true},
		{kg.Node{Type: kg.Concept, Name: "Accident"}, false},
		{kg.Node{Type: kg.Concept, Name: "UN"}, false},
		{kg.Node{Type: kg.Organization, Name: "NASA"}, false},
	}
	for _, tc := range tests {
		if got := shouted(arg{node: tc.node}); got != tc.want {
			t.Errorf("shouted(%s %q) = %v, want %v", tc.node.Type, tc.node.Name, got, tc.want)
		}
	}
}

func TestBareWordNoun(t *testing.T) {
	ws := tagged("the/DT name/NN of/IN the/DT browser/NN and/CC the/DT word/NN scientology/NN")
	tests := []struct {
		name string
		a    arg
		want bool
	}{
		{"the name alone", arg{node: kg.Node{Type: kg.Concept, Name: "name"}, phrase: phrase{1, 2, 1}}, true},
		{"the word alone", arg{node: kg.Node{Type: kg.Concept, Name: "word"}, phrase: phrase{7, 8, 7}}, true},
		{"the name of something", arg{node: kg.Node{Type: kg.Concept, Name: "name of the browser"}, phrase: phrase{1, 5, 1}}, false},
		{"another noun", arg{node: kg.Node{Type: kg.Concept, Name: "browser"}, phrase: phrase{4, 5, 4}}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := bareWordNoun(ws, tc.a); got != tc.want {
				t.Errorf("bareWordNoun(%q) = %v, want %v", tc.a.node.Name, got, tc.want)
			}
		})
	}
}

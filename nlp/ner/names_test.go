package ner_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/nlp/token"
)

// analyse tokenizes, tags and labels a text as the loader does.
func analyse(t *testing.T, text string) [][]nlp.Word {
	t.Helper()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	var doc [][]nlp.Word
	for _, s := range token.Split(text) {
		p.Annotate(&s)
		doc = append(doc, s.Words)
	}
	p.AnnotateDocument(doc)
	return doc
}

// names returns "TYPE:text" for each labelled span, text as written.
func names(text string, doc [][]nlp.Word) []string {
	var out []string
	for _, ws := range doc {
		for i := 0; i < len(ws); i++ {
			if !strings.HasPrefix(ws[i].NER, "B-") {
				continue
			}
			j := i + 1
			for j < len(ws) && ws[j].NER == "I-"+ws[i].NER[2:] {
				j++
			}
			out = append(out, ws[i].NER[2:]+":"+text[ws[i].Start:ws[j-1].End])
			i = j - 1
		}
	}
	return out
}

// TestWholeNames checks that names written with hyphens come out as one
// span of the right type, through our tokenizer, tagger and labeller.
// Nothing in the model lists these names: the hyphen-joined word features
// and the training data keep them whole.
//
// Known failures are logged rather than failed, so that the test reports
// them without hiding a regression in the others: the shipped model misses
// "Leung Kwok-hung" after "lawmaker" altogether (Cantonese names are rare
// in the training data and the name lists; a model trained with another
// seed finds it).
func TestWholeNames(t *testing.T) {
	for _, tc := range []struct {
		text, want string
		known      bool
	}{
		{"North Korean leader Kim Jong-un inspected the missile site on Tuesday.", "PERSON:Kim Jong-un", false},
		// the labeller trained on the EWT + GUM tagger's tags reads this one
		// as a place; a place the gazetteer does not know is no agent of a
		// passive verb, so it is an organization
		{"The attack was claimed by al-Qaeda, officials said.", "ORGANIZATION:al-Qaeda", false},
		{"Osama bin Laden founded al-Qaeda in 1988.", "ORGANIZATION:al-Qaeda", false},
		{"Far-right leader Jean-Marie Le Pen was fined again.", "PERSON:Jean-Marie Le Pen", false},
		{"Lawmaker Cheng Chung-tai was arrested in Hong Kong.", "PERSON:Cheng Chung-tai", false},
		{"The Iraqi newspaper Az-Zaman reported the deaths.", "ORGANIZATION:Az-Zaman", false},
		{"Az-Zaman, an Iraqi daily, reported the deaths.", "ORGANIZATION:Az-Zaman", false},
		{"Pro-democracy lawmaker Leung Kwok-hung was sworn in.", "PERSON:Leung Kwok-hung", true},
		{"The Yonhap news agency said the missile flew 500 km.", "ORGANIZATION:Yonhap", false},
		{"The missile flew 500 km, the Yonhap news agency said.", "ORGANIZATION:Yonhap", false},
		{"The Saudi Gazette newspaper said the talks had failed.", "ORGANIZATION:Saudi Gazette", false},
		{"The talks had failed, AFP reported.", "ORGANIZATION:AFP", false},
		{"A spokesman told the news agency AFP that the talks had failed.", "ORGANIZATION:AFP", false},
		{"The militant group al-Shabaab claimed the attack.", "ORGANIZATION:al-Shabaab", false},
	} {
		t.Run(tc.want, func(t *testing.T) {
			got := names(tc.text, analyse(t, tc.text))
			for _, g := range got {
				if g == tc.want {
					return
				}
			}
			if tc.known {
				t.Logf("known failure: %q: got %q, want %s", tc.text, got, tc.want)
				return
			}
			t.Errorf("%q: got %q, want %s", tc.text, got, tc.want)
		})
	}
}

// TestStormNames: a storm is an event, named with its kind ("Cyclone
// Phailin") and, once so named, alone ("Phailin") anywhere in the text.
func TestStormNames(t *testing.T) {
	text := "Cyclone Phailin hit the coast of Odisha on Saturday. Officials said Phailin had weakened by Sunday. Hurricane Katrina struck New Orleans in 2005."
	got := names(text, analyse(t, text))
	for _, want := range []string{"EVENT:Cyclone Phailin", "EVENT:Phailin", "EVENT:Hurricane Katrina"} {
		found := false
		for _, g := range got {
			found = found || g == want
		}
		if !found {
			t.Errorf("%s missing in %q", want, got)
		}
	}
	for _, g := range got {
		if strings.HasSuffix(g, ":Phailin") && g != "EVENT:Phailin" || strings.HasSuffix(g, ":Katrina") {
			t.Errorf("a storm's name typed otherwise: %s", g)
		}
	}
}

// TestDefinedAcronym: "the World Health Organisation (WHO)" makes WHO an
// organization wherever it stands, even where it reads like "who".
func TestDefinedAcronym(t *testing.T) {
	text := "The World Health Organisation (WHO) recommends that every country should iodise salt. WHO say iodine deficiency is common."
	got := names(text, analyse(t, text))
	n := 0
	for _, g := range got {
		if g == "ORGANIZATION:WHO" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("WHO as an organization %d times in %q, want 2", n, got)
	}
}

// TestDocumentReferences: "Tab 3", "Exhibit B" and "Figure 2" are parts
// of a document, not names.
func TestDocumentReferences(t *testing.T) {
	text := "The contract is at Tab 3 of the binder. Exhibit B shows the loan. Figure 2 plots the rates in Ohio."
	for _, g := range names(text, analyse(t, text)) {
		if strings.Contains(g, "Tab") || strings.Contains(g, "Exhibit") || strings.Contains(g, "Figure") {
			t.Errorf("a document reference as a name: %s", g)
		}
	}
}

// TestTownsAfterPrepositions: a town whose name is also a surname is a
// place after "from", "in", "at" or "near", not a person.
func TestTownsAfterPrepositions(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"A man from Dover was arrested on Friday.", "GPE:Dover"},
		{"Police in Preston said a woman from Hastings had died.", "GPE:Hastings"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			got := names(tc.text, analyse(t, tc.text))
			for _, g := range got {
				if g == tc.want {
					return
				}
			}
			t.Errorf("%q: got %q, want %s", tc.text, got, tc.want)
		})
	}
}

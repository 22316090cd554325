package loader

import (
	_ "embed" // the scorer
	"fmt"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader/openie"
	"github.com/newsgraph/newsgraph/nlp"
)

// A statement's confidence is the probability, learned from statements
// that independent judges labelled against their sentences
// (testdata/judged, docs/judging.md), that a reader would agree the
// article states it as shown. The model is the logistic one the Open IE
// calibration uses (openie.Calibrator), over the features below: the
// tuple's own (its shape and parse, and its CaRB-calibrated confidence),
// how its subject and object were found (a name, a pronoun, a
// description), what they are, its qualifiers, and where in the article
// it is. `newsgraph train scorer` learns it (eval/facts); without a
// trained model a statement keeps its calibrated confidence.

//go:embed scorer.json
var scorerJSON []byte

var scorer = sync.OnceValues(func() (*openie.Calibrator, error) {
	c, err := openie.ParseCalibrator(scorerJSON)
	if err != nil {
		return nil, fmt.Errorf("statement scorer: %w", err)
	}
	return c, nil
})

// statementFeatures describes a statement for the scorer.
func (x *sentenceExtractor) statementFeatures(tp openie.Tuple, sa, oa arg, st kg.Statement) []string {
	f := openie.Features(x.ws, tp)
	add := func(parts ...string) { f = append(f, "st:"+strings.Join(parts, "")) }
	add("carb=", bucketF(tp.Confidence, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8))
	add("subjres=", sa.resolved)
	add("objres=", oa.resolved)
	add("subj=", nodeKind(st.Subject))
	add("obj=", nodeKind(st.Object))
	add("subj=", nodeKind(st.Subject), "&obj=", nodeKind(st.Object))
	add("subjlen=", bucketI(len(strings.Fields(st.Subject.Name)), 1, 2, 3, 5, 8))
	add("objlen=", bucketI(len(strings.Fields(st.Object.Name)), 1, 2, 3, 5, 8, 12))
	add("predlen=", bucketI(len(strings.Fields(st.Predicate)), 1, 2, 3, 4))
	if p := strings.Fields(st.Predicate); len(p) > 0 {
		switch p[0] {
		case "be", "have", "say", "do", "make", "get", "take", "give", "become", "include":
			add("pred=", p[0])
		}
	}
	add("mod=", modalityClass(st.Modality))
	if st.Negated {
		add("negated")
	}
	if st.AttributedTo != nil {
		add("attributed")
	}
	if st.Time != "" {
		add("time")
		if st.Date == "" {
			add("time-unplaced")
		}
	}
	if st.Place != "" {
		add("place")
	}
	add("args=", bucketI(len(st.Arguments), 0, 1, 2))
	add("sent=", bucketI(x.sent.Index, 0, 1, 3, 6, 12))
	add("words=", bucketI(len(x.ws), 8, 15, 25, 40))
	if inQuotes(x.ws, tp.Verb) {
		add("quoted")
		if st.AttributedTo == nil {
			add("quoted-unattributed") // rule 5 of the guide
		}
	}
	if st.AttributedTo == nil && x.firstPerson() {
		add("first-person-unattributed") // "we need to make sure ..."
	}
	for _, side := range []struct {
		name string
		a    arg
		n    kg.Node
	}{{"subj", sa, st.Subject}, {"obj", oa, st.Object}} {
		p := side.a.phrase
		if p.end <= p.start || p.head < 0 || p.head >= len(x.ws) {
			continue
		}
		h := x.ws[p.head]
		add(side.name, "head=", h.XPOS)
		add(side.name, "first=", firstClass(x.ws[p.start]))
		if side.n.Type == kg.Concept {
			add(side.name, "suffix=", nominalSuffix(strings.ToLower(h.Text)))
		}
		if p.end-p.start == 1 && side.n.Type == kg.Concept {
			add(side.name, "=bare-noun")
		}
		for k := p.start; k < p.end; k++ {
			if v := x.ws[k].XPOS; v == "VBD" || v == "VBZ" || v == "VBP" || v == "MD" {
				add(side.name, "=has-finite-verb")
				break
			}
		}
	}
	if tp.Verb >= 0 {
		add("verbrel=", x.ws[tp.Verb].Rel)
		if light[verbLemma(x.ws[tp.Verb])] {
			add("light-verb")
		}
	}
	for _, n := range []kg.Node{st.Subject, st.Object} {
		if n.Type == kg.Concept && startsLower(n.Name) {
			add("generic=", bucketI(len(strings.Fields(n.Name)), 1, 2))
		}
	}
	return f
}

// light verbs carry little meaning of their own: "take place", "make a
// decision", "have a chance".
var light = map[string]bool{"take": true, "make": true, "have": true, "give": true, "get": true, "do": true, "put": true}

// firstPerson reports a first-person pronoun in the sentence.
func (x *sentenceExtractor) firstPerson() bool {
	for _, w := range x.ws {
		switch strings.ToLower(w.Text) {
		case "i", "we", "me", "us", "our", "my":
			return true
		}
	}
	return false
}

// firstClass is the kind of a phrase's first word: a determiner of
// which kind, a number, a name, a plain word.
func firstClass(w nlp.Word) string {
	switch l := strings.ToLower(w.Text); {
	case l == "the" || l == "a" || l == "an":
		return "article"
	case l == "this" || l == "that" || l == "these" || l == "those":
		return "demonstrative"
	case w.XPOS == "PRP$" || w.XPOS == "POS":
		return "possessive"
	case w.XPOS == "CD":
		return "number"
	case w.XPOS == "NNP" || w.XPOS == "NNPS":
		return "name"
	case w.XPOS == "DT" || w.XPOS == "PDT":
		return "quantifier"
	case w.XPOS == "WP" || w.XPOS == "WDT" || w.XPOS == "WRB":
		return "wh"
	}
	return "other"
}

// nominalSuffix classes a common noun by its ending: nominalizations
// ("attempts", "importance") name events and qualities, not actors.
func nominalSuffix(s string) string {
	s = strings.TrimSuffix(s, "s")
	for _, suf := range []string{"tion", "sion", "ment", "ness", "ity", "ance", "ence", "ing", "ism", "er", "or", "ist", "ian"} {
		if strings.HasSuffix(s, suf) {
			return suf
		}
	}
	return "none"
}

// nodeKind is a node's type, "value" types by name.
func nodeKind(n kg.Node) string { return strings.ToLower(string(n.Type)) }

func modalityClass(m string) string {
	switch strings.ToLower(m) {
	case "":
		return "none"
	case "will", "would", "shall", "'ll":
		return "future"
	case "can", "could", "may", "might", "must", "should":
		return "modal"
	case "if", "purpose":
		return m
	}
	return "embedded"
}

func inQuotes(ws []nlp.Word, k int) bool {
	if k < 0 {
		return false
	}
	n := 0
	for _, w := range ws[:k] {
		if isQuote(w.Text) {
			n++
		}
	}
	return n%2 == 1
}

func startsLower(s string) bool { return s != "" && !isCapitalized(s) }

func bucketI(n int, edges ...int) string {
	for _, e := range edges {
		if n <= e {
			return fmt.Sprint("<=", e)
		}
	}
	return fmt.Sprint(">", edges[len(edges)-1])
}

func bucketF(x float64, edges ...float64) string {
	for _, e := range edges {
		if x < e {
			return fmt.Sprint("<", e)
		}
	}
	return fmt.Sprint(">=", edges[len(edges)-1])
}

// StatementKey names a statement the way judged sets do: its sentence,
// subject, predicate and object.
type StatementKey struct {
	Sentence                   int
	Subject, Predicate, Object string
}

// KeyOf is the key of a statement.
func KeyOf(st kg.Statement) StatementKey {
	return StatementKey{st.Sentence, st.Subject.Name, st.Predicate, st.Object.Name}
}

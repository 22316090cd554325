package loader

import (
	"strings"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader/openie"
)

// currencies are the symbols the tokenizer splits off amounts ("$" "4.5").
var currencies = map[string]string{"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}

// arg is a resolved argument: the node and how it was found.
type arg struct {
	node     kg.Node
	phrase   phrase
	resolved string // "" for a name, "pronoun", "description"
	ok       bool
}

func trimDeterminer(s string) string {
	for _, d := range []string{"the ", "a ", "an ", "The ", "A ", "An "} {
		if strings.HasPrefix(s, d) {
			return s[len(d):]
		}
	}
	return s
}

// resolve turns a noun phrase into a node: the entity it names (directly,
// or through a pronoun or a definite description), a quantity, a date, or
// a concept. ok is false for arguments that stay vacuous: an unresolved
// pronoun, "nothing".
func (x *sentenceExtractor) resolve(p phrase) arg {
	ws := x.ws
	a := arg{phrase: p}
	head := ws[p.head]
	lh := strings.ToLower(head.Text)
	if head.XPOS == "PRP" || head.XPOS == "EX" {
		if firstPersonSingular[lh] {
			// "I" is whoever speaks: the quotation's or the turn's
			// speaker when it is a person, else no one we can name
			if sp := x.speakerAt(p.head); sp != nil && sp.Type == kg.Person {
				a.node, a.resolved, a.ok = *sp, "pronoun", true
			}
			return a
		}
		if e := x.doc.pronoun(x.sent.Index, p.head); e >= 0 {
			a.node, a.resolved, a.ok = x.doc.node(e), "pronoun", true
			x.doc.addMention(e, x.sent, p.start, p.end, "pronoun")
		} else if n, ok := x.reporter(p.head); ok {
			a.node, a.resolved, a.ok = n, "reporter", true
		}
		return a
	}
	switch lh {
	case "nothing", "something", "anything", "everything", "none", "one", "ones", "many", "some", "others", "all", "both":
		return a
	}
	// A named entity whose name is the head of the phrase.
	if e := x.doc.entityAt(x.sent.Index, p.head); e >= 0 {
		a.node, a.ok = x.doc.node(e), true
		return a
	}
	// A description that its apposition names: "hired a new chief
	// executive, Maria Lopez," hired Maria Lopez.
	if e := x.apposedEntity(p.head); e >= 0 {
		a.node, a.resolved, a.ok = x.doc.node(e), "apposition", true
		x.doc.addMention(e, x.sent, p.start, p.end, "apposition")
		return a
	}
	// A possessor with a title head: "Mexico's president".
	if e := x.doc.description(x.sent.Index, p); e >= 0 {
		a.node, a.resolved, a.ok = x.doc.node(e), "description", true
		x.doc.addMention(e, x.sent, p.start, p.end, "description")
		return a
	}
	name := trimDeterminer(x.text(p.start, p.end))
	// "his office": the office of the person "his" refers to.
	if ws[p.start].XPOS == "PRP$" {
		e := x.doc.pronoun(x.sent.Index, p.start)
		if firstPersonSingular[strings.ToLower(ws[p.start].Text)] {
			e = -1
			if sp := x.speakerAt(p.start); sp != nil && sp.Type == kg.Person && p.end-p.start >= 2 {
				a.node, a.resolved, a.ok = kg.Node{Name: sp.Name + "'s " + x.text(p.start+1, p.end), Type: kg.Concept}, "pronoun", true
				return a
			}
		}
		if e < 0 {
			if p.end-p.start < 2 {
				return a
			}
			// an owner we cannot name: "the firm raised its prices" says
			// the firm raised prices
			a.node, a.resolved, a.ok = kg.Node{Name: x.text(p.start+1, p.end), Type: kg.Concept}, "possessor dropped", true
			return a
		}
		x.doc.addMention(e, x.sent, p.start, p.start+1, "pronoun")
		owner := x.doc.node(e).Name
		a.node, a.resolved, a.ok = kg.Node{Name: owner + "'s " + x.text(p.start+1, p.end), Type: kg.Concept}, "pronoun", true
		return a
	}
	if e := datePhrase(ws, p.start); e >= p.end {
		a.node, a.ok = kg.Node{Name: name, Type: kg.Date}, true
		return a
	}
	for k := p.start; k < p.end; k++ {
		if ws[k].XPOS != "CD" || isYear(ws[k].Text) {
			continue
		}
		v, used, ok := number(ws, k)
		if !ok {
			break
		}
		unit := ""
		switch {
		case k+used < len(ws) && ws[k+used].Text == "%", k+used < len(ws) && strings.EqualFold(ws[k+used].Text, "percent"):
			unit = "percent"
		case k > 0 && currencies[ws[k-1].Text] != "":
			unit = currencies[ws[k-1].Text]
		default:
			unit = strings.ToLower(ws[p.head].Text)
			if p.head < k+used {
				unit = ""
			}
		}
		val := v
		a.node, a.ok = kg.Node{Name: name, Type: kg.Quantity, Value: &val, Unit: unit}, true
		return a
	}
	if lh == "%" {
		return a
	}
	a.node, a.ok = kg.Node{Name: name, Type: kg.Concept}, true
	return a
}

// reporter resolves a plural pronoun that is the subject of what a
// plural noun phrase says to that phrase, the subject of the saying:
// "Scientology officials have stated they have not received the
// materials" ("they" are the officials). The resolver handles names;
// this is for the people a description names.
func (x *sentenceExtractor) reporter(k int) (kg.Node, bool) {
	ws := x.ws
	switch strings.ToLower(ws[k].Text) {
	case "they", "we":
	default:
		return kg.Node{}, false
	}
	v := ws[k].Head
	if v < 0 || !strings.HasPrefix(ws[k].Rel, "nsubj") || ws[v].Rel != "ccomp" || ws[v].Head < 0 {
		return kg.Node{}, false
	}
	say := ws[v].Head
	if !reports(ws, say) {
		return kg.Node{}, false
	}
	for s := range ws {
		if ws[s].Head == say && ws[s].Rel == "nsubj" && (ws[s].XPOS == "NNS" || ws[s].XPOS == "NNPS") {
			a := x.resolve(x.namePhrase(x.core(openie.Arg{Words: x.subtree(s), Head: s})))
			return a.node, a.ok
		}
	}
	return kg.Node{}, false
}

// isTitleNoun reports whether a common noun names a role a person holds.
func isTitleNoun(s string) bool {
	return gazetteer.IsTitle(s)
}

// subtree is word h and the words under it, in order, without its
// relative clauses, appositions and punctuation.
func (x *sentenceExtractor) subtree(h int) []int {
	ws := x.ws
	in := make([]bool, len(ws))
	in[h] = true
	for changed := true; changed; {
		changed = false
		for k, w := range ws {
			if !in[k] && w.Head >= 0 && in[w.Head] && !(w.Head == h && (w.Rel == "acl:relcl" || w.Rel == "appos" || w.Rel == "punct")) {
				in[k], changed = true, true
			}
		}
	}
	var out []int
	for k, ok := range in {
		if ok {
			out = append(out, k)
		}
	}
	return out
}

// firstPersonSingular are the words a speaker names themself with.
var firstPersonSingular = map[string]bool{"i": true, "me": true, "my": true, "myself": true, "mine": true}

// speakerAt is who says word k (attribution, quotations, interview
// turns), nil for the article's own voice.
func (x *sentenceExtractor) speakerAt(k int) *kg.Node {
	if k < 0 || k >= len(x.attributed) {
		return nil
	}
	return x.attributed[k]
}

// apposedEntity is the entity (a person, an organization or a place) that
// names a common noun in apposition: a name set off by commas right after
// the noun ("hired the former president, Barack Obama, in ..."), the whole
// of what the comma and the next comma, dash or full stop hold, and not the next item of a list ("the
// president, Barack Obama, and ..."); -1 when there is none. The parser's
// relation for the name is not trusted: it reads such names as many
// things besides an apposition.
func (x *sentenceExtractor) apposedEntity(h int) int {
	ws := x.ws
	if ws[h].XPOS != "NN" && ws[h].XPOS != "NNS" || h+2 >= len(ws) || ws[h+1].Text != "," {
		return -1
	}
	e := x.doc.entityAt(x.sent.Index, h+2)
	if e < 0 {
		return -1
	}
	switch x.doc.node(e).Type {
	case kg.Person, kg.Organization, kg.GPE, kg.Location:
	default:
		return -1
	}
	j := h + 2
	for j < len(ws) && x.doc.entityAt(x.sent.Index, j) == e {
		j++
	}
	switch {
	case j == len(ws) || ws[j].Text == "." || ws[j].Text == ";" || dashes[ws[j].Text]:
		return e
	case ws[j].Text != ",":
		return -1
	case j+1 < len(ws) && (ws[j+1].Text == "and" || ws[j+1].Text == "or"):
		return -1
	}
	return e
}

// Package openie extracts relation tuples from dependency parses: for each
// clause, its subject, its relation (the verb with its auxiliaries,
// negation and particles) and its arguments (objects, complements and
// prepositional phrases), with conjuncts, relative clauses, appositions
// and copulas turned into tuples of their own.
//
// It works on a sentence's words, tags and Universal Dependencies tree and
// knows nothing of entities or the graph: the loader maps its arguments to
// nodes.
package openie

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
)

// columns is a parsed sentence by column, the form the rules read: one
// entry per word; Head is 0-based, -1 for the root.
type columns struct {
	Words, UPOS, XPOS, Lemma []string
	Head                     []int
	Rel                      []string
}

// columnsOf is the column form of the words of a sentence.
func columnsOf(ws []nlp.Word) columns {
	n := len(ws)
	s := columns{Words: make([]string, n), UPOS: make([]string, n), XPOS: make([]string, n),
		Lemma: make([]string, n), Head: make([]int, n), Rel: make([]string, n)}
	for i, w := range ws {
		s.Words[i], s.UPOS[i], s.XPOS[i], s.Lemma[i], s.Head[i], s.Rel[i] = w.Text, w.UPOS, w.XPOS, w.Lemma, w.Head, w.Rel
	}
	return s
}

// Arg is an argument: its words (indexes into the sentence, ascending).
type Arg struct {
	Words []int
	Head  int
}

// Tuple is one extraction.
type Tuple struct {
	Subject    Arg
	Rel        []int // relation words, ascending
	Prep       int   // preposition that introduces Args[0] and joins the relation, -1 if none
	Args       []Arg // objects and other arguments, in sentence order after the first
	Verb       int   // the clause's predicate word
	Negated    bool
	Modal      string
	Confidence float64
	Kind       Kind
}

// Kind is where a tuple comes from.
type Kind uint8

// Kinds of tuples.
const (
	Clause     Kind = iota // a verb or copula with its arguments
	Apposition             // "X, the president": X be the president
	Possessive             // "Mexico's president": Mexico has president
	Attribute              // "illegal businesses": businesses be illegal
)

type tree struct {
	s    columns
	kids [][]int
}

func newTree(s columns) *tree {
	t := &tree{s: s, kids: make([][]int, len(s.Words))}
	for d, h := range s.Head {
		if h >= 0 && h < len(s.Words) && !inCycle(s.Head, d) {
			t.kids[h] = append(t.kids[h], d)
		}
	}
	return t
}

// inCycle reports whether word d's chain of heads comes back to d. A
// parse with such a loop (a repair can make one) would make every walk of
// the tree endless: the words of the loop are left without a head.
func inCycle(head []int, d int) bool {
	h := head[d]
	for steps := 0; h >= 0 && h < len(head) && steps < len(head); steps++ {
		if h == d {
			return true
		}
		h = head[h]
	}
	return false
}

func (t *tree) child(h int, rels ...string) int {
	for _, k := range t.kids[h] {
		for _, r := range rels {
			if t.s.Rel[k] == r {
				return k
			}
		}
	}
	return -1
}

// span collects the subtree of i, leaving out the children for which skip
// says so (and their subtrees), and trims punctuation at the edges.
func (t *tree) span(i int, skip func(k int) bool) Arg {
	var out []int
	var walk func(int)
	walk = func(n int) {
		out = append(out, n)
		for _, k := range t.kids[n] {
			if skip != nil && skip(k) {
				continue
			}
			walk(k)
		}
	}
	walk(i)
	sort.Ints(out)
	for len(out) > 0 && t.s.UPOS[out[0]] == "PUNCT" {
		out = out[1:]
	}
	for len(out) > 0 && t.s.UPOS[out[len(out)-1]] == "PUNCT" {
		out = out[:len(out)-1]
	}
	return Arg{Words: out, Head: i}
}

// nominal is an argument phrase: the subtree without relative clauses,
// appositions, coordinated conjuncts (they become arguments of their own)
// and parentheticals.
func (t *tree) nominal(i int) Arg {
	return t.span(i, func(k int) bool {
		switch t.s.Rel[k] {
		case "acl:relcl", "appos", "parataxis", "dep", "discourse", "vocative":
			return true
		case "conj", "cc":
			// the phrase's own conjuncts are tuples of their own
			// (coordinated); names coordinated inside it are part of it:
			// "deals with Netflix and Spotify"
			c := k
			if t.s.Rel[k] == "cc" {
				if c = t.s.Head[k]; c == i {
					return true // the phrase's own "and"
				}
			}
			h := t.s.Head[c]
			return h == i || t.s.UPOS[h] != "PROPN" || t.s.UPOS[c] != "PROPN"
		case "punct":
			return true
		}
		return false
	})
}

// subjectPhrase is a nominal as a subject: without the preposition or
// marker that introduced it elsewhere ("around the area, which includes")
// and without participle modifiers ("the session, taking place in 1960"),
// but with its apposition ("Trek's president, Dick Burke, says": CaRB dev
// F1 +0.2).
func (t *tree) subjectPhrase(i int) Arg {
	return t.span(i, func(k int) bool {
		switch t.s.Rel[k] {
		case "acl:relcl", "conj", "cc", "parataxis", "dep", "discourse", "vocative", "acl":
			return true
		case "case", "mark":
			return t.s.Head[k] == i
		}
		return false
	})
}

// conjuncts returns i and the words coordinated with it. A list without a
// conjunction after a person's age is the news convention for age and home
// town ("Cameron Horve, 27, Macon, was arrested"): the town is not a second
// person arrested.
func (t *tree) conjuncts(i int) []int {
	out := []int{i}
	for _, k := range t.kids[i] {
		// "North and South Korea": the names share their last word, and the
		// first is a name of its own ("North Korea")
		if k < i && t.s.Rel[k] == "compound" && compass[strings.ToLower(t.s.Words[k])] && t.s.UPOS[i] == "PROPN" && t.sharedHead(k, i) {
			out = append(out, k)
		}
	}
	for _, k := range t.kids[i] {
		if t.s.Rel[k] == "conj" && t.s.UPOS[k] == t.s.UPOS[i] || t.s.Rel[k] == "conj" && isNominal(t.s.UPOS[k]) && isNominal(t.s.UPOS[i]) {
			if t.ageBefore(i, k) && !t.hasConjunction(i) {
				continue
			}
			out = append(out, t.conjuncts(k)...)
		}
	}
	return out
}

// compass words make names of parts of a place ("North Korea", "West
// Germany") that coordination shares a last word between.
var compass = map[string]bool{"north": true, "south": true, "east": true, "west": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "upper": true, "lower": true,
	"central": true}

// IsCompass reports a compass or position word that names part of a
// place ("North", "Western", "Upper").
func IsCompass(w string) bool { return compass[strings.ToLower(w)] }

// sharedHead reports a name's first word k coordinated with the word right
// before the head i they share: "North and South Korea", "East and West
// Germany".
func (t *tree) sharedHead(k, i int) bool {
	for _, c := range t.kids[k] {
		if t.s.Rel[c] == "conj" && c == i-1 && t.s.UPOS[c] == "PROPN" {
			return true
		}
	}
	return false
}

// ageBefore reports a bare number between i and its conjunct k, set off
// by commas and attached to i: "Horve, 27, Macon".
func (t *tree) ageBefore(i, k int) bool {
	for _, c := range t.kids[i] {
		if c > i && c < k && t.s.UPOS[c] == "NUM" && c > 0 && t.s.Words[c-1] == "," && c+1 < len(t.s.Words) && t.s.Words[c+1] == "," {
			return true
		}
	}
	return false
}

// hasConjunction reports a conjunction ("and", "or") on one of i's
// conjuncts.
func (t *tree) hasConjunction(i int) bool {
	for _, k := range t.kids[i] {
		if t.s.Rel[k] != "conj" {
			continue
		}
		if t.child(k, "cc") >= 0 || t.hasConjunction(k) {
			return true
		}
	}
	return false
}

func isNominal(u string) bool { return u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM" }

func isPredicate(t *tree, i int) bool {
	u := t.s.UPOS[i]
	if u == "VERB" {
		return true
	}
	// a copular predicate: "X is the president", "X was happy"
	return t.child(i, "cop") >= 0
}

// controlNouns name an act, a chance or a quality whose infinitive or
// gerund has an agent other than the noun ("the effort to reduce", "a
// chance to show", "difficulties getting robots", "the importance of
// reopening"): the noun is never that clause's subject.
var controlNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`effort attempt bid plan decision chance opportunity way right ability
		need order call request push move campaign proposal promise offer threat goal aim intention
		desire wish willingness failure refusal reluctance importance difficulty trouble struggle
		permission pressure option choice freedom motivation reason means capacity commitment pledge vow
		determination readiness eagerness hope ambition mission task duty obligation responsibility
		initiative strategy approach incentive time luxury privilege honor honour pleasure courage
		urge temptation tendency habit power authority mandate`) {
		controlNouns[w] = true
	}
}

// hearsayVerbs, in the passive, say that a claim is about without saying
// whose it is: "is alleged to have stolen", "it is believed that".
var hearsayVerbs = map[string]bool{"allege": true, "believe": true, "think": true, "say": true, "report": true,
	"rumor": true, "rumour": true, "understand": true, "suppose": true, "claim": true, "suspect": true,
	"estimate": true, "expect": true, "fear": true, "know": true, "presume": true, "assume": true}

// HearsayVerb reports whether a verb lemma is one of hearsayVerbs.
func HearsayVerb(lemma string) bool { return hearsayVerbs[strings.ToLower(lemma)] }

// ControlNoun reports whether a lower-cased noun lemma is one of
// controlNouns: a clause that hangs off it says what is attempted,
// planned or possible, not what happened.
func ControlNoun(lemma string) bool { return controlNouns[lemma] }

// prepositional reports a preposition marking the noun k ("in the
// '80s").
func (t *tree) prepositional(k int) bool {
	for _, c := range t.kids[k] {
		if c < k && t.s.Rel[c] == "case" && t.s.UPOS[c] == "ADP" {
			return true
		}
	}
	return false
}

// subject finds the subject of predicate v: its own, or inherited through
// coordination, control and relative clauses.
func (t *tree) subject(v int, depth int) (Arg, bool, float64) {
	if depth > 4 {
		return Arg{}, false, 0
	}
	if k := t.child(v, "nsubj", "nsubj:pass", "nsubj:outer", "csubj", "csubj:pass"); k >= 0 {
		if t.prepositional(k) {
			// "back in the '80s the Queens native sent": a phrase
			// with a preposition is no subject, whatever the parse says
			return Arg{}, false, 0
		}
		if a, ok := t.antecedent(k); ok {
			return a, true, -0.05
		}
		return t.subjectPhrase(k), true, 0
	}
	h := t.s.Head[v]
	if h < 0 {
		return Arg{}, false, 0
	}
	switch t.s.Rel[v] {
	case "conj":
		a, ok, c := t.subject(h, depth+1)
		return a, ok, c - 0.05
	case "xcomp":
		// the controller is the object when there is one ("asked Poland
		// to deliver"), else the subject
		if o := t.child(h, "obj", "iobj"); o >= 0 {
			return t.subjectPhrase(o), true, -0.1
		}
		a, ok, c := t.subject(h, depth+1)
		return a, ok, c - 0.05
	case "acl:relcl", "acl":
		if t.s.Rel[v] == "acl" && controlNouns[strings.ToLower(t.s.Lemma[h])] && t.s.XPOS[v] != "VBN" {
			// "Blinken's effort to reduce the influx", "made an effort
			// to reduce": the effort reduces nothing; whoever makes it
			// does, when the sentence says who.
			if p := t.child(h, "nmod:poss"); p >= 0 {
				return t.subjectPhrase(p), true, -0.15
			}
			if t.s.Rel[h] == "obj" && t.s.Head[h] >= 0 {
				a, ok, c := t.subject(t.s.Head[h], depth+1)
				return a, ok, c - 0.15
			}
			return Arg{}, false, 0
		}
		return t.subjectPhrase(h), true, -0.1
	case "advcl":
		if t.ecm(h) == v {
			return t.subjectPhrase(t.child(h, "obj")), true, -0.1
		}
		a, ok, c := t.subject(h, depth+1)
		return a, ok, c - 0.15
	}
	return Arg{}, false, 0
}

// predicateModifier is the first prepositional complement after a
// copular predicate ("the capital of France", "afraid of the dark"), or -1.
func (t *tree) predicateModifier(v int) int {
	for _, k := range t.kids[v] {
		if k > v && (t.s.Rel[k] == "nmod" || t.s.Rel[k] == "obl") && t.child(k, "case") >= 0 {
			return k
		}
	}
	return -1
}

// auxFits reports whether auxiliary k can go with verb v by v's form:
// "was" with a participle ("was sold ... and renamed"), "will" with a base
// form, never "was" with a past tense ("was born and became").
func auxFits(s columns, k, v int) bool {
	switch strings.ToLower(s.Lemma[k]) {
	case "be":
		return s.XPOS[v] == "VBN" || s.XPOS[v] == "VBG" && s.Rel[k] == "aux"
	case "have", "get":
		return s.XPOS[v] == "VBN"
	}
	// a base form, which the tagger may call a present tense after a
	// coordination ("could drive cars and ride trains")
	return s.XPOS[v] == "VB" || s.XPOS[v] == "VBP" && !strings.EqualFold(s.Lemma[v], "be")
}

// subordinator returns the word that introduces an adverbial clause: its
// mark ("because", "if") or a wh-adverb ("when", "where"), or -1.
func (t *tree) subordinator(k int) int {
	if m := t.child(k, "mark"); m >= 0 {
		return m
	}
	for _, c := range t.kids[k] {
		if c < k && t.s.Rel[c] == "advmod" && t.s.XPOS[c] == "WRB" {
			switch strings.ToLower(t.s.Words[c]) {
			case "when", "whenever", "where", "wherever":
				return c
			}
		}
	}
	return -1
}

// controlAdjective reports a copular adjective that lends its words to an
// infinitive complement: "were able to reinforce the hotel" -> (soldiers;
// were able to reinforce; the hotel).
func (t *tree) controlAdjective(h int) bool {
	if t.s.UPOS[h] != "ADJ" || t.child(h, "cop") < 0 {
		return false
	}
	for _, k := range t.kids[h] {
		if t.s.Rel[k] == "xcomp" && t.s.UPOS[k] == "VERB" && t.child(k, "mark") >= 0 {
			return true
		}
	}
	return false
}

// ecm finds the infinitive complement whose subject is v's object: "wants
// the United States to reopen the crossings" (the parser may call it xcomp
// or advcl). It returns the complement's verb or -1.
func (t *tree) ecm(v int) int {
	o := t.child(v, "obj")
	if o < 0 {
		return -1
	}
	for _, k := range t.kids[v] {
		if k > o && (t.s.Rel[k] == "xcomp" || t.s.Rel[k] == "advcl") && t.s.UPOS[k] == "VERB" {
			if m := t.child(k, "mark"); m > o && strings.EqualFold(t.s.Words[m], "to") {
				return k
			}
		}
	}
	return -1
}

// antecedent resolves a relative pronoun ("the man who left", "a match,
// which Keibler lost") to the noun its relative clause modifies.
func (t *tree) antecedent(k int) (Arg, bool) {
	x := t.s.XPOS[k]
	if x != "WDT" && x != "WP" && !(strings.EqualFold(t.s.Words[k], "that") && x != "DT") {
		return Arg{}, false
	}
	for v, steps := t.s.Head[k], 0; v >= 0 && steps < 4; v, steps = t.s.Head[v], steps+1 {
		if r := t.s.Rel[v]; r == "acl:relcl" || r == "advcl:relcl" {
			if h := t.s.Head[v]; h >= 0 {
				return t.subjectPhrase(h), true
			}
		}
	}
	return Arg{}, false
}

// argument is the phrase of an object or oblique word, with relative
// pronouns resolved.
func (t *tree) argument(k int) Arg {
	if a, ok := t.antecedent(k); ok {
		return a
	}
	return t.nominal(k)
}

// Extract finds the tuples of a parsed sentence (its words with their
// tags, lemmas, heads and relations), with calibrated confidences
// (DefaultCalibrator).
func Extract(s []nlp.Word) []Tuple {
	c, err := DefaultCalibrator()
	if err != nil {
		panic(err) // the embedded calibration is checked by the tests
	}
	return ExtractWith(s, c)
}

// ExtractWith is Extract with calibrator c; with nil, the confidences are
// the hand-set priors the calibrator's features start from.
func ExtractWith(s []nlp.Word, c *Calibrator) []Tuple {
	t := newTree(columnsOf(s))
	out := t.extract()
	if c != nil {
		for i := range out {
			out[i].Confidence = c.Confidence(t.features(out[i]))
		}
	}
	return out
}

func (t *tree) extract() []Tuple {
	s := t.s
	var out []Tuple
	for v := range s.Words {
		if !isPredicate(t, v) {
			continue
		}
		subj, ok, adj := t.subject(v, 0)
		if !ok || len(subj.Words) == 0 {
			continue
		}
		out = append(out, t.clause(v, subj, adj)...)
	}
	out = append(out, t.appositions()...)
	out = append(out, t.possessives()...)
	out = append(out, t.adjectives()...)
	return out
}

// adjectives: "illegal drug businesses" -> (drug businesses; be; illegal).
// They come late (confidence 0.35; 44% precision on CaRB dev): they raise
// recall at low thresholds (AUC 36.8 -> 38.2) but are rarely facts worth a
// graph edge.
func (t *tree) adjectives() []Tuple {
	var out []Tuple
	for k, r := range t.s.Rel {
		h := t.s.Head[k]
		if r != "amod" || h < 0 || t.s.XPOS[k] != "JJ" || len(t.kids[k]) > 0 || quantifier[strings.ToLower(t.s.Words[k])] {
			continue
		}
		// the noun with its compound parts only: "illegal drug businesses"
		noun := t.span(h, func(x int) bool { return !strings.HasPrefix(t.s.Rel[x], "compound") || x == k })
		out = append(out, Tuple{Subject: noun, Verb: -1, Prep: -1, Args: []Arg{{Words: []int{k}, Head: k}}, Confidence: 0.35, Kind: Attribute})
	}
	return out
}

// quantifier are adjectives that count or order rather than describe:
// "several miles" says nothing about miles.
var quantifier = map[string]bool{
	"many": true, "much": true, "few": true, "several": true, "other": true, "such": true, "same": true,
	"own": true, "last": true, "next": true, "first": true, "second": true, "third": true, "former": true,
	"latter": true, "various": true, "certain": true, "further": true, "additional": true, "more": true,
	"most": true, "less": true, "least": true, "only": true, "main": true, "entire": true, "whole": true,
}

// possessives: "Mexico's president" -> (Mexico; has; president). CaRB's
// annotators rarely write these (20% precision on dev): confidence 0.15.
func (t *tree) possessives() []Tuple {
	var out []Tuple
	for k, r := range t.s.Rel {
		h := t.s.Head[k]
		if r != "nmod:poss" || h < 0 || t.s.UPOS[k] == "PRON" {
			continue
		}
		owner := t.span(k, func(x int) bool { return t.s.Rel[x] == "case" || t.s.Rel[x] == "punct" })
		owned := t.span(h, func(x int) bool {
			switch t.s.Rel[x] {
			case "nmod:poss", "det", "acl:relcl", "appos", "conj", "cc", "punct", "acl", "nmod", "case", "mark":
				return true
			}
			return false
		})
		out = append(out, Tuple{Subject: owner, Verb: -1, Prep: -1, Args: []Arg{owned}, Confidence: 0.15, Kind: Possessive})
	}
	return out
}

// clause builds the tuples of predicate v with subject subj.
func (t *tree) clause(v int, subj Arg, adj float64) []Tuple {
	tp := Tuple{Subject: subj, Verb: v, Prep: -1, Confidence: 0.7 + adj}
	if h := t.s.Head[v]; h >= 0 && t.ecm(h) == v {
		tp.Modal = strings.ToLower(t.s.Lemma[h]) // "wants X to reopen": X reopen, modality "want"
	}
	rel, cop := t.verbGroup(v, &tp)
	objs := t.copularPredicate(v, cop, &rel, &tp)
	sources := t.controlVerb(v, &rel, &tp)
	sort.Ints(rel)
	tp.Rel = rel
	args, ok := t.clauseArguments(v, cop, sources, &tp)
	if !ok {
		return nil // a complement's tuple carries this verb
	}
	t.orderArguments(v, objs, args, &tp)
	return t.coordinated(tp)
}

// verbGroup is the relation words of predicate v (auxiliaries, copula,
// particle, negation, adverbs inside the group, and the auxiliaries a
// coordinated verb shares with the first), with the clause's modality and
// negation set on tp; cop is v's copula, -1 if none.
func (t *tree) verbGroup(v int, tp *Tuple) (rel []int, cop int) {
	s := t.s
	cop = t.child(v, "cop")
	if cop >= 0 && s.UPOS[v] == "VERB" && (s.XPOS[v] == "VBN" || s.XPOS[v] == "VBG") {
		// "were identified" with "were" parsed as a copula: a passive or
		// progressive verb group, not a predicate nominal
		cop = -1
	}
	for _, k := range t.kids[v] {
		switch s.Rel[k] {
		case "aux", "aux:pass":
			rel = append(rel, k)
			if s.XPOS[k] == "MD" {
				tp.Modal = strings.ToLower(s.Words[k])
			}
		case "cop":
			rel = append(rel, k)
		case "compound:prt":
			rel = append(rel, k)
		case "advmod":
			if isNegation(s.Words[k]) && !t.notOnly(k) || t.noLonger(k) || t.yetTo(k) {
				rel = append(rel, k)
				tp.Negated = true
			}
		}
	}
	// A coordinated verb without a subject or auxiliary of its own shares
	// the first verb's: "was sold to X and renamed to Y" -> (...; was
	// renamed to; Y).
	if h := s.Head[v]; s.Rel[v] == "conj" && h >= 0 && s.UPOS[v] == "VERB" && len(rel) == 0 && cop < 0 &&
		t.child(v, "nsubj", "nsubj:pass", "aux", "aux:pass") < 0 {
		for _, k := range t.kids[h] {
			if (s.Rel[k] == "aux" || s.Rel[k] == "aux:pass") && auxFits(s, k, v) {
				rel = append(rel, k)
				if s.XPOS[k] == "MD" {
					tp.Modal = strings.ToLower(s.Words[k])
				}
			}
		}
	}
	// An adverb inside the verb group belongs to the relation: "is first
	// mentioned", "has recently opened".
	if len(rel) > 0 {
		for _, k := range t.kids[v] {
			if s.Rel[k] == "advmod" && k > rel[0] && k < v && !contains(rel, k) {
				rel = append(rel, k)
			}
		}
	}
	return rel, cop
}

// copularPredicate handles a predicate noun or adjective (v with copula
// cop): it returns the objects it makes and extends the relation; for a
// verb, it adds v to the relation and returns none.
func (t *tree) copularPredicate(v, cop int, rel *[]int, tp *Tuple) []Arg {
	s := t.s
	var objs []Arg
	if mod := t.predicateModifier(v); cop >= 0 && mod >= 0 {
		// A predicate noun or adjective with a prepositional complement
		// joins the relation, as CaRB's annotators mostly do: "X is the
		// capital of Y" -> (X; is the capital of; Y).
		for _, k := range t.kids[v] {
			if k < v && s.Rel[k] != "cop" && !contains(*rel, k) && s.Rel[k] != "punct" && !strings.HasPrefix(s.Rel[k], "nsubj") &&
				s.Rel[k] != "mark" && s.Rel[k] != "cc" && s.Rel[k] != "advcl" && s.Rel[k] != "aux" && s.Rel[k] != "aux:pass" &&
				!(s.Rel[k] == "advmod" && s.XPOS[k] == "WRB") {
				*rel = append(*rel, t.span(k, nil).Words...)
			}
		}
		*rel = append(*rel, v)
		if c := t.child(mod, "case"); c >= 0 {
			*rel = append(*rel, c)
		}
		objs = append(objs, t.span(mod, func(k int) bool {
			switch s.Rel[k] {
			case "punct", "conj", "cc", "acl:relcl", "appos":
				return true
			}
			return s.Rel[k] == "case" && s.Head[k] == mod
		}))
		for _, k := range t.kids[v] {
			if k > v && k != mod && (s.Rel[k] == "nmod" || strings.HasPrefix(s.Rel[k], "obl")) {
				objs = append(objs, t.nominal(k))
			}
		}
	} else if cop >= 0 {
		// The predicate noun or adjective is the object: "X is a
		// lawyer" -> (X; is; a lawyer); a prepositional predicate lends
		// its preposition: "the talks are under pressure" -> (the talks;
		// are under; pressure).
		if c := t.child(v, "case"); c >= 0 && c < v {
			tp.Prep = c
		}
		objs = append(objs, t.span(v, func(k int) bool {
			if k == tp.Prep {
				return true
			}
			if s.Rel[k] == "punct" {
				return true
			}
			if s.Head[k] != v {
				return false
			}
			switch s.Rel[k] {
			case "nsubj", "nsubj:pass", "nsubj:outer", "csubj", "cop", "aux", "aux:pass", "mark", "cc", "conj", "advcl", "parataxis", "acl:relcl", "appos", "xcomp":
				return true
			case "advmod":
				return isNegation(s.Words[k])
			}
			return false
		}))
	} else {
		*rel = append(*rel, v)
	}
	return objs
}

// controlVerb lends a control verb's words to its complement v's
// relation when it has no object of its own: "has had to close the
// plants" -> (Chrysler; has had to close; the plants); the control verb's
// own tuple, whose object would be the whole complement, is then left
// out. It returns the words whose dependents are arguments: v, and the
// control verb.
func (t *tree) controlVerb(v int, rel *[]int, tp *Tuple) []int {
	s := t.s
	sources := []int{v}
	xc := v // the complement: v, or the first of coordinated ones ("to sell or merge")
	if s.Rel[v] == "conj" && s.Head[v] >= 0 && s.Rel[s.Head[v]] == "xcomp" && t.child(v, "nsubj", "nsubj:pass") < 0 {
		xc = s.Head[v]
	}
	if s.Rel[xc] != "xcomp" {
		return sources
	}
	h := s.Head[xc]
	if h < 0 || t.child(h, "obj", "iobj") >= 0 || !(s.UPOS[h] == "VERB" || t.controlAdjective(h)) {
		return sources
	}
	if HearsayVerb(s.Lemma[h]) && s.XPOS[h] == "VBN" && t.child(h, "aux:pass") >= 0 {
		return sources // "is alleged to have stolen": the stealing is the statement, alleged
	}
	if strings.EqualFold(s.Words[h], "used") && s.XPOS[h] == "VBD" {
		// "used to carry a sketchbook": a past habit, not a use
		tp.Modal = "used to"
		return append(sources, h)
	}
	sources = append(sources, h)
	for _, k := range t.kids[h] {
		switch s.Rel[k] {
		case "aux", "aux:pass", "compound:prt", "cop":
			*rel = append(*rel, k)
			if s.XPOS[k] == "MD" && tp.Modal == "" {
				tp.Modal = strings.ToLower(s.Words[k]) // "could start installing"
			}
		case "advmod":
			if isNegation(s.Words[k]) && !t.notOnly(k) || t.noLonger(k) || t.yetTo(k) {
				*rel = append(*rel, k)
				tp.Negated = true
			}
		}
	}
	*rel = append(*rel, h)
	if m := t.child(v, "mark"); m >= 0 {
		*rel = append(*rel, m)
	} else if m := t.child(xc, "mark"); m >= 0 {
		*rel = append(*rel, m)
	}
	return sources
}

// candidate is an argument found for a clause: prep is the preposition
// that introduces it (-1 if none); direct marks objects and complements.
type candidate struct {
	arg    Arg
	prep   int
	direct bool
	// fronted is a relative pronoun's phrase ("in which"): it stands
	// before the verb but is read after it, "were trampled in" the
	// antecedent
	fronted bool
}

// clauseArguments finds the arguments of predicate v among the
// dependents of sources: objects, complements, adverbial clauses and
// prepositional phrases, and the objects a coordinated verb shares. ok is
// false when a complement's own tuple carries this verb (controlVerb).
func (t *tree) clauseArguments(v, cop int, sources []int, tp *Tuple) (args []candidate, ok bool) {
	s := t.s
	ecm := t.ecm(v)
	for si, src := range sources {
		for _, k := range t.kids[src] {
			if si > 0 && !strings.HasPrefix(s.Rel[k], "obl") {
				continue // from the control verb, only its prepositional arguments
			}
			if si == 0 && ecm >= 0 && k == ecm {
				continue // inside the object (below)
			}
			switch s.Rel[k] {
			case "obj", "iobj":
				if si == 0 && ecm >= 0 && s.Rel[k] == "obj" {
					// "wants the United States to reopen the crossings": the
					// object is the whole clause
					a := t.argument(k)
					a.Words = append(a.Words, t.span(ecm, func(x int) bool {
						r := s.Rel[x]
						return r == "punct" || r == "acl:relcl" || r == "advcl" || r == "parataxis"
					}).Words...)
					sort.Ints(a.Words)
					a.Head = ecm // a clause, not the noun
					args = append(args, candidate{a, -1, true, false})
					continue
				}
				if a := t.argument(k); len(a.Words) > 1 && s.Rel[a.Words[0]] == "case" {
					// "met with Macron" parsed as an object with a case marker
					args = append(args, candidate{a, a.Words[0], false, false})
					continue
				}
				args = append(args, candidate{t.argument(k), -1, true, false})
			case "xcomp":
				if t.child(v, "obj", "iobj") < 0 && (s.UPOS[k] == "VERB" || t.child(k, "cop") >= 0) && cop < 0 {
					return nil, false // the complement's tuple carries this verb (see controlVerb)
				}
				if s.UPOS[k] == "VERB" && t.controlAdjective(v) {
					return nil, false // "were able to reinforce": likewise
				}
				args = append(args, candidate{t.span(k, func(x int) bool { return s.Rel[x] == "punct" }), -1, true, false})
			case "ccomp":
				args = append(args, candidate{t.span(k, func(x int) bool { return s.Rel[x] == "punct" }), -1, true, false})
			case "advcl":
				// "taught at X until he switched to Y": the adverbial clause
				// is an argument (time, reason, condition), after the others
				if si == 0 && t.subordinator(k) >= 0 && k > v {
					args = append(args, candidate{t.span(k, func(x int) bool { return s.Rel[x] == "punct" }), -1, false, false})
				}
			case "obl", "obl:tmod", "obl:npmod", "obl:agent", "obl:unmarked":
				if cop >= 0 && src == v {
					continue // a copular predicate keeps its phrases in its object
				}
				p := t.child(k, "case")
				a := t.nominal(k)
				ant, fronted := t.antecedent(k)
				if fronted {
					// "the stampede in which 1,426 pilgrims were trampled"
					a = ant
				}
				args = append(args, candidate{a, p, false, fronted && p >= 0})
			}
		}
	}
	// "designed and built the bridge": the first verb's object, after the
	// second verb, is the second verb's too.
	if h := s.Head[v]; s.Rel[v] == "conj" && h >= 0 && t.child(v, "obj", "iobj", "xcomp", "ccomp") < 0 {
		if k := t.child(h, "obj"); k > v {
			args = append(args, candidate{t.argument(k), -1, true, false})
			tp.Confidence -= 0.05
		}
	}
	return args, true
}

// orderArguments puts a clause's arguments on tp: the copular objects,
// then direct objects, then what follows the verb, then what precedes it
// ("In Flanders, the region assigned ..."); the first prepositional
// argument after the verb lends its preposition to the relation. It also
// takes the objects a coordinated verb shares, and sets the confidence
// for a clause without arguments or with a long subject.
func (t *tree) orderArguments(v int, objs []Arg, args []candidate, tp *Tuple) {
	s := t.s
	// "to sell or merge hundreds of thrifts": the second verb's object is
	// the first's too, when the first has no argument of its own.
	if len(args) == 0 && len(objs) == 0 && t.child(v, "xcomp", "ccomp", "advcl") < 0 {
		for _, c := range t.kids[v] {
			if s.Rel[c] == "conj" && s.UPOS[c] == "VERB" && t.child(c, "nsubj", "nsubj:pass") < 0 {
				if k := t.child(c, "obj"); k > c {
					args = append(args, candidate{t.argument(k), -1, true, false})
					tp.Confidence -= 0.05
				}
				break
			}
		}
	}
	rank := func(c candidate) int {
		switch {
		case c.direct:
			return 0
		case c.arg.Head > v:
			return 1
		case c.fronted:
			return 2 // after the phrases that follow the verb ("a period in which crime declined in the city")
		}
		return 3
	}
	sort.SliceStable(args, func(i, j int) bool {
		if ri, rj := rank(args[i]), rank(args[j]); ri != rj {
			return ri < rj
		}
		return args[i].arg.Head < args[j].arg.Head
	})
	tp.Args = append(tp.Args, objs...)
	for i, a := range args {
		if i == 0 && len(objs) == 0 && a.prep >= 0 && (rank(a) == 1 || a.fronted) {
			// the first prepositional argument lends its preposition to
			// the relation: (X; was born in; Hawaii)
			tp.Prep = a.prep
			a.arg.Words = without(a.arg.Words, a.prep)
		}
		tp.Args = append(tp.Args, a.arg)
	}
	if len(tp.Args) == 0 {
		// A subject and a verb alone ("the strike ended") is a fact, but
		// rarely one a reader wants (4% precision on CaRB dev): kept, last.
		tp.Confidence = 0.1
	}
	if len(tp.Subject.Words) > 8 {
		// long subjects are often mis-delimited (on CaRB dev, subjects of five
		// words or more are right 39% of the time, shorter ones 58%; the
		// deduction past eight words gave the best AUC)
		tp.Confidence -= 0.1
	}
	// A word is in the relation or in an argument, not both ("was
	// actually dead": actually belongs to the relation).
	for i := range tp.Args {
		for _, r := range tp.Rel {
			tp.Args[i].Words = without(tp.Args[i].Words, r)
		}
	}
}

// coordinated gives coordinated subjects and objects a tuple each: "X
// and Y met Z" -> (X; met; Z), (Y; met; Z).
func (t *tree) coordinated(tp Tuple) []Tuple {
	s := t.s
	out := []Tuple{tp}
	if cs := t.conjuncts(tp.Subject.Head); len(cs) > 1 {
		out = out[:0]
		for _, c := range cs {
			u := tp
			u.Subject = t.nominal(c)
			u.Confidence -= 0.05
			out = append(out, u)
		}
	}
	for ai, a := range tp.Args {
		if a.Head < 0 || len(a.Words) == 0 {
			continue
		}
		cs := t.conjuncts(a.Head)
		if len(cs) < 2 || !isNominal(s.UPOS[a.Head]) {
			continue
		}
		var more []Tuple
		for _, u := range out {
			for ci, c := range cs {
				w := u
				w.Args = append([]Arg(nil), u.Args...)
				if ci > 0 {
					w.Args[ai] = t.nominal(c)
					w.Confidence -= 0.05
				}
				more = append(more, w)
			}
		}
		out = more
		break
	}
	return out
}

// apostrophes writes typographic apostrophes as ASCII ones (one Replacer
// for all calls: building one costs far more than a replacement).
var apostrophes = strings.NewReplacer("’", "'", "`", "'", "´", "'")

func isNegation(word string) bool {
	switch apostrophes.Replace(strings.ToLower(word)) {
	case "not", "n't", "never", "hardly", "barely", "scarcely":
		return true // "barely had a presence": next to none
	}
	return false
}

// noLonger reports "longer" negated by "no": "Microsoft no longer wants
// to support it".
func (t *tree) noLonger(k int) bool {
	if !strings.EqualFold(t.s.Words[k], "longer") {
		return false
	}
	for _, c := range t.kids[k] {
		if strings.EqualFold(t.s.Words[c], "no") {
			return true
		}
	}
	return k > 0 && strings.EqualFold(t.s.Words[k-1], "no")
}

// notOnly reports "not only", "not just", "not merely" ("will not only
// protect workers but also help employers"): an addition, not a negation.
func (t *tree) notOnly(k int) bool {
	if k+1 >= len(t.s.Words) || !strings.EqualFold(t.s.Words[k], "not") {
		return false
	}
	switch strings.ToLower(t.s.Words[k+1]) {
	case "only", "just", "merely", "simply":
		return true
	}
	return false
}

// yetTo reports "yet" before an infinitive: "240 million people are yet
// to receive a dose", "has yet to decide" (it has not happened).
func (t *tree) yetTo(k int) bool {
	return strings.EqualFold(t.s.Words[k], "yet") && k+1 < len(t.s.Words) && strings.EqualFold(t.s.Words[k+1], "to")
}

func contains(ws []int, x int) bool {
	for _, w := range ws {
		if w == x {
			return true
		}
	}
	return false
}

func without(ws []int, x int) []int {
	var out []int
	for _, w := range ws {
		if w != x {
			out = append(out, w)
		}
	}
	return out
}

// appositions: "X, the president of Y," -> (X; is; the president of Y).
func (t *tree) appositions() []Tuple {
	var out []Tuple
	for k, r := range t.s.Rel {
		if r != "appos" || t.s.Head[k] < 0 || t.denied(k) {
			continue
		}
		h := t.s.Head[k]
		subj := t.span(h, func(x int) bool {
			switch t.s.Rel[x] {
			case "appos", "acl:relcl", "acl", "conj", "cc", "punct", "parataxis":
				return true
			case "case", "mark":
				return t.s.Head[x] == h // "negotiations with Abraham Stern, head of ..."
			}
			return false
		})
		out = append(out, Tuple{Subject: subj, Verb: -1, Prep: -1, Args: []Arg{t.nominal(k)}, Confidence: 0.45, Kind: Apposition})
	}
	return out
}

// denied reports a phrase that says what is not there ("Kimberly Carrell,
// no age or address reported,"): no apposition names it.
func (t *tree) denied(k int) bool {
	for _, c := range t.kids[k] {
		if t.s.Rel[c] == "det" && (strings.EqualFold(t.s.Words[c], "no") || strings.EqualFold(t.s.Words[c], "neither")) {
			return true
		}
	}
	return false
}

// Text renders a tuple with the sentence's own tokens: the relation (its
// words, then the preposition it took from the first argument; "be" for
// an apposition, "has" for a possessive) and the arguments, subject
// first.
func (tp Tuple) Text(words []nlp.Word) (rel string, args []string) {
	join := func(ix []int) string {
		parts := make([]string, len(ix))
		for i, w := range ix {
			parts[i] = words[w].Text
		}
		return strings.Join(parts, " ")
	}
	r := append([]int(nil), tp.Rel...)
	if tp.Prep >= 0 {
		r = append(r, tp.Prep)
	}
	rel = join(r)
	switch {
	case rel == "" && tp.Kind == Possessive:
		rel = "has"
	case rel == "":
		// "be" rather than "is": the tense of an apposition is the
		// sentence's, and CaRB's matcher lets "be" stand for any form
		rel = "be"
	}
	args = append(args, join(tp.Subject.Words))
	for _, a := range tp.Args {
		if len(a.Words) > 0 {
			args = append(args, join(a.Words))
		}
	}
	return rel, args
}

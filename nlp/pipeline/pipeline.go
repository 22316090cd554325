// Package pipeline loads newsgraph's trained language models and runs the
// stages of package nlp over sentences: tagger, lemmatizer, parser and an
// entity labeller, in that order.
package pipeline

import (
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/ner"
	"github.com/newsgraph/newsgraph/nlp/parser"
	"github.com/newsgraph/newsgraph/nlp/tagger"
	"github.com/newsgraph/newsgraph/nlp/token"
)

// EntityLabeler sets the NER labels of words that already carry their
// part-of-speech tags.
type EntityLabeler interface {
	Label(words []nlp.Word)
}

// DocumentLabeler is an EntityLabeler that can revise its labels with the
// whole document in view (package ner's model is one).
type DocumentLabeler interface {
	LabelDocument(doc [][]nlp.Word)
}

// Pipeline annotates sentences with the models' tags, lemmas and
// dependency trees, then asks an entity labeler for entity labels. It is
// safe for concurrent use when the labeler is.
type Pipeline struct {
	Models *Models
	NER    EntityLabeler // may be nil
}

// Default is the pipeline of the models built into the binary, with the
// entity labeller of package ner.
func Default() (*Pipeline, error) {
	m, err := Embedded()
	if err != nil {
		return nil, err
	}
	lab, err := ner.Embedded()
	if err != nil {
		return nil, err
	}
	return &Pipeline{Models: m, NER: lab}, nil
}

// Annotate fills in one tokenized sentence.
func (p *Pipeline) Annotate(s *nlp.Sentence) {
	p.Models.Annotate(s.Words)
	if p.NER != nil {
		p.NER.Label(s.Words)
	}
}

// AnnotateDocument lets the entity labeller, when it is a
// DocumentLabeler, revise the labels of a document's sentences, each
// already annotated: a name read as a person in one sentence and as a
// place in five is a place.
func (p *Pipeline) AnnotateDocument(doc [][]nlp.Word) {
	if dl, ok := p.NER.(DocumentLabeler); ok {
		dl.LabelDocument(doc)
	}
}

// TagOnly is the bundle without its parser: tags and lemmas, for stages
// that need no tree (training the entity labeller on run-time tags).
func (m *Models) TagOnly() *Models {
	c := *m
	c.Parser = nil
	return &c
}

// AltMargin is the tagger score margin under which the parser is also
// shown the tagger's runner-up tag (on EWT dev, about one word in ten gets
// one, and the runner-up is right for nearly half of the tagger's
// mistakes).
const AltMargin = 32

// PromoteMargin bounds how far behind a runner-up finite verb may be for
// promoteVerb to take it (on EWT dev: UAS 86.28 without promotion, 86.31
// within 32, 86.29 within 64, 86.24 with any runner-up; 64 is the
// smallest that fixes "The United States imposed sanctions").
const PromoteMargin = 64

// Annotate tags, lemmatizes and, when the bundle has a parser, parses the
// words of one sentence (their Text set), in place. The models see each
// word as token.ASCII gives it.
func (m *Models) Annotate(words []nlp.Word) {
	forms := make([]string, len(words))
	for i, w := range words {
		forms[i] = token.ASCII(w.Text)
	}
	m.AnnotateForms(words, forms)
}

// AnnotateForms is Annotate with the forms the models see given: a
// treebank's evaluation uses its words as they are.
func (m *Models) AnnotateForms(words []nlp.Word, forms []string) {
	n := len(words)
	tags, alt, margins := m.Tagger.TagAlt(forms)
	promoteVerb(tags, alt, margins)
	codeNames(words, forms, tags)
	upos, xpos, alts, classes := make([]string, n), make([]string, n), make([]string, n), make([]uint16, n)
	for i, t := range tags {
		w := &words[i]
		w.UPOS, w.XPOS, w.Alt = t.UPOS, t.XPOS, ""
		upos[i], xpos[i] = t.UPOS, t.XPOS
		if margins[i] < AltMargin {
			alts[i], w.Alt = alt[i].XPOS, alt[i].XPOS
		}
		classes[i] = m.Lexicon.Class(strings.ToLower(forms[i]))
		w.Lemma = m.Lemma.Lemma(forms[i], t.XPOS)
		w.Head, w.Rel = -1, ""
	}
	if m.Parser == nil {
		return
	}
	heads, rels := m.Parser.Parse(parser.Input{Words: forms, XPOS: xpos, UPOS: upos, Alt: alts, Class: classes})
	for i := range words {
		words[i].Head, words[i].Rel = heads[i]-1, rels[i]
	}
	apposedSubject(words)
	exampleSubject(words)
	codeNameTrees(words, forms)
	amountNoun(words)
	mannerAdverb(words)
	nounInfinitive(words)
	objectBeforeModal(words)
	prepositionAsNoun(words)
	relativeThenVerb(words)
	subjectBeforeMark(words)
	contentThat(words)
}

// apposedSubject repairs a verb given two subjects with a comma between
// them, "Its chairwoman, Mary Smith, met John Brown": a clause has one
// subject, and the second, set off by commas, is the first's apposition.
// The parser trained on EWT + GUM makes this mistake where the one trained
// on EWT alone did not.
func apposedSubject(ws []nlp.Word) {
	for b := range ws {
		if ws[b].Rel != "nsubj" || ws[b].Head < 0 {
			continue
		}
		lo, hi := b, b // b's words, without punctuation
		for k := range ws {
			if k != b && nlp.Below(ws, k, b) && ws[k].UPOS != "PUNCT" {
				lo, hi = min(lo, k), max(hi, k)
			}
		}
		if lo < 2 || ws[lo-1].Text != "," || hi+1 >= len(ws) || ws[hi+1].Text != "," {
			continue
		}
		a := -1
		for k := lo - 2; k >= 0; k-- {
			if ws[k].Head == ws[b].Head && ws[k].Rel == "nsubj" {
				a = k
				break
			}
			if !nlp.Below(ws, k, ws[b].Head) || ws[k].Head == ws[b].Head && ws[k].UPOS != "PUNCT" {
				break // something else of the verb's stands between
			}
		}
		if a < 0 {
			continue
		}
		ws[b].Head, ws[b].Rel = a, "appos"
		ws[lo-1].Head, ws[hi+1].Head = b, b
		return
	}
}

// exampleSubject repairs a clause whose subject the parser took from a
// list of examples set off by commas: in "A team of 40 engineers,
// including many from India, built the bridge" the subject is the team,
// and "many from India", introduced by "including", is an example of it,
// never a subject (a noun phrase with a preposition is no subject). When
// the parser made the verb a clause of the noun ("A group of migrants,
// including many from Venezuela, attempted to cross" read as a group
// that attempted), the verb becomes the sentence's root again.
func exampleSubject(ws []nlp.Word) {
	for b := range ws {
		rel := ws[b].Rel
		if rel != "nsubj" && rel != "nsubj:pass" || ws[b].Head < 0 {
			continue
		}
		v := ws[b].Head
		// "including" opening b's phrase: the first word left of b that
		// is not one of b's modifiers ("including the two students")
		inc := b - 1
		for inc >= 0 && ws[inc].UPOS != "PUNCT" && !exampleMarkers[strings.ToLower(ws[inc].Text)] && nlp.Below(ws, inc, b) {
			inc--
		}
		if inc < 2 || !exampleMarkers[strings.ToLower(ws[inc].Text)] || ws[inc-1].Text != "," || v < b {
			continue
		}
		// the nominal the examples belong to: the phrase before the comma,
		// climbed to its top while it stays before the comma
		a := inc - 2
		for ws[a].Head >= 0 && ws[a].Head < inc-1 {
			a = ws[a].Head
		}
		if u := ws[a].UPOS; u != "NOUN" && u != "PROPN" && u != "PRON" && u != "NUM" {
			continue
		}
		rehang(ws, func() {
			if ws[v].Head == a && ws[a].Head < 0 {
				rootVerb(ws, a, v) // the verb was made a clause of the noun
			}
			ws[a].Head, ws[a].Rel = v, rel
			ws[b].Head, ws[b].Rel = a, "nmod"
			if inc != b {
				ws[inc].Head, ws[inc].Rel = b, "case"
			}
			ws[inc-1].Head = b
		})
		return
	}
}

// exampleMarkers open a list of examples of the noun before them.
var exampleMarkers = map[string]bool{"including": true, "excluding": true}

// codeNames tags the letters of a code name written with a hyphen and a
// number ("STS-1", "F-16", "COVID-19", "MH-17") as a proper noun: the
// tagger, seeing "STS" alone, calls it a plural noun and the parser then
// makes "1" the sentence's subject. Only words written together (their
// offsets known and touching) are read so.
func codeNames(words []nlp.Word, forms []string, tags []tagger.Tag) {
	for i := range words {
		if !isCodeName(words, forms, i) {
			continue
		}
		tags[i] = tagger.Tag{UPOS: "PROPN", XPOS: "NNP"}
		tags[i+2] = tagger.Tag{UPOS: "NUM", XPOS: "CD"}
	}
}

// isCodeName reports a code name's three words at i: letters, a hyphen and
// a number written together.
func isCodeName(words []nlp.Word, forms []string, i int) bool {
	if i+2 >= len(words) {
		return false
	}
	a, h, b := words[i], words[i+1], words[i+2]
	return forms[i+1] == "-" && a.End > a.Start && a.End == h.Start && h.End == b.Start &&
		capitalLetters(forms[i]) && codeNumber(forms[i+2])
}

// rehang applies edit, a repair of the tree of ws, and undoes it when it
// leaves a word that no longer reaches a root: a repair never makes a
// sentence unreadable. It reports whether the edit was kept.
func rehang(ws []nlp.Word, edit func()) bool {
	saved := make([]nlp.Word, len(ws))
	copy(saved, ws)
	edit()
	if nlp.Acyclic(ws) {
		return true
	}
	copy(ws, saved)
	return false
}

// codeNameTrees makes a code name one phrase headed by its letters: the
// parser, seeing a number, makes "1" of "The shuttle STS-1 launched" the
// verb's subject and the letters an apposition of "shuttle"; the number
// belongs to the letters, and the role it was given goes to the noun
// phrase the name is part of (which becomes the verb's subject, the verb
// the root again if the parser had hung it under that phrase).
func codeNameTrees(ws []nlp.Word, forms []string) {
	for i := range ws {
		if !isCodeName(ws, forms, i) {
			continue
		}
		rehang(ws, func() { codeNameTree(ws, i, i+2) })
	}
}

// codeNameTree is codeNameTrees' edit of one code name, letters a and
// number b.
func codeNameTree(ws []nlp.Word, a, b int) {
	v, rel := ws[b].Head, ws[b].Rel
	ws[b].Head, ws[b].Rel = a, "flat"
	ws[a+1].Head, ws[a+1].Rel = b, "punct"
	if n := b + 1; n < len(ws) && (ws[n].XPOS == "NN" || ws[n].XPOS == "NNS") && ws[n].Head == ws[a].Head && ws[n].Rel == ws[a].Rel {
		// "the G-7 leaders met": two subjects, the name a compound of the noun
		ws[a].Head, ws[a].Rel = n, "compound"
	}
	if v >= a && v <= b || v < 0 || !strings.HasPrefix(rel, "nsubj") && rel != "obj" && !strings.HasPrefix(rel, "obl") {
		return
	}
	// the noun phrase the name belongs to
	t := a
	for ws[t].Head >= 0 && ws[t].Head != v && (ws[t].Rel == "appos" || ws[t].Rel == "flat" || ws[t].Rel == "compound") {
		t = ws[t].Head
	}
	if ws[v].Head == t && ws[t].Head < 0 {
		rootVerb(ws, t, v)
	}
	if t != v {
		ws[t].Head, ws[t].Rel = v, rel
	}
}

// rootVerb makes verb v the sentence's root in place of the noun n the
// parser made the root (hanging v under it): the punctuation after v
// that hung on n goes to v.
func rootVerb(ws []nlp.Word, n, v int) {
	for k := range ws {
		if ws[k].Head == n && k > v && ws[k].UPOS == "PUNCT" {
			ws[k].Head = v
		}
	}
	ws[v].Head, ws[v].Rel = -1, "root"
}

// capitalLetters reports a word of capital letters only.
func capitalLetters(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// codeNumber reports digits, perhaps with a letter after them ("16", "4B").
func codeNumber(s string) bool {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n > 0 && (n == len(s) || n == len(s)-1 && s[n] >= 'A' && s[n] <= 'Z')
}

// promoteVerb gives a sentence without a finite verb the finite verb the
// tagger hesitated over: in a headline such as "Hackers attack Church of
// Scientology website" the tagger, used to determiners, calls "attack" a
// noun with a verb as its close runner-up, and in "The United States
// imposed sanctions" it reads "imposed" as a participle. Only a finite
// verb right after a noun or pronoun, within PromoteMargin, and only when
// the sentence has no finite verb at all, is promoted.
func promoteVerb(tags, alt []tagger.Tag, margins []float32) {
	promoteAfterModal(tags, alt, margins)
	for _, t := range tags {
		switch t.XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			return
		}
	}
	for i := 1; i < len(tags); i++ {
		if margins[i] >= PromoteMargin {
			continue
		}
		switch alt[i].XPOS {
		case "VBP", "VBZ", "VBD":
			if strings.HasPrefix(tags[i-1].XPOS, "NN") || tags[i-1].XPOS == "PRP" {
				tags[i], alt[i] = alt[i], tags[i]
				margins[i] = 0 // the parser should see the doubt
				return
			}
		}
	}
}

// promoteAfterModal gives a modal without a verb after it the base form
// the tagger hesitated over: in "The robots could one day benefit
// patients" it reads "benefit" as a noun of "one day benefit".
func promoteAfterModal(tags, alt []tagger.Tag, margins []float32) {
	md := -1
	for i, t := range tags {
		if t.XPOS == "MD" {
			md = i
		}
	}
	if md < 0 {
		return
	}
	for _, t := range tags[md+1:] {
		if strings.HasPrefix(t.XPOS, "VB") {
			return
		}
	}
	for i := md + 1; i < len(tags); i++ {
		if margins[i] < PromoteMargin && (alt[i].XPOS == "VB" || alt[i].XPOS == "VBP") {
			// a base form after a modal, whatever tense the tagger's
			// runner-up gave it
			tags[i], alt[i] = tagger.Tag{UPOS: "VERB", XPOS: "VB"}, tags[i]
			margins[i] = 0
			return
		}
	}
}

// amountNoun repairs an amount of money the parser cut from the noun it
// measures: in "released on US$ 20,000 bail" the parser may hang "bail"
// on the verb beside "$", leaving an amount with no noun. A common noun
// right after the amount's number, with no preposition of its own and
// the amount's head as its sibling, is the head of the phrase; the
// amount modifies it ("$5 million bond", "a £300 fine").
func amountNoun(ws []nlp.Word) {
	for a := range ws {
		if ws[a].XPOS != "$" || ws[a].Head < 0 {
			continue
		}
		rel := ws[a].Rel
		if rel != "obl" && rel != "obj" && rel != "nmod" && rel != "nsubj" && rel != "nsubj:pass" {
			continue
		}
		last := a // the amount's last word: its number
		for last+1 < len(ws) && ws[last+1].Head == a && ws[last+1].UPOS == "NUM" {
			last++
		}
		n := last + 1
		if last == a || n >= len(ws) || ws[n].UPOS != "NOUN" || ws[n].Head != ws[a].Head {
			continue
		}
		hasCase := false
		for k := range ws {
			if ws[k].Head == n && (ws[k].Rel == "case" || ws[k].Rel == "det") && k < n {
				hasCase = true
			}
		}
		if hasCase {
			continue
		}
		rehang(ws, func() {
			for k := range ws {
				// the amount's preposition and determiner belong to the phrase
				if ws[k].Head == a && k < a && (ws[k].Rel == "case" || ws[k].Rel == "det") {
					ws[k].Head = n
				}
			}
			ws[n].Rel = rel
			ws[a].Head, ws[a].Rel = n, "compound"
		})
	}
}

// mannerAdverb repairs a manner adverb the parser hung on the noun of the
// prepositional phrase after it: in "reacting slowly to his calls" the
// adverb says how they react, not which calls. An adverb in -ly right
// before the preposition of a nominal of the verb's is the verb's.
// Adverbs that single out the phrase ("only to", "mainly in") stay.
func mannerAdverb(ws []nlp.Word) {
	for r := range ws {
		n := ws[r].Head
		if ws[r].Rel != "advmod" || n < 0 || ws[r].XPOS != "RB" || r+1 >= len(ws) {
			continue
		}
		low := strings.ToLower(ws[r].Text)
		if !strings.HasSuffix(low, "ly") || focusAdverbs[low] {
			continue
		}
		if ws[r+1].Head != n || ws[r+1].Rel != "case" || ws[n].Rel != "obl" || ws[n].Head < 0 {
			continue
		}
		if u := ws[ws[n].Head].UPOS; u != "VERB" && u != "ADJ" {
			continue
		}
		ws[r].Head = ws[n].Head
	}
}

// focusAdverbs single out the phrase they stand before.
var focusAdverbs = map[string]bool{"only": true, "mainly": true, "mostly": true, "largely": true, "partly": true,
	"particularly": true, "especially": true, "exclusively": true, "primarily": true, "nearly": true,
	"roughly": true, "approximately": true, "solely": true, "chiefly": true, "merely": true, "simply": true,
	"exactly": true, "directly": true, "shortly": true, "early": true, "reportedly": true, "allegedly": true,
	"apparently": true, "possibly": true, "probably": true, "likely": true, "certainly": true, "really": true,
	"fully": true, "partially": true, "predominantly": true, "principally": true, "specifically": true,
	"immediately": true, "precisely": true, "barely": true, "hardly": true, "scarcely": true, "entirely": true}

// nounInfinitive repairs an infinitive the parser made a purpose of the
// verb when it follows a noun that takes one: "ticketed for failure to
// reduce speed" is a failure to reduce it, not ticketed in order to.
func nounInfinitive(ws []nlp.Word) {
	for v := range ws {
		if ws[v].Rel != "advcl" || ws[v].Head < 0 || v < 2 {
			continue
		}
		to := v - 1
		for to > 0 && ws[to].Head == v && ws[to].Rel == "advmod" {
			to--
		}
		if strings.ToLower(ws[to].Text) != "to" || ws[to].Head != v || ws[to].Rel != "mark" || to < 1 {
			continue
		}
		n := to - 1
		if ws[n].UPOS != "NOUN" || ws[n].Head != ws[v].Head || !infinitiveNouns[strings.ToLower(ws[n].Lemma)] {
			continue
		}
		if ws[n].Rel != "obl" && ws[n].Rel != "obj" {
			continue
		}
		ws[v].Head, ws[v].Rel = n, "acl"
		if !nlp.Acyclic(ws) {
			ws[v].Head, ws[v].Rel = ws[n].Head, "advcl"
		}
	}
}

// infinitiveNouns take an infinitive of their own: "a failure to act", "a
// refusal to comply", "the right to vote".
var infinitiveNouns = map[string]bool{"failure": true, "refusal": true, "attempt": true, "bid": true,
	"decision": true, "right": true, "ability": true, "inability": true, "willingness": true, "unwillingness": true,
	"permission": true, "promise": true, "pledge": true, "threat": true, "intention": true, "obligation": true,
	"determination": true, "reluctance": true, "eagerness": true, "desire": true, "temptation": true,
	"authority": true, "power": true, "license": true, "licence": true, "mandate": true, "tendency": true}

// objectBeforeModal repairs a content clause the parser split into an
// object and a coordinated verb: in "he decided men will no longer be
// allowed inside" it made "men" the object of "decided" and "allowed" a
// conjunct with no subject. A noun object followed right away by a modal
// whose verb has no subject and no conjunction of its own is that verb's
// subject, and the verb is the clause the first verb takes.
func objectBeforeModal(ws []nlp.Word) {
	for m := 1; m < len(ws); m++ {
		c := ws[m].Head
		if ws[m].XPOS != "MD" || ws[m].Rel != "aux" || c <= m {
			continue
		}
		n := m - 1 // the object's head: the word before the modal, climbed while it stays left of the modal
		for ws[n].Head > n && ws[n].Head < m {
			n = ws[n].Head
		}
		d := ws[n].Head
		if ws[n].Rel != "obj" || d < 0 || d > n || ws[d].UPOS != "VERB" {
			continue
		}
		if u := ws[n].UPOS; u != "NOUN" && u != "PROPN" && u != "PRON" {
			continue
		}
		if ws[c].Rel != "conj" && ws[c].Rel != "parataxis" {
			continue
		}
		own, pass := false, false
		for k := range ws {
			if ws[k].Head != c {
				continue
			}
			switch ws[k].Rel {
			case "nsubj", "nsubj:pass", "expl", "cc", "mark":
				own = true
			case "aux:pass":
				pass = true
			}
		}
		if own {
			continue
		}
		rehang(ws, func() {
			ws[n].Head, ws[n].Rel = c, "nsubj"
			if pass {
				ws[n].Rel = "nsubj:pass"
			}
			ws[c].Head, ws[c].Rel = d, "ccomp"
		})
	}
}

// prepositionAsNoun repairs a preposition the tagger took for a noun and
// the parser for an indirect object: "allowed inside any of its stores"
// has one phrase, "inside" introducing it.
func prepositionAsNoun(ws []nlp.Word) {
	for p := 0; p+1 < len(ws); p++ {
		if ws[p].Rel != "iobj" || ws[p].Head < 0 || !spatialPrepositions[strings.ToLower(ws[p].Text)] {
			continue
		}
		v := ws[p].Head
		o := -1
		for k := p + 1; k < len(ws); k++ {
			if ws[k].Head == v && ws[k].Rel == "obj" {
				o = k
				break
			}
		}
		if o < 0 || !nlp.Below(ws, p+1, o) {
			continue
		}
		ws[p].Head, ws[p].Rel, ws[p].UPOS, ws[p].XPOS = o, "case", "ADP", "IN"
		ws[o].Rel = "obl"
	}
}

// spatialPrepositions are prepositions the tagger sometimes takes for
// nouns.
var spatialPrepositions = map[string]bool{"inside": true, "outside": true, "behind": true, "beside": true,
	"underneath": true, "beneath": true, "within": true, "throughout": true, "alongside": true}

// relativeThenVerb repairs a sentence whose main verb the parser joined
// to a relative clause before it: in "A device, which includes a module,
// could be used at bedsides" it made "used" a conjunct of "includes" and
// the noun the root. A verb after a comma, with an auxiliary but no
// subject nor conjunction of its own, coordinated inside a relative
// clause of a root noun, is the sentence's verb, and the noun its subject.
func relativeThenVerb(ws []nlp.Word) {
	for c := range ws {
		if ws[c].Rel != "conj" || ws[c].Head < 0 || ws[c].UPOS != "VERB" {
			continue
		}
		first, aux, own, pass := c, false, false, false
		for k := range ws {
			if ws[k].Head != c {
				continue
			}
			switch ws[k].Rel {
			case "aux", "aux:pass":
				aux = true
				pass = pass || ws[k].Rel == "aux:pass"
				first = min(first, k)
			case "nsubj", "nsubj:pass", "expl", "cc", "mark", "csubj":
				own = true
			case "advmod":
				if k < c {
					first = min(first, k)
				}
			}
		}
		if !aux || own || first < 1 || ws[first-1].Text != "," {
			continue
		}
		// the root noun whose relative clause holds c's head
		n, rel := -1, false
		for h, steps := ws[c].Head, 0; h >= 0 && steps <= len(ws); h, steps = ws[h].Head, steps+1 {
			if ws[h].Rel == "acl:relcl" {
				rel = true
			}
			if ws[h].Head < 0 {
				n = h
			}
		}
		if !rel || n < 0 || n > first || (ws[n].UPOS != "NOUN" && ws[n].UPOS != "PROPN") {
			continue
		}
		if nlp.HasChild(ws, n, "cop", "case") {
			continue
		}
		kept := rehang(ws, func() {
			rootVerb(ws, n, c)
			ws[n].Head, ws[n].Rel = c, "nsubj"
			if pass {
				ws[n].Rel = "nsubj:pass"
			}
		})
		if kept {
			return
		}
	}
}

// subjectBeforeMark repairs a clause given a subject before its
// subordinator: in "asked Ann Lee whether the company had fired him" the
// parser made "Ann Lee" a second subject of "fired". A subject stands
// after its clause's "whether", "that" or "if"; a noun before it, right
// after a verb that takes a person and a clause, is that verb's object.
func subjectBeforeMark(ws []nlp.Word) {
	for s := range ws {
		c := ws[s].Head
		if ws[s].Rel != "nsubj" || c <= s {
			continue
		}
		m, other := -1, false
		for k := range ws {
			if ws[k].Head != c {
				continue
			}
			if ws[k].Rel == "mark" && k > s && k < c && m < 0 {
				m = k
			}
			if k != s && (ws[k].Rel == "nsubj" || ws[k].Rel == "nsubj:pass") && k > s {
				other = true
			}
		}
		v := ws[c].Head
		if m < 0 || !other || v < 0 || v > s || !personAndClauseVerbs[strings.ToLower(ws[v].Lemma)] || (ws[c].Rel != "ccomp" && ws[c].Rel != "advcl") {
			continue
		}
		// nothing but the noun's own words between the verb and the mark
		ok := true
		for k := v + 1; k < m; k++ {
			if !nlp.Below(ws, k, s) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		rehang(ws, func() {
			ws[s].Head, ws[s].Rel = v, "obj"
			if ws[c].Rel == "advcl" {
				ws[c].Rel = "ccomp"
			}
		})
	}
}

// personAndClauseVerbs take whom they address and what they say or ask:
// "asked Ann Lee whether ...", "told the court that ...".
var personAndClauseVerbs = map[string]bool{"ask": true, "tell": true, "inform": true, "remind": true, "warn": true,
	"assure": true, "advise": true, "notify": true, "persuade": true, "convince": true, "teach": true, "promise": true}

// contentThat repairs a noun's "that" clause read as a relative clause
// whose verb is the clause's subject: in "received reports that access to
// Wikipedia is being restored" the tagger made "access" a verb with
// "that" its subject, and the parser left "restored" without one. After
// a noun that takes a content clause, "that" and a word the tagger also
// took for a noun, followed later by a verb with an auxiliary and no
// subject of its own outside that word's phrase, open the noun's clause:
// the word is its subject.
func contentThat(ws []nlp.Word) {
	for v := 2; v < len(ws); v++ {
		t, n := v-1, v-2
		if ws[v].Rel != "acl:relcl" || ws[v].Head != n || !strings.EqualFold(ws[t].Text, "that") || ws[t].Head != v ||
			ws[t].Rel != "nsubj" || !contentClauseNouns[strings.ToLower(ws[n].Lemma)] {
			continue
		}
		if ws[v].UPOS != "NOUN" && !strings.HasPrefix(ws[v].Alt, "NN") {
			continue
		}
		// the verb after v's phrase: the first word after v with an
		// auxiliary of its own and no subject before v
		r := -1
		for k := v + 1; k < len(ws) && r < 0; k++ {
			if ws[k].UPOS != "VERB" && ws[k].UPOS != "ADJ" {
				continue
			}
			aux := false
			for j := range ws {
				if ws[j].Head == k && (ws[j].Rel == "aux" || ws[j].Rel == "aux:pass" || ws[j].Rel == "cop") && j > v {
					aux = true
				}
			}
			if aux {
				r = k
			}
		}
		if r < 0 || nlp.Below(ws, r, v) && ws[r].Rel != "ccomp" {
			continue
		}
		rehang(ws, func() {
			pass := false
			for j := range ws {
				if ws[j].Head == r && ws[j].Rel == "aux:pass" {
					pass = true
				}
				if ws[j].Head == r && (ws[j].Rel == "nsubj" || ws[j].Rel == "nsubj:pass") && j > v && j < r {
					ws[j].Head, ws[j].Rel = v, "nmod" // "support for the strike": the strike is no subject
				}
				if ws[j].Head == v && j > v && strings.HasPrefix(ws[j].Rel, "obl") {
					ws[j].Rel = "nmod" // "access to Wikipedia in Turkey"
				}
			}
			ws[r].Head, ws[r].Rel = n, "acl"
			ws[v].Head, ws[v].Rel = r, "nsubj"
			if pass {
				ws[v].Rel = "nsubj:pass"
			}
			if ws[v].UPOS != "NOUN" {
				ws[v].UPOS, ws[v].XPOS, ws[v].Alt = "NOUN", ws[v].Alt, ws[v].XPOS
			}
			ws[t].Head, ws[t].Rel, ws[t].UPOS, ws[t].XPOS = r, "mark", "SCONJ", "IN"
		})
	}
}

// contentClauseNouns take a "that" clause saying what they hold or tell.
var contentClauseNouns = map[string]bool{"report": true, "news": true, "word": true, "claim": true, "rumor": true,
	"rumour": true, "fear": true, "hope": true, "evidence": true, "sign": true, "indication": true, "suggestion": true,
	"belief": true, "notion": true, "fact": true, "possibility": true, "assurance": true, "confirmation": true,
	"warning": true, "concern": true, "allegation": true, "speculation": true, "expectation": true}

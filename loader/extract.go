package loader

import (
	"math"
	"strings"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/lemma"
)

// reportingVerbs introduce reported speech: their complement is kept as
// facts attributed to the speaker, not as an object.
var reportingVerbs = map[string]bool{
	"say": true, "state": true, "claim": true, "tell": true, "announce": true, "verify": true,
	"add": true, "note": true, "report": true, "confirm": true, "insist": true, "argue": true,
	"warn": true, "explain": true, "declare": true, "deny": true, "allege": true, "assert": true,
	"believe": true, "think": true, "reveal": true, "acknowledge": true, "admit": true, "write": true,
	"tweet": true, "stress": true, "emphasize": true, "predict": true, "estimate": true, "suggest": true,
}

// vgroup is a verb group: auxiliaries, adverbs and the main verb, with an
// optional "to"-infinitive chain ("wants to see") and a particle.
type vgroup struct {
	start, end int // words [start, end)
	main       int // the last verb of the chain
	first      int // the first main verb (before any "to" chain)
	negated    bool
	modal      string
	passive    bool
	words      []int // words that make up the relation text
}

// sentenceExtractor extracts the statements of one sentence.
type sentenceExtractor struct {
	doc  *docState
	sent nlp.Sentence
	ws   []nlp.Word
}

// verbGroupAt parses a verb group starting at i, which must be a finite
// verb or a modal.
func verbGroupAt(ws []nlp.Word, i int) (vgroup, bool) {
	t := ws[i].XPOS
	if !(t == "MD" || t == "VBD" || t == "VBZ" || t == "VBP" || (t == "VB" && i > 0 && (ws[i-1].XPOS == "CC" || taggedSubject(ws, i))) ||
		t == "VBN" && i > 0 && ws[i-1].XPOS == "CC") {
		return vgroup{}, false
	}
	g := vgroup{start: i, main: -1}
	j := i
	sawBe := false
	for j < len(ws) {
		w := ws[j]
		lw := strings.ToLower(w.Text)
		switch {
		case w.XPOS == "MD":
			g.modal = lw
		case strings.HasPrefix(w.XPOS, "VB"):
			if g.main >= 0 && !isAux(ws[g.main]) {
				goto done // "said following": a new verb, not part of the group
			}
			base := verbLemma(w)
			if base == "be" || base == "get" && j+1 < len(ws) && ws[j+1].XPOS == "VBN" {
				sawBe = true
			}
			if w.XPOS == "VBN" && sawBe {
				g.passive = true
			}
			g.main = j
		case lw == "not" || lw == "n't" || lw == "never":
			g.negated = true
		case w.XPOS == "RB" && j+1 < len(ws) && (strings.HasPrefix(ws[j+1].XPOS, "VB") || ws[j+1].XPOS == "RB"):
			// an adverb inside the group: "has previously allowed"
		default:
			goto done
		}
		g.words = append(g.words, j)
		j++
	}
done:
	if g.main < 0 {
		return vgroup{}, false
	}
	g.first = g.main
	// "to"-infinitive chain: "wants to see", "failed to curb".
	for j+1 < len(ws) && ws[j].XPOS == "TO" && ws[j+1].XPOS == "VB" && !g.passive {
		g.words = append(g.words, j, j+1)
		g.main = j + 1
		j += 2
		for j < len(ws) && ws[j].XPOS == "VB" && verbLemma(ws[j-1]) == "be" {
			g.words = append(g.words, j)
			g.main = j
			j++
		}
		if j < len(ws) && (ws[j].XPOS == "VBG" || ws[j].XPOS == "VBN") && verbLemma(ws[j-1]) == "be" {
			if ws[j].XPOS == "VBN" {
				g.passive = true
			}
			g.words = append(g.words, j)
			g.main = j
			j++
		}
	}
	if j < len(ws) && ws[j].XPOS == "RP" {
		g.words = append(g.words, j)
		j++
	}
	g.end = j
	return g, true
}

// relationText is the surface relation: the group's words as written.
func relationText(ws []nlp.Word, g vgroup, prep int) string {
	var parts []string
	for _, k := range g.words {
		parts = append(parts, ws[k].Text)
	}
	if prep >= 0 {
		parts = append(parts, ws[prep].Text)
	}
	return strings.Join(parts, " ")
}

// predicateLemma is the normalized predicate: auxiliaries and adverbs
// dropped, verbs lemmatized, "to"-chains and particles kept ("want to see",
// "shut down", "meet with"); passives without an agent read "be VBN".
func predicateLemma(ws []nlp.Word, g vgroup, prep int, agentless bool) string {
	var parts []string
	for idx, k := range g.words {
		w := ws[k]
		switch {
		case w.XPOS == "MD", w.XPOS == "RB":
			continue
		case strings.HasPrefix(w.XPOS, "VB"):
			// Auxiliaries before another verb are dropped.
			next := -1
			if idx+1 < len(g.words) {
				next = g.words[idx+1]
			}
			if next >= 0 && strings.HasPrefix(ws[next].XPOS, "VB") && isAux(w) && next == k+1 ||
				next >= 0 && isAux(w) && (ws[next].XPOS == "RB") && idx+2 < len(g.words) && strings.HasPrefix(ws[g.words[idx+2]].XPOS, "VB") {
				continue
			}
			if g.passive && k == g.main && agentless {
				parts = append(parts, "be", strings.ToLower(w.Text))
				continue
			}
			parts = append(parts, verbLemma(w))
		case w.XPOS == "TO":
			parts = append(parts, "to")
		case w.XPOS == "RP":
			parts = append(parts, strings.ToLower(w.Text))
		}
	}
	if prep >= 0 {
		parts = append(parts, strings.ToLower(ws[prep].Text))
	}
	return strings.Join(parts, " ")
}

// currencies are the symbols the tokenizer splits off amounts ("$" "4.5").
var currencies = map[string]string{"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}

// verbLemma is the lemma of a verb: the analyser's lemma when there is
// one, the rule-based guess otherwise.
func verbLemma(w nlp.Word) string {
	if w.Lemma != "" {
		return strings.ToLower(w.Lemma)
	}
	return lemma.Verb(w.Text, w.XPOS)
}

func isAux(w nlp.Word) bool {
	switch verbLemma(w) {
	case "be", "have", "do", "get":
		return true
	}
	return false
}

// arg is a resolved argument: the node and how it was found.
type arg struct {
	node     kg.Node
	phrase   phrase
	resolved string // "" for a name, "pronoun", "description"
	ok       bool
}

// extract finds the statements of the sentence.
func (x *sentenceExtractor) extract() []kg.Statement {
	ws := x.ws
	var out []kg.Statement
	attributed := x.attribution()
	var prevSubj *phrase
	var prevVG *vgroup
	when := x.sentenceTime()
	conditional := -1
	for i, w := range ws {
		if strings.ToLower(w.Text) == "if" || strings.ToLower(w.Text) == "unless" {
			conditional = i
			break
		}
	}
	for i := 0; i < len(ws); i++ {
		g, ok := verbGroupAt(ws, i)
		if !ok {
			continue
		}
		i = g.end - 1
		subj, rel := x.subjectOf(g)
		if ws[g.start].XPOS == "VB" && g.start > 0 && ws[g.start-1].XPOS == "CC" {
			// "will discuss X and identify Y": a bare verb after a
			// conjunction shares the subject and modal of the group before.
			if prevVG == nil || prevVG.modal == "" || prevSubj == nil {
				continue
			}
			subj, g.modal = prevSubj, prevVG.modal
		} else if ws[g.start].XPOS == "VBN" {
			// "had provided X and placed Y": a participle after a
			// conjunction shares the auxiliary, hence the subject, of an
			// active perfect before it; anything else ("injured and
			// displaced people") is not a clause.
			if prevVG == nil || prevVG.passive || ws[prevVG.main].XPOS != "VBN" || prevSubj == nil {
				continue
			}
			subj = prevSubj
		} else if subj == nil && prevSubj != nil && g.start > 0 && ws[g.start-1].XPOS == "CC" {
			subj = prevSubj // coordinated verbs share a subject
		}
		gg := g
		prevVG = &gg
		if subj == nil {
			continue
		}
		if rel && x.whoNotPerson(g, *subj) {
			continue
		}
		prevSubj = subj
		main := verbLemma(ws[g.first])
		// A reporting verb's complement is extracted on its own and
		// attributed; the verb itself is a fact only towards an entity
		// ("told reporters" no, "suggested to President Biden" yes).
		reporting := reportingVerbs[main] && g.first == g.main
		sa := x.resolve(*subj)
		if !sa.ok {
			continue
		}
		conf := 0.9
		if rel {
			conf -= 0.05
		}
		if sa.resolved != "" {
			conf -= 0.1
		}
		// Object: a noun phrase right after the group, or a preposition
		// and its noun phrase.
		j := g.end
		for j < len(ws) && ws[j].XPOS == "RB" && quantityLeadLen(ws, j) == 0 {
			j++
		}
		prep := -1
		var obj phrase
		found := false
		if g.passive {
			// Passive: "were turned away by the US" -> US turn away X.
			k := j
			for k < len(ws) && k < j+6 && ws[k].XPOS != "," {
				if strings.ToLower(ws[k].Text) == "by" {
					if p, ok := nounPhrase(ws, k+1); ok {
						agent := x.resolve(p)
						if agent.ok {
							pred := predicateLemma(ws, g, -1, false)
							st := x.statement(agent, pred, relationText(ws, g, k), sa, g, conf-0.05)
							out = x.appendStatement(out, st, when, attributed, conditional, g.start)
						}
						found = true
					}
					break
				}
				k++
			}
			if found {
				continue
			}
		}
		if p, ok := nounPhrase(ws, j); ok && !isDateStart(ws, j) {
			obj, found = p, true
		} else if j+1 < len(ws) && (ws[j].XPOS == "IN" || ws[j].XPOS == "TO") && !isClauseWord(ws[j].Text) {
			k := j + 1
			if p, ok := nounPhrase(ws, k); ok && !isDateStart(ws, k) {
				obj, found, prep = p, true, j
			}
		} else if j < len(ws) && (ws[j].XPOS == "JJ" || ws[j].XPOS == "VBN") && main == "be" {
			// copula with an adjective: skip, not a relation between things
			continue
		}
		if !found {
			continue
		}
		// "wants the United States to reopen border crossings": the object
		// is the whole infinitive clause, and the embedded clause is a fact
		// of its own, qualified by the verb that frames it.
		if lh := strings.ToLower(ws[obj.head].Text); (lh == "nothing" || lh == "little") && obj.end+1 < len(ws) && ws[obj.end].XPOS == "TO" && ws[obj.end+1].XPOS == "VB" {
			// "did nothing to stop them": a negated "stop".
			inner, _ := verbGroupInfinitive(ws, obj.end+1)
			if p, ok := nounPhrase(ws, inner.end); ok {
				if oa := x.resolve(p); oa.ok {
					inner.negated = true
					st := x.statement(sa, predicateLemma(ws, inner, -1, false), x.text(g.start, inner.end), oa, inner, conf-0.15)
					st.Negated = true
					out = x.appendStatement(out, st, when, attributed, conditional, g.start)
				}
			}
			continue
		}
		if reporting {
			goto objects
		}
		if obj.end+1 < len(ws) && ws[obj.end].XPOS == "TO" && ws[obj.end+1].XPOS == "VB" && prep < 0 {
			inner, ok := verbGroupInfinitive(ws, obj.end+1)
			if ok {
				clauseEnd := x.clauseEnd(inner.end)
				concept := kg.Node{Name: trimDeterminer(x.text(obj.start, clauseEnd)), Type: kg.Concept}
				pred := predicateLemma(ws, g, -1, false)
				st := x.statement(sa, pred, relationText(ws, g, -1), arg{node: concept, ok: true}, g, conf-0.1)
				out = x.appendStatement(out, st, when, attributed, conditional, g.start)
				inSubj := x.resolve(obj)
				if inSubj.ok {
					k := inner.end
					if p, ok := nounPhrase(ws, k); ok {
						oa := x.resolve(p)
						if oa.ok {
							st := x.statement(inSubj, predicateLemma(ws, inner, -1, false), relationText(ws, inner, -1), oa, inner, conf-0.2)
							st.Modality = main
							out = x.appendStatement(out, st, when, attributed, conditional, g.start)
						}
					}
				}
				continue
			}
		}
	objects:
		objs := x.conjuncts(obj)
		for _, o := range objs {
			oa := x.resolve(o)
			if !oa.ok || reporting && !oa.node.IsEntity() {
				continue
			}
			c := conf
			if oa.resolved != "" {
				c -= 0.1
			}
			if n := o.end - o.start; n > 6 {
				c -= 0.05 * math.Min(4, float64(n-6))
			}
			if g.passive {
				c -= 0.1
			}
			pred := predicateLemma(ws, g, prep, g.passive)
			st := x.statement(sa, pred, relationText(ws, g, prep), oa, g, c)
			st.Place = x.placeAfter(o.end)
			out = x.appendStatement(out, st, when, attributed, conditional, g.start)
		}
	}
	return out
}

// conjuncts splits "X and Y" objects into their parts when both are noun
// phrases: "32,000 troops and National Guard officers".
func (x *sentenceExtractor) conjuncts(p phrase) []phrase {
	ws := x.ws
	out := []phrase{p}
	for p.end+1 < len(ws) && (strings.ToLower(ws[p.end].Text) == "and" || strings.ToLower(ws[p.end].Text) == "or") {
		q, ok := nounPhrase(ws, p.end+1)
		if !ok || q.end < len(ws) && strings.HasPrefix(ws[q.end].XPOS, "VB") && ws[q.end].XPOS != "VBG" && ws[q.end].XPOS != "VBN" {
			break
		}
		out = append(out, q)
		p = q
	}
	return out
}

func isClauseWord(s string) bool {
	switch strings.ToLower(s) {
	case "that", "if", "because", "while", "although", "whether", "as", "when", "after", "before", "since", "until", "so":
		return true
	}
	return false
}

func isDateStart(ws []nlp.Word, i int) bool { return datePhrase(ws, i) > i }

func verbGroupInfinitive(ws []nlp.Word, i int) (vgroup, bool) {
	g := vgroup{start: i, main: i, first: i, words: []int{i}}
	j := i + 1
	if j < len(ws) && ws[j].XPOS == "RP" {
		g.words = append(g.words, j)
		j++
	}
	g.end = j
	return g, true
}

// phraseEnd returns where the noun phrase (with "of" complements) after a
// verb ends, or i when none follows.
func (x *sentenceExtractor) phraseEnd(i int) int {
	if p, ok := nounPhrase(x.ws, i); ok {
		return p.end
	}
	return i
}

// subjectOf finds the subject of a verb group: the noun phrase ending just
// before it, through a relative pronoun to its antecedent, or past a
// parenthetical between commas.
func (x *sentenceExtractor) subjectOf(g vgroup) (*phrase, bool) {
	ws := x.ws
	k := g.start - 1
	for k >= 0 && ws[k].XPOS == "RB" {
		k--
	}
	if k < 0 {
		return nil, false
	}
	rel := false
	if ws[k].XPOS == "WDT" || ws[k].XPOS == "WP" || strings.ToLower(ws[k].Text) == "that" && k > 0 && isNounTag(ws[k-1].XPOS) {
		rel = true
		k--
		if k >= 0 && ws[k].Text == "," {
			k--
		}
	}
	if k >= 0 && ws[k].Text == "," && !rel {
		// "A group of 6,000 migrants, including many from X, attempted":
		// skip a parenthetical that opens with a participle or preposition.
		open := -1
		for b := k - 1; b >= 0; b-- {
			if ws[b].Text == "," {
				open = b
				break
			}
		}
		if open > 0 && (ws[open+1].XPOS == "VBG" || ws[open+1].XPOS == "IN" || ws[open+1].XPOS == "VBN" || ws[open+1].XPOS == "DT") {
			k = open - 1
		} else {
			return nil, false
		}
	}
	if k < 0 || !(isNounTag(ws[k].XPOS) || ws[k].XPOS == "PRP" || ws[k].XPOS == "CD" || ws[k].Text == "%") {
		return nil, false
	}
	// Walk back to the start of the phrase, through "of" complements.
	b := k
	for b > 0 {
		t := ws[b-1].XPOS
		// An adverb inside the phrase modifies the adjective after it
		// ("Islam's most holy site") or leads a quantity ("around 11%").
		adverb := (t == "RB" || t == "RBS" || t == "RBR") && b-1 > 0 && (quantityLeadLen(ws, b-1) > 0 || ws[b].XPOS == "JJ")
		if isNPTag(t) && t != "VBN" && t != "VBG" || adverb {
			b--
			continue
		}
		if strings.ToLower(ws[b-1].Text) == "of" && b-2 >= 0 && isNounTag(ws[b-2].XPOS) {
			b--
			continue
		}
		if q := quantityLeadLen(ws, b-1); q > 0 {
			b--
			continue
		}
		if b-2 >= 0 && quantityLeadLen(ws, b-2) == 2 {
			b -= 2
			continue
		}
		break
	}
	if ws[k].XPOS == "PRP" {
		b = k
	}
	p, ok := nounPhrase(ws, b)
	if !ok || p.end < k+1 {
		p = phrase{b, k + 1, k}
	}
	p.end = k + 1
	p.head = k
	return &p, rel
}

// attribution returns, for each word, the speaker the words are
// attributed to: the subject of a reporting verb over its "that" clause or
// over the quotation it follows.
func (x *sentenceExtractor) attribution() []*kg.Node {
	ws := x.ws
	out := make([]*kg.Node, len(ws))
	for i := 0; i < len(ws); i++ {
		g, ok := verbGroupAt(ws, i)
		if !ok {
			continue
		}
		if !reportingVerbs[verbLemma(ws[g.first])] || g.first != g.main {
			i = g.end - 1
			continue
		}
		subj, _ := x.subjectOf(g)
		var speaker *kg.Node
		if subj != nil {
			if a := x.resolve(*subj); a.ok {
				n := a.node
				speaker = &n
			}
		}
		if subj == nil {
			// '"...," López Obrador stated.': the speaker follows the quote.
			if p, ok := x.speakerBefore(g.start); ok {
				if a := x.resolve(p); a.ok {
					n := a.node
					speaker = &n
				}
			}
		}
		if speaker == nil {
			i = g.end - 1
			continue
		}
		// A quotation before the speaker.
		if q := x.quoteBefore(g.start); q >= 0 {
			for k := 0; k < q; k++ {
				out[k] = speaker
			}
		}
		for k := g.end; k < len(ws); k++ {
			out[k] = speaker
		}
		i = g.end - 1
	}
	return out
}

// speakerBefore finds the noun phrase between a closing quote and the
// reporting verb at v.
func (x *sentenceExtractor) speakerBefore(v int) (phrase, bool) {
	ws := x.ws
	for b := v - 1; b >= 0; b-- {
		if isQuote(ws[b].Text) || ws[b].Text == "," {
			return nounPhrase(ws, b+1)
		}
	}
	return phrase{}, false
}

// quoteBefore returns the index of the closing quote that the reporting
// verb at v follows, or -1.
func (x *sentenceExtractor) quoteBefore(v int) int {
	for b := v - 1; b >= 0; b-- {
		if isQuote(x.ws[b].Text) {
			return b
		}
	}
	return -1
}

// sentenceTime is the first date expression of the sentence, kept as the
// time of its statements.
func (x *sentenceExtractor) sentenceTime() string {
	ws := x.ws
	for i := range ws {
		if e := datePhrase(ws, i); e > i {
			return x.text(i, e)
		}
	}
	return ""
}

// placeAfter returns a place named by "in/at/near X" right after word i.
func (x *sentenceExtractor) placeAfter(i int) string {
	ws := x.ws
	if i+1 >= len(ws) {
		return ""
	}
	switch strings.ToLower(ws[i].Text) {
	case "in", "at", "near", "across", "inside":
	default:
		return ""
	}
	p, ok := nounPhrase(ws, i+1)
	if !ok {
		return ""
	}
	if a := x.resolve(p); a.ok && (a.node.Type == kg.GPE || a.node.Type == kg.Location) {
		return a.node.Name
	}
	return ""
}

func (x *sentenceExtractor) text(i, j int) string {
	if j <= i {
		return ""
	}
	return x.doc.text[x.ws[i].Start:x.ws[j-1].End]
}

func trimDeterminer(s string) string {
	for _, d := range []string{"the ", "a ", "an ", "The ", "A ", "An "} {
		if strings.HasPrefix(s, d) {
			return s[len(d):]
		}
	}
	return s
}

// statement assembles a statement; its span covers the arguments and the
// relation.
func (x *sentenceExtractor) statement(s arg, pred, rel string, o arg, g vgroup, conf float64) kg.Statement {
	start, end := s.phrase.start, o.phrase.end
	if g.start < start {
		start = g.start
	}
	if g.end > end {
		end = g.end
	}
	if o.phrase.end == 0 && o.phrase.start == 0 {
		end = g.end
	}
	if o.phrase.start < start && o.phrase.end > 0 {
		start = o.phrase.start
	}
	if s.phrase.end > end {
		end = s.phrase.end
	}
	return kg.Statement{
		Subject:    s.node,
		Predicate:  pred,
		Relation:   rel,
		Object:     o.node,
		Confidence: math.Round(math.Max(0.05, math.Min(0.99, conf))*100) / 100,
		Sentence:   x.sent.Index,
		Span:       kg.Span{Start: x.doc.runeOffset(x.ws[start].Start), End: x.doc.runeOffset(x.ws[end-1].End)},
		Text:       x.doc.text[x.sent.Start:x.sent.End],
		Negated:    g.negated,
		Modality:   g.modal,
	}
}

// appendStatement adds qualifiers and drops vacuous statements.
func (x *sentenceExtractor) appendStatement(out []kg.Statement, st kg.Statement, when string, attributed []*kg.Node, conditional, verb int) []kg.Statement {
	if st.Predicate == "" || st.Relation == "" || st.Subject.Name == "" || st.Object.Name == "" {
		return out
	}
	if st.Subject.ID != "" && st.Subject.ID == st.Object.ID {
		return out
	}
	if st.Time == "" {
		st.Time = when
	}
	// Attribution is by the first word of the relation inside the span.
	for i, w := range x.ws {
		if x.doc.runeOffset(w.Start) >= st.Span.Start {
			if attributed[i] != nil && attributed[i].Name != st.Subject.Name {
				a := *attributed[i]
				st.AttributedTo = &a
			}
			break
		}
	}
	if conditional >= 0 && verb > conditional && st.Modality == "" {
		st.Modality = "if"
	}
	return append(out, st)
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
		if e := x.doc.pronoun(x.sent.Index, p.head); e >= 0 {
			a.node, a.resolved, a.ok = x.doc.node(e), "pronoun", true
			x.doc.addMention(e, x.sent, p.start, p.end, "pronoun")
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
		if e < 0 {
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

// isTitleNoun reports whether a common noun names a role a person holds.
func isTitleNoun(s string) bool {
	return gazetteer.IsTitle(s)
}

// clauseEnd returns where an infinitive clause that starts its object at i
// ends: at a comma, a relative pronoun or the end of the sentence, and no
// more than twelve words on.
func (x *sentenceExtractor) clauseEnd(i int) int {
	ws := x.ws
	j := i
	for j < len(ws) && j < i+12 {
		t := ws[j].XPOS
		if t == "," || t == "." || t == ":" || t == "WDT" || t == "WP" || t == "``" || isQuote(ws[j].Text) {
			break
		}
		j++
	}
	for j > i && (ws[j-1].XPOS == "IN" || ws[j-1].XPOS == "CC" || ws[j-1].XPOS == "DT" || ws[j-1].XPOS == "TO") {
		j--
	}
	return j
}

// whoNotPerson reports whether the antecedent of "who" is a named entity
// that is not a person: then it is not the real antecedent ("migrants from
// Cuba who had been turned away"), and the clause is left alone.
func (x *sentenceExtractor) whoNotPerson(g vgroup, subj phrase) bool {
	k := g.start - 1
	for k >= 0 && x.ws[k].XPOS == "RB" {
		k--
	}
	if k < 0 || strings.ToLower(x.ws[k].Text) != "who" {
		return false
	}
	e := x.doc.entityAt(x.sent.Index, subj.head)
	return e >= 0 && x.doc.clusters[e].typ != kg.Person
}

// taggedSubject reports whether a bare verb at i follows its subject
// directly ("the United States temporarily shut down"): the tagger read a
// finite verb as a base form.
func taggedSubject(ws []nlp.Word, i int) bool {
	k := i - 1
	if k >= 0 && ws[k].XPOS == "RB" {
		k--
	}
	return k >= 0 && (isNounTag(ws[k].XPOS) || ws[k].XPOS == "PRP") && (k == 0 || ws[k-1].XPOS != "TO")
}

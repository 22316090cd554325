package loader

import (
	"strings"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader/openie"
	"github.com/newsgraph/newsgraph/nlp"
)

// reportingVerbs introduce reported speech: their complement is kept as
// facts attributed to the speaker, not as an object.
var reportingVerbs = map[string]bool{
	"say": true, "state": true, "claim": true, "tell": true, "announce": true, "verify": true,
	"add": true, "note": true, "report": true, "confirm": true, "insist": true, "argue": true,
	"warn": true, "explain": true, "declare": true, "deny": true, "allege": true, "assert": true,
	"believe": true, "think": true, "reveal": true, "acknowledge": true, "admit": true, "write": true,
	"tweet": true, "stress": true, "emphasize": true, "predict": true, "estimate": true, "suggest": true,
	"recall": true, "remark": true, "concede": true, "contend": true, "mention": true, "disclose": true,
	"testify": true, "assure": true, "caution": true, "recount": true, "lament": true, "reply": true,
	"respond": true, "complain": true, "reiterate": true, "conclude": true, "hint": true, "imply": true,
	"comment": true, "relate": true, "describe": true, "characterize": true, "joke": true,
	"boast": true, "insinuate": true, "maintain": true,
}

// reportingThat report what their "that" clause says, and only that:
// "Wilkins observed that ...", "a study found that ...", "WHO recommends
// that every country should ..." (what they see, find or recommend
// otherwise is a fact or a request of its own).
var reportingThat = map[string]bool{"observe": true, "find": true, "show": true, "indicate": true,
	"determine": true, "recommend": true, "propose": true, "urge": true, "demand": true, "stipulate": true}

// hasMark reports whether clause h is introduced by the subordinator m.
func hasMark(ws []nlp.Word, h int, m string) bool {
	for _, w := range ws {
		if w.Head == h && w.Rel == "mark" && strings.EqualFold(w.Text, m) {
			return true
		}
	}
	return false
}

// reports reports whether verb v introduces reported speech: a reporting
// verb, or any verb that closes a quotation it governs ('"We will win,"
// shared Mr. Scott'), which news writing uses as one.
func reports(ws []nlp.Word, v int) bool {
	if reportingVerbs[verbLemma(ws[v])] {
		return true
	}
	if reportingThat[verbLemma(ws[v])] {
		for k, w := range ws {
			if w.Head == v && w.Rel == "ccomp" && hasMark(ws, k, "that") {
				return true
			}
		}
	}
	if v < 2 || !isQuote(ws[v-1].Text) || ws[v].UPOS != "VERB" {
		return false
	}
	for k := v - 2; k >= 0; k-- {
		if ws[k].Head == v && ws[k].Rel == "ccomp" {
			return true
		}
	}
	return false
}

// commaBefore reports a comma right before the phrase of k (its words
// from its leftmost dependent).
func commaBefore(ws []nlp.Word, k int) bool {
	lo := k
	for i := k - 1; i >= 0; i-- {
		if nlp.Below(ws, i, k) && ws[i].UPOS != "PUNCT" {
			lo = i
		}
	}
	if lo > 0 && isQuote(ws[lo-1].Text) {
		lo-- // '"...," she added'
	}
	return lo > 0 && ws[lo-1].Text == ","
}

// afterQuote reports whether word v follows a closing quotation mark
// ('"...," said X', '"..." , said X') and governs the quoted clause.
func afterQuote(ws []nlp.Word, v int) bool {
	q := v - 1
	if q > 0 && ws[q].Text == "," {
		q--
	}
	if q < 1 || !isQuote(ws[q].Text) {
		return false
	}
	for k := q - 1; k >= 0; k-- {
		if ws[k].Head == v && (ws[k].Rel == "ccomp" || ws[k].Rel == "parataxis") {
			return true
		}
	}
	return false
}

// fixQuoteTag repairs the tag that closes a quotation ('..., it is
// taking place here," shared Mr. Scott.') parsed as a verb coordinated
// with the quoted clause: a verb right after the closing quotation mark,
// followed by nothing but its speaker and the final punctuation, is the
// sentence's root, says the clause before it, and the name after it is
// its subject.
func fixQuoteTag(ws []nlp.Word) {
	for v := 2; v < len(ws); v++ {
		q := v - 1
		if !isQuote(ws[q].Text) || ws[v].UPOS != "VERB" || ws[v].XPOS != "VBD" && ws[v].XPOS != "VBZ" {
			continue
		}
		if ws[q-1].Text != "," && ws[q-1].Text != "?" && ws[q-1].Text != "!" {
			continue
		}
		root := ws[v].Head
		if root < 0 || root >= q || ws[root].Head != -1 || ws[v].Rel != "conj" && ws[v].Rel != "parataxis" {
			continue
		}
		speaker := -1
		ok := true
		for k := v + 1; k < len(ws); k++ {
			switch {
			case ws[k].UPOS == "PUNCT" && k == len(ws)-1:
			case nlp.Below(ws, k, v) && ws[k].Head != v:
			case ws[k].Head == v && (ws[k].Rel == "obj" || strings.HasPrefix(ws[k].Rel, "nsubj")) && speaker < 0 &&
				(ws[k].UPOS == "PROPN" || ws[k].UPOS == "NOUN" || ws[k].UPOS == "PRON"):
				speaker = k
			default:
				ok = false
			}
		}
		for k := 0; k < q; k++ {
			if ws[k].Head == v && ws[k].UPOS != "PUNCT" {
				ok = false // the verb has words of its own before the quote
			}
		}
		if !ok || speaker < 0 {
			continue
		}
		reportRoot(ws, v, root)
		ws[speaker].Rel = "nsubj"
		return
	}
}

// fixInvertedSpeaker repairs '"...," said Mr. Scott' parsed with the
// speaker as the object of the verb: a verb of saying right after the
// quotation it governs, with no subject, has the noun after it as its
// subject.
func fixInvertedSpeaker(ws []nlp.Word) {
	for v := range ws {
		if ws[v].UPOS != "VERB" || !reports(ws, v) || !afterQuote(ws, v) {
			continue
		}
		obj := -1
		for k := range ws {
			if ws[k].Head != v {
				continue
			}
			if strings.HasPrefix(ws[k].Rel, "nsubj") {
				obj = -2
				break
			}
			if ws[k].Rel == "obj" && k > v && obj == -1 && (ws[k].UPOS == "PROPN" || ws[k].UPOS == "NOUN") {
				obj = k
			}
		}
		if obj >= 0 {
			ws[obj].Rel = "nsubj"
		}
	}
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
// attributed to (nil for none), read off the dependency parse:
//
//   - a reporting verb's complement clause is its subject's: "X said (that)
//     Y ...", "X told reporters that Y ...", "Y ..., X said" (the main
//     clause a parataxis of "said"), ".., said X" (the subject after the
//     verb); quoted words in its sentence are the speaker's too;
//   - "according to X" gives its clause to X.
//
// The reporting clause itself states nothing (statements skips it). When
// the parse shows no speaker, the tag patterns of patternAttribution
// ('"...," López Obrador stated') are tried.
func (x *sentenceExtractor) attribution() []*kg.Node {
	ws := x.ws
	out := make([]*kg.Node, len(ws))
	kids := make([][]int, len(ws))
	for k, w := range ws {
		if w.Head >= 0 && w.Head < len(ws) {
			kids[w.Head] = append(kids[w.Head], k)
		}
	}
	child := func(h int, rels ...string) int {
		for _, k := range kids[h] {
			for _, r := range rels {
				if ws[k].Rel == r {
					return k
				}
			}
		}
		return -1
	}
	span := func(h int) (int, int) {
		lo, hi := h, h+1
		var walk func(int)
		walk = func(k int) {
			lo, hi = min(lo, k), max(hi, k+1)
			for _, c := range kids[k] {
				walk(c)
			}
		}
		walk(h)
		return lo, hi
	}
	// speakerOf resolves the phrase headed by h to a node.
	speakerOf := func(h, from int) *kg.Node {
		lo, hi := span(h)
		lo = max(lo, from)
		// the speaker's own apposition or relative clause is not it:
		// "Steve Whitmore, a spokesman for the sheriff,"
		for _, c := range kids[h] {
			if c > h && (ws[c].Rel == "appos" || ws[c].Rel == "acl:relcl" || ws[c].Rel == "punct") {
				clo, _ := span(c)
				hi = min(hi, max(clo, h+1))
			}
		}
		for lo < h && (ws[lo].UPOS == "PUNCT" || ws[lo].Head == h && ws[lo].Rel == "case" || strings.EqualFold(ws[lo].Text, "according") || ws[lo].Rel == "fixed") {
			lo++ // "according to X": X
		}
		a := x.resolve(x.namePhrase(openie.Arg{Words: wordRange(lo, hi), Head: h}))
		if !a.ok {
			if n, ok := x.earlierSubject(h); ok {
				return &n // "Scientology officials went to the station where they claimed ..."
			}
			return nil
		}
		n := a.node
		return &n
	}
	give := func(lo, hi int, speaker *kg.Node, skipLo, skipHi int) {
		for k := lo; k < hi; k++ {
			if (k < skipLo || k >= skipHi) && out[k] == nil {
				out[k] = speaker
			}
		}
	}
	found := false
	for v, w := range ws {
		if w.UPOS != "VERB" || !reports(ws, v) {
			continue
		}
		subj := child(v, "nsubj")
		if subj < 0 && w.Head >= 0 && (w.Rel == "advcl" || w.Rel == "conj" || w.Rel == "xcomp") {
			// "The mayor defended the plan, saying that ...": the one
			// who defended it says it
			subj = child(w.Head, "nsubj")
		}
		if subj < 0 {
			continue
		}
		relative := false
		switch strings.ToLower(ws[subj].Text) {
		case "who", "that", "which":
			relative = ws[subj].UPOS == "PRON"
			if w.Rel == "acl:relcl" && w.Head >= 0 && ws[w.Head].UPOS != "VERB" {
				subj = w.Head // "Rathbun, who said ...": Rathbun
			} else if relative {
				// a relative clause the parser did not attach as one,
				// or attached to the verb ("thanked Mary Smith, who
				// said"): its antecedent is the noun before it
				a := subj - 1
				for a >= 0 && ws[a].UPOS == "PUNCT" {
					a--
				}
				if a < 0 || ws[a].UPOS != "PROPN" && ws[a].UPOS != "NOUN" {
					continue
				}
				subj = a
			}
		}
		speaker := speakerOf(subj, 0)
		if speaker == nil && ws[subj].XPOS == "PRP" && !firstPersonSingular[strings.ToLower(ws[subj].Text)] {
			// "he added that ...", "he" resolved to no one: what he says
			// is still his, not a plain fact
			speaker = unknownSpeaker
		}
		if speaker == nil {
			continue
		}
		vlo, vhi := span(v)
		if c := child(v, "ccomp"); c >= 0 && !conditionalClause(ws, kids, c) {
			lo, hi := span(c)
			give(lo, hi, speaker, -1, -1)
			found = true
		}
		if h := w.Head; w.Rel == "parataxis" && h >= 0 && !relative {
			// "Y happened, X said": the clause around the saying
			lo, hi := span(h)
			give(lo, hi, speaker, vlo, vhi)
			found = true
		}
		for _, c := range kids[v] {
			if ws[c].Rel == "parataxis" && (c < v || child(v, "ccomp") >= 0 && child(v, "obj") < 0) ||
				ws[c].Rel == "advcl" && c < subj && child(c, "mark") < 0 && commaBefore(ws, subj) {
				// (a clause after the report continues what a clause
				// of it began: "He said that every day he came home,
				// he would find her crying")
				// "Y happened, X reported", also when the parse makes the
				// clause an adverbial one of the report
				lo, hi := span(c)
				give(lo, hi, speaker, -1, -1)
				found = true
			}
		}
		// Quoted words of the sentence are the speaker's.
		open := -1
		for k, q := range ws {
			if !isQuote(q.Text) {
				continue
			}
			if open < 0 {
				open = k
				continue
			}
			if !(v > open && v < k) {
				give(open+1, k, speaker, -1, -1)
				found = true
			}
			open = -1
		}
	}
	for k, w := range ws {
		// "according to X": X is obl, "according" its case marker
		if strings.EqualFold(w.Text, "according") && w.Rel == "case" {
			h := w.Head
			if h < 0 || ws[h].Head < 0 {
				continue
			}
			speaker := speakerOf(h, k) // (not what the parse hung before it)
			if speaker == nil {
				continue
			}
			// the clause it qualifies, also when the parse hung it on
			// a noun of the clause ("fail in 27% of patients,
			// according to studies")
			c := ws[h].Head
			for n := 0; n < len(ws) && ws[c].UPOS != "VERB" && ws[c].Head >= 0 && !nlp.HasChild(ws, c, "cop", "nsubj", "nsubj:pass"); n++ {
				c = ws[c].Head
			}
			slo, shi := span(h)
			slo = min(slo, k)
			if edge := k == 0 || k > 0 && ws[k-1].Text == "," && (shi == len(ws) || shi == len(ws)-1 && ws[shi].UPOS == "PUNCT"); edge {
				// set off at the start or the end of the sentence,
				// it reports all of it ("..., when it exhibited its
				// collection in 2010, according to the curator")
				for ws[c].Head >= 0 {
					c = ws[c].Head
				}
			}
			lo, hi := span(c)
			give(lo, hi, speaker, slo, shi)
			found = true
		}
	}
	if open, q, h := verblessQuoteTag(ws); h >= 0 {
		// '"...," Augusto Reyes, Director of the agency.': the name
		// after the quotation is its speaker, with no verb of saying
		if speaker := speakerOf(h, q+1); speaker != nil {
			give(open+1, q, speaker, -1, -1)
			found = true
		}
	}
	if !found {
		out = x.patternAttribution()
	}
	// In an interview every word of a turn is its speaker's.
	if speaker := x.doc.turnSpeaker(x.sent.Index); speaker != nil {
		for k := range out {
			if out[k] == nil {
				out[k] = speaker
			}
		}
	}
	return out
}

// verblessQuoteTag finds a quotation closed by a comma and followed by
// nothing but a name, with its apposition, to the end of the sentence:
// '"We will restore it," Augusto Reyes, Director of the agency.' It gives
// the opening and closing quotation marks and the name's head; h is -1
// when the sentence is not so.
func verblessQuoteTag(ws []nlp.Word) (open, q, h int) {
	open, q, h = -1, -1, -1
	for k, w := range ws {
		if !isQuote(w.Text) {
			continue
		}
		if open < 0 {
			open = k
		} else if q < 0 {
			q = k
		}
	}
	if open < 0 || q < 0 || q < 2 || ws[q-1].Text != "," || q+1 >= len(ws) || ws[q+1].XPOS != "NNP" {
		return -1, -1, -1
	}
	for k := q + 1; k < len(ws); k++ {
		if u := ws[k].UPOS; u == "VERB" || u == "AUX" || isQuote(ws[k].Text) {
			return -1, -1, -1
		}
	}
	h = q + 1
	for ws[h].Rel == "flat" && ws[h].Head > q && ws[h].Head < h {
		h = ws[h].Head
	}
	for ws[h].Rel == "flat" && ws[h].Head == h-1 {
		h--
	}
	return open, q, h
}

// namedSpeaker is the speaker a sentence names last: the speaker of
// its last reported word, or else its main clause's subject when that is
// a person; nil for none.
func (x *sentenceExtractor) namedSpeaker() *kg.Node {
	for k := len(x.ws) - 1; k >= 0; k-- {
		if a := x.attributed[k]; a != nil {
			if a == unknownSpeaker {
				return nil
			}
			return a
		}
	}
	for k, w := range x.ws {
		if w.Head != -1 {
			continue
		}
		for s, c := range x.ws {
			if c.Head == k && c.Rel == "nsubj" {
				if a := x.resolve(x.namePhrase(x.core(openie.Arg{Words: x.subtree(s), Head: s}))); a.ok && a.node.Type == kg.Person {
					n := a.node
					return &n
				}
			}
		}
	}
	// A parse that missed the main clause's subject ("Amidst this news,
	// the governor called for ...", with "Amidst" read as the subject):
	// the one person some clause of the sentence has for its subject.
	var only *kg.Node
	for s, c := range x.ws {
		if c.Rel != "nsubj" || c.XPOS == "PRP" {
			continue
		}
		a := x.resolve(x.namePhrase(x.core(openie.Arg{Words: x.subtree(s), Head: s})))
		if !a.ok || a.node.Type != kg.Person {
			continue
		}
		if only != nil && only.ID != a.node.ID {
			return nil
		}
		n := a.node
		only = &n
	}
	return only
}

// unknownSpeaker stands for a speaker the text names only by a pronoun
// nobody could be found for: the statements of what they say are left
// out (appendStatement) rather than stated as facts or given to someone
// else.
var unknownSpeaker = &kg.Node{}

// earlierSubject resolves a plural pronoun that the resolver left alone
// ("they") to the subject of a clause before it in the same sentence
// when that subject is plural: a speaker named as a group of people
// rather than by name.
func (x *sentenceExtractor) earlierSubject(k int) (kg.Node, bool) {
	ws := x.ws
	if !strings.EqualFold(ws[k].Text, "they") {
		return kg.Node{}, false
	}
	for s := k - 1; s >= 0; s-- {
		if ws[s].Rel == "nsubj" && (ws[s].XPOS == "NNS" || ws[s].XPOS == "NNPS") {
			a := x.resolve(x.namePhrase(x.core(openie.Arg{Words: x.subtree(s), Head: s})))
			return a.node, a.ok
		}
	}
	return kg.Node{}, false
}

// turnSpeaker is who speaks the paragraph sentence i is in, when a
// speaker's turn marker opens it ("Mario J Lucero:") or a paragraph of the
// same turn before it (an answer may run over several paragraphs, up to
// the next marker), or nil. A heading, a caption or a credit ends a turn.
func (d *docState) turnSpeaker(i int) *kg.Node {
	for j := i; j >= 0; j-- {
		if j < i && !d.turns[j] && (d.quiet[j] || len(d.sents[j].Words) == 0 || heading(d.sents[j].Words)) {
			return nil
		}
		if d.turns[j] {
			s := d.sents[j]
			for k := range s.Words {
				if e := d.entityAt(j, k); e >= 0 {
					n := d.node(e)
					return &n
				}
			}
			return nil
		}
		if paragraphStart(d.text, d.sents[j].Start) && !d.interview {
			return nil
		}
	}
	return nil
}

// wordRange is the word indices [lo, hi).
func wordRange(lo, hi int) []int {
	out := make([]int, 0, hi-lo)
	for k := lo; k < hi; k++ {
		out = append(out, k)
	}
	return out
}

// patternAttribution returns, for each word, the speaker the words are
// attributed to by tag patterns: the subject of a reporting verb group
// over what follows it, or over the quotation it follows.
func (x *sentenceExtractor) patternAttribution() []*kg.Node {
	ws := x.ws
	out := make([]*kg.Node, len(ws))
	for i := 0; i < len(ws); i++ {
		g, ok := verbGroupAt(ws, i)
		if !ok {
			continue
		}
		if !reportingVerbs[verbLemma(ws[g.first])] || g.first != g.main || x.quoteBefore(g.start) < 0 && !reportAhead(ws, g.end, g.main) {
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

// reportAhead reports whether the words from k on after the reporting
// verb v hold something reported: "that", a quotation, a colon or a
// finite verb not coordinated with v. "believed fervently in the written
// word, cranking out books" and "believed in hard work and built schools"
// report nothing.
func reportAhead(ws []nlp.Word, k, v int) bool {
	if k < len(ws) && conditions[strings.ToLower(ws[k].Text)] {
		return false // "will respond if the enemy ...": a condition, not what is said
	}
	for ; k < len(ws); k++ {
		w := ws[k]
		switch {
		case strings.EqualFold(w.Text, "that"), isQuote(w.Text), w.Text == ":":
			return true
		case (w.XPOS == "VBD" || w.XPOS == "VBZ" || w.XPOS == "VBP" || w.XPOS == "MD") && !(w.Head == v && w.Rel == "conj"):
			return true
		}
	}
	return false
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

// carryQuotations gives a quotation's speaker to all of it. A quotation
// may run over several sentences of a paragraph ('"The bridge fell at
// noon. Three workers died," Smith said.'): its words in sentences where
// the parse finds no speaker take the speaker found in another of its
// sentences. A quotation that opens a sentence and names no speaker at
// all continues the previous quotation when that one is in the same
// paragraph or the one before ('"We will rebuild," she said. / "It will
// take years."'), as news writing does.
func (d *docState) carryQuotations(xs []*sentenceExtractor) {
	type word struct{ x, k int }
	type quotation struct {
		words     []word
		speaker   *kg.Node
		para      int  // paragraph it starts in
		opens     bool // it opens its sentence
		hasClause bool // it holds a verb, not only a title or a phrase
	}
	var quotes []*quotation
	var cur *quotation
	para := -1
	for i, x := range xs {
		if paragraphStart(d.text, x.sent.Start) {
			para++
			cur = nil // an unclosed quotation does not run over a paragraph
		}
		for k, w := range x.ws {
			if isQuote(w.Text) {
				if cur == nil {
					cur = &quotation{para: para, opens: k == 0}
					quotes = append(quotes, cur)
				} else {
					cur = nil
				}
				continue
			}
			if cur == nil {
				continue
			}
			cur.words = append(cur.words, word{i, k})
			if cur.speaker == nil && x.attributed[k] != nil {
				cur.speaker = x.attributed[k]
			}
			if w.UPOS == "VERB" || w.UPOS == "AUX" {
				cur.hasClause = true
			}
		}
	}
	var last *quotation
	for _, q := range quotes {
		if q.speaker == nil && last != nil && q.opens && q.hasClause && q.para-last.para <= 1 {
			q.speaker = last.speaker
		}
		if len(q.words) == 0 {
			continue // an empty quotation ('""') carries no words to attribute
		}
		if i := q.words[0].x; q.speaker == nil && q.opens && q.hasClause && i > 0 && q.words[0].k == 1 &&
			paragraphStart(d.text, xs[i].sent.Start) && xs[i-1].sent.Index == xs[i].sent.Index-1 {
			// a paragraph of quotation continues the speaker the
			// sentence before it names: 'Rathbun stated, / "Daniel
			// was picked up ..."', 'The governor called for calm. /
			// "I realise this will be shocking news ..."'
			q.speaker = xs[i-1].namedSpeaker()
		}
		if q.speaker == nil {
			continue
		}
		for _, w := range q.words {
			if xs[w.x].attributed[w.k] == nil {
				xs[w.x].attributed[w.k] = q.speaker
			}
		}
		last = q
	}
}

// conditions open clauses of condition, cause or time.
var conditions = map[string]bool{"if": true, "unless": true, "because": true, "when": true, "whenever": true,
	"once": true, "until": true, "since": true, "although": true, "though": true, "while": true}

// conditionalClause reports a clause opened by a conjunction of condition,
// cause or time ("if", "unless", "because", "when"): the parser sometimes
// makes it the complement of a verb of saying ("the army will respond if
// the enemy does not stop"), but nobody says it.
func conditionalClause(ws []nlp.Word, kids [][]int, c int) bool {
	for _, k := range kids[c] {
		if ws[k].Rel == "mark" && k < c && conditions[strings.ToLower(ws[k].Text)] {
			return true
		}
	}
	return false
}

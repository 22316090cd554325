package loader

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/coref"
)

// resolveCoreference runs the coreference model (package nlp/coref, learned
// from GUM's chains) over the article's sentences and names: its links
// answer pronouns and descriptions (pronoun, description), and the names
// it puts on one entity join one cluster. The name clusters cluster.go
// made stay together (the model is told them).
func (d *docState) resolveCoreference() error {
	m, err := coref.Embedded()
	if err != nil {
		return err
	}
	names := make([]coref.NameSpan, len(d.mentions))
	for i, mn := range d.mentions {
		names[i] = coref.NameSpan{Sent: mn.sent, Start: mn.start, End: mn.end, Type: mn.typ, Group: mn.entity + 1}
	}
	d.links = m.ResolveNames(d.sents, names)
	qualified := d.qualifiedPlaces()
	for i := range d.mentions {
		f := d.links.First(i)
		if f == i || f < 0 {
			continue
		}
		a, b := d.mentions[f].entity, d.mentions[i].entity
		if !slices.ContainsFunc(qualified, func(p [2]int) bool {
			x, y := d.mentions[p[0]].entity, d.mentions[p[1]].entity
			return x == a && y == b || x == b && y == a
		}) {
			d.joinClusters(a, b)
		}
	}
	return nil
}

// qualifiedPlaces are the pairs of place mentions of which the second
// qualifies the first ("Houston, Texas", "Paris, France"): the model reads
// the pair as an apposition, but a city is not its state, so their
// entities are never joined.
func (d *docState) qualifiedPlaces() [][2]int {
	place := func(t kg.EntityType) bool { return t == kg.GPE || t == kg.Location }
	at := map[[2]int]int{} // (sentence, first word) -> mention
	for i, m := range d.mentions {
		at[[2]int{m.sent, m.start}] = i
	}
	var out [][2]int
	for i, m := range d.mentions {
		j, ok := at[[2]int{m.sent, m.end + 1}]
		if ok && place(m.typ) && place(d.mentions[j].typ) && d.sents[m.sent].Words[m.end].Text == "," {
			out = append(out, [2]int{i, j})
		}
	}
	return out
}

// joinClusters moves the members of cluster b into cluster a, when both
// are of one type: the model says their names are one entity. The name
// stays a's (the first named), unless b's is longer and ends with it.
func (d *docState) joinClusters(a, b int) {
	if a < 0 || b < 0 || a == b {
		return
	}
	ca, cb := d.clusters[a], d.clusters[b]
	if ca.typ != cb.typ || len(cb.members) == 0 {
		return
	}
	if ca.rule == "gazetteer" && cb.rule == "gazetteer" && ca.name != cb.name {
		// two places the gazetteer names differently ("North Korea",
		// "North Carolina") are two places
		return
	}
	if ca.typ == kg.Person && len(ca.tokens) > 1 && len(cb.tokens) > 1 && ca.tokens[0] != cb.tokens[0] {
		// "Walter A. Clyburn Reed, the grandson of James Clyburn": two
		// full names with different first names are two people
		return
	}
	if len(cb.tokens) > len(ca.tokens) && kg.EndsWith(cb.tokens, ca.tokens) {
		ca.name, ca.tokens = cb.name, cb.tokens
	}
	for _, i := range cb.members {
		d.mentions[i].entity = a
	}
	ca.members = append(ca.members, cb.members...)
	ca.titles = append(ca.titles, cb.titles...)
	if ca.gender == 0 {
		ca.gender = cb.gender
	}
	cb.members = nil
}

// rivalMargin is the model's margin (coref.Links.Margin) under which a
// "he" or "she" is left unresolved when another person who may be of its
// gender is named nearer to it than the one chosen (rival). Through the
// loader on GUM dev (go test ./loader -run CorefAdapter -v) the rule
// costs 2 of 101 pronouns resolved right and saves 6 of 11 resolved wrong
// (precision 90.2% -> 95.2%); without the margin condition it costs 15
// right for 7 wrong; 10 and 15 cost 2 right for 2 and 4 wrong, 25 and 30
// cost 6 and 10 right for 6 and 7 wrong. On the judged sets it removes 25
// statements judged wrong, 4 partial and 6 correct.
const rivalMargin = 20

// rival reports whether a person other than e, of gender want or of none
// known, is named in the pronoun's sentence before it or in the sentence
// before, while e is named in neither: the model passed over a nearer
// person who could be meant ("The group's founder, Bernice Scott, ... .
// Whether she's organizing volunteers ..." with Kamala Harris two
// sentences back).
func (d *docState) rival(sent, word, e int, want byte) bool {
	other := false
	for _, m := range d.mentions {
		if m.entity < 0 || !(m.sent == sent-1 || m.sent == sent && m.start < word) {
			continue
		}
		if m.entity == e {
			return false
		}
		if d.clusters[m.entity].typ == kg.Person {
			if g := d.genderOf(m.entity); g == 0 || g == want {
				other = true
			}
		}
	}
	return other
}

// personNouns are common nouns for a person that no title list holds:
// "the man", "a witness", "the logger".
var personNouns = map[string]bool{
	"man": true, "woman": true, "boy": true, "girl": true, "person": true, "child": true, "teenager": true,
	"victim": true, "suspect": true, "driver": true, "worker": true, "resident": true, "official": true,
	"witness": true, "passenger": true, "doctor": true, "nurse": true, "teacher": true, "student": true,
	"farmer": true, "soldier": true, "logger": true, "fisherman": true, "neighbor": true, "neighbour": true,
	"friend": true, "gunman": true, "shooter": true, "pilot": true, "patient": true, "employee": true,
	"customer": true, "visitor": true, "tourist": true, "hiker": true, "climber": true, "motorist": true,
	"pedestrian": true, "cyclist": true, "homeowner": true, "landlord": true, "tenant": true, "lawyer": true,
	"attacker": true, "assailant": true, "robber": true, "thief": true, "killer": true, "survivor": true,
	"prisoner": true, "inmate": true, "defendant": true, "plaintiff": true, "mother": true, "father": true,
	"son": true, "daughter": true, "husband": true, "wife": true, "brother": true, "sister": true,
	"grandmother": true, "grandfather": true, "uncle": true, "aunt": true, "actor": true, "actress": true,
	"artist": true, "writer": true, "author": true, "player": true, "fan": true, "volunteer": true,
	"researcher": true, "scientist": true, "engineer": true, "investigator": true, "reporter": true,
	"journalist": true, "photographer": true, "baby": true, "toddler": true, "infant": true, "youth": true,
	"guard": true, "firefighter": true, "paramedic": true, "priest": true, "pastor": true, "stranger": true,
}

// unnamedRival reports a person the article does not name, of gender
// want or of none known, mentioned after the last mention of e and
// before the pronoun, in its sentence or the one before: a phrase with an
// article or demonstrative whose head is a person noun ("the man", "a
// logger", "the officer") and that neither the model nor the title rule
// ties to a name, nor a name in apposition or before the noun names ("the
// union's treasurer, Dana Whitfield"). The pronoun is likelier that
// person than the one named further back.
func (d *docState) unnamedRival(sent, word, e int, want byte) bool {
	ls, lw, ok := d.lastMentionBefore(e, sent, word)
	if !ok {
		return false
	}
	subj := false
	for k, lws := lw, d.sents[ls].Words; k < len(lws) && k < lw+4; k++ {
		if k > lw && lws[k].XPOS != "NNP" && lws[k].XPOS != "NNPS" {
			break
		}
		subj = subj || strings.HasPrefix(lws[k].Rel, "nsubj")
	}
	for s := max(sent-1, 0); s <= sent; s++ {
		ws := d.sents[s].Words
		for k, w := range ws {
			if s == sent && k >= word || s < ls || s == ls && k <= lw {
				continue
			}
			if w.XPOS != "NN" {
				continue
			}
			lk := strings.ToLower(w.Text)
			if !personNouns[lk] && !isTitleNoun(lk) {
				continue
			}
			if k+1 < len(ws) && isNounTag(ws[k+1].XPOS) {
				continue // "the police officer", "the man's car": not the head, or named after it
			}
			det := -1
			for j := k - 1; j >= 0 && j >= k-3; j-- {
				switch strings.ToLower(ws[j].Text) {
				case "the", "a", "an", "this", "that":
					det = j
				}
				if det >= 0 || !(ws[j].XPOS == "JJ" || ws[j].XPOS == "NN" || ws[j].XPOS == "VBN" || ws[j].XPOS == "VBG") {
					break
				}
			}
			if det < 0 {
				continue
			}
			if d.links.Name(s, k) >= 0 || d.descriptionRule(s, phrase{start: det, end: k + 1, head: k}) >= 0 {
				continue
			}
			if k+2 < len(ws) && ws[k+1].Text == "," && d.entityAt(s, k+2) >= 0 {
				continue // "the treasurer, Dana Whitfield"
			}
			if predicative(ws, k) {
				continue // "I was a writer": says what someone named is
			}
			if s == sent && w.Head >= 0 && w.Head == ws[word].Head {
				continue // "a lawyer interrogated him": never him
			}
			if subj && !strings.HasPrefix(w.Rel, "nsubj") {
				continue // the subject named last goes on: "Daniel was picked up by an investigator. ... he"
			}
			g := titleGender[lk]
			switch lk {
			case "man", "boy", "gunman", "fisherman", "uncle", "grandfather", "actor", "priest":
				g = 'm'
			case "woman", "girl", "aunt", "grandmother", "actress":
				g = 'f'
			}
			if g == 0 || g == want {
				return true
			}
		}
	}
	return false
}

// predicative reports a noun that says what something is rather than
// naming someone new: the predicate of "be" ("I was a writer"), or a noun
// after "as" ("worked as a teacher").
func predicative(ws []nlp.Word, k int) bool {
	for _, c := range ws {
		if c.Head == k && (c.Rel == "cop" || c.Rel == "case" && strings.EqualFold(c.Text, "as")) {
			return true
		}
	}
	return false
}

// pronounGender is 'm' for a form of "he", 'f' for a form of "she", and 0
// for any other word.
func pronounGender(w string) byte {
	switch strings.ToLower(w) {
	case "he", "him", "his", "himself":
		return 'm'
	case "she", "her", "hers", "herself":
		return 'f'
	}
	return 0
}

// askedOf resolves a "he" or "she" inside a sentence's opening "Asked
// ..." clause to the person named as the subject right after the clause's
// comma, who is the one asked ("Asked why he settled on Sanders, Blocker
// said ...", "Asked about her plans, Smith told reporters ..."), when the
// name's gender does not say otherwise; -1 otherwise. The model looks
// only backwards for antecedents.
func (d *docState) askedOf(sent, word int) int {
	ws := d.sents[sent].Words
	if len(ws) < 4 || !strings.EqualFold(ws[0].Text, "asked") || !strings.HasPrefix(ws[0].XPOS, "VB") {
		return -1
	}
	want := pronounGender(ws[word].Text)
	if want == 0 {
		return -1
	}
	c := slices.IndexFunc(ws, func(w nlp.Word) bool { return w.Text == "," })
	if c < 0 || word > c {
		return -1
	}
	for _, m := range d.mentions {
		if m.sent != sent || m.start != c+1 || m.entity < 0 || d.clusters[m.entity].typ != kg.Person {
			continue
		}
		if m.end >= len(ws) || !strings.HasPrefix(ws[m.end].XPOS, "VB") {
			return -1 // not the subject of what follows
		}
		if g := d.genderOf(m.entity); g != 0 && g != want {
			return -1
		}
		return m.entity
	}
	return -1
}

// pronoun resolves a pronoun at (sent, word) to the entity of the name the
// coreference model links it to, or -1.
func (d *docState) pronoun(sent, word int) int {
	if e := d.askedOf(sent, word); e >= 0 {
		return e
	}
	k := d.links.Name(sent, word)
	if k < 0 {
		return -1
	}
	person := d.mentions[k].typ == kg.Person
	if e := d.mentions[k].entity; e >= 0 && e < len(d.clusters) {
		person = d.clusters[e].typ == kg.Person
	}
	switch w := strings.ToLower(d.sents[sent].Words[word].Text); w {
	case "he", "him", "his", "himself", "she", "her", "hers", "herself":
		if !person {
			return -1 // "she" is a person, never the magazine that wrote about her
		}
		want := pronounGender(w)
		if g := d.genderOf(d.mentions[k].entity); g != 0 && g != want {
			return -1 // "Mary Smith ... he added": not Mary
		}
		if d.links.Margin(sent, word) < rivalMargin && d.rival(sent, word, d.mentions[k].entity, want) {
			return -1 // unsure, and someone nearer could be meant
		}
		if d.unnamedRival(sent, word, d.mentions[k].entity, want) {
			return -1 // "the man" is nearer than the name: likelier him
		}
	case "it", "its", "itself":
		if person || w == "it" && d.pleonastic(sent, word) || d.modifierName(k, sent) {
			return -1
		}
	case "they", "them", "their", "theirs", "themselves":
		if person {
			// "they" are several: not the one person named last ("Winfrey
			// asked whether they quit", of Harry and Meghan)
			return -1
		}
	}
	return d.mentions[k].entity
}

// pleonasticVerbs take an "it" that stands for nothing before the clause
// they govern: "it doesn't mean we can't", "it seems that".
var pleonasticVerbs = map[string]bool{"mean": true, "seem": true, "appear": true, "matter": true, "happen": true, "follow": true}

// pleonastic reports an "it" that stands for nothing: the parser's
// expletive, the subject of a verb of pleonasticVerbs that governs a
// clause ("it doesn't mean we can't do spring cleaning"), or the subject
// of "be" whose predicate is "time" or governs a clause with "to" or
// "that" after it ("it's entirely appropriate to do so", "it is time for
// users to move"). The model links such an "it" to the organization or
// place named last.
func (d *docState) pleonastic(sent, word int) bool {
	ws := d.sents[sent].Words
	w := ws[word]
	if w.Rel == "expl" {
		return true
	}
	if !strings.HasPrefix(w.Rel, "nsubj") || w.Head < 0 || w.Head >= len(ws) {
		return false
	}
	h := w.Head
	clause := func(to bool) bool {
		for k, c := range ws {
			if c.Head != h || k < h {
				continue
			}
			switch c.Rel {
			case "ccomp", "xcomp", "csubj", "advcl":
			default:
				continue
			}
			if !to {
				return true
			}
			for _, m := range ws[h+1 : k+1] {
				if m.Head == k && (strings.EqualFold(m.Text, "to") || strings.EqualFold(m.Text, "that")) {
					return true
				}
			}
		}
		return false
	}
	if pleonasticVerbs[strings.ToLower(ws[h].Lemma)] {
		return clause(false)
	}
	cop := false
	for _, c := range ws {
		if c.Head == h && c.Rel == "cop" {
			cop = true
		}
	}
	if !cop {
		return false
	}
	return strings.EqualFold(ws[h].Text, "time") || clause(true)
}

// modifierName reports a name that only modifies the thing an "it" is
// likelier to mean: the name hangs by a preposition on a common noun
// or a name outside it ("the Weatherspoon Art Museum at the University
// of North Carolina ... when it exhibited": the museum), in the pronoun's
// sentence
// or the one before, and that noun is no person ("the president of
// Acme ... it" is still Acme).
func (d *docState) modifierName(k, sent int) bool {
	m := d.mentions[k]
	if sent-m.sent > 1 {
		return false
	}
	ws := d.sents[m.sent].Words
	h := m.end - 1
	for i := m.start; i < m.end; i++ {
		if ws[i].Head < m.start || ws[i].Head >= m.end {
			h = i
			break
		}
	}
	g := ws[h].Head
	if ws[h].Rel != "nmod" || g < 0 || g >= len(ws) || g >= m.start && g < m.end || !isNounTag(ws[g].XPOS) {
		return false
	}
	case_ := ""
	for i := m.start - 1; i >= 0 && i >= m.start-3; i-- {
		if ws[i].Head == h && ws[i].Rel == "case" {
			case_ = strings.ToLower(ws[i].Text)
		}
	}
	if case_ == "" || case_ == "of" || case_ == "'s" {
		return false // "the budget of Acme": Acme's, and "it" may well be Acme
	}
	lg := strings.ToLower(ws[g].Text)
	if e := d.entityAt(m.sent, g); e >= 0 {
		return e != m.entity && d.clusters[e].typ != kg.Person
	}
	return !personNouns[lg] && !isTitleNoun(lg)
}

// genderOf is what the article and the name lists say of an entity's
// gender: its title ("Mrs.", "spokesman"), else its first name's; 0 when
// neither says.
func (d *docState) genderOf(e int) byte {
	if e < 0 || e >= len(d.clusters) {
		return 0
	}
	c := d.clusters[e]
	if c.gender != 0 || c.typ != kg.Person || len(c.tokens) < 2 {
		return c.gender
	}
	return coref.FirstNameGender(c.tokens[0])
}

// description resolves a definite description ("the president",
// "Mexico's president", "the agency"): by the title or the kind of place
// the article itself gives (descriptionRule: a person called "President"
// is "the president"), else to the entity of the name the coreference
// model links its head to; -1 when neither does. Only the bare head with
// its determiner or possessor is one: not "the president's office". The
// rule comes first because it is precise where news names titles, which
// GUM's documents, the model's teacher, seldom do.
func (d *docState) description(sent int, p phrase) int {
	ws := d.sents[sent].Words
	head := ws[p.head]
	if head.XPOS != "NN" && !(head.XPOS == "NNP" && isTitleNoun(strings.ToLower(head.Text))) {
		return -1
	}
	if p.head != p.end-1 {
		return -1
	}
	for k := p.start; k < p.head; k++ {
		if ws[k].Head == p.head && ws[k].Rel == "compound" {
			return -1 // "the Church of Scientology website" names its own
		}
	}
	if e := d.descriptionRule(sent, p); e >= 0 {
		return e
	}
	if k := d.links.Name(sent, p.head); k >= 0 && d.mentions[k].typ != kg.NORP {
		// a nationality names people as an adjective: "the Afghan team"
		// is not "the Afghans"
		return d.mentions[k].entity
	}
	return -1
}

// descriptionRule resolves a definite description by the article's own
// words: "the president" or "Mexico's president" to the person the
// article gives that title, "the country" or "the nation" to the country
// mentioned last, "the company" to the organization mentioned last; -1
// when none fits.
func (d *docState) descriptionRule(sent int, p phrase) int {
	ws := d.sents[sent].Words
	head := ws[p.head]
	lh := strings.ToLower(head.Text)
	if head.XPOS != "NN" && !(head.XPOS == "NNP" && isTitleNoun(lh)) {
		return -1
	}
	first := strings.ToLower(ws[p.start].Text)
	definite := first == "the" || first == "this" || first == "that"
	possessed := false
	for k := p.start; k < p.head; k++ {
		if ws[k].XPOS == "POS" {
			possessed = true
		}
	}
	if !definite && !possessed {
		return -1
	}
	// Only the bare head with its determiner or possessor: "the
	// president", "Mexico's president"; not "the president's office".
	if p.head != p.end-1 {
		return -1
	}
	if definite && !possessed {
		// "the program" after "the Andy Warhol Photographic Legacy
		// Program", "the festival" after "the Taipei Lantern Festival":
		// a name whose last word is the description's noun.
		if e := d.latest(sent, p.start, 10, func(c *cluster) bool {
			return c.typ != kg.Person && len(c.tokens) > 1 && c.tokens[len(c.tokens)-1] == kg.Fold(lh)
		}); e >= 0 {
			return e
		}
	}
	switch lh {
	case "country", "nation":
		return d.latest(sent, p.start, 4, func(c *cluster) bool { return c.typ == kg.GPE && gazetteer.IsCountry(c.name) })
	case "city", "state":
		return d.latest(sent, p.start, 3, func(c *cluster) bool { return c.typ == kg.GPE && !gazetteer.IsCountry(c.name) })
	case "company", "firm", "organization", "organisation", "agency", "group", "ministry":
		return d.latest(sent, p.start, 3, func(c *cluster) bool { return c.typ == kg.Organization })
	}
	if !isTitleNoun(lh) {
		return -1
	}
	hasTitle := func(c *cluster) bool {
		if c.typ != kg.Person {
			return false
		}
		for _, t := range c.titles {
			if t == lh {
				return true
			}
		}
		return false
	}
	if e := d.latest(sent, p.start, 1000, hasTitle); e >= 0 {
		return e
	}
	// Introduced before the name: the first titled person mentioned after.
	best, bs := -1, 1<<30
	for e, c := range d.clusters {
		if !hasTitle(c) {
			continue
		}
		for _, i := range c.members {
			m := d.mentions[i]
			if (m.sent > sent || m.sent == sent && m.start > p.start) && m.sent < bs {
				best, bs = e, m.sent
			}
		}
	}
	return best
}

// positions returns every mention of entity e as (sentence, word) pairs in
// text order, named and resolved.
func (d *docState) lastMentionBefore(e, sent, word int) (int, int, bool) {
	bs, bw, found := -1, -1, false
	consider := func(s, w int) {
		if s < sent || s == sent && w < word {
			if !found || s > bs || s == bs && w > bw {
				bs, bw, found = s, w, true
			}
		}
	}
	for _, i := range d.clusters[e].members {
		consider(d.mentions[i].sent, d.mentions[i].start)
	}
	for _, m := range d.extra {
		if m.entity == e {
			consider(m.sent, m.start)
		}
	}
	return bs, bw, found
}

// latest returns the entity satisfying want that was mentioned last before
// (sent, word), no more than window sentences back, or -1.
func (d *docState) latest(sent, word, window int, want func(*cluster) bool) int {
	best, bs, bw := -1, -1, -1
	for e, c := range d.clusters {
		if !want(c) {
			continue
		}
		s, w, ok := d.lastMentionBefore(e, sent, word)
		if !ok || sent-s > window {
			continue
		}
		if s > bs || s == bs && w > bw {
			best, bs, bw = e, s, w
		}
	}
	return best
}

// resolveAll records every pronoun and definite description of a sentence
// that resolves to an entity as a mention of it, whether or not a
// statement uses it, so that later resolution sees the right salience.
func (d *docState) resolveAll(s nlp.Sentence) {
	ws := s.Words
	for i, w := range ws {
		if w.XPOS == "PRP" || w.XPOS == "PRP$" {
			if e := d.pronoun(s.Index, i); e >= 0 {
				d.addMention(e, s, i, i+1, "pronoun")
			}
			continue
		}
		if !isNounTag(w.XPOS) || i == 0 || i+1 < len(ws) && isNounTag(ws[i+1].XPOS) {
			continue
		}
		start := i - 1
		if ws[start].XPOS == "POS" && start > 0 {
			start-- // "Mexico 's president"
		} else if ws[start].XPOS != "DT" {
			continue
		}
		if e := d.description(s.Index, phrase{start: start, end: i + 1, head: i}); e >= 0 {
			d.addMention(e, s, start, i+1, "description")
		}
	}
}

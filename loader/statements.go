package loader

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader/openie"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/lemma"
)

// statements turns the sentence's Open IE tuples (package openie, on
// the dependency parse) into statements: arguments become the entities,
// quantities, dates or concepts they name (resolve), predicates are
// lemmatized, passives with an agent are made active, and the sentence's
// time, attribution and condition qualify every statement. Tuples of the
// weak kinds (possessives, adjectival attributes) stay out of the graph.
func (x *sentenceExtractor) statements() []kg.Statement {
	ws := x.ws
	attributed := x.attributed
	var out []kg.Statement
	for _, tp := range openie.Extract(ws) {
		if tp.Kind == openie.Possessive || tp.Kind == openie.Attribute || len(tp.Args) == 0 || len(tp.Subject.Words) == 0 {
			continue
		}
		passive := false
		for _, k := range tp.Rel {
			if ws[k].Rel == "aux:pass" || ws[k].Rel == "aux" && verbLemma(ws[k]) == "be" && tp.Verb >= 0 && ws[tp.Verb].XPOS == "VBN" {
				passive = true
			}
		}
		if tp.Verb >= 0 && ws[tp.Verb].Rel == "acl" && ws[tp.Verb].XPOS == "VBN" && len(tp.Rel) == 1 {
			// a participle after its noun is a passive: "children born
			// in Australia", "the team, known as the Gliders"
			passive = true
		}
		if x.headline && tp.Verb >= 0 && (ws[tp.Verb].XPOS == "VBN" || ws[tp.Verb].XPOS == "VBD") && len(tp.Rel) == 1 {
			// a headline tells of the past in the present; its bare
			// participle is a passive: "Afghan team honored for ..."
			passive = true
		}
		if x.genericRelative(tp) {
			continue // "a person who buys a house": no one in particular buys it
		}
		if x.infinitiveOfItsNoun(tp) {
			continue // "enough information to answer the question": the information answers nothing
		}
		if x.whoNotPerson(tp) || tp.Verb >= 0 && inQuestion(ws, tp.Verb) {
			continue // a question asks; it states nothing
		}
		// The object is the first argument that is not a time or an
		// adverbial clause: "were harmed last week when ..." has neither.
		objIdx := -1
		for i, a := range tp.Args {
			if len(a.Words) > 0 && !(i == 0 && tp.Prep >= 0) && x.timeArg(a) || a.Head >= 0 && ws[a.Head].Rel == "advcl" && x.argVia(a) >= 0 {
				continue // times and adverbial clauses are qualifiers
			}
			objIdx = i
			break
		}
		if objIdx < 0 {
			continue
		}
		// A light verb's noun belongs to the predicate: "took place at
		// the centre" is (took place at; the centre).
		idiomIdx, idiom := -1, ""
		if tp.Verb >= 0 && !passive {
			tp.Args = x.splitIdiom(tp.Verb, tp.Args, objIdx) // "place at the centre"
		}
		if tp.Verb >= 0 && objIdx+1 < len(tp.Args) && !passive {
			if n := x.idiomNoun(tp.Verb, tp.Args[objIdx]); n != "" && x.argVia(tp.Args[objIdx+1]) >= 0 {
				idiomIdx, idiom = objIdx, n
				objIdx++
			}
		}
		prep := tp.Prep
		if objIdx > 0 {
			prep = x.argVia(tp.Args[objIdx])
		}
		subjIdx := -1   // the argument that became the subject
		joinedIdx := -1 // an argument joined to the object
		if passive {
			for i, a := range tp.Args {
				if a.Head >= 0 && ws[a.Head].Rel == "obl:agent" {
					subjIdx = i
				}
			}
		}
		args := slices.Clone(tp.Args)
		if tp.Prep >= 0 {
			// the preposition that joined the relation goes back to its
			// argument when another argument becomes the object
			args[0].Words = append(slices.Clone(args[0].Words), tp.Prep)
			slices.Sort(args[0].Words)
		}
		subj, obj := tp.Subject, args[objIdx]
		if subjIdx >= 0 {
			// "were turned away by the US": the US turned them away; the
			// other arguments stay arguments.
			obj, subj, prep, objIdx = subj, args[subjIdx], -1, -1
			subj.Words = without(subj.Words, x.argVia(subj))
		} else {
			obj.Words = without(obj.Words, prep)
		}
		subj, obj = x.wholeCoordination(subj), x.wholeCoordination(obj)
		if len(obj.Words) == 0 || fragment(ws, subj) || fragment(ws, obj) || misparsed(ws, subj, obj, tp.Kind) ||
			slices.Contains(obj.Words, subj.Head) || slices.Contains(subj.Words, obj.Head) {
			// (an argument that holds the other is a misreading: "Cyclone"
			// be "Yes, the Cyclone is almost certain")
			continue
		}
		if tp.Verb >= 0 && reports(ws, tp.Verb) && (obj.Head >= 0 && ws[obj.Head].Rel == "ccomp" || verbLemma(ws[tp.Verb]) == "say") {
			// "X said that Y": Y's own statements carry the attribution
			// (appendStatement); the saying itself is not a fact, nor
			// is what a parse leaves of it ("police say Heather Grant",
			// "Bloomberg say in statement": 2 of 14 judged right)
			continue
		}
		if tp.Verb >= 0 && obj.Head >= 0 && ws[obj.Head].Head == tp.Verb && ws[obj.Head].Rel == "obj" && x.bareComplement(tp.Verb) {
			// "Kate made Meghan cry": (Kate; make; Meghan) cuts off
			// what was made to happen, which the complement's own
			// statement says
			continue
		}
		oc := x.core(obj)
		addressee := openie.Arg{Head: -1} // the object before a clause joined to it
		var addresseeNode *kg.Node        // the entity it names, kept as an argument
		if len(oc.Words) == len(obj.Words) && objIdx >= 0 {
			oc, addressee, joinedIdx = x.joinToObject(tp.Verb, oc, args, objIdx, subjIdx, idiomIdx)
		}
		sa := x.resolve(x.namePhrase(x.core(subj)))
		oa := x.resolve(x.namePhrase(oc))
		if addressee.Head >= 0 {
			oa, addresseeNode = x.addresseeObject(addressee, args[joinedIdx], sa, oa)
		}
		if !sa.ok || !oa.ok || strings.EqualFold(sa.node.Name, oa.node.Name) || deictic[strings.ToLower(oa.node.Name)] {
			continue
		}
		if x.dangling(oa) || x.dangling(sa) {
			continue // "lot of them be stuck in", "competition be for team in the"
		}
		if tp.Kind == openie.Apposition && (oa.node.IsEntity() || x.colonBetween(subj, obj)) {
			// two names side by side are a list or a place and its
			// region ("Mountain View, California"), not the same thing;
			// "Andy Warhol: Photographs" is a title
			continue
		}
		op := phraseOf(obj)
		v := relation{start: op.start, end: op.start, negated: tp.Negated, modal: tp.Modal}
		if len(tp.Rel) > 0 {
			v.start, v.end = tp.Rel[0], tp.Rel[len(tp.Rel)-1]+1
		}
		pred, rel := x.predicate(tp, prep, passive && subjIdx < 0)
		if (pred == "be" || pred == "be be") && holdsBe(oa.node.Name) {
			// "the Cyclone is 'Yes, the Cyclone is almost certain'": a
			// copula whose object is a whole clause is a misreading
			continue
		}
		if x.illFormed(tp, pred, sa, oa) != "" {
			continue // a fragment, a clause or a time where a thing belongs (wellformed.go)
		}
		if idiom != "" && prep >= 0 {
			p := strings.ToLower(ws[prep].Text)
			pred = strings.TrimSuffix(pred, " "+p) + " " + idiom + " " + p
			rel = strings.TrimSuffix(rel, " "+ws[prep].Text) + " " + idiom + " " + ws[prep].Text
		}
		if sa.resolved == "pronoun" && (pred == "be" || strings.HasPrefix(pred, "be ")) && !passive {
			// "it is one of the five pillars": what "it" stands for in a
			// copula is the resolver's weakest guess
			continue
		}
		// The tuple's calibrated confidence, less for a subject found
		// through a pronoun or a description (the resolver's guess).
		conf := tp.Confidence
		if sa.resolved != "" {
			conf -= 0.1
		}
		// "no weapons", "neither side", "no injuries or deaths": the
		// statement says it did not happen, of every conjunct.
		if x.negatedBy(subj.Head) || x.negatedBy(obj.Head) {
			v.negated = true
			sa.node.Name, oa.node.Name = withoutNegation(sa.node), withoutNegation(oa.node)
		}
		st := x.statement(sa, pred, rel, oa, v, conf)
		for i, a := range args {
			if i != objIdx && i != subjIdx && i != idiomIdx && i != joinedIdx {
				if arg, ok := x.argument(a); ok {
					st.Arguments = append(st.Arguments, arg)
				}
			}
		}
		if addresseeNode != nil {
			// the person told stays linked to what they were told
			st.Arguments = append(st.Arguments, kg.Argument{Role: kg.RoleOther, Value: *addresseeNode})
		}
		st.Arguments = timeSpan(st.Arguments)
		for _, a := range st.Arguments {
			if a.Role == kg.RoleTime && st.Time == "" && (a.Value.Type == kg.Date || !clauseTime(a)) {
				// a date or a phrase ("after the storm") is the
				// statement's time; a clause ("when hundreds of
				// thousands of people crowded onto the bridge") stays an
				// argument
				st.Time = a.Value.Name
			}
			if a.Role == kg.RolePlace && st.Place == "" && a.Value.IsEntity() {
				st.Place = a.Value.Name
			}
		}
		if tp.Verb >= 0 {
			switch m := x.embedding(tp.Verb); m {
			case "":
			case "not":
				if !slices.ContainsFunc(tp.Rel, func(k int) bool { return negativeVerbs[verbLemma(ws[k])] || strings.EqualFold(ws[k].Text, "unable") }) {
					st.Negated = !st.Negated // "failed to pay its workers", the failing not in the predicate
				}
			case "purpose":
				if x.agentlessPurpose(tp) {
					continue // "the needle is inserted to get a sample": whoever inserts it gets it, not the needle
				}
				st.Modality = m
			default:
				st.Modality = m
			}
		}
		n := len(out)
		out = x.appendStatement(out, st, x.timeFor(tp.Verb), attributed, tp.Verb)
		if len(out) > n {
			x.score(&out[n], tp, sa, oa)
		}
	}
	return out
}

// score sets a statement's confidence from the scorer (scorer.go), when
// one was trained, and keeps its features when they are asked for.
func (x *sentenceExtractor) score(st *kg.Statement, tp openie.Tuple, sa, oa arg) {
	f := x.statementFeatures(tp, sa, oa, *st)
	if x.doc.features != nil {
		x.doc.features[KeyOf(*st)] = f
	}
	if s, err := scorer(); err == nil && len(s.Weights) > 0 {
		st.Confidence = math.Round(s.Confidence(f)*100) / 100
	}
}

// without returns ws without the word x (a copy).
func without(ws []int, x int) []int {
	return slices.DeleteFunc(slices.Clone(ws), func(k int) bool { return k == x })
}

// deictic objects point at the context and name nothing: "was there to
// launch", "is here".
var deictic = map[string]bool{"there": true, "here": true, "back": true, "away": true, "so": true, "such": true}

// dangling reports an argument cut off before its end: a concept whose
// last word is a preposition or a determiner ("stuck in", "the") or
// whose head is one.
func (x *sentenceExtractor) dangling(a arg) bool {
	if a.node.Type != kg.Concept || a.phrase.end <= a.phrase.start || a.phrase.end > len(x.ws) {
		return false
	}
	last := x.ws[a.phrase.end-1]
	switch last.XPOS {
	case "IN", "DT", "TO", "CC", "PRP$", "WDT":
		return true
	}
	if h := a.phrase.head; h >= 0 && h < len(x.ws) {
		switch x.ws[h].XPOS {
		case "IN", "DT", "TO", "CC", "RP":
			return true
		}
	}
	return false
}

// colonBetween reports a colon between the end of a and the start of b.
func (x *sentenceExtractor) colonBetween(a, b openie.Arg) bool {
	from, to := a.Words[len(a.Words)-1], b.Words[0]
	if from > to {
		from, to = b.Words[len(b.Words)-1], a.Words[0]
	}
	for k := from + 1; k < to; k++ {
		if x.ws[k].Text == ":" {
			return true
		}
	}
	return false
}

// argVia returns the preposition or subordinating conjunction that
// introduces an argument ("on" in "on Tuesday"), or -1.
func (x *sentenceExtractor) argVia(a openie.Arg) int {
	if len(a.Words) < 2 || a.Head < 0 {
		return -1
	}
	k := a.Words[0]
	if w := x.ws[k]; (w.Rel == "case" || w.Rel == "mark" || w.Rel == "advmod" && w.XPOS == "WRB") && (w.Head == a.Head || x.ws[w.Head].Head == a.Head && x.ws[w.Head].Rel == "fixed") {
		return k
	}
	if w := x.ws[k]; w.Rel == "fixed" || w.XPOS == "IN" && x.ws[a.Head].Rel == "advcl" {
		return k
	}
	return -1
}

// timeArg reports an argument that is a time: a date phrase, or a
// temporal modifier the parser marked as one.
func (x *sentenceExtractor) timeArg(a openie.Arg) bool {
	ws := x.ws
	if a.Head < 0 || len(a.Words) == 0 {
		return false
	}
	if ws[a.Head].Rel == "obl:tmod" {
		return true
	}
	first := a.Words[0]
	if v := x.argVia(a); v >= 0 && len(a.Words) > 1 {
		first = a.Words[1]
	}
	return datePhrase(ws, first) > a.Head
}

// core is an argument cut down to what names its node: up to the first
// comma or the first clause (relative, participial, infinitival,
// adverbial) or apposition after its head ("a group of 6,000 migrants,
// including many from Venezuela" -> "a group of 6,000 migrants"; "the
// conflict involving the church" -> "the conflict"). The clauses cut off
// give tuples of their own. Infinitives stay ("caravans to pass through"),
// and so does a present participle after a common noun when the whole stays short:
// "recalled the events surrounding their decision" did not recall "events".
func (x *sentenceExtractor) core(a openie.Arg) openie.Arg {
	ws := x.ws
	clausal := ws[a.Head].UPOS != "VERB" // a clause keeps its clauses
	keepParticiple := (ws[a.Head].XPOS == "NN" || ws[a.Head].XPOS == "NNS") && len(ws[a.Head].NER) < 2 && len(a.Words) <= 10
	for i, k := range a.Words {
		if k <= a.Head || i == 0 {
			continue
		}
		cut := ws[k].Text == "," && !x.listComma(a, k) || ws[k].Text == "(" || ws[k].Text == "--" || k != a.Words[i-1]+1
		for h, n := k, 0; !cut && clausal && h >= 0 && h != a.Head && n < len(ws); h, n = ws[h].Head, n+1 {
			switch ws[h].Rel {
			case "acl:relcl", "appos", "parataxis", "advcl", "dep":
				cut = h > a.Head
			case "acl":
				cut = h > a.Head && (ws[h].XPOS == "VBG" || ws[h].XPOS == "VBN") && !(keepParticiple && ws[h].Head == a.Head && ws[h].XPOS == "VBG")
			}
		}
		if cut {
			return openie.Arg{Words: a.Words[:i], Head: a.Head}
		}
	}
	return a
}

// wholeCoordination gives back the whole coordination an argument is a
// conjunct of when its conjuncts are things rather than names: "sent more
// than 32,000 military troops and National Guard officers" is one object,
// while "met Obama and Zuckerberg" gives a statement for each (Open IE
// split them: package openie).
func (x *sentenceExtractor) wholeCoordination(a openie.Arg) openie.Arg {
	ws := x.ws
	if a.Head < 0 || len(a.Words) == 0 {
		return a
	}
	r := a.Head
	for ws[r].Rel == "conj" && ws[r].Head >= 0 && isNounTag(ws[ws[r].Head].XPOS) {
		r = ws[r].Head
	}
	var members []int
	var collect func(h int)
	collect = func(h int) {
		members = append(members, h)
		for k, w := range ws {
			if w.Head == h && w.Rel == "conj" && isNounTag(w.XPOS) {
				collect(k)
			}
		}
	}
	collect(r)
	if len(members) < 2 {
		return a
	}
	for _, m := range members {
		if ws[m].XPOS != "NN" && ws[m].XPOS != "NNS" || len(ws[m].NER) > 2 || x.namedAfterTitle(m) {
			return a // a name among them: one statement each
		}
	}
	// the coordination's words: the root's phrase and each conjunct's,
	// with the commas and conjunctions between them
	in := map[int]bool{}
	for _, m := range members {
		for _, k := range x.phraseWords(m) {
			in[k] = true
		}
	}
	lo, hi := slices.Min(members), slices.Max(members)
	for k := range in {
		lo, hi = min(lo, k), max(hi, k)
	}
	var words []int
	for k := lo; k <= hi; k++ {
		if !in[k] && ws[k].XPOS != "CC" && ws[k].Text != "," {
			return a // something else inside: leave the parse's split
		}
		words = append(words, k)
	}
	return openie.Arg{Words: words, Head: r}
}

// joinToObject joins to the object oc (args[objIdx], cut to its core) the
// argument that belongs to it rather than to the verb v: a noun's own
// complement the parse hung on the verb ("reflect his commitment to
// criminal justice reform"), else what the object is urged to do or told
// ("urged Mexico to take measures", "told Winfrey that ..."), which is
// the rest of the object, not a purpose or a side argument. It returns
// the object, the addressee (the object before such a clause; Head -1
// when none) and the index of the argument joined (-1 when none); the
// arguments at used are never joined.
func (x *sentenceExtractor) joinToObject(v int, oc openie.Arg, args []openie.Arg, used ...int) (obj, addressee openie.Arg, joined int) {
	addressee = openie.Arg{Head: -1}
	if j := x.complementOf(oc, args, used...); j >= 0 {
		oc.Words = append(slices.Clone(oc.Words), args[j].Words...)
		return oc, addressee, j
	}
	if j := x.clauseAfterObject(v, oc, args, used...); j >= 0 {
		addressee = oc
		oc.Words = append(slices.Clone(oc.Words), args[j].Words...)
		return oc, addressee, j
	}
	return oc, addressee, -1
}

// addresseeObject gives the object of a statement whose object is an
// addressee and the clause said to them: the addressee resolved as it
// would be alone ("urged it to act": the country), the clause kept as
// written. It also returns the addressee's entity, to keep as an
// argument, or nil. Unless the addressee resolves, and to other than the
// subject sa, it returns oa unchanged.
func (x *sentenceExtractor) addresseeObject(addressee, clause openie.Arg, sa, oa arg) (arg, *kg.Node) {
	ad := x.resolve(x.namePhrase(addressee))
	if !ad.ok || strings.EqualFold(ad.node.Name, sa.node.Name) {
		return oa, nil
	}
	c := clause.Words
	oa.node = kg.Node{Name: ad.node.Name + " " + x.text(c[0], c[len(c)-1]+1), Type: kg.Concept}
	oa.resolved, oa.ok = ad.resolved, true
	if ad.node.IsEntity() {
		return oa, &ad.node
	}
	return oa, nil
}

// namedAfterTitle reports a common noun that is a title before a name the
// parse hung on it ("city mayor Hau Lung-bin" with the name flat under
// "mayor"): the phrase names a person.
func (x *sentenceExtractor) namedAfterTitle(h int) bool {
	for k := h + 1; k < len(x.ws) && x.ws[k].Head == h && x.ws[k].Rel == "flat"; k++ {
		if x.ws[k].XPOS == "NNP" || x.ws[k].XPOS == "NNPS" {
			return true
		}
	}
	return false
}

// phraseWords is a noun and its own modifiers, without its conjuncts,
// clauses and appositions.
func (x *sentenceExtractor) phraseWords(h int) []int {
	ws := x.ws
	in := make([]bool, len(ws))
	in[h] = true
	for changed := true; changed; {
		changed = false
		for k, w := range ws {
			if in[k] || w.Head < 0 || !in[w.Head] {
				continue
			}
			switch w.Rel {
			case "conj", "cc", "punct", "acl:relcl", "acl", "appos", "parataxis", "nmod", "case":
				if w.Head == h || w.Rel != "case" {
					continue
				}
			}
			in[k], changed = true, true
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

// listComma reports a comma inside a coordination within a: "Venezuela,
// Nicaragua and Cuba".
func (x *sentenceExtractor) listComma(a openie.Arg, k int) bool {
	if k+1 >= len(x.ws) || !slices.Contains(a.Words, k+1) {
		return false
	}
	n := x.ws[k+1]
	if n.XPOS == "CC" && k+2 < len(x.ws) {
		n = x.ws[k+2]
	}
	return n.Rel == "conj" && n.Head < k && n.Head >= a.Words[0]
}

// roleVia gives the role of an argument by what introduces it.
var roleVia = map[string]kg.Role{
	"in": kg.RolePlace, "at": kg.RolePlace, "near": kg.RolePlace, "across": kg.RolePlace, "inside": kg.RolePlace,
	"outside": kg.RolePlace, "into": kg.RolePlace, "throughout": kg.RolePlace, "along": kg.RolePlace,
	"on": kg.RoleTime, "during": kg.RoleTime, "since": kg.RoleTime, "until": kg.RoleTime, "till": kg.RoleTime,
	"after": kg.RoleTime, "before": kg.RoleTime, "when": kg.RoleTime, "while": kg.RoleTime, "as": kg.RoleTime,
	"by": kg.RoleManner, "with": kg.RoleManner, "without": kg.RoleManner, "through": kg.RoleManner, "via": kg.RoleManner,
	"because": kg.RoleReason, "due": kg.RoleReason, "owing": kg.RoleReason, "amid": kg.RoleReason,
	"for": kg.RolePurpose, "to": kg.RolePurpose, "so": kg.RolePurpose,
	"if": kg.RoleCondition, "unless": kg.RoleCondition, "provided": kg.RoleCondition,
}

// placeNouns are common nouns for places, beyond the heads of place names.
var placeNouns = map[string]bool{
	"city": true, "town": true, "village": true, "area": true, "country": true, "capital": true, "site": true,
	"neighborhood": true, "neighbourhood": true, "zone": true, "home": true, "house": true, "headquarters": true,
	"office": true, "hospital": true, "school": true, "church": true, "center": true, "centre": true,
	"scene": true, "field": true, "shelter": true, "room": true, "court": true, "facility": true,
}

// clauseTime reports a time argument that is a clause rather than a
// phrase: one introduced by a word that only introduces clauses, or too
// long for a phrase.
func clauseTime(a kg.Argument) bool {
	switch strings.ToLower(a.Via) {
	case "when", "while", "as", "once", "whenever":
		return true
	}
	return len(strings.Fields(a.Value.Name)) > 8
}

// timeUnits are the units of quantities that are durations ("for 15
// years").
var timeUnits = map[string]bool{
	"seconds": true, "minutes": true, "hours": true, "days": true, "weeks": true, "months": true,
	"years": true, "decades": true, "centuries": true, "year": true, "day": true, "hour": true,
}

// argument makes a further argument of a tuple into a statement argument:
// its value is resolved like an object; its role comes from its value (a
// date is a time, a place entity after "in" a place) and from the word
// that introduces it.
func (x *sentenceExtractor) argument(a openie.Arg) (kg.Argument, bool) {
	ws := x.ws
	via := x.argVia(a)
	if a.Head < 0 || len(a.Words) == 0 || via >= 0 && len(a.Words) < 2 {
		return kg.Argument{}, false
	}
	var parts []string
	words := a.Words
	if via >= 0 {
		// with its fixed parts: "according to", "because of", "due to"
		parts = append(parts, strings.ToLower(ws[via].Text))
		words = without(words, via)
		for k := via + 1; k < len(ws) && ws[k].Rel == "fixed" && ws[k].Head == via; k++ {
			parts = append(parts, strings.ToLower(ws[k].Text))
			words = without(words, k)
		}
	}
	c := x.core(openie.Arg{Words: words, Head: a.Head})
	if len(c.Words) == 0 || ws[c.Words[0]].UPOS == "PUNCT" {
		return kg.Argument{}, false
	}
	v := x.resolve(x.namePhrase(c))
	if !v.ok {
		return kg.Argument{}, false
	}
	arg := kg.Argument{Value: v.node, Role: kg.RoleOther, Via: strings.Join(parts, " ")}
	first, _, _ := strings.Cut(arg.Via, " ")
	r, known := roleVia[first]
	clause := ws[c.Head].UPOS == "VERB"
	switch {
	case arg.Via == "according to":
		arg.Role = kg.RoleSource
	case v.node.Type == kg.Date || x.timeArg(a) || v.node.Type == kg.Quantity && timeUnits[v.node.Unit]:
		arg.Role = kg.RoleTime
	case known && r == kg.RolePlace:
		switch v.node.Type {
		case kg.GPE, kg.Location:
			arg.Role = kg.RolePlace
		case kg.Concept:
			if h := strings.ToLower(ws[c.Head].Text); gazetteer.IsPlaceHead(h) || placeNouns[h] {
				arg.Role = kg.RolePlace // "at the border"
			}
		}
	case known && r == kg.RoleTime:
		// Without a date, a clause, a span of time or one definite
		// event is a time ("when police arrived", "after nearly half an
		// hour", "after the storm", "during the Hajj"); "on the website",
		// "as a skirmish", "after visa snags" are not.
		h := strings.ToLower(ws[c.Head].Text)
		definite := (ws[c.Head].XPOS == "NN" || ws[c.Head].XPOS == "NNP") && len(c.Words) > 0 &&
			(strings.EqualFold(ws[c.Words[0]].Text, "the") || ws[c.Words[0]].XPOS == "PRP$" || ws[c.Head].XPOS == "NNP")
		if first != "on" && first != "as" && definite || clause || timeUnits[h] || timeUnits[h+"s"] {
			arg.Role = kg.RoleTime
		}
	case known:
		arg.Role = r
	}
	if arg.Via == "to" && !clause {
		arg.Role = kg.RoleOther // "to the border" is a goal, "to stop" a purpose
	}
	if arg.Via == "between" && arg.Role == kg.RoleTime && len(c.Words) > 0 {
		// "between July 2003 and December 2004": the whole span
		k := c.Words[len(c.Words)-1]
		if k+2 < len(ws) && strings.EqualFold(ws[k+1].Text, "and") {
			if e := datePhrase(ws, k+2); e > k+2 {
				arg.Value.Name += " and " + x.text(k+2, e)
			}
		}
	}
	return arg, true
}

// timeSpan joins "from X" and "to Y" (or "until", "through") among a
// statement's arguments into one time, "X to Y", when both are dates.
func timeSpan(args []kg.Argument) []kg.Argument {
	from := -1
	for i, a := range args {
		if a.Via == "from" && a.Value.Type == kg.Date {
			from = i
		}
	}
	if from < 0 {
		return args
	}
	for i, a := range args {
		if (a.Via == "to" || a.Via == "until" || a.Via == "through") && a.Value.Type == kg.Date {
			args[from].Role = kg.RoleTime
			args[from].Value.Name += " to " + a.Value.Name
			return append(args[:i:i], args[i+1:]...)
		}
	}
	return args
}

// fragment reports a subject that cannot be one: it starts with a
// preposition or is a bare relative or demonstrative word the parse left
// unresolved ("by a user labelled ...", "that").
func fragment(ws []nlp.Word, a openie.Arg) bool {
	first := ws[a.Words[0]]
	if first.XPOS == "IN" || first.XPOS == "TO" || first.UPOS == "PUNCT" {
		return true
	}
	if first.XPOS == "WP$" {
		return true // "whose remains"
	}
	if len(a.Words) == 1 {
		switch strings.ToLower(first.Text) {
		case "that", "which", "who", "whom", "this", "these", "those", "what", "whatever", "whoever":
			return true
		}
	}
	return false
}

// misparsed reports tuples whose shape no correct parse gives: a subject
// that is not headed by a noun or pronoun ("Prompted" think by ...) or
// that holds a finite verb, a time expression as subject ("Thursday" be
// "January 12, 2006": times are qualifiers), or a predicate nominal that
// holds a finite verb ("the site" be "As of 15:11 the site was ...").
func misparsed(ws []nlp.Word, subj, obj openie.Arg, kind openie.Kind) bool {
	switch ws[subj.Head].UPOS {
	case "NOUN", "PROPN", "PRON", "NUM", "X":
	default:
		return true
	}
	finite := func(a openie.Arg) bool {
		for _, k := range a.Words {
			switch ws[k].XPOS {
			case "VBD", "VBZ", "VBP", "MD":
				return true
			}
		}
		return false
	}
	if finite(subj) || datePhrase(ws, subj.Words[0]) > subj.Words[0] {
		return true
	}
	copular := kind == openie.Apposition
	for _, k := range obj.Words {
		if ws[k].Rel == "cop" {
			copular = true
		}
	}
	if obj.Head >= 0 && ws[obj.Head].Rel != "ccomp" && ws[obj.Head].Rel != "xcomp" && (copular || kind == openie.Apposition) && finite(obj) {
		return true
	}
	// an apposition is a noun phrase: "X, expressed interest in ..." is a
	// verb the tagger missed
	return kind == openie.Apposition && obj.Head >= 0 && ws[obj.Head].UPOS == "VERB"
}

func phraseOf(a openie.Arg) phrase {
	return phrase{start: a.Words[0], end: a.Words[len(a.Words)-1] + 1, head: a.Head}
}

// namePhrase is phraseOf with the head moved onto the name when the
// parser headed a titled name by its title ("Chancellor Olaf Scholz":
// flat(Chancellor, Olaf, Scholz)): the rightmost word of the head's flat
// or compound parts that belongs to an entity.
func (x *sentenceExtractor) namePhrase(a openie.Arg) phrase {
	p := phraseOf(a)
	// "BVI Premier Andrew Fahie" parsed flat from its first word: the
	// place before the title is not who the phrase names.
	beforeTitle := p.head+1 < len(x.ws) && gazetteer.IsTitle(x.ws[p.head+1].Text)
	if e := x.doc.entityAt(x.sent.Index, p.head); e >= 0 && !beforeTitle {
		return p
	}
	best := -1
	for i, w := range x.ws {
		if w.Head == p.head && (w.Rel == "flat" || w.Rel == "compound") && i > p.head && x.doc.entityAt(x.sent.Index, i) >= 0 &&
			x.doc.entityAt(x.sent.Index, i) != x.doc.entityAt(x.sent.Index, p.head) {
			best = i
		}
	}
	if best >= 0 {
		p.head = best
	}
	return p
}

// predicate gives a tuple's lemmatized predicate and its relation as
// written. Only the first verb is lemmatized ("wants to see" -> "want to
// see", "started bombarding" -> "start bombarding"); an agentless passive
// keeps its participle ("be closed"); auxiliaries, negation and adverbs
// are flags or dropped.
func (x *sentenceExtractor) predicate(tp openie.Tuple, prep int, agentless bool) (pred, rel string) {
	ws := x.ws
	var parts, surface []string
	first := true
	if agentless && len(tp.Rel) == 1 && (ws[tp.Rel[0]].XPOS == "VBN" || ws[tp.Rel[0]].XPOS == "VBD") {
		// a headline's bare participle ("team honored"): "be honored"
		pred, rel = "be "+strings.ToLower(ws[tp.Rel[0]].Text), ws[tp.Rel[0]].Text
		if prep >= 0 {
			pred, rel = pred+" "+strings.ToLower(ws[prep].Text), rel+" "+ws[prep].Text
		}
		return pred, rel
	}
	for _, k := range tp.Rel {
		w := ws[k]
		lw := strings.ToLower(w.Text)
		surface = append(surface, w.Text)
		switch {
		case w.Rel == "aux:pass" && agentless && first:
			parts = append(parts, "be")
		case w.Rel == "aux" && agentless && first && (verbLemma(w) == "be" || verbLemma(w) == "get") && nextVerb(ws, tp.Rel, k) == "VBN":
			parts = append(parts, "be")
		case w.Rel == "aux" || w.Rel == "aux:pass" || w.Rel == "advmod" || w.XPOS == "MD":
		case w.Rel == "cop":
			parts = append(parts, "be")
			first = false
		case w.XPOS == "TO" || w.Rel == "mark" || w.Rel == "compound:prt":
			parts = append(parts, lw)
		case strings.HasPrefix(w.XPOS, "VB"):
			switch {
			case !first || agentless && w.XPOS == "VBN":
				parts = append(parts, lw)
			default:
				parts = append(parts, verbLemma(w))
			}
			first = false
		default:
			parts = append(parts, strings.ToLower(w.Lemma))
		}
	}
	if prep >= 0 {
		parts = append(parts, strings.ToLower(ws[prep].Text))
		surface = append(surface, ws[prep].Text)
	}
	if len(parts) == 0 {
		parts, surface = []string{"be"}, []string{"is"}
	}
	return strings.Join(parts, " "), strings.Join(surface, " ")
}

// nextVerb is the tag of the first verb after word k among the relation's
// words.
func nextVerb(ws []nlp.Word, rel []int, k int) string {
	for _, r := range rel {
		if r > k && strings.HasPrefix(ws[r].XPOS, "VB") {
			return ws[r].XPOS
		}
	}
	return ""
}

// sentenceExtractor extracts the statements of one sentence.
type sentenceExtractor struct {
	doc      *docState
	sent     nlp.Sentence
	ws       []nlp.Word
	headline bool // the article's headline (annotate.go)
	// attributed is who says each word (attribution, carryQuotations).
	attributed []*kg.Node
}

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

// timeFor is the time of the clause of verb v: the first date phrase of
// the sentence that belongs to v's event, the clause it modifies being
// v's own or one v is coordinated with or completes ("was arrested on
// Monday and released"). A time of the saying is not the time of what is
// said ("On September 29 officials claimed he left"), nor a relative
// clause's the time of its noun's clause. With v < 0, the sentence's
// first date phrase.
func (x *sentenceExtractor) timeFor(v int) string {
	ws := x.ws
	for i := range ws {
		e := datePhrase(ws, i)
		if e <= i {
			continue
		}
		if v < 0 {
			return x.text(i, e)
		}
		h := i // the phrase's head: the word whose head is outside it
		for k := i; k < e; k++ {
			if ws[k].Head < i || ws[k].Head >= e {
				h = k
				break
			}
		}
		if a := x.clauseOf(h); a < 0 || x.sameEvent(v, a) {
			return x.text(i, e)
		}
	}
	return ""
}

// clauseOf is the predicate of the clause word k belongs to: the first
// word above it that is a verb, has a copula, or is the root; -1 if none.
func (x *sentenceExtractor) clauseOf(k int) int {
	ws := x.ws
	for h, n := ws[k].Head, 0; h >= 0 && n < len(ws); h, n = ws[h].Head, n+1 {
		if ws[h].UPOS == "VERB" || ws[h].Head < 0 || x.hasChild(h, "cop") {
			return h
		}
	}
	return -1
}

// sameEvent reports whether verb v is predicate a or reaches it through
// coordination and complements that share its event.
func (x *sentenceExtractor) sameEvent(v, a int) bool {
	ws := x.ws
	for n := 0; n < len(ws); n++ {
		if v == a {
			return true
		}
		if v < 0 {
			return false
		}
		switch ws[v].Rel {
		case "conj", "xcomp":
			v = ws[v].Head
		case "advcl":
			// a clause of the same moment: "harmed last week when the US
			// shut down ...", "on Tuesday, demonstrating ..."
			switch m := x.markOf(v); m {
			case "", "when", "as", "while":
				v = ws[v].Head
			default:
				return false
			}
		default:
			return false
		}
	}
	return false
}

// markOf is the lower-cased subordinator of clause v, "" if none.
func (x *sentenceExtractor) markOf(v int) string {
	for _, w := range x.ws {
		if w.Head == v && w.Rel == "mark" {
			return strings.ToLower(w.Text)
		}
	}
	return ""
}

func (x *sentenceExtractor) text(i, j int) string {
	if j <= i {
		return ""
	}
	return x.doc.text[x.ws[i].Start:x.ws[j-1].End]
}

// whoNotPerson reports a relative clause with "who" whose antecedent,
// as the parse gives it, is a place or a group of places: the parse chose
// the wrong noun ("migrants from countries such as Cuba who had been
// turned away" is about the migrants), so the tuple is left out.
func (x *sentenceExtractor) whoNotPerson(tp openie.Tuple) bool {
	if tp.Verb < 0 || tp.Subject.Head < 0 {
		return false
	}
	who := false
	for _, w := range x.ws {
		if w.Head == tp.Verb && strings.HasPrefix(w.Rel, "nsubj") && (strings.EqualFold(w.Text, "who") || strings.EqualFold(w.Text, "whom")) {
			who = true
		}
	}
	if !who {
		return false
	}
	if e := x.doc.entityAt(x.sent.Index, tp.Subject.Head); e >= 0 {
		switch x.doc.clusters[e].typ {
		case kg.GPE, kg.Location:
			return true
		}
	}
	return false
}

// negatedBy reports whether the phrase headed by h is negated by its
// determiner ("no weapons", "neither side"), or by its first conjunct's
// ("no injuries or deaths").
func (x *sentenceExtractor) negatedBy(h int) bool {
	ws := x.ws
	if h < 0 {
		return false
	}
	for hop := 0; hop < 2 && h >= 0; hop++ {
		for _, w := range ws {
			if w.Head == h && w.Rel == "det" {
				switch strings.ToLower(w.Text) {
				case "no", "neither":
					return true
				}
			}
		}
		if ws[h].Rel != "conj" {
			break
		}
		h = ws[h].Head
	}
	return false
}

// withoutNegation is a concept's name without the determiner that
// negated it ("no weapons" -> "weapons"); other nodes keep theirs.
func withoutNegation(n kg.Node) string {
	if n.Type != kg.Concept {
		return n.Name
	}
	for _, d := range []string{"no ", "No ", "neither ", "Neither "} {
		if rest, ok := strings.CutPrefix(n.Name, d); ok {
			return rest
		}
	}
	return n.Name
}

// modalVerbs say that what their complement says is wanted, asked for,
// feared or expected, not that it happened: "Mexico suggested that a
// dialogue be initiated" does not state that a dialogue was initiated.
var modalVerbs = map[string]bool{
	"suggest": true, "propose": true, "ask": true, "request": true, "urge": true, "demand": true,
	"recommend": true, "call": true, "want": true, "wish": true, "hope": true, "fear": true,
	"worry": true, "expect": true, "plan": true, "intend": true, "threaten": true, "promise": true,
	"predict": true, "seek": true, "aim": true, "try": true, "attempt": true, "consider": true,
	"offer": true, "agree": true, "vow": true, "pledge": true, "insist": true,
	// asking or pressing someone else to do it
	"convince": true, "persuade": true, "encourage": true, "press": true, "pressure": true, "push": true,
	"invite": true, "tell": true, "order": true, "instruct": true, "advise": true, "warn": true,
	"allow": true, "permit": true, "authorize": true, "require": true, "need": true,
	// supposing it
	"assume": true, "suppose": true, "speculate": true, "imagine": true, "guess": true,
}

// preventVerbs keep what their "from" clause says from happening: "was
// banned from conducting public worship".
var preventVerbs = map[string]bool{"ban": true, "bar": true, "prevent": true, "prohibit": true, "stop": true,
	"block": true, "keep": true, "refrain": true, "restrain": true, "forbid": true, "exclude": true, "discourage": true}

// insteadOf reports a clause introduced by "instead of" (parsed as the
// mark "instead" with "of" fixed to it, or "of" after "instead").
func insteadOf(ws []nlp.Word, h int) bool {
	for k, w := range ws {
		if w.Head == h && w.Rel == "mark" && strings.EqualFold(w.Text, "instead") {
			return true
		}
		if w.Head == h && w.Rel == "mark" && strings.EqualFold(w.Text, "of") && k > 0 && strings.EqualFold(ws[k-1].Text, "instead") {
			return true
		}
	}
	return false
}

// imperative reports a verb that gives an order or advice: the root, a
// bare verb that opens the sentence, with no subject ("Make sure ...",
// "Look at how ...").
func imperative(ws []nlp.Word, v int) bool {
	if ws[v].Head != -1 || ws[v].XPOS != "VB" || nlp.HasChild(ws, v, "nsubj", "nsubj:pass", "aux", "mark") {
		return false
	}
	for k := 0; k < v; k++ {
		if ws[k].UPOS != "PUNCT" && !(ws[k].Head == v && (ws[k].Rel == "advmod" || ws[k].Rel == "discourse" || ws[k].Rel == "cc")) {
			return false
		}
	}
	return true
}

// invertedCondition reports a condition said by inversion, without "if":
// its first word an auxiliary "should", "had" or "were" before its
// subject ("Should the tenants elect the trust", "had he not met her").
func invertedCondition(ws []nlp.Word, h int) bool {
	first, subj := -1, -1
	for k := range ws {
		if ws[k].Head == h && first < 0 && ws[k].UPOS != "PUNCT" {
			first = k
		}
		if ws[k].Head == h && strings.HasPrefix(ws[k].Rel, "nsubj") && subj < 0 {
			subj = k
		}
	}
	if first < 0 || subj < 0 || first > subj || ws[first].Rel != "aux" && ws[first].Rel != "cop" && ws[first].Rel != "aux:pass" {
		return false
	}
	switch strings.ToLower(ws[first].Text) {
	case "should", "had", "were":
		return true
	}
	return false
}

// bareComplement reports a verb of causing or perceiving with a bare
// infinitive complement ("made Meghan cry", "let them go", "watched him
// flip the switch"), which says what its object did. ("helped the girls
// reach the contest" also says who was helped.)
func (x *sentenceExtractor) bareComplement(v int) bool {
	switch verbLemma(x.ws[v]) {
	case "make", "let", "have", "see", "watch", "hear", "witness", "feel", "notice":
	default:
		return false
	}
	for k, w := range x.ws {
		if w.Head == v && w.Rel == "xcomp" && w.XPOS == "VB" && !x.hasChild(k, "mark") {
			return true
		}
	}
	return false
}

// nounComplements are the prepositions common nouns take a complement
// with, which a parse may hang on the verb instead ("called for an end
// to the fighting", "reflect his commitment to reform", "ended its
// investigation into the crash").
var nounComplements = map[string]map[string]bool{
	"to": {"end": true, "commitment": true, "access": true, "threat": true, "response": true, "solution": true,
		"answer": true, "contribution": true, "damage": true, "opposition": true, "resistance": true, "visit": true,
		"trip": true, "return": true, "approach": true, "reference": true, "key": true, "road": true, "path": true,
		"right": true, "rights": true, "obstacle": true, "alternative": true, "exception": true,
		"challenge": true, "transition": true, "amendment": true,
		"adviser": true, "advisor": true, "successor": true, "heir": true, "ambassador": true, "envoy": true,
		"attention": true, "letter": true, "message": true, "apology": true, "tribute": true, "donation": true,
		"aid": true, "risk": true, "danger": true, "link": true, "links": true, "connection": true},
	"for": {"call": true, "calls": true, "demand": true, "request": true, "need": true, "search": true,
		"reason": true, "plan": true, "plans": true, "responsibility": true, "bid": true, "candidate": true,
		"funding": true, "money": true, "compensation": true, "appetite": true, "campaign": true, "warrant": true,
		"support": true, "respect": true, "preference": true, "cure": true, "vaccine": true, "treatment": true},
	"on": {"ban": true, "attack": true, "attacks": true, "impact": true, "effect": true, "influence": true,
		"tax": true, "tariffs": true, "focus": true, "decision": true, "debate": true, "report": true, "talks": true,
		"restrictions": true, "sanctions": true, "pressure": true, "emphasis": true, "limits": true, "crackdown": true,
		"moratorium": true, "vote": true, "ruling": true, "views": true, "position": true, "stance": true},
	"with": {"talks": true, "meeting": true, "relationship": true, "relations": true, "ties": true, "deal": true,
		"agreement": true, "contact": true, "cooperation": true, "conflict": true, "partnership": true,
		"negotiations": true, "conversation": true, "conversations": true, "trade": true, "war": true,
		"touch": true, "interview": true},
	"against": {"campaign": true, "war": true, "case": true, "charges": true, "measures": true, "protest": true,
		"protests": true, "violence": true, "discrimination": true, "lawsuit": true, "suit": true, "fight": true,
		"complaint": true, "allegations": true, "action": true, "strike": true, "strikes": true, "offensive": true},
	"into": {"investigation": true, "inquiry": true, "probe": true, "research": true, "insight": true, "review": true},
	"over": {"control": true, "dispute": true, "concerns": true, "authority": true, "victory": true, "lead": true,
		"sovereignty": true, "jurisdiction": true, "row": true, "feud": true, "fight": true, "tensions": true},
	"about": {"concerns": true, "concern": true, "questions": true, "information": true, "details": true,
		"doubts": true, "fears": true, "story": true, "stories": true, "warnings": true},
	"in": {"interest": true, "role": true, "increase": true, "rise": true, "decline": true, "drop": true,
		"participation": true, "investment": true, "stake": true, "involvement": true, "surge": true, "fall": true},
	"as":   {"role": true, "debut": true, "career": true, "stint": true, "tenure": true, "term": true, "time": true},
	"from": {"withdrawal": true, "departure": true, "exit": true, "resignation": true, "retirement": true},
}

// complementOf is the argument of a tuple that is the object's own
// complement: it starts right after the object's last word with a
// preposition the object's head noun takes (nounComplements); -1 for
// none. Arguments already used (the object, the subject, an idiom's
// noun) are not.
func (x *sentenceExtractor) complementOf(obj openie.Arg, args []openie.Arg, used ...int) int {
	ws := x.ws
	if obj.Head < 0 || len(obj.Words) == 0 || ws[obj.Head].UPOS != "NOUN" {
		return -1
	}
	last := obj.Words[len(obj.Words)-1]
	for j, a := range args {
		if slices.Contains(used, j) || len(a.Words) < 2 || a.Words[0] != last+1 {
			continue
		}
		v := x.argVia(a)
		if v != a.Words[0] || x.timeArg(a) {
			continue
		}
		if nounComplements[strings.ToLower(ws[v].Text)][strings.ToLower(ws[obj.Head].Lemma)] {
			return j
		}
	}
	return -1
}

// addresseeVerbs are done to someone about a clause: they urge, allow or
// ask them to do something, or tell or ask them that, whether or how
// something is; (X; tell; Y) without the clause says nothing.
var addresseeVerbs = map[string]bool{"tell": true, "ask": true, "urge": true, "encourage": true, "allow": true,
	"permit": true, "enable": true, "order": true, "persuade": true, "convince": true, "invite": true,
	"require": true, "advise": true, "warn": true, "remind": true, "inform": true, "instruct": true,
	"request": true, "beg": true, "implore": true, "press": true, "pressure": true, "assure": true,
	"call": true} // "called for Fahie to be afforded due process"

// clauseAfterObject is the argument of a tuple that is the clause an
// addressee verb (addresseeVerbs) says to or of its object: it starts
// right after the object and is a clause of the verb's own; -1 for none.
func (x *sentenceExtractor) clauseAfterObject(v int, obj openie.Arg, args []openie.Arg, used ...int) int {
	ws := x.ws
	if v < 0 || obj.Head < 0 || len(obj.Words) == 0 || !addresseeVerbs[verbLemma(ws[v])] {
		return -1
	}
	if u := ws[obj.Head].UPOS; u != "NOUN" && u != "PROPN" && u != "PRON" {
		return -1
	}
	if r := ws[obj.Head].Rel; ws[obj.Head].Head != v || (r != "obj" && r != "iobj" && !(r == "obl" && verbLemma(ws[v]) == "call")) {
		return -1
	}
	last := obj.Words[len(obj.Words)-1]
	for j, a := range args {
		if slices.Contains(used, j) || len(a.Words) < 2 || a.Words[0] != last+1 || a.Head < 0 {
			continue
		}
		h := ws[a.Head]
		if h.Head != v || (h.UPOS != "VERB" && h.UPOS != "AUX" && h.UPOS != "ADJ") {
			continue
		}
		if h.Rel == "xcomp" || h.Rel == "ccomp" || (h.Rel == "advcl" && x.markOf(a.Head) == "to") {
			return j
		}
	}
	return -1
}

// genericNouns name no one in particular.
var genericNouns = map[string]bool{"person": true, "people": true, "anyone": true, "anybody": true,
	"someone": true, "somebody": true, "everyone": true, "everybody": true, "individual": true,
	"those": true, "one": true}

// genericRelative reports a tuple from a relative clause or a participle
// on a noun that names no one in particular: "a person who buys a house",
// "anyone suffering from iodine deficiency", "people who are disabled"
// define whom the sentence is about; they do not say that anyone did
// it. A number or an owner makes them particular ("two people killed in
// the crash", "his people").
func (x *sentenceExtractor) genericRelative(tp openie.Tuple) bool {
	ws := x.ws
	v, sh := tp.Verb, tp.Subject.Head
	if v < 0 || sh < 0 || ws[v].Head != sh || (ws[v].Rel != "acl:relcl" && ws[v].Rel != "acl") {
		return false
	}
	return genericNouns[strings.ToLower(ws[sh].Lemma)] && !nlp.HasChild(ws, sh, "nmod:poss", "nummod")
}

// infinitiveOfItsNoun reports a tuple whose subject is the noun an
// infinitive modifies: "enough information to answer the question",
// "speed to avoid an accident", "visas to enter the country", "votes to
// override the objection" say what the thing is for or needed for, not
// that it does it; the infinitive's doer is someone else, unsaid. After
// "first", "last", "only", "next" or a superlative the noun is the doer
// ("the first city to elect a Somali American mayor").
func (x *sentenceExtractor) infinitiveOfItsNoun(tp openie.Tuple) bool {
	ws := x.ws
	v := tp.Verb
	if v < 0 || ws[v].Rel != "acl" || x.markOf(v) != "to" || tp.Subject.Head < 0 || tp.Subject.Head != ws[v].Head {
		return false
	}
	for _, w := range ws {
		if w.Head != tp.Subject.Head || (w.Rel != "amod" && w.Rel != "advmod") {
			continue
		}
		switch strings.ToLower(w.Text) {
		case "first", "last", "only", "next", "second", "third":
			return false
		}
		if w.XPOS == "JJS" {
			return false
		}
	}
	return true
}

// implicativeVerbs make their object do what their infinitive says:
// "forced the driver to stop" says the driver stopped.
var implicativeVerbs = map[string]bool{"force": true, "compel": true, "oblige": true, "make": true, "cause": true,
	"get": true, "lead": true, "help": true, "prompt": true, "drive": true}

// negativeVerbs say their infinitive did not happen: "failed to pay".
var negativeVerbs = map[string]bool{"fail": true, "neglect": true, "forget": true}

// accusingVerbs put what their gerund says as an accusation, not a fact:
// "charged with taking hard drives".
var accusingVerbs = map[string]bool{"charge": true, "accuse": true, "suspect": true, "indict": true,
	"arrest": true, "investigate": true, "sue": true, "allege": true, "blame": true}

// factiveAdjectives assert the clause they govern ("it is clear that
// ..."); any other adjective over a clause ("it is crucial that ...",
// "reasonable to assume") makes it a judgement, not a fact.
var factiveAdjectives = map[string]bool{"clear": true, "true": true, "evident": true, "obvious": true,
	"known": true, "certain": true, "apparent": true, "undeniable": true, "sure": true, "aware": true,
	"glad": true, "happy": true, "sad": true, "sorry": true, "proud": true, "surprised": true,
	"able": true} // "were able to reach the site": they reached it

// tellVerbs ask for what their infinitive says ("told them to leave") but
// report what their clause says ("told reporters that ...").
var tellVerbs = map[string]bool{"tell": true, "warn": true, "advise": true}

// agentlessPurpose reports a purpose clause whose subject Open IE took
// from an agentless passive it qualifies: in "the needle is inserted into
// the vein to get a blood sample" it is whoever inserts the needle who
// gets the sample, and the text does not say who.
func (x *sentenceExtractor) agentlessPurpose(tp openie.Tuple) bool {
	ws := x.ws
	v := tp.Verb
	for n := 0; ws[v].Rel == "conj" && ws[v].Head >= 0 && n < len(ws); n++ {
		v = ws[v].Head // "to get a sample or perform IV therapy"
	}
	p := ws[v].Head
	if ws[v].Rel != "advcl" || p < 0 || x.hasChild(p, "obl:agent", "nsubj") || x.hasChild(v, "nsubj", "nsubj:pass") {
		return false
	}
	sh := tp.Subject.Head
	if sh < 0 || ws[sh].Head != p || ws[sh].UPOS != "NOUN" || equipVerbs[verbLemma(ws[p])] {
		return false
	}
	// the passive's subject, or the object of a verb with no subject
	// ("involves inserting a needle to get a sample")
	if r := ws[sh].Rel; r != "nsubj:pass" && !(r == "obj" && ws[p].XPOS == "VBG") {
		return false
	}
	// someone named, a group or a person does what they are sent or hired for
	return x.doc.entityAt(x.sent.Index, sh) < 0 && (ws[sh].NER == "" || ws[sh].NER == "O")
}

// equipVerbs, made passive, leave their subject to do what they were
// done for: "was provided with material to build a case", "the data will
// be used to improve the robot", "a wall was installed to protect them".
var equipVerbs = map[string]bool{"use": true, "design": true, "intend": true, "build": true, "make": true,
	"create": true, "develop": true, "install": true, "set": true, "put": true, "place": true, "employ": true,
	"deploy": true, "train": true, "hire": true, "send": true, "provide": true, "give": true, "ask": true,
	"choose": true, "elect": true, "appoint": true, "pay": true, "bring": true, "invite": true, "recruit": true,
	"call": true, "assign": true, "task": true, "select": true, "authorize": true, "fund": true, "equip": true,
	"program": true, "engineer": true, "mean": true, "sway": true, "encourage": true, "urge": true, "force": true}

// embedding is what a clause's verb v is embedded in, when that makes it
// other than a plain fact: "if" inside a condition, or the condition's
// main clause ("the US would respond if ..."); "purpose" for a purpose
// clause ("met Obrador to reduce the influx"); the lemma of a verb that
// wants, asks, fears or expects it ("suggest", "fear", ...). "" for a
// plain fact.
func (x *sentenceExtractor) embedding(v int) string {
	ws := x.ws
	mark := func(h int) string {
		m := ""
		for k, w := range ws {
			if w.Head == h && w.Rel == "mark" {
				l := strings.ToLower(ws[k].Text)
				if m == "" || l == "to" && (m == "for" || m == "in") {
					m = l // "for attendees to try", "in order to help": a purpose
				}
			}
		}
		return m
	}
	for _, w := range ws {
		if w.Head == v && w.Rel == "advmod" {
			switch strings.ToLower(w.Text) {
			case "allegedly", "reportedly", "purportedly", "supposedly", "apparently",
				"perhaps", "maybe", "possibly", "probably", "presumably", "seemingly",
				"potentially", "hopefully", "likely", "conceivably":
				return strings.ToLower(w.Text) // a claim or a guess, not a fact
			}
		}
	}
	// the condition's main clause
	for k, w := range ws {
		if w.Head == v && w.Rel == "advcl" {
			if m := mark(k); m == "if" || m == "unless" || m == "" && invertedCondition(ws, k) {
				return "if"
			}
		}
	}
	for h, n := v, 0; h >= 0 && n < len(ws); h, n = ws[h].Head, n+1 {
		switch m := mark(h); {
		case m == "if" || m == "unless":
			return "if" // also when the parser made the condition a complement
		case m == "whether":
			return "whether" // a question: "asked whether the president can pardon himself"
		case m == "" && ws[h].Rel == "advcl" && invertedCondition(ws, h):
			return "if" // "Should the tenants elect the trust, ...", "had he not met her"
		case (m == "from" || m == "of") && ws[h].XPOS == "VBG" && ws[h].Head >= 0 && (preventVerbs[verbLemma(ws[ws[h].Head])] || insteadOf(ws, h)):
			return "not" // "was banned from conducting", "instead of being taken to a hotel"
		case m == "to" && ws[h].Rel == "advcl" && ws[h].Head >= 0 && negativeVerbs[verbLemma(ws[ws[h].Head])]:
			return "not" // "failed at the time to realize", parsed as a purpose
		}
		if r := ws[h].Rel; (r == "acl" || r == "acl:relcl" || r == "ccomp") && ws[h].Head >= 0 {
			// "there is no evidence (that) X did it", "found no sign that
			// X did it": X is not asserted
			p := ws[h].Head
			if r == "ccomp" {
				for k, w := range ws {
					if w.Head == p && w.Rel == "obj" && contentNouns[strings.ToLower(w.Lemma)] {
						p = k
					}
				}
			}
			if l := strings.ToLower(ws[p].Lemma); contentNouns[l] && x.negatedBy(p) {
				return "no " + l
			}
		}
		switch ws[h].Rel {
		case "advcl", "acl":
			p := ws[h].Head
			if ws[h].Rel == "acl" && p >= 0 && ws[h].XPOS != "VBN" && openie.ControlNoun(strings.ToLower(ws[p].Lemma)) {
				return strings.ToLower(ws[p].Lemma) // "an effort to reduce the influx": attempted, not done
			}
			switch m := mark(h); {
			case m == "if" || m == "unless":
				return "if"
			case m == "to" || m == "so":
				if p >= 0 && m == "to" && ws[p].UPOS == "ADJ" && strings.ToLower(ws[p].Lemma) != "able" {
					l := strings.ToLower(ws[p].Lemma)
					if l == "unable" {
						return "not"
					}
					return l // "almost certain to lose strength", "likely to rise": a prediction
				}
				if p >= 0 && m == "to" && modalVerbs[verbLemma(ws[p])] {
					return verbLemma(ws[p]) // "encouraged galleries to educate", parsed as a purpose
				}
				if ws[h].Rel == "advcl" {
					return "purpose"
				}
			case (m == "with" || m == "of" || m == "for") && p >= 0 && accusingVerbs[verbLemma(ws[p])]:
				return "accused" // "charged with taking", "suspected of"
			case m == "by" && p >= 0, ws[h].XPOS == "VBG" && p >= 0 && (m == "in" || m == "on" || m == "at" || m == "about"):
				// the means shares its clause's mood: "could remedy it
				// by using iodised salt"; so does what a gerund names
				// ("will be able to participate in contributing")
				if md := x.modalOf(p); md != "" {
					return md
				}
				continue
			}
			return "" // "..., demonstrating the limits": it happened
		case "conj":
			continue // coordinated clauses share what embeds the first ("if someone shut it down or deleted it")

		case "ccomp", "xcomp", "csubj":
			p := ws[h].Head
			if p < 0 {
				return ""
			}
			if imperative(ws, p) {
				return "imperative" // "Make sure your bio is clear": advice, not a fact
			}
			if md := x.modalOf(p); md != "" && (implicativeVerbs[verbLemma(ws[p])] || strings.EqualFold(ws[p].Lemma, "able")) {
				// "could help clinicians get samples", "will be able to
				// contribute": as sure as the verb that makes it happen
				return md
			}
			if openie.HearsayVerb(ws[p].Lemma) && ws[p].XPOS == "VBN" && x.hasChild(p, "aux:pass") {
				// "it is believed that ...", "is alleged to have ...": a
				// claim nobody is named for
				return strings.ToLower(ws[p].Text)
			}
			if ws[p].UPOS == "ADJ" {
				switch l := strings.ToLower(ws[p].Lemma); {
				case l == "unable":
					return "not" // "were unable to reach the site"
				case !factiveAdjectives[l]:
					return l // "it is crucial that ...", "reasonable to assume"
				}
				continue // "were able to shut it down": as factual as the clause of "able" ("if someone were able to")
			}
			l := verbLemma(ws[p])
			if tellVerbs[l] && ws[h].Rel != "xcomp" {
				return "" // "told reporters (that) Iran had ...": reported speech
			}
			if negativeVerbs[l] && ws[h].Rel == "xcomp" {
				return "not"
			}
			if modalVerbs[l] {
				return l
			}
			if ws[h].Rel == "xcomp" && x.hasChild(p, "obj", "iobj") && !implicativeVerbs[l] && !reportingVerbs[l] && ws[p].UPOS == "VERB" {
				// someone else is to do it: "encouraged galleries to
				// educate audiences"
				return l
			}
		default:
			return ""
		}
	}
	return ""
}

// contentNouns take a clause that says what they are of: "evidence
// that", "no sign that", "no indication".
var contentNouns = map[string]bool{"evidence": true, "sign": true, "indication": true, "proof": true,
	"suggestion": true, "doubt": true, "guarantee": true, "confirmation": true, "report": true, "hint": true}

// idioms are the nouns that make a phrase with their light verb: "take
// place", "take part", "pay tribute".
var idioms = map[string]map[string]bool{
	"take": {"place": true, "part": true, "office": true, "effect": true, "aim": true, "charge": true, "refuge": true, "shelter": true, "note": true},
	"make": {"landfall": true, "way": true, "use": true, "sure": true},
	"pay":  {"tribute": true, "attention": true, "homage": true},
	"give": {"birth": true, "way": true},
	"play": {"host": true},
	"set":  {"fire": true, "foot": true},
	"come": {"ashore": true},
}

// splitIdiom splits a light verb's noun from the phrase the parse hung on
// it ("place at the Metro Toronto Convention Centre"): the noun stays
// argument i, the phrase becomes the argument after it.
func (x *sentenceExtractor) splitIdiom(v int, args []openie.Arg, i int) []openie.Arg {
	a := args[i]
	if a.Head < 0 || len(a.Words) < 3 || !idioms[verbLemma(x.ws[v])][strings.ToLower(x.ws[a.Head].Text)] || a.Words[0] != a.Head {
		return args
	}
	ws := x.ws
	for k := range ws {
		if ws[k].Head != a.Head || ws[k].Rel != "nmod" || !x.hasChild(k, "case") || !slices.Contains(a.Words, k) {
			continue
		}
		var rest []int
		for _, w := range a.Words {
			if w != a.Head {
				rest = append(rest, w)
			}
		}
		out := slices.Clone(args[:i])
		out = append(out, openie.Arg{Words: []int{a.Head}, Head: a.Head}, openie.Arg{Words: rest, Head: k})
		return append(out, args[i+1:]...)
	}
	return args
}

// idiomNoun is the noun of a light-verb idiom when argument a is that
// bare noun of verb v ("place" of "took place"), "" otherwise.
func (x *sentenceExtractor) idiomNoun(v int, a openie.Arg) string {
	if len(a.Words) != 1 || a.Head < 0 {
		return ""
	}
	n := strings.ToLower(x.ws[a.Head].Text)
	if idioms[verbLemma(x.ws[v])][n] {
		return n
	}
	return ""
}

// modalOf is the modal auxiliary of verb v ("could"), or "".
func (x *sentenceExtractor) modalOf(v int) string {
	for _, w := range x.ws {
		if w.Head == v && w.Rel == "aux" && w.XPOS == "MD" {
			return strings.ToLower(w.Text)
		}
	}
	return ""
}

// hasChild reports whether word h has a dependent of one of the relations.
func (x *sentenceExtractor) hasChild(h int, rels ...string) bool {
	return nlp.HasChild(x.ws, h, rels...)
}

// relation is where a statement's relation words lie, words [start,
// end), and how the clause says it.
type relation struct {
	start, end int
	negated    bool
	modal      string
}

// statement assembles a statement; its span covers the arguments and the
// relation.
func (x *sentenceExtractor) statement(s arg, pred, rel string, o arg, g relation, conf float64) kg.Statement {
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

// appendStatement adds qualifiers and drops vacuous statements. Its
// speaker is who says its verb v (v < 0 for none) or else the first word
// of its span: a subject the clause shares with another ('she was
// "begging for help," she added') may stand outside what is reported.
func (x *sentenceExtractor) appendStatement(out []kg.Statement, st kg.Statement, when string, attributed []*kg.Node, v int) []kg.Statement {
	if st.Predicate == "" || st.Relation == "" || st.Subject.Name == "" || st.Object.Name == "" {
		return out
	}
	if st.Subject.ID != "" && st.Subject.ID == st.Object.ID {
		return out
	}
	if st.Time == "" {
		st.Time = when
	}
	speaker := x.spanSpeaker(st.Span, attributed)
	if v >= 0 && v < len(attributed) && attributed[v] != nil {
		speaker = attributed[v]
	}
	if speaker == unknownSpeaker {
		return out // reported by someone we cannot name
	}
	if speaker != nil {
		a := *speaker
		st.AttributedTo = &a
	}
	if st.Time != "" {
		switch strings.ToLower(st.Modality) {
		case "will", "'ll", "shall", "going to":
			st.Date = resolveDate(st.Time, x.doc.anchor, true)
		default:
			st.Date = resolveDate(st.Time, x.doc.anchor, false)
		}
	}
	return append(out, st)
}

// spanSpeaker is who says the first word of a span.
func (x *sentenceExtractor) spanSpeaker(span kg.Span, attributed []*kg.Node) *kg.Node {
	for i, w := range x.ws {
		if x.doc.runeOffset(w.Start) >= span.Start {
			return attributed[i]
		}
	}
	return nil
}

// dedupe keeps the first of statements that say the same thing in the
// same sentence.
func dedupe(sts []kg.Statement) []kg.Statement {
	seen := map[string]bool{}
	out := sts[:0]
	for _, st := range sts {
		key := fmt.Sprintf("%s|%d", st.ID, st.Sentence)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, st)
	}
	return out
}

// titleStatements states the titles the text gives people: "US Secretary
// of State Antony Blinken" -> Antony Blinken is US Secretary of State.
func (d *docState) titleStatements(s nlp.Sentence) []kg.Statement {
	var out []kg.Statement
	for _, m := range d.mentions {
		if m.sent != s.Index || m.titleStart >= m.start || m.entity < 0 {
			continue
		}
		title := d.text[s.Words[m.titleStart].Start:s.Words[m.start-1].End]
		switch strings.ToLower(strings.TrimSuffix(title, ".")) {
		case "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady":
			continue
		}
		name := arg{node: d.node(m.entity), phrase: phrase{start: m.start, end: m.end, head: m.end - 1}}
		if cutAtHyphen(s.Words, name) || shouted(arg{node: kg.Node{Name: title, Type: kg.Concept}}) {
			// "Spokesman-Review" is no "-Review" titled "Spokesman";
			// "FIRST Global Challenge" is a name, FIRST no title
			continue
		}
		if d.longerTitle(m.entity, title) {
			continue // "Secretary Blinken" after "Secretary of State Antony Blinken"
		}
		out = append(out, kg.Statement{
			Subject:    d.node(m.entity),
			Predicate:  "be",
			Relation:   "is",
			Object:     kg.Node{Name: title, Type: kg.Concept},
			Confidence: 0.85,
			Sentence:   s.Index,
			Span:       kg.Span{Start: d.runeOffset(s.Words[m.titleStart].Start), End: d.runeOffset(s.Words[m.end-1].End)},
			Text:       d.text[s.Start:s.End],
		})
	}
	return out
}

// holdsBe reports whether a name holds a finite "be" ("Yes, the Cyclone
// is almost certain"): the object of a copula that holds a copula of its
// own is a clause read as a thing.
func holdsBe(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		switch strings.Trim(w, ",.;:!?\"'“”‘’") {
		case "is", "are", "was", "were", "it's", "it’s", "am":
			return true
		}
	}
	return false
}

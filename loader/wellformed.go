package loader

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader/openie"
	"github.com/newsgraph/newsgraph/nlp"
)

// Well-formedness checks made before a statement is kept (issue 16, "drop
// what says nothing"). Each names a shape of subject, object or sentence
// that no reading of a news sentence gives as a fact; what a reader
// might still half agree with is left to the scorer.

// clauseSubject reports a subject that is a piece of a clause rather
// than a noun phrase: it opens with a finite verb ("be the first U.S.
// city elect ..."), an adverb and a preposition ("notably among the
// state's black voters make up ..."), a free relative ("What voters
// make"), a pronoun with a verb or a possessive marker the parse put
// inside the phrase ("it's stuff"), or it holds a relative pronoun whose
// antecedent is elsewhere ("99 of which have rents").
func clauseSubject(ws []nlp.Word, p phrase) bool {
	if p.start < 0 || p.end > len(ws) || p.end <= p.start {
		return false
	}
	first := ws[p.start]
	switch first.XPOS {
	case "VB", "VBZ", "VBD", "VBP", "MD":
		return true
	}
	if p.end-p.start < 2 {
		return false
	}
	second := ws[p.start+1]
	switch {
	case first.XPOS == "RB" && second.Text == ",":
		return true // "now, in November 2023, former president Donald Trump finds"
	case first.XPOS == "RB" && strings.HasSuffix(strings.ToLower(first.Text), "ly") && second.XPOS == "IN":
		return true // not "up to 10,000 migrants"
	case first.XPOS == "WP" || first.XPOS == "WDT" && !strings.EqualFold(first.Text, "that"):
		return true // "that family" is a demonstrative
	case first.XPOS == "PRP" && (second.XPOS == "POS" || second.XPOS == "VBZ" || second.XPOS == "VBD" || second.XPOS == "VBP" || second.XPOS == "MD"):
		return true
	}
	for k := p.start + 1; k < p.end; k++ {
		switch strings.ToLower(ws[k].Text) {
		case "which", "whom", "whose":
			return true
		}
	}
	return false
}

// timeNouns are the nouns that measure a stretch of time; a phrase they
// head ("only two weeks", "many hours", "just days") is when something
// happened, never who did it.
var timeNouns = map[string]bool{
	"second": true, "minute": true, "hour": true, "day": true, "night": true, "week": true,
	"month": true, "year": true, "decade": true, "century": true,
	"morning": true, "afternoon": true, "evening": true, "weekend": true, "today": true, "tonight": true,
}

// timeSubject reports a subject that is a date or a stretch of time:
// "only two weeks assemble robot" is the time the team had, "26
// December 2019 rule by" the date of a ruling.
func timeSubject(ws []nlp.Word, a arg) bool {
	if a.node.Type == kg.Date {
		return true
	}
	for k := a.phrase.start; k+1 < a.phrase.end && k+1 < len(ws); k++ {
		if ws[k].XPOS == "CD" && isCapitalized(ws[k+1].Text) && gazetteer.IsDateWord(ws[k+1].Text) {
			return true // "26 December 2019", which datePhrase leaves to quantities
		}
	}
	if a.node.IsEntity() && a.node.Type != kg.Quantity || a.resolved != "" {
		return false
	}
	h := a.phrase.head
	if h < 0 || h >= len(ws) {
		return false
	}
	return timeNouns[strings.ToLower(ws[h].Lemma)]
}

// linking verbs take an adjective as what the subject is or becomes,
// like "be": "remain closed", "become clear".
var linking = map[string]bool{
	"be": true, "become": true, "remain": true, "seem": true, "appear": true, "stay": true,
	"look": true, "feel": true, "sound": true, "grow": true, "turn": true, "prove": true, "get": true,
}

// bareObject reports an object that is one adjective, adverb, particle,
// preposition or wh-word after a verb that takes a noun: "keep open"
// (the door kept open), "make clear" (what was made clear), "know why",
// "be allowed inside". Copulas and linking verbs take adjectives; their
// objects are left alone.
func bareObject(ws []nlp.Word, pred string, o arg) bool {
	if o.node.Type != kg.Concept || o.phrase.end-o.phrase.start != 1 || o.phrase.start < 0 || o.phrase.start >= len(ws) {
		return false
	}
	verb := strings.Fields(pred)
	if len(verb) == 0 {
		return false
	}
	if linking[verb[len(verb)-1]] || pred == "end up" {
		return false // "want to be rich", "end up fourth"
	}
	switch ws[o.phrase.start].XPOS {
	case "JJ", "JJR", "JJS":
		// "be pronounced dead", "be found guilty": a passive's
		// adjective says what the subject was found or declared
		return verb[0] != "be"
	case "RB", "RBR", "RBS", "WRB", "WP", "IN", "RP":
		return true
	}
	return false
}

// clauseVerbs take a clause as what they say, think, perceive, want or
// name: "feel (that) Mohamed had been subject to Islamophobia", "see how
// the infection dynamics are mirrored", "be titled Who Needs Gerry Ford".
var clauseVerbs = map[string]bool{
	"say": true, "tell": true, "explain": true, "add": true, "state": true, "claim": true, "argue": true,
	"announce": true, "report": true, "confirm": true, "deny": true, "admit": true, "insist": true,
	"suggest": true, "note": true, "observe": true, "write": true, "ask": true, "answer": true, "reply": true,
	"know": true, "think": true, "believe": true, "feel": true, "guess": true, "suspect": true,
	"realise": true, "realize": true, "understand": true, "learn": true, "find": true, "discover": true,
	"remember": true, "recall": true, "forget": true, "doubt": true, "assume": true, "expect": true,
	"mean": true, "show": true, "prove": true, "reveal": true, "indicate": true, "wonder": true,
	"see": true, "hear": true, "notice": true, "watch": true, "hope": true, "wish": true, "want": true,
	"fear": true, "worry": true, "decide": true, "agree": true, "ensure": true, "lead": true,
	"title": true, "call": true, "name": true, "entitle": true,
}

// clauseObject reports an object concept that holds a finite verb of its
// own after a verb that takes no clause: a clause the parse took for an
// object ("Gas burn | it releases carbon", "Harry have | I've never
// blindsided my grandmother", "blotter be | follows"). A finite verb
// inside a relative or complement clause of the object's noun ("efforts
// to ensure that ...", "this sketchbook that she used ...") is part of a
// noun phrase.
func clauseObject(ws []nlp.Word, verb string, o arg) bool {
	if o.node.Type != kg.Concept || o.phrase.start < 0 || o.phrase.end > len(ws) || clauseVerbs[verb] {
		return false
	}
	for k := o.phrase.start; k < o.phrase.end; k++ {
		w := ws[k]
		if k > o.phrase.start {
			switch strings.ToLower(w.Text) {
			case "that", "which", "who", "whom", "whose", "to", "when", "where", "how", "why", "what", "if", "whether":
				return false // a clause inside the noun phrase
			}
		}
		switch w.XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			if k > o.phrase.start && (ws[k-1].XPOS == "PRP$" || isArticle(ws[k-1].Text)) {
				continue // "their split": a noun the tagger took for a verb
			}
			return true
		}
	}
	return false
}

// siteNotice reports a sentence a web page says about itself rather
// than about the news, which boilerplateMarks' fixed phrases miss: its
// cookies, its comments and its advertising contacts ("This website uses cookies ...", "Some
// comments may be republished on the website ...", "Continuous usage of
// the website gives consent ...").
func siteNotice(ws []nlp.Word) bool {
	var words []string
	for _, w := range ws {
		words = append(words, strings.ToLower(w.Text))
	}
	has := func(seq ...string) bool {
		for i := 0; i+len(seq) <= len(words); i++ {
			match := true
			for j, s := range seq {
				if words[i+j] != s {
					match = false
					break
				}
			}
			if match {
				return true
			}
		}
		return false
	}
	self := has("this", "website") || has("our", "website") || has("this", "site") || has("our", "site") ||
		has("the", "website") || has("our", "newspaper")
	switch {
	case has("cookies") && (self || has("browser") || has("consent") || has("privacy")):
		return true
	case self && (has("comments") || has("consent") || has("advertising") || has("subscribe")):
		return true
	}
	for _, w := range words {
		if at := strings.Index(w, "@"); at > 0 && strings.Contains(w[at:], ".") && (has("advertising") || self) {
			return true // "our advertising department ...: advertising@..."
		}
	}
	return false
}

// cutAtHyphen reports a phrase that begins or ends inside a hyphenated
// word: "NASA T" of "NASA T-shirt", "-Review" of "Spokesman-Review",
// "Meghan's sister" of "sister-in-law", "Hau Lung" of "Hau Lung-bin". A
// piece of a word names nothing, or the wrong thing.
func cutAtHyphen(ws []nlp.Word, a arg) bool {
	p := a.phrase
	if n := strings.Trim(a.node.Name, "-‐"); a.node.IsEntity() && n == a.node.Name && strings.ContainsAny(n, "-‐") {
		return false // the entity's name is whole: "Raquel Montoya-Lewis"
	}
	if p.start < 0 || p.end > len(ws) || p.end <= p.start {
		return false
	}
	hyphen := func(s string) bool { return s == "-" || s == "‐" } // not "–": "Rutgers University–New Brunswick"
	first, last := ws[p.start], ws[p.end-1]
	if strings.HasPrefix(first.Text, "-") || strings.HasSuffix(last.Text, "-") {
		return true
	}
	if p.start > 0 && hyphen(ws[p.start-1].Text) && ws[p.start-1].End == first.Start && p.start > 1 && ws[p.start-2].End == ws[p.start-1].Start {
		return true
	}
	return p.end+1 < len(ws) && hyphen(ws[p.end].Text) && ws[p.end].Start == last.End && ws[p.end+1].Start == ws[p.end].End
}

// garbledPredicate reports a relation no verb group gives: a word other
// than a verb, an auxiliary or a particle before its first verb ("on
// wednesday be travel to", "it be took into", "in the sixties be aware
// of"), a past form after "to" ("appear to taken", "allow to built
// along"), or two copulas ("be be").
func garbledPredicate(ws []nlp.Word, rel []int) bool {
	verb, cop, to := false, false, false
	for _, k := range rel {
		w := ws[k]
		after := to
		to = false
		switch {
		case w.Rel == "aux" || w.Rel == "aux:pass" || w.Rel == "advmod" || w.XPOS == "MD" || w.XPOS == "RB":
		case w.Rel == "cop":
			if cop {
				return true
			}
			cop, verb = true, true
		case w.XPOS == "TO":
			to = true
		case w.Rel == "mark" || w.Rel == "compound:prt" || w.XPOS == "RP":
		case strings.HasPrefix(w.XPOS, "VB"):
			if after && (w.XPOS == "VBN" || w.XPOS == "VBD") {
				return true
			}
			verb = true
		default:
			if !verb {
				return true
			}
		}
	}
	return false
}

// shouted reports a concept written in capitals, like a label or a
// page's section mark ("ACCIDENT: A vehicle ..." gives "ACCIDENT be
// vehicle"): four letters or more, all upper case, that no gazetteer or
// tagger took for a name. It is checked on subjects only: an object in
// capitals is often an acronym the text introduces ("known as CREEP").
func shouted(a arg) bool {
	if a.node.Type != kg.Concept {
		return false
	}
	letters := 0
	for _, r := range a.node.Name {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			letters++
		}
	}
	return letters >= 4
}

// wordNouns name a word or a name rather than a thing: "the name
// Katherinator", "the word scientology".
var wordNouns = map[string]bool{"name": true, "word": true, "term": true, "phrase": true, "expression": true}

// bareWordNoun reports an argument that is only such a noun: "name be
// Internet Explorer" (the browser's name), "cosplayer go by name" (the
// name is lost), "word mean search for truth". Which name or word is
// meant is in the words around it, which the statement lost.
func bareWordNoun(ws []nlp.Word, a arg) bool {
	p := a.phrase
	if a.node.Type != kg.Concept || p.head < 0 || p.head >= len(ws) || len(strings.Fields(a.node.Name)) != 1 {
		return false
	}
	return wordNouns[strings.ToLower(ws[p.head].Lemma)]
}

// illFormed names the check a statement fails, or "".
func (x *sentenceExtractor) illFormed(tp openie.Tuple, pred string, sa, oa arg) string {
	v := tp.Verb
	verb := ""
	if v >= 0 {
		verb = verbLemma(x.ws[v])
	}
	switch {
	case sa.resolved == "" && !sa.node.IsEntity() && clauseSubject(x.ws, sa.phrase):
		return "clause subject"
	case cutAtHyphen(x.ws, sa) || cutAtHyphen(x.ws, oa):
		return "cut at hyphen"
	case timeSubject(x.ws, sa):
		return "time subject"
	case bareWordNoun(x.ws, sa) || bareWordNoun(x.ws, oa):
		return "a word for a name"
	case shouted(sa):
		return "shouted"
	case bareObject(x.ws, pred, oa):
		return "bare object"
	case clauseObject(x.ws, verb, oa):
		return "clause object"
	case garbledPredicate(x.ws, tp.Rel):
		return "garbled predicate"
	}
	return ""
}

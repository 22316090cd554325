package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/token"
)

// Annotator sets part-of-speech tags, lemmas, dependency trees and entity
// labels on the words of one sentence (nlp/pipeline's Pipeline is
// newsgraph's own).
type Annotator interface {
	Annotate(s *nlp.Sentence)
}

// DocumentAnnotator is an Annotator that revises the entity labels of a
// document's sentences once they are all annotated (the Pipeline is one).
type DocumentAnnotator interface {
	AnnotateDocument(doc [][]nlp.Word)
}

// analyze splits text into sentences and annotates them; a sentence of
// more than maxWords words is left bare (the caller skips it with a
// warning): tagging and parsing 100,000 words that will be skipped would
// be most of the time a pathological text takes.
func analyze(a Annotator, text string, maxWords int) ([]nlp.Sentence, map[int]int) {
	sents, roles := splitDatelines(text, token.Split(text))
	for i := range sents {
		s := &sents[i]
		if len(s.Words) > maxWords {
			continue
		}
		a.Annotate(s)
		fixFrontedTime(s.Words)
		fixUpTo(s.Words)
		fixSaidClause(s.Words)
		fixTrailingSaid(s.Words)
		fixTitledSubject(s.Words)
		fixTimeOnNoun(s.Words)
		fixTrailingReport(s.Words)
		fixQuoteTag(s.Words)
		fixInvertedSpeaker(s.Words)
		fixTags(s.Words, i == 0 && headline(text, *s))
		fixInitial(s.Words)
	}
	if da, ok := a.(DocumentAnnotator); ok {
		var doc [][]nlp.Word
		for _, s := range sents {
			if len(s.Words) <= maxWords {
				doc = append(doc, s.Words)
			}
		}
		da.AnnotateDocument(doc)
		for _, ws := range doc {
			fixInitial(ws) // a sentence's first function word is no name
		}
	}
	return sents, roles
}

// onlyPrepositions are words English uses as nothing but prepositions (or
// adverbs).
var onlyPrepositions = map[string]bool{"behind": true, "between": true, "among": true, "amid": true, "across": true,
	"despite": true, "during": true, "within": true, "without": true, "toward": true, "towards": true, "upon": true,
	"onto": true, "into": true, "throughout": true, "beneath": true, "beside": true, "besides": true, "beyond": true,
	"against": true, "amongst": true, "unlike": true, "via": true, "per": true, "versus": true}

// fixTags corrects the tagger where it is known to be weak, by general
// rules: punctuation and quotes, ellipses, clitics, capitalized words
// that the gazetteer knows, and tags the parse contradicts.
func fixTags(ws []nlp.Word, headline bool) {
	for i := range ws {
		// a preposition is never a verb ("The details behind their split")
		if onlyPrepositions[strings.ToLower(ws[i].Text)] && strings.HasPrefix(ws[i].XPOS, "VB") {
			ws[i].XPOS, ws[i].UPOS = "IN", "ADP"
		}
	}
	// A past participle with an active subject and no auxiliary is a
	// finite past tense: "which posted documents", "the website increased".
	subj, aux := make([]bool, len(ws)), make([]bool, len(ws))
	for _, w := range ws {
		if w.Head >= 0 && w.Head < len(ws) {
			switch w.Rel {
			case "nsubj":
				subj[w.Head] = true
			case "aux", "aux:pass", "cop":
				aux[w.Head] = true
			}
		}
	}
	for i := range ws {
		// A headline's bare participle is a passive: "Afghan team
		// honored for ...", "Scientology defector arrested".
		if ws[i].XPOS == "VBN" && subj[i] && !aux[i] && !headline {
			ws[i].XPOS = "VBD"
		}
	}
	for i := range ws {
		w := &ws[i]
		switch {
		case w.Text == "..." || w.Text == "…" || strings.HasPrefix(w.Text, "...."):
			w.XPOS, w.NER = ":", "O"
		case isQuote(w.Text):
			w.XPOS, w.NER = "``", "O"
		case w.Text == "'s" || w.Text == "’s":
			if i+1 < len(ws) && (ws[i+1].XPOS == "VBN" || ws[i+1].XPOS == "VBG" || ws[i+1].XPOS == "RB" || ws[i+1].XPOS == "DT") && i > 0 && ws[i-1].XPOS == "PRP" {
				w.XPOS = "VBZ" // "it's been", "he's going"
			} else {
				w.XPOS = "POS"
			}
		case w.Text == "%":
			w.XPOS = "NN"
		case w.Text == "-":
			w.XPOS = "HYPH"
		}
		if e, ok := gazetteer.Lookup(w.Text); ok && isCapitalized(w.Text) {
			switch e.Kind {
			case gazetteer.Demonym:
				if w.XPOS != "NNPS" {
					w.XPOS = "JJ"
					if strings.HasSuffix(w.Text, "s") && !strings.HasSuffix(w.Text, "ss") {
						w.XPOS = "NNPS"
					}
				}
			default:
				if w.XPOS != "NNPS" {
					w.XPOS = "NNP"
				}
			}
		}
		// The parse can overrule the tag: a subject or object is nominal
		// ("Mexico's top objective appeared": objective is not an
		// adjective), and an adverb between an adjective or determiner and
		// a noun modifies the noun ("primary inland immigration point").
		if w.XPOS == "JJ" && (w.Rel == "nsubj" || w.Rel == "nsubj:pass" || w.Rel == "obj" || w.Rel == "iobj") {
			w.XPOS = "NN"
		}
		if w.XPOS == "RB" && i > 0 && i+1 < len(ws) && isNounTag(ws[i+1].XPOS) {
			switch ws[i-1].XPOS {
			case "JJ", "DT", "PRP$", "POS":
				w.XPOS = "JJ"
			}
		}
		// The tagger sometimes calls a capitalized word in mid-sentence a
		// common noun or adjective; a capital there marks a name.
		if i > 0 && isCapitalized(w.Text) && (w.XPOS == "NN" || w.XPOS == "JJ" || w.XPOS == "VB" || w.XPOS == "VBN") &&
			!isQuote(ws[i-1].Text) && ws[i-1].Text != ":" && !isAllCaps(w.Text) {
			if _, dem := gazetteer.Lookup(w.Text); !dem || w.XPOS != "JJ" {
				w.XPOS = "NNP"
			}
		}
	}
}

// fixFrontedTime repairs a parse that takes a fronted time for a
// subject: in "This month, up to 10,000 migrants were apprehended" the
// verb has two subjects, and the one that is a date phrase set off by a
// comma is when it happened.
func fixFrontedTime(ws []nlp.Word) {
	for i := range ws {
		if !strings.HasPrefix(ws[i].Rel, "nsubj") || ws[i].Head < 0 {
			continue
		}
		lo := i
		for lo > 0 && ws[lo-1].Head == i && (ws[lo-1].Rel == "det" || ws[lo-1].Rel == "amod" || ws[lo-1].Rel == "compound") {
			lo--
		}
		if lo != 0 || datePhrase(ws, lo) != i+1 || i+1 >= len(ws) || ws[i+1].Text != "," {
			continue
		}
		for k := i + 2; k < len(ws); k++ {
			if k != i && ws[k].Head == ws[i].Head && strings.HasPrefix(ws[k].Rel, "nsubj") {
				ws[i].Rel = "obl:tmod"
				break
			}
		}
	}
}

// fixSaidClause repairs "they claimed Montalvo allegedly left the
// organization" parsed as "claimed Montalvo" and a second verb "left": a
// verb of saying whose object is followed by a finite verb without a
// subject of its own says that clause, and its object is the clause's
// subject.
func fixSaidClause(ws []nlp.Word) {
	for v := range ws {
		if !reportingVerbs[verbLemma(ws[v])] || !strings.HasPrefix(ws[v].XPOS, "VB") {
			continue
		}
		for o := v + 1; o < len(ws); o++ {
			if ws[o].Head != v || ws[o].Rel != "obj" {
				continue
			}
			f := o + 1
			for f < len(ws) && (ws[f].Head == o || ws[f].XPOS == "RB") {
				f++ // the object's own words, an adverb ("allegedly")
			}
			if f >= len(ws) || !finiteTag(ws[f].XPOS) || ws[f].Rel == "ccomp" && ws[f].Head != v {
				break
			}
			for _, w := range ws {
				if w.Head == f && strings.HasPrefix(w.Rel, "nsubj") {
					return
				}
			}
			for k := o + 1; k < f; k++ {
				if ws[k].XPOS == "RB" && ws[k].Head != o {
					ws[k].Head = f // "allegedly" goes with what is alleged
				}
			}
			ws[f].Head, ws[f].Rel = v, "ccomp"
			ws[o].Head, ws[o].Rel = f, "nsubj"
			return
		}
	}
}

// fixTrailingSaid repairs a report that closes the sentence after a comma
// ("The road was closed between A and B, police reported.", "..., the
// agency announced on Monday."), parsed as a participle modifying its
// noun ("police reported" as a reduced relative) that hangs off the last
// phrase: the reporting verb becomes the root, the noun its subject and
// the clause before the comma what it reports.
func fixTrailingSaid(ws []nlp.Word) {
	root := sentenceRoot(ws)
	for v := 1; v < len(ws); v++ {
		w := ws[v]
		n := w.Head
		if root < 0 || n < 0 || n >= v || !reportingVerbs[verbLemma(w)] || (w.XPOS != "VBN" && w.XPOS != "VBD") ||
			(w.Rel != "acl" && w.Rel != "acl:relcl") || (ws[n].UPOS != "NOUN" && ws[n].UPOS != "PROPN") {
			continue
		}
		// The noun's phrase starts right after a comma, and nothing after
		// the verb but its own dependents and the closing punctuation.
		start := n
		for k := n - 1; k >= 0 && ws[k].Head == n && ws[k].UPOS != "PUNCT"; k-- {
			start = k
		}
		for k := start; k < n; k++ {
			if ws[k].Head != n && !(ws[k].Head >= start && ws[k].Head < n) {
				start = -1
				break
			}
		}
		if start < 2 || ws[start-1].Text != "," || !nlp.Below(ws, start-1, root) {
			continue
		}
		ok := true
		for k := v + 1; k < len(ws); k++ {
			if ws[k].UPOS != "PUNCT" && !nlp.Below(ws, k, v) || ws[k].Rel == "obj" || ws[k].Rel == "ccomp" {
				ok = false
				break
			}
		}
		if !ok || nlp.Below(ws, root, n) {
			continue
		}
		ws[v].XPOS, ws[v].UPOS = "VBD", "VERB"
		ws[n].Head, ws[n].Rel = v, "nsubj"
		reportRoot(ws, v, root)
		return
	}
}

// fixTrailingReport repairs the other parses of a closing report ("...
// due to a gas leak, police reported at 1:30 p.m."): a relative clause
// without a pronoun, or a verb coordinated with the root without a
// conjunction ("..., the report said on Monday"), whose verb of saying has its own subject right after
// a comma and nothing after it but its own words (a time, a place), hung
// off the last noun of the clause before. The verb of saying becomes the
// root and that clause what it reports.
func fixTrailingReport(ws []nlp.Word) {
	root := sentenceRoot(ws)
	for v := 2; v < len(ws); v++ {
		w := ws[v]
		conj := w.Rel == "conj" && w.Head == root && !nlp.HasChild(ws, v, "cc")
		if root < 0 || w.Rel != "acl:relcl" && !conj || w.XPOS != "VBD" || !reportingVerbs[verbLemma(w)] || w.Head >= v {
			continue
		}
		subj, start := -1, v
		for k := v - 1; k >= 0; k-- {
			if ws[k].UPOS == "PUNCT" || !nlp.Below(ws, k, v) {
				break
			}
			start = k
			if ws[k].Head == v && ws[k].Rel == "nsubj" {
				subj = k
			}
		}
		if subj < 0 || start < 2 || ws[start-1].Text != "," || !nlp.Below(ws, start-1, root) || nlp.Below(ws, root, v) {
			continue
		}
		ok := true
		for k := v + 1; k < len(ws); k++ {
			if ws[k].UPOS != "PUNCT" && !nlp.Below(ws, k, v) || ws[k].Head == v && (ws[k].Rel == "obj" || ws[k].Rel == "ccomp") {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		reportRoot(ws, v, root)
		return
	}
}

// sentenceRoot is the index of the parse's root, -1 if none.
func sentenceRoot(ws []nlp.Word) int {
	root := -1
	for i, w := range ws {
		if w.Head == -1 {
			root = i
		}
	}
	return root
}

// reportRoot makes the verb of saying v, which closes the sentence, its
// root, and the old root's clause what it reports; the closing
// punctuation goes with v.
func reportRoot(ws []nlp.Word, v, root int) {
	ws[v].Head, ws[v].Rel = -1, "root"
	ws[root].Head, ws[root].Rel = v, "ccomp"
	for k := v + 1; k < len(ws); k++ {
		if ws[k].UPOS == "PUNCT" && ws[k].Head == root {
			ws[k].Head = v
		}
	}
}

// fixTitledSubject repairs "Microsoft co-founder Bill Gates visited
// Kenya" parsed with two subjects, "Microsoft" and "Bill Gates": when only
// a title stands between a verb's two subjects, or the first is a title
// ("US Secretary of State Antony Blinken"), the first modifies the second.
func fixTitledSubject(ws []nlp.Word) {
	for b := range ws {
		if ws[b].Rel != "nsubj" || ws[b].Head < 0 {
			continue
		}
		for a := b - 1; a >= 0; a-- {
			if ws[a].Rel != "nsubj" || ws[a].Head != ws[b].Head {
				continue
			}
			titled := gazetteer.IsTitle(ws[a].Text) // "US Secretary of State Antony Blinken met"
			for k := a + 1; k < b; k++ {
				if !nlp.Below(ws, k, b) && !nlp.Below(ws, k, a) {
					titled = false
					break
				}
				if gazetteer.IsTitle(ws[k].Text) {
					titled = true
				}
			}
			if titled {
				ws[a].Head, ws[a].Rel = b, "compound"
			}
			break
		}
	}
}

// fixTimeOnNoun repairs a time phrase attached to a clause's noun ("was
// closed by the police after the storm" read as "the police after the
// storm"): "after", "before", "during", "until" and "since" phrases on a
// verb's subject, object or agent that names no event belong to the verb.
func fixTimeOnNoun(ws []nlp.Word) {
	for k, w := range ws {
		h := w.Head
		if w.Rel != "nmod" || h < 0 || ws[h].Head < 0 || ws[h].UPOS != "NOUN" && ws[h].UPOS != "PROPN" && ws[h].UPOS != "PRON" {
			continue
		}
		switch ws[h].Rel {
		case "nsubj", "nsubj:pass", "obj", "obl:agent":
		default:
			continue
		}
		v := ws[h].Head
		if ws[v].UPOS != "VERB" || eventNoun(ws[h]) {
			continue
		}
		for c := range ws {
			if ws[c].Head == k && ws[c].Rel == "case" && c < k {
				switch strings.ToLower(ws[c].Text) {
				case "after", "before", "during", "until", "since":
					ws[k].Head, ws[k].Rel = v, "obl"
				}
			}
		}
	}
}

// eventNoun reports a noun that names an event or an act, which times
// modify ("the meeting after the vote"): by its ending.
func eventNoun(w nlp.Word) bool {
	l := strings.ToLower(w.Lemma)
	for _, suf := range []string{"tion", "sion", "ment", "ing", "ance", "ence", "al", "ure", "ery", "sis", "ship"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	switch l {
	case "war", "game", "match", "vote", "election", "storm", "attack", "talk", "visit", "trip", "flight", "race",
		"crash", "fire", "strike", "protest", "rally", "summit", "trial", "concert", "show", "event", "crisis":
		return true
	}
	return false
}

func finiteTag(t string) bool { return t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" }

// fixUpTo makes "up to" before a number the number's bound ("up to
// 10,000 migrants"): an adverb attached to the number, not a particle or
// preposition of the verb ("detained up to 300 people") nor a
// subordinator.
func fixUpTo(ws []nlp.Word) {
	for i := 0; i+2 < len(ws); i++ {
		if !strings.EqualFold(ws[i].Text, "up") || !strings.EqualFold(ws[i+1].Text, "to") || ws[i+2].XPOS != "CD" {
			continue
		}
		ws[i].XPOS, ws[i].UPOS = "RB", "ADV" // a bound, not a preposition
		ws[i].Head, ws[i].Rel = i+2, "advmod"
		ws[i+1].Head, ws[i+1].Rel = i+2, "advmod"
	}
}

func isQuote(s string) bool {
	switch s {
	case "\"", "“", "”", "``", "''", "„", "«", "»":
		return true
	}
	return false
}

func isCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters > 1
}

// closedClass fixes the tag of a capitalized function word at the start of
// a sentence, which the tagger sometimes reads as a name ("In May").
var closedClass = map[string]string{
	"in": "IN", "on": "IN", "at": "IN", "for": "IN", "with": "IN", "after": "IN", "before": "IN",
	"during": "IN", "since": "IN", "until": "IN", "by": "IN", "from": "IN", "of": "IN", "under": "IN",
	"despite": "IN", "although": "IN", "though": "IN", "because": "IN", "while": "IN", "if": "IN",
	"the": "DT", "a": "DT", "an": "DT", "this": "DT", "these": "DT", "those": "DT", "another": "DT",
	"he": "PRP", "she": "PRP", "it": "PRP", "we": "PRP", "they": "PRP", "i": "PRP", "you": "PRP",
	"his": "PRP$", "her": "PRP$", "its": "PRP$", "their": "PRP$", "our": "PRP$", "my": "PRP$",
	"but": "CC", "and": "CC", "or": "CC", "yet": "CC", "however": "RB", "meanwhile": "RB",
}

func fixInitial(ws []nlp.Word) {
	for i := range ws {
		if isQuote(ws[i].Text) {
			continue
		}
		if tag, ok := closedClass[strings.ToLower(ws[i].Text)]; ok {
			ws[i].XPOS, ws[i].NER = tag, "O"
		}
		return
	}
}

// caption reports a picture or sound credit: a short sentence with
// "Image:", "Photo:", "Audio:", "Video:" or "Credit:" in it.
func caption(ws []nlp.Word) bool {
	if len(ws) > 16 {
		return false
	}
	for i := 0; i+1 < len(ws); i++ {
		if ws[i+1].Text == ":" {
			switch strings.ToLower(ws[i].Text) {
			case "image", "images", "photo", "photos", "photograph", "picture", "audio", "video", "credit", "credits":
				return true
			}
		}
	}
	return false
}

// inQuestion reports whether word v is part of a question: the sentence
// ends with a question mark and, when it quotes, v is inside the last
// quotation ('..., with one poster writing "How can people look at both
// sides?"' asks only in its quotation).
func inQuestion(ws []nlp.Word, v int) bool {
	end := len(ws) - 1
	for end >= 0 && (isQuote(ws[end].Text) || ws[end].Text == ")" || ws[end].Text == "'" || ws[end].Text == "’") {
		end--
	}
	if end < 0 || ws[end].Text != "?" {
		return false
	}
	open := -1
	for k := end - 1; k >= 0; k-- {
		if isQuote(ws[k].Text) {
			open = k
			break
		}
	}
	return open < 0 || v > open
}

// headline reports whether s is an article's headline: a line of its
// own without closing punctuation.
func headline(text string, s nlp.Sentence) bool {
	if len(s.Words) == 0 || !paragraphStart(text, s.Start) || !(s.End == len(text) || text[s.End] == '\n' || text[s.End] == '\r') {
		return false
	}
	switch s.Words[len(s.Words)-1].Text {
	case ".", "!", "?", "\"", "'", "”", "’", ")", "…":
		return false
	}
	return true
}

// heading reports a line that is a title rather than a sentence: no
// closing punctuation and no finite verb.
func heading(ws []nlp.Word) bool {
	if len(ws) == 0 {
		return true
	}
	switch ws[len(ws)-1].Text {
	case ".", "!", "?", "\"", "'", "”", "’", ")", "…":
		return false
	}
	for i, w := range ws {
		switch w.XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			if i > 0 && (ws[i-1].XPOS == "PRP$" || isArticle(ws[i-1].Text)) {
				continue // "behind their split": a noun the tagger took for a verb
			}
			return false
		}
	}
	return true
}

func isArticle(s string) bool {
	switch strings.ToLower(s) {
	case "a", "an", "the":
		return true
	}
	return false
}

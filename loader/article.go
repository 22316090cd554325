package loader

import (
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/nlp"
)

// A news article is more than its sentences: a headline, a line with the
// date, a dateline ("Taipei, Taiwan — The festival ..."), bylines and
// picture credits. The loader reads them as such: the date line dates the
// article and anchors its relative times, the dateline gives the place the
// story was filed from and is not read as a subject, and bylines and
// captions state nothing.

// sentence roles.
const (
	roleText     = iota
	roleDateLine // "Thursday, February 23, 2006"
	roleDateline // "Taipei, Taiwan —"
	roleByline   // "By Jane Doe", "Reporting by ...", a list of sources
	roleCaption  // a picture and its credit
	roleSpeaker  // "Mario Lucero:", who speaks the rest of the paragraph
)

// dashes end a dateline.
var dashes = map[string]bool{"—": true, "–": true, "-": true, "--": true}

// isDash reports whether word k of ws is a dash that can end a dateline or
// a byline: a hyphen written between two words with no space on either
// side joins them ("Montoya-Lewis", "Smith-Jones") and ends nothing (a
// dash without spaces, "WASHINGTON—The", still does).
func isDash(ws []nlp.Word, k int) bool {
	w := ws[k]
	if !dashes[w.Text] {
		return false
	}
	joined := k > 0 && k+1 < len(ws) && ws[k-1].End == w.Start && ws[k+1].Start == w.End
	return !(joined && w.Text == "-")
}

// splitDatelines splits the dateline off the first sentence of each of the
// article's first paragraphs into a sentence of its own, so that the
// parser never sees "United States" as the subject of the story's first
// clause. It returns the sentences, renumbered, and the roles of the ones
// split off.
func splitDatelines(text string, sents []nlp.Sentence) ([]nlp.Sentence, map[int]int) {
	roles := map[int]int{}
	var out []nlp.Sentence
	for i, s := range sents {
		k, role := datelineEnd(text, s, i), roleDateline
		runIn := false // a byline run into the sentence: dropped, the numbering kept
		if k == 0 {
			k, role = bylineEnd(text, s, i), roleByline
			runIn = k > 0
		}
		if k == 0 {
			k, role = speakerEnd(text, s), roleSpeaker
			if k == 2 && sectionLabels[strings.ToLower(s.Words[0].Text)] {
				role = roleByline // "ACCIDENT: A car ...": a section label, nobody speaking
			}
		}
		if k > 0 && k < len(s.Words) && runIn {
			// the byline states nothing and is no sentence of its own:
			// the story's first sentence starts after it
			out = append(out, nlp.Sentence{Start: s.Words[k].Start, End: s.End, Words: s.Words[k:]})
			continue
		}
		if k > 0 && k < len(s.Words) {
			head := nlp.Sentence{Start: s.Start, End: s.Words[k-1].End, Words: s.Words[:k]}
			tail := nlp.Sentence{Start: s.Words[k].Start, End: s.End, Words: s.Words[k:]}
			roles[len(out)] = role
			out = append(out, head, tail)
			continue
		}
		out = append(out, s)
	}
	for i := range out {
		out[i].Index = i
	}
	return out, roles
}

// datelineEnd returns how many words of sentence s (the i-th) are a
// dateline, 0 when it opens with none. A dateline is a paragraph's first
// words, among the article's first ten sentences: capitalized place names
// separated by commas, ended by a dash ("Taipei, Taiwan —"), or by a
// country or US state followed by a capitalized word ("Preston, Victoria,
// Australia On Saturday"), and perhaps an agency in brackets ("(AP)").
func datelineEnd(text string, s nlp.Sentence, i int) int {
	ws := s.Words
	if i >= 10 || len(ws) < 3 || !paragraphStart(text, s.Start) {
		return 0
	}
	places, sawComma := 0, false
	inName := false
	for k, w := range ws {
		if k > 12 {
			return 0
		}
		switch {
		case isDash(ws, k):
			if places == 0 || k+1 >= len(ws) || !isCapitalized(ws[k+1].Text) && !isQuote(ws[k+1].Text) {
				return 0
			}
			return k + 1
		case w.Text == ",":
			if !inName {
				return 0
			}
			inName, sawComma = false, true
		case w.Text == "(" && k+2 < len(ws) && ws[k+2].Text == ")" && isAllCaps(ws[k+1].Text):
			// an agency: "(AP)"
		case w.Text == ")" || k > 0 && ws[k-1].Text == "(":
		case isCapitalized(w.Text) || w.Text == "." || strings.Contains(w.Text, "."):
			if !inName {
				places++
				inName = true
			}
			// "Preston, Victoria, Australia On Saturday": a place list
			// that ends with a country or state, then a new capital.
			if sawComma && k+1 < len(ws) && isCapitalized(ws[k+1].Text) {
				if name := placeBefore(ws, k); name != "" && k+1 < len(ws) && !partOfName(ws, k+1) {
					if e, ok := gazetteer.Lookup(name); ok && (e.Kind == gazetteer.Country || e.Kind == gazetteer.State) {
						return k + 1
					}
				}
			}
		default:
			return 0
		}
	}
	return 0
}

// datelinePlace is the place a dateline names: its words without the
// dash and the agency ("Taipei, Taiwan").
func datelinePlace(ws []nlp.Word) string {
	var b strings.Builder
	for i, w := range ws {
		if dashes[w.Text] || w.Text == "(" {
			break
		}
		if i > 0 && w.Text != "," && ws[i-1].End < w.Start {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
	}
	return strings.TrimRight(b.String(), " ,")
}

// bylineEnd returns how many words of sentence s (the i-th) are a byline
// run into the story's first sentence, as wire copy writes it: a
// paragraph among the article's first ten sentences that opens with a
// name in capitals, perhaps with its outlet ("MARY JONES via AP —",
// "JOHN DOE for REUTERS -"), ended by a dash; 0 when it opens with none.
func bylineEnd(text string, s nlp.Sentence, i int) int {
	ws := s.Words
	if i >= 10 || len(ws) < 4 || !paragraphStart(text, s.Start) {
		return 0
	}
	caps := 0
	for k, w := range ws {
		if k > 9 {
			return 0
		}
		switch lw := strings.ToLower(w.Text); {
		case isDash(ws, k):
			if caps < 2 || k+1 >= len(ws) || !isCapitalized(ws[k+1].Text) && !isQuote(ws[k+1].Text) {
				return 0
			}
			return k + 1
		case k == 0 && !isAllCaps(w.Text):
			return 0
		case isAllCaps(w.Text) && len(w.Text) > 1:
			caps++
		case lw == "via" || lw == "for" || lw == "and" || lw == "/" || w.Text == ",":
		case isCapitalized(w.Text) && caps > 0:
		default:
			return 0
		}
	}
	return 0
}

// sectionLabels head an item of a news listing ("ARRESTS: ...", "Update:
// ..."); a paragraph that opens with one is not a speaker's turn.
var sectionLabels = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`accident accidents arrest arrests citation citations crash crashes fire fires
		theft thefts burglary burglaries incident incidents police court courts update updates correction
		corrections note editor background related photo photos video watch listen breaking weather traffic
		crime sports business opinion analysis summary disclaimer advertisement sponsored source sources
		obituary obituaries announcement announcements events calendar briefs brief`) {
		sectionLabels[w] = true
	}
}

// speakerEnd returns how many words of sentence s are a speaker's turn
// marker, as interviews and transcripts write them: a paragraph that
// opens with one to four capitalized words and a colon ("Mario J
// Lucero: ..."); 0 when it opens with none.
func speakerEnd(text string, s nlp.Sentence) int {
	ws := s.Words
	if !paragraphStart(text, s.Start) {
		return 0
	}
	for k := 0; k < len(ws) && k <= 4; k++ {
		switch {
		case ws[k].Text == ":" && k > 0:
			return k + 1
		case !isCapitalized(ws[k].Text) && ws[k].Text != ".":
			return 0
		}
	}
	return 0
}

// placeBefore is the place name that ends at word k, back to the last
// comma.
func placeBefore(ws []nlp.Word, k int) string {
	j := k
	for j > 0 && ws[j-1].Text != "," {
		j--
	}
	var parts []string
	for _, w := range ws[j : k+1] {
		parts = append(parts, w.Text)
	}
	return strings.Join(parts, " ")
}

// partOfName reports whether word k continues a place name rather than
// starting the sentence: "New York" after "New".
func partOfName(ws []nlp.Word, k int) bool {
	_, ok := gazetteer.Lookup(placeBefore(ws, k))
	return ok && k+1 < len(ws) && ws[k+1].Text == ","
}

// paragraphStart reports whether offset starts a paragraph (a line: news
// copy has a paragraph a line): the text before it, back to the previous
// line break, is blank.
func paragraphStart(text string, offset int) bool {
	before := text[:offset]
	return strings.TrimSpace(before[strings.LastIndexByte(before, '\n')+1:]) == ""
}

// sentenceRoles finds the date line, bylines and captions of an article
// (datelines are found before annotation: splitDatelines), and the date
// the date line gives (zero when none).
func sentenceRoles(text string, sents []nlp.Sentence, roles map[int]int) time.Time {
	var date time.Time
	for i, s := range sents {
		if roles[i] != roleText || len(s.Words) == 0 {
			continue
		}
		line := text[s.Start:s.End]
		if i < 4 && date.IsZero() {
			if d, ok := parseDateLine(line); ok {
				date = d
				roles[i] = roleDateLine
				continue
			}
		}
		if byline(s.Words) || boilerplate(line) || siteNotice(s.Words) {
			roles[i] = roleByline // states nothing about the story
		}
		// "Sources" (or "References") on a line of its own starts the
		// list of sources: nothing after it is the story.
		if len(s.Words) == 1 && paragraphStart(text, s.Start) {
			switch strings.ToLower(s.Words[0].Text) {
			case "sources", "source", "references":
				for j := i; j < len(sents); j++ {
					roles[j] = roleByline
				}
				return date
			}
		}
	}
	// A paragraph that ends with a picture credit is a caption, all of it.
	for i, s := range sents {
		if len(s.Words) == 0 || !caption(s.Words) {
			continue
		}
		roles[i] = roleCaption
		for j := i - 1; j >= 0 && !paragraphStart(text, sents[j+1].Start); j-- {
			roles[j] = roleCaption
		}
	}
	return date
}

// boilerplateMarks are what a web page's notices say, never a story:
// copyright, reprint permissions, comment policies, newsletter and app
// prompts, cookies.
var boilerplateMarks = []string{"all rights reserved", "©", "copyright ", "written permission", "without permission",
	"sign up for", "subscribe to our", "our newsletter", "download our app", "privacy policy", "terms of use",
	"terms of service", "use of cookies", "comment policy", "comments are moderated", "click here"}

// boilerplate reports a sentence of a page's notices (boilerplateMarks).
func boilerplate(line string) bool {
	l := strings.ToLower(line)
	for _, m := range boilerplateMarks {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// byline reports a line that names the article's author or agency:
// "By Jane Doe", "Reporting by Jane Doe; editing by John Roe".
func byline(ws []nlp.Word) bool {
	first := strings.ToLower(ws[0].Text)
	switch {
	case first == "by" && len(ws) <= 6 && len(ws) > 1 && isCapitalized(ws[1].Text):
		return true
	case (first == "reporting" || first == "additional") && len(ws) > 2 && strings.EqualFold(ws[1].Text, "by") ||
		first == "additional" && len(ws) > 2 && strings.EqualFold(ws[1].Text, "reporting"):
		return true
	}
	return false
}

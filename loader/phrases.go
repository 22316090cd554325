package loader

import (
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/nlp"
)

// phrase is a noun phrase: words [start, end) with its head word.
type phrase struct {
	start, end int
	head       int
}

// quantity modifiers that belong to the noun phrase of a number.
var quantityLead = [][]string{
	{"more", "than"}, {"less", "than"}, {"fewer", "than"}, {"up", "to"}, {"at", "least"}, {"at", "most"},
	{"as", "many", "as"}, {"as", "much", "as"}, {"nearly"}, {"almost"}, {"around"}, {"about"},
	{"approximately"}, {"roughly"}, {"some"}, {"over"}, {"under"}, {"just"}, {"only"}, {"about"},
}

func isNounTag(t string) bool {
	return t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS"
}

func isNPTag(t string) bool {
	switch t {
	case "DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "CD", "NN", "NNS", "NNP", "NNPS", "POS", "HYPH", "VBN", "VBG", "$":
		return true
	}
	return false
}

// quantityLeadLen returns how many words of a quantity modifier start at i.
func quantityLeadLen(ws []nlp.Word, i int) int {
	for _, q := range quantityLead {
		if i+len(q) >= len(ws) {
			continue
		}
		ok := true
		for k, w := range q {
			if strings.ToLower(ws[i+k].Text) != w {
				ok = false
				break
			}
		}
		if ok && ws[i+len(q)].XPOS == "CD" {
			return len(q)
		}
	}
	return 0
}

// nounPhrase parses a base noun phrase starting at i, with possessives
// ("Mexico's top objective") and "of" complements ("the reopening of border
// crossings"). It returns false if no phrase starts at i.
func nounPhrase(ws []nlp.Word, i int) (phrase, bool) {
	p, ok := basePhrase(ws, i)
	if !ok {
		return p, false
	}
	for p.end+1 < len(ws) && strings.ToLower(ws[p.end].Text) == "of" {
		q, ok := basePhrase(ws, p.end+1)
		if !ok {
			// "of reopening border crossings": a gerund complement.
			if ws[p.end+1].XPOS == "VBG" {
				if r, ok := basePhrase(ws, p.end+2); ok {
					p.end = r.end
					continue
				}
			}
			break
		}
		p.end = q.end
	}
	return p, true
}

func basePhrase(ws []nlp.Word, i int) (phrase, bool) {
	if i >= len(ws) {
		return phrase{}, false
	}
	if t := ws[i].XPOS; t == "PRP" || t == "EX" {
		return phrase{i, i + 1, i}, true
	}
	j := i + quantityLeadLen(ws, i)
	head := -1
	for j < len(ws) {
		w := ws[j]
		t := w.XPOS
		switch {
		case t == "VBN" || t == "VBG":
			// A participle is a modifier only between a determiner or
			// adjective and a noun: "the shared border", "the long journey".
			if head < 0 && j > i && j+1 < len(ws) && isNounTag(ws[j+1].XPOS) {
				j++
				continue
			}
		case t == "POS":
			if head >= 0 {
				j++
				head = -1
				continue
			}
		case t == "$":
			// "$ 4.5 billion": a currency symbol before its amount
			if head < 0 && j+1 < len(ws) && ws[j+1].XPOS == "CD" {
				j++
				continue
			}
		case t == "HYPH":
			if head >= 0 && j+1 < len(ws) && isNounTag(ws[j+1].XPOS) {
				j++
				continue
			}
		case t == "DT" || t == "PDT" || t == "PRP$":
			if j == i || head < 0 && (ws[j-1].XPOS == "PDT" || ws[j-1].XPOS == "DT") {
				j++
				continue
			}
		case t == "CD" || t == "JJ" || t == "JJR" || t == "JJS" || isNounTag(t):
			if isNounTag(t) || t == "CD" {
				head = j
			}
			if t == "CD" && j+1 < len(ws) && ws[j+1].Text == "%" {
				head = j + 1
				j += 2
				continue
			}
			j++
			continue
		case (t == "RB" || t == "RBS" || t == "RBR") && j > i && ws[j-1].XPOS != "DT" && j+1 < len(ws) && (ws[j+1].XPOS == "JJ" || ws[j+1].XPOS == "CD"):
			// "approximately 6,000", "very large"
			if head < 0 {
				j++
				continue
			}
		}
		break
	}
	if head < 0 {
		return phrase{}, false
	}
	// A trailing adjective is not part of the phrase ("the door open").
	end := head + 1
	return phrase{i, end, head}, true
}

// number parses a numeral: "32,000", "11", "2.5", "eleven", "two million".
func number(ws []nlp.Word, i int) (float64, int, bool) {
	w := strings.ToLower(strings.TrimPrefix(ws[i].Text, "$"))
	v, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
	if err != nil {
		n, ok := numberWords[w]
		if !ok {
			return 0, 0, false
		}
		v = n
	}
	used := 1
	if i+1 < len(ws) {
		if m, ok := multipliers[strings.ToLower(ws[i+1].Text)]; ok {
			v *= m
			used++
		}
	}
	return v, used, true
}

var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
}

var multipliers = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

// isYear reports whether a word is a plausible year.
func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1000 && n <= 2200
}

// datePhrase returns the end of a date expression starting at i, or i.
// It recognises weekdays, months with days and years, years, and "last
// week", "this month", "next year", "yesterday".
func datePhrase(ws []nlp.Word, i int) int {
	j := i
	lw := strings.ToLower(ws[i].Text)
	switch lw {
	case "last", "this", "next", "past", "early", "late", "mid", "earlier", "later":
		if i+1 < len(ws) {
			switch strings.ToLower(ws[i+1].Text) {
			case "week", "month", "year", "weekend", "night", "summer", "winter", "spring", "autumn", "fall", "decade", "century":
				return i + 2
			}
			if gazetteer.IsDateWord(ws[i+1].Text) {
				j = i + 1
			}
		}
	}
	if j < len(ws) && (gazetteer.IsDateWord(ws[j].Text) && (isCapitalized(ws[j].Text) || lw == "today" || lw == "yesterday" || lw == "tomorrow")) {
		j++
		for j < len(ws) && (ws[j].XPOS == "CD" || ws[j].Text == ",") {
			if ws[j].Text == "," && !(j+1 < len(ws) && isYear(ws[j+1].Text)) {
				break
			}
			j++
		}
		return j
	}
	if isYear(ws[i].Text) && ws[i].XPOS == "CD" {
		return i + 1
	}
	return i
}

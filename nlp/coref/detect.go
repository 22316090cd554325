package coref

import "strings"

// Detect finds candidate mentions in parsed sentences: every personal
// pronoun, and every noun phrase, as the span of its head noun's subtree
// (a coordination also gives its first conjunct alone, and an apposition
// is a mention of its own rather than part of its head's). Nouns inside a
// compound or a multiword name are not heads. Names are typed from the
// entity hints of their words.
func Detect(sents []Sentence) []Mention {
	var out []Mention
	var kids [][]int
	var lo, hi []int
	for si, s := range sents {
		n := len(s.Words)
		kids = kids[:0]
		lo, hi = lo[:0], hi[:0]
		for k := 0; k < n; k++ {
			kids = append(kids, nil)
			lo, hi = append(lo, k), append(hi, k+1)
		}
		for k, w := range s.Words {
			if w.Head >= 0 && w.Head < n {
				kids[w.Head] = append(kids[w.Head], k)
			}
			// Every ancestor's subtree reaches k (n steps at most, should
			// the tree have a cycle).
			for a, steps := w.Head, 0; a >= 0 && a < n && steps < n; a, steps = s.Words[a].Head, steps+1 {
				lo[a], hi[a] = min(lo[a], k), max(hi[a], k+1)
			}
		}
		for h, w := range s.Words {
			rel, _, _ := strings.Cut(w.Rel, ":")
			switch rel {
			case "compound", "flat", "fixed", "goeswith":
				continue
			}
			kind := Classify(s, h, h+1, h)
			switch {
			case kind == Pronoun:
				out = append(out, Mention{Sent: si, Start: h, End: h + 1, Head: h, Kind: Pronoun})
				continue
			case kind == Other && !otherMention(w, rel):
				continue
			}
			typ := nerType(s, h)
			start, end := phrase(s, kids[h], lo, hi, h, false)
			out = append(out, Mention{Sent: si, Start: start, End: end, Head: h, Kind: kind, Type: typ})
			if inner, iend := phrase(s, kids[h], lo, hi, h, true); inner != start || iend != end {
				out = append(out, Mention{Sent: si, Start: inner, End: iend, Head: h, Kind: kind, Type: typ})
			}
		}
	}
	return out
}

// phrase returns the span of the phrase of head h: h with the subtrees
// ([lo, hi)) of its children, less those of the clause around it
// (clauseRels) and appositions, and, for the inner phrase, less
// coordination and clauses too; then less punctuation at its edges. A
// child whose subtree does not touch the span so far is left out.
func phrase(s Sentence, kids []int, lo, hi []int, h int, inner bool) (int, int) {
	start, end := h, h+1
	for grown := true; grown; {
		grown = false
		for _, c := range kids {
			rel, _, _ := strings.Cut(s.Words[c].Rel, ":")
			if clauseRels[rel] || rel == "appos" || inner && innerSkip[rel] {
				continue
			}
			if lo[c] <= end && hi[c] >= start && (lo[c] < start || hi[c] > end) {
				start, end = min(start, lo[c]), max(end, hi[c])
				grown = true
			}
		}
	}
	for start < h && s.Words[start].UPOS == "PUNCT" {
		start++
	}
	for end-1 > h && s.Words[end-1].UPOS == "PUNCT" {
		end--
	}
	return start, end
}

// innerSkip are left out of the inner phrase of a head: "the teachers" of
// "the teachers and their pupils, who ...".
var innerSkip = map[string]bool{"conj": true, "cc": true, "acl": true, "punct": true}

// nerType reads the entity hint of a head word.
func nerType(s Sentence, h int) Type {
	label := s.Words[h].NER
	if len(label) < 3 {
		return Unknown
	}
	switch label[2:] {
	case "PERSON", "PER":
		return Person
	case "ORGANIZATION", "ORG":
		return Organization
	case "GPE", "LOCATION", "LOC":
		return Place
	}
	return Thing
}

// otherMention reports a word that is not a noun or a pronoun but heads a
// mention as an argument: a number ("in 2011"), a demonstrative standing
// alone ("this shows").
func otherMention(w Word, rel string) bool {
	switch rel {
	case "nsubj", "obj", "iobj", "obl", "nmod", "conj", "appos", "root":
	default:
		return false
	}
	switch w.UPOS {
	case "NUM":
		return true
	case "PRON":
		switch strings.ToLower(w.Text) {
		case "this", "that", "these", "those", "one":
			return true
		}
	}
	return false
}

// clauseRels attach to a noun what is not part of its phrase: the
// preposition before it, and the clause around a nominal predicate ("He
// has been my associate": the subject, copula and auxiliary).
var clauseRels = map[string]bool{
	"case": true, "cc": true, "mark": true, "cop": true, "aux": true, "nsubj": true, "csubj": true,
	"parataxis": true, "discourse": true, "advcl": true, "expl": true, "vocative": true,
	"reparandum": true, "dislocated": true,
}

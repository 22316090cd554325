package coref

import (
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
)

// mention is what the resolver knows of one mention.
type mention struct {
	Mention
	idx            int    // index in Doc.Mentions
	pron           string // the lower-cased pronoun, "" if the mention is none
	person, number byte   // see pronounInfo
	gender         byte
	headLow, lemma string
	rel            string // relation of the head, without subtype
	gov            int    // the head's head, -1 for the root
	words          []string
	text           string // words joined
	det            byte   // see determiners; 'p' for a possessor, 0 for none
	quote          int    // the quotation the head is in, -1 outside
	speaker        int    // position of the speaker mention of that quotation, -1
	acronym        string // initials of a name of several words
	appos          bool   // an apposition to the phrase before it
	// hashes of the strings above, for the features
	hKind, hHead, hLemma, hText, hLast, hFirst, hRel uint64
}

// Classify names the kind of a span from its head word: a personal
// pronoun, a proper name, a common-noun phrase, or other.
func Classify(s Sentence, start, end, head int) Kind {
	if head < 0 {
		head = spanHead(s, start, end)
	}
	w := s.Words[head]
	if _, ok := pronouns[strings.ToLower(w.Text)]; ok && (w.UPOS == "PRON" || w.UPOS == "DET" || end-start == 1) {
		return Pronoun
	}
	switch w.UPOS {
	case "PROPN":
		return Name
	case "NOUN":
		return Description
	}
	if strings.HasPrefix(w.XPOS, "NNP") {
		return Name
	}
	if strings.HasPrefix(w.XPOS, "NN") {
		return Description
	}
	return Other
}

// spanHead is the first word of [start, end) whose head lies outside it.
func spanHead(s Sentence, start, end int) int {
	for k := start; k < end; k++ {
		h := s.Words[k].Head
		if h < start || h >= end {
			return k
		}
	}
	return end - 1
}

// analyze prepares the mentions of a document in text order: outer spans
// before the spans inside them.
func analyze(d *Doc) []mention {
	ms := make([]mention, len(d.Mentions))
	for i, m := range d.Mentions {
		ms[i] = mention{Mention: m, idx: i, quote: -1, speaker: -1}
	}
	sort.SliceStable(ms, func(a, b int) bool {
		x, y := ms[a], ms[b]
		if x.Sent != y.Sent {
			return x.Sent < y.Sent
		}
		if x.Start != y.Start {
			return x.Start < y.Start
		}
		return x.End > y.End
	})
	quotes := quoteIDs(d.Sents)
	for i := range ms {
		m := &ms[i]
		s := d.Sents[m.Sent]
		if m.Head < 0 || m.Head < m.Start || m.Head >= m.End {
			m.Head = spanHead(s, m.Start, m.End)
		}
		hw := s.Words[m.Head]
		m.headLow = strings.ToLower(hw.Text)
		m.lemma = strings.ToLower(hw.Lemma)
		if m.lemma == "" || m.lemma == "_" {
			m.lemma = m.headLow
		}
		m.rel, _, _ = strings.Cut(hw.Rel, ":")
		m.gov = hw.Head
		m.quote = quotes[m.Sent][m.Head]
		m.appos = hw.Rel == "appos"
		for k := m.Start; k < m.End; k++ {
			w := s.Words[k]
			low := strings.ToLower(w.Text)
			if k == m.Start {
				if d, ok := determiners[low]; ok && m.End-m.Start > 1 {
					m.det = d
					continue
				}
			}
			if w.XPOS == "POS" || w.UPOS == "PUNCT" {
				if w.XPOS == "POS" && k < m.Head {
					m.det = 'p'
				}
				continue
			}
			if (w.XPOS == "PRP$" || w.Rel == "nmod:poss") && k < m.Head && m.det == 0 {
				m.det = 'p'
			}
			m.words = append(m.words, low)
		}
		m.text = strings.Join(m.words, " ")
		if info, ok := pronouns[m.headLow]; ok && m.Kind == Pronoun {
			m.pron = m.headLow
			m.person, m.number, m.gender = info.person, info.number, info.gender
		} else {
			switch hw.XPOS {
			case "NNS", "NNPS":
				m.number = 'p'
			case "NN", "NNP":
				m.number = 's'
			}
			m.gender = nounGender(s, m)
		}
		if m.Kind == Name && len(m.words) > 1 {
			var b strings.Builder
			for _, w := range m.words {
				switch w {
				case "of", "and", "the", "for", "&", "de":
					continue
				}
				b.WriteByte(w[0])
			}
			m.acronym = b.String()
		}
		kind := m.Kind.String()
		if m.pron != "" {
			kind = "pron:" + m.pron
		} else if m.Kind == Description {
			kind += ":" + string(rune('0'+m.det))
		}
		m.hKind = perceptron.Str(kind)
		m.hHead = perceptron.Str(m.headLow)
		m.hLemma = perceptron.Str(m.lemma)
		m.hText = perceptron.Str(m.text)
		m.hRel = perceptron.Str(m.rel)
		if len(m.words) > 0 {
			m.hFirst = perceptron.Str(m.words[0])
			m.hLast = perceptron.Str(m.words[len(m.words)-1])
		}
	}
	speakers(d.Sents, ms, quotes)
	return ms
}

// nounGender is the gender a name or noun phrase shows: a gendered title
// or noun in it or just before it, or a known first name.
func nounGender(s Sentence, m *mention) byte {
	from := m.Start
	if from > 0 {
		from-- // "spokeswoman Jane Doe" with the title outside the span
	}
	for k := from; k <= m.Head; k++ {
		if g := genderWords[strings.ToLower(s.Words[k].Text)]; g != 0 {
			return g
		}
	}
	if m.Kind == Name || m.Type == Person {
		for k := m.Start; k < m.Head; k++ {
			w := s.Words[k].Text
			if len(w) > 1 && unicode.IsUpper(rune(w[0])) {
				if g := firstNames()[strings.ToLower(w)]; g != 0 {
					return g
				}
			}
		}
		if m.Start == m.Head && m.Type == Person {
			if g := firstNames()[m.headLow]; g != 0 {
				return g
			}
		}
	}
	return 0
}

// quoteIDs numbers the quotations of a document: for each word, the
// quotation it is inside, or -1. Straight quotes open and close in turn;
// a quotation left open for more than five sentences is taken to have
// ended with its first sentence's end (an unbalanced mark).
func quoteIDs(sents []Sentence) [][]int {
	out := make([][]int, len(sents))
	cur, next, openedAt := -1, 0, 0
	for si, s := range sents {
		out[si] = make([]int, len(s.Words))
		if cur >= 0 && si-openedAt > 5 {
			cur = -1
		}
		for k, w := range s.Words {
			if isQuoteMark(w.Text) {
				opening := cur < 0
				switch w.Text {
				case "“", "``", "«", "„":
					opening = true
				case "”", "''", "»":
					opening = false
				}
				out[si][k] = -1
				if opening {
					cur, openedAt = next, si
					next++
				} else {
					cur = -1
				}
				continue
			}
			out[si][k] = cur
		}
	}
	return out
}

// speakers finds the speaker of each quotation: the subject of a speech
// verb outside the quotation in a sentence the quotation touches ("We
// will," said X; X told reporters: "..."). It sets speaker on the
// mentions inside the quotation.
func speakers(sents []Sentence, ms []mention, quotes [][]int) {
	byHead := map[[2]int]int{} // (sentence, head word) -> outermost mention
	for p := range ms {
		key := [2]int{ms[p].Sent, ms[p].Head}
		if _, ok := byHead[key]; !ok {
			byHead[key] = p
		}
	}
	speaker := map[int]int{} // quotation -> mention position
	for si, s := range sents {
		var qs []int
		for _, q := range quotes[si] {
			if q >= 0 && (len(qs) == 0 || qs[len(qs)-1] != q) {
				qs = append(qs, q)
			}
		}
		if len(qs) == 0 {
			continue
		}
		for k, w := range s.Words {
			rel, _, _ := strings.Cut(w.Rel, ":")
			if rel != "nsubj" || quotes[si][k] >= 0 || w.Head < 0 || quotes[si][w.Head] >= 0 {
				continue
			}
			if !speechVerbs[strings.ToLower(s.Words[w.Head].Lemma)] {
				continue
			}
			p, ok := byHead[[2]int{si, k}]
			if !ok {
				continue
			}
			for _, q := range qs {
				if _, done := speaker[q]; !done {
					speaker[q] = p
				}
			}
		}
	}
	for p := range ms {
		if q := ms[p].quote; q >= 0 {
			if sp, ok := speaker[q]; ok {
				ms[p].speaker = sp
			}
		}
	}
}

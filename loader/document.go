package loader

import (
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/coref"
)

// docState is what the extractor knows of one article while reading it.
type docState struct {
	text     string
	iris     kg.IRIs
	runeAt   []int // byte offset -> code point offset
	sents    []nlp.Sentence
	mentions []mention
	clusters []*cluster
	// named maps sentence and word to the entity a name there refers to.
	named map[[2]int]int
	// extra holds mentions found by pronoun and description resolution.
	extra []extraMention
	// quiet marks sentences whose names count but which state nothing (a
	// dateline).
	quiet map[int]bool
	// turns marks the sentences that name who speaks the paragraph they
	// open ("Mario J Lucero:").
	turns map[int]bool
	// interview is set when turn markers open several paragraphs: a
	// paragraph without one continues the turn before it.
	interview bool
	// anchor is the article's date: relative times resolve against it.
	anchor time.Time
	// features are the scorer's features of each statement, kept when
	// ExtractFeatures asks for them (nil otherwise).
	features map[StatementKey][]string
	// links are the coreference model's answers (coref.go): which name a
	// pronoun or a description stands for, which names are one entity.
	links *coref.Links
}

type extraMention struct {
	entity     int
	sent       int
	start, end int // words
	rule       string
}

func newDocState(text string, iris kg.IRIs) *docState {
	runeAt := make([]int, len(text)+1)
	n := 0
	for i := range text {
		runeAt[i] = n
		n++
	}
	runeAt[len(text)] = n
	// Fill continuation bytes with the offset of their rune.
	for i := 1; i < len(text); i++ {
		if !utf8.RuneStart(text[i]) {
			runeAt[i] = runeAt[i-1]
		}
	}
	return &docState{text: text, iris: iris, runeAt: runeAt, named: map[[2]int]int{}, quiet: map[int]bool{}, turns: map[int]bool{}}
}

func (d *docState) runeOffset(b int) int { return d.runeAt[b] }

func (d *docState) index() {
	for _, m := range d.mentions {
		if m.entity < 0 {
			continue
		}
		for k := m.start; k < m.end; k++ {
			d.named[[2]int{m.sent, k}] = m.entity
		}
	}
}

// entityAt returns the entity named at a word, or -1.
func (d *docState) entityAt(sent, word int) int {
	if e, ok := d.named[[2]int{sent, word}]; ok {
		return e
	}
	return -1
}

func (d *docState) node(e int) kg.Node {
	c := d.clusters[e]
	return kg.Node{Name: c.name, Type: c.typ}
}

func (d *docState) addMention(e int, s nlp.Sentence, start, end int, rule string) {
	d.extra = append(d.extra, extraMention{entity: e, sent: s.Index, start: start, end: end, rule: rule})
}

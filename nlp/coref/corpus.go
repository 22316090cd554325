package coref

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/conllu"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

// Example is a corpus document made ready for the resolver: its analysed
// sentences, the mentions the resolver is given, and the key.
type Example struct {
	Name string
	Doc  Doc
	// Entity is the key's entity of each of Doc's mentions, "" for a
	// mention the key does not have.
	Entity []string
	// Key is the key's clusters, singletons included.
	Key [][]Span
	// Gold holds, per Doc mention, the key mention with the same span
	// (its type from the corpus), -1 if none.
	Gold []int
	Keys []GoldMention
	// HeadEntity is the entity of the smallest key mention with the same
	// head word as each Doc mention, "" if none: how a detected mention
	// whose span differs from the key's is still told apart.
	HeadEntity []string
	// KeyName marks the key mentions that are names of a person,
	// organization or place (a proper-noun head in the treebank's tags).
	KeyName []bool
	// KeyDescription marks the key mentions that are definite
	// descriptions: a common-noun head after "the", a demonstrative or a
	// possessor ("the agency", "Mexico's president").
	KeyDescription []bool
}

// Analyser gives the resolver's words for a treebank sentence.
type Analyser func(conllu.Sentence) Sentence

// PredictedTrees returns an analyser that tags, lemmatizes and parses the
// treebank's words with newsgraph's own models and labels entities with
// its own labeller, sentence by sentence.
func PredictedTrees() (Analyser, error) {
	p, err := pipeline.Default()
	if err != nil {
		return nil, err
	}
	return func(s conllu.Sentence) Sentence {
		out := Sentence{Words: make([]nlp.Word, len(s.Words))}
		for i, w := range s.Words {
			out.Words[i] = nlp.Word{Text: w.Form}
		}
		p.Annotate(&out)
		return out
	}, nil
}

// MentionSource says which mentions the resolver is given: the key's
// (gold mentions) or the detector's.
type MentionSource int

// The mention sources.
const (
	GoldMentions MentionSource = iota
	DetectedMentions
)

// NewExample prepares a gold document.
func NewExample(g GoldDoc, analyse Analyser, src MentionSource) Example {
	ex := Example{Name: g.Name, Keys: g.Mentions, KeyName: make([]bool, len(g.Mentions)), KeyDescription: make([]bool, len(g.Mentions))}
	for i, m := range g.Mentions {
		s := GoldTrees(g.Sents[m.Sent])
		h := spanHead(s, m.Start, m.End)
		switch m.Type {
		case "person", "organization", "place":
			ex.KeyName[i] = s.Words[h].UPOS == "PROPN"
		}
		if s.Words[h].UPOS == "NOUN" && h > m.Start {
			first := strings.ToLower(s.Words[m.Start].Text)
			d := determiners[first]
			ex.KeyDescription[i] = d == 't' || d == 'd' || s.Words[m.Start].XPOS == "PRP$"
			for k := m.Start; k < h; k++ {
				if s.Words[k].XPOS == "POS" {
					ex.KeyDescription[i] = true
				}
			}
		}
	}
	for _, s := range g.Sents {
		ex.Doc.Sents = append(ex.Doc.Sents, analyse(s))
	}
	byEntity := map[string]int{}
	keyAt := map[Span]int{}
	for i, m := range g.Mentions {
		sp := Span{m.Sent, m.Start, m.End}
		if _, dup := keyAt[sp]; dup {
			continue // two entities on one span: the key keeps the first
		}
		keyAt[sp] = i
		k, ok := byEntity[m.Entity]
		if !ok {
			k = len(ex.Key)
			byEntity[m.Entity] = k
			ex.Key = append(ex.Key, nil)
		}
		ex.Key[k] = append(ex.Key[k], sp)
	}
	switch src {
	case GoldMentions:
		for i, m := range g.Mentions {
			if keyAt[Span{m.Sent, m.Start, m.End}] != i {
				continue
			}
			s := ex.Doc.Sents[m.Sent]
			h := spanHead(s, m.Start, m.End)
			kind := Classify(s, m.Start, m.End, h)
			typ := Unknown
			if kind == Name {
				// At run time the loader types the names it finds and
				// nothing else; the key's type stands in for its typing.
				typ = gumType(m.Type)
			}
			ex.Doc.Mentions = append(ex.Doc.Mentions, Mention{Sent: m.Sent, Start: m.Start, End: m.End, Head: h, Kind: kind, Type: typ})
		}
	case DetectedMentions:
		ex.Doc.Mentions = Detect(ex.Doc.Sents)
	}
	keyHead := map[[2]int]int{}
	for i, m := range g.Mentions {
		h := spanHead(GoldTrees(g.Sents[m.Sent]), m.Start, m.End)
		if k, ok := keyHead[[2]int{m.Sent, h}]; !ok || m.End-m.Start < g.Mentions[k].End-g.Mentions[k].Start {
			keyHead[[2]int{m.Sent, h}] = i
		}
	}
	for _, m := range ex.Doc.Mentions {
		h := m.Head
		if h < 0 {
			h = spanHead(ex.Doc.Sents[m.Sent], m.Start, m.End)
		}
		he := ""
		if k, ok := keyHead[[2]int{m.Sent, h}]; ok {
			he = g.Mentions[k].Entity
		}
		ex.HeadEntity = append(ex.HeadEntity, he)
		i, ok := keyAt[Span{m.Sent, m.Start, m.End}]
		if !ok {
			ex.Entity = append(ex.Entity, "")
			ex.Gold = append(ex.Gold, -1)
			continue
		}
		ex.Entity = append(ex.Entity, g.Mentions[i].Entity)
		ex.Gold = append(ex.Gold, i)
	}
	return ex
}

// ReadCorpus reads GUM documents from files and directories (every
// *.conllu in a directory), keeping those of the named splits.
func ReadCorpus(paths []string, splits ...string) ([]GoldDoc, error) {
	var files []string
	for _, p := range paths {
		if strings.HasSuffix(p, ".conllu") {
			files = append(files, p)
			continue
		}
		fs, err := filepath.Glob(filepath.Join(p, "*.conllu"))
		if err != nil {
			return nil, err
		}
		if len(fs) == 0 {
			return nil, fmt.Errorf("%s: no .conllu files", p)
		}
		files = append(files, fs...)
	}
	sort.Strings(files)
	var out []GoldDoc
	for _, f := range files {
		docs, err := ReadGUM(f)
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			for _, s := range splits {
				if Split(d.Name) == s {
					out = append(out, d)
					break
				}
			}
		}
	}
	return out, nil
}

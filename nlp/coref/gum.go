package coref

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/nlp/conllu"
)

// GoldDoc is a document of a coreference corpus in GUM's CoNLL-U format:
// its words as the treebank gives them, and its annotated mentions with
// their entity.
type GoldDoc struct {
	Name     string
	Sents    []conllu.Sentence
	Mentions []GoldMention
}

// GoldMention is one annotated mention.
type GoldMention struct {
	Sent       int
	Start, End int    // word indices, [Start, End)
	Entity     string // the entity's ID; mentions with the same ID corefer
	Type       string // GUM's entity type: person, place, organization, ...
}

// ReadGUM reads the documents of a CoNLL-U file whose MISC column carries
// GUM's entity annotation: `Entity=(ID-type-...` opens a mention on a
// word, `ID)` closes it, and openings and closings nest. A file may hold
// several documents (sentence IDs "DOC-N").
func ReadGUM(path string) ([]GoldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sents, err := conllu.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var docs []GoldDoc
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	for _, s := range sents {
		name := base
		if i := strings.LastIndexByte(s.ID, '-'); i > 0 {
			name = s.ID[:i]
		}
		if len(docs) == 0 || docs[len(docs)-1].Name != name {
			docs = append(docs, GoldDoc{Name: name})
		}
		d := &docs[len(docs)-1]
		ms, err := sentenceEntities(s, len(d.Sents))
		if err != nil {
			return nil, fmt.Errorf("%s: sentence %s: %w", path, s.ID, err)
		}
		d.Sents = append(d.Sents, s)
		d.Mentions = append(d.Mentions, ms...)
	}
	return docs, nil
}

// sentenceEntities reads the mentions of one sentence. A mention left open
// at the end of the sentence is an error: GUM's spans never cross
// sentences.
func sentenceEntities(s conllu.Sentence, index int) ([]GoldMention, error) {
	type open struct {
		id, typ string
		start   int
	}
	var stack []open
	var out []GoldMention
	for i, w := range s.Words {
		val := ""
		for _, kv := range strings.Split(w.Misc, "|") {
			if v, ok := strings.CutPrefix(kv, "Entity="); ok {
				val = v
			}
		}
		for val != "" {
			if val[0] == '(' {
				// "(ID-type-...": up to the next bracket; a ")" right
				// after it closes it on the same word.
				end := strings.IndexAny(val[1:], "()") + 1
				if end == 0 {
					end = len(val)
				}
				fields := strings.Split(val[1:end], "-")
				if fields[0] == "" {
					return nil, fmt.Errorf("word %d: empty entity ID in %q", i+1, w.Misc)
				}
				typ := ""
				if len(fields) > 1 {
					typ = fields[1]
				}
				val = val[end:]
				if strings.HasPrefix(val, ")") {
					out = append(out, GoldMention{Sent: index, Start: i, End: i + 1, Entity: fields[0], Type: typ})
					val = val[1:]
					continue
				}
				stack = append(stack, open{id: fields[0], typ: typ, start: i})
				continue
			}
			// "ID)" closes the innermost open mention of that entity.
			end := strings.IndexByte(val, ')')
			if end < 0 {
				return nil, fmt.Errorf("word %d: bad entity annotation %q", i+1, w.Misc)
			}
			id := val[:end]
			val = val[end+1:]
			k := len(stack) - 1
			for k >= 0 && stack[k].id != id {
				k--
			}
			if k < 0 {
				return nil, fmt.Errorf("word %d: entity %s closed but not open", i+1, id)
			}
			o := stack[k]
			stack = append(stack[:k], stack[k+1:]...)
			out = append(out, GoldMention{Sent: index, Start: o.start, End: i + 1, Entity: o.id, Type: o.typ})
		}
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("entity %s left open", stack[0].id)
	}
	return out, nil
}

// GoldTrees converts a treebank sentence to the resolver's words with the
// treebank's own tags and tree (an Analyser).
func GoldTrees(s conllu.Sentence) Sentence {
	ws := make([]Word, len(s.Words))
	for i, w := range s.Words {
		ws[i] = Word{Text: w.Form, UPOS: w.UPOS, XPOS: w.XPOS, Lemma: w.Lemma, Head: w.Head - 1, Rel: w.Deprel}
	}
	return Sentence{Words: ws}
}

// gumType maps GUM's ten entity types to the resolver's.
func gumType(t string) Type {
	switch t {
	case "person":
		return Person
	case "organization":
		return Organization
	case "place":
		return Place
	case "":
		return Unknown
	}
	return Thing
}

// Splits of the GUM corpus (splits.md of GUM's repository, the partition
// UD_English-GUM also uses). Documents in neither list are training data.
var (
	gumDev = []string{"GUM_academic_exposure", "GUM_academic_librarians", "GUM_bio_byron", "GUM_bio_emperor",
		"GUM_court_loan", "GUM_court_negligence", "GUM_interview_cyclone", "GUM_interview_gaming",
		"GUM_news_homeopathic", "GUM_news_iodine", "GUM_voyage_athens", "GUM_voyage_coron"}
	gumTest = []string{"GUM_academic_discrimination", "GUM_academic_eegimaa", "GUM_bio_dvorak", "GUM_bio_jespersen",
		"GUM_court_insanity", "GUM_court_mitigation", "GUM_interview_hill", "GUM_interview_libertarian",
		"GUM_news_nasa", "GUM_news_sensitive", "GUM_voyage_oakland", "GUM_voyage_vavau"}
)

// Split names the GUM partition a document belongs to: "dev", "test" or
// "train". Only the genres of the corpus copy newsgraph uses are listed.
func Split(doc string) string {
	for _, d := range gumDev {
		if d == doc {
			return "dev"
		}
	}
	for _, d := range gumTest {
		if d == doc {
			return "test"
		}
	}
	return "train"
}

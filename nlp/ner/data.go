package ner

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/nlp/conllu"
	"github.com/newsgraph/newsgraph/nlp/token"
)

// sentence is a gold-labelled sentence of a corpus.
type sentence struct {
	doc  string
	toks []Token // tags are filled in by our tagger, not the corpus
	gold []span
	// coarse is true for data labelled PER/ORG/LOC only (UNER): its
	// "O" tokens may still be NORP, EVENT or WORK.
	coarse bool
}

// readIOB2 reads a Universal NER file: "# newdoc id", "# text" comments,
// then lines "index<TAB>token<TAB>label...", sentences separated by blank
// lines. Spacing is recovered from the sentence text.
func readIOB2(path string) ([]sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []sentence
	var doc, text string
	var forms, labels []string
	ndoc := 0
	flush := func() error {
		if len(forms) == 0 {
			return nil
		}
		s := sentence{doc: doc, coarse: true}
		att := attachments(text, forms)
		for i, w := range forms {
			s.toks = append(s.toks, Token{Text: token.ASCII(w), Attached: att[i]})
		}
		spans, err := iobSpans(labels)
		if err != nil {
			return fmt.Errorf("%s: document %s: %w", path, doc, err)
		}
		s.gold = spans
		out = append(out, s)
		forms, labels, text = nil, nil, ""
		return nil
	}
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		switch {
		case l == "":
			if err := flush(); err != nil {
				return nil, err
			}
		case strings.HasPrefix(l, "#"):
			if v, ok := strings.CutPrefix(l, "# newdoc id = "); ok {
				doc = v
				ndoc++
			} else if v, ok := strings.CutPrefix(l, "# text = "); ok {
				text = v
			}
		default:
			cols := strings.Split(l, "\t")
			if len(cols) < 3 {
				return nil, fmt.Errorf("%s: line %d: %d columns", path, line, len(cols))
			}
			if doc == "" {
				doc = "doc"
			}
			forms = append(forms, cols[1])
			labels = append(labels, cols[2])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// attachments finds the tokens of a sentence in its text and reports,
// for each, whether it follows the previous one without a space. Tokens
// not found in the text count as separate.
func attachments(text string, forms []string) []bool {
	att := make([]bool, len(forms))
	pos := 0
	for i, f := range forms {
		k := strings.Index(text[pos:], f)
		if k < 0 || strings.TrimSpace(text[pos:pos+k]) != "" {
			continue
		}
		att[i] = i > 0 && k == 0
		pos += k + len(f)
	}
	return att
}

// iobSpans reads IOB2 labels PER, ORG and LOC.
func iobSpans(labels []string) ([]span, error) {
	var out []span
	for i := 0; i < len(labels); {
		l := labels[i]
		if l == "O" || l == "_" || l == "" {
			i++
			continue
		}
		prefix, typ, ok := strings.Cut(l, "-")
		if !ok || prefix != "B" && prefix != "I" {
			return nil, fmt.Errorf("bad label %q", l)
		}
		j := i + 1
		for j < len(labels) && labels[j] == "I-"+typ {
			j++
		}
		t := -1
		switch typ {
		case "PER":
			t = tPerson
		case "ORG":
			t = tOrg
		case "LOC":
			t = tPlace
		}
		if t >= 0 {
			out = append(out, span{i, j, t})
		}
		i = j
	}
	return out, nil
}

// The official GUM partition (splits.md of the GUM repository): the
// documents of dev and test; all others are train.
var gumDev = setOf(`GUM_academic_exposure GUM_academic_librarians GUM_bio_byron GUM_bio_emperor
GUM_conversation_grounded GUM_conversation_risk GUM_court_loan GUM_court_negligence GUM_essay_evolved
GUM_essay_tools GUM_fiction_beast GUM_fiction_lunre GUM_interview_cyclone GUM_interview_gaming
GUM_letter_arendt GUM_letter_wiki GUM_news_homeopathic GUM_news_iodine GUM_podcast_bangladesh
GUM_podcast_wrestling GUM_reddit_macroeconomics GUM_reddit_pandas GUM_speech_impeachment
GUM_speech_inauguration GUM_textbook_governments GUM_textbook_labor GUM_vlog_portland GUM_vlog_radiology
GUM_voyage_athens GUM_voyage_coron GUM_whow_joke GUM_whow_overalls`)

var gumTest = setOf(`GUM_academic_discrimination GUM_academic_eegimaa GUM_bio_dvorak GUM_bio_jespersen
GUM_conversation_lambada GUM_conversation_retirement GUM_court_insanity GUM_court_mitigation GUM_essay_fear
GUM_essay_system GUM_fiction_falling GUM_fiction_teeth GUM_interview_hill GUM_interview_libertarian
GUM_letter_attorney GUM_letter_mandela GUM_news_nasa GUM_news_sensitive GUM_podcast_bezos
GUM_podcast_multitasking GUM_reddit_escape GUM_reddit_monsters GUM_speech_austria GUM_speech_newzealand
GUM_textbook_chemistry GUM_textbook_union GUM_vlog_london GUM_vlog_studying GUM_voyage_oakland
GUM_voyage_vavau GUM_whow_cactus GUM_whow_mice`)

// GUMSplit is the official partition a GUM document belongs to: "train",
// "dev" or "test".
func GUMSplit(doc string) string {
	doc = strings.TrimSuffix(filepath.Base(doc), ".conllu")
	switch {
	case gumDev[doc]:
		return "dev"
	case gumTest[doc]:
		return "test"
	}
	return "train"
}

// gumFiles lists the GUM documents of a directory in a split ("" for all).
func gumFiles(dir, split string) ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "GUM_*.conllu"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out []string
	for _, p := range paths {
		if split == "" || GUMSplit(p) == split {
			out = append(out, p)
		}
	}
	return out, nil
}

// readGUM reads a GUM document and its named mentions.
func readGUM(path string) ([]sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sents, err := conllu.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	doc := strings.TrimSuffix(filepath.Base(path), ".conllu")
	out := make([]sentence, len(sents))
	for i, s := range sents {
		out[i] = gumSentence(doc, s)
	}
	return out, nil
}

// mention is an entity span of GUM: words [start, end), its type.
type mention struct {
	start, end int
	typ        string
}

func gumSentence(doc string, s conllu.Sentence) sentence {
	out := sentence{doc: doc}
	inRange := map[int]bool{} // words after the first of a multiword token
	for _, r := range s.Ranges {
		for k := r.First + 1; k <= r.Last; k++ {
			inRange[k] = true
		}
	}
	open := map[string][]mention{}
	var ments []mention
	for i, w := range s.Words {
		att := i > 0 && (!s.Words[i-1].SpaceAfter() || inRange[w.ID])
		for _, r := range s.Ranges {
			if r.Last == w.ID-1 && strings.Contains(r.Misc, "SpaceAfter=No") {
				att = true
			}
		}
		out.toks = append(out.toks, Token{Text: token.ASCII(w.Form), Attached: att})
		for _, kv := range strings.Split(w.Misc, "|") {
			v, ok := strings.CutPrefix(kv, "Entity=")
			if !ok {
				continue
			}
			for len(v) > 0 {
				if v[0] == '(' {
					j := strings.IndexAny(v[1:], "()")
					if j < 0 {
						j = len(v) - 1
					}
					fields := strings.SplitN(v[1:j+1], "-", 3)
					id, typ := fields[0], ""
					if len(fields) > 1 {
						typ = fields[1]
					}
					m := mention{start: i, end: -1, typ: typ}
					if j+1 < len(v) && v[j+1] == ')' {
						m.end = i + 1
						ments = append(ments, m)
						v = v[j+2:]
					} else {
						open[id] = append(open[id], m)
						v = v[j+1:]
					}
					continue
				}
				j := strings.IndexByte(v, ')')
				if j < 0 {
					break
				}
				id := v[:j]
				if st := open[id]; len(st) > 0 {
					m := st[len(st)-1]
					open[id] = st[:len(st)-1]
					m.end = i + 1
					ments = append(ments, m)
				}
				v = v[j+1:]
			}
		}
	}
	out.gold = namedSpans(s.Words, ments)
	return out
}

// namedSpans turns GUM's entity mentions into flat named-entity spans.
//
// A mention is named when its syntactic head (its word whose head lies
// outside it) is a proper noun. Its name is the run of words around the
// head that are proper nouns or numbers, or connectors ("of", "the",
// "and", "&", "-", "'s" inside "McDonald's") between two such words. GUM
// types map as person -> PERSON (NORP when the head is a plural proper
// noun or a demonym: "Americans", "Muslims"), organization ->
// ORGANIZATION, place -> a place (GPE, LOCATION or FACILITY), event ->
// EVENT, object -> WORK (products and works: "Internet Explorer 9"); named
// mentions of the other types (time, abstract, ...) are not entities
// here. Nested names are dropped in favour of the outermost.
func namedSpans(ws []conllu.Word, ments []mention) []span {
	var cands []span
	for _, m := range ments {
		typ := -1
		switch m.typ {
		case "person":
			typ = tPerson
		case "organization":
			typ = tOrg
		case "place":
			typ = tPlace
		case "event":
			typ = tEvent
		case "object":
			typ = tWork
		}
		if typ < 0 {
			continue
		}
		h := -1
		for k := m.start; k < m.end; k++ {
			if hd := ws[k].Head - 1; hd < m.start || hd >= m.end {
				h = k
				break
			}
		}
		if h < 0 || ws[h].UPOS != "PROPN" || gazetteer.IsTitle(ws[h].Form) {
			continue
		}
		a, b := h, h+1
		for a > m.start && nameWord(ws[a-1]) {
			a--
		}
		for a > m.start+1 && connector(ws[a-1]) && nameWord(ws[a-2]) && ws[a].Deprel != "conj" {
			a -= 2
			for a > m.start && nameWord(ws[a-1]) {
				a--
			}
		}
		for {
			if b < m.end && nameWord(ws[b]) {
				b++
				continue
			}
			// Up to two connectors: "Department of the Treasury"; but a
			// coordination is two names: "Mario Lucero and Isabel Ruiz".
			if b+1 < m.end && connector(ws[b]) && nameWord(ws[b+1]) && ws[b+1].Deprel != "conj" {
				b += 2
				continue
			}
			if b+2 < m.end && connector(ws[b]) && connector(ws[b+1]) && nameWord(ws[b+2]) && ws[b+2].Deprel != "conj" {
				b += 3
				continue
			}
			break
		}
		// Titles before a name are not part of it: "Dr. William Glennie".
		for typ == tPerson && a < h && (gazetteer.IsTitle(ws[a].Form) || titleAbbrev[ws[a].Form] || connector(ws[a])) {
			a++
		}
		if typ == tPerson && (ws[h].XPOS == "NNPS" || isDemonym(ws[h].Form)) {
			typ = tNORP
		}
		cands = append(cands, span{a, b, typ})
	}
	// Outermost first: by start, then longest.
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].start != cands[j].start {
			return cands[i].start < cands[j].start
		}
		return cands[i].end > cands[j].end
	})
	var out []span
	end := 0
	for _, c := range cands {
		if c.start >= end {
			out = append(out, c)
			end = c.end
		}
	}
	return out
}

// nameWord is a word that can be part of a name inside a mention: a proper
// noun, a capitalized word ("National Library", "United States") or a
// number ("Windows 7").
func nameWord(w conllu.Word) bool {
	if w.UPOS == "PROPN" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w.Form)
	switch w.UPOS {
	case "NUM":
		return unicode.IsDigit(r)
	case "DET", "PRON", "PUNCT", "ADP", "CCONJ", "SCONJ", "AUX", "PART":
		return false
	}
	return unicode.IsUpper(r)
}

// titleAbbrev are abbreviated titles that the gazetteer's titles lack.
var titleAbbrev = setOf("Dr. Dr Mr. Mr Mrs. Mrs Ms. Ms Prof. Prof Sir Dame Lord Lady St. Sen. Rep. Gov. Gen. Col. Capt. Lt. Sgt. Rev. Fr.")

func connector(w conllu.Word) bool {
	switch strings.ToLower(w.Form) {
	case "of", "the", "and", "&", "-", "'s", "de", "du", "des", "la", "le", "von", "van", "da", "del", "al", "bin", "for", "on":
		return true
	}
	return false
}

func isDemonym(s string) bool {
	e, ok := gazetteer.Lookup(s)
	return ok && e.Kind == gazetteer.Demonym
}

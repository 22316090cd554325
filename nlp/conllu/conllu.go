// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies treebanks: one word per line with ten tab-separated columns,
// sentences separated by blank lines, comments starting with '#'.
//
// Only what newsgraph's training and evaluation need is kept: the basic
// tree (HEAD, DEPREL), tags, lemmas, the sentence text and the multiword
// token ranges. Empty nodes of the enhanced graph (IDs like "8.1") are
// skipped.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"
)

// Word is one syntactic word of a sentence.
type Word struct {
	ID         int // 1-based position in the sentence
	Form       string
	Lemma      string
	UPOS, XPOS string
	Feats      string
	Head       int // 0 for the root
	Deprel     string
	Misc       string
}

// SpaceAfter reports whether the word is followed by a space in the text.
func (w Word) SpaceAfter() bool { return !strings.Contains(w.Misc, "SpaceAfter=No") }

// Range is a multiword token: the surface token Form covers words
// First..Last (1-based, inclusive).
type Range struct {
	First, Last int
	Form        string
	Misc        string
}

// Sentence is one sentence of a treebank.
type Sentence struct {
	ID   string // from "# sent_id ="
	Text string // from "# text ="
	Par  bool   // opens a paragraph ("# newpar")
	// Speaker is who says the sentence in a transcript or an interview
	// ("# speaker =", an identifier such as "ChiefJusticeJohnRoberts").
	Speaker string
	Words   []Word
	Ranges  []Range
}

// Read parses a whole CoNLL-U stream.
func Read(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []Sentence
	var cur Sentence
	line := 0
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		line++
		s := sc.Text()
		switch {
		case s == "":
			flush()
			continue
		case strings.HasPrefix(s, "#"):
			if v, ok := strings.CutPrefix(s, "# sent_id = "); ok {
				cur.ID = v
			} else if v, ok := strings.CutPrefix(s, "# text = "); ok {
				cur.Text = v
			} else if s == "# newpar" || strings.HasPrefix(s, "# newpar ") {
				cur.Par = true
			} else if v, ok := strings.CutPrefix(s, "# speaker = "); ok {
				cur.Speaker = strings.TrimSpace(v)
			}
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("conllu: line %d: %d columns, want 10", line, len(cols))
		}
		id := cols[0]
		if strings.Contains(id, ".") {
			continue // empty node of the enhanced graph
		}
		if a, b, ok := strings.Cut(id, "-"); ok {
			first, err1 := strconv.Atoi(a)
			last, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || last < first {
				return nil, fmt.Errorf("conllu: line %d: bad range %q", line, id)
			}
			cur.Ranges = append(cur.Ranges, Range{First: first, Last: last, Form: cols[1], Misc: cols[9]})
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil || n != len(cur.Words)+1 {
			return nil, fmt.Errorf("conllu: line %d: bad id %q", line, id)
		}
		head := 0
		if cols[6] != "_" {
			head, err = strconv.Atoi(cols[6])
			if err != nil {
				return nil, fmt.Errorf("conllu: line %d: bad head %q", line, cols[6])
			}
		}
		cur.Words = append(cur.Words, Word{ID: n, Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4],
			Feats: cols[5], Head: head, Deprel: cols[7], Misc: cols[9]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: line %d: %w", line, err)
	}
	flush()
	for i, s := range out {
		for _, w := range s.Words {
			if w.Head < 0 || w.Head > len(s.Words) {
				return nil, fmt.Errorf("conllu: sentence %d (%s): word %d has head %d out of range", i+1, s.ID, w.ID, w.Head)
			}
		}
	}
	return out, nil
}

// DocumentText returns the running text of a document's sentences: each
// sentence's "# text", sentences of a paragraph joined by a space,
// paragraphs ("# newpar") by a blank line. A transcript's or an
// interview's turns are written as transcripts write them: where the
// speaker changes, a new paragraph opening with the speaker's name ("Chief
// Justice John Roberts: ..."). It is how the
// evaluation reads an annotated document (GUM's) as an article.
func DocumentText(sents []Sentence) string {
	var b strings.Builder
	prev := ""
	for i, s := range sents {
		turn := s.Speaker != "" && s.Speaker != prev
		switch {
		case i == 0:
		case s.Par || turn:
			b.WriteString("\n\n")
		default:
			b.WriteByte(' ')
		}
		if turn {
			b.WriteString(speakerName(s.Speaker))
			b.WriteString(": ")
		}
		b.WriteString(s.Text)
		prev = s.Speaker
	}
	return b.String()
}

// speakerName writes a speaker identifier as a name: "#GeneralElizabethBPrelogar"
// is "General Elizabeth B Prelogar".
func speakerName(id string) string {
	r := []rune(strings.TrimPrefix(id, "#"))
	var b strings.Builder
	for i, c := range r {
		if i > 0 && unicode.IsUpper(c) && (unicode.IsLower(r[i-1]) ||
			unicode.IsUpper(r[i-1]) && i+1 < len(r) && unicode.IsLower(r[i+1])) {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Tokens returns the surface tokens of the sentence: multiword tokens as one
// token, other words as themselves, each with whether a space follows.
func (s Sentence) Tokens() (forms []string, spaceAfter []bool) {
	r := 0
	for i := 0; i < len(s.Words); i++ {
		id := i + 1
		for r < len(s.Ranges) && s.Ranges[r].Last < id {
			r++
		}
		if r < len(s.Ranges) && s.Ranges[r].First == id {
			rg := s.Ranges[r]
			forms = append(forms, rg.Form)
			spaceAfter = append(spaceAfter, !strings.Contains(rg.Misc, "SpaceAfter=No"))
			i = rg.Last - 1
			continue
		}
		forms = append(forms, s.Words[i].Form)
		spaceAfter = append(spaceAfter, s.Words[i].SpaceAfter())
	}
	return forms, spaceAfter
}

// Write writes sentences in CoNLL-U.
func Write(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		if s.ID != "" {
			fmt.Fprintf(bw, "# sent_id = %s\n", s.ID)
		}
		if s.Text != "" {
			fmt.Fprintf(bw, "# text = %s\n", s.Text)
		}
		r := 0
		for _, wd := range s.Words {
			for r < len(s.Ranges) && s.Ranges[r].First == wd.ID {
				rg := s.Ranges[r]
				fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", rg.First, rg.Last, rg.Form, dash(rg.Misc))
				r++
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n", wd.ID, wd.Form, dash(wd.Lemma), dash(wd.UPOS),
				dash(wd.XPOS), dash(wd.Feats), wd.Head, dash(wd.Deprel), dash(wd.Misc))
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// ReadFile reads a CoNLL-U file.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

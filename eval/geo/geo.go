// Package geo scores geocoding against a judged set of place mentions:
// GUM documents, whose entity annotation names the intended place by its
// Wikipedia identity, with the GeoNames feature each mention means judged
// by hand (testdata/judged/places_dev.tsv). The documents are written out
// as text, the whole loader reads them (names, entities, geocoding), and
// each judged mention is compared with the location of the entity the
// loader gave the same words.
package geo

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp/conllu"
)

// Judged is one judged place mention: words [Start, End) of a document's
// sentence, and the GeoNames feature it means (0 when the place is not in
// the gazetteer: a bay, a street, a district, a town too small).
type Judged struct {
	Doc        string
	Sentence   int
	Start, End int
	Text       string
	Identity   string // GUM's Wikipedia identity
	Geonames   int
	Note       string
}

// ReadJudged reads a judged set: a TSV with a header, columns doc,
// sentence, start, end, text, identity, geonames ("-" for none), note.
func ReadJudged(path string) ([]Judged, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Judged
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) < 7 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 8", path, line, len(c))
		}
		j := Judged{Doc: c[0], Text: c[4], Identity: c[5]}
		if len(c) > 7 {
			j.Note = c[7]
		}
		for k, p := range []*int{&j.Sentence, &j.Start, &j.End} {
			if *p, err = strconv.Atoi(c[1+k]); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, line, err)
			}
		}
		if c[6] != "-" {
			if j.Geonames, err = strconv.Atoi(c[6]); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, line, err)
			}
		}
		out = append(out, j)
	}
	return out, sc.Err()
}

// Extractor reads an article's text into a document.
type Extractor func(ctx context.Context, text string) (*kg.Document, error)

// Scores are the counts of an evaluation.
type Scores struct {
	Mentions  int // judged
	Linkable  int // judged with a place in the gazetteer
	Linked    int // given a place by the loader (of all judged)
	Correct   int // given the judged place
	WrongLink int // given a place where the judged one is another or none
	NoEntity  int // linkable, but the loader made no place entity of the words
	Unlinked  int // linkable, a place entity, but no location
}

// Accuracy is the share of linked mentions linked right.
func (s Scores) Accuracy() float64 { return ratio(s.Correct, s.Linked) }

// Coverage is the share of linkable mentions linked (right or wrong).
func (s Scores) Coverage() float64 { return ratio(s.linkedLinkable(), s.Linkable) }

// Recall is the share of linkable mentions linked right.
func (s Scores) Recall() float64 { return ratio(s.Correct, s.Linkable) }

func (s Scores) linkedLinkable() int { return s.Linkable - s.NoEntity - s.Unlinked }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Eval reads the judged documents from gumDir, extracts them, and writes
// one line per mention and the scores to out.
func Eval(ctx context.Context, gumDir string, judged []Judged, extract Extractor, out io.Writer) (Scores, error) {
	var sc Scores
	byDoc := map[string][]Judged{}
	var docs []string
	for _, j := range judged {
		if byDoc[j.Doc] == nil {
			docs = append(docs, j.Doc)
		}
		byDoc[j.Doc] = append(byDoc[j.Doc], j)
	}
	sort.Strings(docs)
	for _, d := range docs {
		sents, err := conllu.ReadFile(filepath.Join(gumDir, d+".conllu"))
		if err != nil {
			return sc, err
		}
		text, spans := gumText(sents)
		doc, err := extract(ctx, text)
		if err != nil {
			return sc, fmt.Errorf("%s: %w", d, err)
		}
		if doc.Article.Text != text {
			return sc, fmt.Errorf("%s: the loader changed the text: offsets would not match", d)
		}
		for _, j := range byDoc[d] {
			if j.Sentence >= len(spans) || j.End > len(spans[j.Sentence]) || j.Start >= j.End {
				return sc, fmt.Errorf("%s: sentence %d words %d-%d: not in the document", d, j.Sentence, j.Start, j.End)
			}
			start, end := spans[j.Sentence][j.Start][0], spans[j.Sentence][j.End-1][1]
			e := placeAt(doc, start, end)
			sc.Mentions++
			if j.Geonames != 0 {
				sc.Linkable++
			}
			got := "no place entity"
			switch {
			case e == nil:
				if j.Geonames != 0 {
					sc.NoEntity++
				}
			case e.Location == nil:
				got = e.Name + ": unlinked"
				if j.Geonames != 0 {
					sc.Unlinked++
				}
			default:
				sc.Linked++
				got = fmt.Sprintf("%s: %d %s %s", e.Name, e.Location.GeonamesID, e.Location.Kind, e.Location.CountryCode)
				if e.Location.GeonamesID == j.Geonames {
					sc.Correct++
					got = "right " + got
				} else {
					sc.WrongLink++
					got = "WRONG " + got
				}
			}
			want := "-"
			if j.Geonames != 0 {
				want = strconv.Itoa(j.Geonames)
			}
			fmt.Fprintf(out, "%s\t%d\t%q\twant %s\tgot %s\n", d, j.Sentence, j.Text, want, got)
		}
	}
	fmt.Fprintf(out, "%d mentions, %d with a place in the gazetteer; linked %d, right %d, wrong %d; "+
		"not found as places %d, found but unlinked %d\n", sc.Mentions, sc.Linkable, sc.Linked, sc.Correct, sc.WrongLink, sc.NoEntity, sc.Unlinked)
	fmt.Fprintf(out, "accuracy %.1f%% (right of linked), coverage %.1f%% (linked of linkable), recall %.1f%% (right of linkable); "+
		"of the linkable mentions found as places, %.1f%% linked\n",
		100*sc.Accuracy(), 100*sc.Coverage(), 100*sc.Recall(), 100*ratio(sc.linkedLinkable(), sc.Linkable-sc.NoEntity))
	return sc, nil
}

// gumText writes a treebank document out as text, a sentence a paragraph,
// and returns each word's span in code points.
func gumText(sents []conllu.Sentence) (string, [][][2]int) {
	var b strings.Builder
	spans := make([][][2]int, len(sents))
	n := 0
	for i, s := range sents {
		if i > 0 {
			b.WriteString("\n\n")
			n += 2
		}
		for k, w := range s.Words {
			if k > 0 && s.Words[k-1].SpaceAfter() {
				b.WriteByte(' ')
				n++
			}
			start := n
			b.WriteString(w.Form)
			n += len([]rune(w.Form))
			spans[i] = append(spans[i], [2]int{start, n})
		}
	}
	return b.String(), spans
}

// placeAt is the GPE or LOCATION entity with a mention on the words
// [start, end): of the mentions that cover at least half of them and are
// at least half covered by them ("Netherlands" for "the Netherlands",
// but not "San Francisco, California" for "California"), the one that
// overlaps them most.
func placeAt(doc *kg.Document, start, end int) *kg.Entity {
	var best *kg.Entity
	bestOverlap := 0
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if e.Type != kg.GPE && e.Type != kg.Location {
			continue
		}
		for _, m := range e.Mentions {
			if m.Rule == "pronoun" || m.Rule == "description" {
				continue
			}
			o := min(end, m.End) - max(start, m.Start)
			if 2*o < end-start || 2*o < m.End-m.Start {
				continue
			}
			if o > bestOverlap {
				best, bestOverlap = e, o
			}
		}
	}
	return best
}

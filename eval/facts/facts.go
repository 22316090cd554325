// Package facts scores the extractor against judged statements: sets of
// statements that independent judges labelled correct, partial or wrong
// against their sentences (the labelling guide is docs/judging.md), and
// the key facts of each article. `newsgraph eval-facts` runs it.
package facts

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// Labels of a judged statement.
const (
	Correct = "correct"
	Partial = "partial"
	Wrong   = "wrong"
)

// Judged is one labelled statement.
type Judged struct {
	Article   string // file name of the article
	Sentence  int
	Subject   string
	Predicate string
	Object    string
	Negated   bool
	Modality  string
	Attrib    string
	Time      string
	Place     string
	Label     string
	KeyFact   int // the key fact it expresses, 0 for none
	Note      string
}

// KeyFact is one of the facts of an article an analyst most wants.
type KeyFact struct {
	Article  string
	Number   int
	Sentence int
	Fact     string
}

// columns of a judged file, in order.
var columns = []string{"article", "sentence", "subject", "predicate", "object", "negated", "modality",
	"attributedTo", "time", "place", "label", "keyfact", "note"}

// Header is the header line of a judged file.
func Header() string { return strings.Join(columns, "\t") }

// key is what matches a current statement to a judged one: the whole
// statement as the judge saw it, qualifiers included, so that a label
// never carries over to a statement whose negation, mood, speaker, time
// or place has changed since.
type key struct {
	article                  string
	sentence                 int
	subj, pred, obj          string
	negated                  bool
	modality, attrib, tm, pl string
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func keyOf(j Judged) key {
	return key{j.Article, j.Sentence, norm(j.Subject), norm(j.Predicate), norm(j.Object), j.Negated,
		norm(j.Modality), norm(j.Attrib), norm(j.Time), norm(j.Place)}
}

// ReadJudged reads judged files (Header's columns, tab-separated).
func ReadJudged(paths ...string) ([]Judged, error) {
	var out []Judged
	for _, p := range paths {
		err := readTSV(p, len(columns), func(line int, f []string) error {
			sent, err := strconv.Atoi(f[1])
			if err != nil {
				return fmt.Errorf("sentence %q is not a number", f[1])
			}
			j := Judged{Article: f[0], Sentence: sent, Subject: f[2], Predicate: f[3], Object: f[4],
				Negated: f[5] == "true", Modality: f[6], Attrib: f[7], Time: f[8], Place: f[9], Label: f[10], Note: f[12]}
			switch j.Label {
			case Correct, Partial, Wrong:
			default:
				return fmt.Errorf("label %q is not correct, partial or wrong", j.Label)
			}
			if f[11] != "" {
				if j.KeyFact, err = strconv.Atoi(f[11]); err != nil {
					return fmt.Errorf("keyfact %q is not a number", f[11])
				}
			}
			out = append(out, j)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ReadKeyFacts reads a key-fact file: article, number, sentence, fact.
func ReadKeyFacts(path string) ([]KeyFact, error) {
	var out []KeyFact
	err := readTSV(path, 4, func(line int, f []string) error {
		n, err1 := strconv.Atoi(f[1])
		s, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil {
			return fmt.Errorf("number and sentence must be numbers")
		}
		out = append(out, KeyFact{Article: f[0], Number: n, Sentence: s, Fact: f[3]})
		return nil
	})
	return out, err
}

// readTSV calls fn with the fields of each line after the header; a line
// with fewer than n fields is padded (a trailing empty note).
func readTSV(path string, n int, fn func(line int, f []string) error) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for line := 1; sc.Scan(); line++ {
		if line == 1 || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		for len(f) < n {
			f = append(f, "")
		}
		if err := fn(line, f); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	return sc.Err()
}

// Extractor gives the statements of an article file.
type Extractor func(ctx context.Context, article string) (*kg.Document, error)

// Report is how the extractor does against the judged sets.
type Report struct {
	Articles                int
	Statements              int // what the extractor gives for the judged articles
	Matched                 int // of which judged
	Correct, Partial, Wrong int // labels of the matched ones
	KeyFacts, KeyFactsFound int
	Unjudged                []Judged // current statements without a label (Label empty)
	Shown                   []Judged // every current statement shown, with its label and note where judged
	Missing                 int      // judged correct statements the extractor no longer gives
	Hidden                  int      // statements under the confidence threshold
	// Lost are those statements, once each, their notes telling what the
	// extractor now gives for the same sentence ("now: s | p | o; ...").
	Lost []Judged
}

// Precision is the share of matched statements labelled correct.
func (r Report) Precision() float64 { return ratio(r.Correct, r.Matched) }

// Lenient is the share labelled correct or partial.
func (r Report) Lenient() float64 { return ratio(r.Correct+r.Partial, r.Matched) }

// KeyFactRecall is the share of key facts a current correct statement
// expresses.
func (r Report) KeyFactRecall() float64 { return ratio(r.KeyFactsFound, r.KeyFacts) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Options tune Score.
type Options struct {
	// MinConfidence hides the statements under it, as the server's views
	// do by default: they count neither for precision nor for key facts.
	MinConfidence float64
	// Articles are articles to extract too, judged or not.
	Articles []string
}

// matcher finds the judged statement a current one is: the one with the
// same article, sentence, parts and qualifiers; else, since a page
// reader that keeps or drops a paragraph more than the one the judges saw
// shifts the numbers of the sentences after it, the one the same in all
// but its sentence number that is nearest and not matched yet. Each judged
// statement matches once.
type matcher struct {
	byKey map[key]Judged
	loose map[key][]Judged // by everything but the sentence number
	used  map[key]bool
}

func newMatcher(judged []Judged) *matcher {
	m := &matcher{byKey: map[key]Judged{}, loose: map[key][]Judged{}, used: map[key]bool{}}
	for _, j := range judged {
		m.byKey[keyOf(j)] = j
		lk := keyOf(j)
		lk.sentence = -1
		m.loose[lk] = append(m.loose[lk], j)
	}
	return m
}

func (m *matcher) match(cur Judged) (Judged, bool) {
	k := keyOf(cur)
	if j, ok := m.byKey[k]; ok && !m.used[k] {
		m.used[k] = true
		return j, true
	}
	lk := k
	lk.sentence = -1
	best, bestD := -1, 0
	for i, j := range m.loose[lk] {
		if m.used[keyOf(j)] {
			continue
		}
		d := j.Sentence - cur.Sentence
		if d < 0 {
			d = -d
		}
		if best < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	if best < 0 {
		return Judged{}, false
	}
	j := m.loose[lk][best]
	m.used[keyOf(j)] = true
	return j, true
}

// Score extracts every judged article again (and o.Articles) and matches
// its statements to the judged ones.
func Score(ctx context.Context, judged []Judged, keys []KeyFact, extract Extractor, o Options) (Report, error) {
	m := newMatcher(judged)
	articles := map[string]bool{}
	for _, j := range judged {
		articles[j.Article] = true
	}
	for _, k := range keys {
		articles[k.Article] = true
	}
	for _, a := range o.Articles {
		articles[a] = true
	}
	names := make([]string, 0, len(articles))
	for a := range articles {
		names = append(names, a)
	}
	sort.Strings(names)
	var r Report
	found := map[[2]any]bool{} // (article, key fact) expressed by a current correct statement
	seen := map[key]bool{}
	pairs := map[string][][2]int{} // an article's (judged, current) sentence numbers of its matches
	for _, a := range names {
		doc, err := extract(ctx, a)
		if err != nil {
			return r, fmt.Errorf("extract %s: %w", a, err)
		}
		r.Articles++
		for _, st := range doc.Statements {
			if st.Confidence < o.MinConfidence {
				r.Hidden++
				continue
			}
			cur := fromStatement(a, st)
			k := keyOf(cur)
			if seen[k] {
				continue // the same statement twice in a sentence counts once
			}
			seen[k] = true
			r.Statements++
			j, ok := m.match(cur)
			if !ok {
				r.Unjudged = append(r.Unjudged, cur)
				r.Shown = append(r.Shown, cur)
				continue
			}
			cur.Label, cur.KeyFact, cur.Note = j.Label, j.KeyFact, j.Note
			r.Shown = append(r.Shown, cur)
			pairs[a] = append(pairs[a], [2]int{j.Sentence, cur.Sentence})
			r.Matched++
			switch j.Label {
			case Correct:
				r.Correct++
				if j.KeyFact > 0 {
					found[[2]any{a, j.KeyFact}] = true
				}
			case Partial:
				r.Partial++
			case Wrong:
				r.Wrong++
			}
		}
	}
	lost := map[key]bool{}
	for _, j := range judged {
		if j.Label == Correct && !m.used[keyOf(j)] {
			r.Missing++
			if !lost[keyOf(j)] {
				lost[keyOf(j)] = true
				r.Lost = append(r.Lost, r.lostAt(j, pairs[j.Article]))
			}
		}
	}
	r.KeyFacts = len(keys)
	for _, k := range keys {
		if found[[2]any{k.Article, k.Number}] {
			r.KeyFactsFound++
		}
	}
	return r, nil
}

// lostAt is judged statement j, lost, with a note of the statements the
// extractor now gives for its sentence: its number shifted as the nearest
// matched sentence of the article shifted (a page read with a paragraph
// more or less numbers its sentences differently).
func (r *Report) lostAt(j Judged, pairs [][2]int) Judged {
	shift, best := 0, -1
	for _, p := range pairs {
		if d := abs(p[0] - j.Sentence); best < 0 || d < best {
			shift, best = p[1]-p[0], d
		}
	}
	var now []string
	for _, c := range r.Shown {
		if c.Article == j.Article && c.Sentence == j.Sentence+shift {
			now = append(now, c.Subject+" | "+c.Predicate+" | "+c.Object)
		}
	}
	if len(now) == 0 {
		j.Note = "now: nothing in this sentence"
	} else {
		j.Note = "now: " + strings.Join(now, "; ")
	}
	return j
}

// abs is the absolute value of x.
func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// fromStatement is a statement as an unlabelled judged line.
func fromStatement(article string, st kg.Statement) Judged {
	j := Judged{Article: article, Sentence: st.Sentence, Subject: st.Subject.Name, Predicate: st.Predicate,
		Object: st.Object.Name, Negated: st.Negated, Modality: st.Modality, Time: st.Time, Place: st.Place}
	if st.AttributedTo != nil {
		j.Attrib = st.AttributedTo.Name
	}
	return j
}

// WriteJudged writes judged lines in the judged-file format (unlabelled
// ones with an empty label, to be judged).
func WriteJudged(w io.Writer, js []Judged) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, Header())
	clean := func(s string) string { return strings.NewReplacer("\t", " ", "\n", " ").Replace(s) }
	for _, j := range js {
		kf := ""
		if j.KeyFact > 0 {
			kf = strconv.Itoa(j.KeyFact)
		}
		fmt.Fprintf(bw, "%s\t%d\t%s\t%s\t%s\t%v\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", j.Article, j.Sentence, clean(j.Subject),
			clean(j.Predicate), clean(j.Object), j.Negated, clean(j.Modality), clean(j.Attrib), clean(j.Time), clean(j.Place),
			j.Label, kf, clean(j.Note))
	}
	return bw.Flush()
}

// Print writes the report; its last line is
// "precision=.. lenient=.. keyfacts=..".
func (r Report) Print(w io.Writer) {
	fmt.Fprintf(w, "%d articles, %d statements shown (%d hidden under the threshold): %d judged (%d correct, %d partial, %d wrong), %d not judged yet\n",
		r.Articles, r.Statements, r.Hidden, r.Matched, r.Correct, r.Partial, r.Wrong, len(r.Unjudged))
	fmt.Fprintf(w, "%d statements judged correct are no longer extracted; key facts found %d of %d\n",
		r.Missing, r.KeyFactsFound, r.KeyFacts)
	fmt.Fprintf(w, "precision=%.3f lenient=%.3f keyfacts=%.3f\n", r.Precision(), r.Lenient(), r.KeyFactRecall())
}

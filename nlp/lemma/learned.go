package lemma

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/nlp/internal/lexicon"
)

// Lemmatizer gives the lemma of a word from its Penn Treebank tag. It is
// learned from a treebank's lemma column: forms seen in training get their
// most frequent lemma; unseen forms get the most frequent suffix edit
// learned for their tag and ending, checked against WordNet's base forms.
// It is safe for concurrent use.
type Lemmatizer struct {
	known map[string]string // tag + " " + lower form -> lemma
	rules map[string]edit   // tag + " " + suffix -> edit
	lex   *lexicon.Lexicon
}

// edit turns a form into its lemma: drop Strip bytes, append Add.
type edit struct {
	Strip int
	Add   string
	Count int
}

const maxSuffix = 5

func key(tag, s string) string { return tag + " " + s }

// Example is one (form, tag, lemma) triple of a treebank.
type Example struct{ Form, Tag, Lemma string }

// Train learns a lemmatizer.
func Train(exs []Example, lex *lexicon.Lexicon) *Lemmatizer {
	if lex == nil {
		lex = lexicon.Empty()
	}
	type count map[string]int
	forms := map[string]count{}
	rules := map[string]map[edit]int{}
	for _, ex := range exs {
		lower := strings.ToLower(ex.Form)
		k := key(ex.Tag, lower)
		if forms[k] == nil {
			forms[k] = count{}
		}
		forms[k][ex.Lemma]++
		lem := strings.ToLower(ex.Lemma)
		p := 0
		for p < len(lower) && p < len(lem) && lower[p] == lem[p] {
			p++
		}
		if p == 0 && lower != "" {
			continue // suppletive ("went" -> "go"): nothing to generalize
		}
		e := edit{Strip: len(lower) - p, Add: lem[p:]}
		for n := 1; n <= maxSuffix && n <= len(lower); n++ {
			rk := key(ex.Tag, lower[len(lower)-n:])
			if rules[rk] == nil {
				rules[rk] = map[edit]int{}
			}
			rules[rk][e]++
		}
	}
	l := &Lemmatizer{known: map[string]string{}, rules: map[string]edit{}, lex: lex}
	for k, c := range forms {
		l.known[k] = top(c)
	}
	for k, es := range rules {
		var best edit
		for e, n := range es {
			if n > best.Count || n == best.Count && (e.Strip < best.Strip || e.Strip == best.Strip && e.Add < best.Add) {
				best = e
				best.Count = n
			}
		}
		if best.Count >= 2 {
			l.rules[k] = best
		}
	}
	return l
}

func top(c map[string]int) string {
	best, n := "", -1
	for s, k := range c {
		if k > n || k == n && s < best {
			best, n = s, k
		}
	}
	return best
}

// wordnetPOS maps a Penn tag to the WordNet part of speech whose base
// forms check its lemmas.
func wordnetPOS(tag string) (lexicon.POS, bool) {
	switch {
	case strings.HasPrefix(tag, "NN") && !strings.HasPrefix(tag, "NNP"):
		return lexicon.Noun, true
	case strings.HasPrefix(tag, "VB"):
		return lexicon.Verb, true
	case strings.HasPrefix(tag, "JJ"):
		return lexicon.Adj, true
	case strings.HasPrefix(tag, "RB"):
		return lexicon.Adv, true
	}
	return 0, false
}

// Lemma returns the lemma of form with Penn tag tag.
func (l *Lemmatizer) Lemma(form, tag string) string {
	lower := strings.ToLower(form)
	if lem, ok := l.known[key(tag, lower)]; ok {
		return lem
	}
	if strings.HasPrefix(tag, "NNP") {
		if tag == "NNPS" && strings.HasSuffix(form, "s") && len(form) > 3 {
			return form[:len(form)-1]
		}
		return form
	}
	guess := lower
	for n := min(maxSuffix, len(lower)); n >= 1; n-- {
		if e, ok := l.rules[key(tag, lower[len(lower)-n:])]; ok && e.Strip <= len(lower) {
			guess = lower[:len(lower)-e.Strip] + e.Add
			break
		}
	}
	if pos, ok := wordnetPOS(tag); ok {
		bases := l.lex.Bases(lower, pos)
		for _, b := range bases {
			if b == guess {
				return guess
			}
		}
		if len(bases) > 0 {
			// The rule's guess is not a WordNet word but WordNet knows the
			// form: trust WordNet, preferring the form itself.
			for _, b := range bases {
				if b == lower {
					return lower
				}
			}
			return bases[0]
		}
		if strings.HasPrefix(tag, "VB") {
			return Verb(lower, tag)
		}
	}
	return guess
}

const magic = "NGLEMMA1\n"

// WriteTo writes the lemmatizer's tables (the lexicon is stored once in
// the model bundle).
func (l *Lemmatizer) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	bw.WriteString(magic)
	keys := make([]string, 0, len(l.known))
	for k := range l.known {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(bw, "%d\n", len(keys))
	for _, k := range keys {
		bw.WriteString(k + "\t" + l.known[k] + "\n")
	}
	keys = keys[:0]
	for k := range l.rules {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(bw, "%d\n", len(keys))
	for _, k := range keys {
		e := l.rules[k]
		fmt.Fprintf(bw, "%s\t%d\t%s\t%d\n", k, e.Strip, e.Add, e.Count)
	}
	return 0, bw.Flush()
}

// Read reads a lemmatizer written by WriteTo.
func Read(r io.Reader, lex *lexicon.Lexicon) (*Lemmatizer, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	if !sc.Scan() || sc.Text()+"\n" != magic {
		return nil, errors.New("lemma: not a lemmatizer model")
	}
	if lex == nil {
		lex = lexicon.Empty()
	}
	l := &Lemmatizer{known: map[string]string{}, rules: map[string]edit{}, lex: lex}
	count := func() (int, error) {
		if !sc.Scan() {
			return 0, errors.New("lemma: truncated model")
		}
		return strconv.Atoi(sc.Text())
	}
	n, err := count()
	if err != nil {
		return nil, fmt.Errorf("lemma: %w", err)
	}
	for i := 0; i < n && sc.Scan(); i++ {
		k, v, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("lemma: bad entry %q", sc.Text())
		}
		l.known[k] = v
	}
	if n, err = count(); err != nil {
		return nil, fmt.Errorf("lemma: %w", err)
	}
	for i := 0; i < n && sc.Scan(); i++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("lemma: bad rule %q", sc.Text())
		}
		strip, err1 := strconv.Atoi(f[1])
		cnt, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("lemma: bad rule %q", sc.Text())
		}
		l.rules[f[0]] = edit{Strip: strip, Add: f[2], Count: cnt}
	}
	return l, sc.Err()
}

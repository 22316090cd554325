// Package lexicon is a part-of-speech dictionary derived from WordNet 3.0
// (Princeton University; see the credits in the README): which open-class
// parts of speech a word can have, inflected forms included, and its base
// form for each. The tagger uses it for words the treebank never showed
// it; the lemmatizer uses it for base forms of unseen words.
//
// Build reads a WordNet "dict" directory (Debian's wordnet-base installs
// one at /usr/share/wordnet); the result serializes with WriteTo and is
// embedded in the model bundle, so nothing reads WordNet at run time.
package lexicon

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// POS is a WordNet part of speech.
type POS uint8

// The four WordNet parts of speech.
const (
	Noun POS = iota
	Verb
	Adj
	Adv
)

var posFiles = [...]string{Noun: "noun", Verb: "verb", Adj: "adj", Adv: "adv"}

// Class bits of a word form: what it can be.
const (
	NounBase   = 1 << iota // a noun lemma
	NounPlural             // an inflected noun (plural)
	VerbBase               // a verb lemma
	Verb3rd                // -s form
	VerbPast               // -ed form or irregular past/participle
	VerbGer                // -ing form
	AdjBase
	AdjComp // comparative or superlative
	AdvBase
	Proper // WordNet writes it capitalized and never in lower case ("Mexico", not "court")
)

// Lexicon holds WordNet's lemmas per part of speech and its exception
// lists (irregular inflections).
type Lexicon struct {
	lemmas [4]map[string]bool
	exc    [4]map[string][]string // inflected form -> base forms
	proper map[string]bool        // lower-cased lemmas WordNet only writes capitalized

	// classes remembers Class's answers (word -> uint16) for up to
	// maxRemembered words: a text's words recur, and one lookup here
	// replaces the five to ten in the maps above.
	classes    sync.Map
	remembered atomic.Int64
}

const maxRemembered = 1 << 17

// Empty returns a lexicon that knows no words.
func Empty() *Lexicon {
	l := &Lexicon{proper: map[string]bool{}}
	for p := range l.lemmas {
		l.lemmas[p] = map[string]bool{}
		l.exc[p] = map[string][]string{}
	}
	return l
}

// Build reads a WordNet dict directory.
func Build(dir string) (*Lexicon, error) {
	l := Empty()
	for p, name := range posFiles {
		if err := readLines(filepath.Join(dir, "index."+name), func(line string) {
			if strings.HasPrefix(line, " ") {
				return // licence header
			}
			w, _, _ := strings.Cut(line, " ")
			if w != "" && !strings.Contains(w, "_") {
				l.lemmas[p][w] = true
			}
		}); err != nil {
			return nil, err
		}
		if err := readLines(filepath.Join(dir, name+".exc"), func(line string) {
			f := strings.Fields(line)
			if len(f) >= 2 && !strings.Contains(f[0], "_") {
				l.exc[p][f[0]] = append(l.exc[p][f[0]], f[1:]...)
			}
		}); err != nil {
			return nil, err
		}
	}
	if len(l.lemmas[Noun]) == 0 {
		return nil, fmt.Errorf("lexicon: no nouns in %s: not a WordNet dict directory", dir)
	}
	// Synset lines of data.noun spell lemmas in their usual case:
	// "08641944 15 n 02 Mexico 0 United_Mexican_States 0 ...".
	lower := map[string]bool{}
	if err := readLines(filepath.Join(dir, "data.noun"), func(line string) {
		f := strings.Fields(line)
		if len(f) < 5 || strings.HasPrefix(line, " ") {
			return
		}
		var n int
		if _, err := fmt.Sscanf(f[3], "%x", &n); err != nil {
			return
		}
		for k := 0; k < n && 4+2*k < len(f); k++ {
			w := f[4+2*k]
			if strings.Contains(w, "_") {
				continue
			}
			lw := strings.ToLower(w)
			if lw == w {
				lower[lw] = true
			} else {
				l.proper[lw] = true
			}
		}
	}); err != nil && !os.IsNotExist(errors.Unwrap(err)) {
		return nil, err
	}
	for w := range lower {
		delete(l.proper, w)
	}
	return l, nil
}

func readLines(path string, fn func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		fn(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lexicon: %s: %w", path, err)
	}
	return nil
}

// Words is the number of lemmas over all parts of speech.
func (l *Lexicon) Words() int {
	n := 0
	for _, m := range l.lemmas {
		n += len(m)
	}
	return n
}

type rule struct{ suffix, repl string }

// WordNet's detachment rules ("morphy").
var rules = [4][]rule{
	Noun: {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	Verb: {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	Adj:  {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
}

// Bases returns the base forms of a lower-cased word for a part of speech:
// the word itself when it is a lemma, then exceptions, then forms found by
// WordNet's detachment rules and doubled-consonant undoubling.
func (l *Lexicon) Bases(word string, p POS) []string {
	var out []string
	add := func(b string) {
		for _, o := range out {
			if o == b {
				return
			}
		}
		out = append(out, b)
	}
	if l.lemmas[p][word] {
		add(word)
	}
	for _, b := range l.exc[p][word] {
		add(b)
	}
	for _, r := range rules[p] {
		if stem, ok := strings.CutSuffix(word, r.suffix); ok && len(stem) >= 2 {
			if l.lemmas[p][stem+r.repl] {
				add(stem + r.repl)
			}
			// "stopped" -> "stop", "bigger" -> "big"
			if r.repl == "" && len(stem) >= 3 && stem[len(stem)-1] == stem[len(stem)-2] && l.lemmas[p][stem[:len(stem)-1]] {
				add(stem[:len(stem)-1])
			}
		}
	}
	return out
}

// Class returns the class bits of a lower-cased word form. It runs three
// times a word in the pipeline (tagger, parser, entity labeller), so the
// answer is remembered, each map is asked once, and nothing is allocated
// but the remembered copy. It is safe for concurrent use.
func (l *Lexicon) Class(word string) uint16 {
	if c, ok := l.classes.Load(word); ok {
		return c.(uint16)
	}
	c := l.class(word)
	if l.remembered.Load() < maxRemembered {
		if _, dup := l.classes.LoadOrStore(strings.Clone(word), c); !dup {
			l.remembered.Add(1)
		}
	}
	return c
}

func (l *Lexicon) class(word string) uint16 {
	var c uint16
	if l.lemmas[Noun][word] {
		c |= NounBase
	} else if word != "" && l.inflected(word, Noun) {
		c |= NounPlural
	}
	if l.lemmas[Verb][word] {
		c |= VerbBase
	} else if l.inflected(word, Verb) {
		switch {
		case strings.HasSuffix(word, "ing"):
			c |= VerbGer
		case strings.HasSuffix(word, "s"):
			c |= Verb3rd
		default:
			c |= VerbPast
		}
	}
	if l.lemmas[Adj][word] {
		c |= AdjBase
	} else if l.inflected(word, Adj) {
		c |= AdjComp
	}
	if l.lemmas[Adv][word] {
		c |= AdvBase
	}
	if l.proper[word] {
		c |= Proper
	}
	return c
}

// inflected reports whether Bases finds a base form for a word that is
// not itself a lemma of p, without building the list.
func (l *Lexicon) inflected(word string, p POS) bool {
	if len(l.exc[p][word]) > 0 {
		return true
	}
	for _, r := range rules[p] {
		if stem, ok := strings.CutSuffix(word, r.suffix); ok && len(stem) >= 2 {
			if l.lemmas[p][stem+r.repl] {
				return true
			}
			if r.repl == "" && len(stem) >= 3 && stem[len(stem)-1] == stem[len(stem)-2] && l.lemmas[p][stem[:len(stem)-1]] {
				return true
			}
		}
	}
	return false
}

const magic = "NGLEX2\n"

// WriteTo writes the lexicon in a deterministic order.
func (l *Lexicon) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	bw.WriteString(magic)
	for p := range l.lemmas {
		words := make([]string, 0, len(l.lemmas[p]))
		for w := range l.lemmas[p] {
			words = append(words, w)
		}
		sort.Strings(words)
		fmt.Fprintf(bw, "%s %d\n", posFiles[p], len(words))
		for _, w := range words {
			bw.WriteString(w + "\n")
		}
		forms := make([]string, 0, len(l.exc[p]))
		for f := range l.exc[p] {
			forms = append(forms, f)
		}
		sort.Strings(forms)
		fmt.Fprintf(bw, "exc %d\n", len(forms))
		for _, f := range forms {
			bw.WriteString(f + " " + strings.Join(l.exc[p][f], " ") + "\n")
		}
	}
	proper := make([]string, 0, len(l.proper))
	for w := range l.proper {
		proper = append(proper, w)
	}
	sort.Strings(proper)
	fmt.Fprintf(bw, "proper %d\n", len(proper))
	for _, w := range proper {
		bw.WriteString(w + "\n")
	}
	return 0, bw.Flush()
}

// Read reads a lexicon written by WriteTo.
func Read(r io.Reader) (*Lexicon, error) {
	sc := bufio.NewScanner(r)
	if !sc.Scan() || sc.Text()+"\n" != magic {
		return nil, fmt.Errorf("lexicon: not a lexicon file")
	}
	l := Empty()
	section := func(want string) (int, error) {
		if !sc.Scan() {
			return 0, fmt.Errorf("lexicon: truncated before %s", want)
		}
		var name string
		var n int
		if _, err := fmt.Sscanf(sc.Text(), "%s %d", &name, &n); err != nil || name != want {
			return 0, fmt.Errorf("lexicon: bad section header %q", sc.Text())
		}
		return n, nil
	}
	for p := range l.lemmas {
		n, err := section(posFiles[p])
		if err != nil {
			return nil, err
		}
		for i := 0; i < n && sc.Scan(); i++ {
			l.lemmas[p][sc.Text()] = true
		}
		n, err = section("exc")
		if err != nil {
			return nil, err
		}
		for i := 0; i < n && sc.Scan(); i++ {
			f := strings.Fields(sc.Text())
			if len(f) >= 2 {
				l.exc[p][f[0]] = f[1:]
			}
		}
	}
	n, err := section("proper")
	if err != nil {
		return nil, err
	}
	for i := 0; i < n && sc.Scan(); i++ {
		l.proper[sc.Text()] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	return l, nil
}

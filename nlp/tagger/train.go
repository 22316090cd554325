package tagger

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/nlp/conllu"
	"github.com/newsgraph/newsgraph/nlp/internal/lexicon"
	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
)

// Options control training.
type Options struct {
	Epochs int       // passes over the training data; the best on dev is kept
	Seed   int64     // shuffling seed; training is deterministic for a seed
	Prune  float32   // averaged weights below this magnitude are dropped
	Dict   int       // words seen this often are held to the tags they had in training; 0 for none
	Log    io.Writer // progress, one line per epoch; nil for none
}

// Train learns a tagger from treebank sentences, choosing the epoch by
// accuracy on dev.
func Train(train, dev []conllu.Sentence, lex *lexicon.Lexicon, opt Options) (*Tagger, error) {
	if len(train) == 0 {
		return nil, errors.New("tagger: no training sentences")
	}
	if lex == nil {
		lex = lexicon.Empty()
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 12
	}
	set := map[Tag]bool{}
	for _, s := range train {
		for _, w := range s.Words {
			set[Tag{w.UPOS, w.XPOS}] = true
		}
	}
	if len(set) > 128 {
		return nil, fmt.Errorf("tagger: %d tags, at most 128 supported", len(set))
	}
	tags := make([]Tag, 0, len(set))
	for t := range set {
		tags = append(tags, t)
	}
	sort.Slice(tags, func(i, j int) bool {
		if tags[i].UPOS != tags[j].UPOS {
			return tags[i].UPOS < tags[j].UPOS
		}
		return tags[i].XPOS < tags[j].XPOS
	})
	index := map[Tag]int{}
	for i, t := range tags {
		index[t] = i
	}
	dict := tagDict(train, index, opt.Dict)
	exs := make([]example, len(train))
	for i, s := range train {
		ex := example{ws: make([]word, len(s.Words)), gold: make([]int, len(s.Words))}
		for j, w := range s.Words {
			ex.ws[j] = describe(lex, dict, w.Form, j == 0)
			ex.gold[j] = index[Tag{w.UPOS, w.XPOS}]
		}
		exs[i] = ex
	}
	t1 := perceptron.NewTrainer(len(tags))
	t2 := perceptron.NewTrainer(len(tags))
	rng := rand.New(rand.NewSource(opt.Seed))
	order := rng.Perm(len(exs))
	st := &state{scores: make([]float32, len(tags))}
	var best *Tagger
	bestAcc := -1.0
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, k := range order {
			ex := exs[k]
			st.first = trainPass(t1, ex, st, st.first[:0], nil)
			st.second = trainPass(t2, ex, st, st.second[:0], st.first)
			for i, p := range st.second {
				if p == ex.gold[i] {
					right++
				}
			}
			total += len(ex.gold)
		}
		tg := &Tagger{tags: tags, pass1: t1.Average(opt.Prune), pass2: t2.Average(opt.Prune), lex: lex, dict: dict}
		acc := 1.0
		if len(dev) > 0 {
			acc = Evaluate(tg, dev).UPOS
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "tagger epoch %d: train %.2f%%, dev UPOS %.2f%%, features %d+%d\n", epoch,
				100*float64(right)/float64(total), 100*acc, tg.pass1.Features(), tg.pass2.Features())
		}
		if acc > bestAcc || len(dev) == 0 {
			best, bestAcc = tg, acc
		}
	}
	return best, nil
}

// example is a training sentence: its words and gold tag classes.
type example struct {
	ws   []word
	gold []int
}

// trainPass tags ex left to right with tr, updating it towards the gold
// tags, and returns the tags chosen (appended to out). right is the first
// pass's tags in the second pass, nil in the first.
func trainPass(tr *perceptron.Trainer, ex example, st *state, out []int, right []int) []int {
	for i := range ex.ws {
		st.feats = features(st.feats[:0], ex.ws, i, out, right)
		clear(st.scores)
		tr.Scores(st.feats, st.scores)
		p := argmax(st.scores, ex.ws[i].allowed)
		tr.Tick()
		tr.Update(st.feats, ex.gold[i], p)
		out = append(out, p)
	}
	return out
}

// tagDict maps the lower-cased words seen at least min times in training
// to the set of tags they had.
func tagDict(train []conllu.Sentence, index map[Tag]int, min int) map[string]tagSet {
	dict := map[string]tagSet{}
	if min <= 0 {
		return dict
	}
	count := map[string]int{}
	sets := map[string]tagSet{}
	for _, s := range train {
		for _, w := range s.Words {
			l := strings.ToLower(w.Form)
			count[l]++
			c := index[Tag{w.UPOS, w.XPOS}]
			set := sets[l]
			set[c>>6] |= 1 << uint(c&63)
			sets[l] = set
		}
	}
	for w, n := range count {
		if n >= min {
			dict[w] = sets[w]
		}
	}
	return dict
}

// Accuracy is a tagger's score on a treebank (fractions, not percentages).
type Accuracy struct {
	UPOS, XPOS, Both float64
	Words            int
}

// Evaluate tags the gold words of sents and compares.
func Evaluate(t *Tagger, sents []conllu.Sentence) Accuracy {
	var a Accuracy
	var up, xp, both int
	forms := []string{}
	for _, s := range sents {
		forms = forms[:0]
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
		got := t.Tag(forms)
		for i, w := range s.Words {
			u, x := got[i].UPOS == w.UPOS, got[i].XPOS == w.XPOS
			if u {
				up++
			}
			if x {
				xp++
			}
			if u && x {
				both++
			}
		}
		a.Words += len(s.Words)
	}
	if a.Words > 0 {
		n := float64(a.Words)
		a.UPOS, a.XPOS, a.Both = float64(up)/n, float64(xp)/n, float64(both)/n
	}
	return a
}

const magic = "NGTAG2\n"

// WriteTo writes the tagger's tag set and both models (not the lexicon,
// which the model bundle stores once for all stages).
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	bw.WriteString(magic)
	fmt.Fprintf(bw, "%d\n", len(t.tags))
	for _, tg := range t.tags {
		fmt.Fprintf(bw, "%s %s\n", tg.UPOS, tg.XPOS)
	}
	words := make([]string, 0, len(t.dict))
	for w := range t.dict {
		words = append(words, w)
	}
	sort.Strings(words)
	fmt.Fprintf(bw, "%d\n", len(words))
	for _, w := range words {
		set := t.dict[w]
		fmt.Fprintf(bw, "%s\t%x\t%x\n", w, set[0], set[1])
	}
	if _, err := t.pass1.WriteTo(bw); err != nil {
		return 0, err
	}
	if _, err := t.pass2.WriteTo(bw); err != nil {
		return 0, err
	}
	return 0, bw.Flush()
}

// Read reads a tagger written by WriteTo; lex is the bundle's lexicon.
func Read(r io.Reader, lex *lexicon.Lexicon) (*Tagger, error) {
	br := perceptron.NewReader(r)
	line, err := br.ReadString('\n')
	if err != nil || line != magic {
		return nil, errors.New("tagger: not a tagger model")
	}
	var n int
	if _, err := fmt.Fscanf(br, "%d\n", &n); err != nil || n <= 0 || n > 1000 {
		return nil, errors.New("tagger: bad tag count")
	}
	t := &Tagger{lex: lex}
	for i := 0; i < n; i++ {
		line, err := br.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("tagger: tag %d: %w", i, err)
		}
		u, x, ok := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		if !ok {
			return nil, fmt.Errorf("tagger: bad tag line %q", line)
		}
		t.tags = append(t.tags, Tag{u, x})
	}
	var nd int
	if _, err := fmt.Fscanf(br, "%d\n", &nd); err != nil || nd < 0 {
		return nil, errors.New("tagger: bad dictionary size")
	}
	t.dict = make(map[string]tagSet, nd)
	for i := 0; i < nd; i++ {
		line, err := br.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("tagger: dictionary entry %d: %w", i, err)
		}
		f := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("tagger: bad dictionary entry %q", line)
		}
		a, err1 := strconv.ParseUint(f[1], 16, 64)
		b, err2 := strconv.ParseUint(f[2], 16, 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("tagger: bad dictionary entry %q", line)
		}
		t.dict[f[0]] = tagSet{a, b}
	}
	if t.pass1, err = perceptron.Read(br); err != nil {
		return nil, fmt.Errorf("tagger: pass 1: %w", err)
	}
	if t.pass2, err = perceptron.Read(br); err != nil {
		return nil, fmt.Errorf("tagger: pass 2: %w", err)
	}
	if t.pass1.Classes() != n || t.pass2.Classes() != n {
		return nil, errors.New("tagger: model classes do not match the tag set")
	}
	if t.lex == nil {
		t.lex = lexicon.Empty()
	}
	return t, nil
}

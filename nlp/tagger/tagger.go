// Package tagger is newsgraph's part-of-speech tagger: an averaged
// perceptron that predicts, for each word, a joint Universal POS tag and
// Penn Treebank tag, trained on UD English EWT.
//
// Decoding is greedy in two passes: the first pass tags left to right with
// the tags already chosen on the left; the second pass re-tags every word
// with the first pass's tags on both sides. Words the treebank never showed
// are tagged from their shape, affixes and the WordNet-derived lexicon.
package tagger

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/nlp/internal/lexicon"
	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
)

// Tag is a joint UPOS/XPOS tag.
type Tag struct{ UPOS, XPOS string }

// Tagger tags sentences. It is safe for concurrent use.
type Tagger struct {
	tags  []Tag
	pass1 *perceptron.Model
	pass2 *perceptron.Model
	lex   *lexicon.Lexicon
	dict  map[string]tagSet // frequent training words -> the tags they had
}

// tagSet is a set of tag classes (at most 128).
type tagSet [2]uint64

func (t tagSet) has(c int) bool { return t[c>>6]&(1<<uint(c&63)) != 0 }

// Tags is the tag set, indexed by class.
func (t *Tagger) Tags() []Tag { return t.tags }

// word is what the features need to know about a word, computed once.
type word struct {
	form, lower, norm uint64
	pre               [3]uint64
	suf               [4]uint64
	shape             uint64
	class             uint64
	flags             uint64
	allowed           *tagSet // tags the word may have, nil for any
	only              int     // the one tag allowed, or -1
}

const (
	fCap = 1 << iota
	fUpper
	fDigit
	fHyphen
	fFirst
	fPunct
)

func describe(lex *lexicon.Lexicon, dict map[string]tagSet, s string, first bool) word {
	lower := strings.ToLower(s)
	var w word
	w.form = perceptron.Str(s)
	w.lower = perceptron.Str(lower)
	norm := lower
	var flags uint64
	if first {
		flags |= fFirst
	}
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsUpper(r) {
		flags |= fCap
	}
	if s == strings.ToUpper(s) && s != lower {
		flags |= fUpper
	}
	if strings.ContainsAny(s, "0123456789") {
		flags |= fDigit
		norm = digitShape(lower)
	}
	if strings.Contains(s, "-") {
		flags |= fHyphen
	}
	if unicode.IsPunct(r) || unicode.IsSymbol(r) {
		flags |= fPunct
	}
	w.norm = perceptron.Str(norm)
	w.flags = flags
	affixes(&w, lower)
	w.shape = shapeHash(s)
	w.only = -1
	if set, ok := dict[lower]; ok {
		w.allowed = &set
		if bits.OnesCount64(set[0])+bits.OnesCount64(set[1]) == 1 {
			w.only = bits.TrailingZeros64(set[0])
			if set[0] == 0 {
				w.only = 64 + bits.TrailingZeros64(set[1])
			}
		}
	}
	if lex != nil {
		w.class = uint64(lex.Class(lower)) + 1
	}
	return w
}

// digitShape replaces digits by 0 so that numbers of one form share
// weights: "1,200" and "3,450" are both "0,000".
func digitShape(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= '0' && c <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}

// affixes sets the hashes of a word's first three and last four
// prefixes and suffixes (by letters, not bytes). They are hashed where
// they lie in the word, without building strings; a word that is not
// valid UTF-8 is first converted as []rune converts it, each bad byte a
// U+FFFD, so that its hashes stay those of the converted text.
func affixes(w *word, lower string) {
	if !utf8.ValidString(lower) {
		lower = string([]rune(lower))
	}
	for k, i := 0, 0; k < 3 && i < len(lower); k++ {
		_, size := utf8.DecodeRuneInString(lower[i:])
		i += size
		w.pre[k] = perceptron.Str(lower[:i])
	}
	for k, i := 0, len(lower); k < 4 && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(lower[:i])
		i -= size
		w.suf[k] = perceptron.Str(lower[i:])
	}
}

// shapeHash is the hash of the word's shape (see appendShape), built in a
// buffer on the stack.
func shapeHash(s string) uint64 {
	var buf [64]byte
	return perceptron.StrBytes(appendShape(buf[:0], s))
}

// appendShape appends the shape of s: characters mapped to X, x, d or
// themselves, runs collapsed, at most nine: "McCain" -> "XxXx", "U.S." ->
// "X.X.", "1990s" -> "dx".
func appendShape(b []byte, s string) []byte {
	var last rune
	n := 0
	for _, r := range s {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last && (c == 'X' || c == 'x' || c == 'd') {
			continue
		}
		last = c
		b = utf8.AppendRune(b, c)
		n++
		if n > 8 {
			break
		}
	}
	return b
}

// Feature templates.
const (
	tBias = iota + 1
	tForm
	tLower
	tNorm
	tPre
	tSuf = tPre + 3
	tShape
	tClass = tSuf + 4
	tFlags
	tPrevNorm
	tPrev2Norm
	tNextNorm
	tNext2Norm
	tPrevSuf
	tNextSuf
	tPrevTag
	tPrev2Tag
	tPrevTags
	tPrevTagNorm
	tNextClass
	tPrevClass
	tNextTag
	tNext2Tag
	tNextTags
	tAroundTags
	tNextTagNorm
	tShapeClass
	tSufClass
	tNextShape
	tPrevNormNorm
	tNormNextNorm
	tPrevTagSuf
	tNext2Suf
	tPrevSufNorm
	tFormFirst
)

const none = 0x5bd1e995 // hash of an absent neighbour

func nb(ws []word, i int) *word {
	if i < 0 || i >= len(ws) {
		return nil
	}
	return &ws[i]
}

// features appends the features of word i. left holds the tags chosen for
// the words before i (len >= i); right, in the second pass, the first
// pass's tags for all words.
func features(dst []uint64, ws []word, i int, left []int, right []int) []uint64 {
	w := &ws[i]
	f := perceptron.F1
	dst = append(dst, f(tBias, 1), f(tForm, w.form), f(tLower, w.lower), f(tNorm, w.norm), f(tShape, w.shape),
		f(tClass, w.class), f(tFlags, w.flags), perceptron.F2(tShapeClass, w.shape, w.class),
		perceptron.F2(tSufClass, w.suf[2], w.class))
	for k := 0; k < 3; k++ {
		dst = append(dst, f(tPre+uint64(k), w.pre[k]))
	}
	for k := 0; k < 4; k++ {
		dst = append(dst, f(tSuf+uint64(k), w.suf[k]))
	}
	get := func(i int, fn func(*word) uint64) uint64 {
		if x := nb(ws, i); x != nil {
			return fn(x)
		}
		return none
	}
	norm := func(x *word) uint64 { return x.norm }
	suf3 := func(x *word) uint64 { return x.suf[2] }
	class := func(x *word) uint64 { return x.class }
	dst = append(dst, f(tPrevNorm, get(i-1, norm)), f(tPrev2Norm, get(i-2, norm)), f(tNextNorm, get(i+1, norm)),
		f(tNext2Norm, get(i+2, norm)), f(tPrevSuf, get(i-1, suf3)), f(tNextSuf, get(i+1, suf3)),
		f(tNextClass, get(i+1, class)), f(tPrevClass, get(i-1, class)),
		f(tNextShape, get(i+1, func(x *word) uint64 { return x.shape })),
		perceptron.F2(tPrevNormNorm, get(i-1, norm), w.norm), perceptron.F2(tNormNextNorm, w.norm, get(i+1, norm)),
		f(tNext2Suf, get(i+2, suf3)), perceptron.F2(tFormFirst, w.form, w.flags&fFirst))
	tag := func(tags []int, j int) uint64 {
		if j < 0 || j >= len(ws) || tags == nil {
			return none
		}
		return uint64(tags[j]) + 1
	}
	p1, p2 := tag(left, i-1), tag(left, i-2)
	dst = append(dst, f(tPrevTag, p1), f(tPrev2Tag, p2), perceptron.F2(tPrevTags, p1, p2), perceptron.F2(tPrevTagNorm, p1, w.norm),
		perceptron.F2(tPrevTagSuf, p1, w.suf[2]))
	if right != nil {
		n1, n2 := tag(right, i+1), tag(right, i+2)
		dst = append(dst, f(tNextTag, n1), f(tNext2Tag, n2), perceptron.F2(tNextTags, n1, n2),
			perceptron.F2(tAroundTags, p1, n1), perceptron.F2(tNextTagNorm, n1, w.norm))
	}
	return dst
}

// argmax is the best class among those allowed (all when allowed is nil).
func argmax(scores []float32, allowed *tagSet) int {
	best := -1
	for c, s := range scores {
		if (best < 0 || s > scores[best]) && (allowed == nil || allowed.has(c)) {
			best = c
		}
	}
	if best < 0 {
		return 0
	}
	return best
}

// scorer is the part of a model that decoding needs; both the trainer and
// the averaged model satisfy it.
type scorer interface {
	Scores(feats []uint64, scores []float32)
}

type state struct {
	feats  []uint64
	scores []float32
	first  []int
	second []int
	alt    []int     // pass 2's runner-up class, -1 if none
	margin []float32 // pass 2's score margin of the best class over the runner-up
}

func decode(m1, m2 scorer, ws []word, st *state) []int {
	st.first = st.first[:0]
	for i := range ws {
		if ws[i].only >= 0 && ws[i].only < len(st.scores) {
			// argmax can choose nothing else: no need for scores
			st.first = append(st.first, ws[i].only)
			continue
		}
		st.feats = features(st.feats[:0], ws, i, st.first, nil)
		clear(st.scores)
		m1.Scores(st.feats, st.scores)
		st.first = append(st.first, argmax(st.scores, ws[i].allowed))
	}
	st.second, st.alt, st.margin = st.second[:0], st.alt[:0], st.margin[:0]
	for i := range ws {
		if ws[i].only >= 0 && ws[i].only < len(st.scores) {
			// no runner-up among the allowed tags: the margin is as wide
			// as when the scores are computed
			st.second = append(st.second, ws[i].only)
			st.alt = append(st.alt, -1)
			st.margin = append(st.margin, 1e9)
			continue
		}
		st.feats = features(st.feats[:0], ws, i, st.second, st.first)
		clear(st.scores)
		m2.Scores(st.feats, st.scores)
		best := argmax(st.scores, ws[i].allowed)
		alt := -1
		for c, sc := range st.scores {
			if c != best && (alt < 0 || sc > st.scores[alt]) && (ws[i].allowed == nil || ws[i].allowed.has(c)) {
				alt = c
			}
		}
		margin := float32(1e9)
		if alt >= 0 {
			margin = st.scores[best] - st.scores[alt]
		}
		st.second = append(st.second, best)
		st.alt = append(st.alt, alt)
		st.margin = append(st.margin, margin)
	}
	return st.second
}

// Tag returns the tag of each word.
func (t *Tagger) Tag(words []string) []Tag {
	tags, _, _ := t.TagAlt(words)
	return tags
}

// TagAlt returns the tag of each word, the runner-up tag (the zero Tag
// when there is none), and by how much the tag outscored the runner-up.
func (t *Tagger) TagAlt(words []string) (tags, alt []Tag, margins []float32) {
	ws := make([]word, len(words))
	for i, s := range words {
		ws[i] = describe(t.lex, t.dict, s, i == 0)
	}
	st := &state{scores: make([]float32, len(t.tags))}
	classes := decode(t.pass1, t.pass2, ws, st)
	tags, alt = make([]Tag, len(words)), make([]Tag, len(words))
	for i, c := range classes {
		tags[i] = t.tags[c]
		if st.alt[i] >= 0 {
			alt[i] = t.tags[st.alt[i]]
		}
	}
	return tags, alt, append([]float32(nil), st.margin...)
}

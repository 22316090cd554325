package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/nlp/internal/lexicon"
	"github.com/newsgraph/newsgraph/nlp/internal/perceptron"
)

// Token is one token of a sentence as the labeller sees it.
type Token struct {
	Text       string // as package token made it, typographic quotes made ASCII
	UPOS, XPOS string // from newsgraph's tagger
	// Attached is true when no space separates the token from the one
	// before: "Jong" "-" "un" are one written word.
	Attached bool
}

// word is what the features need to know about a token, computed once.
type word struct {
	form, lower, shape, short uint64
	pre, suf                  [4]uint64
	upos, xpos                uint64
	flags                     uint64
	class                     uint64 // lexicon class bits
	cue                       uint64 // title, organization or place word
	comp, compShape, compPos  uint64 // the hyphen-joined written word the token is part of
	gaz                       []uint64
	doc                       uint64   // labels of the same form elsewhere in the document
	ctx                       []uint64 // neighbours of the same form elsewhere in the document (docContexts)
}

const (
	fCap = 1 << iota
	fUpper
	fDigit
	fFirst
	fPunct
	fAttPrev
	fAttNext
	fAlpha
)

// Cue words.
const (
	cueTitle = 1 + iota
	cueOrg
	cuePlace
	cueDate
)

// Sentence case modes: newsgraph reads news, but web text is often all
// lower case and headlines are title case.
const (
	caseNormal = 1 + iota
	caseLower
	caseTitle
)

// caseMode says how the sentence uses capitals.
func caseMode(toks []Token) uint64 {
	alpha, caps := 0, 0
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsLetter(r) {
			continue
		}
		alpha++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	switch {
	case alpha >= 3 && caps == 0 || alpha >= 6 && caps <= 1 && !isCap(toks[0].Text):
		return caseLower
	case alpha >= 4 && 10*caps >= 7*alpha:
		return caseTitle
	}
	return caseNormal
}

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// shape maps characters to X, x, d or themselves; long runs are cut to
// two: "McCain" -> "XxXxx", "al-Qaeda" -> "xx-Xxx".
func shape(s string, runs int) string {
	var b strings.Builder
	var last rune
	n, k := 0, 0
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
		if c == last {
			k++
			if k >= runs {
				continue
			}
		} else {
			k = 0
		}
		last = c
		b.WriteRune(c)
		if n++; n > 12 {
			break
		}
	}
	return b.String()
}

func cueOf(lower string) uint64 {
	switch {
	case gazetteer.IsTitle(lower):
		return cueTitle
	case gazetteer.IsOrgHead(lower):
		return cueOrg
	case gazetteer.IsPlaceHead(lower):
		return cuePlace
	case gazetteer.IsDateWord(lower):
		return cueDate
	}
	return 0
}

// resources are what describe looks words up in; any may be nil.
type resources struct {
	lex *lexicon.Lexicon
	gaz *Gazetteer
}

// describe computes the words of a sentence.
func describe(toks []Token, res resources) []word {
	lex, gaz := res.lex, res.gaz
	ws := make([]word, len(toks))
	lowers := make([]uint64, len(toks))
	for i, t := range toks {
		w := &ws[i]
		lower := strings.ToLower(t.Text)
		w.form = perceptron.Str(t.Text)
		w.lower = perceptron.Str(lower)
		lowers[i] = w.lower
		w.shape = perceptron.Str(shape(t.Text, 2))
		w.short = perceptron.Str(shape(t.Text, 1))
		if isASCII(lower) {
			for k := 1; k <= 4 && k <= len(lower); k++ {
				w.pre[k-1] = perceptron.Str(lower[:k])
				w.suf[k-1] = perceptron.Str(lower[len(lower)-k:])
			}
		} else {
			runes := []rune(lower)
			for k := 1; k <= 4 && k <= len(runes); k++ {
				w.pre[k-1] = perceptron.Str(string(runes[:k]))
				w.suf[k-1] = perceptron.Str(string(runes[len(runes)-k:]))
			}
		}
		w.upos, w.xpos = perceptron.Str(t.UPOS), perceptron.Str(t.XPOS)
		r, _ := utf8.DecodeRuneInString(t.Text)
		var f uint64
		if unicode.IsUpper(r) {
			f |= fCap
		}
		if unicode.IsLetter(r) {
			f |= fAlpha
		}
		if utf8.RuneCountInString(t.Text) > 1 && t.Text == strings.ToUpper(t.Text) && t.Text != lower {
			f |= fUpper
		}
		if strings.ContainsAny(t.Text, "0123456789") {
			f |= fDigit
		}
		if i == 0 {
			f |= fFirst
		}
		if unicode.IsPunct(r) || unicode.IsSymbol(r) {
			f |= fPunct
		}
		if t.Attached && i > 0 {
			f |= fAttPrev
			ws[i-1].flags |= fAttNext
		}
		w.flags |= f
		if lex != nil {
			w.class = uint64(lex.Class(lower)) + 1
		}
		w.cue = cueOf(lower)
	}
	// Written words joined by hyphens or apostrophes: "Kim Jong-un" has the
	// written word "Jong-un" of shape "Xx-x" over three tokens.
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && toks[j].Attached && (isJoiner(toks[j].Text) || isJoiner(toks[j-1].Text)) && !isJoiner(toks[j-1].Text+toks[j].Text) {
			j++
		}
		if j-i > 1 {
			var text strings.Builder
			for k := i; k < j; k++ {
				text.WriteString(toks[k].Text)
			}
			s := text.String()
			comp, cs := perceptron.Str(strings.ToLower(s)), perceptron.Str(shape(s, 1))
			for k := i; k < j; k++ {
				pos := uint64(2)
				if k == i {
					pos = 1
				} else if k == j-1 {
					pos = 3
				}
				ws[k].comp, ws[k].compShape, ws[k].compPos = comp, cs, pos
			}
		}
		i = j
	}
	if gaz != nil {
		for i := range ws {
			gaz.match(lowers, i, func(n int, kinds uint16) {
				for b := 0; b < nKinds; b++ {
					if kinds&(1<<b) == 0 {
						continue
					}
					for k := i; k < i+n; k++ {
						pos := uint64(pI)
						switch {
						case n == 1:
							pos = pU
						case k == i:
							pos = pB
						case k == i+n-1:
							pos = pL
						}
						ws[k].gaz = append(ws[k].gaz, uint64(b)<<3|pos)
					}
				}
			})
		}
	}
	return ws
}

func isJoiner(s string) bool { return s == "-" || s == "'" || s == "--" }

// Feature templates.
const (
	xBias = iota + 1
	xForm
	xLower
	xShape
	xShort
	xPre  = 20 // + k for the prefix of k+1 letters
	xSuf  = 30 // + k
	xUPOS = iota + 100
	xXPOS
	xFlags
	xFlagsCase
	xShapeCase
	xLowerCase
	xXPOSShape
	xClass
	xClassCap
	xCue
	xComp
	xCompShape
	xCompShapeCap
	xGaz
	xGazCap
	xGazCase
	xPrevLower
	xNextLower
	xPrev2Lower
	xNext2Lower
	xPrevShape
	xNextShape
	xPrevXPOS
	xNextXPOS
	xPrev2XPOS
	xNext2XPOS
	xPrevUPOSUPOS
	xUPOSNextUPOS
	xPrevLowerLower
	xLowerNextLower
	xShortTri
	xPrevCue
	xNextCue
	xNext2Cue
	xPrevGaz
	xNextGaz
	xPrevFlags
	xNextFlags
	xCompPrevShort
	xDoc
	xDocCap
	xFormFirst
	xCtx
	xCtxCap
)

const none = 0x5bd1e995 // an absent neighbour

// features appends the observation features of word i.
func features(dst []uint64, ws []word, i int, mode uint64) []uint64 {
	w := &ws[i]
	f1, f2, f3 := perceptron.F1, perceptron.F2, perceptron.F3
	cap := w.flags & (fCap | fUpper)
	dst = append(dst, f1(xBias, 1), f1(xForm, w.form), f1(xLower, w.lower), f1(xShape, w.shape), f1(xShort, w.short),
		f1(xUPOS, w.upos), f1(xXPOS, w.xpos), f1(xFlags, w.flags), f2(xFlagsCase, w.flags, mode),
		f2(xShapeCase, w.shape, mode), f2(xLowerCase, w.lower, mode), f2(xXPOSShape, w.xpos, w.short),
		f1(xClass, w.class), f2(xClassCap, w.class, cap), f2(xFormFirst, w.form, w.flags&fFirst))
	for k := 0; k < 4; k++ {
		if w.pre[k] != 0 {
			dst = append(dst, f1(xPre+uint64(k), w.pre[k]), f1(xSuf+uint64(k), w.suf[k]))
		}
	}
	if w.cue != 0 {
		dst = append(dst, f2(xCue, w.cue, cap))
	}
	if w.comp != 0 {
		dst = append(dst, f2(xComp, w.comp, w.compPos), f2(xCompShape, w.compShape, w.compPos),
			f3(xCompShapeCap, w.compShape, w.compPos, mode))
		if i > 0 && ws[i-1].comp != w.comp {
			dst = append(dst, f2(xCompPrevShort, w.compShape, ws[i-1].short))
		}
	}
	for _, g := range w.gaz {
		dst = append(dst, f1(xGaz, g), f2(xGazCap, g, cap), f2(xGazCase, g, mode))
	}
	get := func(j int) *word {
		if j < 0 || j >= len(ws) {
			return nil
		}
		return &ws[j]
	}
	val := func(j int, fn func(*word) uint64) uint64 {
		if x := get(j); x != nil {
			return fn(x)
		}
		return none
	}
	lower := func(x *word) uint64 { return x.lower }
	xpos := func(x *word) uint64 { return x.xpos }
	upos := func(x *word) uint64 { return x.upos }
	short := func(x *word) uint64 { return x.short }
	cue := func(x *word) uint64 { return x.cue }
	flags := func(x *word) uint64 { return x.flags }
	dst = append(dst, f1(xPrevLower, val(i-1, lower)), f1(xNextLower, val(i+1, lower)),
		f1(xPrev2Lower, val(i-2, lower)), f1(xNext2Lower, val(i+2, lower)),
		f1(xPrevShape, val(i-1, short)), f1(xNextShape, val(i+1, short)),
		f1(xPrevXPOS, val(i-1, xpos)), f1(xNextXPOS, val(i+1, xpos)),
		f1(xPrev2XPOS, val(i-2, xpos)), f1(xNext2XPOS, val(i+2, xpos)),
		f2(xPrevUPOSUPOS, val(i-1, upos), w.upos), f2(xUPOSNextUPOS, w.upos, val(i+1, upos)),
		f2(xPrevLowerLower, val(i-1, lower), w.lower), f2(xLowerNextLower, w.lower, val(i+1, lower)),
		f3(xShortTri, val(i-1, short), w.short, val(i+1, short)),
		f2(xPrevCue, val(i-1, cue), cap), f2(xNextCue, val(i+1, cue), cap), f1(xNext2Cue, val(i+2, cue)),
		f2(xPrevFlags, val(i-1, flags), cap), f2(xNextFlags, val(i+1, flags), cap))
	if p := get(i - 1); p != nil {
		for _, g := range p.gaz {
			dst = append(dst, f2(xPrevGaz, g, cap))
		}
	}
	if n := get(i + 1); n != nil {
		for _, g := range n.gaz {
			dst = append(dst, f2(xNextGaz, g, cap))
		}
	}
	if w.doc != 0 {
		dst = append(dst, f1(xDoc, w.doc), f2(xDocCap, w.doc, cap))
	}
	for _, c := range w.ctx {
		dst = append(dst, f1(xCtx, c))
	}
	return dst
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

package eval

import (
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/nlp/conllu"
	"github.com/newsgraph/newsgraph/nlp/token"
)

// TokenScores compares the tokenizer with a treebank's words.
type TokenScores struct {
	Gold, Predicted, Matched        int
	SentGold, SentPred, SentMatched int
}

func f1(gold, pred, match int) (p, r, f float64) {
	if pred > 0 {
		p = float64(match) / float64(pred)
	}
	if gold > 0 {
		r = float64(match) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return 100 * p, 100 * r, 100 * f
}

// EvalTokenize runs the tokenizer on each sentence's "# text" and compares
// its tokens with the treebank's words by character span (token F1), then
// runs the sentence splitter on each document's sentences joined by spaces
// and compares the sentence spans (sentence F1).
func EvalTokenize(path string, out io.Writer) error {
	sents, err := conllu.ReadFile(path)
	if err != nil {
		return err
	}
	var sc TokenScores
	type span struct{ a, b int }
	for _, s := range sents {
		gold := map[span]bool{}
		for _, sp := range wordSpans(s) {
			gold[span{sp[0], sp[1]}] = true
		}
		sc.Gold += len(gold)
		for _, t := range token.Tokenize(s.Text) {
			sc.Predicted++
			if gold[span{t.Start, t.End}] {
				sc.Matched++
			}
		}
	}
	// Sentences: documents are runs of sentences sharing a sent_id prefix.
	var doc strings.Builder
	gold := map[span]bool{}
	flush := func() {
		for _, ps := range token.Split(doc.String()) {
			sc.SentPred++
			if gold[span{ps.Start, ps.End}] {
				sc.SentMatched++
			}
		}
		sc.SentGold += len(gold)
		doc.Reset()
		clear(gold)
	}
	prev := ""
	for _, s := range sents {
		id := docID(s.ID)
		if id != prev && doc.Len() > 0 {
			flush()
		}
		prev = id
		if doc.Len() > 0 {
			doc.WriteByte(' ')
		}
		start := doc.Len()
		doc.WriteString(s.Text)
		gold[span{start, doc.Len()}] = true
	}
	flush()
	tp, tr, tf := f1(sc.Gold, sc.Predicted, sc.Matched)
	sp, sr, sf := f1(sc.SentGold, sc.SentPred, sc.SentMatched)
	fmt.Fprintf(out, "tokens: gold %d, predicted %d, matched %d\nsentences: gold %d, predicted %d, matched %d\n",
		sc.Gold, sc.Predicted, sc.Matched, sc.SentGold, sc.SentPred, sc.SentMatched)
	fmt.Fprintf(out, "TokenP=%.2f TokenR=%.2f TokenF1=%.2f SentP=%.2f SentR=%.2f SentF1=%.2f\n", tp, tr, tf, sp, sr, sf)
	return nil
}

// docID is the document part of an EWT sentence id ("...-0003" -> "...").
func docID(id string) string {
	if i := strings.LastIndexByte(id, '-'); i > 0 {
		return id[:i]
	}
	return id
}

// wordSpans gives each syntactic word of s its byte span in s.Text. Words
// of a multiword token get consecutive pieces of it when their forms spell
// it ("don't" = "do" + "n't"); otherwise they share the token's span.
func wordSpans(s conllu.Sentence) [][2]int {
	spans := make([][2]int, 0, len(s.Words))
	pos := 0
	text := s.Text
	locate := func(form string) (int, int) {
		i := strings.Index(text[pos:], form)
		if i < 0 {
			return pos, pos
		}
		return pos + i, pos + i + len(form)
	}
	r := 0
	for i := 0; i < len(s.Words); i++ {
		for r < len(s.Ranges) && s.Ranges[r].Last < i+1 {
			r++
		}
		if r < len(s.Ranges) && s.Ranges[r].First == i+1 {
			rg := s.Ranges[r]
			a, b := locate(rg.Form)
			joined := ""
			for k := rg.First; k <= rg.Last; k++ {
				joined += s.Words[k-1].Form
			}
			off := a
			for k := rg.First; k <= rg.Last; k++ {
				f := s.Words[k-1].Form
				if strings.EqualFold(joined, rg.Form) {
					spans = append(spans, [2]int{off, off + len(f)})
					off += len(f)
				} else {
					spans = append(spans, [2]int{a, b})
				}
			}
			pos = b
			i = rg.Last - 1
			continue
		}
		a, b := locate(s.Words[i].Form)
		spans = append(spans, [2]int{a, b})
		pos = b
	}
	return spans
}

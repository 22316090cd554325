package nlp

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/loader/openie"
)

// ptbToken maps the Penn Treebank escapes of benchmark files to the
// characters the models were trained on.
var ptbToken = map[string]string{
	"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
	"``": "\"", "''": "\"",
}

// ExtractCarb reads one tokenized sentence per line (tokens separated by
// spaces, PTB escapes kept) and writes the CaRB "tabbed" format: sentence,
// confidence, relation, arguments, using the sentence's own tokens.
func (m *Models) ExtractCarb(r io.Reader, w io.Writer) error {
	bw := bufio.NewWriter(w)
	err := benchmarkLines(r, func(line string) {
		s := m.parseTokens(line)
		for _, tp := range openie.Extract(s) {
			rel, args := tp.Text(s.Words)
			fmt.Fprintf(bw, "%s\t%.3f\t%s\t%s\n", line, tp.Confidence, rel, strings.Join(args, "\t"))
		}
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// benchmarkLines calls fn with each non-empty line of r, trimmed.
func benchmarkLines(r io.Reader, fn func(line string)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			fn(line)
		}
	}
	return sc.Err()
}

// parseTokens analyses a benchmark sentence: its space-separated tokens
// (PTB escapes mapped to the characters the models know) tagged, and
// parsed, with the tokens themselves as the words.
func (m *Models) parseTokens(line string) openie.Sentence {
	toks := strings.Fields(line)
	forms := make([]string, len(toks))
	for i, t := range toks {
		forms[i] = t
		if p, ok := ptbToken[t]; ok {
			forms[i] = p
		}
	}
	a := m.Analyze(forms)
	s := openie.Sentence{Words: toks, UPOS: a.UPOS, XPOS: a.XPOS, Lemma: a.Lemma, Head: make([]int, len(toks)), Rel: a.Rel}
	for i, h := range a.Head {
		s.Head[i] = h - 1
	}
	return s
}

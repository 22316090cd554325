package carb

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/loader/openie"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

// ptbToken maps the Penn Treebank escapes of benchmark files to the
// characters the models were trained on.
var ptbToken = map[string]string{
	"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
	"``": "\"", "''": "\"",
}

// ExtractTuples reads one tokenized sentence per line (tokens separated
// by spaces, PTB escapes kept), annotates it with m and writes its Open IE
// tuples in the CaRB "tabbed" format: sentence, confidence, relation,
// arguments, using the sentence's own tokens (`newsgraph extract --format
// carb`).
func ExtractTuples(m *pipeline.Models, r io.Reader, w io.Writer) error {
	bw := bufio.NewWriter(w)
	err := benchmarkLines(r, func(line string) {
		s := parseTokens(m, line)
		for _, tp := range openie.Extract(s) {
			rel, args := tp.Text(s)
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
func parseTokens(m *pipeline.Models, line string) []nlp.Word {
	toks := strings.Fields(line)
	forms := make([]string, len(toks))
	words := make([]nlp.Word, len(toks))
	for i, t := range toks {
		forms[i], words[i].Text = t, t
		if p, ok := ptbToken[t]; ok {
			forms[i] = p
		}
	}
	m.AnnotateForms(words, forms)
	return words
}

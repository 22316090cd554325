//go:build nerdump

// The entity mentions the loader loses or adds against the labeller's own
// spans on GUM dev (needs ../shared/data/gum):
//
//	go test -tags nerdump -run TestNERDump -v ./loader
package loader

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp/ner"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

func TestNERDump(t *testing.T) {
	dir := "../../shared/data/gum"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no GUM data")
	}
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	l := New(p, Options{})
	lab := map[string][]ner.TextSpan{}
	rules := map[[2]int]string{}
	cfg := ner.EvalConfig{Paths: []string{dir}, Split: os.Getenv("SPLIT")}
	if f := os.Getenv("FILE"); f != "" {
		cfg.Paths, cfg.Split = []string{f}, "all"
	}
	if cfg.Split == "" {
		cfg.Split = "dev"
	}
	counts := map[string]int{}
	cfg.Errors = func(doc, text string, gold, found []ner.TextSpan) {
		key := func(s ner.TextSpan) string { return fmt.Sprintf("%d:%d:%s", s.Start, s.End, s.Type) }
		g, f, lb := map[string]bool{}, map[string]bool{}, map[string]bool{}
		for _, s := range gold {
			g[key(s)] = true
		}
		for _, s := range found {
			f[key(s)] = true
		}
		for _, s := range lab[text] {
			if c := coarse(s.Type); c != "" {
				lb[key(ner.TextSpan{s.Start, s.End, c})] = true
			}
		}
		rs := []rune(text)
		ctx := func(s ner.TextSpan) string {
			a, b := max(0, s.Start-30), min(len(rs), s.End+30)
			return strings.ReplaceAll(string(rs[a:s.Start])+"[["+string(rs[s.Start:s.End])+"]]"+string(rs[s.End:b]), "\n", " ")
		}
		over := func(s ner.TextSpan, set []ner.TextSpan) string {
			var o []string
			for _, x := range set {
				if x.Start < s.End && s.Start < x.End {
					o = append(o, fmt.Sprintf("%q/%s/%s", string(rs[x.Start:x.End]), x.Type, rules[[2]int{x.Start, x.End}]))
				}
			}
			return strings.Join(o, " ")
		}
		for _, s := range gold {
			k := key(s)
			if lb[k] && !f[k] {
				counts["lost"]++
				fmt.Printf("LOST %s %s | %s | loader: %s\n", doc, s.Type, ctx(s), over(s, found))
			}
			if !lb[k] && f[k] {
				counts["won"]++
				fmt.Printf("WON %s %s | %s\n", doc, s.Type, ctx(s))
			}
		}
		for _, s := range found {
			k := key(s)
			r := rules[[2]int{s.Start, s.End}]
			if g[k] {
				counts["rule tp "+r]++
			} else {
				counts["rule fp "+r]++
			}
			if !g[k] && !lb[k] {
				counts["added"]++
				fmt.Printf("ADDED %s %s/%s | %s | gold: %s\n", doc, s.Type, rules[[2]int{s.Start, s.End}], ctx(s), over(s, gold))
			}
		}
		for k := range lb {
			if !g[k] && f[k] {
				counts["shared fp"]++
			}
			if !g[k] && !f[k] {
				counts["labeller fp removed"]++
			}
		}
	}
	err = ner.EvalText(cfg, func(text string) ([]ner.TextSpan, error) {
		sents, _ := analyze(p, text, 1000)
		var ls []ner.TextSpan
		runeAt := func(b int) int { return utf8.RuneCountInString(text[:b]) }
		for _, s := range sents {
			for i := 0; i < len(s.Words); i++ {
				if !strings.HasPrefix(s.Words[i].NER, "B-") {
					continue
				}
				j := i + 1
				for j < len(s.Words) && strings.HasPrefix(s.Words[j].NER, "I-") {
					j++
				}
				ls = append(ls, ner.TextSpan{Start: runeAt(s.Words[i].Start), End: runeAt(s.Words[j-1].End), Type: s.Words[i].NER[2:]})
			}
		}
		lab[text] = ls
		doc, err := l.Extract(context.Background(), kg.Article{Text: text})
		if err != nil {
			return nil, err
		}
		var out []ner.TextSpan
		for _, e := range doc.Entities {
			for _, m := range e.Mentions {
				if m.Rule != "pronoun" && m.Rule != "description" && m.Rule != "demonym" {
					out = append(out, ner.TextSpan{Start: m.Start, End: m.End, Type: string(e.Type)})
					rules[[2]int{m.Start, m.End}] = m.Rule
				}
			}
		}
		return out, nil
	}, os.Stdout)
	if err != nil {
		t.Fatal(err)
	}
	var ks []string
	for k := range counts {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		fmt.Printf("%s: %d\n", k, counts[k])
	}
}

func coarse(t string) string {
	switch t {
	case "PERSON":
		return "PER"
	case "ORGANIZATION":
		return "ORG"
	case "GPE", "LOCATION", "FACILITY":
		return "LOC"
	}
	return ""
}

package coref

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Resolver is anything that clusters a document's mentions: the trained
// model, or the loader's hand rules (Rules).
type Resolver interface {
	Resolve(d *Doc) Result
}

var _ Resolver = (*Model)(nil)

// WithNameRules is the model as the loader will run it: names clustered
// by the loader's rules first (NameGroups), the model for the rest.
type WithNameRules struct{ M *Model }

// Resolve implements Resolver.
func (r WithNameRules) Resolve(d *Doc) Result {
	c := *d
	c.Mentions = append([]Mention(nil), d.Mentions...)
	NameGroups(&c)
	return r.M.Resolve(&c)
}

// Score scores a resolver on examples. Without singletons (the CoNLL-2012
// convention), clusters of one mention are dropped from both the key and
// the response before scoring.
func Score(r Resolver, exs []Example, singletons bool) Scores {
	var sc Scorer
	min := 2
	if singletons {
		min = 1
	}
	for i := range exs {
		ex := &exs[i]
		res := r.Resolve(&ex.Doc)
		var key, resp [][]Span
		for _, c := range ex.Key {
			if len(c) >= min {
				key = append(key, c)
			}
		}
		for _, c := range res.Clusters(min) {
			var sp []Span
			for _, k := range c {
				m := ex.Doc.Mentions[k]
				sp = append(sp, Span{m.Sent, m.Start, m.End})
			}
			resp = append(resp, sp)
		}
		sc.Add(key, resp)
	}
	return sc.Scores()
}

// Accuracy is a count of right answers.
type Accuracy struct{ Right, Total int }

func (a Accuracy) String() string {
	if a.Total == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%% (%d/%d)", 100*float64(a.Right)/float64(a.Total), a.Right, a.Total)
}

// PronounAccuracy measures the case the graph cares about: a third-person
// pronoun of the key whose entity has a name (a proper-noun mention of a
// person, organization or place) before it. The resolver is right when
// the nearest name before the pronoun in the pronoun's cluster is a name
// of that entity: the entity a statement about the pronoun would be
// about. Names are matched to the key by their head word, so that a
// detected "Byron" counts for the key's "Lord Byron". A pronoun the
// mentions given to the resolver lack is wrong.
func PronounAccuracy(r Resolver, exs []Example) Accuracy {
	return namedAccuracy(r, exs, func(ex *Example, k int) bool {
		key := ex.Keys[k]
		if key.End-key.Start != 1 {
			return false
		}
		info, ok := pronouns[strings.ToLower(ex.formAt(key.Sent, key.Start))]
		return ok && info.person == '3'
	})
}

// DescriptionAccuracy is PronounAccuracy for the definite descriptions of
// the key ("the agency", "the president", "Mexico's president").
func DescriptionAccuracy(r Resolver, exs []Example) Accuracy {
	return namedAccuracy(r, exs, func(ex *Example, k int) bool { return ex.KeyDescription[k] })
}

// namedAccuracy scores the key mentions that target picks whose entity
// has a name before them.
func namedAccuracy(r Resolver, exs []Example, target func(ex *Example, k int) bool) Accuracy {
	var acc Accuracy
	for i := range exs {
		ex := &exs[i]
		res := r.Resolve(&ex.Doc)
		ms := ex.Doc.Mentions
		docAt := map[Span]int{}
		for k, m := range ms {
			docAt[Span{m.Sent, m.Start, m.End}] = k
		}
		before := func(a, b Span) bool { return a.Sent < b.Sent || a.Sent == b.Sent && a.Start < b.Start }
		for ki, key := range ex.Keys {
			sp := Span{key.Sent, key.Start, key.End}
			j, ok := docAt[sp]
			if !target(ex, ki) {
				continue
			}
			named := false
			for k, o := range ex.Keys {
				if ex.KeyName[k] && o.Entity == key.Entity && before(Span{o.Sent, o.Start, o.End}, sp) {
					named = true
					break
				}
			}
			if !named {
				continue
			}
			acc.Total++
			if !ok {
				continue
			}
			best := -1
			for k, m := range ms {
				if res.Cluster[k] == res.Cluster[j] && m.Kind == Name && before(Span{m.Sent, m.Start, m.End}, sp) &&
					(best < 0 || before(Span{ms[best].Sent, ms[best].Start, ms[best].End}, Span{m.Sent, m.Start, m.End})) {
					best = k
				}
			}
			if best >= 0 && ex.HeadEntity[best] == key.Entity {
				acc.Right++
			}
		}
	}
	return acc
}

// EvalConfig is what `newsgraph eval-coref` is told.
type EvalConfig struct {
	Files     []string // GUM CoNLL-U files
	Model     string   // model file; the embedded model when empty
	Splits    []string // partitions to score; "dev" when empty
	GoldTrees bool     // the treebank's trees instead of predicted ones
}

// Eval scores the model and the loader's hand rules on GUM documents, with
// gold and with detected mentions, and prints the figures.
func Eval(cfg EvalConfig, out io.Writer) error {
	if len(cfg.Splits) == 0 {
		cfg.Splits = []string{"dev"}
	}
	m, err := Embedded()
	if cfg.Model != "" {
		m, err = LoadModel(cfg.Model)
	}
	if err != nil {
		return err
	}
	docs, err := ReadCorpus(cfg.Files, cfg.Splits...)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return fmt.Errorf("no documents of split %s in the files given", strings.Join(cfg.Splits, ","))
	}
	analyse, trees := GoldTrees, "gold"
	if !cfg.GoldTrees {
		if analyse, err = PredictedTrees(); err != nil {
			return err
		}
		trees = "predicted"
	}
	words := 0
	for _, d := range docs {
		for _, s := range d.Sents {
			words += len(s.Words)
		}
	}
	fmt.Fprintf(out, "%d documents (%s), %d words, %s trees\n", len(docs), strings.Join(cfg.Splits, ","), words, trees)
	for _, src := range []struct {
		name string
		src  MentionSource
	}{{"gold mentions", GoldMentions}, {"detected mentions", DetectedMentions}} {
		exs := make([]Example, len(docs))
		for i, d := range docs {
			exs[i] = NewExample(d, analyse, src.src)
		}
		if src.src == DetectedMentions {
			fmt.Fprintf(out, "\nmention detection: %v\n", detection(exs))
		}
		for _, r := range []struct {
			name string
			r    Resolver
		}{{"model", m}, {"model with the loader's name clustering", WithNameRules{m}}, {"rules", Rules{}}} {
			t0 := time.Now()
			s := Score(r.r, exs, false)
			el := time.Since(t0)
			fmt.Fprintf(out, "\n%s, %s (singletons excluded):\n%v\n", src.name, r.name, s)
			fmt.Fprintf(out, "with singletons: CoNLL F1=%.2f\n", 100*Score(r.r, exs, true).CoNLL())
			fmt.Fprintf(out, "third-person pronouns with a named antecedent: %v\n", PronounAccuracy(r.r, exs))
			fmt.Fprintf(out, "definite descriptions with a named antecedent: %v\n", DescriptionAccuracy(r.r, exs))
			fmt.Fprintf(out, "time to resolve and score: %.1f ms per 1000 words\n", float64(el.Microseconds())/float64(words))
		}
	}
	return nil
}

func (ex *Example) formAt(sent, word int) string { return ex.Doc.Sents[sent].Words[word].Text }

// detection scores the mentions given to the resolver against the key's
// mentions, by exact span.
func detection(exs []Example) PRF {
	var right, pred, gold float64
	for _, ex := range exs {
		for _, g := range ex.Gold {
			if g >= 0 {
				right++
			}
		}
		pred += float64(len(ex.Gold))
		gold += float64(len(ex.Keys))
	}
	return prf(ratio{right, pred}, ratio{right, gold})
}

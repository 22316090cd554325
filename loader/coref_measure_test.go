package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/nlp/coref"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
)

// TestCorefAdapter measures what the coreference model would do for the
// graph, through the adapter the loader will call: over GUM's dev
// documents and its held-out Wikinews articles (GUM_news_iodine, dev, and
// GUM_news_sensitive, test), the loader finds and types names as it does
// today, and both today's clustering (cluster.go) and the model put them
// on nodes. Of the pairs of names that the key says name one entity, how
// many share a node (recall), and of the pairs on one node, how many
// should (precision). And of the third-person pronouns whose entity the
// loader has named before them, how many today's rules (resolveAll) and
// the model (Links.Name) resolve to a name of that entity. It skips when
// the shared data is not there.
//
//	go test ./loader -run CorefAdapter -v
func TestCorefAdapter(t *testing.T) {
	dir := "../../shared/data/gum"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no GUM data: %v", err)
	}
	tg, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	model, err := coref.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	type counts struct{ same, together, sameTogether int }
	for _, set := range []struct {
		name  string
		files []string
	}{
		{"GUM dev", nil},
		{"held-out Wikinews", []string{"GUM_news_iodine", "GUM_news_sensitive"}},
	} {
		var docs []coref.GoldDoc
		if set.files == nil {
			docs, err = coref.ReadCorpus([]string{dir}, "dev")
			if err != nil {
				t.Fatal(err)
			}
		}
		for _, f := range set.files {
			ds, err := coref.ReadGUM(filepath.Join(dir, f+".conllu"))
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, ds...)
		}
		var today, learned counts
		var pronouns, todayRight, learnedRight, loaderRight, loaderWrong int
		for _, g := range docs {
			// The loader's analysis of GUM's own words.
			var sents []nlp.Sentence
			var ms []mention
			for i, s := range g.Sents {
				snt := nlp.Sentence{Index: i, Words: make([]nlp.Word, len(s.Words))}
				for k, w := range s.Words {
					snt.Words[k] = nlp.Word{Text: w.Form, Head: -1}
				}
				tg.Annotate(&snt)
				fixTags(snt.Words, false)
				fixInitial(snt.Words)
				sents = append(sents, snt)
				ms = append(ms, findMentions(snt)...)
			}
			clusters := clusterMentions(ms)
			names := make([]coref.NameSpan, len(ms))
			for i, m := range ms {
				names[i] = coref.NameSpan{Sent: m.sent, Start: m.start, End: m.end, Type: m.typ, Group: m.entity + 1}
			}
			doc := coref.FromLoader(sents, names)
			res := model.Resolve(doc)
			links := model.ResolveNames(sents, names)
			ruled := coref.Rules{}.ResolveNames(sents, names)
			todayEntity := make([]int, len(ms)) // the name clusters before the model joins any
			for i, m := range ms {
				todayEntity[i] = m.entity
			}
			// The loader's own path, as Extract runs it.
			d := newDocState("", kg.NewIRIs(""))
			d.sents, d.mentions, d.clusters = sents, ms, clusters
			if err := d.resolveCoreference(); err != nil {
				t.Fatal(err)
			}
			d.index()
			for _, s := range sents {
				d.resolveAll(s)
			}
			// A name stands for the key entity of the smallest key
			// mention that contains it and whose head word (in the
			// treebank's tree) is one of its words; a name that is only a
			// modifier ("Australian" in "Australian children") stands for
			// none.
			keyHead := func(km coref.GoldMention) int {
				ws := g.Sents[km.Sent].Words
				for k := km.Start; k < km.End; k++ {
					if h := ws[k].Head - 1; h < km.Start || h >= km.End {
						return k
					}
				}
				return km.End - 1
			}
			entity := make([]string, len(ms))
			for i, m := range ms {
				best := -1
				for k, km := range g.Mentions {
					h := keyHead(km)
					if km.Sent == m.sent && km.End >= m.end && km.Start <= m.start && h >= m.start && h < m.end &&
						(best < 0 || km.End-km.Start < g.Mentions[best].End-g.Mentions[best].Start) {
						best = k
					}
				}
				if best >= 0 {
					entity[i] = g.Mentions[best].Entity
				}
			}
			// Third-person pronouns of the key whose entity the loader
			// has named before them: is the name they are resolved to (the
			// nearest before them of the entity chosen) one of it?
			before := func(m mention, sent, word int) bool { return m.sent < sent || m.sent == sent && m.start < word }
			for _, km := range g.Mentions {
				if km.End-km.Start != 1 {
					continue
				}
				switch strings.ToLower(g.Sents[km.Sent].Words[km.Start].Form) {
				case "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
					"they", "them", "their", "theirs", "themselves":
				default:
					continue
				}
				named := false
				for i, m := range ms {
					if entity[i] == km.Entity && before(m, km.Sent, km.Start) {
						named = true
					}
				}
				if !named {
					continue
				}
				pronouns++
				if i := ruled.Name(km.Sent, km.Start); i >= 0 && entity[i] == km.Entity {
					todayRight++
				}
				for _, x := range d.extra {
					if x.sent == km.Sent && x.start == km.Start && x.rule == "pronoun" {
						best := -1
						for _, i := range d.clusters[x.entity].members {
							if before(ms[i], km.Sent, km.Start) && (best < 0 || before(ms[best], ms[i].sent, ms[i].start)) {
								best = i
							}
						}
						if best >= 0 && entity[best] == km.Entity {
							loaderRight++
						} else {
							loaderWrong++
						}
						break
					}
				}
				if i := links.Name(km.Sent, km.Start); i >= 0 && entity[i] == km.Entity {
					learnedRight++
				} else if os.Getenv("COREF_DEBUG") != "" {
					got := "none"
					if i >= 0 {
						got = ms[i].name + "/" + entity[i]
					}
					want := ""
					for i, m := range ms {
						if entity[i] == km.Entity && before(m, km.Sent, km.Start) {
							want = m.name
						}
					}
					t.Logf("%s s%d %s -> %s; want %s/%s", g.Name, km.Sent, g.Sents[km.Sent].Words[km.Start].Form, got, want, km.Entity)
				}
			}
			for i := range ms {
				for k := i + 1; k < len(ms); k++ {
					if entity[i] == "" || entity[k] == "" {
						continue
					}
					same := entity[i] == entity[k]
					count := func(c *counts, together bool) {
						if same {
							c.same++
						}
						if together {
							c.together++
							if same {
								c.sameTogether++
							}
						}
					}
					count(&today, todayEntity[i] >= 0 && todayEntity[i] == todayEntity[k])
					count(&learned, res.Cluster[i] == res.Cluster[k])
					if os.Getenv("COREF_DEBUG") != "" && same != (res.Cluster[i] == res.Cluster[k]) {
						t.Logf("PAIR %s same=%v %q/%s %q/%s", g.Name, same, ms[i].name, ms[i].typ, ms[k].name, ms[k].typ)
					}
				}
			}
		}
		pct := func(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
		t.Logf("%s (%d documents): name pairs of one entity on one node: today %.1f%% (precision %.1f%%), model %.1f%% (precision %.1f%%), of %d pairs",
			set.name, len(docs), pct(today.sameTogether, today.same), pct(today.sameTogether, today.together),
			pct(learned.sameTogether, learned.same), pct(learned.sameTogether, learned.together), today.same)
		t.Logf("%s: third-person pronouns whose entity the loader named before them, resolved to it: rules %.1f%%, model %.1f%%, the loader with the model %.1f%%, of %d",
			set.name, pct(todayRight, pronouns), pct(learnedRight, pronouns), pct(loaderRight, pronouns), pronouns)
		t.Logf("%s: through the loader, %d right, %d wrong, %d left unresolved (precision %.1f%%)",
			set.name, loaderRight, loaderWrong, pronouns-loaderRight-loaderWrong, pct(loaderRight, loaderRight+loaderWrong))
		if set.name == "GUM dev" && (learnedRight < todayRight || loaderRight < todayRight) {
			t.Errorf("%s: the model (%d, through the loader %d) resolves fewer pronouns than the rules (%d)", set.name, learnedRight, loaderRight, todayRight)
		}
		if learned.sameTogether < today.sameTogether {
			t.Errorf("%s: the model puts fewer names of one entity together (%d) than today's clustering (%d)", set.name, learned.sameTogether, today.sameTogether)
		}
	}
}

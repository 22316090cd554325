package loader

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// cluster is one entity of an article: the mentions that name it.
type cluster struct {
	typ     kg.EntityType
	name    string
	tokens  []string // folded words of the canonical name
	titles  []string // lower-cased titles the text gives it
	members []int    // indices into the mention list
	rule    string
	// gender is what the text says of a person: 'm' or 'f' from a
	// gendered title ("Mrs.", "spokesman") or a pronoun already resolved
	// to them; 0 when it says nothing.
	gender byte
}

// titleGender are role words that say a person's gender.
var titleGender = map[string]byte{
	"mr": 'm', "sir": 'm', "lord": 'm', "king": 'm', "prince": 'm', "father": 'm', "chairman": 'm',
	"spokesman": 'm', "congressman": 'm', "businessman": 'm', "brother": 'm', "son": 'm', "husband": 'm',
	"mrs": 'f', "ms": 'f', "miss": 'f', "lady": 'f', "dame": 'f', "queen": 'f', "princess": 'f', "mother": 'f',
	"chairwoman": 'f', "spokeswoman": 'f', "congresswoman": 'f', "businesswoman": 'f', "actress": 'f',
	"sister": 'f', "daughter": 'f', "wife": 'f',
}

func foldTokens(s string) []string {
	return strings.Fields(dropStops.Replace(kg.Fold(s)))
}

// dropStops deletes full stops and commas (one Replacer for all calls:
// building one costs far more than a replacement).
var dropStops = strings.NewReplacer(".", "", ",", "")

// clusterMentions groups mentions into entities, conservatively: exact
// names and gazetteer aliases, a person's surname or partial name after
// the full name, and an acronym of an organization named in full. It sets
// ms[i].entity.
func clusterMentions(ms []mention) []*cluster {
	var cs []*cluster
	byKey := map[string]int{}
	add := func(i int, key string, c *cluster) {
		if idx, ok := byKey[key]; ok {
			cs[idx].members = append(cs[idx].members, i)
			ms[i].entity = idx
			return
		}
		c.members = []int{i}
		cs = append(cs, c)
		byKey[key] = len(cs) - 1
		ms[i].entity = len(cs) - 1
	}
	// Longest names first, so that a surname finds its full name wherever
	// the two appear.
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		// Sentence-initial capitals come last: they only join.
		wa, wb := ms[order[a]].rule == "initial", ms[order[b]].rule == "initial"
		if wa != wb {
			return wb
		}
		return len(strings.Fields(ms[order[a]].name)) > len(strings.Fields(ms[order[b]].name))
	})
	for _, i := range order {
		m := &ms[i]
		if m.canonical != "" {
			add(i, string(m.typ)+"|"+kg.Fold(m.canonical), &cluster{typ: m.typ, name: m.canonical, tokens: foldTokens(m.canonical), rule: m.rule})
			continue
		}
		toks := foldTokens(m.name)
		if m.rule == "initial" {
			m.entity = joinExisting(cs, toks, ms, m)
			if m.entity >= 0 {
				cs[m.entity].members = append(cs[m.entity].members, i)
				m.typ = cs[m.entity].typ
				continue
			}
			if m.typ == "" {
				continue
			}
			// The labeller's name alone at a sentence's start is a name
			// too ("Tasmania was excluded"): its own entity.
			add(i, "name|"+strings.Join(toks, " "), &cluster{typ: m.typ, name: m.name, tokens: toks, rule: m.rule})
			continue
		}
		if m.typ == kg.Person || len(toks) <= 2 && m.rule == "tagger" {
			// A partial name joins the person whose full name ends with
			// it ("Blinken", "López Obrador"). If two people share it, the one
			// named more often before it wins, then the one named last.
			best := -1
			for ci, c := range cs {
				if c.typ == kg.Person && len(c.tokens) > len(toks) && kg.EndsWith(c.tokens, toks) {
					if best == -1 || salientBefore(ms, c, cs[best], m) {
						best = ci
					}
				}
			}
			if best >= 0 {
				cs[best].members = append(cs[best].members, i)
				m.entity = best
				m.typ = kg.Person
				continue
			}
		}
		if m.typ == kg.Organization && len(toks) == 1 && isAllCaps(m.name) {
			matched := false
			for ci, c := range cs {
				if c.typ == kg.Organization && len(c.tokens) > 1 && strings.ToLower(kg.Initials(c.name)) == toks[0] {
					cs[ci].members = append(cs[ci].members, i)
					m.entity = ci
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		// Within one article a name names one thing, whatever type the
		// tagger gave each mention; the first typing wins.
		add(i, "name|"+strings.Join(toks, " "), &cluster{typ: m.typ, name: m.name, tokens: toks, rule: m.rule})
	}
	for _, c := range cs {
		sort.Ints(c.members)
		c.typ = majorityType(ms, c)
		seen := map[string]bool{}
		for _, i := range c.members {
			if t := ms[i].title; t != "" {
				// Keep the role words, not a country before them.
				for _, w := range splitTitle(t) {
					if !seen[w] {
						seen[w] = true
						c.titles = append(c.titles, w)
					}
					if g := titleGender[strings.TrimSuffix(w, ".")]; g != 0 && c.gender == 0 {
						c.gender = g
					}
				}
			}
		}
	}
	return cs
}

// majorityType is the type most of a cluster's named mentions were
// given, the earliest mention's among equals: one name keeps one type
// across an article, and a stray typing ("Enron" read once as a person)
// does not decide it by coming first. Mentions that only joined (a
// sentence-initial capital) do not vote; a cluster of a gazetteer's name
// keeps its type.
func majorityType(ms []mention, c *cluster) kg.EntityType {
	if c.rule == "gazetteer" {
		return c.typ
	}
	count := map[kg.EntityType]int{}
	best, bestN := c.typ, 0
	for _, i := range c.members { // in text order
		m := ms[i]
		if m.rule == "initial" || m.typ == "" {
			continue
		}
		count[m.typ]++
	}
	for _, i := range c.members {
		if n := count[ms[i].typ]; n > bestN {
			best, bestN = ms[i].typ, n
		}
	}
	return best
}

// splitTitle returns the title words of a title string that the
// description resolver can match: "us secretary of state" gives
// "secretary of state" and "secretary".
func splitTitle(t string) []string {
	var out []string
	words := strings.Fields(strings.ToLower(t))
	for i := range words {
		rest := strings.Join(words[i:], " ")
		out = append(out, rest)
	}
	if len(words) > 0 {
		out = append(out, words[0])
		// "secretary of state" -> "secretary" as well.
		for _, w := range words {
			if w == "of" {
				break
			}
			out = append(out, w)
		}
	}
	return out
}

// lastBefore returns the position of c's last member before m, or -1.
// salientBefore reports whether the person c is a likelier bearer than
// other of a partial name at m: named more often before it ("Mohamed" in
// a story about Ahmed Mohamed that once names his father Mohamed
// El-Hassan Mohamed), else named last before it.
func salientBefore(ms []mention, c, other *cluster, m *mention) bool {
	nc, no := countBefore(ms, c, m), countBefore(ms, other, m)
	if nc != no {
		return nc > no
	}
	return lastBefore(ms, c, m) > lastBefore(ms, other, m)
}

func countBefore(ms []mention, c *cluster, m *mention) int {
	n := 0
	for _, i := range c.members {
		if ms[i].sent < m.sent || ms[i].sent == m.sent && ms[i].start < m.start {
			n++
		}
	}
	return n
}

func lastBefore(ms []mention, c *cluster, m *mention) int {
	best := -1
	for _, i := range c.members {
		p := ms[i].sent*10000 + ms[i].start
		if p < m.sent*10000+m.start && p > best {
			best = p
		}
	}
	return best
}

// joinExisting returns the cluster a sentence-initial capital belongs to:
// one with the same name, or a person whose name ends with it (of two,
// the one mentioned last before it); -1 if none.
func joinExisting(cs []*cluster, toks []string, ms []mention, m *mention) int {
	best := -1
	for ci, c := range cs {
		if strings.Join(c.tokens, " ") == strings.Join(toks, " ") {
			return ci
		}
		if c.typ == kg.Person && kg.EndsWith(c.tokens, toks) && (best == -1 || salientBefore(ms, c, cs[best], m)) {
			best = ci
		}
	}
	return best
}

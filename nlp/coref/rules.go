package coref

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/gazetteer"
)

// Rules is the loader's hand-written resolution as it stands before this
// package (loader/cluster.go and the pronoun and description rules of
// loader/loader.go), ported to run over any mentions so that it can be
// scored beside the model on the same ones:
//
//   - names: the same name (or gazetteer alias) is one entity; a person's
//     partial name joins the person whose full name ends with it, the one
//     mentioned last when several do; an all-capitals word joins the
//     organization whose initials it spells;
//   - he/she: the person mentioned last within three sentences who is not
//     known to be of the other gender (title or earlier pronoun); it/its:
//     the organization or place mentioned last within three sentences;
//     nothing inside quotation marks, and no other pronoun;
//   - "the country/nation" (a country, four sentences), "the city/state"
//     (another place), "the company/agency/..." (an organization, three),
//     and "the president" or "Mexico's president" (the person the text
//     gives that title).
//
// Every other mention is an entity of its own.
type Rules struct{}

type ruleEntity struct {
	typ    Type
	tokens []string
	name   string
	titles []string
	gender byte
}

// NameGroups sets the Group of the names of d as the loader's name
// clustering would (Rules without pronouns and descriptions), so that the
// model can be scored with it as it will run in the loader.
func NameGroups(d *Doc) {
	ms := analyze(d)
	ent, _ := ruleNames(d, ms)
	for p, m := range ms {
		d.Mentions[m.idx].Group = 0
		if ent[p] >= 0 {
			d.Mentions[m.idx].Group = ent[p] + 1
		}
	}
}

// Resolve implements Resolver.
func (Rules) Resolve(d *Doc) Result {
	ms := analyze(d)
	ent, es := ruleNames(d, ms)
	lastBefore := func(e, p int) int {
		best := -1
		for q := range ms {
			if ent[q] == e && q < p && q > best {
				best = q
			}
		}
		return best
	}
	// Pronouns and descriptions in text order, each seeing the mentions
	// resolved before it.
	latest := func(p, window int, want func(*ruleEntity) bool) int {
		m := &ms[p]
		best, bq := -1, -1
		for q := 0; q < p; q++ {
			e := ent[q]
			if e < 0 || !want(es[e]) || m.Sent-ms[q].Sent > window {
				continue
			}
			if q > bq {
				best, bq = e, q
			}
		}
		return best
	}
	for p := range ms {
		m := &ms[p]
		switch {
		case m.Kind == Pronoun:
			var want func(*ruleEntity) bool
			var g, other byte
			switch m.pron {
			case "he", "him", "his", "himself":
				g, other = 'm', 'f'
			case "she", "her", "hers", "herself":
				g, other = 'f', 'm'
			case "it", "its", "itself":
				want = func(e *ruleEntity) bool { return e.typ == Organization || e.typ == Place }
			default:
				continue
			}
			if g != 0 {
				want = func(e *ruleEntity) bool { return e.typ == Person && e.gender != other }
			}
			if m.quote >= 0 {
				continue
			}
			if e := latest(p, 3, want); e >= 0 {
				ent[p] = e
				if g != 0 && es[e].gender == 0 {
					es[e].gender = g
				}
			}
		case m.Kind == Description && ent[p] < 0:
			ent[p] = ruleDescription(d, ms, p, ent, es, latest)
		}
	}
	// Entities to clusters; everything unresolved alone.
	ante := make([]int, len(ms))
	st := &state{ms: ms, parent: make([]int, len(ms)), cl: make([]cluster, len(ms))}
	firstOf := map[int]int{}
	for p := range ms {
		st.parent[p] = p
		ante[p] = -1
		if e := ent[p]; e >= 0 {
			if f, ok := firstOf[e]; ok {
				ante[p] = lastBefore(e, p)
				if ante[p] < 0 {
					ante[p] = f
				}
				st.link(f, p)
			} else {
				firstOf[e] = p
			}
		}
	}
	return st.result(ante, nil)
}

// ruleNames clusters the names as cluster.go does and finds the titles
// and the gender they show; ent is each mention's entity, -1 if none.
func ruleNames(d *Doc, ms []mention) ([]int, []*ruleEntity) {
	ent := make([]int, len(ms))
	for p := range ent {
		ent[p] = -1
	}
	var es []*ruleEntity
	byKey := map[string]int{}
	// Names, longest first, as cluster.go orders them.
	var names []int
	for p := range ms {
		if ms[p].Kind == Name {
			names = append(names, p)
		}
	}
	sort.SliceStable(names, func(a, b int) bool { return len(ms[names[a]].words) > len(ms[names[b]].words) })
	lastBefore := func(e, p int) int {
		best := -1
		for q := range ms {
			if ent[q] == e && q < p && q > best {
				best = q
			}
		}
		return best
	}
	for _, p := range names {
		m := &ms[p]
		typ := m.Type
		if typ == Unknown {
			typ = Thing
		}
		name := strings.Join(m.words, " ")
		if e, ok := gazetteer.Lookup(name); ok && e.Canonical != "" {
			key := typ.String() + "|" + strings.ToLower(e.Canonical)
			if k, ok := byKey[key]; ok {
				ent[p] = k
				continue
			}
			byKey[key] = len(es)
			ent[p] = len(es)
			es = append(es, &ruleEntity{typ: typ, tokens: m.words, name: name})
			continue
		}
		if typ == Person {
			best := -1
			for k, e := range es {
				if e.typ == Person && len(e.tokens) > len(m.words) && suffixTokens(e.tokens, m.words) {
					if best < 0 || lastBefore(k, p) > lastBefore(best, p) {
						best = k
					}
				}
			}
			if best >= 0 {
				ent[p] = best
				continue
			}
		}
		if typ == Organization && len(m.words) == 1 && strings.ToUpper(m.words[0]) == d.Sents[m.Sent].Words[m.Head].Text {
			found := false
			for k, e := range es {
				if e.typ == Organization && len(e.tokens) > 1 && initials(e.tokens) == m.words[0] {
					ent[p], found = k, true
					break
				}
			}
			if found {
				continue
			}
		}
		key := "name|" + name
		if k, ok := byKey[key]; ok {
			ent[p] = k
			continue
		}
		byKey[key] = len(es)
		ent[p] = len(es)
		es = append(es, &ruleEntity{typ: typ, tokens: m.words, name: name})
	}
	// Titles and the gender they show.
	for p := range ms {
		m := &ms[p]
		if ent[p] < 0 {
			continue
		}
		e := es[ent[p]]
		ws := d.Sents[m.Sent].Words
		for k := max(0, m.Start-1); k < m.Head; k++ {
			low := strings.ToLower(ws[k].Text)
			if gazetteer.IsTitle(low) {
				e.titles = append(e.titles, strings.TrimSuffix(low, "."))
			}
			if g := genderWords[low]; g != 0 && e.gender == 0 {
				e.gender = g
			}
		}
	}
	return ent, es
}

// ruleDescription is loader.description over the ported state.
func ruleDescription(d *Doc, ms []mention, p int, ent []int, es []*ruleEntity, latest func(int, int, func(*ruleEntity) bool) int) int {
	m := &ms[p]
	ws := d.Sents[m.Sent].Words
	// Only the bare head with its determiner or possessor: "the
	// president", "Mexico's president".
	if m.Head != m.End-1 || m.det == 0 || m.det == 'a' {
		return -1
	}
	n := m.End - m.Start
	definite := m.det == 't' || m.det == 'd'
	if definite && n != 2 || !definite && (n != 3 || ws[m.Start+1].XPOS != "POS") {
		return -1
	}
	head := ws[m.Head]
	lh := strings.ToLower(head.Text)
	if head.XPOS != "NN" && !(head.XPOS == "NNP" && gazetteer.IsTitle(lh)) {
		return -1
	}
	switch lh {
	case "country", "nation":
		return latest(p, 4, func(e *ruleEntity) bool { return e.typ == Place && gazetteer.IsCountry(e.name) })
	case "city", "state":
		return latest(p, 3, func(e *ruleEntity) bool { return e.typ == Place && !gazetteer.IsCountry(e.name) })
	case "company", "firm", "organization", "organisation", "agency", "group", "ministry":
		return latest(p, 3, func(e *ruleEntity) bool { return e.typ == Organization })
	}
	if !gazetteer.IsTitle(lh) {
		return -1
	}
	hasTitle := func(e *ruleEntity) bool {
		if e.typ != Person {
			return false
		}
		for _, t := range e.titles {
			if t == lh {
				return true
			}
		}
		return false
	}
	if e := latest(p, 1000, hasTitle); e >= 0 {
		return e
	}
	// Introduced before the name: the first titled person mentioned after.
	for q := p + 1; q < len(ms); q++ {
		if e := ent[q]; e >= 0 && ms[q].Kind == Name && hasTitle(es[e]) {
			return e
		}
	}
	return -1
}

func suffixTokens(long, short []string) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
	off := len(long) - len(short)
	for i := range short {
		if long[off+i] != short[i] {
			return false
		}
	}
	return true
}

func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		switch w {
		case "of", "and", "the", "for", "&", "de", "del":
			continue
		}
		b.WriteByte(w[0])
	}
	return b.String()
}

package loader

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// entities lists the article's entities with their mentions and aliases,
// in order of first mention.
func (d *docState) entities() []kg.Entity {
	type pos struct{ s, w int }
	out := make([]kg.Entity, 0, len(d.clusters))
	first := make([]pos, 0, len(d.clusters))
	for e, c := range d.clusters {
		if len(c.members) == 0 {
			continue // joined to another (coref.go)
		}
		ent := kg.Entity{Name: c.name, Type: c.typ}
		ent.ID = d.iris.Entity(c.typ, c.name)
		aliases := map[string]bool{}
		fp := pos{1 << 30, 0}
		addAlias := func(a string) {
			if a != c.name && !aliases[a] {
				aliases[a] = true
				ent.Aliases = append(ent.Aliases, a)
			}
		}
		var ms []kg.Mention
		for _, i := range c.members {
			m := d.mentions[i]
			ws := d.sents[m.sent].Words
			ms = append(ms, kg.Mention{Start: d.runeOffset(ws[m.start].Start), End: d.runeOffset(ws[m.end-1].End),
				Text: d.text[ws[m.start].Start:ws[m.end-1].End], Sentence: m.sent, Rule: m.rule})
			addAlias(d.text[ws[m.start].Start:ws[m.end-1].End])
			if m.titleStart < m.start {
				addAlias(d.text[ws[m.titleStart].Start:ws[m.end-1].End])
			}
			if m.sent < fp.s || m.sent == fp.s && m.start < fp.w {
				fp = pos{m.sent, m.start}
			}
		}
		for _, m := range d.extra {
			if m.entity != e {
				continue
			}
			ws := d.sents[m.sent].Words
			ms = append(ms, kg.Mention{Start: d.runeOffset(ws[m.start].Start), End: d.runeOffset(ws[m.end-1].End),
				Text: d.text[ws[m.start].Start:ws[m.end-1].End], Sentence: m.sent, Rule: m.rule})
		}
		sort.Slice(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
		// Resolution may reach the same words twice (once for the
		// attribution, once for the statement).
		uniq := ms[:0]
		for _, m := range ms {
			if n := len(uniq); n > 0 && m.Start == uniq[n-1].Start && m.End == uniq[n-1].End {
				continue
			}
			uniq = append(uniq, m)
		}
		ent.Mentions = uniq
		if ent.Aliases == nil {
			ent.Aliases = []string{}
		}
		out = append(out, ent)
		first = append(first, fp)
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		pa, pb := first[idx[a]], first[idx[b]]
		return pa.s < pb.s || pa.s == pb.s && pa.w < pb.w
	})
	sorted := make([]kg.Entity, len(out))
	for i, k := range idx {
		sorted[i] = out[k]
	}
	// Two clusters can land on one IRI (the same name typed by two rules);
	// merge them so each entity appears once.
	merged := sorted[:0]
	at := map[string]int{}
	for _, e := range sorted {
		if k, ok := at[e.ID]; ok {
			merged[k].Mentions = append(merged[k].Mentions, e.Mentions...)
			sort.Slice(merged[k].Mentions, func(a, b int) bool { return merged[k].Mentions[a].Start < merged[k].Mentions[b].Start })
			continue
		}
		at[e.ID] = len(merged)
		merged = append(merged, e)
	}
	return merged
}

// longerTitle reports whether entity e carries a longer title that
// contains title.
func (d *docState) longerTitle(e int, title string) bool {
	t := strings.ToLower(title)
	for _, i := range d.clusters[e].members {
		if o := strings.ToLower(d.mentions[i].title); len(o) > len(t) && strings.Contains(o, t) {
			return true
		}
	}
	return false
}

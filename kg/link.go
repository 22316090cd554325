package kg

import (
	"sort"
	"strings"
)

// LinkRecord is what the cross-article linker knows of one stored entity:
// its IRI, type, name and the other names its articles gave it.
type LinkRecord struct {
	ID      string
	Type    EntityType
	Name    string
	Aliases []string
}

// Link joins an entity to the canonical entity of its cluster, and says
// which rule did.
type Link struct {
	From, To string
	Rule     string // LinkSameAs, LinkAlias, LinkPartialName, LinkAcronym
}

// The rules that join entities across articles.
const (
	// LinkSameAs: an owl:sameAs or schema:sameAs statement in the graph
	// (from an import) joins the two.
	LinkSameAs = "sameAs"
	// LinkAlias: one entity's name is another's alias, and no other
	// entity of the type has it ("US" in one article, "United States" with
	// alias "US" in another).
	LinkAlias = "alias"
	// LinkPartialName: a person's name is the end of exactly one longer
	// person's name ("Blinken", "López Obrador" -> "Andrés Manuel López
	// Obrador"); ambiguous surnames stay apart.
	LinkPartialName = "partial name"
	// LinkAcronym: an all-capitals name is the initials of exactly one
	// organization or place ("KSC" -> "Kennedy Space Center").
	LinkAcronym = "acronym"
)

// LinkEntities finds the entities that are one real-world entity across
// articles and joins each to its cluster's canonical entity. It is a pure
// function of the records and sameAs pairs (in any order), so that the
// same articles loaded in any order give the same graph. The rules are
// conservative and type-aware: a person is never joined to a place, and a
// partial name or acronym that fits two entities joins neither.
func LinkEntities(recs []LinkRecord, sameAs [][2]string) []Link {
	recs = append([]LinkRecord(nil), recs...)
	sort.Slice(recs, func(i, j int) bool { return recs[i].ID < recs[j].ID })
	byID := map[string]int{}
	for i, r := range recs {
		byID[r.ID] = i
	}
	// IRIs of other graphs (a Wikidata item both our entities are sameAs)
	// join what they link but are never canonical: they come after the
	// records, with no name.
	real := len(recs)
	var outside []string
	for _, p := range sameAs {
		for _, id := range p {
			if _, ok := byID[id]; !ok {
				byID[id] = -1
				outside = append(outside, id)
			}
		}
	}
	sort.Strings(outside)
	for _, id := range outside {
		byID[id] = len(recs)
		recs = append(recs, LinkRecord{ID: id})
	}
	parent := make([]int, len(recs))
	rule := make([]string, len(recs)) // why each record joined (on the smaller side)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int, why string) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if rb < ra {
			ra, rb = rb, ra
		}
		parent[rb] = ra
		if rule[a] == "" {
			rule[a] = why
		}
		if rule[b] == "" {
			rule[b] = why
		}
	}
	for _, p := range sameAs {
		union(byID[p[0]], byID[p[1]], LinkSameAs)
	}
	// What other graphs say each cluster is: by authority (GeoNames,
	// Wikidata, a user's knowledge base), the outside IRIs it is sameAs.
	// The name rules below never join two clusters that one authority
	// says are different things (Paris, France and Paris, Texas).
	known := map[int]map[string][]string{}
	for i := real; i < len(recs); i++ {
		r := find(i)
		if known[r] == nil {
			known[r] = map[string][]string{}
		}
		a := authority(recs[i].ID)
		known[r][a] = append(known[r][a], recs[i].ID)
	}
	distinctThings := func(a, b int) bool {
		ka, kb := known[find(a)], known[find(b)]
		for auth, xs := range ka {
			ys, ok := kb[auth]
			if ok && !overlap(xs, ys) {
				return true
			}
		}
		return false
	}
	byName := func(a, b int, why string) {
		ra, rb := find(a), find(b)
		if ra == rb || distinctThings(a, b) {
			return
		}
		union(a, b, why)
		r := find(a)
		merged := map[string][]string{}
		for _, k := range []map[string][]string{known[ra], known[rb]} {
			for auth, xs := range k {
				merged[auth] = append(merged[auth], xs...)
			}
		}
		delete(known, ra)
		delete(known, rb)
		known[r] = merged
	}
	recs = recs[:real] // the rules below look at our own entities only
	// Aliases: a name that is an alias of exactly one other entity of the
	// same type.
	aliasOf := map[string][]int{}
	for i, r := range recs {
		for _, a := range r.Aliases {
			k := string(r.Type) + "\x00" + Fold(a)
			aliasOf[k] = append(aliasOf[k], i)
		}
	}
	for i, r := range recs {
		if owners := distinct(aliasOf[string(r.Type)+"\x00"+Fold(r.Name)], i); len(owners) == 1 {
			byName(i, owners[0], LinkAlias)
		}
	}
	// Partial names of people.
	tokens := make([][]string, len(recs))
	for i, r := range recs {
		tokens[i] = strings.Fields(Fold(r.Name))
	}
	for i, r := range recs {
		if r.Type != Person {
			continue
		}
		var longer []int
		for j, q := range recs {
			if j != i && q.Type == Person && len(tokens[j]) > len(tokens[i]) && EndsWith(tokens[j], tokens[i]) {
				longer = append(longer, j)
			}
		}
		// Among the longer names, only the maximal ones count: "Obrador"
		// fits "López Obrador" and "Andrés Manuel López Obrador", which
		// is one person; "Washington" fits "George Washington" and
		// "Denzel Washington", which are two.
		var maximal []int
		for _, j := range longer {
			top := true
			for _, k := range longer {
				if k != j && len(tokens[k]) > len(tokens[j]) && EndsWith(tokens[k], tokens[j]) {
					top = false
				}
			}
			if top {
				maximal = append(maximal, j)
			}
		}
		if len(maximal) == 1 {
			byName(i, maximal[0], LinkPartialName)
		}
	}
	// Acronyms of organizations and places.
	for i, r := range recs {
		ac, ok := Acronym(r.Name)
		if !ok || r.Type == Person {
			continue
		}
		var fits []int
		for j, q := range recs {
			if j != i && q.Type != Person && q.Type.IsNamed() && Initials(q.Name) == ac {
				fits = append(fits, j)
			}
		}
		if len(fits) == 1 {
			byName(i, fits[0], LinkAcronym)
		}
	}
	// The canonical entity of a cluster is its fullest name: most words,
	// then longest, then the smallest IRI.
	best := map[int]int{}
	for i := range recs { // real records only: outside IRIs are never canonical
		c := find(i)
		b, ok := best[c]
		if !ok || fuller(recs[i], tokens[i], recs[b], tokens[b]) {
			best[c] = i
		}
	}
	var out []Link
	for i, r := range recs {
		to := best[find(i)]
		if to != i {
			out = append(out, Link{From: r.ID, To: recs[to].ID, Rule: rule[i]})
		}
	}
	return out
}

func fuller(a LinkRecord, at []string, b LinkRecord, bt []string) bool {
	if a.Type.IsNamed() != b.Type.IsNamed() {
		return a.Type.IsNamed()
	}
	if len(at) != len(bt) {
		return len(at) > len(bt)
	}
	if len(a.Name) != len(b.Name) {
		return len(a.Name) > len(b.Name)
	}
	return a.ID < b.ID
}

func distinct(is []int, not int) []int {
	var out []int
	for _, i := range is {
		if i != not && (len(out) == 0 || out[len(out)-1] != i) {
			out = append(out, i)
		}
	}
	return out
}

// authority is the part of an IRI that says who names it: its scheme
// and host ("https://sws.geonames.org").
func authority(iri string) string {
	scheme, rest, ok := strings.Cut(iri, "://")
	if !ok {
		return iri
	}
	host, _, _ := strings.Cut(rest, "/")
	return scheme + "://" + host
}

func overlap(xs, ys []string) bool {
	for _, x := range xs {
		for _, y := range ys {
			if x == y {
				return true
			}
		}
	}
	return false
}

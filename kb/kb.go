// Package kb links a document's entities to a knowledge base the user
// supplies: a table of names and aliases to IRIs (one exported from
// Wikidata, say). An entity is linked, by an owl:sameAs to the item's IRI,
// when its name, its type and its article agree with exactly one item; the
// store's cross-article linker then joins every entity sameAs one item,
// whatever article or source it came from.
//
// The table is tab-separated text with a header line naming its columns
// (any order; iri, label and type are required):
//
//	iri	label	aliases	type	country	geonames
//	http://www.wikidata.org/entity/Q60	New York City	NYC|New York|Big Apple	GPE	US	5128581
//	Q1384	New York	New York State|NY	GPE	US	5128638
//
// iri is an absolute IRI, or a Wikidata id ("Q60") that stands for
// http://www.wikidata.org/entity/Q60; aliases are separated by "|"; type is
// one of newsgraph's named types (PERSON, ORGANIZATION, GPE, LOCATION,
// NORP, EVENT; GPE and LOCATION match each other); country is an ISO
// 3166-1 alpha-2 code (where a person or organization belongs, where a
// place is) and geonames a place's GeoNames id, both optional. Lines
// starting with "#" and blank lines are skipped.
//
// What agrees: the entity's name or one of its aliases is the item's
// label or alias (case and accents aside), or, for a person named by one
// word ("Johnson", "Marilyn"), the item's label ends with it or an alias
// is it, which takes the article's agreement as well; the types
// match; a place's GeoNames id, when both have one, is the same (this is
// what tells the city of New York from the state); and a country the item
// names is one the article's places are in, which decides between items
// of one name and is required for a surname. The best-supported item is
// linked when no other is as well supported; otherwise the entity stays
// unlinked.
package kb

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/kg"
)

// Item is one row of a knowledge base.
type Item struct {
	IRI      string
	Label    string
	Aliases  []string
	Type     kg.EntityType
	Country  string // ISO 3166-1 alpha-2, or ""
	Geonames int    // GeoNames id of a place, or 0
}

// KB is a knowledge base indexed by name.
type KB struct {
	items   []Item
	byName  map[string][]int // folded label or alias -> items
	surname map[string][]int // folded last word of a person's label -> items
}

// WikidataEntity is the IRI prefix a bare Wikidata id stands for.
const WikidataEntity = "http://www.wikidata.org/entity/"

// Open reads a knowledge-base file.
func Open(path string) (*KB, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	k, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}

// Read reads a knowledge base (see the package doc for the format). A
// bad line is an error naming it, with the first 20 problems.
func Read(r io.Reader) (*KB, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var col map[string]int
	var problems []string
	bad := func(line int, format string, a ...any) {
		if len(problems) < 20 {
			problems = append(problems, fmt.Sprintf("line %d: ", line)+fmt.Sprintf(format, a...))
		}
	}
	k := &KB{byName: map[string][]int{}, surname: map[string][]int{}}
	for line := 1; sc.Scan(); line++ {
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cells := strings.Split(l, "\t")
		if col == nil {
			col = map[string]int{}
			for i, c := range cells {
				col[strings.ToLower(strings.TrimSpace(c))] = i
			}
			for _, need := range []string{"iri", "label", "type"} {
				if _, ok := col[need]; !ok {
					return nil, fmt.Errorf("line %d: the header has no %q column (want iri, label, aliases, type, country, geonames)", line, need)
				}
			}
			continue
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(cells) {
				return strings.TrimSpace(cells[i])
			}
			return ""
		}
		it := Item{IRI: get("iri"), Label: get("label"), Type: kg.EntityType(strings.ToUpper(get("type"))), Country: strings.ToUpper(get("country"))}
		if isWikidataID(it.IRI) {
			it.IRI = WikidataEntity + it.IRI
		}
		switch {
		case !absolute(it.IRI):
			bad(line, "iri %q is neither an absolute IRI nor a Wikidata id", it.IRI)
			continue
		case it.Label == "":
			bad(line, "no label")
			continue
		case !it.Type.Valid() || !it.Type.IsNamed():
			bad(line, "type %q is not one of PERSON, ORGANIZATION, GPE, LOCATION, NORP, EVENT", get("type"))
			continue
		case it.Country != "" && (len(it.Country) != 2 || strings.Trim(it.Country, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != ""):
			bad(line, "country %q is not an ISO 3166-1 alpha-2 code", it.Country)
			continue
		}
		if g := get("geonames"); g != "" {
			id, err := strconv.Atoi(g)
			if err != nil || id <= 0 {
				bad(line, "geonames %q is not a GeoNames id", g)
				continue
			}
			it.Geonames = id
		}
		for _, a := range strings.Split(get("aliases"), "|") {
			if a = strings.TrimSpace(a); a != "" && a != it.Label {
				it.Aliases = append(it.Aliases, a)
			}
		}
		k.add(it)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return nil, kg.Errorf(kg.EINVALID, "%s", strings.Join(problems, "; "))
	}
	if col == nil {
		return nil, errors.New("empty: no header line")
	}
	return k, nil
}

func (k *KB) add(it Item) {
	i := len(k.items)
	k.items = append(k.items, it)
	seen := map[string]bool{}
	for _, n := range append([]string{it.Label}, it.Aliases...) {
		if f := key(n); f != "" && !seen[f] {
			seen[f] = true
			k.byName[f] = append(k.byName[f], i)
		}
	}
	if it.Type == kg.Person {
		if ws := strings.Fields(key(it.Label)); len(ws) > 1 {
			last := ws[len(ws)-1]
			k.surname[last] = append(k.surname[last], i)
		}
	}
}

// Len is the number of items.
func (k *KB) Len() int { return len(k.items) }

func key(name string) string {
	return strings.Join(strings.Fields(kg.Fold(strings.ReplaceAll(name, "’", "'"))), " ")
}

func isWikidataID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' {
		return false
	}
	_, err := strconv.Atoi(s[1:])
	return err == nil
}

func absolute(iri string) bool {
	scheme, rest, ok := strings.Cut(iri, ":")
	return ok && scheme != "" && rest != "" && !strings.ContainsAny(iri, " <>\"{}|\\^`")
}

// Resolve links the entities of doc that agree with one item (see the
// package doc), appending the item's IRI to their SameAs.
func (k *KB) Resolve(doc *kg.Document, _ kg.IRIs) {
	countries := map[string]bool{}
	for _, e := range doc.Entities {
		if e.Location != nil {
			countries[e.Location.CountryCode] = true
		}
	}
	if l := doc.Article.Location; l != nil {
		countries[l.CountryCode] = true
	}
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if !e.Type.IsNamed() {
			continue
		}
		if it, ok := k.match(e, countries); ok && !contains(e.SameAs, it.IRI) {
			e.SameAs = append(e.SameAs, it.IRI)
		}
	}
}

// candidate is an item an entity may be, and how well it agrees.
type candidate struct {
	item  int
	score int
}

// The weights of agreement.
const (
	byName     = 2 // the entity's name or alias is the item's
	bySurname  = 1 // a person's one-word name ends the item's label
	byGeonames = 3 // the same GeoNames feature
	byCountry  = 1 // the item's country is one of the article's
)

func (k *KB) match(e *kg.Entity, countries map[string]bool) (Item, bool) {
	found := map[int]int{}
	oneWord := func(n string) bool { return !strings.Contains(key(n), " ") }
	for j, n := range append([]string{e.Name}, e.Aliases...) {
		// A person's one-word alias is a surname or a first name the
		// article used after the full name, which says more.
		if e.Type == kg.Person && j > 0 && oneWord(n) {
			continue
		}
		for _, i := range k.byName[key(n)] {
			score := byName
			if e.Type == kg.Person && oneWord(n) && key(k.items[i].Label) != key(n) {
				score = bySurname // "Marilyn" is an alias of Marilyn Monroe, and a first name
			}
			found[i] = max(found[i], score)
		}
	}
	if len(found) == 0 && e.Type == kg.Person && oneWord(e.Name) {
		for _, i := range k.surname[key(e.Name)] {
			found[i] = bySurname
		}
	}
	var cands []candidate
	for i, score := range found {
		it := k.items[i]
		if !sameKind(it.Type, e.Type) {
			continue
		}
		if it.Geonames != 0 && e.Location != nil {
			if it.Geonames != e.Location.GeonamesID {
				continue // another place of the name: the state, not the city
			}
			score += byGeonames
		} else if it.Country != "" && e.Location != nil && e.Location.CountryCode != it.Country {
			continue // a place in another country
		}
		if it.Country != "" && countries[it.Country] {
			score += byCountry
		}
		if score == bySurname {
			continue // a surname alone needs the article's agreement
		}
		cands = append(cands, candidate{i, score})
	}
	if len(cands) == 0 {
		return Item{}, false
	}
	sort.Slice(cands, func(a, b int) bool {
		if cands[a].score != cands[b].score {
			return cands[a].score > cands[b].score
		}
		return cands[a].item < cands[b].item
	})
	if len(cands) > 1 && cands[1].score == cands[0].score {
		return Item{}, false // two items agree as well: which one is not known
	}
	return k.items[cands[0].item], true
}

// sameKind reports whether an item's type fits an entity's: the same, or
// both places.
func sameKind(a, b kg.EntityType) bool {
	place := func(t kg.EntityType) bool { return t == kg.GPE || t == kg.Location }
	return a == b || place(a) && place(b)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

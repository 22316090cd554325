package gazetteer

import (
	"strings"
	"sync"
)

// Kind says what a gazetteer entry names.
type Kind int

// The kinds of entries.
const (
	None Kind = iota
	Country
	State
	City
	Region
	Org
	Demonym
)

// Entry is what the gazetteer knows about a name.
type Entry struct {
	Kind Kind
	// Canonical is the preferred name: "United States" for "US",
	// and for a demonym the country it denotes ("Mexico" for "Mexican").
	Canonical string
}

type index struct {
	names map[string]Entry // lower-cased name -> entry
	// capitals are the short names known only as acronyms ("WHO",
	// "UAE"): they match only written in capitals ("Who" is a pronoun);
	// longer ones are written both ways ("NATO", "Nato").
	capitals map[string]bool
	// maxWords is the longest name in words, for longest-match lookups.
	maxWords int
}

var idx = sync.OnceValue(build)

func build() *index {
	ix := &index{names: map[string]Entry{}, capitals: map[string]bool{}}
	spelled := map[string]bool{} // keys of names written other than in capitals
	add := func(name string, e Entry) {
		key := Key(name)
		if isAcronym(name) && len(name) <= 3 {
			ix.capitals[key] = !spelled[key]
		} else {
			spelled[key] = true
			delete(ix.capitals, key)
		}
		if _, ok := ix.names[key]; ok {
			return // first entry wins: countries before states before cities
		}
		ix.names[key] = e
		if n := len(strings.Fields(name)); n > ix.maxWords {
			ix.maxWords = n
		}
	}
	for _, line := range lines(countries) {
		names, dems, _ := strings.Cut(line, "#")
		alias := strings.Split(names, "|")
		canon := alias[0]
		for _, a := range alias {
			add(a, Entry{Country, canon})
			add(strings.TrimPrefix(a, "the "), Entry{Country, canon})
		}
		for _, d := range strings.Split(dems, ",") {
			if d != "" {
				add(d, Entry{Demonym, canon})
			}
		}
	}
	addList := func(text string, kind Kind) {
		for _, line := range lines(text) {
			alias := strings.Split(line, "|")
			canon := alias[0]
			for _, a := range alias {
				add(a, Entry{kind, canon})
			}
		}
	}
	for _, line := range lines(groups) {
		for _, g := range strings.Split(line, ",") {
			add(g, Entry{Demonym, strings.Split(line, ",")[0]})
		}
	}
	addList(usStates, State)
	addList(cities, City)
	addList(regions, Region)
	addList(organizations, Org)
	// "New York State" is also "New York" when no city reading applies;
	// the city entry came first, so only the explicit forms map to states.
	return ix
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Key is the lookup form of a name: lower case, single spaces, curly
// apostrophes straightened.
func Key(name string) string {
	name = strings.ReplaceAll(name, "’", "'")
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// Lookup returns what the gazetteer knows of name.
func Lookup(name string) (Entry, bool) {
	// Two-letter codes ("AL", "OK") name a state only in capitals; "Al"
	// is a first name.
	if n := len(name); n == 2 && name != strings.ToUpper(name) {
		return Entry{}, false
	}
	if idx().capitals[Key(name)] && !isAcronym(name) {
		return Entry{}, false
	}
	e, ok := idx().names[Key(name)]
	if !ok && strings.HasPrefix(Key(name), "the ") {
		e, ok = idx().names[Key(name)[4:]]
	}
	return e, ok
}

// MaxWords is the number of words in the longest known name.
func MaxWords() int { return idx().maxWords }

var demonyms = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for _, line := range lines(countries) {
		names, dems, _ := strings.Cut(line, "#")
		canon, _, _ := strings.Cut(names, "|")
		first, _, _ := strings.Cut(dems, ",")
		if first != "" {
			out[canon] = first
		}
	}
	return out
})

// DemonymOf returns the adjective for the people of a country: "Mexican"
// for "Mexico". It returns the country's name when none is known.
func DemonymOf(country string) string {
	if d, ok := demonyms()[country]; ok {
		return d
	}
	return country
}

// IsCountry reports whether name is a country's canonical name.
func IsCountry(name string) bool {
	e, ok := Lookup(name)
	return ok && e.Kind == Country && e.Canonical == name
}

// Each calls fn with every name the gazetteer knows (lower-cased, as Key
// makes it) and its entry, in no particular order.
func Each(fn func(name string, e Entry)) {
	for name, e := range idx().names {
		fn(name, e)
	}
}

// isAcronym reports a name of capitals (and dots or digits) with at least
// two letters: "WHO", "U.S.", "G7".
func isAcronym(name string) bool {
	letters := 0
	for _, r := range name {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == '.' || r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return letters >= 2
}

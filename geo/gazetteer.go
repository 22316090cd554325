package geo

import (
	"bytes"
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/klauspost/compress/zstd"

	"github.com/newsgraph/newsgraph/kg"
)

// Kind is what a place is.
type Kind uint8

// The kinds of places.
const (
	_       Kind = iota
	Country      // a country or dependent territory (ISO 3166-1)
	Admin1       // a country's first-level division: a US state, an Australian state, a Greek region
	City         // a populated place of 1,000 people or more
)

func (k Kind) String() string {
	switch k {
	case Country:
		return "country"
	case Admin1:
		return "admin1"
	case City:
		return "city"
	}
	return "?"
}

// Place is one entry of the gazetteer.
type Place struct {
	ID         int // GeoNames id
	Kind       Kind
	Name       string
	Alt        []string // other names: an ASCII spelling, GeoNames' own name
	Country    string   // ISO 3166-1 alpha-2 code
	Admin1     string   // GeoNames' first-level division code ("TX", "ESYE31")
	Feature    string   // GeoNames feature code of a city: PPLC capital, PPLA division seat, PPL...
	Population int
	Lat, Lon   float64
}

// Gazetteer is the places newsgraph knows, indexed by name.
type Gazetteer struct {
	places   []Place
	byName   map[string][]int32 // Key(name) -> places
	country  map[string]int32   // ISO code -> country
	admin    map[string]int32   // "CC.admin1" -> division
	maxWords int
}

//go:embed data/places.zst
var placesZst []byte

// Default is the gazetteer embedded in the binary, decoded on first use.
var Default = sync.OnceValues(func() (*Gazetteer, error) {
	data, err := Embedded()
	if err != nil {
		return nil, err
	}
	return Parse(data)
})

// Embedded is the embedded gazetteer file, decompressed.
func Embedded() ([]byte, error) {
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	data, err := dec.DecodeAll(placesZst, nil)
	if err != nil {
		return nil, fmt.Errorf("geo: embedded gazetteer: %w", err)
	}
	return data, nil
}

// Parse reads a gazetteer file as Build writes it.
func Parse(data []byte) (*Gazetteer, error) {
	n := bytes.Count(data, []byte{'\n'})
	g := &Gazetteer{places: make([]Place, 0, n), byName: make(map[string][]int32, n+n/4),
		country: map[string]int32{}, admin: map[string]int32{}}
	text := string(data) // one copy: every name is a slice of it
	var f [10]string
	for line := 1; len(text) > 0; line++ {
		l := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		for i := range f {
			if i == len(f)-1 {
				f[i] = l
				break
			}
			var ok bool
			if f[i], l, ok = strings.Cut(l, "\t"); !ok {
				return nil, fmt.Errorf("geo: line %d: %d fields, want 10", line, i+1)
			}
		}
		p := Place{Name: f[2], Country: f[4], Admin1: f[5], Feature: f[6]}
		switch f[0] {
		case "C":
			p.Kind = Country
		case "A":
			p.Kind = Admin1
		case "P":
			p.Kind = City
		default:
			return nil, fmt.Errorf("geo: line %d: kind %q", line, f[0])
		}
		var err error
		if p.ID, err = strconv.Atoi(f[1]); err == nil {
			if p.Population, err = strconv.Atoi(f[7]); err == nil {
				if p.Lat, err = strconv.ParseFloat(f[8], 64); err == nil {
					p.Lon, err = strconv.ParseFloat(f[9], 64)
				}
			}
		}
		if err != nil {
			return nil, fmt.Errorf("geo: line %d: %w", line, err)
		}
		if f[3] != "" {
			p.Alt = strings.Split(f[3], "|")
		}
		g.add(p)
	}
	return g, nil
}

func (g *Gazetteer) add(p Place) {
	i := int32(len(g.places))
	g.places = append(g.places, p)
	switch p.Kind {
	case Country:
		g.country[p.Country] = i
	case Admin1:
		g.admin[p.Country+"."+p.Admin1] = i
	}
	var keys [4]string
	n := 0
	for k := -1; k < len(p.Alt); k++ {
		name := p.Name
		if k >= 0 {
			name = p.Alt[k]
		}
		key := Key(name)
		dup := key == ""
		for _, x := range keys[:min(n, len(keys))] {
			dup = dup || x == key
		}
		if dup {
			continue
		}
		if n < len(keys) {
			keys[n] = key
		}
		n++
		g.byName[key] = append(g.byName[key], i)
		if w := strings.Count(key, " ") + 1; w > g.maxWords {
			g.maxWords = w
		}
	}
}

// Key is the lookup form of a name: lower case, accents removed (kg.Fold),
// single spaces, curly apostrophes straightened, a leading "the" dropped.
func Key(name string) string {
	if k, ok := asciiKey(name); ok {
		return k
	}
	k := strings.Join(strings.Fields(kg.Fold(strings.ReplaceAll(name, "’", "'"))), " ")
	return strings.TrimPrefix(k, "the ")
}

// asciiKey is Key for a name in ASCII letters, digits and punctuation
// with single spaces, most of the gazetteer's, without allocating when
// it is already lower case.
func asciiKey(name string) (string, bool) {
	upper := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 0x80 || c < ' ' || c == ' ' && (i == 0 || i == len(name)-1 || name[i-1] == ' '):
			return "", false
		case 'A' <= c && c <= 'Z':
			upper = true
		}
	}
	k := name
	if upper {
		k = strings.ToLower(name)
	}
	return strings.TrimPrefix(k, "the "), true
}

// Lookup returns the places called name, most populous first for equal
// kinds (countries, then divisions, then cities).
func (g *Gazetteer) Lookup(name string) []Place {
	is := g.byName[Key(name)]
	out := make([]Place, len(is))
	for j, i := range is {
		out[j] = g.places[i]
	}
	return out
}

// ByID returns the place with GeoNames id id.
func (g *Gazetteer) ByID(id int) (Place, bool) {
	// places are sorted by kind, then by id (Build)
	for k := Country; k <= City; k++ {
		lo := sort.Search(len(g.places), func(i int) bool { return g.places[i].Kind >= k })
		hi := sort.Search(len(g.places), func(i int) bool { return g.places[i].Kind > k })
		if i := lo + sort.Search(hi-lo, func(i int) bool { return g.places[lo+i].ID >= id }); i < hi && g.places[i].ID == id {
			return g.places[i], true
		}
	}
	return Place{}, false
}

// Country returns the country with ISO code cc.
func (g *Gazetteer) Country(cc string) (Place, bool) {
	i, ok := g.country[cc]
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}

// Division returns the first-level division of country cc with GeoNames
// code code.
func (g *Gazetteer) Division(cc, code string) (Place, bool) {
	i, ok := g.admin[cc+"."+code]
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}

// Len is the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

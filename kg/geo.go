package kg

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// Geocode is where a place is: its coordinates (WGS84 degrees), country,
// first-level division and GeoNames feature, as the gazetteer gives them.
type Geocode struct {
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	CountryCode string  `json:"countryCode"`     // ISO 3166-1 alpha-2
	Admin       string  `json:"admin,omitempty"` // the first-level division's name ("Texas"); empty for a country
	GeonamesID  int     `json:"geonamesId"`
	// Kind is "country", "admin1" (a state, province or region) or
	// "city" (a populated place).
	Kind string `json:"kind"`
}

// GeonamesIRI is the IRI of a GeoNames feature (its Semantic Web IRI).
func GeonamesIRI(id int) string { return "https://sws.geonames.org/" + strconv.Itoa(id) + "/" }

// GeonamesID reads the id of a GeoNames IRI (as GeonamesIRI writes it).
func GeonamesID(iri string) (int, bool) {
	rest, ok := strings.CutPrefix(iri, "https://sws.geonames.org/")
	if !ok {
		return 0, false
	}
	id, err := strconv.Atoi(strings.TrimSuffix(rest, "/"))
	return id, err == nil && id > 0
}

// Km is the great-circle distance between two points in kilometres.
func Km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088 // mean Earth radius
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// PlaceFilter selects places: in a country, or within Km of a point.
// The zero filter selects everything.
type PlaceFilter struct {
	CountryCode string
	Near        bool
	Lat, Lon    float64
	Km          float64
}

// Matches reports whether l is selected; a nil location never is, unless
// the filter is the zero one.
func (f PlaceFilter) Matches(l *Geocode) bool {
	if f == (PlaceFilter{}) {
		return true
	}
	if l == nil {
		return false
	}
	if f.CountryCode != "" && l.CountryCode != f.CountryCode {
		return false
	}
	return !f.Near || Km(f.Lat, f.Lon, l.Lat, l.Lon) <= f.Km
}

// RenameEntity gives the entity id of d a new canonical name, and the IRI
// that name makes, everywhere in d: the old name becomes an alias, and
// statements about it are renamed and get new IRIs. Renaming onto an
// entity d already has merges the two. Geocoding renames a place whose
// reading is not the one its name has alone ("Paris" read as Paris,
// Texas, becomes "Paris, Texas"), so that the two readings are two nodes.
func (d *Document) RenameEntity(iris IRIs, id, name string) {
	from := -1
	for i := range d.Entities {
		if d.Entities[i].ID == id {
			from = i
		}
	}
	if from < 0 {
		return
	}
	e := &d.Entities[from]
	newID := iris.Entity(e.Type, name)
	if newID == id {
		e.Name = name
		return
	}
	old := e.Name
	e.ID, e.Name = newID, name
	e.Aliases = addName(e.Aliases, old, name)
	for i := range d.Entities {
		if i == from || d.Entities[i].ID != newID {
			continue
		}
		// merge into the first of the two
		into, other := i, from
		if from < i {
			into, other = from, i
		}
		a, b := &d.Entities[into], d.Entities[other]
		for _, n := range append([]string{b.Name}, b.Aliases...) {
			a.Aliases = addName(a.Aliases, n, a.Name)
		}
		a.Mentions = append(a.Mentions, b.Mentions...)
		sort.Slice(a.Mentions, func(x, y int) bool { return a.Mentions[x].Start < a.Mentions[y].Start })
		if a.Location == nil {
			a.Location = b.Location
		}
		for _, s := range b.SameAs {
			a.SameAs = addName(a.SameAs, s, "")
		}
		d.Entities = append(d.Entities[:other], d.Entities[other+1:]...)
		break
	}
	rename := func(n *Node) bool {
		if n.ID != id {
			return false
		}
		n.ID, n.Name = newID, name
		return true
	}
	for i := range d.Statements {
		st := &d.Statements[i]
		changed := rename(&st.Subject)
		changed = rename(&st.Object) || changed
		if st.AttributedTo != nil {
			changed = rename(st.AttributedTo) || changed
		}
		for j := range st.Arguments {
			changed = rename(&st.Arguments[j].Value) || changed
		}
		if changed {
			st.ID = iris.Statement(st.Subject.ID, st.Predicate, st.Object.ID, st.Negated, st.Modality)
		}
	}
	// two statements can now be one (as the loader dedupes: one a
	// sentence)
	seen := map[string]bool{}
	out := d.Statements[:0]
	for _, st := range d.Statements {
		key := st.ID + "\x00" + strconv.Itoa(st.Sentence)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, st)
	}
	d.Statements = out
}

// addName appends n to names unless it is there already or is not.
func addName(names []string, n, not string) []string {
	if n == not || n == "" {
		return names
	}
	for _, x := range names {
		if x == n {
			return names
		}
	}
	return append(names, n)
}

// Nearby is an entity near a point, and how far.
type Nearby struct {
	Entity *Entity
	Km     float64
}

package geo_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/kg"
)

// doc makes a document of text whose places are the words in brackets:
// "[Paris], [Texas]" has the entities Paris and Texas. A name bracketed
// twice is one entity with two mentions.
func doc(t *testing.T, text string) *kg.Document {
	t.Helper()
	iris := kg.NewIRIs("")
	var plain []rune
	d := &kg.Document{}
	at := map[string]int{}
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		if rs[i] != '[' {
			plain = append(plain, rs[i])
			continue
		}
		j := i + 1
		for j < len(rs) && rs[j] != ']' {
			j++
		}
		name := string(rs[i+1 : j])
		m := kg.Mention{Start: len(plain), End: len(plain) + j - i - 1, Text: name}
		plain = append(plain, rs[i+1:j]...)
		if k, ok := at[name]; ok {
			d.Entities[k].Mentions = append(d.Entities[k].Mentions, m)
		} else {
			at[name] = len(d.Entities)
			d.Entities = append(d.Entities, kg.Entity{ID: iris.Entity(kg.GPE, name), Name: name, Type: kg.GPE, Mentions: []kg.Mention{m}})
		}
		i = j
	}
	d.Article.Text = string(plain)
	return d
}

func geocoder(t *testing.T) *geo.Geocoder {
	t.Helper()
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	return geo.New(g)
}

func TestResolve(t *testing.T) {
	c := geocoder(t)
	tests := []struct {
		name     string
		text     string
		dateline string
		entity   string
		want     int    // GeoNames id, 0 for unlinked
		newName  string // the entity's name after geocoding
	}{
		{"country", "[Mexico] sent troops.", "", "Mexico", 3996063, "Mexico"},
		{"capital by population", "Talks in [Paris] ended.", "", "Paris", 2988507, "Paris"},
		{"qualified in the text", "He grew up in [Paris], [Texas], and left.", "", "Paris", 4717560, "Paris, Texas"},
		{"qualified by an abbreviation", "A fire in [Paris], Tex. on Monday.", "", "Paris", 4717560, "Paris, Texas"},
		{"other places of the state", "From [Dallas] the team drove to [Paris] and [Tyler].", "", "Paris", 4717560, "Paris, Texas"},
		{"other places of the country", "Officials in [Lyon] and [Paris] met.", "", "Paris", 2988507, "Paris"},
		{"the dateline's state", "The mayor of [Athens] spoke.", "ATHENS, Ga.", "Athens", 4180386, "Athens, Georgia"},
		{"the dateline's country", "Officials in [Athens] spoke.", "ATHENS, Greece", "Athens", 264371, "Athens"},
		{"ambiguous without context", "The [Springfield] council met.", "", "Springfield", 0, "Springfield"},
		{"resolved by the state named", "The [Springfield] council met, [Illinois] officials said.", "", "Springfield", 4250542, "Springfield, Illinois"},
		{"a small town needs support", "A meeting in [Lukeville] and [Tyler].", "", "Lukeville", 0, "Lukeville"},
		{"unknown name", "Snow fell on [Sandia].", "", "Sandia", 0, "Sandia"},
		{"conventional reading", "Protests in [Washington] grew.", "", "Washington", 4140963, "Washington"},
		{"country before a state", "Troops left [Georgia].", "", "Georgia", 614540, "Georgia"},
		{"state by its cities", "From [Atlanta] and [Savannah] across [Georgia].", "", "Georgia", 4197000, "Georgia, United States"},
		{"a division", "Rain in [Victoria] and [New South Wales].", "", "Victoria", 2145234, "Victoria, Australia"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(t, tc.text)
			d.Article.Place = tc.dateline
			c.Resolve(d, kg.NewIRIs(""))
			var e *kg.Entity
			for i := range d.Entities {
				if d.Entities[i].Name == tc.entity || strings.HasPrefix(d.Entities[i].Name, tc.entity+",") {
					e = &d.Entities[i]
				}
			}
			if e == nil {
				t.Fatalf("no entity %q in %+v", tc.entity, d.Entities)
			}
			got := 0
			if e.Location != nil {
				got = e.Location.GeonamesID
			}
			if got != tc.want {
				t.Errorf("%s: got GeoNames %d (%+v), want %d", tc.entity, got, e.Location, tc.want)
			}
			if e.Name != tc.newName {
				t.Errorf("name %q, want %q", e.Name, tc.newName)
			}
			if tc.want != 0 {
				if len(e.SameAs) != 1 || e.SameAs[0] != kg.GeonamesIRI(tc.want) {
					t.Errorf("sameAs %v, want [%s]", e.SameAs, kg.GeonamesIRI(tc.want))
				}
				if e.ID != kg.NewIRIs("").Entity(kg.GPE, e.Name) {
					t.Errorf("IRI %s does not follow the name %q", e.ID, e.Name)
				}
			} else if len(e.SameAs) != 0 {
				t.Errorf("unlinked, but sameAs %v", e.SameAs)
			}
		})
	}
}

// The location carries the country, the division and coordinates.
func TestGeocode(t *testing.T) {
	d := doc(t, "He moved to [Paris], [Texas].")
	geocoder(t).Resolve(d, kg.NewIRIs(""))
	l := d.Entities[0].Location
	if l == nil {
		t.Fatal("Paris, Texas: no location")
	}
	if l.CountryCode != "US" || l.Admin != "Texas" || l.Kind != "city" {
		t.Errorf("got %+v, want a city in Texas, US", l)
	}
	if kg.Km(l.Lat, l.Lon, 33.66, -95.56) > 5 {
		t.Errorf("Paris, Texas at %v,%v", l.Lat, l.Lon)
	}
	tx := d.Entities[1].Location
	if tx == nil || tx.Kind != "admin1" || tx.Admin != "Texas" || tx.GeonamesID != 4736286 {
		t.Errorf("Texas: %+v", tx)
	}
}

// Renaming a place moves the statements about it to the new IRI.
func TestRenameMovesStatements(t *testing.T) {
	iris := kg.NewIRIs("")
	d := doc(t, "[Paris], [Texas] grew.")
	paris := d.Entities[0]
	st := kg.Statement{Subject: kg.Node{ID: paris.ID, Name: "Paris", Type: kg.GPE}, Predicate: "grow",
		Object: kg.Node{ID: iris.Value(kg.Concept, "x"), Name: "x", Type: kg.Concept}}
	st.ID = iris.Statement(st.Subject.ID, st.Predicate, st.Object.ID, false, "")
	d.Statements = []kg.Statement{st}
	geocoder(t).Resolve(d, iris)
	got := d.Statements[0]
	if want := iris.Entity(kg.GPE, "Paris, Texas"); got.Subject.ID != want || got.Subject.Name != "Paris, Texas" {
		t.Errorf("subject %+v, want %s", got.Subject, want)
	}
	if got.ID == st.ID || got.ID != iris.Statement(got.Subject.ID, "grow", got.Object.ID, false, "") {
		t.Errorf("statement IRI %s not renewed", got.ID)
	}
	if a := d.Entities[0].Aliases; len(a) != 1 || a[0] != "Paris" {
		t.Errorf("aliases %v, want [Paris]", a)
	}
}

func TestArticleLocation(t *testing.T) {
	d := doc(t, "The council met.")
	d.Article.Place = "SYDNEY, Australia"
	geocoder(t).Resolve(d, kg.NewIRIs(""))
	if l := d.Article.Location; l == nil || l.GeonamesID != 2147714 {
		t.Errorf("dateline location %+v, want Sydney (2147714)", l)
	}
}

func TestLookup(t *testing.T) {
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() < 100000 {
		t.Errorf("%d places", g.Len())
	}
	ps := g.Lookup("Náfplio")
	if len(ps) != 1 || ps[0].ID != 256637 {
		t.Errorf("Náfplio: %+v", ps)
	}
	if ps2 := g.Lookup("nafplio"); len(ps2) != 1 {
		t.Errorf("accents and case should not matter: %+v", ps2)
	}
	us, ok := g.Country("US")
	if !ok || us.ID != 6252001 || us.Kind != geo.Country {
		t.Errorf("US: %+v", us)
	}
}

func TestByID(t *testing.T) {
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int{6252001, 4736286, 4717560} {
		if p, ok := g.ByID(id); !ok || p.ID != id {
			t.Errorf("ByID(%d) = %+v, %v", id, p, ok)
		}
	}
	if _, ok := g.ByID(1); ok {
		t.Error("ByID(1) found a place")
	}
}

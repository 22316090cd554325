package kg

import (
	"math/rand"
	"reflect"
	"testing"
)

func TestLinkEntities(t *testing.T) {
	rec := func(id string, typ EntityType, name string, aliases ...string) LinkRecord {
		return LinkRecord{ID: id, Type: typ, Name: name, Aliases: aliases}
	}
	for _, tc := range []struct {
		name   string
		recs   []LinkRecord
		sameAs [][2]string
		want   []Link
	}{
		{"surname after a full name elsewhere",
			[]LinkRecord{rec("p/antony-blinken", Person, "Antony Blinken"), rec("p/blinken", Person, "Blinken")}, nil,
			[]Link{{"p/blinken", "p/antony-blinken", LinkPartialName}}},
		{"partial names of one person join the fullest",
			[]LinkRecord{rec("p/amlo", Person, "Andrés Manuel López Obrador"), rec("p/lo", Person, "Lopez Obrador"), rec("p/o", Person, "Obrador")}, nil,
			[]Link{{"p/lo", "p/amlo", LinkPartialName}, {"p/o", "p/amlo", LinkPartialName}}},
		{"ambiguous surname joins no one",
			[]LinkRecord{rec("p/gw", Person, "George Washington"), rec("p/dw", Person, "Denzel Washington"), rec("p/w", Person, "Washington")}, nil,
			nil},
		{"a place is not a person",
			[]LinkRecord{rec("p/gw", Person, "George Washington"), rec("g/w", GPE, "Washington")}, nil,
			nil},
		{"acronym",
			[]LinkRecord{rec("o/ksc", Organization, "KSC"), rec("l/ksc", Location, "Kennedy Space Center")}, nil,
			[]Link{{"o/ksc", "l/ksc", LinkAcronym}}},
		{"ambiguous acronym",
			[]LinkRecord{rec("o/ap", Organization, "AP"), rec("o/a", Organization, "Associated Press"), rec("o/b", Organization, "Aviation Partners")}, nil,
			nil},
		{"alias of another article's entity",
			[]LinkRecord{rec("g/us", GPE, "U.S.A."), rec("g/united-states", GPE, "United States", "U.S.A.", "US")}, nil,
			[]Link{{"g/us", "g/united-states", LinkAlias}}},
		{"sameAs from an import",
			[]LinkRecord{rec("o/x", Organization, "Acme"), rec("o/y", Organization, "Acme Corporation International")}, [][2]string{{"o/x", "o/y"}},
			[]Link{{"o/x", "o/y", LinkSameAs}}},
		{"sameAs through another graph's IRI",
			[]LinkRecord{rec("o/x", Organization, "Acme"), rec("o/y", Organization, "Acme Corporation International")},
			[][2]string{{"o/x", "http://www.wikidata.org/entity/Q1"}, {"http://www.wikidata.org/entity/Q1", "o/y"}},
			[]Link{{"o/x", "o/y", LinkSameAs}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := LinkEntities(tc.recs, tc.sameAs); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// The links depend on the set of entities, not on the order they came in.
func TestLinkEntitiesOrder(t *testing.T) {
	recs := []LinkRecord{
		{ID: "p/a", Type: Person, Name: "Antony Blinken"}, {ID: "p/b", Type: Person, Name: "Blinken"},
		{ID: "o/k", Type: Organization, Name: "KSC"}, {ID: "l/k", Type: Location, Name: "Kennedy Space Center"},
		{ID: "p/c", Type: Person, Name: "Obrador"}, {ID: "p/d", Type: Person, Name: "Andrés Manuel López Obrador"},
		{ID: "g/m", Type: GPE, Name: "Mexico"},
	}
	want := LinkEntities(recs, nil)
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20; i++ {
		r.Shuffle(len(recs), func(a, b int) { recs[a], recs[b] = recs[b], recs[a] })
		if got := LinkEntities(recs, nil); !reflect.DeepEqual(got, want) {
			t.Fatalf("order %d: %v, want %v", i, got, want)
		}
	}
}

// Two places that GeoNames says are different are not joined by name:
// "Paris, Texas" has the alias "Paris", the name of the French capital.
func TestLinkKeepsDistinctPlaces(t *testing.T) {
	recs := []LinkRecord{
		{ID: "ours/paris", Type: GPE, Name: "Paris"},
		{ID: "ours/paris-texas", Type: GPE, Name: "Paris, Texas", Aliases: []string{"Paris"}},
		{ID: "ours/springfield", Type: GPE, Name: "Springfield"},
		{ID: "ours/springfield-illinois", Type: GPE, Name: "Springfield, Illinois", Aliases: []string{"Springfield"}},
	}
	sameAs := [][2]string{
		{"ours/paris", "https://sws.geonames.org/2988507/"},
		{"ours/paris-texas", "https://sws.geonames.org/4717560/"},
		{"ours/springfield-illinois", "https://sws.geonames.org/4250542/"},
	}
	got := LinkEntities(recs, sameAs)
	want := []Link{{From: "ours/springfield", To: "ours/springfield-illinois", Rule: LinkAlias}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v (an unlinked Springfield may join the one linked; the two Parises stay apart)", got, want)
	}
}

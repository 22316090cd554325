package kb_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/kg"
)

func open(t *testing.T) *kb.KB {
	t.Helper()
	k, err := kb.Open("testdata/test.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func located(cc string, id int) *kg.Geocode {
	return &kg.Geocode{CountryCode: cc, GeonamesID: id, Kind: "city"}
}

// The matcher on ambiguous names: two people with one surname, a city
// and a state of one name, a surname alone.
func TestMatch(t *testing.T) {
	k := open(t)
	london := kg.Entity{Name: "London", Type: kg.GPE, Location: located("GB", 2643743)}
	tests := []struct {
		name   string
		entity kg.Entity
		others []kg.Entity // the article's other entities
		want   string      // the item's IRI, "" for unlinked
	}{
		{"full name", kg.Entity{Name: "Denzel Washington", Type: kg.Person}, nil, "https://example.org/kb/denzel-washington"},
		{"alias", kg.Entity{Name: "Mr Johnson", Type: kg.Person, Aliases: []string{"Alexander Boris de Pfeffel Johnson"}}, nil,
			"https://example.org/kb/boris-johnson"},
		{"two people of one surname", kg.Entity{Name: "Washington", Type: kg.Person}, nil, ""},
		{"two people of one surname and one country", kg.Entity{Name: "Washington", Type: kg.Person},
			[]kg.Entity{{Name: "Texas", Type: kg.GPE, Location: located("US", 4736286)}}, ""},
		{"a surname alone", kg.Entity{Name: "Johnson", Type: kg.Person}, nil, ""},
		{"a surname and the article's country", kg.Entity{Name: "Johnson", Type: kg.Person}, []kg.Entity{london},
			"https://example.org/kb/boris-johnson"},
		{"the city", kg.Entity{Name: "New York", Type: kg.GPE, Location: located("US", 5128581)}, nil, "https://example.org/kb/new-york-city"},
		{"the state", kg.Entity{Name: "New York", Type: kg.GPE, Location: &kg.Geocode{CountryCode: "US", GeonamesID: 5128638, Kind: "admin1"}},
			nil, "https://example.org/kb/new-york-state"},
		{"a city or a state, not geocoded", kg.Entity{Name: "New York", Type: kg.GPE}, nil, ""},
		{"the capital", kg.Entity{Name: "Washington", Type: kg.GPE, Location: located("US", 4140963)}, nil, "https://example.org/kb/washington-dc"},
		{"a place elsewhere", kg.Entity{Name: "Washington", Type: kg.GPE, Location: located("GB", 2634715)}, nil, ""},
		{"another type", kg.Entity{Name: "Washington", Type: kg.Organization}, nil, ""},
		{"an old spelling", kg.Entity{Name: "Kiev", Type: kg.Location}, nil, "https://example.org/kb/kyiv"},
		{"a nickname", kg.Entity{Name: "Scotland Yard", Type: kg.Organization}, nil, "https://example.org/kb/met-police"},
		{"case and accents", kg.Entity{Name: "KYÏV", Type: kg.GPE}, nil, "https://example.org/kb/kyiv"},
		{"unknown", kg.Entity{Name: "Jane Doe", Type: kg.Person}, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &kg.Document{Entities: append([]kg.Entity{tc.entity}, tc.others...)}
			k.Resolve(d, kg.NewIRIs(""))
			got := ""
			if s := d.Entities[0].SameAs; len(s) > 0 {
				got = s[len(s)-1]
			}
			if got != tc.want {
				t.Errorf("%s: got %q, want %q", tc.entity.Name, got, tc.want)
			}
		})
	}
}

// A dateline's country counts as the article's.
func TestMatchDateline(t *testing.T) {
	k := open(t)
	d := &kg.Document{Article: kg.Article{Location: located("GB", 2643743)}, Entities: []kg.Entity{{Name: "Johnson", Type: kg.Person}}}
	k.Resolve(d, kg.NewIRIs(""))
	if s := d.Entities[0].SameAs; len(s) != 1 || s[0] != "https://example.org/kb/boris-johnson" {
		t.Errorf("Johnson filed from London: %v", s)
	}
}

func TestRead(t *testing.T) {
	k, err := kb.Read(strings.NewReader("label\ttype\tiri\nGeorge Washington\tperson\tQ23\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := &kg.Document{Entities: []kg.Entity{{Name: "George Washington", Type: kg.Person}}}
	k.Resolve(d, kg.NewIRIs(""))
	if s := d.Entities[0].SameAs; len(s) != 1 || s[0] != "http://www.wikidata.org/entity/Q23" {
		t.Errorf("a Wikidata id in any column order: %v", s)
	}
	for _, tc := range []struct{ name, text, want string }{
		{"no header", "", "no header"},
		{"no iri column", "label\ttype\nX\tPERSON\n", `no "iri" column`},
		{"bad type", "iri\tlabel\ttype\nQ1\tX\tTHING\n", `line 2: type "THING"`},
		{"bad iri", "iri\tlabel\ttype\nnot an iri\tX\tPERSON\n", `line 2: iri "not an iri"`},
		{"no label", "iri\tlabel\ttype\nQ1\t\tPERSON\n", "line 2: no label"},
		{"bad country", "iri\tlabel\ttype\tcountry\nQ1\tX\tGPE\tUSA\n", `country "USA"`},
		{"bad geonames", "iri\tlabel\ttype\tgeonames\nQ1\tX\tGPE\tabc\n", `geonames "abc"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := kb.Read(strings.NewReader(tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// A person's first name, or a one-word alias, is not enough.
func TestOneWordPerson(t *testing.T) {
	k, err := kb.Read(strings.NewReader("iri\tlabel\taliases\ttype\nQ1\tDaniel Bernoulli\tDaniel\tPERSON\nQ2\tHalston\t\tPERSON\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := &kg.Document{Entities: []kg.Entity{
		{Name: "Daniel Montalvo", Type: kg.Person, Aliases: []string{"Daniel", "Montalvo"}},
		{Name: "Daniel", Type: kg.Person},
		{Name: "Halston", Type: kg.Person},
	}}
	k.Resolve(d, kg.NewIRIs(""))
	for i, want := range []int{0, 0, 1} {
		if got := len(d.Entities[i].SameAs); got != want {
			t.Errorf("%s: sameAs %v", d.Entities[i].Name, d.Entities[i].SameAs)
		}
	}
}

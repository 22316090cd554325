package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/kg"
)

func sampleGraph() *kg.Graph {
	iris := kg.NewIRIs("")
	mexico := &kg.Entity{Name: "Mexico", Type: kg.GPE, Aliases: []string{"Mexican Republic"}}
	mexico.ID = iris.Entity(kg.GPE, "Mexico")
	mexico.Location = &kg.Geocode{Lat: 23.6345, Lon: -102.5528, CountryCode: "MX", GeonamesID: 3996063, Kind: "country"}
	mexico.SameAs = []string{kg.GeonamesIRI(3996063)}
	blinken := &kg.Entity{Name: "Antony Blinken", Type: kg.Person, Aliases: []string{"Blinken"},
		Members: []kg.Member{{ID: iris.Entity(kg.Person, "Blinken"), Name: "Blinken", Type: kg.Person, Rule: kg.LinkPartialName}}}
	blinken.ID = iris.Entity(kg.Person, "Antony Blinken")
	v := 32000.0
	troops := kg.Node{Name: "32,000 troops", Type: kg.Quantity, Value: &v, Unit: "troops"}
	troops.ID = iris.Node(troops)
	m := kg.Node{ID: mexico.ID, Name: "Mexico", Type: kg.GPE}
	b := kg.Node{ID: blinken.ID, Name: "Antony Blinken", Type: kg.Person}
	art := iris.Article("text")
	sts := []*kg.Statement{
		{ID: iris.Statement(m.ID, "send", troops.ID, false, ""), Subject: m, Predicate: "send", Relation: "sent", Object: troops, Confidence: 0.6,
			Text: "Mexico sent 32,000 troops.", Provenance: []kg.Provenance{{Article: art, Text: "Mexico sent 32,000 troops.", Span: kg.Span{Start: 0, End: 25}}}},
		{ID: iris.Statement(b.ID, "meet with", m.ID, false, ""), Subject: b, Predicate: "meet with", Relation: "met with", Object: m, Confidence: 0.8,
			Text: "Blinken met with Mexico <&> \"officials\".", Provenance: []kg.Provenance{{Article: art, Sentence: 1}}},
	}
	return &kg.Graph{Entities: []*kg.Entity{mexico, blinken}, Values: []kg.Node{troops}, Statements: sts}
}

func write(t *testing.T, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, sampleGraph(), kg.NewIRIs(""), "https://newsgraph.dev/ns#"); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

func TestNodeLink(t *testing.T) {
	var g struct {
		Directed, Multigraph bool
		Nodes                []struct {
			ID, Name, Type string
			SameAs         []string
		}
		Links []struct {
			Source, Target, Key, Predicate string
			Confidence                     float64
		}
	}
	if err := json.Unmarshal(write(t, "json"), &g); err != nil {
		t.Fatal(err)
	}
	if !g.Directed || !g.Multigraph || len(g.Nodes) != 3 || len(g.Links) != 2 {
		t.Fatalf("graph %+v", g)
	}
	ids := map[string]bool{}
	for _, n := range g.Nodes {
		ids[n.ID] = true
	}
	for _, l := range g.Links {
		if !ids[l.Source] || !ids[l.Target] || l.Key == "" {
			t.Errorf("link %+v does not join two nodes", l)
		}
	}
}

func TestJSONLD(t *testing.T) {
	var doc struct {
		Context map[string]any   `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(write(t, "jsonld"), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Context["@vocab"] != "http://schema.org/" {
		t.Errorf("context %v", doc.Context)
	}
	types := map[string]bool{}
	for _, n := range doc.Graph {
		types[n["@type"].(string)] = true
		if n["name"] == "Antony Blinken" && n["sameAs"] == nil {
			t.Errorf("Blinken without sameAs: %v", n)
		}
	}
	for _, want := range []string{"Country", "Person", "QuantitativeValue", "ng:Statement"} {
		if !types[want] {
			t.Errorf("no node of type %s in %v", want, types)
		}
	}
}

func TestGraphML(t *testing.T) {
	out := write(t, "graphml")
	var doc struct {
		Graph struct {
			Nodes []struct {
				ID string `xml:"id,attr"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Graph.Nodes) != 3 || len(doc.Graph.Edges) != 2 {
		t.Errorf("%d nodes, %d edges", len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
	if !bytes.Contains(out, []byte("&lt;&amp;&gt;")) {
		t.Error("text not escaped")
	}
}

func TestNQuads(t *testing.T) {
	out := write(t, "nquads")
	r := nquads.NewReader(bytes.NewReader(out), false)
	n := 0
	for {
		_, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("quad %d: %v", n, err)
		}
		n++
	}
	for _, want := range []string{"<http://schema.org/Country>", "owl#sameAs", "rel/meet-with"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("no %s in\n%s", want, out)
		}
	}
	if n < 20 {
		t.Errorf("%d quads", n)
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := Write(io.Discard, "csv", sampleGraph(), kg.NewIRIs(""), ""); kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("csv: %v, want INVALID", err)
	}
}

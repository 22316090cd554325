package export

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader/gazetteer"
)

// Formats are the names Write accepts.
var Formats = []string{"nquads", "jsonld", "json", "graphml"}

// ContentType is the media type of each format.
var ContentType = map[string]string{
	"nquads":  "application/n-quads",
	"jsonld":  "application/ld+json",
	"json":    "application/json",
	"graphml": "application/graphml+xml",
}

// Write writes g in format; vocab is newsgraph's vocabulary namespace
// and base the base IRI of instance data (predicates are {base}rel/...).
func Write(w io.Writer, format string, g *kg.Graph, iris kg.IRIs, vocab string) error {
	sortGraph(g)
	switch format {
	case "nquads":
		return NQuads(w, g, iris, vocab)
	case "jsonld":
		return JSONLD(w, g, vocab)
	case "json":
		return NodeLink(w, g)
	case "graphml":
		return GraphML(w, g)
	}
	return kg.Errorf(kg.EINVALID, "unknown export format %q (want nquads, jsonld, json or graphml)", format)
}

func sortGraph(g *kg.Graph) {
	sort.Slice(g.Entities, func(i, j int) bool { return g.Entities[i].ID < g.Entities[j].ID })
	sort.Slice(g.Values, func(i, j int) bool { return g.Values[i].ID < g.Values[j].ID })
	sort.Slice(g.Statements, func(i, j int) bool { return g.Statements[i].ID < g.Statements[j].ID })
}

const (
	schema = "http://schema.org/"
	rdf    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	owl    = "http://www.w3.org/2002/07/owl#"
)

// SchemaType is the schema.org type of an entity or value: countries and
// cities by the gazetteer, other places as Place.
func SchemaType(t kg.EntityType, name string) string {
	switch t {
	case kg.Person:
		return "Person"
	case kg.Organization:
		return "Organization"
	case kg.GPE:
		if e, ok := gazetteer.Lookup(name); ok {
			switch e.Kind {
			case gazetteer.Country:
				return "Country"
			case gazetteer.City:
				return "City"
			case gazetteer.State:
				return "State"
			}
		}
		return "Place"
	case kg.Location:
		return "Place"
	case kg.Event:
		return "Event"
	case kg.Quantity:
		return "QuantitativeValue"
	case kg.Date:
		return "StructuredValue"
	}
	return "Thing" // NORP, CONCEPT
}

// NQuads writes g as RDF: nodes with rdf:type, schema:name and sameAs;
// statements as the direct edge subject -{base}rel/predicate-> object and
// as an ng:Statement node with its provenance.
func NQuads(w io.Writer, g *kg.Graph, iris kg.IRIs, vocab string) error {
	var lines []string
	add := func(s quad.Value, p string, o quad.Value) {
		lines = append(lines, quad.Quad{Subject: s, Predicate: quad.IRI(p), Object: o}.NQuad())
	}
	node := func(n kg.Node) {
		iri := quad.IRI(n.ID)
		add(iri, rdf+"type", quad.IRI(schema+SchemaType(n.Type, n.Name)))
		add(iri, schema+"name", quad.String(n.Name))
		add(iri, vocab+"entityType", quad.String(string(n.Type)))
		if n.Value != nil {
			add(iri, schema+"value", quad.Float(*n.Value))
		}
		if n.Unit != "" {
			add(iri, schema+"unitText", quad.String(n.Unit))
		}
	}
	for _, e := range g.Entities {
		node(kg.Node{ID: e.ID, Name: e.Name, Type: e.Type})
		for _, a := range e.Aliases {
			add(quad.IRI(e.ID), schema+"alternateName", quad.String(a))
		}
		for _, m := range e.Members {
			add(quad.IRI(m.ID), owl+"sameAs", quad.IRI(e.ID))
		}
	}
	for _, v := range g.Values {
		node(v)
	}
	for _, st := range g.Statements {
		si := quad.IRI(st.ID)
		add(quad.IRI(st.Subject.ID), iris.Predicate(st.Predicate), quad.IRI(st.Object.ID))
		add(si, rdf+"type", quad.IRI(vocab+"Statement"))
		add(si, vocab+"subject", quad.IRI(st.Subject.ID))
		add(si, vocab+"predicate", quad.String(st.Predicate))
		add(si, vocab+"object", quad.IRI(st.Object.ID))
		add(si, vocab+"confidence", quad.Float(st.Confidence))
		for _, p := range st.Provenance {
			pi := quad.IRI(iris.Provenance(st.ID, p.Article, p.Sentence, p.Span))
			add(si, vocab+"provenance", pi)
			add(pi, vocab+"article", quad.IRI(p.Article))
			add(pi, vocab+"sentence", quad.Int(p.Sentence))
			add(pi, vocab+"start", quad.Int(p.Span.Start))
			add(pi, vocab+"end", quad.Int(p.Span.End))
			add(pi, vocab+"text", quad.String(p.Text))
		}
	}
	sort.Strings(lines)
	for i, l := range lines {
		if i > 0 && l == lines[i-1] {
			continue
		}
		if _, err := io.WriteString(w, l+"\n"); err != nil {
			return err
		}
	}
	return nil
}

type ldRef struct {
	ID string `json:"@id"`
}

// JSONLD writes g as JSON-LD: schema.org types and names, sameAs for the
// entities joined across articles, and newsgraph's statements with their
// provenance.
func JSONLD(w io.Writer, g *kg.Graph, vocab string) error {
	var nodes []map[string]any
	node := func(n kg.Node) map[string]any {
		m := map[string]any{"@id": n.ID, "@type": SchemaType(n.Type, n.Name), "name": n.Name, "ng:entityType": string(n.Type)}
		if n.Value != nil {
			m["value"] = *n.Value
		}
		if n.Unit != "" {
			m["unitText"] = n.Unit
		}
		return m
	}
	for _, e := range g.Entities {
		m := node(kg.Node{ID: e.ID, Name: e.Name, Type: e.Type})
		if len(e.Aliases) > 0 {
			m["alternateName"] = e.Aliases
		}
		if len(e.Members) > 0 {
			var same []ldRef
			for _, mb := range e.Members {
				same = append(same, ldRef{mb.ID})
			}
			m["sameAs"] = same
		}
		nodes = append(nodes, m)
	}
	for _, v := range g.Values {
		nodes = append(nodes, node(v))
	}
	for _, st := range g.Statements {
		m := map[string]any{"@id": st.ID, "@type": "ng:Statement", "ng:subject": ldRef{st.Subject.ID},
			"ng:predicate": st.Predicate, "ng:object": ldRef{st.Object.ID}, "ng:confidence": st.Confidence}
		var prov []map[string]any
		for _, p := range st.Provenance {
			prov = append(prov, map[string]any{"ng:article": ldRef{p.Article}, "ng:sentence": p.Sentence,
				"ng:start": p.Span.Start, "ng:end": p.Span.End, "ng:text": p.Text, "ng:relation": p.Relation})
		}
		if len(prov) > 0 {
			m["ng:provenance"] = prov
		}
		nodes = append(nodes, m)
	}
	if nodes == nil {
		nodes = []map[string]any{}
	}
	doc := map[string]any{
		"@context": map[string]any{"@vocab": schema, "ng": vocab},
		"@graph":   nodes,
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(doc)
}

// NodeLink writes g as the node-link JSON that networkx reads
// (networkx.node_link_graph(data, edges="links")): a directed multigraph
// whose nodes are entities and values and whose links are statements,
// keyed by the statement IRI.
func NodeLink(w io.Writer, g *kg.Graph) error {
	type nodeJSON struct {
		ID      string   `json:"id"`
		Name    string   `json:"name"`
		Type    string   `json:"type"`
		Entity  bool     `json:"entity"`
		Aliases []string `json:"aliases,omitempty"`
		SameAs  []string `json:"sameAs,omitempty"`
		Value   *float64 `json:"value,omitempty"`
		Unit    string   `json:"unit,omitempty"`
	}
	type linkJSON struct {
		Source     string  `json:"source"`
		Target     string  `json:"target"`
		Key        string  `json:"key"`
		Predicate  string  `json:"predicate"`
		Relation   string  `json:"relation"`
		Confidence float64 `json:"confidence"`
		Articles   int     `json:"articles"`
		Text       string  `json:"text"`
	}
	out := struct {
		Directed   bool       `json:"directed"`
		Multigraph bool       `json:"multigraph"`
		Graph      any        `json:"graph"`
		Nodes      []nodeJSON `json:"nodes"`
		Links      []linkJSON `json:"links"`
	}{Directed: true, Multigraph: true, Graph: map[string]string{"name": "newsgraph"}, Nodes: []nodeJSON{}, Links: []linkJSON{}}
	for _, e := range g.Entities {
		n := nodeJSON{ID: e.ID, Name: e.Name, Type: string(e.Type), Entity: true, Aliases: e.Aliases}
		for _, m := range e.Members {
			n.SameAs = append(n.SameAs, m.ID)
		}
		out.Nodes = append(out.Nodes, n)
	}
	for _, v := range g.Values {
		out.Nodes = append(out.Nodes, nodeJSON{ID: v.ID, Name: v.Name, Type: string(v.Type), Value: v.Value, Unit: v.Unit})
	}
	for _, st := range g.Statements {
		out.Links = append(out.Links, linkJSON{Source: st.Subject.ID, Target: st.Object.ID, Key: st.ID, Predicate: st.Predicate,
			Relation: st.Relation, Confidence: st.Confidence, Articles: articles(st), Text: st.Text})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(out)
}

func articles(st *kg.Statement) int {
	seen := map[string]bool{}
	for _, p := range st.Provenance {
		seen[p.Article] = true
	}
	return len(seen)
}

// GraphML writes g as GraphML, which Gephi, yEd and networkx read: node
// attributes name and type, edge attributes predicate, relation,
// confidence, articles and text.
func GraphML(w io.Writer, g *kg.Graph) error {
	type data struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	type key struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	}
	type node struct {
		ID   string `xml:"id,attr"`
		Data []data `xml:"data"`
	}
	type edge struct {
		ID     string `xml:"id,attr"`
		Source string `xml:"source,attr"`
		Target string `xml:"target,attr"`
		Data   []data `xml:"data"`
	}
	type graph struct {
		ID          string `xml:"id,attr"`
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []node `xml:"node"`
		Edges       []edge `xml:"edge"`
	}
	doc := struct {
		XMLName xml.Name `xml:"graphml"`
		NS      string   `xml:"xmlns,attr"`
		Keys    []key    `xml:"key"`
		Graph   graph    `xml:"graph"`
	}{NS: "http://graphml.graphdrawing.org/xmlns", Graph: graph{ID: "newsgraph", EdgeDefault: "directed"},
		Keys: []key{
			{"name", "node", "name", "string"}, {"type", "node", "type", "string"}, {"label", "node", "label", "string"},
			{"predicate", "edge", "predicate", "string"}, {"relation", "edge", "relation", "string"},
			{"confidence", "edge", "confidence", "double"}, {"articles", "edge", "articles", "int"},
			{"text", "edge", "text", "string"},
		}}
	addNode := func(id, name string, t kg.EntityType) {
		doc.Graph.Nodes = append(doc.Graph.Nodes, node{ID: id, Data: []data{{"name", name}, {"type", string(t)}, {"label", name}}})
	}
	for _, e := range g.Entities {
		addNode(e.ID, e.Name, e.Type)
	}
	for _, v := range g.Values {
		addNode(v.ID, v.Name, v.Type)
	}
	for _, st := range g.Statements {
		doc.Graph.Edges = append(doc.Graph.Edges, edge{ID: st.ID, Source: st.Subject.ID, Target: st.Object.ID, Data: []data{
			{"predicate", st.Predicate}, {"relation", st.Relation},
			{"confidence", strconv.FormatFloat(st.Confidence, 'f', -1, 64)}, {"articles", strconv.Itoa(articles(st))},
			{"text", st.Text}}})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

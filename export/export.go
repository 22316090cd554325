package export

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/kg"
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

// Source is a stored graph that can be exported whole.
type Source interface {
	// ExportNQuads writes the graph's own quads, sorted.
	ExportNQuads(ctx context.Context, w io.Writer) error
	// WriteGraph gives the graph's view (entities, values, statements)
	// an item at a time.
	WriteGraph(ctx context.Context, w kg.GraphWriter) error
	IRIs() kg.IRIs
}

// WriteSource writes the whole graph of src in format, streaming: nquads
// is the store's own quads (lossless, for import elsewhere); the other
// formats are the graph's view, written as it is read.
func WriteSource(ctx context.Context, w io.Writer, format string, src Source, vocab string) error {
	if format == "nquads" {
		return src.ExportNQuads(ctx, w)
	}
	st, err := NewStream(w, format, src.IRIs(), vocab)
	if err != nil {
		return err
	}
	if err := src.WriteGraph(ctx, st); err != nil {
		return err
	}
	return st.Close()
}

// Write writes g in format; vocab is newsgraph's vocabulary namespace
// and base the base IRI of instance data (predicates are {base}rel/...).
func Write(w io.Writer, format string, g *kg.Graph, iris kg.IRIs, vocab string) error {
	st, err := NewStream(w, format, iris, vocab)
	if err != nil {
		return err
	}
	sortGraph(g)
	for _, e := range g.Entities {
		if err := st.Entity(e); err != nil {
			return err
		}
	}
	for _, v := range g.Values {
		if err := st.Value(v); err != nil {
			return err
		}
	}
	for _, s := range g.Statements {
		if err := st.Statement(s); err != nil {
			return err
		}
	}
	return st.Close()
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

// entityType is the schema.org type of an entity: a located place's
// kind (Country, State, City) when geocoding found it, else SchemaType's.
func entityType(e *kg.Entity) string {
	if l := e.Location; l != nil {
		switch l.Kind {
		case "country":
			return "Country"
		case "admin1":
			return "State"
		case "city":
			return "City"
		}
	}
	return SchemaType(e.Type, e.Name)
}

const wgs84 = "http://www.w3.org/2003/01/geo/wgs84_pos#"

// A Stream writes a graph an item at a time, so that a whole graph is
// exported without holding it in memory: every entity, then every value,
// then every statement (Write sorts each group by IRI first; a caller
// that streams should give them in that order for the same bytes). The
// nquads format is the exception: its lines are sorted, so it keeps them
// until Close (it serves subgraphs; the store exports a whole graph's own
// quads itself).
type Stream struct {
	f      formatter
	phase  int // 0 entities, 1 values, 2 statements
	closed bool
}

// formatter is one format's writer.
type formatter interface {
	entity(*kg.Entity) error
	value(kg.Node) error
	statement(*kg.Statement) error
	close() error
}

// NewStream starts writing a graph to w in format.
func NewStream(w io.Writer, format string, iris kg.IRIs, vocab string) (*Stream, error) {
	var f formatter
	switch format {
	case "nquads":
		f = &nquadsFormat{w: w, iris: iris, vocab: vocab}
	case "jsonld":
		f = &jsonldFormat{list: jsonList{w: w, prefix: "  "}, vocab: vocab}
	case "json":
		f = &nodeLinkFormat{list: jsonList{w: w, prefix: "  "}}
	case "graphml":
		f = &graphmlFormat{w: w}
	default:
		return nil, kg.Errorf(kg.EINVALID, "unknown export format %q (want nquads, jsonld, json or graphml)", format)
	}
	return &Stream{f: f}, nil
}

func (s *Stream) order(phase int, what string) error {
	if s.closed || phase < s.phase {
		return fmt.Errorf("export: %s out of order", what)
	}
	s.phase = phase
	return nil
}

// Entity writes an entity (before any value or statement).
func (s *Stream) Entity(e *kg.Entity) error {
	if err := s.order(0, "entity"); err != nil {
		return err
	}
	return s.f.entity(e)
}

// Value writes a value node (before any statement).
func (s *Stream) Value(n kg.Node) error {
	if err := s.order(1, "value"); err != nil {
		return err
	}
	return s.f.value(n)
}

// Statement writes a statement.
func (s *Stream) Statement(st *kg.Statement) error {
	if err := s.order(2, "statement"); err != nil {
		return err
	}
	return s.f.statement(st)
}

// Close ends the document.
func (s *Stream) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	return s.f.close()
}

// nquadsFormat writes RDF: nodes with rdf:type, schema:name and sameAs;
// statements as the direct edge subject -{base}rel/predicate-> object and
// as an ng:Statement node with its provenance.
type nquadsFormat struct {
	w     io.Writer
	iris  kg.IRIs
	vocab string
	lines []string
}

func (f *nquadsFormat) add(s quad.Value, p string, o quad.Value) {
	f.lines = append(f.lines, quad.Quad{Subject: s, Predicate: quad.IRI(p), Object: o}.NQuad())
}

func (f *nquadsFormat) node(n kg.Node, typ string) {
	iri := quad.IRI(n.ID)
	f.add(iri, rdf+"type", quad.IRI(schema+typ))
	f.add(iri, schema+"name", quad.String(n.Name))
	f.add(iri, f.vocab+"entityType", quad.String(string(n.Type)))
	if n.Value != nil {
		f.add(iri, schema+"value", quad.Float(*n.Value))
	}
	if n.Unit != "" {
		f.add(iri, schema+"unitText", quad.String(n.Unit))
	}
}

func (f *nquadsFormat) entity(e *kg.Entity) error {
	f.node(kg.Node{ID: e.ID, Name: e.Name, Type: e.Type}, entityType(e))
	iri := quad.IRI(e.ID)
	for _, a := range e.Aliases {
		f.add(iri, schema+"alternateName", quad.String(a))
	}
	for _, m := range e.Members {
		f.add(quad.IRI(m.ID), owl+"sameAs", iri)
	}
	for _, x := range e.SameAs {
		f.add(iri, owl+"sameAs", quad.IRI(x))
	}
	if l := e.Location; l != nil {
		f.add(iri, wgs84+"lat", quad.Float(l.Lat))
		f.add(iri, wgs84+"long", quad.Float(l.Lon))
		f.add(iri, f.vocab+"countryCode", quad.String(l.CountryCode))
		if l.Admin != "" {
			f.add(iri, f.vocab+"admin", quad.String(l.Admin))
		}
	}
	return nil
}

func (f *nquadsFormat) value(n kg.Node) error {
	f.node(n, SchemaType(n.Type, n.Name))
	return nil
}

func (f *nquadsFormat) statement(st *kg.Statement) error {
	si := quad.IRI(st.ID)
	f.add(quad.IRI(st.Subject.ID), f.iris.Predicate(st.Predicate), quad.IRI(st.Object.ID))
	f.add(si, rdf+"type", quad.IRI(f.vocab+"Statement"))
	f.add(si, f.vocab+"subject", quad.IRI(st.Subject.ID))
	f.add(si, f.vocab+"predicate", quad.String(st.Predicate))
	f.add(si, f.vocab+"object", quad.IRI(st.Object.ID))
	f.add(si, f.vocab+"confidence", quad.Float(st.Confidence))
	for _, p := range st.Provenance {
		pi := quad.IRI(f.iris.Provenance(st.ID, p.Article, p.Sentence, p.Span))
		f.add(si, f.vocab+"provenance", pi)
		f.add(pi, f.vocab+"article", quad.IRI(p.Article))
		f.add(pi, f.vocab+"sentence", quad.Int(p.Sentence))
		f.add(pi, f.vocab+"start", quad.Int(p.Span.Start))
		f.add(pi, f.vocab+"end", quad.Int(p.Span.End))
		f.add(pi, f.vocab+"text", quad.String(p.Text))
	}
	return nil
}

func (f *nquadsFormat) close() error {
	sort.Strings(f.lines)
	for i, l := range f.lines {
		if i > 0 && l == f.lines[i-1] {
			continue
		}
		if _, err := io.WriteString(f.w, l+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// jsonList writes the elements of a JSON array one at a time, indented
// as encoding/json's Encoder with SetIndent("", " ") would indent them at
// prefix.
type jsonList struct {
	w      io.Writer
	prefix string
	n      int
}

// open writes what comes before the array's first element (the array's
// opening bracket included).
func (l *jsonList) open(head string) error {
	l.n = 0
	_, err := io.WriteString(l.w, head)
	return err
}

func (l *jsonList) add(v any) error {
	b, err := json.MarshalIndent(v, l.prefix, " ")
	if err != nil {
		return err
	}
	sep := "\n" + l.prefix
	if l.n > 0 {
		sep = "," + sep
	}
	l.n++
	if _, err := io.WriteString(l.w, sep); err != nil {
		return err
	}
	_, err = l.w.Write(b)
	return err
}

// end closes the array (indented one level less than its elements) and
// writes tail.
func (l *jsonList) end(tail string) error {
	closing := "]"
	if l.n > 0 {
		closing = "\n" + l.prefix[:len(l.prefix)-1] + "]"
	}
	_, err := io.WriteString(l.w, closing+tail)
	return err
}

type ldRef struct {
	ID string `json:"@id"`
}

// jsonldFormat writes JSON-LD: schema.org types and names, sameAs for the
// entities joined across articles, and newsgraph's statements with their
// provenance.
type jsonldFormat struct {
	list    jsonList
	vocab   string
	started bool
}

func (f *jsonldFormat) start() error {
	if f.started {
		return nil
	}
	f.started = true
	ctx, err := json.Marshal(schema)
	if err != nil {
		return err
	}
	ng, err := json.Marshal(f.vocab)
	if err != nil {
		return err
	}
	return f.list.open("{\n \"@context\": {\n  \"@vocab\": " + string(ctx) + ",\n  \"ng\": " + string(ng) + "\n },\n \"@graph\": [")
}

func (f *jsonldFormat) node(n kg.Node) map[string]any {
	m := map[string]any{"@id": n.ID, "@type": SchemaType(n.Type, n.Name), "name": n.Name, "ng:entityType": string(n.Type)}
	if n.Value != nil {
		m["value"] = *n.Value
	}
	if n.Unit != "" {
		m["unitText"] = n.Unit
	}
	return m
}

func (f *jsonldFormat) entity(e *kg.Entity) error {
	if err := f.start(); err != nil {
		return err
	}
	m := f.node(kg.Node{ID: e.ID, Name: e.Name, Type: e.Type})
	m["@type"] = entityType(e)
	if len(e.Aliases) > 0 {
		m["alternateName"] = e.Aliases
	}
	var same []ldRef
	for _, mb := range e.Members {
		same = append(same, ldRef{mb.ID})
	}
	for _, x := range e.SameAs {
		same = append(same, ldRef{x})
	}
	if len(same) > 0 {
		m["sameAs"] = same
	}
	if l := e.Location; l != nil {
		m["geo"] = map[string]any{"@type": "GeoCoordinates", "latitude": l.Lat, "longitude": l.Lon}
		addr := map[string]any{"@type": "PostalAddress", "addressCountry": l.CountryCode}
		if l.Admin != "" {
			addr["addressRegion"] = l.Admin
		}
		m["address"] = addr
	}
	return f.list.add(m)
}

func (f *jsonldFormat) value(n kg.Node) error {
	if err := f.start(); err != nil {
		return err
	}
	return f.list.add(f.node(n))
}

func (f *jsonldFormat) statement(st *kg.Statement) error {
	if err := f.start(); err != nil {
		return err
	}
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
	return f.list.add(m)
}

func (f *jsonldFormat) close() error {
	if err := f.start(); err != nil {
		return err
	}
	return f.list.end("\n}\n")
}

// nodeLinkFormat writes the node-link JSON that networkx reads
// (networkx.node_link_graph(data, edges="links")): a directed multigraph
// whose nodes are entities and values and whose links are statements,
// keyed by the statement IRI.
type nodeLinkFormat struct {
	list  jsonList
	phase int // 0 nothing written, 1 in nodes, 2 in links
}

type nodeJSON struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Entity  bool     `json:"entity"`
	Aliases []string `json:"aliases,omitempty"`
	SameAs  []string `json:"sameAs,omitempty"`
	Value   *float64 `json:"value,omitempty"`
	Unit    string   `json:"unit,omitempty"`
	// A located place's coordinates, country, division and GeoNames id.
	Lat         *float64 `json:"lat,omitempty"`
	Lon         *float64 `json:"lon,omitempty"`
	CountryCode string   `json:"countryCode,omitempty"`
	Admin       string   `json:"admin,omitempty"`
	GeonamesID  int      `json:"geonamesId,omitempty"`
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

// to moves the document on to phase (1 nodes, 2 links, 3 the end).
func (f *nodeLinkFormat) to(phase int) error {
	for f.phase < phase {
		var err error
		switch f.phase {
		case 0:
			err = f.list.open("{\n \"directed\": true,\n \"multigraph\": true,\n \"graph\": {\n  \"name\": \"newsgraph\"\n },\n \"nodes\": [")
		case 1:
			if err = f.list.end(",\n"); err == nil {
				err = f.list.open(" \"links\": [")
			}
		case 2:
			err = f.list.end("\n}\n")
		}
		if err != nil {
			return err
		}
		f.phase++
	}
	return nil
}

func (f *nodeLinkFormat) entity(e *kg.Entity) error {
	if err := f.to(1); err != nil {
		return err
	}
	n := nodeJSON{ID: e.ID, Name: e.Name, Type: string(e.Type), Entity: true, Aliases: e.Aliases}
	for _, m := range e.Members {
		n.SameAs = append(n.SameAs, m.ID)
	}
	n.SameAs = append(n.SameAs, e.SameAs...)
	if l := e.Location; l != nil {
		n.Lat, n.Lon, n.CountryCode, n.Admin, n.GeonamesID = &l.Lat, &l.Lon, l.CountryCode, l.Admin, l.GeonamesID
	}
	return f.list.add(n)
}

func (f *nodeLinkFormat) value(v kg.Node) error {
	if err := f.to(1); err != nil {
		return err
	}
	return f.list.add(nodeJSON{ID: v.ID, Name: v.Name, Type: string(v.Type), Value: v.Value, Unit: v.Unit})
}

func (f *nodeLinkFormat) statement(st *kg.Statement) error {
	if err := f.to(2); err != nil {
		return err
	}
	return f.list.add(linkJSON{Source: st.Subject.ID, Target: st.Object.ID, Key: st.ID, Predicate: st.Predicate,
		Relation: st.Relation, Confidence: st.Confidence, Articles: articles(st), Text: st.Text})
}

func (f *nodeLinkFormat) close() error { return f.to(3) }

func articles(st *kg.Statement) int {
	seen := map[string]bool{}
	for _, p := range st.Provenance {
		seen[p.Article] = true
	}
	return len(seen)
}

// graphmlFormat writes GraphML, which Gephi, yEd and networkx read: node
// attributes name, type and, for a located place, lat, lon, countryCode,
// admin and geonamesId; edge attributes predicate, relation,
// confidence, articles and text.
type graphmlFormat struct {
	w     io.Writer
	enc   *xml.Encoder
	phase int // 0 nothing written, 1 in the graph, 2 closed
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type graphmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphmlNode struct {
	XMLName xml.Name      `xml:"node"`
	ID      string        `xml:"id,attr"`
	Data    []graphmlData `xml:"data"`
}

type graphmlEdge struct {
	XMLName xml.Name      `xml:"edge"`
	ID      string        `xml:"id,attr"`
	Source  string        `xml:"source,attr"`
	Target  string        `xml:"target,attr"`
	Data    []graphmlData `xml:"data"`
}

var (
	graphmlRoot  = xml.StartElement{Name: xml.Name{Local: "graphml"}, Attr: []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: "http://graphml.graphdrawing.org/xmlns"}}}
	graphmlGraph = xml.StartElement{Name: xml.Name{Local: "graph"}, Attr: []xml.Attr{{Name: xml.Name{Local: "id"}, Value: "newsgraph"}, {Name: xml.Name{Local: "edgedefault"}, Value: "directed"}}}
	graphmlKeys  = []graphmlKey{
		{"name", "node", "name", "string"}, {"type", "node", "type", "string"}, {"label", "node", "label", "string"},
		{"predicate", "edge", "predicate", "string"}, {"relation", "edge", "relation", "string"},
		{"confidence", "edge", "confidence", "double"}, {"articles", "edge", "articles", "int"},
		{"text", "edge", "text", "string"},
		{"lat", "node", "lat", "double"}, {"lon", "node", "lon", "double"}, {"countryCode", "node", "countryCode", "string"},
		{"admin", "node", "admin", "string"}, {"geonamesId", "node", "geonamesId", "int"},
	}
)

func (f *graphmlFormat) start() error {
	if f.phase > 0 {
		return nil
	}
	f.phase = 1
	if _, err := io.WriteString(f.w, xml.Header); err != nil {
		return err
	}
	f.enc = xml.NewEncoder(f.w)
	f.enc.Indent("", " ")
	if err := f.enc.EncodeToken(graphmlRoot); err != nil {
		return err
	}
	for _, k := range graphmlKeys {
		if err := f.enc.EncodeElement(k, xml.StartElement{Name: xml.Name{Local: "key"}}); err != nil {
			return err
		}
	}
	return f.enc.EncodeToken(graphmlGraph)
}

func (f *graphmlFormat) node(id, name string, t kg.EntityType, l *kg.Geocode) error {
	if err := f.start(); err != nil {
		return err
	}
	data := []graphmlData{{"name", name}, {"type", string(t)}, {"label", name}}
	if l != nil {
		data = append(data, graphmlData{"lat", strconv.FormatFloat(l.Lat, 'f', -1, 64)}, graphmlData{"lon", strconv.FormatFloat(l.Lon, 'f', -1, 64)},
			graphmlData{"countryCode", l.CountryCode})
		if l.Admin != "" {
			data = append(data, graphmlData{"admin", l.Admin})
		}
		data = append(data, graphmlData{"geonamesId", strconv.Itoa(l.GeonamesID)})
	}
	return f.enc.Encode(graphmlNode{ID: id, Data: data})
}

func (f *graphmlFormat) entity(e *kg.Entity) error { return f.node(e.ID, e.Name, e.Type, e.Location) }

func (f *graphmlFormat) value(v kg.Node) error { return f.node(v.ID, v.Name, v.Type, nil) }

func (f *graphmlFormat) statement(st *kg.Statement) error {
	if err := f.start(); err != nil {
		return err
	}
	return f.enc.Encode(graphmlEdge{ID: st.ID, Source: st.Subject.ID, Target: st.Object.ID, Data: []graphmlData{
		{"predicate", st.Predicate}, {"relation", st.Relation},
		{"confidence", strconv.FormatFloat(st.Confidence, 'f', -1, 64)}, {"articles", strconv.Itoa(articles(st))},
		{"text", st.Text}}})
}

func (f *graphmlFormat) close() error {
	if err := f.start(); err != nil {
		return err
	}
	if err := f.enc.EncodeToken(graphmlGraph.End()); err != nil {
		return err
	}
	if err := f.enc.EncodeToken(graphmlRoot.End()); err != nil {
		return err
	}
	if err := f.enc.Flush(); err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	_, err := io.WriteString(f.w, "\n")
	return err
}

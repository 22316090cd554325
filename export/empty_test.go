package export

import (
	"bytes"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// An empty graph is a valid, empty document in every format.
func TestEmptyGraph(t *testing.T) {
	want := map[string]string{
		"nquads": "",
		"jsonld": "{\n \"@context\": {\n  \"@vocab\": \"http://schema.org/\",\n  \"ng\": \"https://newsgraph.dev/ns#\"\n },\n \"@graph\": []\n}\n",
		"json":   "{\n \"directed\": true,\n \"multigraph\": true,\n \"graph\": {\n  \"name\": \"newsgraph\"\n },\n \"nodes\": [],\n \"links\": []\n}\n",
		"graphml": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"></key>\n <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"></key>\n <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"></key>\n <key id=\"predicate\" for=\"edge\" attr.name=\"predicate\" attr.type=\"string\"></key>\n <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"></key>\n <key id=\"confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"></key>\n <key id=\"articles\" for=\"edge\" attr.name=\"articles\" attr.type=\"int\"></key>\n <key id=\"text\" for=\"edge\" attr.name=\"text\" attr.type=\"string\"></key>\n" +
			" <key id=\"lat\" for=\"node\" attr.name=\"lat\" attr.type=\"double\"></key>\n <key id=\"lon\" for=\"node\" attr.name=\"lon\" attr.type=\"double\"></key>\n" +
			" <key id=\"countryCode\" for=\"node\" attr.name=\"countryCode\" attr.type=\"string\"></key>\n <key id=\"admin\" for=\"node\" attr.name=\"admin\" attr.type=\"string\"></key>\n" +
			" <key id=\"geonamesId\" for=\"node\" attr.name=\"geonamesId\" attr.type=\"int\"></key>\n <graph id=\"newsgraph\" edgedefault=\"directed\"></graph>\n</graphml>\n",
	}
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, format, &kg.Graph{}, kg.NewIRIs(""), "https://newsgraph.dev/ns#"); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != want[format] {
				t.Errorf("got\n%q\nwant\n%q", got, want[format])
			}
		})
	}
}

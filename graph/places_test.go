package graph_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/store"
)

// geoServer serves the sample article read with geocoding.
func geoServer(t *testing.T) *httptest.Server {
	t.Helper()
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	tg, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	l := loader.New(tg, loader.Options{Resolvers: []loader.Resolver{geo.New(g)}})
	srv := httptest.NewServer(graph.Routes(graph.NewResolver(s, l), s, graph.ServerOptions{
		HandlerOptions: graph.HandlerOptions{Introspection: true, MaxBodyBytes: 2 << 20}, Vocab: store.Vocab}))
	t.Cleanup(srv.Close)
	if r := post(t, srv, ingest, map[string]any{"text": sample(t)}); len(r.Errors) > 0 {
		t.Fatalf("ingest: %v", r.Errors)
	}
	return srv
}

func TestLocation(t *testing.T) {
	srv := geoServer(t)
	r := post(t, srv, `{ searchEntities(query: "Nogales") { edges { node { name sameAs
	  location { lat lon countryCode admin geonamesId geonames kind } } } } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	var got struct {
		SearchEntities struct {
			Edges []struct {
				Node struct {
					Name     string
					SameAs   []string
					Location *struct {
						Lat, Lon                           float64
						CountryCode, Admin, Geonames, Kind string
						GeonamesID                         int
					}
				}
			}
		}
	}
	json.Unmarshal(r.Data, &got)
	if len(got.SearchEntities.Edges) != 1 {
		t.Fatalf("search Nogales: %s", r.Data)
	}
	n := got.SearchEntities.Edges[0].Node
	if l := n.Location; l == nil || l.GeonamesID != 5306611 || l.CountryCode != "US" || l.Admin != "Arizona" || l.Kind != "city" ||
		l.Geonames != "https://sws.geonames.org/5306611/" || l.Lat < 31 || l.Lat > 32 || l.Lon > -110 || l.Lon < -111.5 {
		t.Errorf("Nogales, Arizona: %s", r.Data)
	}
	if len(n.SameAs) != 1 || n.SameAs[0] != "https://sws.geonames.org/5306611/" {
		t.Errorf("sameAs %v", n.SameAs)
	}
}

func TestEntitiesNear(t *testing.T) {
	srv := geoServer(t)
	// 100 km around Nogales: Nogales itself, nothing of Mexico's centre.
	r := post(t, srv, `{ entitiesNear(lat: 31.34, lon: -110.93, km: 100, first: 5) { km entity { name location { geonamesId } } } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	var got struct {
		EntitiesNear []struct {
			Km     float64
			Entity struct{ Name string }
		}
	}
	json.Unmarshal(r.Data, &got)
	if len(got.EntitiesNear) == 0 || got.EntitiesNear[0].Entity.Name != "Nogales, Arizona" || got.EntitiesNear[0].Km > 5 {
		t.Fatalf("near Nogales: %s", r.Data)
	}
	for i := 1; i < len(got.EntitiesNear); i++ {
		if e := got.EntitiesNear[i]; e.Km < got.EntitiesNear[i-1].Km || e.Km > 100 {
			t.Errorf("not nearest first within 100 km: %s", r.Data)
		}
	}
	r = post(t, srv, `{ entitiesNear(lat: 91, lon: 0, km: 10) { km } }`, nil)
	if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "INVALID" {
		t.Errorf("latitude 91: %+v", r.Errors)
	}
}

func TestStatementsInPlace(t *testing.T) {
	srv := geoServer(t)
	for _, text := range []string{
		// filed from Sydney: what it says happened in Australia
		"SYDNEY, Australia — The state premier opened a new bridge on Monday.\n\nThe premier said the bridge cost a billion dollars.",
		// a PLACE argument: in Chiapas, Mexico
		"Soldiers arrested smugglers in Tapachula, Chiapas on Tuesday.",
	} {
		if r := post(t, srv, ingest, map[string]any{"text": text}); len(r.Errors) > 0 {
			t.Fatalf("ingest: %v", r.Errors)
		}
	}
	count := func(filter string) int {
		t.Helper()
		r := post(t, srv, `{ statements(filter: {minConfidence: 0, place: `+filter+`}) { pageInfo { totalCount } } }`, nil)
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
		var got struct {
			Statements struct{ PageInfo struct{ TotalCount int } }
		}
		json.Unmarshal(r.Data, &got)
		return got.Statements.PageInfo.TotalCount
	}
	au, mx, jp := count(`{countryCode: "au"}`), count(`{countryCode: "MX"}`), count(`{countryCode: "JP"}`)
	if au == 0 || mx == 0 || jp != 0 {
		t.Errorf("statements in Australia %d, in Mexico %d, in Japan %d; want some, some, none", au, mx, jp)
	}
	if near := count(`{near: {lat: -33.87, lon: 151.21, km: 50}}`); near != au {
		t.Errorf("statements within 50 km of Sydney: %d, in Australia %d", near, au)
	}
	if near := count(`{countryCode: "AU", near: {lat: 14.9, lon: -92.3, km: 50}}`); near != 0 {
		t.Errorf("statements in Australia and near Tapachula: %d", near)
	}
}

// Exports of the whole graph carry coordinates in every format.
func TestExportsCarryCoordinates(t *testing.T) {
	srv := geoServer(t)
	for format, want := range map[string][]string{
		"jsonld":  {`"GeoCoordinates"`, `"latitude": 31.34`, `"addressCountry": "US"`, `"@id": "https://sws.geonames.org/5306611/"`},
		"nquads":  {"<http://www.w3.org/2003/01/geo/wgs84_pos#lat>", "<http://www.w3.org/2003/01/geo/wgs84_pos#long>", "<https://sws.geonames.org/5306611/>"},
		"graphml": {`<data key="lat">31.34`, `<data key="geonamesId">5306611</data>`, `<data key="countryCode">MX</data>`},
		"json":    {`"lat": 31.34`, `"geonamesId": 5306611`, `"countryCode": "MX"`},
	} {
		resp, err := http.Get(srv.URL + "/export?format=" + format)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		for _, w := range want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s export has no %s", format, w)
			}
		}
	}
}

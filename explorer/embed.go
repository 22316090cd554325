// Package explorer is the visual explorer served at /explore: a page that
// searches entities, draws their neighbourhood as a graph, expands it on
// click, filters it, finds paths, shows the sentence behind every edge
// and draws the places of the view on a world map. Its assets are
// embedded, so the binary serves it offline; its libraries (Cytoscape.js,
// MIT; d3-array, d3-geo and topojson-client, ISC) and map (world-atlas's
// Natural Earth countries at 1:110m, public domain) are vendored from npm
// by `npm ci && npm run build` in this directory and committed, so the Go
// build needs no npm.
package explorer

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed index.html app.js vendor/cytoscape.min.js vendor/cytoscape.LICENSE
//go:embed vendor/d3-array.min.js vendor/d3-array.LICENSE vendor/d3-geo.min.js vendor/d3-geo.LICENSE
//go:embed vendor/topojson-client.min.js vendor/topojson-client.LICENSE vendor/countries-110m.json vendor/world-atlas.LICENSE
var assets embed.FS

// Handler serves the explorer's files; mount it under a prefix with
// http.StripPrefix. The page talks to /query.
func Handler() http.Handler {
	sub, _ := fs.Sub(assets, ".")
	return http.FileServer(http.FS(sub))
}

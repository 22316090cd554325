// Package explorer is the visual explorer served at /explore: a page that
// searches entities, draws their neighbourhood as a graph, expands it on
// click, filters it, finds paths, and shows the sentence behind every
// edge. Its assets are embedded, so the binary serves it offline; the one
// library it uses (Cytoscape.js, MIT) is vendored from npm by
// `npm ci && npm run build` in this directory and committed, so the Go
// build needs no npm.
package explorer

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed index.html app.js vendor/cytoscape.min.js vendor/cytoscape.LICENSE
var assets embed.FS

// Handler serves the explorer's files; mount it under a prefix with
// http.StripPrefix. The page talks to /query.
func Handler() http.Handler {
	sub, _ := fs.Sub(assets, ".")
	return http.FileServer(http.FS(sub))
}

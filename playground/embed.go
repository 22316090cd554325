// Package playground is the GraphiQL page served at /: GraphiQL 3, React 18
// and React DOM 18 (MIT), bundled with their dependencies into one
// minified production build and embedded, so the binary serves the
// playground offline: the page loads nothing from any other host. The
// bundle is made from npm by `npm ci && npm run build` in this directory
// (see docs/playground.md) and committed, so the Go build needs no npm;
// vendor/LICENSES.txt holds the licence of every bundled package.
package playground

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed vendor/graphiql.min.js vendor/graphiql.min.css vendor/LICENSES.txt
var vendor embed.FS

//go:embed index.html
var page []byte

// Page serves the playground's page. It loads its assets from
// "playground/", relative to itself: mount Page at "/" and Assets under
// "/playground/".
func Page() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
}

// Assets serves the bundle and its licences; mount it with
// http.StripPrefix("/playground/", ...).
func Assets() http.Handler {
	sub, _ := fs.Sub(vendor, "vendor")
	return http.FileServer(http.FS(sub))
}

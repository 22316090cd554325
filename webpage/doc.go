// Package webpage reads a saved web page (HTML) as a news article: the main
// text, without menus, teasers, footers, image captions and pull quotes,
// and the page's own metadata: title, author, publication date, site name
// and canonical URL.
//
// The main text and metadata come from go-trafilatura, a Go port of
// trafilatura (chosen over go-readability by measuring both on the same
// pages: docs/input.md). On top of it the package renders the text a
// paragraph a line, as the loader reads articles, drops the byline and
// date lines that repeat the metadata and the page's notices (paywall and
// newsletter prompts, copyright terms, comment policies, credits), and refuses pages that are not in
// English, since the extractor reads English only.
//
// It does not fetch pages: its input is HTML already saved (a file, a web
// archive's record, a feed item's content).
package webpage

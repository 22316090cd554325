package pages

import (
	"bytes"
	"net/url"

	readability "github.com/go-shiori/go-readability"

	"github.com/newsgraph/newsgraph/webpage"
)

// Trafilatura reads a page as newsgraph does (package webpage, which uses
// go-trafilatura), in any language.
func Trafilatura(b []byte, u string) (Result, error) {
	p, err := webpage.Read(bytes.NewReader(b), webpage.Options{URL: u, AnyLanguage: true})
	return Result{Title: p.Title, Author: p.Author, Text: p.Text, Date: p.Published}, err
}

// Readability reads a page with go-readability, for comparison.
func Readability(b []byte, u string) (Result, error) {
	pu, _ := url.Parse(u)
	a, err := readability.FromReader(bytes.NewReader(b), pu)
	r := Result{Title: a.Title, Author: a.Byline, Text: a.TextContent}
	if a.PublishedTime != nil {
		r.Date = *a.PublishedTime
	}
	return r, err
}

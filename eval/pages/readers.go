package pages

import (
	"bytes"
	"net/url"

	readability "github.com/go-shiori/go-readability"
	"github.com/markusmobius/go-trafilatura"

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

// Library reads a page with go-trafilatura alone, as it comes (its own
// text, title, date and author; comments left out), for comparison.
func Library(b []byte, u string) (Result, error) {
	opts := trafilatura.Options{ExcludeComments: true}
	if pu, err := url.Parse(u); err == nil && pu.IsAbs() {
		opts.OriginalURL = pu
	}
	res, err := trafilatura.Extract(bytes.NewReader(b), opts)
	if err != nil {
		return Result{}, err
	}
	m := res.Metadata
	return Result{Title: m.Title, Author: m.Author, Date: m.Date, Text: res.ContentText}, nil
}

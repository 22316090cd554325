package ingest

import (
	"bytes"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/feed"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/webpage"
)

// isPage reports whether a file is a web page by its name.
func isPage(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	return false
}

// ReadArticle is the article that a file's bytes hold: a web page (by
// its name, or by its markup) is read by package webpage, which gives the
// article its main text and the page's title, author, date, site and URL;
// any other file is text, titled by its file name.
func ReadArticle(name string, b []byte) (kg.Article, error) {
	if isPage(name) || webpage.LooksLikeHTML(b) {
		return pageArticle(name, b, "", time.Time{})
	}
	return kg.Article{Title: titleOf(name), Source: name, Text: string(trimBOM(b))}, nil
}

// ReadArticles is the articles that a file's bytes hold: a feed's items
// with text (link-only items are left out: they hold no text), or the one
// article of ReadArticle. A feed that breaks off comes with its error and
// the items before the break.
func ReadArticles(name string, b []byte) ([]kg.Article, error) {
	if isFeed(name) || feed.IsFeed(b) {
		items, err := feed.Parse(bytes.NewReader(b))
		var out []kg.Article
		for _, it := range items {
			if it.Article.Text != "" {
				out = append(out, it.Article)
			}
		}
		return out, err
	}
	a, err := ReadArticle(name, b)
	if err != nil {
		return nil, err
	}
	return []kg.Article{a}, nil
}

// withGiven is a, a page's article, with the metadata that its source
// gave (a JSON line's title, author, date, source, URL) in place of the
// page's own.
func withGiven(a, given kg.Article) kg.Article {
	if given.Title != "" {
		a.Title = given.Title
	}
	if given.Author != "" {
		a.Author = given.Author
	}
	if !given.PublishedAt.IsZero() {
		a.PublishedAt = given.PublishedAt
	}
	if given.Source != "" {
		a.Source = given.Source
	}
	if given.URL != "" {
		a.URL = given.URL
	}
	return a
}

// pageArticle reads a web page saved at origin (a file, or a web
// archive's record fetched from url at fetched). The page's date is the
// article's; a page without one is dated by when it was fetched, which
// for news is the day it was published or soon after.
func pageArticle(origin string, b []byte, url string, fetched time.Time) (kg.Article, error) {
	p, err := webpage.Read(bytes.NewReader(b), webpage.Options{URL: url})
	if err != nil {
		return kg.Article{}, err
	}
	a := p.Article()
	if a.Source == "" {
		a.Source = origin
	}
	if a.Title == "" {
		a.Title = titleOf(origin)
	}
	if a.PublishedAt.IsZero() {
		a.PublishedAt = fetched
	}
	return a, nil
}

// isFeed reports whether a file may be a news feed by its name (an .xml
// file is one when its root element says so: feed.IsFeed).
func isFeed(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".rss", ".atom", ".xml":
		return true
	}
	return false
}

// Package feed reads news feeds, RSS (2.0 and 1.0) and Atom files, as
// articles: one an item, with the item's title, link, date and author and
// the feed's title as source. An item's text is its full content where the
// feed carries it (RSS content:encoded, Atom content), else its summary
// (RSS description, Atom summary): many feeds carry only a teaser and a
// link. HTML in either is read to its text, a paragraph a line.
//
// It does not fetch the linked pages.
package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/webpage"
)

// Item is a feed's item as an article, and whether the text is the full
// content or only the summary.
type Item struct {
	Article kg.Article
	Full    bool // Text is the item's full content, not a summary
}

// the XML of the three formats, by local name (encoding/xml matches a tag
// without a namespace in any namespace: "encoded" is content:encoded).
type rssItem struct {
	Title       string   `xml:"title"`
	Links       []string `xml:"link"`
	Description string   `xml:"description"`
	Content     string   `xml:"encoded"`
	PubDate     string   `xml:"pubDate"`
	Date        string   `xml:"date"` // dc:date
	Creator     string   `xml:"creator"`
	Author      string   `xml:"author"`
	GUID        string   `xml:"guid"`
}

type rssChannel struct {
	Title string    `xml:"title"`
	Items []rssItem `xml:"item"`
}

type rss struct {
	Channel rssChannel `xml:"channel"`
	Items   []rssItem  `xml:"item"` // RSS 1.0: items beside the channel
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",innerxml"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	Title     atomText   `xml:"title"`
	Links     []atomLink `xml:"link"`
	Content   atomText   `xml:"content"`
	Summary   atomText   `xml:"summary"`
	Published string     `xml:"published"`
	Updated   string     `xml:"updated"`
	Authors   []string   `xml:"author>name"`
}

type atom struct {
	Title   atomText    `xml:"title"`
	Authors []string    `xml:"author>name"`
	Entries []atomEntry `xml:"entry"`
}

// IsFeed reports whether b looks like a feed: its root element, near the
// start, is rss, RDF or feed.
func IsFeed(b []byte) bool {
	if len(b) > 2048 {
		b = b[:2048]
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return false
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "rss", "RDF", "feed":
				return true
			}
			return false
		}
	}
}

// maxItems bounds the items of one feed.
const maxItems = 100000

// Parse reads a feed's items, in order. It returns an error for what is
// not an RSS or Atom feed. An item with neither content nor summary comes
// with no text: it is only a link.
//
// A feed whose elements do not nest (an end tag that closes the wrong
// element, a feed cut short) is an error that gives the line, returned
// with the items that ended before it: read leniently, such a feed would
// lose the items after the fault without a word. Characters that feeds
// often get wrong (a bare "&", an HTML entity, an unquoted attribute) are
// read leniently.
func Parse(r io.Reader) ([]Item, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read feed: %w", err)
	}
	items, err := parse(b, true)
	var se *xml.SyntaxError
	if err != nil && errors.As(err, &se) && lenient(se) {
		return parse(b, false)
	}
	return items, err
}

// lenient reports whether a syntax error of the strict reading is one of
// characters, which the lenient reading gets right, rather than of the
// elements' nesting, which it gets wrong.
func lenient(e *xml.SyntaxError) bool {
	return strings.Contains(e.Msg, "entity") || strings.Contains(e.Msg, "attribute")
}

// parse reads the items of an RSS or Atom document; strict selects
// encoding/xml's strict reading (Parse falls back to the lenient one).
func parse(b []byte, strict bool) (items []Item, err error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = strict
	d.Entity = xml.HTMLEntity
	var root xml.StartElement
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, fmt.Errorf("not a feed: %w", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			root = se
			break
		}
	}
	add := func(it Item) {
		if len(items) < maxItems {
			items = append(items, it)
		}
	}
	// On an error, the items decoded before it are in f (a slice's
	// element is kept only when it was decoded whole).
	switch root.Name.Local {
	case "rss", "RDF":
		var f rss
		err = d.DecodeElement(&f, &root)
		source := clean(f.Channel.Title)
		for _, x := range append(f.Channel.Items, f.Items...) {
			add(rssArticle(x, source))
		}
		if err != nil {
			return items, fmt.Errorf("RSS feed: %w (%s before it read)", err, count(len(items), "item"))
		}
	case "feed":
		var f atom
		err = d.DecodeElement(&f, &root)
		source := textOf(f.Title)
		for _, e := range f.Entries {
			add(atomArticle(e, source, f.Authors))
		}
		if err != nil {
			return items, fmt.Errorf("atom feed: %w (%s before it read)", err, count(len(items), "entry"))
		}
	default:
		return nil, fmt.Errorf("not a feed: the root element is <%s>, not <rss> or <feed>", root.Name.Local)
	}
	return items, nil
}

func rssArticle(x rssItem, source string) Item {
	a := kg.Article{Title: clean(webpage.Text(x.Title)), Source: source}
	for _, l := range x.Links {
		if l = strings.TrimSpace(l); l != "" {
			a.URL = l
			break
		}
	}
	if a.URL == "" && strings.HasPrefix(x.GUID, "http") {
		a.URL = strings.TrimSpace(x.GUID)
	}
	a.PublishedAt = parseDate(x.PubDate)
	if a.PublishedAt.IsZero() {
		a.PublishedAt = parseDate(x.Date)
	}
	a.Author = clean(x.Creator)
	if a.Author == "" {
		a.Author = rssAuthor(x.Author)
	}
	it := Item{Article: a}
	if strings.TrimSpace(x.Content) != "" {
		it.Article.Text, it.Full = webpage.Text(x.Content), true
	} else {
		it.Article.Text = webpage.Text(x.Description)
	}
	return it
}

// rssAuthor is the name in RSS's author field, an e-mail address with the
// name in brackets: "jane@example.com (Jane Doe)".
func rssAuthor(s string) string {
	s = strings.TrimSpace(s)
	if i, j := strings.Index(s, "("), strings.LastIndex(s, ")"); i >= 0 && j > i {
		return clean(s[i+1 : j])
	}
	if strings.Contains(s, "@") {
		return ""
	}
	return clean(s)
}

func atomArticle(e atomEntry, source string, feedAuthors []string) Item {
	a := kg.Article{Title: clean(textOf(e.Title)), Source: source}
	for _, l := range e.Links {
		if l.Rel == "" || l.Rel == "alternate" {
			a.URL = strings.TrimSpace(l.Href)
			break
		}
	}
	a.PublishedAt = parseDate(e.Published)
	if a.PublishedAt.IsZero() {
		a.PublishedAt = parseDate(e.Updated)
	}
	authors := e.Authors
	if len(authors) == 0 {
		authors = feedAuthors
	}
	a.Author = clean(strings.Join(authors, ", "))
	it := Item{Article: a}
	if strings.TrimSpace(e.Content.Body) != "" {
		it.Article.Text, it.Full = textOf(e.Content), true
	} else {
		it.Article.Text = textOf(e.Summary)
	}
	return it
}

// textOf is the text of an Atom text construct: text, escaped HTML, or
// XHTML inline.
func textOf(t atomText) string {
	body := t.Body
	if t.Type != "xhtml" {
		// The inner XML of a text or html construct is escaped text (or
		// CDATA): unescape it once, to the text or the HTML it holds.
		body = unescapeXML(body)
	}
	if t.Type == "" || t.Type == "text" {
		if !strings.Contains(body, "<") {
			return strings.TrimSpace(body)
		}
	}
	return webpage.Text(body)
}

// unescapeXML is the character data of an element's inner XML.
func unescapeXML(s string) string {
	d := xml.NewDecoder(strings.NewReader("<x>" + s + "</x>"))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var b strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if t.Name.Local != "x" {
				return s // markup inside: not escaped text
			}
		}
	}
	return b.String()
}

var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700", "02 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 02 Jan 2006 15:04:05 Z", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02",
}

// parseDate reads a feed's date (RFC 822 in RSS, RFC 3339 in Atom, and the
// variants feeds write); zero when it cannot.
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// count is "1 item", "2 items", "no entries".
func count(n int, noun string) string {
	plural := noun + "s"
	if strings.HasSuffix(noun, "y") {
		plural = strings.TrimSuffix(noun, "y") + "ies"
	}
	switch n {
	case 0:
		return "no " + plural
	case 1:
		return "1 " + noun
	}
	return fmt.Sprintf("%d %s", n, plural)
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

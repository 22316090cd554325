package webpage

import (
	"bytes"
	"fmt"
	readability "github.com/go-shiori/go-readability"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/transform"

	"github.com/newsgraph/newsgraph/kg"
)

// Page is what a web page says of itself, and its main text.
type Page struct {
	Title     string
	Author    string
	Published time.Time // zero when the page gives no date
	SiteName  string
	URL       string // canonical URL, else the URL the page was read from
	Language  string // ISO 639-1 code of the main text, "" when unsure
	// Text is the main text, a paragraph a line (blank lines between).
	Text string
}

// Options says where a page came from.
type Options struct {
	// URL is the address the page was fetched from (a web archive's
	// record); the page's canonical URL, when it gives one, wins.
	URL string
	// AnyLanguage reads pages in any language; by default a page whose
	// text is reliably not English is refused (NotEnglishError).
	AnyLanguage bool
}

// minWords is the fewest words a page's main text needs to be an article:
// a page of links and a menu leaves a word or two.
const minWords = 20

// fallbackWords: under this many words of main text, the page is read a
// second way (Read).
const fallbackWords = 2 * minWords

// NotEnglishError is the error for a page whose main text is in another
// language.
type NotEnglishError struct{ Language string }

func (e *NotEnglishError) Error() string {
	return fmt.Sprintf("page is in %s, not English: skipped (the extractor reads English only)", e.Language)
}

// Unwrap makes the error an invalid input (kg.ErrorCode).
func (e *NotEnglishError) Unwrap() error { return kg.Errorf(kg.EINVALID, "%s", e.Error()) }

// languageName is the English name of a language's ISO 639-1 code.
func languageName(code string) string {
	if t, err := language.Parse(code); err == nil {
		if n := display.English.Languages().Name(t); n != "" {
			return n
		}
	}
	return code
}

// unwantedClass are words in the class of an element that is not the
// story's text though it sits inside it: image captions and credits, pull
// quotes (a sentence of the story repeated in large type), related links.
var unwantedClass = []string{"caption", "pullquote", "pull-quote", "pull_quote", "credit", "related"}

// prune removes from the page the figures, captions, asides and pull
// quotes, before the extractor sees it. With page set it also removes
// what the extractor would discard before reading the text anyway
// (scripts, styles, forms' controls, navigation, the site's footers,
// comments): go-trafilatura copies the whole tree four times and walks it
// for its metadata before it cleans it, so a smaller tree is a faster page.
func prune(n *html.Node, page bool) { pruneUnder(n, page, false) }

// pruneUnder is prune below n; inArticle says n is in an <article>, where a
// <footer> is the article's own ("Posted on <time>...") and its date and
// byline are left for go-htmldate and go-trafilatura's metadata to read.
func pruneUnder(n *html.Node, page, inArticle bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.ElementNode && unwanted(c),
			page && discarded(c) && !(inArticle && c.DataAtom == atom.Footer):
			n.RemoveChild(c)
		default:
			pruneUnder(c, page, inArticle || c.DataAtom == atom.Article && c.Type == html.ElementNode)
		}
		c = next
	}
}

// discardedAtoms are the elements go-trafilatura removes, with all they
// hold, before it looks for the main text, and reads no metadata from
// that newsgraph uses (a site footer's licence link and a navigation's
// categories are not read here).
var discardedAtoms = map[atom.Atom]bool{
	atom.Style: true, atom.Noscript: true, atom.Svg: true, atom.Iframe: true, atom.Template: true,
	atom.Button: true, atom.Select: true, atom.Input: true, atom.Textarea: true, atom.Object: true,
	atom.Embed: true, atom.Canvas: true, atom.Video: true, atom.Audio: true, atom.Picture: true,
	atom.Nav: true, atom.Footer: true, atom.Menu: true, atom.Dialog: true,
}

// discarded reports whether prune removes n from a page: a comment, an
// element of discardedAtoms, a script other than the page's JSON-LD
// metadata.
func discarded(n *html.Node) bool {
	switch n.Type {
	case html.CommentNode:
		return true
	case html.ElementNode:
		if n.DataAtom == atom.Script {
			for _, a := range n.Attr {
				if a.Key == "type" && strings.Contains(strings.ToLower(a.Val), "json") {
					return false
				}
			}
			return true
		}
		return discardedAtoms[n.DataAtom]
	}
	return false
}

func unwanted(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Figure:
		// A figure that holds a table is the story's data, not an image;
		// its caption still goes.
		return !has(n, atom.Table)
	case atom.Figcaption, atom.Aside:
		return true
	case atom.Html, atom.Body, atom.Head, atom.Main, atom.Article:
		return false
	}
	for _, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		class := strings.ToLower(a.Val)
		for _, w := range unwantedClass {
			if strings.Contains(class, w) {
				return true
			}
		}
	}
	return false
}

// has reports whether an element of kind a is under n.
func has(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a || has(c, a) {
			return true
		}
	}
	return false
}

// Read reads a page.
func Read(r io.Reader, opts Options) (Page, error) {
	topts := trafilatura.Options{
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	}
	if opts.URL != "" {
		if u, err := url.Parse(opts.URL); err == nil && u.IsAbs() {
			topts.OriginalURL = u
		}
	}
	doc, err := parse(r)
	if err != nil {
		return Page{}, err
	}
	headline := headline(doc)
	prune(doc, true)
	res, err := trafilatura.ExtractDocument(doc, topts)
	if err != nil {
		return Page{}, fmt.Errorf("no main text found: %w", err)
	}
	m := res.Metadata
	p := Page{
		Title:     clean(m.Title),
		Author:    clean(m.Author),
		Published: m.Date,
		SiteName:  clean(m.Sitename),
		URL:       m.URL,
	}
	if p.URL == "" {
		p.URL = opts.URL
	}
	p.Title = trimSite(p.Title, p.SiteName, host(p.URL, m.Hostname))
	if headlineOver(headline, p.Title) {
		p.Title = headline
	}
	p.Text = dropMeta(render(res.ContentNode), p)
	if n := len(strings.Fields(p.Text)); n < fallbackWords {
		if t, ok := secondReading(doc, topts.OriginalURL, p, n); ok {
			p.Text = t
		}
	}
	if n := len(strings.Fields(p.Text)); n < minWords {
		return p, kg.Errorf(kg.EINVALID, "no main text found (%d words)", n)
	}
	p.Language = sureLanguage(m.Language, p.Text)
	if !opts.AnyLanguage && p.Language != "" && p.Language != "en" {
		return p, &NotEnglishError{Language: languageName(p.Language)}
	}
	return p, nil
}

// secondReading reads a page whose main text the extractor found next to
// nothing of (n words) with the readability algorithm, which reads stories
// the extractor misses, such as lines of text between <br>s in a box of
// their own; its text is taken when it is much longer.
func secondReading(doc *html.Node, u *url.URL, p Page, n int) (string, bool) {
	a, err := readability.FromDocument(doc, u)
	if err != nil || a.Node == nil {
		return "", false
	}
	t := dropMeta(render(a.Node), p)
	return t, len(strings.Fields(t)) > 2*max(n, minWords)
}

// Article is the article the page is: its title, date, source (the site's
// name, else the URL's host) and text.
func (p Page) Article() kg.Article {
	a := kg.Article{Title: p.Title, PublishedAt: p.Published, Author: p.Author, URL: p.URL, Text: p.Text}
	a.Source = p.SiteName
	if a.Source == "" {
		a.Source = host(p.URL, "")
	}
	return a
}

// sureLanguage is the language of the main text as the extractor guessed it
// (an ISO 639-1 code), "" when the text is too short for a sure guess.
func sureLanguage(guess, text string) string {
	if len(text) < 200 {
		return ""
	}
	return guess
}

// parse parses a page, decoding it to UTF-8 by its byte-order mark or the
// charset its head declares; a page that declares none is taken as UTF-8
// when it is valid UTF-8, else as Windows-1252 (HTML's default).
func parse(r io.Reader) (*html.Node, error) {
	b, err := readAll(r)
	if err != nil {
		return nil, fmt.Errorf("read page: %w", err)
	}
	var in io.Reader = bytes.NewReader(b)
	if enc, name, certain := charset.DetermineEncoding(b, ""); certain || !utf8.Valid(b) {
		if name != "utf-8" {
			in = transform.NewReader(in, enc.NewDecoder())
		}
	}
	doc, err := html.Parse(in)
	if err != nil {
		if strings.Contains(err.Error(), "open stack of elements exceeds") {
			// the parser's own limit, which it reports only in words
			return nil, kg.Errorf(kg.EINVALID, "page nests elements more than 512 deep, beyond what the HTML parser reads")
		}
		return nil, fmt.Errorf("parse page: %w", err)
	}
	return doc, nil
}

// readAll reads r to its end. A reader that knows how much is left
// (bytes.Reader, strings.Reader, bytes.Buffer: what the callers pass) is
// read into one buffer of that size: io.ReadAll's doubling buffer
// allocated twice a page's size.
func readAll(r io.Reader) ([]byte, error) {
	l, ok := r.(interface{ Len() int })
	if !ok {
		return io.ReadAll(r)
	}
	b := make([]byte, l.Len())
	n, err := io.ReadFull(r, b)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	if n < len(b) {
		return b[:n], nil
	}
	// Whatever came after Len (a reader that grows) is read as well.
	rest, err := io.ReadAll(r)
	return append(b, rest...), err
}

// headline is the page's headline as readers see it: the text of its one
// <h1> (not counting one that is the site's logo), when it has exactly one
// of two to forty words ("" otherwise: a page with several is a list of
// stories). News sites often give their meta title a shorter or
// search-friendly variant. A headline of two words may also be a form's
// or a box's heading ("Log In"): the page's title must contain it
// (headlineOver).
func headline(doc *html.Node) string {
	var h1s []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if len(h1s) > 1 {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.H1 {
			if !logo(n) {
				h1s = append(h1s, n)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if len(h1s) != 1 {
		return ""
	}
	t := clean(textOf(h1s[0]))
	if n := len(strings.Fields(t)); n < 2 || n > 40 {
		return ""
	}
	return t
}

// logo reports whether an <h1> is the site's logo rather than a headline:
// all its text is a link to the site's home page.
func logo(h1 *html.Node) bool {
	var home *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && home == nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.A {
				for _, a := range c.Attr {
					if a.Key == "href" && isHome(a.Val) {
						home = c
					}
				}
				continue
			}
			walk(c)
		}
	}
	walk(h1)
	return home != nil && clean(textOf(home)) == clean(textOf(h1))
}

// isHome reports whether a link's address is a site's home page: "/", or
// a host with no path.
func isHome(href string) bool {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil || u.RawQuery != "" || u.Fragment != "" {
		return false
	}
	return (u.Path == "" || u.Path == "/") && (u.Host != "" || u.Path == "/")
}

// textOf is the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// headlineOver reports whether the page's headline is its title rather
// than the title its head gives: a headline of three words or more, unless
// it is that title with a kicker before it; one of two words that the
// title contains ("Leadership Styles" titled "What are Leadership Styles?
// Definition and meaning").
func headlineOver(headline, title string) bool {
	switch n := len(strings.Fields(headline)); {
	case n == 0:
		return false
	case n < 3:
		h := squash(headline)
		return h != "" && strings.Contains(squash(title), h) && h != squash(title)
	}
	return !kicker(headline, title)
}

// kicker reports whether headline is title with a word or two before it:
// a section or kicker ("Politics | ...") that the <h1> holds.
func kicker(headline, title string) bool {
	h, t := squash(headline), squash(title)
	return t != "" && len(h) > len(t) && strings.HasSuffix(h, t)
}

// titleSeparators part a page's title from the site's name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "}

// trimSite drops the site's name from a page's title, where the page's
// <title> appends it ("Storm closes bridge | The Coastal Tribune") or puts it
// first: a part after (or before) a separator that names the site, as its
// name or its host name gives it.
func trimSite(title, site, host string) string {
	title = strings.TrimSpace(strings.TrimRight(title, " |-–—:·»/"))
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 && namesSite(title[i+len(sep):], site, host) {
			return trimSite(title[:i], site, host)
		}
		if i := strings.Index(title, sep); i > 0 && namesSite(title[:i], site, host) {
			return trimSite(title[i+len(sep):], site, host)
		}
	}
	return title
}

// namesSite reports whether part of a title is the site's name: the same
// letters as the site name, or as the host's name ("Tone Deaf" on
// tonedeaf.thebrag.com, "Studio Harddecor" on harddecor.at).
func namesSite(part, site, host string) bool {
	p := squash(part)
	if len(p) < 3 || len(strings.Fields(part)) > 5 {
		return false
	}
	if p == squash(site) {
		return true
	}
	if host == "" {
		return false
	}
	labels := strings.Split(host, ".")
	h := squash(host)
	if strings.Contains(h, p) {
		return true
	}
	for _, l := range labels[:max(len(labels)-1, 1)] {
		if len(l) >= 4 && strings.Contains(p, squash(l)) {
			return true
		}
	}
	return false
}

// squash is s lower-cased, letters and digits only.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// host is the host name of a URL, without "www.".
func host(u, fallback string) string {
	h := fallback
	if pu, err := url.Parse(u); err == nil && pu.Hostname() != "" {
		h = pu.Hostname()
	}
	return strings.TrimPrefix(strings.ToLower(h), "www.")
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// blocks are the elements that start a paragraph of their own.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true,
	atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Main: true,
}

// kind is the element's atom; the extractor builds the elements it
// rewrites (a table's rows and cells) by name alone.
func kind(n *html.Node) atom.Atom {
	if n.DataAtom == 0 && n.Type == html.ElementNode {
		return atom.Lookup([]byte(n.Data))
	}
	return n.DataAtom
}

// render is the text of the extracted content, a paragraph a line.
func render(n *html.Node) string {
	if n == nil {
		return ""
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if s := clean(cur.String()); s != "" {
			paras = append(paras, s)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		a := kind(n)
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Figcaption, atom.Img:
				return
			case atom.Figure:
				if !has(n, atom.Table) {
					return
				}
			case atom.Br:
				flush()
				return
			case atom.Td, atom.Th:
				cur.WriteByte(' ')
			}
		}
		block := n.Type == html.ElementNode && blocks[a]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return strings.Join(paras, "\n\n")
}

// dropMeta drops, among the first paragraphs, the byline and date lines
// that only repeat the page's metadata ("By Jane Doe", "Jane Doe",
// "Published March 3, 2020"), and anywhere the page's notices (notice):
// they are not the story.
func dropMeta(text string, p Page) string {
	paras := strings.Split(text, "\n\n")
	drop := make([]bool, len(paras))
	for i, para := range paras {
		drop[i] = i < 4 && isMetaLine(para, p) || notice(para)
	}
	for i, para := range paras {
		if !drop[i] && (i > 0 && drop[i-1] || i+1 < len(paras) && drop[i+1]) && paywall(para) {
			drop[i] = true
		}
	}
	var out []string
	for i, para := range paras {
		if !drop[i] {
			out = append(out, para)
		}
	}
	return strings.Join(out, "\n\n")
}

func isMetaLine(para string, p Page) bool {
	if n := len(strings.Fields(para)); n == 0 || n > 12 {
		return false
	}
	low := strings.ToLower(para)
	if p.Title != "" && strings.EqualFold(para, p.Title) {
		return true
	}
	if p.Author != "" {
		a := strings.ToLower(p.Author)
		rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(low, "by "), "written by "))
		if rest == a || strings.HasPrefix(low, "by ") && strings.Contains(low, a) {
			return true
		}
	}
	for _, w := range []string{"published", "updated", "posted", "last modified"} {
		if strings.HasPrefix(low, w) && hasDigit(para) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

// LooksLikeHTML reports whether b is a web page rather than text: it opens
// (after blanks, a byte-order mark and comments) with a doctype or an html
// or head tag.
func LooksLikeHTML(b []byte) bool {
	b = bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(b), []byte("\xef\xbb\xbf")))
	for bytes.HasPrefix(b, []byte("<!--")) {
		end := bytes.Index(b, []byte("-->"))
		if end < 0 {
			return false
		}
		b = bytes.TrimSpace(b[end+3:])
	}
	if len(b) > 64 {
		b = b[:64]
	}
	low := bytes.ToLower(b)
	for _, p := range []string{"<!doctype html", "<html", "<head"} {
		if bytes.HasPrefix(low, []byte(p)) {
			return true
		}
	}
	return false
}

// Text is the text of an HTML fragment (a feed item's content): its
// paragraphs a line each, figures, captions, pull quotes and notices left
// out. It
// is not searched for a main text: the fragment is the article.
func Text(fragment string) string {
	if !strings.Contains(fragment, "<") && !strings.Contains(fragment, "&") {
		return strings.TrimSpace(fragment)
	}
	doc, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		return ""
	}
	prune(doc, false)
	return dropMeta(render(doc), Page{})
}

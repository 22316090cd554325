package webpage

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/kg"
)

const testPage = `<!DOCTYPE html>
<html lang="en"><head>
<title>Storm closes harbour bridge | The Coastal Tribune</title>
<meta property="og:site_name" content="The Coastal Tribune">
<meta property="og:title" content="Storm closes harbour bridge">
<meta name="author" content="Maria Okafor">
<meta property="article:published_time" content="2024-03-14T08:30:00Z">
<link rel="canonical" href="https://tribune.example.com/news/2024/03/14/storm-bridge">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<main><article>
<h1>Storm closes harbour bridge</h1>
<p class="byline">By Maria Okafor</p>
<p>PORT ELLIS — The harbour bridge was closed on Wednesday after winds of more than 120 kilometres an hour tore panels from its western span, the city's transport department said.</p>
<figure><img src="bridge.jpg"><figcaption>The western span of the bridge on Wednesday. Photo: Jan Vries</figcaption></figure>
<p>Engineers will inspect the bridge on Thursday morning, and the department expects it to reopen by the weekend if no structural damage is found.</p>
<aside class="pullquote">"We will not reopen it until it is safe."</aside>
<p>Mayor Lena Brandt said the city would pay for ferries to carry commuters across the harbour until the bridge reopens. "We will not reopen it until it is safe," she told reporters outside the town hall.</p>
<p>The storm also cut power to about 4,000 homes in the northern suburbs, according to the electricity company, which said most would be reconnected by the evening.</p>
<figure><table><tr><th>Span</th><th>Panels lost</th></tr><tr><td>Western span</td><td>14 panels</td></tr></table><figcaption>Damage by span. Source: transport department</figcaption></figure>
<p>(Credit: Jan Vries / Coastal Tribune)</p>
<p>Get the Tribune's morning briefing: sign up for our newsletter and never miss a story.</p>
</article></main>
<section class="related"><h2>Top stories</h2><ul><li><a href="/a">Council votes on budget after long debate</a></li><li><a href="/b">Local team wins the cup final in extra time</a></li></ul></section>
<footer><p>Copyright 2024 The Coastal Tribune. All rights reserved.</p><p>Subscribe to our newsletter for the latest news.</p></footer>
</body></html>`

func TestRead(t *testing.T) {
	p, err := Read(strings.NewReader(testPage), Options{URL: "https://tribune.example.com/x?utm=1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, got, want string }{
		{"title", p.Title, "Storm closes harbour bridge"},
		{"author", p.Author, "Maria Okafor"},
		{"date", p.Published.Format("2006-01-02"), "2024-03-14"},
		{"site", p.SiteName, "The Coastal Tribune"},
		{"url", p.URL, "https://tribune.example.com/news/2024/03/14/storm-bridge"},
		{"language", p.Language, "en"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	for _, want := range []string{
		"PORT ELLIS — The harbour bridge was closed on Wednesday",
		"Engineers will inspect the bridge",
		`"We will not reopen it until it is safe," she told reporters`,
		"most would be reconnected by the evening.",
		"Western span 14 panels",
	} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, p.Text)
		}
	}
	for _, unwanted := range []string{"Home", "Photo: Jan Vries", "Top stories", "Council votes", "Copyright", "newsletter", "By Maria Okafor", "Credit:", "Damage by span"} {
		if strings.Contains(p.Text, unwanted) {
			t.Errorf("text has %q:\n%s", unwanted, p.Text)
		}
	}
	if n := strings.Count(p.Text, "until it is safe"); n != 1 {
		t.Errorf("the quote is in the text %d times, want 1 (the pull quote is out)", n)
	}
	if got, want := strings.Count(p.Text, "\n\n")+1, 6; got != want { // four paragraphs and a table of two rows
		t.Errorf("%d paragraphs, want %d:\n%s", got, want, p.Text)
	}
	a := p.Article()
	if a.Source != "The Coastal Tribune" || a.Title != p.Title || !a.PublishedAt.Equal(p.Published) || a.Author != p.Author || a.URL != p.URL {
		t.Errorf("article %+v does not carry the page's metadata", a)
	}
}

const germanPage = `<!DOCTYPE html><html><head><title>Sturm schließt die Hafenbrücke</title></head><body><article>
<h1>Sturm schließt die Hafenbrücke</h1>
<p>Die Hafenbrücke wurde am Mittwoch gesperrt, nachdem Windböen von mehr als 120 Kilometern pro Stunde Platten von der westlichen Spannweite gerissen hatten, teilte das Verkehrsamt der Stadt mit.</p>
<p>Ingenieure werden die Brücke am Donnerstagmorgen untersuchen, und das Amt erwartet, dass sie bis zum Wochenende wieder geöffnet wird, wenn keine Schäden an der Struktur gefunden werden.</p>
<p>Die Bürgermeisterin sagte, die Stadt werde Fähren bezahlen, die Pendler über den Hafen bringen, bis die Brücke wieder geöffnet ist. Der Sturm unterbrach außerdem die Stromversorgung von etwa viertausend Haushalten.</p>
</article></body></html>`

func TestReadNotEnglish(t *testing.T) {
	_, err := Read(strings.NewReader(germanPage), Options{})
	var ne *NotEnglishError
	if !errors.As(err, &ne) {
		t.Fatalf("err = %v, want a NotEnglishError", err)
	}
	if got, want := ne.Language, "German"; got != want {
		t.Errorf("language = %q, want %q", got, want)
	}
	if got, want := kg.ErrorCode(err), kg.EINVALID; got != want {
		t.Errorf("code = %q, want %q", got, want)
	}
	p, err := Read(strings.NewReader(germanPage), Options{AnyLanguage: true})
	if err != nil || !strings.Contains(p.Text, "Hafenbrücke") {
		t.Errorf("AnyLanguage: %v, %q", err, p.Text)
	}
}

func TestReadNoText(t *testing.T) {
	_, err := Read(strings.NewReader(`<html><body><nav><a href="/">Home</a></nav></body></html>`), Options{})
	if err == nil {
		t.Fatal("a page without text read without error")
	}
}

func TestReadCharset(t *testing.T) {
	// Latin-1, declared in the head: "café" is 0xE9.
	page := "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 reopens after the flood in the old town</title></head><body><article>" +
		strings.Repeat("<p>The caf\xe9 on the square reopened on Monday, three weeks after the river flooded the old town and its cellars.</p>", 3) +
		"</article></body></html>"
	p, err := Read(strings.NewReader(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "café") || !utf8.ValidString(p.Text) {
		t.Errorf("text not decoded: %q", p.Text)
	}
}

func TestTrimSite(t *testing.T) {
	for _, tc := range []struct{ name, title, site, host, want string }{
		{"site suffix", "Storm closes bridge | The Coastal Tribune", "The Coastal Tribune", "", "Storm closes bridge"},
		{"host suffix", "Record of the week - Tone Deaf", "", "tonedeaf.thebrag.com", "Record of the week"},
		{"host label in suffix", "Monuments in a new light - Studio Harddecor", "", "harddecor.at", "Monuments in a new light"},
		{"site prefix", "Coastal Tribune: Storm closes bridge", "", "coastaltribune.example", "Coastal Tribune: Storm closes bridge"},
		{"site prefix with bar", "Coastal Tribune | Storm closes bridge", "", "coastaltribune.example", "Storm closes bridge"},
		{"trailing separator", "National Rail Enquiries -", "", "", "National Rail Enquiries"},
		{"dash in the headline", "Storm - the worst in years - closes bridge", "Tribune", "tribune.example", "Storm - the worst in years - closes bridge"},
		{"no site", "Storm closes bridge", "", "", "Storm closes bridge"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := trimSite(tc.title, tc.site, tc.host); got != tc.want {
				t.Errorf("trimSite(%q) = %q, want %q", tc.title, got, tc.want)
			}
		})
	}
}

func TestHeadline(t *testing.T) {
	for _, tc := range []struct{ name, page, title, want string }{
		{"one h1 wins", `<h1>Storm closes the harbour bridge for days</h1>`, "Storm closes bridge", "Storm closes the harbour bridge for days"},
		{"kicker in the h1", `<h1><span>Politics</span> Council passes the budget</h1>`, "Council passes the budget", "Council passes the budget"},
		{"two h1s", `<h1>Tribune</h1><h1>Storm closes the harbour bridge</h1>`, "Storm closes bridge", "Storm closes bridge"},
		{"short h1", `<h1>Tribune</h1>`, "Storm closes bridge", "Storm closes bridge"},
		{"logo h1 and a headline", `<h1><a href="https://tribune.example/">Tribune <small>News of the coast</small></a></h1><h1>Storm closes the harbour bridge</h1>`, "Storm closes bridge", "Storm closes the harbour bridge"},
		{"logo h1 linking home by path", `<h1><a href="/">The Coastal Tribune</a></h1><h1>Storm closes the harbour bridge</h1>`, "Storm closes bridge", "Storm closes the harbour bridge"},
		{"h1 linking to a story is no logo", `<h1><a href="/news/storm">The Coastal Tribune</a></h1><h1>Storm closes the harbour bridge</h1>`, "Storm closes bridge", "Storm closes bridge"},
		{"two words in the title", `<h1>Leadership Styles</h1>`, "What are Leadership Styles? Definition and meaning", "Leadership Styles"},
		{"two words not in the title", `<form><h1>Log In</h1></form>`, "Storm closes bridge", "Storm closes bridge"},
		{"two words that are the title", `<h1>Storm warning</h1>`, "Storm warning", "Storm warning"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parse(strings.NewReader("<html><body>" + tc.page + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			got := tc.title
			if h := headline(doc); headlineOver(h, got) {
				got = h
			}
			if got != tc.want {
				t.Errorf("title = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestLooksLikeHTML(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html><html>", true},
		{"\ufeff  <html lang=en>", true},
		{"<!-- saved --> <!doctype HTML>", true},
		{"<head><title>x</title>", true},
		{"The <html> tag opens a page.", false},
		{"Plain news text.", false},
	} {
		if got := LooksLikeHTML([]byte(tc.in)); got != tc.want {
			t.Errorf("LooksLikeHTML(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// The extractor loses the text that follows an element it discards inside
// a heading (an empty <style>); pruning such elements (and comments,
// scripts, footers) first keeps it, and keeps the JSON-LD metadata.
func TestReadDiscardedInline(t *testing.T) {
	page := `<html><head><title>Ferry service resumes across the harbour</title>
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-02"}</script>
<script>var tracker = 1;</script></head><body><article>
<p>The ferry service across the harbour resumed on Thursday after a week in which the storm kept every boat in port.</p>
<h2><style></style>Commuters return</h2>
<p>About two thousand commuters took the first boats, the operator said,<!-- ad slot --> and more are expected on Friday when the schools reopen.</p>
<p>The operator said it would add two evening crossings until the bridge is repaired, which engineers expect to take a month.</p>
</article><footer><p>Contact the newsroom at any time.</p></footer></body></html>`
	p, err := Read(strings.NewReader(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Commuters return", "the operator said, and more are expected on Friday"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, p.Text)
		}
	}
	if strings.Contains(p.Text, "newsroom") || strings.Contains(p.Text, "tracker") {
		t.Errorf("text has the footer or a script:\n%s", p.Text)
	}
	if got, want := p.Published.Format("2006-01-02"), "2024-05-02"; got != want {
		t.Errorf("date = %s, want %s (the JSON-LD script is kept)", got, want)
	}
}

func TestReadAll(t *testing.T) {
	const s = "<p>a page</p>"
	half := strings.NewReader(s)
	_, _ = half.Seek(3, io.SeekStart)
	for _, tc := range []struct {
		name string
		r    io.Reader
		want string
	}{
		{"strings.Reader", strings.NewReader(s), s},
		{"bytes.Reader", bytes.NewReader([]byte(s)), s},
		{"bytes.Buffer", bytes.NewBufferString(s), s},
		{"read part", half, s[3:]},
		{"empty", strings.NewReader(""), ""},
		{"no Len", io.MultiReader(strings.NewReader(s[:4]), strings.NewReader(s[4:])), s},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := readAll(tc.r)
			if err != nil || string(b) != tc.want {
				t.Errorf("readAll = %q, %v; want %q", b, err, tc.want)
			}
		})
	}
}

// A main text too short for go-trafilatura's extraction goes through its
// fallback, which reads the pruned tree as it is: the removed elements must
// not glue two paragraphs together.
func TestReadShortPruned(t *testing.T) {
	page := `<html><head><title>Ferry service resumes</title></head><body><article>
  <p>The ferry service across the harbour resumed on Thursday after a week of storms.</p>
  <script>track("ferry")</script><!-- ad -->
  <p>About two thousand commuters took the first boats, the operator said on Friday.</p>
</article></body></html>`
	p, err := Read(strings.NewReader(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(p.Text, "storms.About") || !strings.Contains(p.Text, "About two thousand") {
		t.Errorf("text = %q", p.Text)
	}
}

// An article's own footer may hold its only date; a site's footer goes
// before extraction.
func TestReadArticleFooterDate(t *testing.T) {
	page := `<html><head><title>Ferry service resumes after the storm</title></head><body><article>
<h1>Ferry service resumes after the storm</h1>
<p>The ferry service across the harbour resumed on Thursday after a week in which the storm kept every boat in port.</p>
<p>About two thousand commuters took the first boats, the operator said, and more are expected on Friday when the schools reopen.</p>
<p>The operator said it would add two evening crossings until the bridge is repaired, which engineers expect to take a month.</p>
<footer class="entry-meta">Posted on <time class="entry-date published" datetime="2023-06-01T09:00:00+00:00">June 1, 2023</time></footer>
</article><footer><p>Contact the newsroom at any time.</p></footer></body></html>`
	p, err := Read(strings.NewReader(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.Published.Format("2006-01-02"), "2023-06-01"; got != want {
		t.Errorf("date = %s, want %s", got, want)
	}
	if strings.Contains(p.Text, "newsroom") {
		t.Errorf("text has the site's footer:\n%s", p.Text)
	}
}

// A page whose main text the extractor found next to nothing of is read a
// second way, which reads a story written as lines between <br>s in a box
// of its own; a cookie notice in the site's third person is no story, on
// either reading.
func TestSecondReading(t *testing.T) {
	lines := []string{
		"Strong, cold winds brought early winter temperatures to the coast on Tuesday morning.",
		"The first cold wave alert of the season was in effect across the northern provinces.",
		"Forecasters said Wednesday would be colder still, with frost expected in the valleys.",
		"Schools in three districts delayed their opening by an hour to let buses clear the ice.",
		"The weather service advised older people to stay indoors as much as possible.",
	}
	page := `<html><head><title>Cold wave alert issued</title></head><body>
<div class="title"><h1>Cold wave alert issued for Tuesday</h1><p class="date">Written: 2023-11-07 15:03</p></div>
<div class="body_txt"><div class="img_box"><img src="a.jpg"></div>
` + strings.Join(lines, "<br />\n<br />\n") + `
</div>
<div class="cookie_box"><p>This website uses cookies and other technology to enhance quality of service. Continuous usage of the website will be considered as giving consent.</p></div>
</body></html>`
	doc, err := parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	prune(doc, true)
	text, ok := secondReading(doc, nil, Page{}, 5)
	if !ok {
		t.Fatalf("second reading not taken: %q", text)
	}
	for _, l := range lines {
		if !strings.Contains(text, l) {
			t.Errorf("missing %q in\n%s", l, text)
		}
	}
	if _, ok := secondReading(doc, nil, Page{}, 200); ok {
		t.Errorf("second reading taken over a main text longer than its own")
	}
	p, err := Read(strings.NewReader(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(p.Text, "cookies") || !strings.Contains(p.Text, lines[2]) {
		t.Errorf("text:\n%s", p.Text)
	}
}

// A page nested deeper than the HTML parser goes is refused in our words,
// as an invalid input.
func TestReadTooDeep(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div>", 600) + "<p>" + strings.Repeat("John Smith met Mary Jones in Paris on Monday. ", 5) + "</p>" + strings.Repeat("</div>", 600) + "</body></html>"
	_, err := Read(strings.NewReader(page), Options{})
	if err == nil || !strings.Contains(err.Error(), "more than 512 deep") || kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("error %v (code %s), want an invalid page nested too deep", err, kg.ErrorCode(err))
	}
}

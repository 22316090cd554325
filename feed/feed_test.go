package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func parseFile(t *testing.T, name string) []Item {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !IsFeed(b) {
		t.Errorf("IsFeed(%s) = false", name)
	}
	items, err := Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return items
}

type want struct {
	title, url, author, date, source string
	full                             bool
	text                             []string // in the text
	not                              []string // not in the text
}

func check(t *testing.T, items []Item, wants []want) {
	t.Helper()
	if len(items) != len(wants) {
		t.Fatalf("%d items, want %d", len(items), len(wants))
	}
	for i, w := range wants {
		a := items[i].Article
		got := []string{a.Title, a.URL, a.Author, a.PublishedAt.Format(time.RFC3339), a.Source}
		exp := []string{w.title, w.url, w.author, w.date, w.source}
		for k := range got {
			if got[k] != exp[k] {
				t.Errorf("item %d: %q, want %q", i, got[k], exp[k])
			}
		}
		if items[i].Full != w.full {
			t.Errorf("item %d: full = %v, want %v", i, items[i].Full, w.full)
		}
		for _, s := range w.text {
			if !strings.Contains(a.Text, s) {
				t.Errorf("item %d: text %q lacks %q", i, a.Text, s)
			}
		}
		for _, s := range append(w.not, "<") {
			if strings.Contains(a.Text, s) {
				t.Errorf("item %d: text %q has %q", i, a.Text, s)
			}
		}
	}
}

func TestRSS(t *testing.T) {
	items := parseFile(t, "testdata/tribune.rss")
	check(t, items, []want{
		{"Storm closes harbour bridge", "https://tribune.example.com/news/storm-bridge", "Maria Okafor", "2024-03-14T08:30:00Z", "The Coastal Tribune", true,
			[]string{"The harbour bridge was closed on Wednesday", "department said.\n\nEngineers will inspect"}, []string{"Photo: Jan Vries"}},
		{"Ferries carry commuters & cyclists", "https://tribune.example.com/news/ferries", "Tom Reyes", "2024-03-15T06:00:00Z", "The Coastal Tribune", false,
			[]string{"Three ferries carried about 9,000 commuters"}, nil},
		{"Photo gallery: the storm", "https://tribune.example.com/gallery/storm", "", "0001-01-01T00:00:00Z", "The Coastal Tribune", false, nil, nil},
	})
	if items[2].Article.Text != "" {
		t.Errorf("a link-only item has text %q", items[2].Article.Text)
	}
}

func TestAtom(t *testing.T) {
	items := parseFile(t, "testdata/herald.atom")
	check(t, items, []want{
		{"Bridge to reopen on Saturday", "https://herald.example.org/bridge-reopens", "Lena Park", "2024-03-16T11:00:00Z", "Harbour Herald", true,
			[]string{"will reopen on Saturday, the transport department said.\n\nEngineers found no damage"}, nil},
		{"Council thanks ferry crews", "https://herald.example.org/ferry-crews", "Herald staff", "2024-03-17T09:00:00Z", "Harbour Herald", true,
			[]string{"thanked the ferry crews"}, nil},
		{"Tide tables", "https://herald.example.org/tides", "Herald staff", "0001-01-01T00:00:00Z", "Harbour Herald", false,
			[]string{"High tide at 06:12"}, nil},
	})
}

func TestRSS1(t *testing.T) {
	const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://tribune.example.com/"><title>Tribune</title></channel>
<item rdf:about="https://tribune.example.com/a"><title>Budget passes</title><link>https://tribune.example.com/a</link>
<dc:date>2024-03-19T16:45:00Z</dc:date><description>The council passed the budget on Tuesday.</description></item>
</rdf:RDF>`
	items, err := Parse(strings.NewReader(rdf))
	if err != nil {
		t.Fatal(err)
	}
	check(t, items, []want{{"Budget passes", "https://tribune.example.com/a", "", "2024-03-19T16:45:00Z", "Tribune", false,
		[]string{"passed the budget"}, nil}})
}

func TestNotAFeed(t *testing.T) {
	for _, in := range []string{"", "plain text", "<html><body>page</body></html>", "<?xml version=\"1.0\"?><opml/>", "<rss><channel><item><title>x"} {
		items, err := Parse(strings.NewReader(in))
		if in == "<rss><channel><item><title>x" {
			// a truncated feed: an error, or the item read so far
			if err == nil && len(items) > 0 {
				t.Errorf("truncated feed gave %+v", items)
			}
			continue
		}
		if err == nil {
			t.Errorf("Parse(%q): no error", in)
		}
		if IsFeed([]byte(in)) {
			t.Errorf("IsFeed(%q) = true", in)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Thu, 14 Mar 2024 08:30:00 +0000", "2024-03-14T08:30:00Z"},
		{"Thu, 4 Mar 2024 08:30:00 +0200", "2024-03-04T06:30:00Z"},
		{"Thu, 14 Mar 2024 08:30:00 GMT", "2024-03-14T08:30:00Z"},
		{"2024-03-16T12:00:00+01:00", "2024-03-16T11:00:00Z"},
		{"2024-03-16", "2024-03-16T00:00:00Z"},
		{"yesterday", "0001-01-01T00:00:00Z"},
	} {
		if got := parseDate(tc.in).Format(time.RFC3339); got != tc.want {
			t.Errorf("parseDate(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/tribune.rss", "testdata/herald.atom"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<feed><entry><content type="html">&lt;p&gt;x</content></entry></feed>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		items, err := Parse(bytes.NewReader(b))
		var se *xml.SyntaxError
		if err != nil && len(items) > 0 && !errors.As(err, &se) {
			t.Errorf("error %v with %d items: only a syntax error comes with the items before it", err, len(items))
		}
		for _, it := range items {
			if it.Full && strings.TrimSpace(it.Article.Text) != it.Article.Text {
				t.Errorf("item text not trimmed: %q", it.Article.Text)
			}
		}
	})
}

// Elements that do not nest are an error naming the line, with the items
// before it; a lenient reading lost the items after the fault silently.
// A bare "&" and HTML entities are still read leniently.
func TestMalformed(t *testing.T) {
	item := func(title, text string) string {
		return "<item><title>" + title + "</title><link>http://x/" + title + "</link><description>" + text + "</description></item>\n"
	}
	head := `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>` + "\n"
	tail := "</channel></rss>\n"
	for _, tc := range []struct {
		name, in string
		titles   []string
		err      string
	}{
		{"wrong end tag in an item", head + item("One", "First.") + strings.Replace(item("Two", "Second."), "</title>", "</titel>", 1) + item("Three", "Third.") + tail,
			[]string{"One"}, "line 3: element <title> closed by </titel>"},
		{"wrong end tag in the channel", strings.Replace(head, "</title>", "</titl>", 1) + item("One", "First.") + tail,
			nil, "line 1: element <title> closed by </titl>"},
		{"cut short", head + item("One", "First.") + "<item><title>Two</title><desc",
			[]string{"One"}, "unexpected EOF"},
		{"bare ampersand and entities", head + item("One", "Tom & Jerry&nbsp;met.") + item("Two", "Second.") + tail,
			[]string{"One", "Two"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			items, err := Parse(strings.NewReader(tc.in))
			var titles []string
			for _, it := range items {
				titles = append(titles, it.Article.Title)
			}
			if strings.Join(titles, ",") != strings.Join(tc.titles, ",") {
				t.Errorf("items %q, want %q", titles, tc.titles)
			}
			switch {
			case tc.err == "" && err != nil:
				t.Errorf("error %v", err)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Errorf("error %v, want one with %q", err, tc.err)
			}
		})
	}
}

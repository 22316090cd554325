package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

// failures is a summary's failures, a line each.
func failures(sum ingest.Summary) string {
	var b strings.Builder
	for _, f := range sum.Failures {
		b.WriteString(f.Origin + ": " + f.Reason + "\n")
	}
	return b.String()
}

// Metadata that is not UTF-8 (a Latin-1 file name, a page's Latin-1
// title under a UTF-8 charset) is repaired, not the end of the load: the
// store keeps strings only as UTF-8, and one such article used to fail
// its whole batch's transaction.
func TestInvalidUTF8Metadata(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Skipf("cannot write %q here: %v", name, err)
		}
	}
	write("a.txt", "Barack Obama visited Berlin on Monday.")
	write("m\xe9t.txt", "John Smith met Mary Jones in Paris on Monday.")
	write("page.html", `<html><head><meta charset="utf-8"><title>Caf`+"\xe9"+` story</title></head><body><article><p>`+
		strings.Repeat("John Smith, the mayor of Springfield, met Mary Jones in Miami on Monday to discuss the budget. ", 3)+
		`</p></article></body></html>`)
	arts := loadAll(t, store.Config{Backend: store.Bolt, Path: filepath.Join(t.TempDir(), "db")}, dir, 3)
	titles := map[string]bool{}
	for _, a := range arts {
		titles[a.Title] = true
		if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Source) {
			t.Errorf("stored %q from %q", a.Title, a.Source)
		}
	}
	for _, want := range []string{"m\uFFFDt", "Caf\uFFFD story"} {
		if !titles[want] {
			t.Errorf("no article titled %q in %v", want, titles)
		}
	}
}

// The store refuses an article whose metadata is not UTF-8 by naming it,
// before its transaction.
func TestStoreNamesInvalidUTF8Article(t *testing.T) {
	s := open(t, store.Config{Backend: store.Bolt, Path: filepath.Join(t.TempDir(), "db")})
	doc := &kg.Document{Article: kg.Article{ID: "http://x/a", Title: "Caf\xe9", Text: "Text."}}
	_, err := s.Ingest(context.Background(), doc)
	if err == nil || !strings.Contains(err.Error(), "http://x/a") || !strings.Contains(err.Error(), "title is not valid UTF-8") {
		t.Errorf("got %v, want an error naming the article and its title", err)
	}
	if got := kg.ErrorCode(err); got != kg.EINVALID {
		t.Errorf("code %q, want %q", got, kg.EINVALID)
	}
}

// A UTF-8 byte-order mark at the start of a text file or of JSON lines
// is no part of the text: it used to stay in the text and in the first
// entity's name, and to make the first JSON line fail.
func TestByteOrderMark(t *testing.T) {
	dir := t.TempDir()
	bom := "\xef\xbb\xbf"
	os.WriteFile(filepath.Join(dir, "bom.txt"), []byte(bom+"John Smith met Mary Jones in Paris on Monday.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bom.jsonl"), []byte(bom+`{"text":"Angela Merkel met Emmanuel Macron in Rome."}`+"\r\n"+
		`{"text":"Barack Obama visited Berlin on Tuesday."}`+"\r\n"), 0o644)
	arts := loadAll(t, store.Config{Backend: store.Memory}, dir, 3)
	for _, a := range arts {
		if strings.Contains(a.Text, "\ufeff") {
			t.Errorf("stored text %q keeps the byte-order mark", a.Text)
		}
	}
	a, err := ingest.ReadArticle("bom.txt", []byte(bom+"Text."))
	if err != nil || a.Text != "Text." {
		t.Errorf("ReadArticle: %q, %v; want the text without its byte-order mark", a.Text, err)
	}
}

// A feed whose tags do not nest is a failure that names it and its line,
// after the items before the fault; its other items used to vanish, and a
// fault in the channel's title lost the whole feed without a failure.
func TestMalformedFeed(t *testing.T) {
	dir := t.TempDir()
	item := func(title, text string) string {
		return "<item><title>" + title + "</title><link>http://x/" + title + "</link><description>" + text + "</description></item>\n"
	}
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>` + "\n" +
		item("One", "John Smith, the mayor of Springfield, met Mary Jones in Chicago on Monday.") +
		strings.Replace(item("Two", "Barack Obama visited Berlin on Tuesday."), "</title>", "</titel>", 1) +
		item("Three", "Emmanuel Macron met Olaf Scholz in Rome on Friday.") + "</channel></rss>\n"
	one := filepath.Join(dir, "onebad.rss")
	os.WriteFile(one, []byte(feed), 0o644)
	all := filepath.Join(dir, "allbad.rss")
	os.WriteFile(all, []byte(strings.Replace(feed, "<title>Feed</title>", "<title>Feed</titl>", 1)), 0o644)
	s := open(t, store.Config{Backend: store.Memory})
	sum, err := ingest.Run(context.Background(), ingest.Config{Sources: []string{one, all}}, newLoader(t), s)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 1 || sum.Failed != 2 {
		t.Errorf("created %d, failed %d; want item One created and a failure for each feed:\n%s", sum.Created, sum.Failed, failures(sum))
	}
	got := failures(sum)
	for _, want := range []string{one + ": RSS feed: XML syntax error on line 3: element <title> closed by </titel>",
		all + ": RSS feed: XML syntax error on line 1"} {
		if !strings.Contains(got, want) {
			t.Errorf("no failure %q in\n%s", want, got)
		}
	}
}

// A JSON line that is not valid text (a byte that is not UTF-8, half a
// surrogate pair) is refused with its line, as a text file with invalid
// UTF-8 is; the JSON decoder used to turn both into U+FFFD silently.
func TestJSONLinesInvalidText(t *testing.T) {
	src := filepath.Join(t.TempDir(), "a.jsonl")
	lines := []string{
		`{"text": "Invalid ` + "\xff" + ` byte: John Smith met Mary Jones in Paris."}`,
		`{"text": "Lone \udc00 surrogate: John Smith met Mary Jones in Paris."}`,
		`{"text": "High \ud83d alone: John Smith met Mary Jones in Paris."}`,
		`{"text": "A pair \ud83d\ude00: Barack Obama visited Berlin on Tuesday."}`,
		`{"text": "An escaped backslash \\udc00: Angela Merkel met Emmanuel Macron in Rome."}`,
	}
	os.WriteFile(src, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	s := open(t, store.Config{Backend: store.Memory})
	sum, err := ingest.Run(context.Background(), ingest.Config{Sources: []string{src}}, newLoader(t), s)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 2 || sum.Failed != 3 {
		t.Errorf("created %d, failed %d; want lines 4 and 5 created, 1 to 3 refused:\n%s", sum.Created, sum.Failed, failures(sum))
	}
	got := failures(sum)
	for _, want := range []string{src + ":1: line is not valid UTF-8", src + `:2: line has a lone surrogate \udc00`, src + `:3: line has a lone surrogate \ud83d`} {
		if !strings.Contains(got, want) {
			t.Errorf("no failure %q in\n%s", want, got)
		}
	}
}

// JSON lines of the wrong shape are told in JSON's terms, not Go's; an
// empty web archive is a failure, as an empty text file is.
func TestClearFailures(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "a.jsonl")
	os.WriteFile(src, []byte("{\"text\": 42}\n[1,2]\n{\"title\": [\"x\"], \"text\": \"Barack Obama visited Berlin.\"}\n"), 0o644)
	empty := filepath.Join(dir, "empty.warc.gz")
	os.WriteFile(empty, nil, 0o644)
	s := open(t, store.Config{Backend: store.Memory})
	sum, err := ingest.Run(context.Background(), ingest.Config{Sources: []string{src, empty}}, newLoader(t), s)
	if err != nil {
		t.Fatal(err)
	}
	got := failures(sum)
	for _, want := range []string{
		src + ":1: field text must be a string, not a number",
		src + ":2: not a JSON article: a line must be an object, not an array",
		src + ":3: field title must be a string, not an array",
		empty + ": web archive holds no web pages",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no failure %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "Go ") || strings.Contains(got, "kg.") {
		t.Errorf("failures name Go types:\n%s", got)
	}
}

// loadAll loads a directory into a fresh store, expects created articles
// to be stored, and returns the stored articles.
func loadAll(t *testing.T, cfg store.Config, dir string, created int) []*kg.Article {
	t.Helper()
	s := open(t, cfg)
	sum, err := ingest.Run(context.Background(), ingest.Config{Sources: []string{dir}}, newLoader(t), s)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != created {
		t.Errorf("created %d, want %d; failures:\n%s", sum.Created, created, failures(sum))
	}
	arts, _, err := s.Articles(context.Background(), 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

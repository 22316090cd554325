package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kg"
)

// extract --format article prints each input as it will be ingested: a
// web page by its main text and metadata, a feed an item a line, text as
// it is.
func TestExtractArticle(t *testing.T) {
	var out bytes.Buffer
	args := []string{"--format", "article", "ingest/testdata/pages/bridge.html", "feed/testdata/herald.atom", "-"}
	if err := run(context.Background(), "extract", args, strings.NewReader("Mexico sent troops to the border."), &out); err != nil {
		t.Fatalf("extract: %v\n%s", err, out.String())
	}
	var got []kg.ArticleJSON
	dec := json.NewDecoder(&out)
	for dec.More() {
		var a kg.ArticleJSON
		if err := dec.Decode(&a); err != nil {
			t.Fatal(err)
		}
		got = append(got, a)
	}
	if len(got) != 5 { // a page, three feed items, stdin
		t.Fatalf("%d articles, want 5: %+v", len(got), got)
	}
	want := kg.ArticleJSON{Title: "Storm closes harbour bridge", Author: "Maria Okafor", PublishedAt: "2024-03-14T00:00:00Z",
		Source: "The Coastal Tribune", URL: "https://tribune.example.com/news/2024/03/14/storm-bridge"}
	page := got[0]
	page.Text = ""
	if page != want {
		t.Errorf("page: %+v, want %+v", page, want)
	}
	if !strings.HasPrefix(got[0].Text, "PORT ELLIS — The harbour bridge was closed") || strings.Contains(got[0].Text, "Top stories") {
		t.Errorf("page text %q", got[0].Text)
	}
	if got[1].Title != "Bridge to reopen on Saturday" || got[1].Author != "Lena Park" {
		t.Errorf("feed item %+v", got[1])
	}
	if got[4].Text != "Mexico sent troops to the border." || got[4].Title != "" {
		t.Errorf("stdin %+v", got[4])
	}
}

// extract reads its inputs as load does: JSON lines an article a line, a
// web archive's pages, a feed's link-only item and a file load would
// refuse reported as failures; a bad file does not stop the files after it.
func TestExtractReadsAsLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	jsonl := write("a.jsonl", `{"text": "John Smith met Mary Jones in Paris on Monday.", "title": "one"}`+"\n"+
		`{"text": "Barack Obama visited Berlin on Tuesday.", "title": "two"}`+"\n")
	empty := write("empty.txt", "")
	binary := write("nul.txt", "John Smith met Mary Jones\x00 in Paris.\n")
	feed := write("f.rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>Only a link</title><link>http://x/1</link></item>`+
		`<item><title>Three</title><description>Angela Merkel visited Rome on Friday.</description></item></channel></rss>`)
	good := write("good.txt", "Emmanuel Macron met Olaf Scholz in Rome on Friday.\n")
	body, err := os.ReadFile("ingest/testdata/pages/bridge.html")
	if err != nil {
		t.Fatal(err)
	}
	http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
	archive := write("c.warc", fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000001-0000-0000-0000-000000000000>\r\n"+
		"WARC-Target-URI: https://tribune.example.com/b\r\nWARC-Date: 2024-03-14T09:00:00Z\r\nContent-Type: application/http;msgtype=response\r\n"+
		"Content-Length: %d\r\n\r\n%s\r\n\r\n", len(http), http))
	var out bytes.Buffer
	err = run(context.Background(), "extract", []string{"--format", "article", jsonl, empty, binary, feed, good, archive}, nil, &out)
	if err == nil || !strings.Contains(err.Error(), "3 of ") {
		t.Errorf("error %v, want 3 failed (empty, NUL, link-only item)", err)
	}
	var titles []string
	dec := json.NewDecoder(&out)
	for dec.More() {
		var a kg.ArticleJSON
		if err := dec.Decode(&a); err != nil {
			t.Fatal(err)
		}
		titles = append(titles, a.Title)
	}
	if got, want := strings.Join(titles, ","), "one,two,Three,good,Storm closes harbour bridge"; got != want {
		t.Errorf("articles %q, want %q first", titles, want)
	}
}

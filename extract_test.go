package main

import (
	"bytes"
	"context"
	"encoding/json"
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

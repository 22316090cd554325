package ingest_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

// Web pages load with their metadata: the main text only, the page's
// title, author, date, site and URL; the date anchors relative times; a
// page in German is skipped with the reason.
func TestLoadPages(t *testing.T) {
	s := open(t, store.Config{Backend: store.Memory})
	ctx := context.Background()
	sum, err := ingest.Run(ctx, ingest.Config{Sources: []string{"testdata/pages"}}, newLoader(t), s)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 2 || sum.Failed != 1 {
		t.Fatalf("summary %+v, want 2 created and 1 failed", sum)
	}
	if f := sum.Failures[0]; !strings.HasSuffix(f.Origin, "hafen.html") || !strings.Contains(f.Reason, "German, not English") {
		t.Errorf("failure %+v, want hafen.html refused as German", f)
	}
	arts, _, err := s.Articles(ctx, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]*kg.Article{}
	for _, a := range arts {
		full, err := s.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		byTitle[full.Title] = full
	}
	a := byTitle["Storm closes harbour bridge"]
	if a == nil {
		t.Fatalf("no article titled by the page's headline among %v", byTitle)
	}
	if a.Source != "The Coastal Tribune" || a.Author != "Maria Okafor" || a.PublishedAt.Format("2006-01-02") != "2024-03-14" ||
		a.URL != "https://tribune.example.com/news/2024/03/14/storm-bridge" {
		t.Errorf("article metadata %+v", a)
	}
	for _, unwanted := range []string{"Home", "Photo: Jan Vries", "Top stories", "Copyright"} {
		if strings.Contains(a.Text, unwanted) {
			t.Errorf("article text has %q", unwanted)
		}
	}
	if b := byTitle["Ferries carry commuters while the bridge is shut"]; b == nil || b.Author != "Tom Reyes" || b.Source != "Harbour Herald" {
		t.Errorf("second page: %+v", b)
	}
	// "tomorrow" in a story of March 14 is March 15.
	b, err := os.ReadFile("testdata/pages/bridge.html")
	if err != nil {
		t.Fatal(err)
	}
	art, err := ingest.ReadArticle("bridge.html", b)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := newLoader(t).Extract(ctx, art)
	if err != nil {
		t.Fatal(err)
	}
	dated := false
	for _, st := range doc.Statements {
		for _, arg := range st.Arguments {
			dated = dated || arg.Value.Name == "tomorrow" && st.Date == "2024-03-15"
		}
		dated = dated || st.Time == "tomorrow" && st.Date == "2024-03-15"
	}
	if !dated {
		t.Errorf("no statement dated 2024-03-15 by 'tomorrow'")
		for _, st := range doc.Statements {
			t.Logf("%s %s %s time %q date %q %+v", st.Subject.Name, st.Predicate, st.Object.Name, st.Time, st.Date, st.Arguments)
		}
	}
}

func TestReadArticle(t *testing.T) {
	a, err := ingest.ReadArticle("notes/border-crossings.txt", []byte("Mexico sent troops to the border."))
	if err != nil || a.Title != "border crossings" || a.Source != "notes/border-crossings.txt" || a.Text != "Mexico sent troops to the border." {
		t.Errorf("text file: %+v, %v", a, err)
	}
	// Markup in a .txt file is read as a page all the same.
	page := "<!DOCTYPE html><html><head><title>Bridge shut</title></head><body><article><p>" +
		strings.Repeat("The harbour bridge was closed on Wednesday after a storm tore panels from its span. ", 3) +
		"</p></article></body></html>"
	a, err = ingest.ReadArticle("saved.txt", []byte(page))
	if err != nil || a.Title != "Bridge shut" || strings.Contains(a.Text, "<") {
		t.Errorf("page in a .txt file: %+v, %v", a, err)
	}
}

// A JSON line whose text is a whole web page is read as the page; what
// the line gives of the article wins over what the page says.
func TestLoadPageInJSONLines(t *testing.T) {
	b, err := os.ReadFile("testdata/pages/bridge.html")
	if err != nil {
		t.Fatal(err)
	}
	line, _ := json.Marshal(kg.ArticleJSON{Title: "Bridge shut (wire)", Source: "Wire", Text: string(b)})
	src := filepath.Join(t.TempDir(), "crawl.jsonl")
	if err := os.WriteFile(src, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	s := open(t, store.Config{Backend: store.Memory})
	ctx := context.Background()
	sum, err := ingest.Run(ctx, ingest.Config{Sources: []string{src}}, newLoader(t), s)
	if err != nil || sum.Created != 1 {
		t.Fatalf("summary %+v, %v", sum, err)
	}
	arts, _, _ := s.Articles(ctx, 0, 1)
	a := arts[0]
	if a.Title != "Bridge shut (wire)" || a.Source != "Wire" || a.PublishedAt.Format("2006-01-02") != "2024-03-14" ||
		strings.Contains(a.Text, "<") || strings.Contains(a.Text, "Top stories") {
		t.Errorf("article %+v", a)
	}
}

package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/store"
)

// writeWARC writes a web archive of HTTP responses (url, date, content
// type, body), each record its own gzip member as in .warc.gz files.
func writeWARC(t *testing.T, path string, recs [][4]string) {
	t.Helper()
	var out bytes.Buffer
	for i, r := range recs {
		http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", r[2], len(r[3]), r[3])
		rec := fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\n"+
			"WARC-Target-URI: %s\r\nWARC-Date: %s\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
			i, r[0], r[1], len(http), http)
		zw := gzip.NewWriter(&out)
		zw.Write([]byte(rec))
		zw.Close()
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func page(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata/pages", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A web archive loads its HTML responses with their record's URL and
// date; loading it again skips them all.
func TestLoadWARC(t *testing.T) {
	undated := "<!DOCTYPE html><html><head><title>Council passes the budget</title></head><body><article><h1>Council passes the budget</h1><p>" +
		strings.Repeat("The city council passed the budget on Tuesday after a debate that lasted until midnight. ", 3) +
		"</p></article></body></html>"
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	writeWARC(t, path, [][4]string{
		{"https://tribune.example.com/b?ref=feed", "2024-03-14T09:00:00Z", "text/html; charset=utf-8", page(t, "bridge.html")},
		{"https://tribune.example.com/logo.png", "2024-03-14T09:00:01Z", "image/png", "PNG"},
		{"https://herald.example.org/ferries", "2024-03-15T07:00:00Z", "text/html", page(t, "ferries.htm")},
		{"https://zeitung.example.de/hafen", "2024-03-15T08:00:00Z", "text/html", page(t, "hafen.html")},
		{"https://tribune.example.com/budget", "2024-03-19T16:45:00Z", "text/html", undated},
	})
	s := open(t, store.Config{Backend: store.Memory})
	ctx := context.Background()
	progress := &ingest.Progress{Out: &bytes.Buffer{}, TTY: true} // a bar, drawn at the end
	cfg := ingest.Config{Sources: []string{path}, Workers: 2, Progress: progress}
	sum, err := ingest.Run(ctx, cfg, newLoader(t), s)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 3 || sum.Failed != 1 || sum.Read != 4 {
		t.Fatalf("summary %+v, want 4 pages read, 3 created, 1 failed", sum)
	}
	if f := sum.Failures[0]; f.Origin != path+" https://zeitung.example.de/hafen" || !strings.Contains(f.Reason, "not English") {
		t.Errorf("failure %+v", f)
	}
	if out := progress.Out.(*bytes.Buffer).String(); !strings.Contains(out, "4/4 articles") {
		t.Errorf("progress %q, want 4/4 articles", out)
	}
	arts, _, err := s.Articles(ctx, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range arts {
		full, err := s.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		got[full.Title] = full.URL + " " + full.PublishedAt.Format("2006-01-02") + " " + full.Source
	}
	for title, want := range map[string]string{
		// the page's canonical URL wins over the record's
		"Storm closes harbour bridge": "https://tribune.example.com/news/2024/03/14/storm-bridge 2024-03-14 The Coastal Tribune",
		// no canonical URL: the record's
		"Ferries carry commuters while the bridge is shut": "https://herald.example.org/ferries 2024-03-15 Harbour Herald",
		// no date on the page: the record's
		"Council passes the budget": "https://tribune.example.com/budget 2024-03-19 tribune.example.com",
	} {
		if got[title] != want {
			t.Errorf("%s: %q, want %q", title, got[title], want)
		}
	}
	again, err := ingest.Run(ctx, ingest.Config{Sources: []string{path}}, newLoader(t), s)
	if err != nil || again.Created != 0 || again.Skipped != 3 {
		t.Errorf("second run %+v, %v: want the 3 pages skipped", again, err)
	}
}

// A broken archive is a failure of its own; the pages before the break load.
func TestLoadBrokenWARC(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.warc.gz")
	writeWARC(t, good, [][4]string{{"https://tribune.example.com/b", "2024-03-14T09:00:00Z", "text/html", page(t, "bridge.html")}})
	if err := os.WriteFile(filepath.Join(dir, "b.warc"), []byte("this is no web archive\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := open(t, store.Config{Backend: store.Memory})
	sum, err := ingest.Run(context.Background(), ingest.Config{Sources: []string{dir}}, newLoader(t), s)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 1 || sum.Failed != 1 || !strings.Contains(sum.Failures[0].Reason, "not a WARC file") {
		t.Errorf("summary %+v", sum)
	}
}

package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// record is a WARC record as a crawler writes it.
func record(typ, uri, date, contentType, block string) string {
	return fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\n"+
		"WARC-Target-URI: %s\r\nWARC-Date: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, len(block), uri, date, contentType, len(block), block)
}

func response(status, contentType, extra, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\n%sContent-Length: %d\r\n\r\n%s", status, contentType, extra, len(body), body)
}

func gz(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

// Archive writes a small web archive for tests: a warcinfo record, a
// request, two HTML pages (one gzip-encoded, one chunked), an image and a
// redirect; each record its own gzip member, as
// .warc.gz files are.
func archive(compress bool) []byte {
	// The first page is larger than gowarc's read buffers.
	page1 := "<html><head><title>One</title></head><body><p>First page.</p>" + strings.Repeat("<p>More text.</p>", 3000) + "<p>Last.</p></body></html>"
	page2 := "<html><head><title>Two</title></head><body><p>Second page.</p></body></html>"
	chunked := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n0\r\n\r\n", len(page2), page2)
	enc := gz(page1)
	recs := []string{
		record("warcinfo", "", "2024-03-14T09:00:00Z", "application/warc-fields", "software: test\r\n"),
		record("request", "https://a.example/one", "2024-03-14T09:00:01Z", "application/http;msgtype=request", "GET /one HTTP/1.1\r\nHost: a.example\r\n\r\n"),
		record("response", "https://a.example/one", "2024-03-14T09:00:01Z", "application/http;msgtype=response",
			fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n%s", len(enc), enc)),
		record("response", "https://a.example/logo.png", "2024-03-14T09:00:02Z", "application/http;msgtype=response", response("200 OK", "image/png", "", "PNG")),
		record("response", "https://a.example/old", "2024-03-14T09:00:03Z", "application/http;msgtype=response", response("301 Moved Permanently", "text/html", "Location: /one\r\n", "moved")),
		record("response", "https://b.example/two", "2024-03-15T10:30:00Z", "application/http; msgtype=response", chunked),
	}
	var b strings.Builder
	for _, r := range recs {
		if compress {
			r = gz(r)
		}
		b.WriteString(r)
	}
	return []byte(b.String())
}

func TestPages(t *testing.T) {
	for _, compress := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", compress), func(t *testing.T) {
			var got []Page
			err := Pages(bytes.NewReader(archive(compress)), 1<<20, func(p Page) bool { got = append(got, p); return true })
			if err != nil {
				t.Fatal(err)
			}
			want := []struct{ url, date, text string }{
				{"https://a.example/one", "2024-03-14T09:00:01Z", "<p>Last.</p></body></html>"},
				{"https://b.example/two", "2024-03-15T10:30:00Z", "Second page."},
			}
			if len(got) != len(want) {
				t.Fatalf("%d pages, want %d: %+v", len(got), len(want), got)
			}
			for i, w := range want {
				p := got[i]
				if p.Err != nil || p.URL != w.url || p.Date.UTC().Format("2006-01-02T15:04:05Z") != w.date || !strings.Contains(string(p.HTML), w.text) {
					t.Errorf("page %d = %s %v %q %v, want %s %s %q", i, p.URL, p.Date, p.HTML, p.Err, w.url, w.date, w.text)
				}
			}
		})
	}
}

func TestPagesLimitAndStop(t *testing.T) {
	var got []Page
	err := Pages(bytes.NewReader(archive(true)), 60, func(p Page) bool { got = append(got, p); return len(got) < 2 })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d pages, want 2 (fn stopped the reading)", len(got))
	}
	for _, p := range got {
		if !errors.Is(p.Err, ErrTooLarge) {
			t.Errorf("page %s: err %v, want ErrTooLarge", p.URL, p.Err)
		}
	}
}

func TestPagesBroken(t *testing.T) {
	a := archive(false)
	for _, tc := range []struct {
		name string
		in   []byte
	}{
		{"not a WARC file", []byte("hello, this is not an archive\n")},
		{"truncated gzip", archive(true)[:len(a)/2]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Pages(bytes.NewReader(tc.in), 1<<20, func(Page) bool { return true })
			if err == nil {
				t.Errorf("no error")
			}
		})
	}
}

func FuzzPages(f *testing.F) {
	f.Add(archive(false))
	f.Add(archive(true))
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = Pages(bytes.NewReader(b), 1<<16, func(p Page) bool {
			if p.Err == nil && len(p.HTML) > 1<<16 {
				t.Errorf("page of %d bytes over the limit", len(p.HTML))
			}
			return true
		})
	})
}

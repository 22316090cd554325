package main

import (
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestPlayground drives the GraphiQL page at / in headless Chromium: it
// writes a query into the editor, runs it with the run button and reads
// the answer in the result pane. Every request the page makes must go to
// the server on loopback: the playground works offline.
func TestPlayground(t *testing.T) {
	exe := chromium()
	if exe == "" {
		missing(t, "no Chromium (apt-get install chromium, or set CHROME)")
	}
	srv := sampleServer(t)
	ctx := browser(t, exe)

	var mu sync.Mutex
	var requests, outside []string
	chromedp.ListenTarget(ctx, func(ev any) {
		e, ok := ev.(*network.EventRequestWillBeSent)
		if !ok {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		requests = append(requests, e.Request.URL)
		if !loopback(e.Request.URL) {
			outside = append(outside, e.Request.URL)
		}
	})

	const query = `{ searchEntities(query: "Blinken") { edges { node { name type } } } }`
	var result string
	err := chromedp.Run(ctx,
		network.Enable(),
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(".graphiql-query-editor .CodeMirror", chromedp.ByQuery),
		// the editor is CodeMirror: set its text as typing would
		chromedp.Evaluate(`document.querySelector(".graphiql-query-editor .CodeMirror").CodeMirror.setValue(`+strconv.Quote(query)+`), true`, nil),
		chromedp.Click(".graphiql-execute-button", chromedp.ByQuery),
		chromedp.Poll(`(document.querySelector(".result-window") || {}).textContent?.includes("PERSON")`, nil,
			chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Text(".result-window", &result, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("run a query in the playground: %v (result %q)", err, result)
	}
	if !strings.Contains(result, `"name": "Antony Blinken"`) {
		t.Errorf("result pane %q: want Antony Blinken", result)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(outside) > 0 {
		t.Errorf("the page made requests off the machine: %q", outside)
	}
	var sawQuery bool
	for _, u := range requests {
		sawQuery = sawQuery || strings.HasSuffix(u, "/query")
	}
	if !sawQuery {
		t.Errorf("no request to /query among %q", requests)
	}
	t.Logf("%d requests, all on loopback; result %.100s", len(requests), result)
}

// loopback reports whether a request stays on the machine: to a loopback
// host, or a data: or blob: URL.
func loopback(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob":
		return true
	case "http", "https", "ws", "wss":
		h := u.Hostname()
		return h == "localhost" || h == "::1" || strings.HasPrefix(h, "127.")
	}
	return false
}

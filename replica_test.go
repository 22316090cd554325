package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// `serve --read-only` on a PostgreSQL hot standby answers with what a
// loader writes through the primary within 2 s, and forgets what the
// primary deletes as fast. The test starts both clusters (skipping
// without PostgreSQL's binaries).
func TestServeReplica(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two PostgreSQL clusters")
	}
	primaryURL, standbyURL := storetest.Replicated(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// A loader process writes through the primary (and creates the graph).
	if err := run(ctx, "load", []string{"--backend", "postgres", "--db", primaryURL, "testdata/articles/afghan.txt"}, nil, io.Discard); err != nil {
		t.Fatal(err)
	}
	storetest.WaitReplayed(t, primaryURL, standbyURL)
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, "serve", []string{"--read-only", "--backend", "postgres", "--db", standbyURL, "--addr", "127.0.0.1:0"}, nil, pw)
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("serve on the standby: %v (%v)", err, <-done)
	}
	go io.Copy(io.Discard, pr)
	url := strings.TrimSuffix(strings.Fields(strings.TrimPrefix(line, "newsgraph: GraphQL at "))[0], ",")
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	// count is the length of the first list the query returns.
	count := func(query string) (int, error) {
		body, _ := json.Marshal(map[string]string{"query": query})
		resp, err := http.Post(url, "application/json", bytes.NewReader(body))
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		var r struct {
			Data   map[string]struct{ Edges []json.RawMessage }
			Errors []struct{ Message string }
		}
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
			return 0, err
		}
		if len(r.Errors) > 0 {
			return 0, fmt.Errorf("%s", r.Errors[0].Message)
		}
		for _, v := range r.Data {
			return len(v.Edges), nil
		}
		return 0, fmt.Errorf("no data")
	}
	within := func(what, query string, want func(int) bool) {
		t.Helper()
		start := time.Now()
		for {
			n, err := count(query)
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if want(n) {
				t.Logf("%s: %v", what, time.Since(start).Round(time.Millisecond))
				return
			}
			if time.Since(start) > 2*time.Second {
				t.Fatalf("%s: still %d after 2 s", what, n)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	if n, err := count(`{ articles(first: 100) { edges { cursor } } }`); err != nil || n != 1 {
		t.Fatalf("the replica-backed server has %d articles (%v), want the one loaded", n, err)
	}
	// A second article, loaded while the server runs.
	if err := run(ctx, "load", []string{"--backend", "postgres", "--db", primaryURL, "testdata/articles/border-crossings.txt"}, nil, io.Discard); err != nil {
		t.Fatal(err)
	}
	primary, err := store.Open(store.Config{Backend: store.Postgres, Path: primaryURL})
	if err != nil {
		t.Fatal(err)
	}
	defer primary.Close()
	arts, _, err := primary.Articles(ctx, 0, 10)
	if err != nil || len(arts) != 2 {
		t.Fatalf("articles on the primary: %d, %v", len(arts), err)
	}
	within("the new article on the replica", `{ articles(first: 100) { edges { cursor } } }`, func(n int) bool { return n == 2 })
	// An entity only the second article names: found by search, then gone
	// with it.
	var only string
	hits, _, err := primary.SearchEntities(ctx, "", "", 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var second string
	for _, a := range arts {
		if strings.Contains(a.Text, "border") {
			second = a.ID
		}
	}
	for _, h := range hits {
		ms, err := primary.Mentions(ctx, h.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) > 0 && len(h.Name) > 6 && allIn(ms, second) {
			only = h.Name
			break
		}
	}
	if only == "" || second == "" {
		t.Fatal("no entity named by the second article only")
	}
	q := fmt.Sprintf(`{ searchEntities(query: %q, first: 100) { edges { cursor } } }`, only)
	_, before, err := primary.SearchEntities(ctx, only, "", 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	within("searching "+only+" on the replica", q, func(n int) bool { return n == before })
	if ok, err := primary.DeleteArticle(ctx, second); err != nil || !ok {
		t.Fatalf("delete: %v, %v", ok, err)
	}
	_, after, err := primary.SearchEntities(ctx, only, "", 0, 10)
	if err != nil || after >= before {
		t.Fatalf("search %q on the primary: %d hits after the deletion, %d before (%v)", only, after, before, err)
	}
	within("the deletion on the replica", `{ articles(first: 100) { edges { cursor } } }`, func(n int) bool { return n == 1 })
	within(only+" gone from the replica's search", q, func(n int) bool { return n == after })
	if _, err := count(`mutation { deleteArticle(id: "x") }`); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("a mutation on the read-only server: %v, want refused", err)
	}
}

// allIn reports whether every mention is in article.
func allIn(ms []kg.MentionRecord, article string) bool {
	for _, m := range ms {
		if m.Article != article {
			return false
		}
	}
	return true
}

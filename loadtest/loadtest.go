// Package loadtest drives a running newsgraph server with concurrent
// clients, mixing GraphQL queries (searchEntities, Entity.statements,
// subgraph, shortestPath) and ingests, and reports latency percentiles per
// kind, errors by status, and whether every acknowledged ingest can be
// read back afterwards (no lost writes).
package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"
)

// Config says how to drive the server.
type Config struct {
	URL      string        // the server, http://host:port
	Clients  int           // concurrent clients
	Duration time.Duration // how long to run
	// Mix weighs the kinds of request: search, statements, subgraph, path, ingest.
	Mix  map[string]int
	Seed uint64
}

// Kinds of request, in report order.
var Kinds = []string{"search", "statements", "subgraph", "path", "ingest"}

// Result is what a run measured.
type Result struct {
	Kinds       map[string]*Stats
	Statuses    map[int]int // HTTP status -> count
	Errors      int         // transport errors and GraphQL errors
	Ingested    int         // ingests the server acknowledged
	Lost        int         // acknowledged ingests not found afterwards
	Elapsed     time.Duration
	FirstErrors []string
}

// Stats are the latencies of one kind of request.
type Stats struct {
	lat []time.Duration
}

// N is the number of requests.
func (s *Stats) N() int { return len(s.lat) }

// Percentile returns the p-th percentile latency (0 < p <= 100).
func (s *Stats) Percentile(p float64) time.Duration {
	if len(s.lat) == 0 {
		return 0
	}
	sort.Slice(s.lat, func(i, j int) bool { return s.lat[i] < s.lat[j] })
	i := int(float64(len(s.lat))*p/100+0.5) - 1
	return s.lat[max(0, min(i, len(s.lat)-1))]
}

type client struct {
	url  string
	http *http.Client
}

type gqlResp struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

func (c *client) query(ctx context.Context, q string, vars map[string]any) (int, *gqlResp, error) {
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url+"/query", bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, nil, err
	}
	var out gqlResp
	if resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(b, &out); err != nil {
			return resp.StatusCode, nil, err
		}
	}
	return resp.StatusCode, &out, nil
}

// entities fetches entity IRIs to query about.
func (c *client) entities(ctx context.Context) ([]string, []string, error) {
	var ids, names []string
	for _, q := range []string{"a", "e", "o", "n"} {
		_, r, err := c.query(ctx, `query($q: String!) { searchEntities(query: $q, first: 100) { edges { node { id name } } } }`, map[string]any{"q": q})
		if err != nil {
			return nil, nil, err
		}
		var d struct {
			SearchEntities struct {
				Edges []struct{ Node struct{ ID, Name string } }
			}
		}
		json.Unmarshal(r.Data, &d)
		for _, e := range d.SearchEntities.Edges {
			ids = append(ids, e.Node.ID)
			names = append(names, e.Node.Name)
		}
	}
	if len(ids) == 0 {
		return nil, nil, fmt.Errorf("the server has no entities to query")
	}
	return ids, names, nil
}

// Run drives the server and reports.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	if cfg.Clients < 1 {
		cfg.Clients = 1
	}
	c := &client{url: strings.TrimRight(cfg.URL, "/"), http: &http.Client{Timeout: time.Minute,
		Transport: &http.Transport{MaxIdleConnsPerHost: cfg.Clients}}}
	ids, names, err := c.entities(ctx)
	if err != nil {
		return nil, err
	}
	var kinds []string
	for _, k := range Kinds {
		for i := 0; i < cfg.Mix[k]; i++ {
			kinds = append(kinds, k)
		}
	}
	if len(kinds) == 0 {
		return nil, fmt.Errorf("empty request mix")
	}
	res := &Result{Kinds: map[string]*Stats{}, Statuses: map[int]int{}}
	for _, k := range Kinds {
		res.Kinds[k] = &Stats{}
	}
	var mu sync.Mutex
	var acked []string // texts of acknowledged ingests
	deadline := time.Now().Add(cfg.Duration)
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < cfg.Clients; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(cfg.Seed, uint64(w)))
			for n := 0; time.Now().Before(deadline) && ctx.Err() == nil; n++ {
				kind := kinds[r.IntN(len(kinds))]
				a, b := r.IntN(len(ids)), r.IntN(len(ids))
				var q string
				vars := map[string]any{}
				var text string
				switch kind {
				case "search":
					name := names[a]
					q, vars["q"] = `query($q: String!) { searchEntities(query: $q, first: 10) { pageInfo { totalCount } edges { node { id name type } } } }`, name[:min(len(name), 5)]
				case "statements":
					q, vars["id"] = `query($id: ID!) { entity(id: $id) { statements(first: 20) { edges { node { predicate confidence object { ... on Entity { name } ... on Value { name } } provenance { articleId text } } } } } }`, ids[a]
				case "subgraph":
					q, vars["s"] = `query($s: [ID!]!) { subgraph(seeds: $s, hops: 2, maxNodes: 100) { truncated nodes { ... on Entity { id } ... on Value { id } } edges { id predicate } } }`, []string{ids[a]}
				case "path":
					q, vars["a"], vars["b"] = `query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, maxHops: 4) { length statements { predicate } } }`, ids[a], ids[b]
				case "ingest":
					text = fmt.Sprintf("Load test article %d-%d-%d: %s met with %s in Geneva on Monday to discuss the trade agreement.", cfg.Seed, w, n, names[a], names[b])
					q, vars["t"] = `mutation($t: String!) { ingestArticle(input: {text: $t, source: "loadtest"}) { created article { id } } }`, text
				}
				t0 := time.Now()
				status, gr, err := c.query(ctx, q, vars)
				el := time.Since(t0)
				mu.Lock()
				res.Kinds[kind].lat = append(res.Kinds[kind].lat, el)
				if status != 0 {
					res.Statuses[status]++
				}
				failed := err != nil || gr == nil || len(gr.Errors) > 0
				if failed {
					res.Errors++
					if len(res.FirstErrors) < 5 {
						msg := fmt.Sprintf("%s: status %d", kind, status)
						if err != nil {
							msg += ": " + err.Error()
						} else if gr != nil && len(gr.Errors) > 0 {
							msg += ": " + gr.Errors[0].Message
						}
						res.FirstErrors = append(res.FirstErrors, msg)
					}
				} else if kind == "ingest" {
					res.Ingested++
					acked = append(acked, text)
				}
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	// Every acknowledged ingest must be there.
	for _, text := range acked {
		_, r, err := c.query(ctx, `mutation($t: String!) { ingestArticle(input: {text: $t, source: "loadtest"}) { created } }`, map[string]any{"t": text})
		if err != nil || r == nil || len(r.Errors) > 0 || strings.Contains(string(r.Data), `"created":true`) {
			res.Lost++ // it was not there: the re-ingest created it (or failed)
		}
	}
	return res, nil
}

// Report prints a table of the result.
func (r *Result) Report(w io.Writer, cfg Config) {
	fmt.Fprintf(w, "%d clients for %s against %s\n", cfg.Clients, r.Elapsed.Round(time.Millisecond), cfg.URL)
	fmt.Fprintf(w, "%-11s %7s %8s %9s %9s %9s\n", "request", "n", "req/s", "p50", "p99", "max")
	for _, k := range Kinds {
		s := r.Kinds[k]
		if s.N() == 0 {
			continue
		}
		fmt.Fprintf(w, "%-11s %7d %8.1f %9s %9s %9s\n", k, s.N(), float64(s.N())/r.Elapsed.Seconds(),
			s.Percentile(50).Round(10*time.Microsecond), s.Percentile(99).Round(10*time.Microsecond), s.Percentile(100).Round(10*time.Microsecond))
	}
	var codes []string
	for code, n := range r.Statuses {
		codes = append(codes, fmt.Sprintf("%d: %d", code, n))
	}
	sort.Strings(codes)
	fmt.Fprintf(w, "statuses %s; errors %d; ingests acknowledged %d, lost %d\n", strings.Join(codes, ", "), r.Errors, r.Ingested, r.Lost)
	for _, e := range r.FirstErrors {
		fmt.Fprintf(w, "  error: %s\n", e)
	}
}

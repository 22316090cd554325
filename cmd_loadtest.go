package main

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/loadtest"
)

var loadtestCommand = command{
	name:    "loadtest",
	args:    "[--url URL] [--clients N] [--duration D] [--mix search=1,statements=1,subgraph=1,path=1,ingest=1]",
	summary: "drive a server with concurrent clients; latency percentiles, errors, lost writes",
	run:     runLoadtest,
}

func runLoadtest(ctx context.Context, cmd command, c cmdIO, args []string) error {
	fs := flags(cmd, c.stdout)
	lc := loadtest.Config{Mix: map[string]int{}}
	fs.StringVar(&lc.URL, "url", "http://localhost:8080", "the server to drive")
	fs.IntVar(&lc.Clients, "clients", 16, "concurrent clients")
	fs.DurationVar(&lc.Duration, "duration", 30*time.Second, "how long to run")
	mix := fs.String("mix", "search=1,statements=1,subgraph=1,path=1", "weights of search, statements, subgraph, path, ingest")
	fs.Uint64Var(&lc.Seed, "seed", 1, "request seed")
	if err := parse(fs, args); err != nil {
		return err
	}
	for _, part := range strings.Split(*mix, ",") {
		k, v, _ := strings.Cut(part, "=")
		n, err := strconv.Atoi(v)
		if err != nil || !slices.Contains(loadtest.Kinds, k) {
			return fmt.Errorf("bad --mix part %q (want kind=weight with kinds %s)", part, strings.Join(loadtest.Kinds, ", "))
		}
		lc.Mix[k] = n
	}
	res, err := loadtest.Run(ctx, lc)
	if err != nil {
		return err
	}
	res.Report(c.stdout, lc)
	if res.Lost > 0 || res.Statuses[http.StatusInternalServerError] > 0 {
		return fmt.Errorf("%d lost writes, %d server errors", res.Lost, res.Statuses[http.StatusInternalServerError])
	}
	return nil
}

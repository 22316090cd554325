package storetest

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/store"
)

// Fresh checks that reader, a store on the same graph as writer (another
// process's handle, or a replica of it), answers with writer's writes
// within the given time: an article ingested through writer has its
// entity found by reader's search, read by Entity and its statement
// listed and walked (Edges, from the adjacency index), and once deleted
// through writer, none of these; n times. It
// returns how long each change took to show, ingests then deletions.
func Fresh(t testing.TB, writer, reader *store.Store, within time.Duration, n int) (ingests, deletes []time.Duration) {
	t.Helper()
	ctx := context.Background()
	// The reader serves before the writes: its indexes are built.
	if _, _, err := reader.SearchEntities(ctx, "anything", "", 0, 1); err != nil {
		t.Fatal(err)
	}
	if _, _, err := reader.Edges(ctx, "anything", true, 1); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("Quillon Varnaby%s", letters(i))
		d := person(writer.IRIs(), name+" discussed the harbour.", name, "the harbour")
		id := d.Entities[0].ID
		if _, err := writer.Ingest(ctx, d); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		took, err := waitFor(within, func() (bool, error) {
			hits, _, err := reader.SearchEntities(ctx, name, "", 0, 10)
			if err != nil || len(hits) != 1 || hits[0].ID != id {
				return false, err
			}
			if _, err := reader.Entity(ctx, id); err != nil {
				return false, nil
			}
			_, total, err := reader.Statements(ctx, kg.StatementFilter{Subject: id}, 0, 10)
			if err != nil || total != 1 {
				return false, err
			}
			edges, _, err := reader.Edges(ctx, id, true, 10)
			return len(edges) == 1 && edges[0].Statement == d.Statements[0].ID, err
		})
		if err != nil {
			t.Fatalf("%s, ingested through one store, not found through the other after %v: %v", name, time.Since(start), err)
		}
		ingests = append(ingests, took)
		if ok, err := writer.DeleteArticle(ctx, d.Article.ID); err != nil || !ok {
			t.Fatalf("delete: %v, %v", ok, err)
		}
		took, err = waitFor(within, func() (bool, error) {
			hits, _, err := reader.SearchEntities(ctx, name, "", 0, 10)
			if err != nil || len(hits) != 0 {
				return false, err
			}
			if _, err := reader.Entity(ctx, id); kg.ErrorCode(err) != kg.ENOTFOUND {
				return false, nil
			}
			_, total, err := reader.Statements(ctx, kg.StatementFilter{Subject: id}, 0, 10)
			if err != nil || total != 0 {
				return false, err
			}
			_, total, err = reader.Edges(ctx, id, true, 10)
			return total == 0, err
		})
		if err != nil {
			t.Fatalf("%s, deleted through one store, still found through the other: %v", name, err)
		}
		deletes = append(deletes, took)
	}
	t.Logf("staleness across stores: ingests %v, deletions %v", summary(ingests), summary(deletes))
	return ingests, deletes
}

// waitFor polls ok until it holds or within has passed, and returns how
// long it took.
func waitFor(within time.Duration, ok func() (bool, error)) (time.Duration, error) {
	start := time.Now()
	for {
		done, err := ok()
		if err != nil {
			return 0, err
		}
		if done {
			return time.Since(start), nil
		}
		if time.Since(start) > within {
			return 0, fmt.Errorf("not within %v", within)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// letters spells i in letters (a name's words carry no digits).
func letters(i int) string {
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		i /= 26
		if i == 0 {
			return s
		}
	}
}

// Percentile is the p-th percentile (0-100) of ds.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, int(float64(len(s))*p/100))]
}

// summary is the median and the largest of ds.
func summary(ds []time.Duration) string {
	if len(ds) == 0 {
		return "none"
	}
	return fmt.Sprintf("p50 %v, max %v (%d)", Percentile(ds, 50).Round(time.Millisecond), Percentile(ds, 100).Round(time.Millisecond), len(ds))
}

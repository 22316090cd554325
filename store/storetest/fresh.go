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
// listed, and once deleted through writer, none of these. It returns how
// long each change took to show, ingests then deletions.
func Fresh(t *testing.T, writer, reader *store.Store, within time.Duration) (ingests, deletes []time.Duration) {
	t.Helper()
	ctx := context.Background()
	// The reader serves before the writes: its indexes are built.
	if _, _, err := reader.SearchEntities(ctx, "anything", "", 0, 1); err != nil {
		t.Fatal(err)
	}
	const n = 5
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("Quillon Varnaby%c", 'a'+i)
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
			return total == 1, err
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

// summary is the median and the largest of ds.
func summary(ds []time.Duration) string {
	if len(ds) == 0 {
		return "none"
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return fmt.Sprintf("p50 %v, max %v (%d)", s[len(s)/2].Round(time.Millisecond), s[len(s)-1].Round(time.Millisecond), len(s))
}

package store_test

import (
	"context"
	"flag"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/kg"
	"github.com/newsgraph/newsgraph/loader"
	"github.com/newsgraph/newsgraph/nlp/pipeline"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// The stress test's size; BENCHMARKS.md gives the longer runs, e.g.
//
//	go test ./store -run TestStress/bbolt -stress.duration 10m -stress.clients 30 -v
var (
	stressDuration = flag.Duration("stress.duration", 3*time.Second, "how long each backend's stress run lasts")
	stressClients  = flag.Int("stress.clients", 12, "concurrent clients in a stress run (a third write)")
	stressBase     = flag.Int("stress.base", 30, "articles loaded before a stress run")
	stressPool     = flag.Int("stress.pool", 20, "articles the writers ingest and delete")
)

var (
	stressOnce sync.Once
	stressDocs []*kg.Document
	stressErr  error
)

// stressDocuments extracts generated articles once for every backend.
func stressDocuments(t *testing.T) []*kg.Document {
	t.Helper()
	stressOnce.Do(func() {
		tagger, err := pipeline.Default()
		if err != nil {
			stressErr = err
			return
		}
		l := loader.New(tagger, loader.Options{})
		stressErr = corpus.Generate(*stressBase+*stressPool, 7, func(a corpus.Article) error {
			d, err := l.Extract(context.Background(), kg.Article{Title: a.Title, Source: a.Source, Text: a.Text})
			if err != nil {
				return err
			}
			stressDocs = append(stressDocs, d)
			return nil
		})
	})
	if stressErr != nil {
		t.Fatalf("stress documents: %v", stressErr)
	}
	return stressDocs
}

// TestStress runs the oracle stress test (storetest.Stress) on every
// backend: concurrent ingests, deletes and reads must leave exactly the
// graph a fresh load of the present articles gives.
func TestStress(t *testing.T) {
	docs := stressDocuments(t)
	writers := max(1, *stressClients/3)
	cfg := storetest.StressConfig{Base: *stressBase, Writers: writers, Readers: *stressClients - writers, Duration: *stressDuration, Seed: 1}
	for _, backend := range []string{store.Memory, store.Bolt, store.LevelDB, store.Postgres} {
		t.Run(backend, func(t *testing.T) {
			t.Parallel()
			storetest.Stress(t, opener(backend), docs, cfg)
		})
	}
}

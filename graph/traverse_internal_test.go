package graph

import (
	"context"
	"errors"
	"testing"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// Traversals stop when the request is cancelled or times out.
func TestTraversalsHonourContext(t *testing.T) {
	s, err := store.Open(store.Config{Backend: store.Memory})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := storetest.Doc(s.IRIs(), "Mexico sent troops. Blinken met Mexico.", true)
	if _, err := s.Ingest(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	svc := &Service{store: s}
	mexico := d.Entities[0].ID
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := svc.subgraph(ctx, []string{mexico}, 2, 10, TraversalOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("subgraph on a cancelled request: %v, want context.Canceled", err)
	}
	if _, err := svc.shortestPath(ctx, mexico, d.Entities[1].ID, 3, nil, 0); !errors.Is(err, context.Canceled) {
		t.Errorf("shortestPath on a cancelled request: %v, want context.Canceled", err)
	}
	sg, err := svc.subgraph(context.Background(), []string{mexico}, 2, 10, TraversalOptions{})
	if err != nil || len(sg.Nodes) < 2 {
		t.Errorf("subgraph: %v, %v", sg, err)
	}
}

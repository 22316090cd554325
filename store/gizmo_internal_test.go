package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

// The memory backend's Gizmo deadline bounds the query's own run, not the
// time it waits behind a write: a query queued behind a write longer than
// the deadline still runs, and an endless one is still stopped.
func TestMemoryGizmoDeadlineCountsFromTheLock(t *testing.T) {
	s, err := Open(Config{Backend: Memory})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	defer func(d time.Duration) { memoryGizmoTimeout = d }(memoryGizmoTimeout)
	memoryGizmoTimeout = 100 * time.Millisecond

	unlock := s.writing()
	done := make(chan error, 1)
	go func() {
		_, err := s.Gizmo(context.Background(), `g.V().All()`, 10)
		done <- err
	}()
	time.Sleep(3 * memoryGizmoTimeout) // the query waits for the lock all this time
	unlock()
	if err := <-done; err != nil {
		t.Errorf("query queued behind a write: %v, want it to run", err)
	}

	_, err = s.Gizmo(context.Background(), `while (true) {}`, 10)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("endless query: %v, want the memory backend's deadline", err)
	}
}

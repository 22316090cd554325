package store

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/kg"
)

// The memory backend's Gizmo deadline bounds the query's own run, not the
// time it waits behind a write: a query queued behind a write longer than
// the deadline still runs, and an endless one is still stopped.
func TestMemoryGizmoDeadlineCountsFromTheLock(t *testing.T) {
	s := memoryStore(t)
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

	_, err := s.Gizmo(context.Background(), `while (true) {}`, 10)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("endless query: %v, want the memory backend's deadline", err)
	}
}

// What a query emits goes through JSON: an object that contains itself is
// refused with the script's error (Cayley's converter would recurse until
// the process dies), a function is refused, plain values come back as
// they are, and traversals work as before.
func TestGizmoEmitThroughJSON(t *testing.T) {
	s := memoryStore(t)
	ctx := context.Background()
	for _, q := range []string{`var o={}; o.o=o; g.Emit(o)`, `var a=[]; a.push(a); g.Emit(a)`, `g.Emit(function(){})`} {
		if _, err := s.Gizmo(ctx, q, 10); err == nil || !strings.Contains(err.Error(), "gizmo") {
			t.Errorf("%s: %v, want the script's error", q, err)
		}
	}
	got, err := s.Gizmo(ctx, `g.Emit({a: 1, b: [1, "x"]}); g.Emit(g.V().Count())`, 10)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := json.Marshal(got); string(b) != `[{"a":1,"b":[1,"x"]},0]` {
		t.Errorf("emitted %s", b)
	}
	if _, err := s.Gizmo(ctx, `graph.Vertex().Out().Limit(1).All()`, 10); err != nil {
		t.Errorf("traversal through graph: %v", err)
	}
}

// The bytes of a Gizmo answer are bounded: a string the script built and
// emitted many times over is refused as too large, not sent.
func TestGizmoAnswerSize(t *testing.T) {
	s := memoryStore(t)
	q := `var x = "x"; for (var i = 0; i < 20; i++) { x = x + x }; for (var j = 0; j < 40; j++) { g.Emit(x) }`
	_, err := s.Gizmo(context.Background(), q, 1000)
	if kg.ErrorCode(err) != kg.ETOOLARGE {
		t.Errorf("a 40 MB answer: %v, want TOO_LARGE", err)
	}
	if got, err := s.Gizmo(context.Background(), `g.Emit("short")`, 1000); err != nil || len(got) != 1 {
		t.Errorf("a short answer: %v, %v", got, err)
	}
}

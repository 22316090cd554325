package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"

	"github.com/newsgraph/newsgraph/kg"
)

// MemoryGizmoTimeout bounds a Gizmo query on the memory backend, whatever
// the caller's deadline.
//
// Cayley's memory store has no locking of its own and its iterators walk
// its trees directly, so a query must hold memMu (shared) from its first
// read to its last, and the JavaScript between its reads cannot be told
// apart from them from outside the interpreter. While a write waits for
// memMu, sync.RWMutex lets no new reader in: one endless query would stall
// every ingest, and every read queued behind it, for the query's whole
// run. Taking the lock around each of the query's reads instead would mean
// wrapping every iterator Cayley hands out (their Next and Contains read the
// trees too), which is more of Cayley's internals than the memory backend,
// a backend for tests and small demos, deserves; a short deadline bounds
// the stall instead. The deadline counts from the moment the query holds
// the lock: the time it waits behind writes is not its own run. The other
// backends read in transactions of their own and need no such limit.
const MemoryGizmoTimeout = time.Second

// memoryGizmoTimeout is MemoryGizmoTimeout (shorter in tests).
var memoryGizmoTimeout = MemoryGizmoTimeout

// MaxGizmoAnswer bounds the bytes of a Gizmo query's answer (its results
// as JSON): a script can emit a long string it built many times over.
const MaxGizmoAnswer = 16 << 20

// emitPrelude runs before every query: what a query emits goes through
// JSON first, so that a value Cayley's converter cannot take (an object
// that contains itself recurses until the process dies; a function or NaN
// gives an empty answer) is refused with the script's own error or
// written as JSON writes it (null).
const emitPrelude = `g=graph=(function(o){var p={};for(var k in o){p[k]=typeof o[k]==="function"?o[k].bind(o):o[k]}var emit=o.Emit.bind(o);p.Emit=p.emit=function(v){if(v===undefined||typeof v==="function"){throw new TypeError("g.Emit: cannot emit "+typeof v)}return emit(JSON.parse(JSON.stringify(v)))};return p})(g);`

// Gizmo runs a query in Cayley's Gizmo language (JavaScript traversals:
// g.V("<iri>").Out("<predicate>").All()) and returns at most limit
// results as JSON-ready values. Gizmo has no way to write, so a query
// cannot change the graph; ctx bounds its run (an endless loop is
// interrupted when ctx ends, and the error is ctx's cause). Gizmo returns
// only once the query's interpreter has stopped, so that the caller's own
// limits on running queries hold and no read outlives the store's lock.
func (s *Store) Gizmo(ctx context.Context, q string, limit int) ([]any, error) {
	defer s.reading()()
	if s.memory {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, memoryGizmoTimeout,
			fmt.Errorf("gizmo queries on the memory backend run at most %s: %w", memoryGizmoTimeout, context.DeadlineExceeded))
		defer cancel()
	}
	sess := gizmo.NewSession(s.reader())
	it, err := sess.Execute(ctx, emitPrelude+q, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, kg.Errorf(kg.EINVALID, "gizmo: %v", err)
	}
	started := false
	defer func() {
		// Close interrupts the interpreter but does not wait for it; Next
		// reports false once the interpreter's goroutine has ended. A Next
		// before any other would start the query instead.
		it.Close()
		for started && it.Next(context.Background()) {
		}
	}()
	out := []any{}
	size := 0
	for len(out) < limit {
		started = true
		if !it.Next(ctx) {
			break
		}
		r := it.Result()
		b, err := json.Marshal(r)
		if err != nil {
			return nil, kg.Errorf(kg.EINVALID, "gizmo: result %d is no JSON value: %v", len(out)+1, err)
		}
		if size += len(b); size > MaxGizmoAnswer {
			return nil, kg.Errorf(kg.ETOOLARGE, "gizmo: the answer is over %d MB: emit less", MaxGizmoAnswer>>20)
		}
		out = append(out, r)
	}
	if err := it.Err(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("gizmo: %w", context.Cause(ctx))
		}
		return nil, kg.Errorf(kg.EINVALID, "gizmo: %v", err)
	}
	return out, nil
}

package store

import (
	"context"
	"fmt"
	"log"
	"strings"
	"sync"
	"time"

	"github.com/lib/pq"
)

// On PostgreSQL several processes share one graph: loaders, servers, and
// servers on read replicas. Each keeps a link index in memory (link.go),
// so each must learn of the writes the others make. Every write logs, in
// its own transaction, what it changed (newsgraph_changes: a sequence
// number, the operation, the article, the nodes whose link records
// changed); being in the database, the log reaches hot standbys with the
// data it describes. Every process that has built its index follows the
// log: it polls it every ChangePoll and, on a primary, also wakes up at
// once on the NOTIFY each write sends at its commit. Each entry is
// applied to the index as the writer applied it (updateLinks), so a
// process answers with another's write, deletions included, within
// ChangePoll of its commit (plus the standby's replay lag).

// ChangePoll is how often a process on a shared database reads the change
// log.
const ChangePoll = 250 * time.Millisecond

// changeChannel is the NOTIFY channel of the change log.
const changeChannel = "newsgraph_changes"

// watcher follows the change log for one Store.
type watcher struct {
	once sync.Once
	stop context.CancelFunc
	done chan struct{}
	mu   sync.Mutex
	own  map[int64]bool // entries this process wrote and applied itself
	seen int64          // the last entry applied
}

// changeSeq is the last entry of the change log (0 without one).
func (s *Store) changeSeq(ctx context.Context) (int64, error) {
	if s.bulk == nil {
		return 0, nil
	}
	var seq int64
	err := s.bulk.db.QueryRowContext(ctx, `SELECT seq FROM newsgraph_counter WHERE id = 1`).Scan(&seq)
	if err != nil {
		return 0, fmt.Errorf("read the change log: %w", err)
	}
	return seq, nil
}

// wrote notes that this process applied entry seq itself.
func (s *Store) wrote(seq int64) {
	if seq == 0 {
		return
	}
	w := &s.watch
	w.mu.Lock()
	if seq > w.seen {
		if w.own == nil {
			w.own = map[int64]bool{}
		}
		w.own[seq] = true
	}
	w.mu.Unlock()
}

// watchChanges starts following the change log after entry since, once
// per Store, on PostgreSQL.
func (s *Store) watchChanges(since int64) {
	if s.bulk == nil {
		return
	}
	s.watch.once.Do(func() {
		ctx, cancel := context.WithCancel(context.Background())
		s.watch.stop, s.watch.done, s.watch.seen = cancel, make(chan struct{}), since
		go s.follow(ctx)
	})
}

// stopWatching stops following the change log.
func (s *Store) stopWatching() {
	if s.watch.stop != nil {
		s.watch.stop()
		<-s.watch.done
	}
}

func (s *Store) follow(ctx context.Context) {
	defer close(s.watch.done)
	wake := make(chan struct{}, 1)
	// LISTEN works on a primary only (on a standby pq's listener waits
	// for ever): a read-only store, which may be on a standby, polls.
	// The listener starts beside the poll, which never waits for it.
	if !s.readOnly {
		go s.listen(ctx, wake)
	}
	tick := time.NewTicker(ChangePoll)
	defer tick.Stop()
	failing := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-wake:
		}
		err := s.applyChanges(ctx)
		if err != nil && ctx.Err() == nil && !failing {
			log.Printf("newsgraph: following the change log: %v (retrying)", err)
		}
		failing = err != nil
	}
}

// listen sends on wake whenever a write's NOTIFY arrives, until ctx
// ends.
func (s *Store) listen(ctx context.Context, wake chan<- struct{}) {
	l := pq.NewListener(s.path, time.Second, time.Minute, nil)
	defer l.Close()
	listening := make(chan error, 1)
	go func() { listening <- l.Listen(changeChannel) }()
	select {
	case err := <-listening:
		if err != nil {
			return // the poll does
		}
	case <-ctx.Done():
		return
	}
	for {
		select {
		case <-ctx.Done():
			return
		case _, ok := <-l.Notify:
			if !ok {
				return
			}
			select {
			case wake <- struct{}{}:
			default:
			}
		}
	}
}

// applyChanges applies the entries of the change log after the last one
// applied.
func (s *Store) applyChanges(ctx context.Context) error {
	w := &s.watch
	w.mu.Lock()
	seen := w.seen
	w.mu.Unlock()
	rows, err := s.bulk.db.QueryContext(ctx, `SELECT seq, op, article, nodes FROM newsgraph_changes WHERE seq > $1 ORDER BY seq LIMIT 1000`, seen)
	if err != nil {
		return err
	}
	var changes []change
	for rows.Next() {
		var c change
		if err := rows.Scan(&c.seq, &c.op, &c.article, pq.Array(&c.nodes)); err != nil {
			rows.Close()
			return err
		}
		changes = append(changes, c)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if len(changes) == 0 {
		return nil
	}
	if changes[0].seq != seen+1 {
		// Entries this process has not seen were trimmed (it was stopped
		// for a day): build the index again from the store.
		s.rebuildLinks()
		w.mu.Lock()
		w.seen = changes[len(changes)-1].seq
		w.mu.Unlock()
		return nil
	}
	var nodes, articles []string
	imported := false
	for _, c := range changes {
		w.mu.Lock()
		own := w.own[c.seq]
		delete(w.own, c.seq)
		w.mu.Unlock()
		if !own {
			nodes = append(nodes, c.nodes...)
			articles = append(articles, strings.Fields(c.article)...)
			imported = imported || c.op == "import"
		}
	}
	if imported {
		s.dropAdjacency() // an import may bring any quads
	}
	if err := s.updateLinks(ctx, nodes); err != nil {
		// Build the indexes again from the store rather than serve ones
		// that miss a change.
		s.rebuildLinks()
		return err
	}
	if err := s.refreshEdges(ctx, articles, nil); err != nil {
		s.dropAdjacency()
		return err
	}
	w.mu.Lock()
	w.seen = changes[len(changes)-1].seq
	w.mu.Unlock()
	return nil
}

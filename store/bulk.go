package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"

	"github.com/newsgraph/newsgraph/kg"
)

// sqlBulk writes quads into the tables of Cayley's SQL backend
// (PostgreSQL flavor) with COPY instead of Cayley's row-by-row inserts:
// the values and quads are copied into temporary tables, then merged into
// nodes and quads in three statements, in one transaction. Node reference
// counts grow only by the quads actually inserted, so writing a quad that
// is already there (another loader wrote the same article) changes
// nothing. The rows are exactly what Cayley writes: reading goes through
// Cayley as before.
type sqlBulk struct {
	db *sql.DB
}

func openBulk(url string) (*sqlBulk, error) {
	db, err := sql.Open("postgres", url)
	if err != nil {
		return nil, err
	}
	return &sqlBulk{db: db}, nil
}

func (b *sqlBulk) Close() error { return b.db.Close() }

// Advisory lock keys every newsgraph process on a database shares.
const (
	initLock  = 0x6e6577736772 // "newsgr": creating the tables
	writeLock = 0x6e6577737772 // "newswr": writes shared, deletions alone
)

// locked runs f holding the PostgreSQL advisory lock key.
func (b *sqlBulk) locked(ctx context.Context, key int64, f func() error) error {
	conn, err := b.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, key)
	return f()
}

// tables reports whether Cayley's quads table and newsgraph's change log
// and index exist.
func (b *sqlBulk) tables(ctx context.Context) (quads, changes bool, err error) {
	err = b.db.QueryRowContext(ctx, `SELECT to_regclass('quads') IS NOT NULL,
		to_regclass('newsgraph_counter') IS NOT NULL AND to_regclass('newsgraph_label_index') IS NOT NULL`).Scan(&quads, &changes)
	return quads, changes, err
}

// prepare makes the tables a graph needs, if they are missing: Cayley's
// (init) and the change log. Several loaders may start at once on an
// empty database: one creates the tables, under a lock, and the others
// find them. Opening an existing graph creates nothing (Cayley's own
// initialization logs an error for tables that exist). A read-only
// store (a hot standby) creates nothing and needs the tables there.
func (b *sqlBulk) prepare(ctx context.Context, readOnly bool, init func() error) error {
	quads, changes, err := b.tables(ctx)
	if err != nil {
		return err
	}
	if quads && changes {
		return nil
	}
	if readOnly {
		return kg.Errorf(kg.EINVALID, "no newsgraph graph in this database (open it read-write once, on the primary, to create one)")
	}
	return b.locked(ctx, initLock, func() error {
		quads, _, err := b.tables(ctx)
		if err != nil {
			return err
		}
		if !quads {
			if err := init(); err != nil {
				return err
			}
		}
		for _, q := range []string{
			`CREATE TABLE IF NOT EXISTS newsgraph_changes (seq BIGINT PRIMARY KEY, at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(), op TEXT NOT NULL, article TEXT NOT NULL, nodes TEXT[] NOT NULL)`,
			`CREATE TABLE IF NOT EXISTS newsgraph_counter (id INT PRIMARY KEY, seq BIGINT NOT NULL)`,
			`INSERT INTO newsgraph_counter VALUES (1, 0) ON CONFLICT DO NOTHING`,
			// Cayley indexes quads by subject, predicate and object, not
			// by label: deleting an article read all the quads to find its
			// own, and deleting a node checked its label foreign key the
			// same way, a second per deletion on a small graph.
			`CREATE INDEX IF NOT EXISTS newsgraph_label_index ON quads (label_hash)`,
		} {
			if _, err := b.db.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("create the change log: %w", err)
			}
		}
		return nil
	})
}

// nodeColumns are the value columns of the nodes table, in COPY order.
var nodeColumns = []string{"hash", "value", "value_string", "datatype", "language", "iri", "bnode",
	"value_int", "value_bool", "value_float", "value_time"}

// change is one entry of the change log (changes.go): what a write did
// and the nodes whose link records it changed.
type change struct {
	seq     int64
	op      string // "ingest", "delete" or "import"
	article string // the article ingested or deleted, "" for an import
	nodes   []string
}

// retry runs f again when PostgreSQL aborts its transaction for a
// deadlock or a serialization failure (concurrent loaders touching the
// same nodes).
func retry(ctx context.Context, f func() error) error {
	for attempt := 0; ; attempt++ {
		err := f()
		var pe *pq.Error
		if err == nil || attempt >= 8 || !errors.As(err, &pe) || (pe.Code != "40P01" && pe.Code != "40001") {
			return err
		}
		wait := time.Duration(10<<attempt)*time.Millisecond + time.Duration(rand.IntN(20))*time.Millisecond
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// write stores quads and logs c in one transaction. It returns the
// sequence number of c and the subjects, among created, whose first quad
// in created this transaction inserted: of two processes that write the
// same article at once, one creates it.
func (b *sqlBulk) write(ctx context.Context, quads []quad.Quad, c *change, created []quad.Quad) (int64, map[quad.Value]bool, error) {
	nodes, err := nodeRows(quads)
	if err != nil {
		return 0, nil, err
	}
	var (
		seq  int64
		made map[quad.Value]bool
	)
	err = retry(ctx, func() error {
		var err error
		seq, made, err = b.tryWrite(ctx, nodes, quads, c, created)
		return err
	})
	return seq, made, err
}

// nodeRows are the distinct values of quads as rows of nodeColumns.
func nodeRows(quads []quad.Quad) ([][]any, error) {
	seen := map[quad.Value]bool{}
	var rows [][]any
	for _, q := range quads {
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if v == nil || seen[v] {
				continue
			}
			seen[v] = true
			typ, vals, err := csql.NodeValues(csql.HashOf(v), v)
			if err != nil {
				return nil, fmt.Errorf("bulk write: %w", err)
			}
			row := make([]any, len(nodeColumns))
			row[0] = vals[0]
			for i, col := range typ.Columns() {
				for j, c := range nodeColumns {
					if c == col {
						row[j] = vals[i+1]
					}
				}
			}
			rows = append(rows, row)
		}
	}
	return rows, nil
}

func hashOf(v quad.Value) any {
	if v == nil {
		return nil
	}
	return csql.HashOf(v).SQLValue()
}

func (b *sqlBulk) tryWrite(ctx context.Context, nodes [][]any, quads []quad.Quad, c *change, created []quad.Quad) (seq int64, made map[quad.Value]bool, err error) {
	tx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, nil, err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	// Writes share the lock a deletion takes alone: a deletion reads
	// what no article needs any more and deletes it with no write between.
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock_shared($1)`, writeLock); err != nil {
		return 0, nil, fmt.Errorf("bulk write: lock: %w", err)
	}
	for _, s := range []string{
		`CREATE TEMP TABLE ng_nodes (LIKE nodes INCLUDING DEFAULTS) ON COMMIT DROP`,
		`ALTER TABLE ng_nodes ALTER COLUMN refs DROP NOT NULL`,
		`CREATE TEMP TABLE ng_quads (subject_hash BYTEA, predicate_hash BYTEA, object_hash BYTEA, label_hash BYTEA) ON COMMIT DROP`,
		`CREATE TEMP TABLE ng_created (subject_hash BYTEA, predicate_hash BYTEA, object_hash BYTEA, label_hash BYTEA) ON COMMIT DROP`,
	} {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return 0, nil, fmt.Errorf("bulk write: %w", err)
		}
	}
	if err := copyRows(ctx, tx, "ng_nodes", nodeColumns, nodes); err != nil {
		return 0, nil, err
	}
	quadCols := []string{"subject_hash", "predicate_hash", "object_hash", "label_hash"}
	if err := copyRows(ctx, tx, "ng_quads", quadCols, hashRows(quads)); err != nil {
		return 0, nil, err
	}
	if err := copyRows(ctx, tx, "ng_created", quadCols, hashRows(created)); err != nil {
		return 0, nil, err
	}
	cols := "hash, value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time"
	// Nodes in hash order, so that concurrent loaders lock them in the
	// same order and rarely deadlock.
	if _, err := tx.ExecContext(ctx, `INSERT INTO nodes (refs, `+cols+`) SELECT 0, `+cols+
		` FROM ng_nodes ORDER BY hash ON CONFLICT (hash) DO NOTHING`); err != nil {
		return 0, nil, fmt.Errorf("bulk write nodes: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `WITH ins AS (
		INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
		SELECT DISTINCT subject_hash, predicate_hash, object_hash, label_hash, now() FROM ng_quads ORDER BY 1, 2, 3, 4
		ON CONFLICT DO NOTHING
		RETURNING subject_hash, predicate_hash, object_hash, label_hash),
	r AS (SELECT h, count(*) AS c FROM (
		SELECT subject_hash AS h FROM ins UNION ALL SELECT predicate_hash FROM ins
		UNION ALL SELECT object_hash FROM ins UNION ALL SELECT label_hash FROM ins WHERE label_hash IS NOT NULL) x
		GROUP BY h ORDER BY h),
	upd AS (UPDATE nodes SET refs = nodes.refs + r.c FROM r WHERE nodes.hash = r.h)
	SELECT DISTINCT i.subject_hash FROM ins i JOIN ng_created c ON i.subject_hash = c.subject_hash
		AND i.predicate_hash = c.predicate_hash AND i.object_hash = c.object_hash AND i.label_hash = c.label_hash`)
	if err != nil {
		return 0, nil, fmt.Errorf("bulk write quads: %w", err)
	}
	madeHash := map[string]bool{}
	for rows.Next() {
		var h []byte
		if err := rows.Scan(&h); err != nil {
			rows.Close()
			return 0, nil, fmt.Errorf("bulk write quads: %w", err)
		}
		madeHash[string(h)] = true
	}
	if err := rows.Close(); err != nil {
		return 0, nil, fmt.Errorf("bulk write quads: %w", err)
	}
	made = map[quad.Value]bool{}
	for _, q := range created {
		if madeHash[string(hashOf(q.Subject).([]byte))] {
			made[q.Subject] = true
		}
	}
	if seq, err = logChange(ctx, tx, c); err != nil {
		return 0, nil, err
	}
	return seq, made, tx.Commit()
}

// How long the change log keeps its entries, and how often it is trimmed.
const (
	changeKeep      = "1 day"
	changeTrimEvery = 1000
)

// logChange adds c to the change log in tx, last, just before the commit:
// the counter's row lock orders the log as the commits, so that a reader
// that has seen entry n has seen every entry before it.
func logChange(ctx context.Context, tx *sql.Tx, c *change) (int64, error) {
	var seq int64
	nodes := c.nodes
	if nodes == nil {
		nodes = []string{}
	}
	err := tx.QueryRowContext(ctx, `WITH n AS (UPDATE newsgraph_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq)
		INSERT INTO newsgraph_changes (seq, op, article, nodes) SELECT seq, $1, $2, $3 FROM n RETURNING seq`,
		c.op, c.article, pq.Array(nodes)).Scan(&seq)
	if err != nil {
		return 0, fmt.Errorf("log the change: %w", err)
	}
	// Entries a day old are of no use to a process following the log (it
	// reads it every ChangePoll); one write in a thousand clears them. A
	// process that finds entries missing rebuilds its index (changes.go).
	if seq%changeTrimEvery == 0 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM newsgraph_changes WHERE at < now() - $1::interval`, changeKeep); err != nil {
			return 0, fmt.Errorf("trim the change log: %w", err)
		}
	}
	// Processes listening on the primary hear of it at the commit.
	if _, err := tx.ExecContext(ctx, `SELECT pg_notify($1, $2)`, changeChannel, strconv.FormatInt(seq, 10)); err != nil {
		return 0, fmt.Errorf("log the change: %w", err)
	}
	return seq, nil
}

// quadHashes are the distinct hashes of the values of quads.
func quadHashes(quads []quad.Quad) [][]byte {
	seen := map[quad.Value]bool{}
	var out [][]byte
	for _, q := range quads {
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if v != nil && !seen[v] {
				seen[v] = true
				out = append(out, hashOf(v).([]byte))
			}
		}
	}
	return out
}

func hashRows(quads []quad.Quad) [][]any {
	rows := make([][]any, len(quads))
	for i, q := range quads {
		rows[i] = []any{hashOf(q.Subject), hashOf(q.Predicate), hashOf(q.Object), hashOf(q.Label)}
	}
	return rows
}

// deleting runs a deletion: in one transaction that holds the write lock
// alone, so that no write runs between what plan reads and the deletion,
// it calls plan for the quads to delete and the change to log, then
// deletes them, counting them off their nodes and deleting the nodes left
// unused (what Cayley's SQL backend does, in three statements).
func (b *sqlBulk) deleting(ctx context.Context, plan func() ([]quad.Quad, *change, error)) (int64, error) {
	var seq int64
	err := retry(ctx, func() (err error) {
		tx, err := b.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer func() {
			if err != nil {
				tx.Rollback()
			}
		}()
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, writeLock); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		quads, c, err := plan()
		if err != nil || len(quads) == 0 {
			seq = 0
			if err == nil {
				err = tx.Rollback()
			}
			return err
		}
		if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE ng_del (subject_hash BYTEA, predicate_hash BYTEA, object_hash BYTEA, label_hash BYTEA) ON COMMIT DROP`); err != nil {
			return err
		}
		if err := copyRows(ctx, tx, "ng_del", []string{"subject_hash", "predicate_hash", "object_hash", "label_hash"}, hashRows(quads)); err != nil {
			return err
		}

		if _, err := tx.ExecContext(ctx, `WITH del AS (
			DELETE FROM quads q USING (SELECT DISTINCT * FROM ng_del) d
			WHERE q.subject_hash = d.subject_hash AND q.predicate_hash = d.predicate_hash
				AND q.object_hash = d.object_hash AND q.label_hash = d.label_hash
			RETURNING q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash),
		r AS (SELECT h, count(*) AS c FROM (
			SELECT subject_hash AS h FROM del UNION ALL SELECT predicate_hash FROM del
			UNION ALL SELECT object_hash FROM del UNION ALL SELECT label_hash FROM del) x
			GROUP BY h ORDER BY h)
		UPDATE nodes SET refs = nodes.refs - r.c FROM r WHERE nodes.hash = r.h`); err != nil {
			return fmt.Errorf("delete quads: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM nodes WHERE hash = ANY($1) AND refs <= 0`, pq.ByteaArray(quadHashes(quads))); err != nil {
			return fmt.Errorf("delete nodes: %w", err)
		}
		if seq, err = logChange(ctx, tx, c); err != nil {
			return err
		}
		return tx.Commit()
	})
	return seq, err
}

func copyRows(ctx context.Context, tx *sql.Tx, table string, cols []string, rows [][]any) error {
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn(table, cols...))
	if err != nil {
		return fmt.Errorf("bulk write %s: %w", table, err)
	}
	for _, r := range rows {
		if _, err := stmt.ExecContext(ctx, r...); err != nil {
			stmt.Close()
			return fmt.Errorf("bulk write %s: %w", table, err)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		stmt.Close()
		return fmt.Errorf("bulk write %s: %w", table, err)
	}
	return stmt.Close()
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
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

// locked runs f holding a PostgreSQL advisory lock that every newsgraph
// process on the database shares.
func (b *sqlBulk) locked(ctx context.Context, f func() error) error {
	conn, err := b.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	const key = 0x6e6577736772 // "newsgr"
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, key)
	return f()
}

// nodeColumns are the value columns of the nodes table, in COPY order.
var nodeColumns = []string{"hash", "value", "value_string", "datatype", "language", "iri", "bnode",
	"value_int", "value_bool", "value_float", "value_time"}

// write stores quads, retrying when PostgreSQL aborts the transaction for
// a deadlock or a serialization failure (concurrent loaders touching the
// same nodes).
func (b *sqlBulk) write(ctx context.Context, quads []quad.Quad) error {
	nodes, err := nodeRows(quads)
	if err != nil {
		return err
	}
	for attempt := 0; ; attempt++ {
		err := b.tryWrite(ctx, nodes, quads)
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

func (b *sqlBulk) tryWrite(ctx context.Context, nodes [][]any, quads []quad.Quad) (err error) {
	tx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	for _, s := range []string{
		`CREATE TEMP TABLE ng_nodes (LIKE nodes INCLUDING DEFAULTS) ON COMMIT DROP`,
		`ALTER TABLE ng_nodes ALTER COLUMN refs DROP NOT NULL`,
		`CREATE TEMP TABLE ng_quads (subject_hash BYTEA, predicate_hash BYTEA, object_hash BYTEA, label_hash BYTEA) ON COMMIT DROP`,
	} {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("bulk write: %w", err)
		}
	}
	if err := copyRows(ctx, tx, "ng_nodes", nodeColumns, nodes); err != nil {
		return err
	}
	rows := make([][]any, len(quads))
	for i, q := range quads {
		rows[i] = []any{hashOf(q.Subject), hashOf(q.Predicate), hashOf(q.Object), hashOf(q.Label)}
	}
	if err := copyRows(ctx, tx, "ng_quads", []string{"subject_hash", "predicate_hash", "object_hash", "label_hash"}, rows); err != nil {
		return err
	}
	cols := "hash, value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time"
	// Nodes in hash order, so that concurrent loaders lock them in the
	// same order and rarely deadlock.
	if _, err := tx.ExecContext(ctx, `INSERT INTO nodes (refs, `+cols+`) SELECT 0, `+cols+
		` FROM ng_nodes ORDER BY hash ON CONFLICT (hash) DO NOTHING`); err != nil {
		return fmt.Errorf("bulk write nodes: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `WITH ins AS (
		INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
		SELECT DISTINCT subject_hash, predicate_hash, object_hash, label_hash, now() FROM ng_quads ORDER BY 1, 2, 3, 4
		ON CONFLICT DO NOTHING
		RETURNING subject_hash, predicate_hash, object_hash, label_hash),
	r AS (SELECT h, count(*) AS c FROM (
		SELECT subject_hash AS h FROM ins UNION ALL SELECT predicate_hash FROM ins
		UNION ALL SELECT object_hash FROM ins UNION ALL SELECT label_hash FROM ins WHERE label_hash IS NOT NULL) x
		GROUP BY h ORDER BY h)
	UPDATE nodes SET refs = nodes.refs + r.c FROM r WHERE nodes.hash = r.h`); err != nil {
		return fmt.Errorf("bulk write quads: %w", err)
	}
	return tx.Commit()
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

package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
)

// Tx implements truce.Tx over one *sql.Tx. Statements are prepared once per
// transaction where the dialect asks for it.
type Tx struct {
	ctx   context.Context
	d     *Dialect
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

var _ truce.Tx = (*Tx)(nil)

func newTx(ctx context.Context, d *Dialect, tx *sql.Tx) *Tx {
	return &Tx{ctx: ctx, d: d, tx: tx}
}

// stmt returns the transaction's prepared statement for q, preparing it on
// first use. The statements close with the transaction.
func (t *Tx) stmt(q string) (*sql.Stmt, error) {
	if s, ok := t.stmts[q]; ok {
		return s, nil
	}
	s, err := t.tx.PrepareContext(t.ctx, t.d.Rebind(q))
	if err != nil {
		return nil, err
	}
	if t.stmts == nil {
		t.stmts = map[string]*sql.Stmt{}
	}
	t.stmts[q] = s
	return s, nil
}

// exec runs a statement written with ?N placeholders.
func (t *Tx) exec(q string, args ...any) (sql.Result, error) {
	if t.d.PrepareInTx {
		s, err := t.stmt(q)
		if err != nil {
			return nil, err
		}
		return s.ExecContext(t.ctx, args...)
	}
	return t.tx.ExecContext(t.ctx, t.d.Rebind(q), args...)
}

// query runs a query written with ?N placeholders.
func (t *Tx) query(q string, args ...any) (*sql.Rows, error) {
	if t.d.PrepareInTx {
		s, err := t.stmt(q)
		if err != nil {
			return nil, err
		}
		return s.QueryContext(t.ctx, args...)
	}
	return t.tx.QueryContext(t.ctx, t.d.Rebind(q), args...)
}

// queryRow runs a query of at most one row and scans it into dest; it
// returns sql.ErrNoRows when there is none.
func (t *Tx) queryRow(q string, args []any, dest ...any) error {
	rows, err := t.query(q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	return rows.Close()
}

// insert runs an INSERT … ON CONFLICT DO NOTHING and returns ECONFLICT
// when it inserted nothing. Unlike a failed statement, a skipped insert
// leaves a PostgreSQL transaction usable, so a caller may go on (e.g. to
// look up the existing row of a duplicate).
func (t *Tx) insert(what, id, q string, args ...any) error {
	res, err := t.exec(q, args...)
	if err != nil {
		return t.fail("insert "+what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return t.fail("insert "+what, err)
	}
	if n == 0 {
		return truce.Errorf(truce.ECONFLICT, "%s %q already exists", what, id)
	}
	return nil
}

// fail wraps a database error, as ECONFLICT when it is a unique violation.
func (t *Tx) fail(op string, err error) error {
	var te *truce.Error
	if errors.As(err, &te) {
		return err
	}
	if t.d.IsUnique != nil && t.d.IsUnique(err) {
		return fmt.Errorf("sqldb: %s: %w: %v", op, truce.Errorf(truce.ECONFLICT, "already exists"), err)
	}
	return fmt.Errorf("sqldb: %s: %w", op, err)
}

// notFound maps sql.ErrNoRows to the ENOTFOUND error of an item.
func (t *Tx) notFound(err error, what, id string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return truce.NotFound(what, id)
	}
	return t.fail("get "+what, err)
}

// micros is how times are stored in the columns used for filtering and
// ordering: microseconds since the Unix epoch. Documents keep full times.
func micros(t time.Time) int64 { return t.UnixMicro() }

// classList stores a set of classes or codes as ",a,b,", so that a
// membership test is a substring test for ",a,".
func classList(cs []string) string {
	if len(cs) == 0 {
		return ""
	}
	return "," + strings.Join(cs, ",") + ","
}

// where collects the conditions of a filtered query. Each condition is
// hand-written SQL in which every ? is the next argument; where numbers
// them ?1, ?2, … in order.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	var b strings.Builder
	k := 0
	for i := 0; i < len(cond); i++ {
		if cond[i] == '?' {
			fmt.Fprintf(&b, "?%d", len(w.args)+1)
			w.args = append(w.args, args[k])
			k++
			continue
		}
		b.WriteByte(cond[i])
	}
	w.conds = append(w.conds, b.String())
}

// arg adds an argument not tied to a condition and returns its placeholder.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return fmt.Sprintf("?%d", len(w.args))
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// limit returns the page size of a filter: 100 by default, at most 1000.
func limit(n int) int {
	switch {
	case n <= 0:
		return 100
	case n > 1000:
		return 1000
	}
	return n
}

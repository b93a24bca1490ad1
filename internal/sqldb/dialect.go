// Package sqldb implements truce.Store once over database/sql, for every
// SQL backend. The SQL is written once, with SQLite-style numbered
// placeholders (?1, ?2, …); a Dialect rewrites them where the backend wants
// another style and says how the backend reports a unique violation.
// internal/sqlite and internal/postgres supply the dialect, the connections
// and the migrations.
package sqldb

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync"
)

// Dialect is what differs between SQL backends, beyond their migrations.
type Dialect struct {
	// Name is what Store.Dialect returns: "sqlite" or "postgres".
	Name string
	// Dollar rewrites ?N placeholders to $N (PostgreSQL).
	Dollar bool
	// Instr is the name of the function that returns the 1-based position
	// of its second argument in its first, 0 when absent ("instr" in
	// SQLite, "strpos" in PostgreSQL).
	Instr string
	// IsUnique reports whether err is a unique-constraint violation.
	IsUnique func(err error) bool
	// PrepareInTx prepares each statement once per transaction and reuses
	// it. Backends whose driver caches prepared statements by itself
	// (pgx) leave it false.
	PrepareInTx bool
	// BeforeUpdate, when set, runs first in every Update transaction, e.g.
	// to take the lock that serialises log appends.
	BeforeUpdate func(ctx context.Context, tx *sql.Tx) error
	// ViewOptions are the options of View transactions.
	ViewOptions sql.TxOptions
	// IdxIsRowid says that the log tables' idx column is the rowid, which
	// a row inserted without one gets as one past the largest (SQLite), so
	// appends may leave it out.
	IdxIsRowid bool

	rebound sync.Map // query -> rewritten query
}

// Rebind returns q with its placeholders in the dialect's style: $N for
// PostgreSQL; for SQLite, plain ? when the numbers run 1, 2, 3, … in order
// (SQLite binds anonymous parameters faster than numbered ones), else q
// as written. Quoted strings and identifiers are left alone.
func (d *Dialect) Rebind(q string) string {
	if v, ok := d.rebound.Load(q); ok {
		return v.(string)
	}
	out := rewritePlaceholders(q, d.Dollar)
	d.rebound.Store(q, out)
	return out
}

// rewritePlaceholders turns every ?N outside quotes into $N (dollar), or
// into ? if the numbers are 1, 2, 3, … in order (not dollar).
func rewritePlaceholders(q string, dollar bool) string {
	var b strings.Builder
	b.Grow(len(q))
	var quote byte
	next := 1
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?' && i+1 < len(q) && isDigit(q[i+1]):
			j := i + 1
			for j < len(q) && isDigit(q[j]) {
				j++
			}
			switch {
			case dollar:
				b.WriteByte('$')
				b.WriteString(q[i+1 : j])
			case q[i+1:j] == strconv.Itoa(next):
				b.WriteByte('?')
				next++
			default:
				return q // numbers out of order or repeated: keep them
			}
			i = j - 1
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/truce-monitor/truce"
)

// Store implements truce.Store over two database handles: writer for
// Update, reader for View (they may be the same). Serialising writers is
// the caller's business: one writer connection (SQLite) or a lock taken by
// Dialect.BeforeUpdate (PostgreSQL).
type Store struct {
	d      *Dialect
	writer *sql.DB
	reader *sql.DB
}

// NewStore returns a Store over the given handles. Close closes both.
func NewStore(d *Dialect, writer, reader *sql.DB) *Store {
	return &Store{d: d, writer: writer, reader: reader}
}

var _ truce.Store = (*Store)(nil)

// Update runs fn in a read-write transaction, committed when fn returns nil
// and rolled back otherwise; fn's error is returned as is.
func (s *Store) Update(ctx context.Context, fn func(truce.Tx) error) error {
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return unavailable("begin", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if s.d.BeforeUpdate != nil {
		if err := s.d.BeforeUpdate(ctx, tx); err != nil {
			return unavailable("lock", err)
		}
	}
	t := newTx(ctx, s.d, tx)
	if err := fn(t); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqldb: commit: %w", err)
	}
	return nil
}

// View runs fn in a read-only transaction.
func (s *Store) View(ctx context.Context, fn func(truce.Tx) error) error {
	opts := s.d.ViewOptions
	tx, err := s.reader.BeginTx(ctx, &opts)
	if err != nil {
		return unavailable("begin", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to keep
	return fn(newTx(ctx, s.d, tx))
}

// Ping reports whether the database answers, as EUNAVAILABLE if not. It
// uses a reading connection, so it does not wait for a running Update.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.reader.PingContext(ctx); err != nil {
		return unavailable("ping", err)
	}
	return nil
}

// Close releases both handles.
func (s *Store) Close() error {
	err := s.writer.Close()
	if s.reader != s.writer {
		err = errors.Join(err, s.reader.Close())
	}
	return err
}

// Dialect names the backend.
func (s *Store) Dialect() string { return s.d.Name }

// Writer returns the handle Update uses, for backend-specific maintenance
// and tests; it must not be used while an Update runs on a one-connection
// writer (SQLite), which would wait for it.
func (s *Store) Writer() *sql.DB { return s.writer }

// unavailable wraps a failure to reach the database: callers see the code
// EUNAVAILABLE and a message without the driver's details, which stay in
// the error text for logs.
func unavailable(op string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("sqldb: %s: %w", op, err)
	}
	return fmt.Errorf("sqldb: %s: %w: %v", op, truce.Errorf(truce.EUNAVAILABLE, "database unavailable"), err)
}

// Package postgres is the server store of Truce: truce.Store on PostgreSQL
// through pgx's database/sql driver.
//
// Every Update takes one transaction-scoped advisory lock first, so that
// Updates, and with them the appends to the transparency log, run one at a
// time; Views run concurrently in read-only REPEATABLE READ transactions,
// each seeing one snapshot.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/truce-monitor/truce/internal/sqldb"
)

//go:embed migrations/*.sql
var migrations embed.FS

// lockKey is the advisory lock every Update and every migration holds.
const lockKey int64 = 0x7472756365 // "truce"

// Store is truce.Store on PostgreSQL.
type Store struct {
	*sqldb.Store
}

func dialect() *sqldb.Dialect {
	return &sqldb.Dialect{
		Name:     "postgres",
		Dollar:   true,
		Instr:    "strpos",
		IsUnique: isUnique,
		BeforeUpdate: func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, lockKey)
			return err
		},
		ViewOptions: sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead},
	}
}

func isUnique(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && e.Code == "23505"
}

// Open connects to the database at url (postgres://user@host:port/db?…,
// or a key=value string) and applies the migrations it lacks. The tables
// go in the connection's search_path, which the URL may set with
// search_path=….
func Open(ctx context.Context, url string) (*Store, error) {
	return OpenSchema(ctx, url, "")
}

// OpenSchema is Open with the tables in the given schema, created if
// missing; "" means the connection's default search_path.
func OpenSchema(ctx context.Context, url, schema string) (*Store, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if schema != "" {
		cfg.RuntimeParams["search_path"] = schema
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(16)
	db.SetConnMaxLifetime(30 * time.Minute)
	db.SetConnMaxIdleTime(5 * time.Minute)
	d := dialect()
	ms, err := sqldb.Migrations(migrations, "migrations")
	if err == nil {
		err = sqldb.Migrate(ctx, db, d, ms, func(tx *sql.Tx) error {
			return prepareSchema(ctx, tx, schema)
		})
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	return &Store{Store: sqldb.NewStore(d, db, db)}, nil
}

// prepareSchema takes the migration lock and creates the schema if asked.
func prepareSchema(ctx context.Context, tx *sql.Tx, schema string) error {
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, lockKey); err != nil {
		return err
	}
	if schema == "" {
		return nil
	}
	_, err := tx.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgx.Identifier{schema}.Sanitize())
	return err
}

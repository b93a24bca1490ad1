// Package sqlite is the embedded store of Truce: truce.Store on SQLite
// (modernc.org/sqlite, pure Go) in the file truce.db of a data directory.
//
// The database runs in WAL mode. Writes go through one connection, so
// Updates queue in the process instead of failing with SQLITE_BUSY, and
// take the write lock at BEGIN (BEGIN IMMEDIATE), so that another process
// on the same file waits under busy_timeout. Views run concurrently on a
// pool of read-only connections.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/truce-monitor/truce/internal/sqldb"
)

// FileName is the database file inside the data directory.
const FileName = "truce.db"

//go:embed migrations/*.sql
var migrations embed.FS

// Store is truce.Store on an SQLite file.
type Store struct {
	*sqldb.Store
}

func dialect() *sqldb.Dialect {
	return &sqldb.Dialect{
		Name:        "sqlite",
		Instr:       "instr",
		IsUnique:    isUnique,
		PrepareInTx: true,
		ViewOptions: sql.TxOptions{ReadOnly: true},
		IdxIsRowid:  true,
	}
}

func isUnique(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	return e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// Open opens (creating it if need be) the database truce.db in dataDir,
// which is created with mode 0700 if missing, and applies the migrations
// it lacks.
func Open(ctx context.Context, dataDir string) (*Store, error) {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("sqlite: data directory: %w", err)
	}
	path := filepath.Join(dataDir, FileName)
	writer, err := openDB(path, false)
	if err != nil {
		return nil, err
	}
	writer.SetMaxOpenConns(1)
	writer.SetMaxIdleConns(1)
	writer.SetConnMaxLifetime(0)
	writer.SetConnMaxIdleTime(0)
	d := dialect()
	ms, err := sqldb.Migrations(migrations, "migrations")
	if err == nil {
		err = sqldb.Migrate(ctx, writer, d, ms, nil)
	}
	if err != nil {
		writer.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	reader, err := openDB(path, true)
	if err != nil {
		writer.Close()
		return nil, err
	}
	n := max(4, runtime.GOMAXPROCS(0))
	reader.SetMaxOpenConns(n)
	reader.SetMaxIdleConns(n)
	return &Store{Store: sqldb.NewStore(d, writer, reader)}, nil
}

// openDB returns a handle on the file with Truce's connection settings.
func openDB(path string, readOnly bool) (*sql.DB, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "cache_size(-32000)")
	q.Add("_pragma", "temp_store(MEMORY)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
	}
	// A file: URI, with the path escaped so that ?, # and % in it stay
	// part of the name.
	name := (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath()
	db, err := sql.Open("sqlite", "file:"+name+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return db, nil
}

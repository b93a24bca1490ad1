package sqldb

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/truce-monitor/truce"
)

// LogSize returns the number of log entries.
func (t *Tx) LogSize() (int64, error) {
	return t.next("log_entries")
}

// next returns one past the largest idx of a log table (0 when empty).
func (t *Tx) next(table string) (int64, error) {
	var n int64
	if err := t.queryRow(`SELECT COALESCE(MAX(idx) + 1, 0) FROM `+table, nil, &n); err != nil {
		return 0, t.fail("size of "+table, err)
	}
	return n, nil
}

// LogAppend stores entries at indexes LogSize(), LogSize()+1, … and hashes
// at storage indexes hashStart, hashStart+1, …. An entry whose Index is set
// to another index, or a hashStart other than the number of stored hashes,
// is ECONFLICT: the caller computed them from a log that has moved on.
func (t *Tx) LogAppend(entries []truce.LogEntry, hashStart int64, hashes [][32]byte) error {
	size, err := t.LogSize()
	if err != nil {
		return err
	}
	for i, e := range entries {
		if e.Index != 0 && e.Index != size+int64(i) {
			return truce.Errorf(truce.ECONFLICT, "log entry index %d, but the next index is %d", e.Index, size+int64(i))
		}
	}
	if len(hashes) > 0 {
		have, err := t.next("log_hashes")
		if err != nil {
			return err
		}
		if hashStart != have {
			return truce.Errorf(truce.ECONFLICT, "log hashes start at %d, but %d are stored", hashStart, have)
		}
	}
	err = t.appendRows("log_entries", "type, record_id, data", 3, size, len(entries), func(i int, args []any) {
		e := &entries[i]
		args[0], args[1], args[2] = e.RecordType, e.RecordID, e.Data
	})
	if err != nil {
		return err
	}
	return t.appendRows("log_hashes", "hash", 1, hashStart, len(hashes), func(i int, args []any) {
		args[0] = hashes[i][:]
	})
}

// maxRows is the most rows one multi-row INSERT carries.
const maxRows = 128

// appendRows inserts n rows at idx start, start+1, … into a log table,
// the values of the other columns (cols, ncol of them) of row i set by
// fill, in multi-row statements of power-of-two sizes (so few distinct
// statements are prepared). start must be one past the table's largest
// idx, as LogAppend checks.
//
// Where idx is the rowid (Dialect.IdxIsRowid: SQLite), a row inserted
// without one gets one past the largest: so once the table has a row, the
// rows go in without idx, and SQLite appends them without looking their
// keys up, which makes the log's inserts a third cheaper. Each statement's
// last rowid is checked all the same.
func (t *Tx) appendRows(table, cols string, ncol int, start int64, n int, fill func(i int, args []any)) error {
	byRowid := t.d.IdxIsRowid && start > 0
	if !byRowid {
		cols, ncol = "idx, "+cols, ncol+1
	}
	args := make([]any, 0, ncol*min(n, maxRows))
	for done := 0; done < n; {
		k := maxRows
		for k > n-done {
			k /= 2
		}
		args = args[:ncol*k]
		for j := range k {
			row := args[j*ncol : (j+1)*ncol]
			if !byRowid {
				row[0], row = start+int64(done+j), row[1:]
			}
			fill(done+j, row)
		}
		res, err := t.exec(rowsQuery("INSERT INTO "+table+" ("+cols+") VALUES ", ncol, k), args...)
		if err != nil {
			return t.fail("append to "+table, err)
		}
		if byRowid {
			last, err := res.LastInsertId()
			if err != nil {
				return t.fail("append to "+table, err)
			}
			if want := start + int64(done+k-1); last != want {
				return fmt.Errorf("sqldb: append to %s: the last row went in at %d, not %d", table, last, want)
			}
		}
		done += k
	}
	return nil
}

var rowQueries sync.Map // "prefix|ncol|k" -> query

// rowsQuery returns prefix followed by k rows of ncol placeholders,
// numbered in order: "(?1, ?2), (?3, ?4)…" — the VALUES of a multi-row
// INSERT, or with one row the list of an IN.
func rowsQuery(prefix string, ncol, k int) string {
	key := fmt.Sprintf("%s|%d|%d", prefix, ncol, k)
	if q, ok := rowQueries.Load(key); ok {
		return q.(string)
	}
	var b strings.Builder
	b.WriteString(prefix)
	for r := range k {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := range ncol {
			if c > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "?%d", r*ncol+c+1)
		}
		b.WriteByte(')')
	}
	rowQueries.Store(key, b.String())
	return b.String()
}

// LogHashes returns the stored hashes at the given storage indexes, in the
// order asked; ENOTFOUND if one is missing.
func (t *Tx) LogHashes(indexes []int64) ([][32]byte, error) {
	got := make(map[int64][32]byte, len(indexes))
	for done := 0; done < len(indexes); {
		k := maxRows
		for k > len(indexes)-done {
			k /= 2
		}
		if err := t.readHashes(indexes[done:done+k], got); err != nil {
			return nil, err
		}
		done += k
	}
	out := make([][32]byte, len(indexes))
	for i, x := range indexes {
		h, ok := got[x]
		if !ok {
			return nil, truce.Errorf(truce.ENOTFOUND, "log hash %d not found", x)
		}
		out[i] = h
	}
	return out, nil
}

// readHashes reads the hashes at indexes (a power-of-two count) into got.
func (t *Tx) readHashes(indexes []int64, got map[int64][32]byte) error {
	args := make([]any, len(indexes))
	for i, x := range indexes {
		args[i] = x
	}
	rows, err := t.query(rowsQuery(`SELECT idx, hash FROM log_hashes WHERE idx IN `, len(indexes), 1), args...)
	if err != nil {
		return t.fail("read log hashes", err)
	}
	defer rows.Close()
	for rows.Next() {
		var idx int64
		var h []byte
		if err := rows.Scan(&idx, &h); err != nil {
			return t.fail("read log hashes", err)
		}
		if len(h) != 32 {
			return fmt.Errorf("sqldb: log hash %d has %d bytes", idx, len(h))
		}
		got[idx] = [32]byte(h)
	}
	return rows.Err()
}

// LogEntries returns the entries with index in [start, end).
func (t *Tx) LogEntries(start, end int64) ([]truce.LogEntry, error) {
	return t.logEntries(`SELECT idx, type, record_id, data FROM log_entries
 WHERE idx >= ?1 AND idx < ?2 ORDER BY idx`, start, end)
}

// LogEntriesFor returns the entries about one record, in log order.
func (t *Tx) LogEntriesFor(recordType, recordID string) ([]truce.LogEntry, error) {
	return t.logEntries(`SELECT idx, type, record_id, data FROM log_entries
 WHERE type = ?1 AND record_id = ?2 ORDER BY idx`, recordType, recordID)
}

func (t *Tx) logEntries(q string, args ...any) ([]truce.LogEntry, error) {
	rows, err := t.query(q, args...)
	if err != nil {
		return nil, t.fail("read log entries", err)
	}
	defer rows.Close()
	var out []truce.LogEntry
	for rows.Next() {
		var e truce.LogEntry
		if err := rows.Scan(&e.Index, &e.RecordType, &e.RecordID, &e.Data); err != nil {
			return nil, t.fail("read log entries", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// PutCheckpoint stores a signed checkpoint, replacing one of the same size.
func (t *Tx) PutCheckpoint(c *truce.Checkpoint) error {
	doc, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("sqldb: encode checkpoint: %w", err)
	}
	_, err = t.exec(`INSERT INTO checkpoints (size, note, doc) VALUES (?1, ?2, ?3)
 ON CONFLICT (size) DO UPDATE SET note = excluded.note, doc = excluded.doc`, c.Size, c.Note, string(doc))
	if err != nil {
		return t.fail("put checkpoint", err)
	}
	return nil
}

// LatestCheckpoint returns the checkpoint of the largest size, or ENOTFOUND.
func (t *Tx) LatestCheckpoint() (*truce.Checkpoint, error) {
	var doc, note []byte
	err := t.queryRow(`SELECT doc, note FROM checkpoints ORDER BY size DESC LIMIT 1`, nil, &doc, &note)
	if err != nil {
		return nil, t.notFound(err, "checkpoint", "latest")
	}
	var c truce.Checkpoint
	if err := decodeDoc("checkpoint", doc, &c); err != nil {
		return nil, err
	}
	c.Note = note
	return &c, nil
}

// PutCosignature stores a witness's cosignature of a checkpoint size,
// replacing the witness's earlier one of that size.
func (t *Tx) PutCosignature(size int64, witness string, line []byte) error {
	_, err := t.exec(`INSERT INTO cosignatures (size, witness, line) VALUES (?1, ?2, ?3)
 ON CONFLICT (size, witness) DO UPDATE SET line = excluded.line`, size, witness, line)
	if err != nil {
		return t.fail("put cosignature", err)
	}
	return nil
}

// Cosignatures returns the cosignature lines of a size, by witness.
func (t *Tx) Cosignatures(size int64) (map[string][]byte, error) {
	rows, err := t.query(`SELECT witness, line FROM cosignatures WHERE size = ?1`, size)
	if err != nil {
		return nil, t.fail("read cosignatures", err)
	}
	defer rows.Close()
	out := map[string][]byte{}
	for rows.Next() {
		var w string
		var line []byte
		if err := rows.Scan(&w, &line); err != nil {
			return nil, t.fail("read cosignatures", err)
		}
		out[w] = line
	}
	return out, rows.Err()
}

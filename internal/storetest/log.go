package storetest

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

func logEntry(i int64) truce.LogEntry {
	return truce.LogEntry{Index: i, RecordType: []string{"report", "incident", "verdict"}[i%3],
		RecordID: fmt.Sprintf("rec_%d", i%7), Data: []byte(fmt.Sprintf(`{"n":%d}`, i))}
}

func logHash(i int64) [32]byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(i))
	return sha256.Sum256(b[:])
}

// appendLog appends entries [from, to) with two hashes each.
func appendLog(tx truce.Tx, from, to int64) error {
	var es []truce.LogEntry
	var hs [][32]byte
	for i := from; i < to; i++ {
		es = append(es, logEntry(i))
		hs = append(hs, logHash(2*i), logHash(2*i+1))
	}
	return tx.LogAppend(es, 2*from, hs)
}

func testLogAppend(t *testing.T, s truce.Store) {
	view(t, s, func(tx truce.Tx) error {
		n, err := tx.LogSize()
		if n != 0 {
			t.Errorf("LogSize of an empty log = %d", n)
		}
		return err
	})
	update(t, s, func(tx truce.Tx) error { return appendLog(tx, 0, 3) })
	// 300 more: several multi-row chunks and a ragged end; entries with
	// Index left zero take the next indexes.
	update(t, s, func(tx truce.Tx) error {
		var es []truce.LogEntry
		var hs [][32]byte
		for i := int64(3); i < 303; i++ {
			e := logEntry(i)
			e.Index = 0
			es = append(es, e)
			hs = append(hs, logHash(2*i), logHash(2*i+1))
		}
		return tx.LogAppend(es, 6, hs)
	})
	view(t, s, func(tx truce.Tx) error {
		if n, err := tx.LogSize(); n != 303 || err != nil {
			t.Errorf("LogSize = %d, %v; want 303", n, err)
		}
		return errors.Join(checkLogEntries(t, tx, 303), checkLogHashes(t, tx, 606))
	})
}

// checkLogEntries checks the entries of a log of size entries from logEntry.
func checkLogEntries(t *testing.T, tx truce.Tx, size int64) error {
	for _, r := range [][2]int64{{0, 303}, {1, 2}, {120, 260}, {300, 400}, {5, 5}, {400, 500}} {
		got, err := tx.LogEntries(r[0], r[1])
		if err != nil {
			return err
		}
		var want []truce.LogEntry
		for i := r[0]; i < min(r[1], size); i++ {
			want = append(want, logEntry(i))
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("LogEntries(%d, %d) (-want +got):\n%s", r[0], r[1], diff)
		}
	}
	got, err := tx.LogEntriesFor("verdict", "rec_3")
	if err != nil {
		return err
	}
	var want []truce.LogEntry
	for i := int64(0); i < size; i++ {
		if e := logEntry(i); e.RecordType == "verdict" && e.RecordID == "rec_3" {
			want = append(want, e)
		}
	}
	if len(want) < 2 {
		t.Fatal("fixture: too few entries for one record")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LogEntriesFor (-want +got):\n%s", diff)
	}
	if none, err := tx.LogEntriesFor("report", "rec_nobody"); len(none) != 0 || err != nil {
		t.Errorf("LogEntriesFor(unknown) = %v, %v; want none", none, err)
	}
	return nil
}

// checkLogHashes checks the hashes of a log holding n hashes from logHash.
func checkLogHashes(t *testing.T, tx truce.Tx, n int64) error {
	idx := []int64{n - 1, 0, 17, 17, 300, 1, n - 2}
	for i := int64(0); i < 150; i++ {
		idx = append(idx, 4*i)
	}
	hs, err := tx.LogHashes(idx)
	if err != nil {
		return err
	}
	for i, x := range idx {
		if hs[i] != logHash(x) {
			t.Errorf("LogHashes: hash %d (index %d) is wrong", i, x)
		}
	}
	_, err = tx.LogHashes([]int64{3, n})
	wantCode(t, "LogHashes(past the end)", err, truce.ENOTFOUND)
	if hs, err := tx.LogHashes(nil); len(hs) != 0 || err != nil {
		t.Errorf("LogHashes(nil) = %v, %v", hs, err)
	}
	return nil
}

func testLogAppendChecks(t *testing.T, s truce.Store) {
	update(t, s, func(tx truce.Tx) error { return appendLog(tx, 0, 4) })
	tests := []struct {
		name  string
		entry truce.LogEntry
		start int64
	}{
		{"entry index taken", logEntry(3), 8},
		{"entry index ahead", logEntry(5), 8},
		{"hash start taken", logEntry(4), 7},
		{"hash start ahead", logEntry(4), 9},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := s.Update(t.Context(), func(tx truce.Tx) error {
				return tx.LogAppend([]truce.LogEntry{tc.entry}, tc.start, [][32]byte{logHash(8), logHash(9)})
			})
			wantCode(t, "LogAppend", err, truce.ECONFLICT)
		})
	}
	view(t, s, func(tx truce.Tx) error {
		n, err := tx.LogSize()
		if n != 4 {
			t.Errorf("LogSize after refused appends = %d, want 4", n)
		}
		return err
	})
}

func testCheckpoints(t *testing.T, s truce.Store) {
	view(t, s, func(tx truce.Tx) error {
		_, err := tx.LatestCheckpoint()
		wantCode(t, "LatestCheckpoint(none yet)", err, truce.ENOTFOUND)
		return nil
	})
	cp := func(size int64, note string) *truce.Checkpoint {
		return &truce.Checkpoint{Size: size, Note: []byte(note), At: base.Add(time.Duration(size) * time.Second)}
	}
	update(t, s, func(tx truce.Tx) error {
		for _, c := range []*truce.Checkpoint{cp(3, "three"), cp(10, "ten"), cp(5, "five"), cp(10, "ten, signed again\n— key")} {
			if err := tx.PutCheckpoint(c); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, s, func(tx truce.Tx) error {
		got, err := tx.LatestCheckpoint()
		if err != nil {
			return err
		}
		if diff := cmp.Diff(cp(10, "ten, signed again\n— key"), got); diff != "" {
			t.Errorf("LatestCheckpoint (-want +got):\n%s", diff)
		}
		return nil
	})
}

func testCosignatures(t *testing.T, s truce.Store) {
	update(t, s, func(tx truce.Tx) error {
		for _, c := range []struct {
			size    int64
			witness string
			line    string
		}{{10, "w1", "— w1 AAAA"}, {10, "w2", "— w2 BBBB"}, {11, "w1", "— w1 CCCC"}, {10, "w1", "— w1 DDDD"}} {
			if err := tx.PutCosignature(c.size, c.witness, []byte(c.line)); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, s, func(tx truce.Tx) error {
		for size, want := range map[int64]map[string][]byte{
			10: {"w1": []byte("— w1 DDDD"), "w2": []byte("— w2 BBBB")},
			11: {"w1": []byte("— w1 CCCC")},
			12: {},
		} {
			got, err := tx.Cosignatures(size)
			if err != nil {
				return err
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Cosignatures(%d) (-want +got):\n%s", size, diff)
			}
		}
		return nil
	})
}

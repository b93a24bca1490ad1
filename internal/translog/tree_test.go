package translog

import (
	"context"
	"errors"
	"testing"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/tlog"
)

// TestAppendMatchesRFC6962 appends in batches of many shapes and checks
// every intermediate root against MTH computed by its definition.
func TestAppendMatchesRFC6962(t *testing.T) {
	for _, batches := range [][]int{{1}, {1, 1, 1, 1, 1}, {3, 5, 8}, {256}, {255, 1, 1}, {100, 300, 257, 1}} {
		l, st, _ := NewTestLog(t, Options{})
		var leaves [][]byte
		n := 0
		for _, b := range batches {
			var idx []int64
			err := st.Update(context.Background(), func(tx truce.Tx) error {
				acts := make([]truce.Act, b)
				for i := range acts {
					acts[i] = SampleAct(n + i)
				}
				var err error
				idx, err = l.Record(tx, acts...)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			for i := range b {
				if idx[i] != int64(n+i) {
					t.Fatalf("batches %v: index %d, want %d", batches, idx[i], n+i)
				}
				e, _ := EncodeEntry(SampleAct(n + i))
				leaves = append(leaves, e)
			}
			n += b
			var root tlog.Hash
			st.View(context.Background(), func(tx truce.Tx) error {
				root, err = treeHash(tx, int64(n))
				return err
			})
			if want := naiveRoot(leaves); root != want {
				t.Fatalf("batches %v: root after %d entries = %x, want %x", batches, n, root, want)
			}
		}
	}
}

// TestRolledBackRecordLeavesNoTrace: a transaction that records acts and
// then fails leaves the tree as it was, and the next append is right.
func TestRolledBackRecordLeavesNoTrace(t *testing.T) {
	l, st, _ := NewTestLog(t, Options{})
	RecordActs(t, l, st, 0, 10)
	boom := errors.New("boom")
	err := st.Update(context.Background(), func(tx truce.Tx) error {
		if _, err := l.Record(tx, SampleAct(1000), SampleAct(1001), SampleAct(1002)); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v, want boom", err)
	}
	RecordActs(t, l, st, 10, 13)
	var leaves [][]byte
	for i := range 13 {
		e, _ := EncodeEntry(SampleAct(i))
		leaves = append(leaves, e)
	}
	var root tlog.Hash
	var size int64
	st.View(context.Background(), func(tx truce.Tx) error {
		size, _ = tx.LogSize()
		root, err = treeHash(tx, size)
		return err
	})
	if size != 13 || root != naiveRoot(leaves) {
		t.Fatalf("after a rollback: size %d root %x, want 13 and %x", size, root, naiveRoot(leaves))
	}
}

// TestRecordRejectsBadActs: one bad act fails the whole call and appends
// nothing.
func TestRecordRejectsBadActs(t *testing.T) {
	l, st, _ := NewTestLog(t, Options{})
	err := st.Update(context.Background(), func(tx truce.Tx) error {
		_, err := l.Record(tx, SampleAct(0), truce.Act{Type: "report"})
		return err
	})
	if truce.ErrorCode(err) != truce.EINVALID {
		t.Fatalf("Record with an act without id: %v, want EINVALID", err)
	}
	st.View(context.Background(), func(tx truce.Tx) error {
		if n, _ := tx.LogSize(); n != 0 {
			t.Errorf("size %d after a failed Record, want 0", n)
		}
		return nil
	})
}

// TestFrontierIndexes checks the right edge against tlog's own reads.
func TestFrontierIndexes(t *testing.T) {
	for _, n := range []int64{0, 1, 2, 3, 7, 8, 255, 256, 257, 1000, 1 << 20, 1<<20 + 5} {
		var asked []int64
		tlog.TreeHash(n, tlog.HashReaderFunc(func(idx []int64) ([]tlog.Hash, error) {
			asked = append(asked, idx...)
			return make([]tlog.Hash, len(idx)), nil
		}))
		got := frontierIndexes(n)
		if len(got) != len(asked) {
			t.Fatalf("n=%d: frontier %v, tlog reads %v", n, got, asked)
		}
		for i := range got {
			if got[i] != asked[i] {
				t.Fatalf("n=%d: frontier %v, tlog reads %v", n, got, asked)
			}
		}
	}
}

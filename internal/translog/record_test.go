package translog

import (
	"context"
	"strings"
	"testing"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/tlog"
)

// TestRecordBatch: a batch big enough to be hashed on several CPUs gets
// the entries, in order, that EncodeEntry gives each act, and the tree of
// appending them one by one; a batch with bad acts fails on the first.
func TestRecordBatch(t *testing.T) {
	const n = 1000
	acts := make([]truce.Act, n)
	for i := range acts {
		acts[i] = SampleAct(i)
	}
	l, st, _ := NewTestLog(t, Options{Interval: -1})
	RecordActs(t, l, st, 0, n)
	one, st1, _ := NewTestLog(t, Options{Interval: -1})
	for i := range n {
		RecordActs(t, one, st1, i, i+1)
	}
	var root, root1 tlog.Hash
	st.View(context.Background(), func(tx truce.Tx) error {
		es, err := tx.LogEntries(0, n)
		if err != nil || len(es) != n {
			t.Fatalf("%d entries, %v", len(es), err)
		}
		for i, e := range es {
			want, _ := EncodeEntry(acts[i])
			if e.Index != int64(i) || string(e.Data) != string(want) || e.RecordID != acts[i].ID {
				t.Fatalf("entry %d = %d %s %s, want %s", i, e.Index, e.RecordID, e.Data, want)
			}
		}
		root, err = treeHash(tx, n)
		return err
	})
	st1.View(context.Background(), func(tx truce.Tx) error { root1, _ = treeHash(tx, n); return nil })
	if root != root1 {
		t.Errorf("the tree of one batch differs from the tree of one act at a time")
	}
	bad := append([]truce.Act(nil), acts...)
	bad[700].Record = func() {}
	bad[500].Type = ""
	err := st.Update(context.Background(), func(tx truce.Tx) error {
		_, err := l.Record(tx, bad...)
		return err
	})
	if truce.ErrorCode(err) != truce.EINVALID || !strings.Contains(err.Error(), "needs a type") {
		t.Errorf("a batch with bad acts 500 and 700: %v, want act 500's error", err)
	}
	bad[500] = acts[500]
	bad[700].Record = panicker{}
	err = st.Update(context.Background(), func(tx truce.Tx) error {
		_, err := l.Record(tx, bad...)
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "panic: no") {
		t.Errorf("a batch with a record whose encoding panics: %v", err)
	}
}

// panicker is a record whose encoding panics.
type panicker struct{}

func (panicker) MarshalJSON() ([]byte, error) { panic("no") }

package translog

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"testing"
	"time"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/note"
)

// TestOrigin is the origin of the logs tests make.
const TestOrigin = "truce.test/log"

// TestEpoch is when the tests' clocks start.
var TestEpoch = time.Date(2025, 4, 20, 7, 12, 3, 0, time.UTC)

// NewTestLog returns a log over a fresh MemStore with a new key, closed
// when the test ends.
func NewTestLog(t testing.TB, opts Options) (*Log, *MemStore, string) {
	t.Helper()
	st := NewMemStore()
	l, vkey := NewTestLogOn(t, st, opts)
	return l, st, vkey
}

// NewTestLogOn returns a log over st with a new key, closed when the test
// ends.
func NewTestLogOn(t testing.TB, st truce.Store, opts Options) (*Log, string) {
	t.Helper()
	skey, vkey, err := note.GenerateKey(rand.Reader, TestOrigin)
	if err != nil {
		t.Fatal(err)
	}
	s, err := note.NewSigner(skey)
	if err != nil {
		t.Fatal(err)
	}
	if opts.Interval == 0 {
		opts.Interval = time.Millisecond
	}
	l, err := New(s, vkey, TestOrigin, truce.NewFixedClock(TestEpoch), st, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l, vkey
}

// SampleAct returns the i-th act of a test sequence.
func SampleAct(i int) truce.Act {
	return truce.Act{
		Type:   []string{"report", "incident", "verdict", "status"}[i%4],
		ID:     fmt.Sprintf("rec-%06d", i),
		By:     fmt.Sprintf("tok-%d", i%7),
		At:     TestEpoch.Add(time.Duration(i) * time.Second),
		Record: map[string]any{"n": i, "text": "<b>a & b</b>", "place": "Запоріжжя"},
	}
}

// RecordActs records acts from..to-1 in one transaction and tells the log.
func RecordActs(t testing.TB, l *Log, st truce.Store, from, to int) {
	t.Helper()
	acts := make([]truce.Act, 0, to-from)
	for i := from; i < to; i++ {
		acts = append(acts, SampleAct(i))
	}
	err := st.Update(context.Background(), func(tx truce.Tx) error {
		_, err := l.Record(tx, acts...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	l.Committed()
}

// naiveRoot is RFC 6962's MTH computed by its definition.
func naiveRoot(leaves [][]byte) [32]byte {
	switch len(leaves) {
	case 0:
		return sha256.Sum256(nil)
	case 1:
		return sha256.Sum256(append([]byte{0}, leaves[0]...))
	}
	k := 1
	for k*2 < len(leaves) {
		k *= 2
	}
	l, r := naiveRoot(leaves[:k]), naiveRoot(leaves[k:])
	return sha256.Sum256(append(append([]byte{1}, l[:]...), r[:]...))
}

// NewBenchLog is a log over st with the given key and no background
// signing.
func NewBenchLog(skey, vkey string, st truce.Store) (*Log, error) {
	s, err := note.NewSigner(skey)
	if err != nil {
		return nil, err
	}
	return New(s, vkey, TestOrigin, truce.SystemClock{}, st, Options{Interval: -1})
}

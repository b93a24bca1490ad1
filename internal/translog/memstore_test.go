package translog

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/tlog"
)

// MemStore is an in-memory truce.Store with the storage semantics of the
// log's part of truce.Tx (and Meta): updates are serialised and atomic, a
// failed update leaves nothing behind, views see committed state only.
// The other parts of truce.Tx panic. Tamper lets tests change the stored
// state behind the log's back, as an operator with database access could.
type MemStore struct {
	mu          sync.RWMutex
	entries     []truce.LogEntry
	hashes      [][32]byte
	checkpoints []*truce.Checkpoint
	cosigs      map[int64]map[string][]byte
	meta        map[string][]byte
}

// NewMemStore returns an empty store.
func NewMemStore() *MemStore {
	return &MemStore{cosigs: map[int64]map[string][]byte{}, meta: map[string][]byte{}}
}

// Update runs fn in a write transaction, applied when fn returns nil.
func (s *MemStore) Update(ctx context.Context, fn func(truce.Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	tx := &memTx{s: s, write: true, cosigs: map[int64]map[string][]byte{}, meta: map[string][]byte{}}
	defer func() { tx.done = true }()
	if err := fn(tx); err != nil {
		return err
	}
	s.entries = append(s.entries, tx.entries...)
	s.hashes = append(s.hashes, tx.hashes...)
	s.checkpoints = append(s.checkpoints, tx.checkpoints...)
	for size, m := range tx.cosigs {
		if s.cosigs[size] == nil {
			s.cosigs[size] = map[string][]byte{}
		}
		for w, l := range m {
			s.cosigs[size][w] = l
		}
	}
	for k, v := range tx.meta {
		s.meta[k] = v
	}
	return nil
}

// View runs fn in a read transaction.
func (s *MemStore) View(ctx context.Context, fn func(truce.Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	tx := &memTx{s: s}
	defer func() { tx.done = true }()
	return fn(tx)
}

// Ping always answers.
func (s *MemStore) Ping(context.Context) error { return nil }

// Close does nothing.
func (s *MemStore) Close() error { return nil }

// Dialect names the fake.
func (s *MemStore) Dialect() string { return "memory" }

// Tamper calls fn with the committed state, under the store's lock.
func (s *MemStore) Tamper(fn func(entries *[]truce.LogEntry, hashes *[][32]byte, checkpoints *[]*truce.Checkpoint)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(&s.entries, &s.hashes, &s.checkpoints)
}

// TamperMeta calls fn with the committed settings, under the store's lock.
func (s *MemStore) TamperMeta(fn func(meta map[string][]byte)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(s.meta)
}

// memTx is one transaction of a MemStore: the committed state plus its
// own pending writes.
type memTx struct {
	truce.Tx // the parts of the interface the fake does not implement
	s        *MemStore
	write    bool
	done     bool

	entries     []truce.LogEntry
	hashes      [][32]byte
	checkpoints []*truce.Checkpoint
	cosigs      map[int64]map[string][]byte
	meta        map[string][]byte
}

func (tx *memTx) check(write bool) error {
	if tx.done {
		panic("memstore: transaction used after its function returned")
	}
	if write && !tx.write {
		return truce.Errorf(truce.EINTERNAL, "memstore: write in a read-only transaction")
	}
	return nil
}

func (tx *memTx) LogSize() (int64, error) {
	if err := tx.check(false); err != nil {
		return 0, err
	}
	return int64(len(tx.s.entries) + len(tx.entries)), nil
}

func (tx *memTx) LogAppend(entries []truce.LogEntry, hashStart int64, hashes [][32]byte) error {
	if err := tx.check(true); err != nil {
		return err
	}
	size := int64(len(tx.s.entries) + len(tx.entries))
	have := int64(len(tx.s.hashes) + len(tx.hashes))
	if hashStart != have {
		return fmt.Errorf("memstore: hashes start at %d, want %d", hashStart, have)
	}
	if want := tlog.StoredHashCount(size+int64(len(entries))) - have; int64(len(hashes)) != want {
		return fmt.Errorf("memstore: %d hashes for %d entries at %d, want %d", len(hashes), len(entries), size, want)
	}
	for i, e := range entries {
		if e.Index != size+int64(i) {
			return fmt.Errorf("memstore: entry index %d, want %d", e.Index, size+int64(i))
		}
		e.Data = append([]byte(nil), e.Data...)
		tx.entries = append(tx.entries, e)
	}
	tx.hashes = append(tx.hashes, hashes...)
	return nil
}

func (tx *memTx) LogHashes(indexes []int64) ([][32]byte, error) {
	if err := tx.check(false); err != nil {
		return nil, err
	}
	out := make([][32]byte, len(indexes))
	base := int64(len(tx.s.hashes))
	for i, x := range indexes {
		switch {
		case x >= 0 && x < base:
			out[i] = tx.s.hashes[x]
		case x >= base && x < base+int64(len(tx.hashes)):
			out[i] = tx.hashes[x-base]
		default:
			return nil, truce.Errorf(truce.ENOTFOUND, "memstore: no hash at %d", x)
		}
	}
	return out, nil
}

func (tx *memTx) entry(i int64) truce.LogEntry {
	if base := int64(len(tx.s.entries)); i >= base {
		return tx.entries[i-base]
	}
	return tx.s.entries[i]
}

func (tx *memTx) LogEntries(start, end int64) ([]truce.LogEntry, error) {
	if err := tx.check(false); err != nil {
		return nil, err
	}
	size, _ := tx.LogSize()
	var out []truce.LogEntry
	for i := max(start, 0); i < min(end, size); i++ {
		out = append(out, tx.entry(i))
	}
	return out, nil
}

func (tx *memTx) LogEntriesFor(recordType, recordID string) ([]truce.LogEntry, error) {
	if err := tx.check(false); err != nil {
		return nil, err
	}
	size, _ := tx.LogSize()
	var out []truce.LogEntry
	for i := int64(0); i < size; i++ {
		if e := tx.entry(i); e.RecordType == recordType && e.RecordID == recordID {
			out = append(out, e)
		}
	}
	return out, nil
}

func (tx *memTx) PutCheckpoint(c *truce.Checkpoint) error {
	if err := tx.check(true); err != nil {
		return err
	}
	cc := *c
	tx.checkpoints = append(tx.checkpoints, &cc)
	return nil
}

func (tx *memTx) LatestCheckpoint() (*truce.Checkpoint, error) {
	if err := tx.check(false); err != nil {
		return nil, err
	}
	all := append(append([]*truce.Checkpoint(nil), tx.s.checkpoints...), tx.checkpoints...)
	if len(all) == 0 {
		return nil, truce.Errorf(truce.ENOTFOUND, "no checkpoint")
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Size < all[j].Size })
	c := *all[len(all)-1]
	return &c, nil
}

func (tx *memTx) PutCosignature(size int64, witness string, line []byte) error {
	if err := tx.check(true); err != nil {
		return err
	}
	if tx.cosigs[size] == nil {
		tx.cosigs[size] = map[string][]byte{}
	}
	tx.cosigs[size][witness] = append([]byte(nil), line...)
	return nil
}

func (tx *memTx) Cosignatures(size int64) (map[string][]byte, error) {
	if err := tx.check(false); err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for w, l := range tx.s.cosigs[size] {
		out[w] = l
	}
	for w, l := range tx.cosigs[size] {
		out[w] = l
	}
	return out, nil
}

func (tx *memTx) Meta(key string) ([]byte, error) {
	if err := tx.check(false); err != nil {
		return nil, err
	}
	if v, ok := tx.meta[key]; ok {
		return v, nil
	}
	if v, ok := tx.s.meta[key]; ok {
		return v, nil
	}
	return nil, truce.Errorf(truce.ENOTFOUND, "no setting %q", key)
}

func (tx *memTx) PutMeta(key string, value []byte) error {
	if err := tx.check(true); err != nil {
		return err
	}
	tx.meta[key] = append([]byte(nil), value...)
	return nil
}

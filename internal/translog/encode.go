package translog

import (
	"fmt"
	"runtime"
	"sync/atomic"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/tlog"
)

// firstChunk and lastChunk bound the sizes of the chunks of a batch's
// encoding: the first is small, so that storing starts soon, and each
// next one is twice as big up to lastChunk, so that a batch takes few
// LogAppend calls.
const (
	firstChunk = 64
	lastChunk  = 512
)

// encoding is the encoding of a batch of acts into entries and their leaf
// hashes (see EncodeEntry; tlog.RecordHash), chunk by chunk. A batch of
// several chunks is encoded by goroutines, one per CPU, that take the
// chunks in order, so that Record stores the first chunks while the next
// ones are being hashed: hashing records is most of the log's work that
// does not touch the store.
type encoding struct {
	acts    []truce.Act
	entries []truce.LogEntry
	leaves  []tlog.Hash
	errs    []error
	bounds  []int           // chunk k is acts[bounds[k]:bounds[k+1]]
	done    []chan struct{} // closed when chunk k is encoded
	workers bool            // goroutines encode; else chunk does
	next    atomic.Int64    // the next chunk to take
	stopped atomic.Bool
}

// encodeAll starts encoding acts.
func encodeAll(acts []truce.Act) *encoding {
	bounds := []int{0}
	for size := firstChunk; bounds[len(bounds)-1] < len(acts); size = min(2*size, lastChunk) {
		bounds = append(bounds, min(bounds[len(bounds)-1]+size, len(acts)))
	}
	n := len(bounds) - 1
	e := &encoding{
		acts:    acts,
		entries: make([]truce.LogEntry, len(acts)),
		leaves:  make([]tlog.Hash, len(acts)),
		errs:    make([]error, len(acts)),
		bounds:  bounds,
		done:    make([]chan struct{}, n),
	}
	for k := range e.done {
		e.done[k] = make(chan struct{})
	}
	if workers := min(runtime.GOMAXPROCS(0), n); workers > 1 {
		e.workers = true
		for range workers {
			go e.work()
		}
	}
	return e
}

// chunks returns the number of chunks.
func (e *encoding) chunks() int { return len(e.done) }

// work encodes the chunks not yet taken, in order, until none is left or
// the encoding is stopped.
func (e *encoding) work() {
	for !e.stopped.Load() {
		k := int(e.next.Add(1) - 1)
		if k >= len(e.done) {
			return
		}
		e.encode(k)
	}
}

// encode encodes chunk k.
func (e *encoding) encode(k int) {
	defer close(e.done[k])
	for i := e.bounds[k]; i < e.bounds[k+1]; i++ {
		e.encodeAct(i)
	}
}

// encodeAct encodes act i. A record whose encoding panics fails as an
// error: on a goroutine of its own, the panic would end the process.
func (e *encoding) encodeAct(i int) {
	a := e.acts[i]
	defer func() {
		if p := recover(); p != nil {
			e.errs[i] = fmt.Errorf("log: encoding the %s record %q: panic: %v", a.Type, a.ID, p)
		}
	}()
	data, err := EncodeEntry(a)
	e.entries[i] = truce.LogEntry{RecordType: a.Type, RecordID: a.ID, Data: data}
	e.leaves[i], e.errs[i] = tlog.RecordHash(data), err
}

// chunk returns the entries and leaf hashes of chunk k once encoded, or
// the error of the first of its acts that failed. Without goroutines, it
// encodes the chunk itself.
func (e *encoding) chunk(k int) ([]truce.LogEntry, []tlog.Hash, error) {
	if e.workers {
		<-e.done[k]
	} else {
		e.encode(k)
	}
	from, to := e.bounds[k], e.bounds[k+1]
	for _, err := range e.errs[from:to] {
		if err != nil {
			return nil, nil, err
		}
	}
	return e.entries[from:to], e.leaves[from:to], nil
}

// stop lets the goroutines end without encoding what is left.
func (e *encoding) stop() { e.stopped.Store(true) }

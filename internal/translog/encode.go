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
// hashes (see EncodeEntry; tlog.RecordHash), chunk by chunk, taken in
// order. Goroutines, one per CPU but one, encode chunks while Record
// stores those already encoded; when Record needs a chunk that is not
// ready, it encodes the next chunk not taken rather than wait. Hashing
// records is most of the log's work that does not touch the store.
type encoding struct {
	acts    []truce.Act
	entries []truce.LogEntry
	leaves  []tlog.Hash
	errs    []error
	bounds  []int           // chunk k is acts[bounds[k]:bounds[k+1]]
	done    []chan struct{} // closed when chunk k is encoded
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
	for range min(runtime.GOMAXPROCS(0)-1, n-1) { // helpers: a CPU is the caller's
		go e.work()
	}
	return e
}

// chunks returns the number of chunks.
func (e *encoding) chunks() int { return len(e.done) }

// work encodes the chunks not yet taken, in order, until none is left or
// the encoding is stopped.
func (e *encoding) work() {
	for !e.stopped.Load() {
		if e.encodeNext() < 0 {
			return
		}
	}
}

// encodeNext encodes the next chunk not taken and returns its number, or
// -1 when all are taken.
func (e *encoding) encodeNext() int {
	k := int(e.next.Add(1) - 1)
	if k >= len(e.done) {
		return -1
	}
	e.encode(k)
	return k
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
// the error of the first of its acts that failed. Until chunk k is ready,
// it encodes the next chunks not taken itself.
func (e *encoding) chunk(k int) ([]truce.LogEntry, []tlog.Hash, error) {
	for ready := false; !ready; {
		select {
		case <-e.done[k]:
			ready = true
		default:
			if j := e.encodeNext(); j < 0 || j > k {
				<-e.done[k]
				ready = true
			}
		}
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

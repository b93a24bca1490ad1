// Package translog is Truce's transparency log (shared/spec/log.md).
//
// Record appends one entry per act, in the act's own transaction, to an
// RFC 6962 Merkle tree stored in the layout of golang.org/x/mod/sumdb/tlog
// (truce.LogTx). After commits, a background signer publishes signed
// checkpoints (C2SP tlog-checkpoint, an Ed25519 signed note) and then
// publishes the tiles that became full: each full hash tile and entry
// bundle is kept as one blob in the store's settings (keys "log/tile/…",
// and "log/published" for the size published so far), since it never
// changes again. Handler serves checkpoints, tiles and bundles (C2SP
// tlog-tiles, height 8), JSON proofs, and takes witnesses' cosignatures
// (C2SP tlog-cosignature, cosignature/v1), which it serves with the
// checkpoint they cosign.
//
// internal/logverify is the independent verifier of what Handler serves.
package translog

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/note"
)

// Options tune a Log. The zero value is usable.
type Options struct {
	// Interval is the least time between two checkpoints signed in the
	// background: commits that arrive faster are covered by one checkpoint.
	// Default (zero) 100 ms; negative turns background signing off, leaving
	// checkpoints to SignNow and Close (for tools and tests).
	Interval time.Duration
	// WitnessKeys are the verifier keys of the witnesses whose cosignatures
	// the log accepts and serves with its checkpoint: C2SP vkeys of type
	// 0x04 (cosignature/v1), as printed by "truce witness key".
	WitnessKeys []string
	// WitnessWait, when positive and witnesses are configured, holds a new
	// checkpoint back until every witness has cosigned the latest one or
	// WitnessWait has passed since it was signed, so that witnesses polling
	// at different moments cosign the same checkpoint under load.
	WitnessWait time.Duration
	// Logger receives the background signer's failures and refusals.
	// Default slog.Default().
	Logger *slog.Logger
}

// Log is the transparency log. It implements truce.Recorder. Its methods
// are safe for concurrent use.
type Log struct {
	signer    note.Signer
	vkey      string
	origin    string
	clock     truce.Clock
	store     truce.Store
	opts      Options
	log       *slog.Logger
	witnesses map[witnessID]*cosigVerifier

	upper upperCache  // proofs' hashes of complete subtrees of 256 and more
	kept  recentTiles // what Record appended lately, for publishing

	signMu sync.Mutex // one signer at a time
	mu     sync.Mutex // guards recent
	recent []*truce.Checkpoint

	kick     chan struct{} // a commit changed the tree
	cosigned chan struct{} // a cosignature arrived
	stop     chan struct{}
	done     chan struct{}
	closed   sync.Once
}

// keepRecent is how many recently signed checkpoints a Log remembers so
// that a witness's cosignature of a checkpoint that has just been
// superseded is still accepted.
const keepRecent = 16

// New returns a Log that signs checkpoints with signer, whose verifier key
// is verifierKey, for the log named origin (the checkpoint's first line,
// which must be the signer's key name), stored in store. It starts the
// background signer; Close stops it.
func New(signer note.Signer, verifierKey, origin string, clock truce.Clock, store truce.Store, opts Options) (*Log, error) {
	if signer == nil || clock == nil || store == nil {
		return nil, errors.New("log: New needs a signer, a clock and a store")
	}
	if origin == "" || signer.Name() != origin {
		return nil, truce.Errorf(truce.EINVALID, "log: the signing key is named %q but the log's origin is %q; they must be the same", signer.Name(), origin)
	}
	v, err := note.NewVerifier(verifierKey)
	if err != nil {
		return nil, truce.Errorf(truce.EINVALID, "log: bad verifier key: %v", err)
	}
	if v.Name() != signer.Name() || v.KeyHash() != signer.KeyHash() {
		return nil, truce.Errorf(truce.EINVALID, "log: the verifier key %q is not the signing key's", verifierKey)
	}
	ws, err := parseWitnessKeys(opts.WitnessKeys)
	if err != nil {
		return nil, err
	}
	if opts.Interval == 0 {
		opts.Interval = 100 * time.Millisecond
	}
	l := &Log{
		signer: signer, vkey: verifierKey, origin: origin, clock: clock, store: store,
		opts: opts, log: opts.Logger, witnesses: ws,
		kick: make(chan struct{}, 1), cosigned: make(chan struct{}, 1),
		stop: make(chan struct{}), done: make(chan struct{}),
	}
	if l.log == nil {
		l.log = slog.Default()
	}
	if opts.Interval > 0 {
		go l.run()
	} else {
		close(l.done)
	}
	return l, nil
}

// VerifierKey returns the note verifier key of the log (public).
func (l *Log) VerifierKey() string { return l.vkey }

// Origin returns the log's origin line.
func (l *Log) Origin() string { return l.origin }

// Record appends one entry per act (see EncodeEntry) in tx, the act's own
// transaction, and returns their log indexes. It reads at most one batch
// of hashes from the store per call, whatever the number of acts. A big
// batch is hashed on the other CPUs while the entries already hashed are
// being stored. On error, tx may hold some of the entries: like the act
// itself, it must not commit.
func (l *Log) Record(tx truce.Tx, acts ...truce.Act) ([]int64, error) {
	if len(acts) == 0 {
		return nil, nil
	}
	enc := encodeAll(acts)
	defer enc.stop()
	a, err := newAppender(tx)
	if err != nil {
		return nil, err
	}
	idx := make([]int64, 0, len(acts))
	for k := range enc.chunks() {
		entries, leaves, err := enc.chunk(k)
		if err != nil {
			return nil, err
		}
		ix, err := a.append(entries, leaves)
		if err != nil {
			return nil, err
		}
		idx = append(idx, ix...)
		l.kept.add(entries, leaves)
	}
	return idx, nil
}

// Committed tells the log that a transaction that recorded acts has
// committed. It never blocks: the background signer signs a new checkpoint
// within Options.Interval, one for any number of commits.
func (l *Log) Committed() {
	select {
	case l.kick <- struct{}{}:
	default:
	}
}

// SignNow signs and stores a checkpoint of the tree as it is now, unless
// the latest checkpoint already covers it. It is for startup and tests;
// Committed is the way for acts.
func (l *Log) SignNow(ctx context.Context) error {
	_, err := l.sign(ctx)
	return err
}

// Close stops the background signer and signs what it had not signed yet.
func (l *Log) Close() error {
	var err error
	l.closed.Do(func() {
		close(l.stop)
		<-l.done
		_, err = l.sign(context.Background())
	})
	return err
}

// run is the background signer.
func (l *Log) run() {
	defer close(l.done)
	var hold <-chan time.Time // fires when the witnesses' time is up
	for {
		select {
		case <-l.kick:
		case <-l.stop:
			return
		}
		ok := l.waitForWitnesses(hold)
		hold = nil
		if !ok {
			return
		}
		c, err := l.sign(context.Background())
		if err != nil {
			l.log.Error("transparency log: no checkpoint signed", "err", err)
		}
		if c != nil && l.opts.WitnessWait > 0 && len(l.witnesses) > 0 {
			hold = time.After(l.opts.WitnessWait)
		}
		select {
		case <-time.After(l.opts.Interval):
		case <-l.stop:
			return
		}
	}
}

// waitForWitnesses waits, when Options.WitnessWait asks for it, until
// every witness has cosigned the latest checkpoint or hold fires. It
// returns false when the log is closing.
func (l *Log) waitForWitnesses(hold <-chan time.Time) bool {
	if hold == nil {
		return true
	}
	for {
		missing, err := l.missingCosignatures(context.Background())
		if err != nil || missing == 0 {
			return true
		}
		select {
		case <-hold:
			return true
		case <-l.cosigned:
		case <-l.stop:
			return false
		}
	}
}

// missingCosignatures counts the configured witnesses that have not
// cosigned the latest checkpoint.
func (l *Log) missingCosignatures(ctx context.Context) (int, error) {
	missing := 0
	err := l.store.View(ctx, func(tx truce.Tx) error {
		c, err := latestCheckpoint(tx)
		if err != nil || c == nil {
			return err
		}
		cs, err := tx.Cosignatures(c.Size)
		if err != nil {
			return err
		}
		for _, w := range l.witnesses {
			if _, ok := cs[w.name]; !ok {
				missing++
			}
		}
		return nil
	})
	return missing, err
}

// latestCheckpoint returns the latest checkpoint, or nil before the first.
func latestCheckpoint(tx truce.LogTx) (*truce.Checkpoint, error) {
	c, err := tx.LatestCheckpoint()
	if truce.ErrorCode(err) == truce.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("log: reading the latest checkpoint: %w", err)
	}
	return c, nil
}

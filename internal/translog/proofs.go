package translog

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/tlog"
)

// EntryProof is one log entry of a record with its inclusion proof, for
// pages and API answers that show where a record is in the log.
type EntryProof struct {
	Index int64           `json:"log_index"`
	Entry json.RawMessage `json:"entry"`
	// TreeSize is the size of the signed checkpoint that Proof is
	// against; 0 while no signed checkpoint covers the entry yet.
	TreeSize int64 `json:"tree_size,omitempty"`
	// Proof is the RFC 6962 inclusion proof (audit path), base64 in JSON.
	Proof []tlog.Hash `json:"inclusion_proof,omitempty"`
	// Checkpoint is the signed checkpoint note of TreeSize.
	Checkpoint string `json:"checkpoint,omitempty"`
}

// EntriesFor returns the entries that record acts on one record, oldest
// first, each with an inclusion proof against the latest signed checkpoint
// when that covers it.
func (l *Log) EntriesFor(ctx context.Context, recordType, id string) ([]EntryProof, error) {
	var out []EntryProof
	err := l.store.View(ctx, func(tx truce.Tx) error {
		out = nil
		es, err := tx.LogEntriesFor(recordType, id)
		if err != nil {
			return fmt.Errorf("log: reading the entries of %s %q: %w", recordType, id, err)
		}
		c, err := latestCheckpoint(tx)
		if err != nil {
			return err
		}
		for _, e := range es {
			p := EntryProof{Index: e.Index, Entry: json.RawMessage(e.Data)}
			if c != nil && e.Index < c.Size {
				p.Proof, err = tlog.ProveRecord(c.Size, e.Index, l.upper.reader(tx))
				if err != nil {
					return fmt.Errorf("log: proving entry %d: %w", e.Index, err)
				}
				p.Proof = nonNil(p.Proof)
				p.TreeSize, p.Checkpoint = c.Size, string(c.Note)
			}
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

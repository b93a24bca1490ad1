package translog

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// checkpointBody returns the C2SP tlog-checkpoint body of a tree: the
// origin line, the size in decimal and the root hash in base64.
func checkpointBody(origin string, size int64, root tlog.Hash) string {
	return fmt.Sprintf("%s\n%d\n%s\n", origin, size, base64.StdEncoding.EncodeToString(root[:]))
}

// parseCheckpoint returns the body of a signed checkpoint note (without
// its signatures) and the tree it describes. It does not check signatures:
// the note comes from the log's own store.
func parseCheckpoint(signed []byte) (body string, size int64, root tlog.Hash, err error) {
	i := bytes.Index(signed, []byte("\n\n"))
	if i < 0 {
		return "", 0, root, fmt.Errorf("log: stored checkpoint is not a signed note")
	}
	body = string(signed[:i+1])
	lines := strings.SplitN(body, "\n", 4)
	if len(lines) < 4 {
		return "", 0, root, fmt.Errorf("log: stored checkpoint has %d lines, want at least 3", len(lines)-1)
	}
	size, err = strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 {
		return "", 0, root, fmt.Errorf("log: stored checkpoint has a bad size %q", lines[1])
	}
	h, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(h) != tlog.HashSize {
		return "", 0, root, fmt.Errorf("log: stored checkpoint has a bad root hash %q", lines[2])
	}
	copy(root[:], h)
	return body, size, root, nil
}

// sign signs and stores a checkpoint of the tree as it is, unless the
// latest checkpoint covers it already (then it returns nil, nil). It
// refuses to sign when the stored tree is smaller than, or does not extend,
// the latest signed checkpoint: the database was changed behind the log.
func (l *Log) sign(ctx context.Context) (*truce.Checkpoint, error) {
	l.signMu.Lock()
	defer l.signMu.Unlock()
	var signed *truce.Checkpoint
	var covered int64 // the size of the latest checkpoint, new or not
	err := l.store.Update(ctx, func(tx truce.Tx) error {
		signed = nil
		size, err := tx.LogSize()
		if err != nil {
			return fmt.Errorf("log: reading the tree size: %w", err)
		}
		latest, err := latestCheckpoint(tx)
		if err != nil {
			return err
		}
		if latest != nil {
			covered = latest.Size
			if err := checkExtends(tx, latest, size); err != nil || latest.Size == size {
				return err
			}
		}
		root, err := treeHash(tx, size)
		if err != nil {
			return err
		}
		msg, err := note.Sign(&note.Note{Text: checkpointBody(l.origin, size, root)}, l.signer)
		if err != nil {
			return fmt.Errorf("log: signing the checkpoint: %w", err)
		}
		c := &truce.Checkpoint{Size: size, Note: msg, At: l.clock.Now()}
		if err := tx.PutCheckpoint(c); err != nil {
			return fmt.Errorf("log: storing the checkpoint of size %d: %w", size, err)
		}
		signed, covered = c, c.Size
		return nil
	})
	if err != nil {
		return nil, err
	}
	if signed != nil {
		l.remember(signed)
	}
	if err := l.publish(ctx, covered); err != nil {
		l.log.Error("transparency log: publishing full tiles failed; they are served from the rows", "err", err)
	}
	return signed, nil
}

// checkExtends checks that the stored tree of the given size extends the
// latest signed checkpoint.
func checkExtends(tx truce.LogTx, latest *truce.Checkpoint, size int64) error {
	if size < latest.Size {
		return fmt.Errorf("log: the stored tree has %d entries, fewer than the %d of the latest signed checkpoint; refusing to sign (was the database rolled back?)", size, latest.Size)
	}
	_, csize, croot, err := parseCheckpoint(latest.Note)
	if err != nil {
		return err
	}
	root, err := treeHash(tx, csize)
	if err != nil {
		return err
	}
	if root != croot {
		return fmt.Errorf("log: the stored tree of size %d no longer has the root hash of its signed checkpoint; refusing to sign (was the database changed?)", csize)
	}
	return nil
}

// remember keeps c among the recently signed checkpoints.
func (l *Log) remember(c *truce.Checkpoint) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.recent = append(l.recent, c)
	if len(l.recent) > keepRecent {
		l.recent = l.recent[len(l.recent)-keepRecent:]
	}
}

// recentCheckpoints returns the checkpoints this process signed lately,
// newest first.
func (l *Log) recentCheckpoints() []*truce.Checkpoint {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]*truce.Checkpoint, len(l.recent))
	for i, c := range l.recent {
		out[len(out)-1-i] = c
	}
	return out
}

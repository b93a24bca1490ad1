package logverify

import (
	"context"
)

// Options say what Verify checks beyond the checkpoint's signatures.
type Options struct {
	// StatePath is the file that keeps the last checkpoint seen; the new
	// one must be consistent with it, and replaces it when all checks pass.
	StatePath string
	// Entry is the index of an entry to prove included; negative for none.
	Entry int64
	// Audit checks every entry and tile (see Client.Audit).
	Audit bool
	// Progress is passed to Audit.
	Progress func(done, total int64)
}

// Result is what Verify checked.
type Result struct {
	Checkpoint *Checkpoint
	// Saved is the checkpoint the state file held before, if any.
	Saved *Checkpoint
	// Entry is the entry proved included, when Options.Entry asked.
	Entry []byte
	// Audited is true when the full audit passed.
	Audited bool
}

// Verify fetches the log's checkpoint and checks, in order: its signature
// and cosignatures, its consistency with the saved checkpoint, the
// inclusion of the requested entry, and the full audit. It saves the new
// checkpoint only when every check passed.
func (c *Client) Verify(ctx context.Context, opts Options) (*Result, error) {
	cp, err := c.FetchCheckpoint(ctx)
	if err != nil {
		return nil, err
	}
	res := &Result{Checkpoint: cp}
	if opts.StatePath != "" {
		if res.Saved, err = c.LoadState(opts.StatePath); err != nil {
			return res, err
		}
		if res.Saved != nil {
			if err := c.Consistent(ctx, res.Saved, cp); err != nil {
				return res, err
			}
		}
	}
	if opts.Entry >= 0 {
		if res.Entry, err = c.Entry(ctx, cp, opts.Entry); err != nil {
			return res, err
		}
	}
	if opts.Audit {
		if err := c.Audit(ctx, cp, opts.Progress); err != nil {
			return res, err
		}
		res.Audited = true
	}
	if opts.StatePath != "" {
		if err := SaveState(opts.StatePath, cp); err != nil {
			return res, err
		}
	}
	return res, nil
}

package witness

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/logverify"
)

// StateFile is the name of the file, in the witness's data folder, that
// keeps the last checkpoint it cosigned.
const StateFile = "witness.checkpoint"

// Config configures a Witness.
type Config struct {
	Server   string    // base URL of the Truce server
	LogKey   string    // the log's note verifier key
	DataDir  string    // holds the witness's key and state
	Cosigner *Cosigner // the witness's key
	Clock    truce.Clock
	HTTP     *http.Client // default: 60 s timeout
	Logger   *slog.Logger // default slog.Default()
}

// Witness watches one log.
type Witness struct {
	server string
	client *logverify.Client
	cs     *Cosigner
	state  string
	clock  truce.Clock
	http   *http.Client
	log    *slog.Logger
}

// New returns a Witness for cfg.
func New(cfg Config) (*Witness, error) {
	if cfg.Cosigner == nil || cfg.Clock == nil || cfg.DataDir == "" {
		return nil, fmt.Errorf("witness: New needs a cosigner, a clock and a data folder")
	}
	if cfg.HTTP == nil {
		cfg.HTTP = &http.Client{Timeout: 60 * time.Second}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	// The witness judges the log by its own state alone: cosignatures on
	// the served checkpoint, its own included, do not enter into it.
	client, err := logverify.New(logverify.Config{Server: cfg.Server, Key: cfg.LogKey, HTTP: cfg.HTTP})
	if err != nil {
		return nil, fmt.Errorf("witness: %w", err)
	}
	return &Witness{
		server: strings.TrimRight(cfg.Server, "/"), client: client, cs: cfg.Cosigner,
		state: filepath.Join(cfg.DataDir, StateFile), clock: cfg.Clock, http: cfg.HTTP, log: cfg.Logger,
	}, nil
}

// Round is what one Step did.
type Round struct {
	Size     int64 // the size of the log's checkpoint
	Cosigned bool  // a new cosignature was sent
}

// Step runs one round: fetch the checkpoint, check its signature, check
// that it extends the checkpoint last cosigned (kept in the data folder),
// record it as the last cosigned, cosign it and send the cosignature. It
// does nothing more when the served checkpoint already carries this
// witness's cosignature. A logverify.Failure (see logverify.IsFailure)
// means the log misbehaved: the witness must not cosign it, now or later.
func (w *Witness) Step(ctx context.Context) (Round, error) {
	cp, err := w.client.FetchCheckpoint(ctx)
	if err != nil {
		return Round{}, err
	}
	r := Round{Size: cp.Size}
	old, err := w.client.LoadState(w.state)
	if err != nil {
		return r, err
	}
	if old != nil {
		if err := w.client.Consistent(ctx, old, cp); err != nil {
			return r, err
		}
		if old.Size == cp.Size && w.cs.cosigned(cp.Note, cp.Body) {
			return r, nil // cosigned already, and the log still serves it
		}
	}
	if err := logverify.SaveState(w.state, cp); err != nil {
		return r, fmt.Errorf("witness: saving its state: %w", err)
	}
	line, err := w.cs.Cosign(cp.Body, w.clock.Now())
	if err != nil {
		return r, err
	}
	if err := w.post(ctx, line); err != nil {
		return r, err
	}
	r.Cosigned = true
	return r, nil
}

// post sends a cosignature line to the log.
func (w *Witness) post(ctx context.Context, line string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.server+"/log/cosignature", strings.NewReader(line+"\n"))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "text/plain; charset=utf-8")
	resp, err := w.http.Do(req)
	if err != nil {
		return fmt.Errorf("witness: sending the cosignature: %w", err)
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("witness: the log refused the cosignature: %d %s", resp.StatusCode, strings.TrimSpace(string(msg)))
	}
	return nil
}

// Run runs a Step every interval until ctx ends (then it returns nil) or
// the log misbehaves: then it logs the evidence loudly and returns it, and
// the saved state makes every later start refuse again. Other errors are
// logged and retried.
func (w *Witness) Run(ctx context.Context, interval time.Duration) error {
	for {
		r, err := w.Step(ctx)
		switch {
		case logverify.IsFailure(err):
			w.log.Error("WITNESS REFUSES TO COSIGN: the log misbehaved; keep the state file as evidence", "err", err, "state", w.state)
			return err
		case err != nil && ctx.Err() == nil:
			w.log.Warn("witness round failed; will retry", "err", err)
		case r.Cosigned:
			w.log.Info("cosigned the log's checkpoint", "size", r.Size)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(interval):
		}
	}
}

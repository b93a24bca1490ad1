// Package logverify is an independent verifier of a Truce transparency
// log (shared/spec/log.md): it checks a log's signed checkpoint, its
// witnesses' cosignatures, its consistency with a checkpoint seen before,
// the inclusion of an entry, and, in a full audit, every entry and tile.
//
// It reads only what the log serves over HTTP in the C2SP formats
// (tlog-checkpoint, tlog-tiles, tlog-cosignature), builds every proof
// itself from tiles, and checks them with github.com/transparency-dev/merkle
// and golang.org/x/mod/sumdb/note. It shares no code with the log's writer.
package logverify

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"
)

// Config says which log to verify and what to trust.
type Config struct {
	// Server is the base URL of the Truce server; the log is under /log/.
	Server string
	// Key is the log's note verifier key, obtained from a trusted source.
	Key string
	// WitnessKeys are witness verifier keys (C2SP vkeys of type 0x04).
	WitnessKeys []string
	// Cosignatures is how many of WitnessKeys must have cosigned the
	// checkpoint.
	Cosignatures int
	// Concurrency bounds parallel fetches in an audit (default 8).
	Concurrency int
	// HTTP is the client to use (default: one with a 60 s timeout).
	HTTP *http.Client
}

// Client verifies one log. It is safe for concurrent use.
type Client struct {
	base      string
	http      *http.Client
	logKey    note.Verifier
	witnesses []*witnessKey
	quorum    int
	workers   int
}

// New checks cfg and returns a Client.
func New(cfg Config) (*Client, error) {
	if cfg.Server == "" {
		return nil, errors.New("no server URL given")
	}
	v, err := note.NewVerifier(strings.TrimSpace(cfg.Key))
	if err != nil {
		return nil, fmt.Errorf("the log key %q is not a note verifier key: %v", cfg.Key, err)
	}
	c := &Client{
		base:    strings.TrimRight(cfg.Server, "/") + "/log/",
		http:    cfg.HTTP,
		logKey:  v,
		quorum:  cfg.Cosignatures,
		workers: cfg.Concurrency,
	}
	for _, k := range cfg.WitnessKeys {
		w, err := parseWitnessKey(k)
		if err != nil {
			return nil, err
		}
		c.witnesses = append(c.witnesses, w)
	}
	if c.quorum < 0 || c.quorum > len(c.witnesses) {
		return nil, fmt.Errorf("%d cosignatures required but %d witness keys given", c.quorum, len(c.witnesses))
	}
	if c.workers <= 0 {
		c.workers = 8
	}
	if c.http == nil {
		c.http = &http.Client{
			Timeout:   60 * time.Second,
			Transport: &http.Transport{MaxIdleConnsPerHost: c.workers * 2, Proxy: http.ProxyFromEnvironment},
		}
	}
	return c, nil
}

// Origin returns the log's name, as its key gives it.
func (c *Client) Origin() string { return c.logKey.Name() }

// get fetches path (relative to the log's prefix) and returns its body.
func (c *Client) get(ctx context.Context, path string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", path, err)
	}
	defer resp.Body.Close()
	var body []byte
	if n := resp.ContentLength; n >= 0 && n <= 64<<20 && resp.StatusCode == http.StatusOK {
		body = make([]byte, n)
		_, err = io.ReadFull(resp.Body, body)
	} else {
		body, err = io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	}
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", path, err)
	}
	if resp.StatusCode != http.StatusOK {
		msg := strings.TrimSpace(string(body))
		if len(msg) > 200 {
			msg = msg[:200]
		}
		return nil, &HTTPError{Path: path, Status: resp.StatusCode, Message: msg}
	}
	return body, nil
}

// HTTPError is a fetch that the server answered with an error status.
type HTTPError struct {
	Path    string
	Status  int
	Message string
}

// Error says which fetch failed and how.
func (e *HTTPError) Error() string {
	if e.Message == "" {
		return fmt.Sprintf("fetching %s: %s", e.Path, http.StatusText(e.Status))
	}
	return fmt.Sprintf("fetching %s: %d %s", e.Path, e.Status, e.Message)
}

// Failure is a check the log failed: evidence that it misbehaved (a bad
// signature, a fork, a rollback, data that does not match its tree), as
// opposed to an error reaching it.
type Failure struct{ Msg string }

// Error returns the failure's message.
func (f *Failure) Error() string { return f.Msg }

func failf(format string, args ...any) error {
	return &Failure{Msg: fmt.Sprintf(format, args...)}
}

// IsFailure reports whether err is, or wraps, a Failure.
func IsFailure(err error) bool {
	var f *Failure
	return errors.As(err, &f)
}

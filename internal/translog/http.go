package translog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/tlog"
)

// Cache-Control values of the read API.
const (
	cacheImmutable = "public, max-age=31536000, immutable" // full tiles and bundles
	cacheShort     = "public, max-age=5"                   // partial tiles and bundles
	cacheNone      = "no-cache"                            // the checkpoint
)

// maxCosignatureBody bounds the body of POST /log/cosignature.
const maxCosignatureBody = 4096

// Handler returns the log's HTTP API. It serves paths under /log/ (mount
// it as mux.Handle("/log/", l.Handler()), without stripping the prefix):
//
//	GET  /log/checkpoint                        latest signed checkpoint, with cosignatures
//	GET  /log/key                               the note verifier key, one line
//	GET  /log/tile/<L>/<N>[.p/<W>]              hash tiles (C2SP tlog-tiles, height 8)
//	GET  /log/tile/entries/<N>[.p/<W>]          entry bundles
//	GET  /log/proof/inclusion?index=N[&size=S]  {"index","size","hashes":[base64…]}
//	GET  /log/proof/consistency?from=A[&to=B]   {"from","to","hashes":[base64…]}
//	GET  /log/entry/{N}                         {"index":N,"entry":{…}}
//	POST /log/cosignature                       a witness's cosignature line
//
// Only what the latest signed checkpoint covers is served: tiles, entries
// and proofs beyond its size are 404; size and to default to it.
func (l *Log) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /log/checkpoint", l.serveCheckpoint)
	mux.HandleFunc("GET /log/key", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, l.vkey+"\n")
	})
	mux.HandleFunc("GET /log/tile/", l.serveTile)
	mux.HandleFunc("GET /log/proof/inclusion", l.serveInclusion)
	mux.HandleFunc("GET /log/proof/consistency", l.serveConsistency)
	mux.HandleFunc("GET /log/entry/{n}", l.serveEntry)
	mux.HandleFunc("POST /log/cosignature", l.serveCosignature)
	return mux
}

// Checkpoint returns the latest signed checkpoint as served: the signed
// note followed by the witnesses' cosignature lines, sorted by witness.
// ENOTFOUND before the first checkpoint.
func (l *Log) Checkpoint(ctx context.Context) ([]byte, error) {
	var out []byte
	err := l.store.View(ctx, func(tx truce.Tx) error {
		c, err := latestCheckpoint(tx)
		if err != nil {
			return err
		}
		if c == nil {
			return truce.Errorf(truce.ENOTFOUND, "the log has no signed checkpoint yet")
		}
		cs, err := tx.Cosignatures(c.Size)
		if err != nil {
			return fmt.Errorf("log: reading cosignatures: %w", err)
		}
		names := make([]string, 0, len(cs))
		for n := range cs {
			names = append(names, n)
		}
		sort.Strings(names)
		out = append([]byte(nil), c.Note...)
		for _, n := range names {
			out = append(out, strings.TrimRight(string(cs[n]), "\n")+"\n"...)
		}
		return nil
	})
	return out, err
}

func (l *Log) serveCheckpoint(w http.ResponseWriter, r *http.Request) {
	b, err := l.Checkpoint(r.Context())
	if err != nil {
		l.httpError(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", cacheNone)
	w.Write(b)
}

// view runs fn in a read transaction with the size of the latest signed
// checkpoint (0 before the first).
func (l *Log) view(ctx context.Context, fn func(tx truce.Tx, signed int64) error) error {
	return l.store.View(ctx, func(tx truce.Tx) error {
		c, err := latestCheckpoint(tx)
		if err != nil {
			return err
		}
		var size int64
		if c != nil {
			size = c.Size
		}
		return fn(tx, size)
	})
}

func (l *Log) serveTile(w http.ResponseWriter, r *http.Request) {
	t, err := parseTilePath(strings.TrimPrefix(r.URL.Path, "/log/tile/"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	var data []byte
	err = l.store.View(r.Context(), func(tx truce.Tx) error {
		// A published tile was covered by a signed checkpoint when it was
		// published, and checkpoints only grow: one read serves it.
		var err error
		if data, err = readPublished(tx, t); data != nil || err != nil {
			return err
		}
		c, err := latestCheckpoint(tx)
		if err != nil {
			return err
		}
		if c == nil || !tileFits(t, c.Size) {
			return truce.Errorf(truce.ENOTFOUND, "tile %s is beyond the signed tree", tilePath(t))
		}
		if t.L < 0 {
			data, err = readBundle(tx, t)
		} else {
			data, err = readTile(tx, t)
		}
		return err
	})
	if err != nil {
		l.httpError(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	if t.W == tileWidth {
		w.Header().Set("Cache-Control", cacheImmutable)
	} else {
		w.Header().Set("Cache-Control", cacheShort)
	}
	w.Write(data)
}

// proofJSON is the answer of the proof endpoints.
type proofJSON struct {
	Index  *int64      `json:"index,omitempty"`
	Size   *int64      `json:"size,omitempty"`
	From   *int64      `json:"from,omitempty"`
	To     *int64      `json:"to,omitempty"`
	Hashes []tlog.Hash `json:"hashes"` // base64
}

func (l *Log) serveInclusion(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	index, err1 := queryInt(q.Get("index"), -1)
	size, err2 := queryInt(q.Get("size"), 0)
	if err := errors.Join(err1, err2); err != nil || index < 0 {
		http.Error(w, "index must be a non-negative integer, size an optional positive one", http.StatusBadRequest)
		return
	}
	var p tlog.RecordProof
	err := l.view(r.Context(), func(tx truce.Tx, signed int64) error {
		if size == 0 {
			size = signed
		}
		if size > signed || index >= size {
			return truce.Errorf(truce.ENOTFOUND, "no entry %d in a signed tree of size %d (the latest signed size is %d)", index, size, signed)
		}
		var err error
		p, err = tlog.ProveRecord(size, index, l.upper.reader(tx))
		return err
	})
	if err != nil {
		l.httpError(w, err)
		return
	}
	writeJSON(w, proofJSON{Index: &index, Size: &size, Hashes: nonNil(p)})
}

func (l *Log) serveConsistency(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	from, err1 := queryInt(q.Get("from"), -1)
	to, err2 := queryInt(q.Get("to"), 0)
	if err := errors.Join(err1, err2); err != nil || from < 0 {
		http.Error(w, "from must be a non-negative integer, to an optional positive one", http.StatusBadRequest)
		return
	}
	var p tlog.TreeProof
	err := l.view(r.Context(), func(tx truce.Tx, signed int64) error {
		if to == 0 {
			to = signed
		}
		if to > signed || from > to {
			return truce.Errorf(truce.ENOTFOUND, "no consistency proof from %d to %d: the latest signed size is %d", from, to, signed)
		}
		if from == 0 || from == to {
			return nil
		}
		var err error
		p, err = tlog.ProveTree(to, from, l.upper.reader(tx))
		return err
	})
	if err != nil {
		l.httpError(w, err)
		return
	}
	writeJSON(w, proofJSON{From: &from, To: &to, Hashes: nonNil(p)})
}

func (l *Log) serveEntry(w http.ResponseWriter, r *http.Request) {
	n, err := queryInt(r.PathValue("n"), -1)
	if err != nil || n < 0 {
		http.Error(w, "the entry index must be a non-negative integer", http.StatusBadRequest)
		return
	}
	var e truce.LogEntry
	err = l.view(r.Context(), func(tx truce.Tx, signed int64) error {
		if n >= signed {
			return truce.Errorf(truce.ENOTFOUND, "no entry %d in the signed tree of size %d", n, signed)
		}
		es, err := tx.LogEntries(n, n+1)
		if err != nil || len(es) != 1 {
			return fmt.Errorf("log: reading entry %d: %d entries, %v", n, len(es), err)
		}
		e = es[0]
		return nil
	})
	if err != nil {
		l.httpError(w, err)
		return
	}
	writeJSON(w, struct {
		Index int64           `json:"index"`
		Entry json.RawMessage `json:"entry"`
	}{n, e.Data})
}

func (l *Log) serveCosignature(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxCosignatureBody+1))
	if err != nil {
		http.Error(w, "cannot read the body", http.StatusBadRequest)
		return
	}
	if len(body) > maxCosignatureBody {
		http.Error(w, "a cosignature is one signature line", http.StatusRequestEntityTooLarge)
		return
	}
	if err := l.AddCosignature(r.Context(), body); err != nil {
		l.httpError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// queryInt parses a decimal parameter; empty gives def.
func queryInt(s string, def int64) (int64, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("bad number %q", s)
	}
	return n, nil
}

func nonNil(hs []tlog.Hash) []tlog.Hash {
	if hs == nil {
		return []tlog.Hash{}
	}
	return hs
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", cacheNone)
	json.NewEncoder(w).Encode(v)
}

// httpError answers err as one line of text with the status of its code;
// internal errors do not leak their details.
func (l *Log) httpError(w http.ResponseWriter, err error) {
	status := map[string]int{
		truce.EINVALID:   http.StatusBadRequest,
		truce.ENOTFOUND:  http.StatusNotFound,
		truce.ECONFLICT:  http.StatusConflict,
		truce.EFORBIDDEN: http.StatusForbidden,
	}[truce.ErrorCode(err)]
	if status == 0 {
		status = http.StatusInternalServerError
		l.log.Error("transparency log: serving a request failed", "err", err)
	}
	http.Error(w, truce.ErrorMessage(err), status)
}

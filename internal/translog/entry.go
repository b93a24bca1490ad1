package translog

import (
	"bytes"
	"encoding/json"
	"time"
	"unicode/utf8"

	"github.com/truce-monitor/truce"
)

// MaxEntrySize is the largest entry the log accepts: entry bundles prefix
// each entry with a big-endian uint16 length (C2SP tlog-tiles).
const MaxEntrySize = 1<<16 - 1

// entryFields is an entry as written: its fields are in sorted key order,
// so encoding/json writes the canonical form of log.md directly.
type entryFields struct {
	At     string `json:"at"`
	By     string `json:"by"`
	ID     string `json:"id"`
	SHA256 string `json:"sha256"`
	Type   string `json:"type"`
}

// EncodeEntry returns the log entry of an act: the canonical JSON of
// {"at","by","id","sha256","type"}, where sha256 is the hex SHA-256 of the
// canonical JSON of act.Record and at is RFC 3339 in UTC, to the second.
// It fails with EINVALID when the act has no type, id or time, or when the
// entry would exceed MaxEntrySize.
func EncodeEntry(act truce.Act) ([]byte, error) {
	if act.Type == "" || act.ID == "" || act.At.IsZero() {
		return nil, truce.Errorf(truce.EINVALID, "log: act needs a type, an id and a time (got type %q, id %q)", act.Type, act.ID)
	}
	sum, err := recordHash(act.Record)
	if err != nil {
		return nil, truce.Errorf(truce.EINVALID, "log: cannot encode the %s record %q: %v", act.Type, act.ID, err)
	}
	return encodeFields(entryFields{
		At:     act.At.UTC().Format(time.RFC3339),
		By:     validUTF8(act.By),
		ID:     validUTF8(act.ID),
		SHA256: sum,
		Type:   validUTF8(act.Type),
	})
}

// validUTF8 replaces each byte of s that is not UTF-8 by U+FFFD, as a
// round trip through encoding/json does, so that the entry is canonical.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}

func encodeFields(f entryFields) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	b := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	if len(b) > MaxEntrySize {
		return nil, truce.Errorf(truce.EINVALID, "log: the entry of %s %q is %d bytes, over the limit of %d", f.Type, f.ID, len(b), MaxEntrySize)
	}
	return b, nil
}

package translog

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
	"unicode/utf8"

	"github.com/truce-monitor/truce"
)

// MaxEntrySize is the largest entry the log accepts: entry bundles prefix
// each entry with a big-endian uint16 length (C2SP tlog-tiles).
const MaxEntrySize = 1<<16 - 1

// EncodeEntry returns the log entry of an act: the canonical JSON of
// {"at","by","id","sha256","type"}, where sha256 is the hex SHA-256 of the
// canonical JSON of act.Record (act.RecordJSON when set) and at is RFC 3339 in UTC, to the second.
// It fails with EINVALID when the act has no type, id or time, or when the
// entry would exceed MaxEntrySize.
func EncodeEntry(act truce.Act) ([]byte, error) {
	if act.Type == "" || act.ID == "" || act.At.IsZero() {
		return nil, truce.Errorf(truce.EINVALID, "log: act needs a type, an id and a time (got type %q, id %q)", act.Type, act.ID)
	}
	sum, err := actHash(act)
	if err != nil {
		return nil, truce.Errorf(truce.EINVALID, "log: cannot encode the %s record %q: %v", act.Type, act.ID, err)
	}
	// The members in key order, as the canonical form has them.
	b := make([]byte, 0, 128+len(act.By)+len(act.ID)+len(act.Type))
	b = append(b, `{"at":"`...)
	b = act.At.UTC().AppendFormat(b, time.RFC3339)
	b = append(b, `","by":`...)
	b = appendString(b, []byte(validUTF8(act.By)), false)
	b = append(b, `,"id":`...)
	b = appendString(b, []byte(validUTF8(act.ID)), false)
	b = append(b, `,"sha256":"`...)
	b = append(b, sum...)
	b = append(b, `","type":`...)
	b = appendString(b, []byte(validUTF8(act.Type)), false)
	b = append(b, '}')
	if len(b) > MaxEntrySize {
		return nil, truce.Errorf(truce.EINVALID, "log: the entry of %s %q is %d bytes, over the limit of %d", act.Type, act.ID, len(b), MaxEntrySize)
	}
	return b, nil
}

// actHash returns the hex SHA-256 of the canonical JSON of the act's
// record: of act.RecordJSON when the caller has encoded it already.
func actHash(act truce.Act) (string, error) {
	if act.RecordJSON == nil {
		return recordHash(act.Record)
	}
	sum := sha256.Sum256(act.RecordJSON)
	return hex.EncodeToString(sum[:]), nil
}

// validUTF8 replaces each byte of s that is not UTF-8 by U+FFFD, as a
// round trip through encoding/json does, so that the entry is canonical.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}

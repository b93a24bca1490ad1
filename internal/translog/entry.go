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
// canonical JSON of act.Record (act.RecordJSON when set) and at is RFC 3339
// in UTC, to the second. It fails with EINVALID when the act has no type,
// id or time, or when the entry would exceed MaxEntrySize.
func EncodeEntry(act truce.Act) ([]byte, error) {
	if act.Type == "" || act.ID == "" || act.At.IsZero() {
		return nil, truce.Errorf(truce.EINVALID, "log: act needs a type, an id and a time (got type %q, id %q)", act.Type, act.ID)
	}
	sum, err := actSum(act)
	if err != nil {
		return nil, truce.Errorf(truce.EINVALID, "log: cannot encode the %s record %q: %v", act.Type, act.ID, err)
	}
	// The members in key order, as the canonical form has them.
	b := make([]byte, 0, 128+len(act.By)+len(act.ID)+len(act.Type))
	b = append(b, `{"at":"`...)
	b = act.At.UTC().AppendFormat(b, time.RFC3339)
	b = append(b, `","by":`...)
	b = appendField(b, act.By)
	b = append(b, `,"id":`...)
	b = appendField(b, act.ID)
	b = append(b, `,"sha256":"`...)
	b = hex.AppendEncode(b, sum[:])
	b = append(b, `","type":`...)
	b = appendField(b, act.Type)
	b = append(b, '}')
	if len(b) > MaxEntrySize {
		return nil, truce.Errorf(truce.EINVALID, "log: the entry of %s %q is %d bytes, over the limit of %d", act.Type, act.ID, len(b), MaxEntrySize)
	}
	return b, nil
}

// actSum returns the SHA-256 of the canonical JSON of the act's record:
// of act.RecordJSON when the caller has encoded it already.
func actSum(act truce.Act) ([sha256.Size]byte, error) {
	if act.RecordJSON != nil {
		return sha256.Sum256(act.RecordJSON), nil
	}
	return recordSum(act.Record)
}

// appendField appends s as a canonical JSON string: as it is, quoted, when
// it holds nothing to escape (the usual case), else escaped after its
// bytes that are not UTF-8 became U+FFFD.
func appendField(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf {
			return appendString(b, []byte(validUTF8(s)), false)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// validUTF8 replaces each byte of s that is not UTF-8 by U+FFFD, as a
// round trip through encoding/json does, so that the entry is canonical.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}

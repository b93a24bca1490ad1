package truce

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"
)

// CanonicalJSON encodes v as canonical JSON: object keys sorted, no
// insignificant white space, no HTML escaping, numbers as encoded by Go.
// The transparency log commits to records by the SHA-256 of this encoding,
// so anyone holding a record can recompute its hash.
func CanonicalJSON(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(tree); err != nil { // maps encode with sorted keys
		return nil, err
	}
	return bytes.TrimSuffix(out.Bytes(), []byte("\n")), nil
}

// CanonicalMarshaler is implemented by records that write their own
// canonical JSON, faster than CanonicalJSON's generic path (Report does).
// Its contract: CanonicalJSON returns exactly the bytes that the function
// CanonicalJSON returns for the same value, and fails where it fails. The
// transparency log hashes what it returns in place of the generic form.
type CanonicalMarshaler interface {
	CanonicalJSON() ([]byte, error)
}

var _ CanonicalMarshaler = (*Report)(nil)

// RecordHash returns the hex SHA-256 of the canonical JSON of v.
func RecordHash(v any) (string, error) {
	b, err := CanonicalJSON(v)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// Act is one act that goes into the transparency log: what kind of record
// (report, incident, verdict, agreement, status, response, notification,
// ack, merge, split …), its id, who did it, when, and the full record, whose
// canonical JSON hash the entry commits to.
type Act struct {
	Type   string
	ID     string
	By     string
	At     time.Time
	Record any
	// RecordJSON, optional, is the canonical JSON of Record, byte for byte
	// what CanonicalJSON(Record) returns, for a caller that has encoded
	// the record already (intake, which stores the same bytes): the log
	// then hashes it instead of encoding Record again.
	RecordJSON []byte
}

// Recorder writes acts into the transparency log inside the transaction of
// the act itself, so that no act commits without its entry and no entry
// without its act. Record returns the log index of each act. Committed must
// be called after a transaction that recorded acts has committed; it lets
// the log sign a new checkpoint (at once, or batched under load).
type Recorder interface {
	Record(tx Tx, acts ...Act) ([]int64, error)
	Committed()
}

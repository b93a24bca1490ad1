package translog

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/truce-monitor/truce"
)

// recordSum returns the SHA-256 of the canonical JSON of v: of the same
// bytes as truce.RecordHash (FuzzCanonical and FuzzRecordHash check it),
// faster: a record that implements truce.CanonicalMarshaler (a report)
// writes its canonical form itself; for any other, json.Marshal's output
// is rewritten in one pass instead of being decoded into maps and encoded
// again.
func recordSum(v any) ([sha256.Size]byte, error) {
	if cm, ok := v.(truce.CanonicalMarshaler); ok && !isNilPointer(v) {
		out, err := cm.CanonicalJSON() // the record writes it itself
		if err != nil {
			return [sha256.Size]byte{}, err
		}
		return sha256.Sum256(out), nil
	}
	b, err := marshal(v)
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	c := canons.Get().(*canon)
	defer canons.Put(c)
	out, err := c.canonicalize(b)
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	return sha256.Sum256(out), nil
}

// isNilPointer reports whether v is a nil pointer, whose methods with
// value receivers panic and which encodes as null.
func isNilPointer(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

var canons = sync.Pool{New: func() any { return new(canon) }}

// marshal is json.Marshal, except that for a value with its own
// MarshalJSON it only checks the output instead of also compacting and
// HTML-escaping it: the canonical form undoes both anyway.
func marshal(v any) ([]byte, error) {
	m, ok := v.(json.Marshaler)
	if !ok || isNilPointer(v) {
		return json.Marshal(v)
	}
	b, err := m.MarshalJSON()
	if err != nil {
		return nil, err
	}
	if !json.Valid(b) {
		return nil, fmt.Errorf("json: %T.MarshalJSON returned invalid JSON", v)
	}
	return b, nil
}

var errCanon = errors.New("log: malformed JSON from json.Marshal")

// canon is a reusable canonicaliser; its output is valid until next use.
type canon struct {
	in      []byte
	pos     int
	out     []byte
	scratch []byte   // object bodies being reordered
	keys    []byte   // decoded keys that had escapes
	ms      []member // the members of the objects open, innermost last
}

// member is one object member written to out: its decoded key (in the
// input, or in keys) and where its canonical "key":value lies in out.
type member struct {
	key        []byte
	start, end int
}

// canonicalize returns compact JSON (as json.Marshal writes it) rewritten
// the way truce.CanonicalJSON does: object members sorted by key (the
// last of duplicates kept), strings escaped as encoding/json escapes them
// without HTML escaping, numbers and literals as they are. The result is
// valid until c's next use.
func (c *canon) canonicalize(in []byte) ([]byte, error) {
	c.in, c.pos, c.out, c.keys, c.ms = in, 0, c.out[:0], c.keys[:0], c.ms[:0]
	if err := c.value(); err != nil {
		return nil, err
	}
	if c.skipSpace(); c.pos != len(in) {
		return nil, errCanon
	}
	return c.out, nil
}

func (c *canon) skipSpace() {
	for c.pos < len(c.in) {
		switch c.in[c.pos] {
		case ' ', '\t', '\r', '\n':
			c.pos++
		default:
			return
		}
	}
}

// next skips space and returns the next byte, 0 at the end.
func (c *canon) next() byte {
	if c.skipSpace(); c.pos < len(c.in) {
		return c.in[c.pos]
	}
	return 0
}

// value appends the canonical form of the next value to c.out.
func (c *canon) value() error {
	switch c.next() {
	case 0:
		return errCanon
	case '{':
		return c.object()
	case '[':
		return c.array()
	case '"':
		s, plain, err := c.str()
		if err != nil {
			return err
		}
		c.out = appendString(c.out, s, plain)
		return nil
	}
	start := c.pos // a number, true, false or null: kept as written
	for c.pos < len(c.in) {
		switch c.in[c.pos] {
		case ',', ']', '}', ' ', '\t', '\r', '\n':
			c.out = append(c.out, c.in[start:c.pos]...)
			return nil
		}
		c.pos++
	}
	c.out = append(c.out, c.in[start:c.pos]...)
	return nil
}

func (c *canon) array() error {
	c.pos++ // [
	c.out = append(c.out, '[')
	if c.next() == ']' {
		c.pos++
		c.out = append(c.out, ']')
		return nil
	}
	for {
		if err := c.value(); err != nil {
			return err
		}
		switch c.next() {
		case ']':
			c.pos++
			c.out = append(c.out, ']')
			return nil
		case ',':
			c.pos++
			c.out = append(c.out, ',')
		default:
			return errCanon
		}
	}
}

func (c *canon) object() error {
	c.pos++ // {
	start, first := len(c.out), len(c.ms)
	if c.next() == '}' {
		c.pos++
		c.out = append(c.out, '{', '}')
		return nil
	}
	for {
		if c.next() != '"' {
			return errCanon
		}
		k, plain, err := c.str()
		if err != nil {
			return err
		}
		m := member{key: k, start: len(c.out)}
		c.out = append(appendString(c.out, k, plain), ':')
		if c.next() != ':' {
			return errCanon
		}
		c.pos++
		if err := c.value(); err != nil {
			return err
		}
		m.end = len(c.out)
		c.ms = append(c.ms, m)
		switch c.next() {
		case '}':
			c.pos++
			c.sortMembers(start, c.ms[first:])
			c.ms = c.ms[:first]
			return nil
		case ',':
			c.pos++
		default:
			return errCanon
		}
	}
}

// sortMembers rewrites the members written to c.out from start as an
// object in key order, keeping the last of equal keys as a Go map would.
func (c *canon) sortMembers(start int, ms []member) {
	cmp := func(a, b member) int { return bytes.Compare(a.key, b.key) }
	if !slices.IsSortedFunc(ms, cmp) {
		slices.SortStableFunc(ms, cmp)
	}
	c.scratch = append(c.scratch[:0], c.out[start:]...)
	c.out = append(c.out[:start], '{')
	comma := false
	for i, m := range ms {
		if i+1 < len(ms) && bytes.Equal(ms[i+1].key, m.key) {
			continue // a later duplicate wins
		}
		if comma {
			c.out = append(c.out, ',')
		}
		comma = true
		c.out = append(c.out, c.scratch[m.start-start:m.end-start]...)
	}
	c.out = append(c.out, '}')
}

// str reads a string token and returns its decoded bytes. plain is true
// when the token can be written back unchanged: no escapes, valid UTF-8,
// no U+2028 or U+2029; s is then the token's body in the input.
func (c *canon) str() (s []byte, plain bool, err error) {
	c.pos++ // "
	start := c.pos
	for c.pos < len(c.in) {
		b := c.in[c.pos]
		switch {
		case b == '"':
			c.pos++
			return c.in[start : c.pos-1], true, nil
		case b == '\\':
			return c.escapedStr(start)
		case b < 0x20:
			return nil, false, errCanon
		case b < utf8.RuneSelf:
			c.pos++
		default:
			r, size := utf8.DecodeRune(c.in[c.pos:])
			if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
				return c.escapedStr(start)
			}
			c.pos += size
		}
	}
	return nil, false, errCanon
}

// escapedStr decodes the string token whose body starts at start, as
// encoding/json decodes strings, into c.keys.
func (c *canon) escapedStr(start int) ([]byte, bool, error) {
	end := start
	for ; end < len(c.in) && c.in[end] != '"'; end++ {
		if c.in[end] == '\\' {
			end++
		}
	}
	if end >= len(c.in) {
		return nil, false, errCanon
	}
	var s string
	if err := json.Unmarshal(c.in[start-1:end+1], &s); err != nil {
		return nil, false, errCanon
	}
	c.pos = end + 1
	k := len(c.keys)
	c.keys = append(c.keys, s...)
	return c.keys[k:len(c.keys):len(c.keys)], false, nil
}

// appendString appends the string s: as it is when plain, else quoted as
// encoding/json quotes strings without HTML escaping.
func appendString(out, s []byte, plain bool) []byte {
	out = append(out, '"')
	if plain {
		return append(append(out, s...), '"')
	}
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			switch {
			case b == '"' || b == '\\':
				out = append(out, '\\', b)
			case b >= 0x20:
				out = append(out, b)
			case b == '\b':
				out = append(out, '\\', 'b')
			case b == '\f':
				out = append(out, '\\', 'f')
			case b == '\n':
				out = append(out, '\\', 'n')
			case b == '\r':
				out = append(out, '\\', 'r')
			case b == '\t':
				out = append(out, '\\', 't')
			default:
				out = append(out, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			out = append(out, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			out = append(out, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			out = append(out, s[i:i+size]...)
		}
		i += size
	}
	return append(out, '"')
}

package translog

import (
	"encoding/hex"
	"encoding/json"
	"testing"

	"github.com/truce-monitor/truce"
)

// recordHash is recordSum in hex, as truce.RecordHash returns it.
func recordHash(v any) (string, error) {
	sum, err := recordSum(v)
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(sum[:]), nil
}

// canonicalize is canon.canonicalize with a fresh canon and a copy of
// its output.
func canonicalize(in []byte) ([]byte, error) {
	var c canon
	out, err := c.canonicalize(in)
	return append([]byte(nil), out...), err
}

func TestCanonicalize(t *testing.T) {
	for _, v := range []any{
		nil, 1.5, "x", []any{}, map[string]any{},
		map[string]any{"b": 1, "a": []any{map[string]any{"z": true, "y": nil}}, "<&>": "<&>\u2028\u2029\x01\n\"\\é\xff"},
		json.RawMessage(`{"b":1,"a":2,"b":3,"\u0061":4}`),
		json.RawMessage(`{"a":"\u00e9\/\ud83d\ude00\ud800","n":-0.0e+5}`),
		json.RawMessage(`[ 1 , { "k" : [ ] } ]`),
	} {
		want, err := truce.CanonicalJSON(v)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(v)
		got, err := canonicalize(b)
		if err != nil || string(got) != string(want) {
			t.Errorf("canonicalize(%s) = %s, %v\nwant %s", b, got, err, want)
		}
	}
}

// FuzzCanonical checks the fast canonical form against truce.CanonicalJSON,
// the definition, on whatever JSON the fuzzer finds.
func FuzzCanonical(f *testing.F) {
	for _, s := range []string{`{"b":1,"a":"<x>"}`, `[{"k":"\u2028","k":"\u00e9"}]`, `"\ud800"`, `{"a":{"c":1,"b":[true,null]}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		want, err := truce.CanonicalJSON(json.RawMessage(data))
		if err != nil {
			return
		}
		b, err := json.Marshal(json.RawMessage(data))
		if err != nil {
			t.Fatal(err)
		}
		got, err := canonicalize(b)
		if err != nil || string(got) != string(want) {
			t.Errorf("canonicalize(%s) = %s, %v\nwant %s", data, got, err, want)
		}
	})
}

// FuzzRecordHash does the same for Go values with awkward strings.
func FuzzRecordHash(f *testing.F) {
	f.Add("a", "<b>", "\u2028\xff", 1.5)
	f.Fuzz(func(t *testing.T, k1, k2, s string, x float64) {
		v := map[string]any{k1: s, k2: []any{x, map[string]string{s: k1}}, "r": benchRecord()}
		want, err1 := truce.RecordHash(v)
		got, err2 := recordHash(v)
		if (err1 == nil) != (err2 == nil) || got != want {
			t.Errorf("recordHash = %s, %v; truce.RecordHash = %s, %v", got, err2, want, err1)
		}
	})
}

// rawMarshaler marshals as its bytes, as they are: not compact, not
// HTML-escaped, maybe invalid.
type rawMarshaler []byte

func (r rawMarshaler) MarshalJSON() ([]byte, error) { return r, nil }

// FuzzMarshaler checks the shortcut for values with their own MarshalJSON.
func FuzzMarshaler(f *testing.F) {
	for _, s := range []string{` { "b" : "<&>" , "a" : [ 1 , 2 ] } `, "\"\u2028\xff\"", `{"a":1,"a":2}`, `tru`, `01`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want, err1 := truce.RecordHash(rawMarshaler(data))
		got, err2 := recordHash(rawMarshaler(data))
		if (err1 == nil) != (err2 == nil) || got != want {
			t.Errorf("recordHash(%q) = %s, %v; truce.RecordHash = %s, %v", data, got, err2, want, err1)
		}
		var nilReport *truce.Report
		want, _ = truce.RecordHash(nilReport)
		if got, err := recordHash(nilReport); got != want || err != nil {
			t.Errorf("recordHash of a nil report = %s, %v; want %s", got, err, want)
		}
	})
}

func benchRecord() *truce.Report {
	lat := 47.8
	return &truce.Report{ID: "r1", Kind: truce.KindStrike, Location: truce.Location{Lat: &lat, Place: "Запоріжжя <центр>"},
		Extra: map[string]json.RawMessage{"source.url": json.RawMessage(`"http://x/?a=1&b=2"`), "zz": json.RawMessage(`{"b":1,"a":2}`)}}
}

// BenchmarkCanonicalizeOnly is the canonical pass over json.Marshal's output.
func BenchmarkCanonicalizeOnly(b *testing.B) {
	r := benchRecord()
	r.Extra = nil
	in, _ := json.Marshal(r)
	var c canon
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		c.canonicalize(in)
	}
}

// TestRecordHashReport: a report, which writes its own canonical form,
// hashes as truce.RecordHash hashes it, with and without unknown fields.
func TestRecordHashReport(t *testing.T) {
	plain := benchRecord()
	plain.Extra = nil
	for _, v := range []any{benchRecord(), plain, *plain, (*truce.Report)(nil)} {
		want, err1 := truce.RecordHash(v)
		got, err2 := recordHash(v)
		if err1 != nil || err2 != nil || got != want {
			t.Errorf("recordHash(%T) = %s, %v; truce.RecordHash = %s, %v", v, got, err2, want, err1)
		}
	}
}

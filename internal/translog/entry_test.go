package translog

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/truce-monitor/truce"
)

func TestEncodeEntry(t *testing.T) {
	at := time.Date(2025, 4, 20, 9, 12, 3, 500, time.FixedZone("EEST", 3*3600))
	rec := map[string]any{"b": 1, "a": "<x>"}
	sum, err := truce.RecordHash(rec)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		act  truce.Act
		want string
		code string
	}{
		{"report", truce.Act{Type: "report", ID: "r1", By: "tok1", At: at, Record: rec},
			`{"at":"2025-04-20T06:12:03Z","by":"tok1","id":"r1","sha256":"` + sum + `","type":"report"}`, ""},
		{"html and unicode kept as is", truce.Act{Type: "status", ID: "a<b>&ü", By: "", At: at, Record: rec},
			`{"at":"2025-04-20T06:12:03Z","by":"","id":"a<b>&ü","sha256":"` + sum + `","type":"status"}`, ""},
		{"no type", truce.Act{ID: "r1", At: at}, "", truce.EINVALID},
		{"no id", truce.Act{Type: "report", At: at}, "", truce.EINVALID},
		{"no time", truce.Act{Type: "report", ID: "r1"}, "", truce.EINVALID},
		{"unencodable record", truce.Act{Type: "report", ID: "r1", At: at, Record: func() {}}, "", truce.EINVALID},
		{"too long", truce.Act{Type: "report", ID: string(make([]byte, MaxEntrySize)), At: at}, "", truce.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := EncodeEntry(tt.act)
			if code := truce.ErrorCode(err); code != tt.code {
				t.Fatalf("error %v (code %q), want code %q", err, code, tt.code)
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("entry (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzEncodeEntry checks that the hand-ordered encoding is exactly the
// canonical JSON of log.md, whatever the strings hold.
func FuzzEncodeEntry(f *testing.F) {
	f.Add("report", "r1", "tok", int64(0))
	f.Add("in<c>", "\u2028\x00\"\\", "é\xff", int64(1745133123))
	f.Fuzz(func(t *testing.T, typ, id, by string, sec int64) {
		act := truce.Act{Type: typ, ID: id, By: by, At: time.Unix(sec%(1<<35), 0), Record: id}
		got, err := EncodeEntry(act)
		if err != nil {
			return // empty type or id, or too long
		}
		sum, _ := truce.RecordHash(id)
		want, err := truce.CanonicalJSON(map[string]string{
			"at": act.At.UTC().Format(time.RFC3339), "by": by, "id": id, "sha256": sum, "type": typ,
		})
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("EncodeEntry = %s\ncanonical  = %s", got, want)
		}
	})
}

// TestEncodeEntryRecordJSON: an act that brings its record's canonical
// JSON is hashed by those bytes, with the entry it would have had anyway.
func TestEncodeEntryRecordJSON(t *testing.T) {
	r := benchRecord()
	r.Extra = nil
	doc, err := r.CanonicalJSON()
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 4, 20, 9, 12, 3, 0, time.UTC)
	plain, err1 := EncodeEntry(truce.Act{Type: "report", ID: "r1", By: "tok", At: at, Record: r})
	fast, err2 := EncodeEntry(truce.Act{Type: "report", ID: "r1", By: "tok", At: at, Record: r, RecordJSON: doc})
	if err1 != nil || err2 != nil || string(plain) != string(fast) {
		t.Errorf("with RecordJSON %s (%v), without %s (%v)", fast, err2, plain, err1)
	}
	other, _ := EncodeEntry(truce.Act{Type: "report", ID: "r1", By: "tok", At: at, Record: r, RecordJSON: []byte(`{}`)})
	sum, _ := truce.RecordHash(map[string]any{})
	if !strings.Contains(string(other), sum) {
		t.Errorf("the entry %s does not hash the given RecordJSON", other)
	}
}

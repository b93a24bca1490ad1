package sqldb

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

func TestRebind(t *testing.T) {
	tests := []struct {
		in, sqlite, postgres string
	}{
		{"SELECT 1", "SELECT 1", "SELECT 1"},
		{"a = ?1 AND b = ?2", "a = ? AND b = ?", "a = $1 AND b = $2"},
		{"VALUES (?1, ?2), (?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
			"VALUES (?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?)",
			"VALUES ($1, $2), ($3, $4, $5, $6, $7, $8, $9, $10, $11)"},
		{"a = ?2 AND b = ?1", "a = ?2 AND b = ?1", "a = $2 AND b = $1"},
		{"a = ?1 OR b = ?1", "a = ?1 OR b = ?1", "a = $1 OR b = $1"},
		{"a = '?1' AND b = ?1", "a = '?1' AND b = ?", "a = '?1' AND b = $1"},
		{`"we?1ird" = ?1`, `"we?1ird" = ?`, `"we?1ird" = $1`},
		{"a = ? AND b = ?1", "a = ? AND b = ?", "a = ? AND b = $1"},
	}
	sq, pg := &Dialect{Name: "sqlite"}, &Dialect{Name: "postgres", Dollar: true}
	for _, tc := range tests {
		if got := sq.Rebind(tc.in); got != tc.sqlite {
			t.Errorf("sqlite Rebind(%q) = %q, want %q", tc.in, got, tc.sqlite)
		}
		if got := pg.Rebind(tc.in); got != tc.postgres {
			t.Errorf("postgres Rebind(%q) = %q, want %q", tc.in, got, tc.postgres)
		}
	}
}

func TestWhere(t *testing.T) {
	var w where
	w.add("a = ?", 1)
	w.add("(b = ? OR c < ?)", "x", 2.5)
	w.add("d IS NULL")
	lim := w.arg(10)
	if got, want := w.sql()+" LIMIT "+lim, " WHERE a = ?1 AND (b = ?2 OR c < ?3) AND d IS NULL LIMIT ?4"; got != want {
		t.Errorf("sql = %q, want %q", got, want)
	}
	if diff := cmp.Diff([]any{1, "x", 2.5, 10}, w.args); diff != "" {
		t.Errorf("args (-want +got):\n%s", diff)
	}
	if (&where{}).sql() != "" {
		t.Error("an empty where renders SQL")
	}
}

func TestLimit(t *testing.T) {
	for in, want := range map[int]int{-1: 100, 0: 100, 1: 1, 999: 999, 1000: 1000, 1001: 1000, 1 << 40: 1000} {
		if got := limit(in); got != want {
			t.Errorf("limit(%d) = %d, want %d", in, got, want)
		}
	}
}

func TestCursorRoundTrip(t *testing.T) {
	tests := []struct {
		kind   string
		n      int64
		id     string
		withID bool
	}{
		{cursorReports, 42, "", false},
		{cursorRejected, -1, "", false},
		{cursorIncidents, 1745128800000000, "i_01:weird:id", true},
		{cursorIncidents, -62135596800000000, "x", true},
	}
	for _, tc := range tests {
		c := encodeCursor(tc.kind, tc.n, tc.id)
		n, id, err := decodeCursor(tc.kind, c, tc.withID)
		if err != nil || n != tc.n || id != tc.id {
			t.Errorf("decode(encode(%s, %d, %q)) = %d, %q, %v", tc.kind, tc.n, tc.id, n, id, err)
		}
		for _, other := range []string{cursorReports, cursorRejected, cursorIncidents} {
			if other == tc.kind {
				continue
			}
			if _, _, err := decodeCursor(other, c, other == cursorIncidents); truce.ErrorCode(err) != truce.EINVALID {
				t.Errorf("a %s cursor decoded as %s: %v", tc.kind, other, err)
			}
		}
	}
}

// FuzzDecodeCursor: cursors come from callers; decoding must never panic,
// and what it accepts must be what encodeCursor writes.
func FuzzDecodeCursor(f *testing.F) {
	f.Add(encodeCursor(cursorIncidents, 17, "i_1"), true)
	f.Add(encodeCursor(cursorReports, 17, ""), false)
	f.Add("", false)
	f.Add("%%%", true)
	f.Fuzz(func(t *testing.T, c string, withID bool) {
		for _, kind := range []string{cursorReports, cursorIncidents} {
			n, id, err := decodeCursor(kind, c, withID)
			if err != nil {
				if truce.ErrorCode(err) != truce.EINVALID {
					t.Fatalf("error %v is not EINVALID", err)
				}
				continue
			}
			if (id != "") != withID {
				t.Fatalf("decoded id %q with withID=%v", id, withID)
			}
			if again, _, err := decodeCursor(kind, encodeCursor(kind, n, id), withID); err != nil || again != n {
				t.Fatalf("re-encoded cursor does not decode: %v", err)
			}
		}
	})
}

func TestMigrations(t *testing.T) {
	good := fstest.MapFS{
		"m/0002_more.sql":  {Data: []byte("two")},
		"m/0001_init.sql":  {Data: []byte("one")},
		"m/0010_later.sql": {Data: []byte("ten")},
		"m/README":         {Data: []byte("not a migration")},
	}
	ms, err := Migrations(good, "m")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range ms {
		got = append(got, m.Name+"="+m.SQL)
	}
	if diff := cmp.Diff([]string{"0001_init.sql=one", "0002_more.sql=two", "0010_later.sql=ten"}, got); diff != "" {
		t.Errorf("Migrations (-want +got):\n%s", diff)
	}
	for name, fsys := range map[string]fstest.MapFS{
		"no number":    {"m/init.sql": {}},
		"zero":         {"m/0000_init.sql": {}},
		"same version": {"m/0001_a.sql": {}, "m/1_b.sql": {}},
	} {
		if _, err := Migrations(fsys, "m"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestDecodeReportFast checks that the fast decoding of stored reports
// gives what Report.UnmarshalJSON gives, and falls back for unknown fields.
func TestDecodeReportFast(t *testing.T) {
	at := time.Date(2025, 4, 20, 6, 0, 0, 5, time.FixedZone("x", 3600))
	lat, zero := 48.5, 0
	reports := []*truce.Report{
		{ID: "r_min", Source: truce.Source{Type: truce.SourceNews, Name: "wire"}, Kind: truce.KindOther,
			Occurred: truce.Window{From: at, To: at}},
		{ID: "r_more", ReceivedAt: at, Source: truce.Source{Type: truce.SourceParty, Name: "p", Party: "UA", Ref: "1"},
			Kind: truce.KindStrike, Occurred: truce.Window{From: at, To: at.Add(time.Hour)}, LaunchedAt: &at,
			Location:   truce.Location{Lat: &lat, Lon: &lat, Place: "Town"},
			Weapons:    []truce.Weapon{{Class: "drone", Count: &zero}},
			Target:     &truce.Target{},
			Casualties: truce.Casualties{Killed: &zero}, Counts: &truce.Counts{Hit: &zero},
			Geocode:  &truce.Geocode{Lat: 1, Lon: 2, Method: "m", Precision: "point"},
			Evidence: []truce.Evidence{{SHA256: "aa"}}, Text: "<&>\u2028"},
		{ID: "r_extra", Source: truce.Source{Type: truce.SourceNews, Name: "wire"}, Kind: truce.KindOther,
			Occurred: truce.Window{From: at, To: at},
			Extra:    map[string]json.RawMessage{"source.url": json.RawMessage(`"u"`), "x": json.RawMessage(`[1]`)}},
	}
	for _, r := range reports {
		doc, err := r.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var want truce.Report
		if err := json.Unmarshal(doc, &want); err != nil {
			t.Fatal(err)
		}
		got, err := decodeReport(doc)
		if err != nil {
			t.Fatalf("%s: %v", r.ID, err)
		}
		if diff := cmp.Diff(&want, got); diff != "" {
			t.Errorf("%s: fast decoding differs (-UnmarshalJSON +fast):\n%s", r.ID, diff)
		}
	}
	if _, err := decodeReport([]byte(`{"kind": 5}`)); err == nil || !strings.Contains(err.Error(), "decode stored report") {
		t.Errorf("a bad document decoded: %v", err)
	}
}

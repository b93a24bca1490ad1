package translog

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/truce-monitor/truce"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// get serves one request and returns its status, headers and body.
func get(t *testing.T, h http.Handler, method, path, body string) (int, http.Header, []byte) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, path, strings.NewReader(body)))
	b, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, rec.Result().Header, b
}

// signedLog is a log of 300 signed entries and 100 more not yet signed.
func signedLog(t *testing.T) (*Log, *MemStore, string) {
	l, st, vkey := NewTestLog(t, Options{Interval: -1}) // no background signing
	RecordActs(t, l, st, 0, 300)
	if err := l.SignNow(context.Background()); err != nil {
		t.Fatal(err)
	}
	err := st.Update(context.Background(), func(tx truce.Tx) error {
		acts := make([]truce.Act, 100)
		for i := range acts {
			acts[i] = SampleAct(300 + i)
		}
		_, err := l.Record(tx, acts...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return l, st, vkey
}

func TestTileEndpoints(t *testing.T) {
	l, st, _ := signedLog(t)
	h := l.Handler()
	tests := []struct {
		path   string
		status int
		width  int // hashes or entries
		cache  string
	}{
		{"/log/tile/0/000", 200, 256, cacheImmutable},
		{"/log/tile/0/001.p/44", 200, 44, cacheShort},
		{"/log/tile/0/001.p/3", 200, 3, cacheShort}, // an older tree's partial tile
		{"/log/tile/0/001.p/45", 404, 0, ""},        // beyond the signed size
		{"/log/tile/0/001", 404, 0, ""},
		{"/log/tile/1/000.p/1", 200, 1, cacheShort},
		{"/log/tile/1/000", 404, 0, ""},
		{"/log/tile/2/000.p/1", 404, 0, ""},
		{"/log/tile/entries/000", 200, 256, cacheImmutable},
		{"/log/tile/entries/001.p/44", 200, 44, cacheShort},
		{"/log/tile/entries/001.p/45", 404, 0, ""},
		{"/log/tile/0/1", 404, 0, ""},                                      // not 3 digits
		{"/log/tile/0/x000/000", 404, 0, ""},                               // not canonical
		{"/log/tile/0/000.p/0", 404, 0, ""},                                // empty tile
		{"/log/tile/0/000.p/256", 404, 0, ""},                              // a full tile is not partial
		{"/log/tile/-1/000", 404, 0, ""},                                   // no such level
		{"/log/tile/64/000", 404, 0, ""},                                   // no such level
		{"/log/tile/8/000", 404, 0, ""},                                    // sumdb spelling is not ours
		{"/log/tile/data/000", 404, 0, ""},                                 // sumdb spelling is not ours
		{"/log/tile/0/x999/x999/x999/x999/x999/x999/x999/000", 404, 0, ""}, // overflow
	}
	for _, tt := range tests {
		status, hdr, body := get(t, h, "GET", tt.path, "")
		if status != tt.status {
			t.Errorf("GET %s: %d %s, want %d", tt.path, status, body, tt.status)
			continue
		}
		if status != 200 {
			continue
		}
		if hdr.Get("Cache-Control") != tt.cache || hdr.Get("Content-Type") != "application/octet-stream" {
			t.Errorf("GET %s: headers %v", tt.path, hdr)
		}
		if strings.Contains(tt.path, "entries") {
			checkBundle(t, st, tt.path, body, tt.width)
		} else if len(body) != tt.width*32 {
			t.Errorf("GET %s: %d bytes, want %d", tt.path, len(body), tt.width*32)
		}
	}
}

// checkBundle checks that a bundle holds the right entries, whose hashes
// are in the level-0 tile.
func checkBundle(t *testing.T, st *MemStore, path string, body []byte, width int) {
	t.Helper()
	tile, _ := parseTilePath(strings.TrimPrefix(path, "/log/tile/"))
	for i := range width {
		n := int(body[0])<<8 | int(body[1])
		want, _ := EncodeEntry(SampleAct(int(tile.N)*256 + i))
		if string(body[2:2+n]) != string(want) {
			t.Fatalf("%s: entry %d = %s, want %s", path, i, body[2:2+n], want)
		}
		body = body[2+n:]
	}
	if len(body) != 0 {
		t.Errorf("%s: %d bytes left over", path, len(body))
	}
}

func TestCheckpointAndKeyEndpoints(t *testing.T) {
	l, _, vkey := signedLog(t)
	h := l.Handler()
	status, hdr, body := get(t, h, "GET", "/log/key", "")
	if status != 200 || string(body) != vkey+"\n" {
		t.Errorf("GET /log/key: %d %q, want %q", status, body, vkey)
	}
	status, hdr, body = get(t, h, "GET", "/log/checkpoint", "")
	if status != 200 || hdr.Get("Cache-Control") != cacheNone || !strings.HasPrefix(hdr.Get("Content-Type"), "text/plain") {
		t.Fatalf("GET /log/checkpoint: %d %v", status, hdr)
	}
	v, _ := note.NewVerifier(vkey)
	n, err := note.Open(body, note.VerifierList(v))
	if err != nil {
		t.Fatalf("the checkpoint does not open with the key: %v", err)
	}
	var root tlog.Hash
	st := l.store
	st.View(context.Background(), func(tx truce.Tx) error { root, err = treeHash(tx, 300); return err })
	if want := checkpointBody(TestOrigin, 300, root); n.Text != want {
		t.Errorf("checkpoint body %q, want %q", n.Text, want)
	}
}

func TestCheckpointBeforeFirst(t *testing.T) {
	l, _, _ := NewTestLog(t, Options{Interval: -1})
	if status, _, _ := get(t, l.Handler(), "GET", "/log/checkpoint", ""); status != 404 {
		t.Errorf("GET /log/checkpoint before any: %d, want 404", status)
	}
	if status, _, _ := get(t, l.Handler(), "GET", "/log/tile/0/000.p/1", ""); status != 404 {
		t.Errorf("a tile before any checkpoint: %d, want 404", status)
	}
	if err := l.SignNow(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, _, body := get(t, l.Handler(), "GET", "/log/checkpoint", "")
	if !strings.HasPrefix(string(body), TestOrigin+"\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n") {
		t.Errorf("the empty log's checkpoint: %q", body)
	}
}

func TestProofEndpoints(t *testing.T) {
	l, st, _ := signedLog(t)
	h := l.Handler()
	roots := map[int64]tlog.Hash{}
	st.View(context.Background(), func(tx truce.Tx) error {
		for _, n := range []int64{1, 7, 256, 257, 299, 300} {
			roots[n], _ = treeHash(tx, n)
		}
		return nil
	})
	for _, c := range []struct{ index, size int64 }{{0, 1}, {0, 300}, {299, 300}, {256, 257}, {5, 7}, {100, 0}} {
		path := "/log/proof/inclusion?index=" + itoa(c.index)
		if c.size > 0 {
			path += "&size=" + itoa(c.size)
		}
		status, _, body := get(t, h, "GET", path, "")
		var p struct {
			Index, Size int64
			Hashes      []tlog.Hash
		}
		if err := json.Unmarshal(body, &p); status != 200 || err != nil {
			t.Fatalf("GET %s: %d %s", path, status, body)
		}
		e, _ := EncodeEntry(SampleAct(int(c.index)))
		if err := tlog.CheckRecord(p.Hashes, p.Size, roots[p.Size], p.Index, tlog.RecordHash(e)); err != nil {
			t.Errorf("GET %s: the proof does not check: %v", path, err)
		}
	}
	for _, c := range []struct{ from, to int64 }{{1, 300}, {7, 256}, {256, 257}, {299, 0}, {300, 300}} {
		path := "/log/proof/consistency?from=" + itoa(c.from)
		if c.to > 0 {
			path += "&to=" + itoa(c.to)
		}
		status, _, body := get(t, h, "GET", path, "")
		var p struct {
			From, To int64
			Hashes   []tlog.Hash
		}
		if err := json.Unmarshal(body, &p); status != 200 || err != nil {
			t.Fatalf("GET %s: %d %s", path, status, body)
		}
		if err := tlog.CheckTree(p.Hashes, p.To, roots[p.To], p.From, roots[p.From]); err != nil {
			t.Errorf("GET %s: the proof does not check: %v", path, err)
		}
	}
}

func TestProofEndpointErrors(t *testing.T) {
	l, _, _ := signedLog(t)
	h := l.Handler()
	for path, want := range map[string]int{
		"/log/proof/inclusion?index=300":             404, // not yet signed
		"/log/proof/inclusion?index=5&size=301":      404,
		"/log/proof/inclusion?index=5&size=5":        404,
		"/log/proof/inclusion?index=x":               400,
		"/log/proof/inclusion":                       400,
		"/log/proof/consistency?from=5&to=301":       404,
		"/log/proof/consistency?from=9&to=8":         404,
		"/log/proof/consistency?from=-1":             400,
		"/log/entry/300":                             404,
		"/log/entry/abc":                             400,
		"/log/proof/consistency?from=0&to=300":       200,
		"/log/proof/inclusion?index=299&size=300&x=": 200,
	} {
		if status, _, body := get(t, h, "GET", path, ""); status != want {
			t.Errorf("GET %s: %d %s, want %d", path, status, body, want)
		}
	}
}

func TestEntryEndpoint(t *testing.T) {
	l, _, _ := signedLog(t)
	status, _, body := get(t, l.Handler(), "GET", "/log/entry/42", "")
	var got struct {
		Index int64           `json:"index"`
		Entry json.RawMessage `json:"entry"`
	}
	if err := json.Unmarshal(body, &got); status != 200 || err != nil {
		t.Fatalf("GET /log/entry/42: %d %s", status, body)
	}
	want, _ := EncodeEntry(SampleAct(42))
	if got.Index != 42 || string(got.Entry) != string(want) {
		t.Errorf("entry 42 = %d %s, want %s", got.Index, got.Entry, want)
	}
}

func TestEntriesFor(t *testing.T) {
	l, st, _ := NewTestLog(t, Options{Interval: -1})
	act := func(n int) truce.Act {
		a := SampleAct(n)
		a.Type, a.ID = "incident", "inc-1"
		return a
	}
	record := func(acts ...truce.Act) {
		st.Update(context.Background(), func(tx truce.Tx) error { _, err := l.Record(tx, acts...); return err })
	}
	record(SampleAct(0), act(1), SampleAct(2))
	record(act(3), SampleAct(4))
	l.SignNow(context.Background())
	record(act(5))
	got, err := l.EntriesFor(context.Background(), "incident", "inc-1")
	if err != nil || len(got) != 3 {
		t.Fatalf("EntriesFor = %d entries, %v; want 3", len(got), err)
	}
	var root tlog.Hash
	st.View(context.Background(), func(tx truce.Tx) error { root, _ = treeHash(tx, 5); return nil })
	for i, idx := range []int64{1, 3, 5} {
		e := got[i]
		want, _ := EncodeEntry(act(int(idx)))
		if e.Index != idx || string(e.Entry) != string(want) {
			t.Fatalf("entry %d: %+v", i, e)
		}
		if idx == 5 {
			if e.TreeSize != 0 || e.Proof != nil || e.Checkpoint != "" {
				t.Errorf("an entry after the checkpoint has a proof: %+v", e)
			}
			continue
		}
		if e.TreeSize != 5 || !strings.Contains(e.Checkpoint, "\n5\n") {
			t.Errorf("entry %d: tree size %d, checkpoint %q", idx, e.TreeSize, e.Checkpoint)
		}
		if err := tlog.CheckRecord(e.Proof, 5, root, idx, tlog.RecordHash(want)); err != nil {
			t.Errorf("entry %d: proof does not check: %v", idx, err)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

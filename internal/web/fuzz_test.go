package web

import (
	"bytes"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/truce-monitor/truce/internal/intake"
)

// FuzzLocalPath checks that sign-in's return path never leaves the site.
func FuzzLocalPath(f *testing.F) {
	for _, s := range []string{"/", "/incidents?kind=strike", "//evil.example", "/\\evil", "https://x", "/a\r\nSet-Cookie: x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		got := localPath(p)
		if got != "/" && got != p {
			t.Fatalf("localPath(%q) = %q: neither the path nor /", p, got)
		}
		if !strings.HasPrefix(got, "/") || strings.HasPrefix(got, "//") || strings.HasPrefix(got, "/\\") || strings.ContainsAny(got, "\r\n") {
			t.Fatalf("localPath(%q) = %q leaves the site", p, got)
		}
	})
}

// FuzzAcceptLanguage checks that any header gives an interface language.
func FuzzAcceptLanguage(f *testing.F) {
	for _, s := range []string{"uk-UA,uk;q=0.9", "ru;q=0.5,en;q=0.7", "*", ";;,,q=", "uk;q=NaN"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		if got := fromAcceptLanguage(h); !slices.Contains(Languages, got) {
			t.Fatalf("fromAcceptLanguage(%q) = %q", h, got)
		}
	})
}

// FuzzReportForm checks that whatever a form holds becomes one item of the
// intake path: a report or a rejection with its reasons, never a panic.
func FuzzReportForm(f *testing.F) {
	f.Add("monitor", "Patrol 7", "strike", "2025-09-11T10:30", "48.1", "37.5", "2", "Shelling.")
	f.Add("party", "", "", "yesterday", "1e999", "-0x10", "-3", "\x00\"}")
	f.Fuzz(func(t *testing.T, st, name, kind, from, lat, lon, killed, text string) {
		v := url.Values{"source_type": {st}, "source_name": {name}, "kind": {kind}, "from": {from},
			"lat": {lat}, "lon": {lon}, "killed": {killed}, "text": {text}}
		body, err := json.Marshal(reportJSON(v))
		if err != nil {
			t.Fatalf("the form's JSON: %v", err)
		}
		var items []intake.Item
		if err := intake.Decode(bytes.NewReader(body), intake.NDJSON, func(it intake.Item) error {
			items = append(items, it)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(items) != 1 || (items[0].Report == nil) == (len(items[0].Errors) == 0) {
			t.Fatalf("the form gave %d items: %+v", len(items), items)
		}
	})
}
